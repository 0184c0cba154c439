/**
 * Số liệu: the report's figures by section (A, B.I, B.II.1–6, B.III, Phụ lục I–III), each with
 * its label, unit and a vi-VN input validated as it is typed. A figure written in several places
 * is shown once with its places; places that disagree are flagged. Enter or leaving the input
 * writes the figure to every place in one batch and re-reads; Escape puts the figure back.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
  type AccordionToggleEventHandler,
} from '@fluentui/react-components';
import type { FillPlan } from '../../core/model/fill';
import { parseFieldValue, type FieldData } from '../../core/model/report-data';
import type { Field as TemplateField } from '../../core/template/schema';
import { PanelHeading, usePanelStyles } from '../common';
import type { Finding } from '../../core/check/findings';
import { brokenLine, fixedLine } from '../consequences';
import { disagreement, formOf, groupFields, groupKeyOf, groupProgress, isEntered, matchesFilter, placesByField, revealTargetOfLocation, revealTargetOfPlace, type PlaceView } from '../model';
import { usePane, type EditConsequences } from '../pane-context';

// "Gắn số liệu" loads after the panel (its own chunk: the pane's first load stays as small).
const BindFigure = React.lazy(() => import(/* webpackChunkName: "bind" */ './BindFigure'));

const useStyles = makeStyles({
  field: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    marginBottom: tokens.spacingVerticalS,
  },
  places: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
  },
  place: {
    minWidth: 0,
    height: 'auto',
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    fontWeight: tokens.fontWeightRegular,
  },
  consequences: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  headerText: {
    display: 'flex',
    flexDirection: 'column',
  },
  consequence: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
  },
  broken: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  fixed: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  form: {
    marginTop: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function DataPanel(): React.JSX.Element {
  const panel = usePanelStyles();
  const { definition, state, session, run, previewEdit, recordEdit, consequences } = usePane();
  const stateRef = React.useRef(state);
  stateRef.current = state;
  const groups = React.useMemo(() => groupFields(definition), [definition]);
  const places = React.useMemo(() => placesByField(state), [state]);
  const [query, setQuery] = React.useState('');
  const [open, setOpen] = React.useState<string[]>([]);

  const filtered = React.useMemo(
    () => groups.map((g) => ({ ...g, shown: g.fields.filter((f) => matchesFilter(f, query)) })).filter((g) => g.shown.length > 0),
    [groups, query],
  );
  const filtering = query.trim() !== '';
  const openItems = filtering ? filtered.map((g) => g.key) : open;
  const onToggle: AccordionToggleEventHandler<string> = (_, data) => {
    if (!filtering) setOpen(data.openItems);
  };

  const commit = React.useCallback(
    async (field: TemplateField, text: string): Promise<FillPlan | undefined> => {
      const before = stateRef.current;
      const result = await run('Đang ghi số liệu vào tài liệu…', () => session.setFields({ [field.id]: text }, (plan) => previewEdit(field.id, plan)));
      if (result && result.state !== before) recordEdit(field.id, before, result.state);
      return result?.plan;
    },
    [run, session, previewEdit, recordEdit],
  );

  const total = definition.fields.length;
  const entered = definition.fields.filter((f) => isEntered(state.data.fields[f.id])).length;

  return (
    <section className={panel.panel} aria-labelledby="panel-title-so-lieu">
      <PanelHeading id="panel-title-so-lieu">Số liệu báo cáo</PanelHeading>
      <Caption1>
        Đã nhập {entered}/{total} số liệu. Sửa một số liệu rồi nhấn Enter (hoặc chuyển sang ô khác) để ghi vào mọi vị trí trong báo cáo; nhấn Esc để
        trả lại giá trị cũ.
      </Caption1>
      <React.Suspense fallback={null}>
        <BindFigure />
      </React.Suspense>
      {state.userFields?.problems.map((p, i) => (
        <MessageBar key={i} intent="warning" layout="multiline">
          <MessageBarBody>{p}</MessageBarBody>
        </MessageBar>
      ))}
      <Field label="Tìm số liệu theo tên">
        <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} placeholder="ví dụ: hồ sơ tiếp nhận" />
      </Field>
      {filtering ? (
        <Caption1 role="status">
          {filtered.length === 0
            ? `Không tìm thấy số liệu nào có tên khớp với "${query.trim()}".`
            : `${filtered.reduce((n, g) => n + g.shown.length, 0)} số liệu khớp với "${query.trim()}".`}
        </Caption1>
      ) : null}
      <Accordion multiple collapsible openItems={openItems} onToggle={onToggle}>
        {filtered.map((g) => {
          const { done } = groupProgress(definition, state, g.key);
          const conflicts = g.fields.filter((f) => disagreement(f, places.get(f.id) ?? []) === 'value').length;
          const inGroup = (f: Finding) => groupKeyOf(definition, f.locations[0]?.section ?? '') === g.key;
          const broken = consequences?.broken.filter(inGroup).length ?? 0;
          const fixed = consequences?.fixed.filter(inGroup).length ?? 0;
          return (
            <AccordionItem key={g.key} value={g.key}>
              <AccordionHeader as="h3">
                <GroupHeader title={g.title} done={done} total={g.fields.length} conflicts={conflicts} broken={broken} fixed={fixed} />
              </AccordionHeader>
              <AccordionPanel>
                {openItems.includes(g.key) ? <GroupFields fields={g.shown} places={places} forms={g.key.startsWith('PL-')} onCommit={commit} /> : null}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}

interface GroupHeaderProps {
  title: string;
  done: number;
  total: number;
  conflicts: number;
  /** Relations in this section the last edit broke / fixed. */
  broken: number;
  fixed: number;
}

function GroupHeader({ title, done, total, conflicts, broken, fixed }: GroupHeaderProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <span className={styles.headerText}>
      <span>{title}</span>
      <Caption1>
        đã nhập {done}/{total}
        {conflicts > 0 ? ` · ${conflicts} số liệu ghi khác nhau giữa các vị trí` : ''}
        {broken > 0 ? (
          <span className={styles.broken} data-testid="group-broken">
            {' '}
            · {broken} quan hệ không còn khớp
          </span>
        ) : null}
        {fixed > 0 ? <span className={styles.fixed}> · {fixed} đã khớp lại</span> : null}
      </Caption1>
    </span>
  );
}

/** Beside the edited figure: what the edit broke and fixed, each with a link to the finding. */
function ConsequenceList({ consequences }: { consequences: EditConsequences }): React.JSX.Element | null {
  const styles = useStyles();
  const { showFinding, reveal, state } = usePane();
  const items = [...consequences.broken.map((f) => ({ f, broken: true })), ...consequences.fixed.map((f) => ({ f, broken: false }))];
  if (!items.length) return null;
  return (
    <ul className={styles.consequences} aria-label="Ảnh hưởng của thay đổi vừa ghi" data-testid="consequences" data-source={consequences.quick ? 'quick' : 'check'}>
      {items.map(({ f, broken }, i) => {
        const target = broken && f.locations[0] ? revealTargetOfLocation(f.locations[0], state.snapshot) : undefined;
        return (
          <li key={i} className={styles.consequence}>
            <Caption1 className={broken ? styles.broken : styles.fixed}>{broken ? brokenLine(f) : fixedLine(f)}</Caption1>
            {broken ? (
              <>
                <Button size="small" appearance="transparent" className={styles.place} onClick={() => showFinding(f)}>
                  Xem trong Kiểm tra
                </Button>
                {target ? (
                  <Button size="small" appearance="transparent" className={styles.place} onClick={() => reveal(target)}>
                    Xem trong tài liệu
                  </Button>
                ) : null}
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

interface GroupProps {
  fields: TemplateField[];
  places: Map<string, PlaceView[]>;
  /** Put a "Biểu mẫu N" heading before the first field of each appendix form. */
  forms: boolean;
  onCommit: (field: TemplateField, text: string) => Promise<FillPlan | undefined>;
}

function GroupFields({ fields, places, forms, onCommit }: GroupProps): React.JSX.Element {
  const styles = useStyles();
  const { state } = usePane();
  let lastForm: string | undefined;
  return (
    <div>
      {fields.map((f) => {
        const form = forms ? formOf(f) : undefined;
        const heading = form && form !== lastForm ? form : undefined;
        lastForm = form;
        return (
          <React.Fragment key={f.id}>
            {heading ? (
              <Body1 as="h4" className={styles.form}>
                {heading}
              </Body1>
            ) : null}
            <FieldEditor field={f} data={state.data.fields[f.id]} places={places.get(f.id) ?? NO_PLACES} onCommit={onCommit} />
          </React.Fragment>
        );
      })}
    </div>
  );
}

const NO_PLACES: PlaceView[] = [];

/** The error to show for a draft, if any. */
function validate(field: TemplateField, draft: string, current: string): string | undefined {
  const text = draft.trim();
  if (text === current.trim()) return undefined;
  if (text === '') return 'Chưa nhập giá trị. Muốn xóa số liệu này, hãy xóa trực tiếp trong tài liệu.';
  const parsed = parseFieldValue(field.kind, text);
  return parsed.ok ? undefined : parsed.error.message;
}

interface EditorProps {
  field: TemplateField;
  data: FieldData | undefined;
  places: PlaceView[];
  onCommit: (field: TemplateField, text: string) => Promise<FillPlan | undefined>;
}

const FieldEditor = React.memo(function FieldEditor({ field, data, places, onCommit }: EditorProps): React.JSX.Element {
  const styles = useStyles();
  const { reveal, consequences, prepareEdit } = usePane();
  const mine = consequences?.fieldId === field.id ? consequences : undefined;
  const current = data?.text ?? '';
  const [draft, setDraft] = React.useState<string | undefined>(undefined);
  const [saving, setSaving] = React.useState(false);
  const [notes, setNotes] = React.useState<{ intent: 'error' | 'warning'; text: string }[]>([]);
  const savingRef = React.useRef(false);

  const value = draft ?? current;
  const error = draft !== undefined ? validate(field, draft, current) : undefined;
  const differs = disagreement(field, places);

  const commit = async () => {
    if (draft === undefined || savingRef.current) return;
    if (draft.trim() === current.trim()) {
      setDraft(undefined);
      return;
    }
    if (error) return;
    savingRef.current = true;
    setSaving(true);
    try {
      const plan = await onCommit(field, draft.trim());
      if (!plan) return; // the pane shows why
      const problems = plan.problems.filter((p) => p.fieldId === field.id || p.severity === 'error');
      setNotes(problems.map((p) => ({ intent: p.severity === 'error' ? 'error' : 'warning', text: p.message })));
      if (!plan.problems.some((p) => p.severity === 'error')) setDraft(undefined);
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void commit();
    } else if (e.key === 'Escape' && draft !== undefined) {
      e.preventDefault();
      e.stopPropagation();
      setDraft(undefined);
      setNotes([]);
    }
  };

  const unit = field.unit && field.unit !== '%' ? field.unit : undefined;
  const found = places.filter((p) => p.text !== null);
  return (
    <div className={styles.field} role="group" aria-label={field.label}>
      <Field
        label={field.label}
        validationState={error ? 'error' : undefined}
        validationMessage={error}
        hint={!error && !isEntered(data) ? 'chưa nhập' : undefined}
      >
        <Input
          value={value}
          placeholder="chưa nhập"
          onChange={(_, d) => {
            if (draft === undefined) prepareEdit();
            setDraft(d.value);
            setNotes([]);
          }}
          onKeyDown={onKeyDown}
          data-figure={draft === undefined ? 'committed' : 'draft'}
          onBlur={() => void commit()}
          contentAfter={saving ? <Spinner size="extra-tiny" aria-label="Đang ghi" /> : unit ? <Caption1>{unit}</Caption1> : undefined}
          readOnly={saving}
        />
      </Field>
      <div className={styles.places}>
        <Caption1>{places.length > 1 ? `${places.length} vị trí:` : 'Vị trí:'}</Caption1>
        {places.map((p, i) => (
          <React.Fragment key={i}>
            {i > 0 ? <Caption1 aria-hidden>·</Caption1> : null}
            {p.occurrence.found && p.occurrence.place ? (
              <Button
                appearance="transparent"
                size="small"
                className={styles.place}
                title={`Chọn trong tài liệu: ${p.where}`}
                onClick={() => reveal(revealTargetOfPlace(p.occurrence.place!))}
              >
                {p.where}
              </Button>
            ) : (
              <Caption1>{p.where} (không tìm thấy)</Caption1>
            )}
          </React.Fragment>
        ))}
      </div>
      {differs ? (
        <MessageBar intent={differs === 'value' ? 'warning' : 'info'} layout="multiline">
          <MessageBarBody>
            {differs === 'value' ? 'Các vị trí ghi khác nhau: ' : 'Cùng giá trị nhưng cách viết khác nhau: '}
            {found.map((p) => `${p.text === '' ? 'trống' : p.text} (${p.where})`).join(' · ')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {data?.error && !differs ? (
        <Badge appearance="tint" color="warning">
          Không đọc được: {data.error}
        </Badge>
      ) : null}
      <div role="status">{mine ? <ConsequenceList consequences={mine} /> : null}</div>
      {notes.map((n, i) => (
        <MessageBar key={i} intent={n.intent} layout="multiline">
          <MessageBarBody>{n.text}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
});
