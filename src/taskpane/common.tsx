/** Small pieces the panels share: styles, the old → new change list, a section heading. */
import * as React from 'react';
import { Caption1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { PlannedChange } from '../app/session';

export const usePanelStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalL}`,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  old: {
    color: tokens.colorPaletteRedForeground1,
    textDecorationLine: 'line-through',
  },
  new: {
    color: tokens.colorPaletteGreenForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  empty: {
    color: tokens.colorNeutralForeground3,
    fontStyle: 'italic',
  },
});

/** "chưa nhập" for an empty figure, else the figure. */
export function Figure({ text, kind }: { text: string | null | undefined; kind?: 'old' | 'new' }): React.JSX.Element {
  const styles = usePanelStyles();
  if (text === null || text === undefined || text.trim() === '') return <span className={styles.empty}>chưa nhập</span>;
  return <span className={kind ? styles[kind] : undefined}>{text}</span>;
}

/** The changes of a plan, old → new, one line per place. */
export function ChangeList({ changes, label = 'Các thay đổi sẽ ghi vào tài liệu' }: { changes: readonly PlannedChange[]; label?: string }): React.JSX.Element {
  const styles = usePanelStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {changes.map((c, i) => (
        <li key={`${c.fieldId}-${i}`} className={styles.item}>
          <Caption1>
            {c.label} — {c.where}
          </Caption1>
          <span>
            <Figure text={c.before} kind="old" /> → <Figure text={c.after} kind="new" />
          </span>
        </li>
      ))}
    </ul>
  );
}

export function PanelHeading({ id, children }: { id: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <Subtitle2 as="h2" id={id}>
      {children}
    </Subtitle2>
  );
}

/** The fallback of a lazy panel and of a computation in progress. */
export function Loading({ label }: { label: string }): React.JSX.Element {
  return <Spinner size="small" label={label} labelPosition="after" role="status" />;
}
