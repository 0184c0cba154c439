/**
 * The task pane shell: three tabs (Số liệu, Kiểm tra, Phụ lục) over panels that take their
 * content as props. The lead wires the core in; until then each panel says what it will show.
 */
import * as React from 'react';
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Tab,
  TabList,
  makeStyles,
  tokens,
  type SelectTabData,
} from '@fluentui/react-components';

export type PanelId = 'so-lieu' | 'kiem-tra' | 'phu-luc';

export const PANELS: readonly { id: PanelId; label: string }[] = [
  { id: 'so-lieu', label: 'Số liệu' },
  { id: 'kiem-tra', label: 'Kiểm tra' },
  { id: 'phu-luc', label: 'Phụ lục' },
];

/** The panel named by `?panel=` (the ribbon's "Kiểm tra" button opens `?panel=kiem-tra`). */
export function panelFromSearch(search: string): PanelId {
  const wanted = new URLSearchParams(search).get('panel');
  return PANELS.find((p) => p.id === wanted)?.id ?? 'so-lieu';
}

/** One figure of the report as the data panel lists it. */
export interface FieldRow {
  id: string;
  label: string;
  value: string;
  unit?: string;
}

/** One finding of the check, as the check panel lists it. */
export interface FindingRow {
  id: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  location?: string;
}

/** One appendix table, as the appendix panel lists it. */
export interface AppendixRow {
  id: string;
  title: string;
  rows: number;
}

export interface AppProps {
  initialPanel?: PanelId;
  fields?: FieldRow[];
  findings?: FindingRow[];
  appendices?: AppendixRow[];
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} 0`,
  },
  panel: {
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
});

const SEVERITY: Record<FindingRow['severity'], 'error' | 'warning' | 'info'> = { error: 'error', warning: 'warning', info: 'info' };
const SEVERITY_LABEL: Record<FindingRow['severity'], string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };

export function DataPanel({ fields = [] }: { fields?: FieldRow[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-labelledby="panel-title-so-lieu">
      <Subtitle2 as="h2" id="panel-title-so-lieu">
        Số liệu báo cáo
      </Subtitle2>
      {fields.length === 0 ? (
        <Body1>Chưa có số liệu. Mở một báo cáo theo mẫu để nhập và cập nhật số liệu tại đây.</Body1>
      ) : (
        <ul className={styles.list}>
          {fields.map((f) => (
            <li key={f.id}>
              <Body1>
                {f.label}: <strong>{f.value || '—'}</strong>
                {f.unit ? ` ${f.unit}` : ''}
              </Body1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CheckPanel({ findings = [] }: { findings?: FindingRow[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-labelledby="panel-title-kiem-tra">
      <Subtitle2 as="h2" id="panel-title-kiem-tra">
        Kiểm tra tính thống nhất
      </Subtitle2>
      {findings.length === 0 ? (
        <Body1>Chưa có kết quả kiểm tra: tỷ lệ, tổng, số liệu giữa phần lời và phụ lục, trích dẫn văn bản và kỳ báo cáo sẽ được rà soát tại đây.</Body1>
      ) : (
        findings.map((f) => (
          <MessageBar key={f.id} intent={SEVERITY[f.severity]}>
            <MessageBarBody>
              <MessageBarTitle>{SEVERITY_LABEL[f.severity]}</MessageBarTitle>
              {f.message}
              {f.location ? <Caption1 block>{f.location}</Caption1> : null}
            </MessageBarBody>
          </MessageBar>
        ))
      )}
    </section>
  );
}

export function AppendixPanel({ appendices = [] }: { appendices?: AppendixRow[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-labelledby="panel-title-phu-luc">
      <Subtitle2 as="h2" id="panel-title-phu-luc">
        Bảng phụ lục
      </Subtitle2>
      {appendices.length === 0 ? (
        <Body1>Chưa nhận diện được bảng phụ lục nào trong tài liệu.</Body1>
      ) : (
        <ul className={styles.list}>
          {appendices.map((a) => (
            <li key={a.id}>
              <Body1>
                {a.title} ({a.rows} hàng)
              </Body1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface BoundaryState {
  error: Error | undefined;
}

/** Shows a Vietnamese error message instead of a blank pane when a panel fails to render. */
export class ErrorBoundary extends React.Component<{ children: React.ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: undefined };

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error('baocao: lỗi hiển thị ngăn tác vụ', error);
  }

  override render(): React.ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>Đã xảy ra lỗi</MessageBarTitle>
          Ngăn tác vụ gặp lỗi khi hiển thị. Hãy thử lại; nếu lỗi vẫn còn, hãy đóng và mở lại ngăn tác vụ.
          <Caption1 block>Chi tiết: {this.state.error.message}</Caption1>
        </MessageBarBody>
        <Button appearance="secondary" onClick={() => this.setState({ error: undefined })}>
          Thử lại
        </Button>
      </MessageBar>
    );
  }
}

export function App({ initialPanel = 'so-lieu', fields, findings, appendices }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [panel, setPanel] = React.useState<PanelId>(initialPanel);
  const onTabSelect = (_: unknown, data: SelectTabData) => setPanel(data.value as PanelId);
  return (
    <main className={styles.root} aria-label="baocao – Báo cáo định kỳ">
      <div className={styles.header}>
        <TabList selectedValue={panel} onTabSelect={onTabSelect} aria-label="Chọn ngăn">
          {PANELS.map((p) => (
            <Tab key={p.id} value={p.id} id={`tab-${p.id}`} aria-controls={`tabpanel-${p.id}`}>
              {p.label}
            </Tab>
          ))}
        </TabList>
      </div>
      <div role="tabpanel" id={`tabpanel-${panel}`} aria-labelledby={`tab-${panel}`}>
        <ErrorBoundary key={panel}>
          {panel === 'so-lieu' && <DataPanel fields={fields ?? []} />}
          {panel === 'kiem-tra' && <CheckPanel findings={findings ?? []} />}
          {panel === 'phu-luc' && <AppendixPanel appendices={appendices ?? []} />}
        </ErrorBoundary>
      </div>
    </main>
  );
}
