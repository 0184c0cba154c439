/**
 * The task pane (issue 4): one ReportSession over the host's open document, read on mount, on
 * "Làm mới" and when the host reports a change; four panels over it (Số liệu, Kiểm tra, Phụ lục,
 * Kỳ báo cáo mới). Word (index.tsx + app/word-host.ts) and the workbench both render it.
 *
 * Never blank: a Spinner while the document is first read, a ProgressBar with what is being
 * done during any later operation, and every failure as a MessageBar in Vietnamese.
 */
import * as React from 'react';
import { flushSync } from 'react-dom';
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  type SelectTabData,
} from '@fluentui/react-components';
import type { RevealTarget, TaskPaneHost } from '../app/host';
import { ReportSession, type SessionState } from '../app/session';
import { TEMPLATES } from '../templates';
import type { TemplateDefinition } from '../core/template/schema';
import type { Finding } from '../core/check/findings';
import type { FillPlan } from '../core/model/fill';
import { ErrorBoundary, PANELS, type PanelId } from './App';
import { checkOf, isChecked } from './check-cache';
import { Loading } from './common';
import { consequencesOf, diffFindings, findingKey, quickConsequences, relationFindingsOf } from './consequences';
import { nextPaint, whenIdle } from './schedule';
import { errorText, hasText } from './model';
import { PaneContext, type EditConsequences, type PaneContextValue, type ProblemStep } from './pane-context';
import { DataPanel } from './panels/DataPanel';

export { PANELS, panelFromSearch, type PanelId } from './App';

// The check, the appendix preview and the roll-over load when their tab is first opened.
const CheckPanel = React.lazy(() => import(/* webpackChunkName: "check" */ './panels/CheckPanel'));
const AppendixPanel = React.lazy(() => import(/* webpackChunkName: "appendix" */ './panels/AppendixPanel'));
const RolloverPanel = React.lazy(() => import(/* webpackChunkName: "rollover" */ './panels/RolloverPanel'));

export interface TaskPaneProps {
  host: TaskPaneHost;
  /** The report template; the six-month CCHC report by default. */
  definition?: TemplateDefinition;
  initialPanel?: PanelId;
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
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} 0`,
  },
  titleRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  name: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    minWidth: 0,
  },
  tabs: {
    flexWrap: 'wrap',
  },
  status: {
    minHeight: '20px',
  },
  body: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  center: {
    padding: tokens.spacingVerticalXXL,
  },
});

/** How long typing must pause before the check of the document as it is now is started. */
const PREPARE_DELAY_MS = 1000;
/** After an edit, the whole check waits this long (and for an idle moment): a run of edits checks once. */
const FULL_CHECK_DELAY_MS = 300;

function isStale(error: unknown): boolean {
  return error instanceof Error && (error as { code?: string }).code === 'stale-edit';
}

export function TaskPane({ host, definition, initialPanel = 'so-lieu' }: TaskPaneProps): React.JSX.Element {
  const styles = useStyles();
  // A definition given by the shell is used as is; otherwise the registry picks the document's template.
  const session = React.useMemo(() => (definition ? new ReportSession(host.document, definition) : new ReportSession(host.document, TEMPLATES.default, TEMPLATES)), [host, definition]);
  const [state, setState] = React.useState<SessionState | undefined>(undefined);
  const [activity, setActivity] = React.useState<string | undefined>(undefined);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [panel, setPanel] = React.useState<PanelId>(initialPanel);
  const [consequences, setConsequences] = React.useState<EditConsequences | undefined>(undefined);
  const [focusFinding, setFocusFinding] = React.useState<string | undefined>(undefined);
  const [problemStep, setProblemStep] = React.useState<ProblemStep | undefined>(undefined);
  const queue = React.useRef<Promise<unknown>>(Promise.resolve());
  const mounted = React.useRef(true);

  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = React.useCallback(
    <T,>(label: string, operation: () => Promise<T>): Promise<T | undefined> => {
      const task = queue.current.then(async () => {
        if (!mounted.current) return undefined;
        setActivity(label);
        try {
          const value = await operation();
          if (mounted.current) setError(undefined);
          return value;
        } catch (e) {
          if (mounted.current) setError(errorText(e));
          // A write refused because the document changed: read it again so the pane shows it.
          if (isStale(e)) await session.refresh().catch(() => undefined);
          return undefined;
        } finally {
          if (mounted.current) {
            setState(session.state);
            setActivity(undefined);
          }
        }
      });
      queue.current = task.catch(() => undefined);
      return task;
    },
    [session],
  );

  const refresh = React.useCallback(() => run('Đang đọc báo cáo…', () => session.refresh()), [run, session]);

  React.useEffect(() => {
    setState(undefined);
    void refresh();
  }, [refresh]);

  // Changes the user makes in Word: read again once they pause. Subscribed again when the
  // number of controls changes (Word reports changes of the controls present when subscribing).
  const controlCount = state?.snapshot.controls.length ?? -1;
  React.useEffect(() => {
    if (!host.onDocumentChanged) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = host.onDocumentChanged(() => {
      if (timer) clearTimeout(timer);
      // Word reports every keystroke: wait for a pause. The workbench reports whole changes
      // (undo, redo, template), to be shown at once.
      timer = setTimeout(() => void refresh(), host.kind === 'word' ? 600 : 0);
    });
    return () => {
      if (timer) clearTimeout(timer);
      off();
    };
  }, [host, refresh, controlCount]);

  const reveal = React.useCallback(
    (target: RevealTarget) => {
      void run('Đang chọn vị trí trong tài liệu…', () => host.reveal(target));
    },
    [host, run],
  );

  // When a figure is being typed, the check of the document as it is now is computed meanwhile
  // (when the page is idle: never between a keystroke and Enter), so that the whole-check
  // consequences of the edit need only the check after it.
  const prepared = React.useRef<() => void>(undefined);
  const prepareEdit = React.useCallback(() => {
    const current = state;
    if (!current || isChecked(current)) return;
    prepared.current?.();
    prepared.current = whenIdle(() => {
      try {
        checkOf(session.definition, current, host.documentName);
      } catch {
        // Kiểm tra shows the failure when it is opened.
      }
    }, PREPARE_DELAY_MS);
  }, [state, session, host]);

  // An edit's consequences come in two steps: at once, the relations the edit touches (a few
  // relations, judged before the write); when the page is idle, the whole check before and after
  // it, which replaces them (and adds what the template-free rules say).
  const quick = React.useRef<{ fields: string[]; before: Finding[]; state: SessionState } | undefined>(undefined);
  const fullCheck = React.useRef<() => void>(undefined);
  React.useEffect(
    () => () => {
      prepared.current?.();
      fullCheck.current?.();
    },
    [],
  );

  const previewEdit = React.useCallback(
    async (fieldId: string, plan: FillPlan) => {
      const before = session.state;
      if (!before || !mounted.current) return;
      try {
        const q = quickConsequences(session.definition, before, plan.written);
        quick.current = { fields: Object.keys(plan.written), before: q.before, state: before };
        flushSync(() => setConsequences({ ...q.consequences, state: before, fieldId, quick: true }));
      } catch {
        quick.current = undefined;
        return;
      }
      await nextPaint();
    },
    [session],
  );

  const recordEdit = React.useCallback(
    (fieldId: string, before: SessionState, after: SessionState) => {
      const q = quick.current;
      quick.current = undefined;
      if (q && q.state === before) {
        // The same relations on the state as written: places as the document now has them.
        try {
          const diff = diffFindings(q.before, relationFindingsOf(session.definition, after, q.fields));
          setConsequences({ ...diff, state: after, fieldId, quick: true });
        } catch {
          setConsequences(undefined);
        }
      }
      fullCheck.current?.();
      fullCheck.current = whenIdle(() => {
        if (!mounted.current) return;
        try {
          const diff = consequencesOf(checkOf(session.definition, before, host.documentName), checkOf(session.definition, after, host.documentName));
          // Unless the document has moved on since (another edit, undo): then its own marks stay.
          setConsequences((c) => (c && c.state !== after ? c : { ...diff, state: after, fieldId }));
        } catch {
          // The quick marks stay; Kiểm tra shows the failure when it is opened.
        }
      }, FULL_CHECK_DELAY_MS);
    },
    [session, host],
  );

  const showFinding = React.useCallback((finding: Finding) => {
    setFocusFinding(findingKey(finding));
    setPanel('kiem-tra');
  }, []);

  // Not a report of the template: no content controls and next to none of its figures recognised
  // (a sentence of any document may look like one figure of the report).
  const empty = state !== undefined && state.snapshot.controls.length === 0 && state.data.coverage.fields.found < Math.max(3, state.data.coverage.fields.expected * 0.05);

  // F8 / Shift+F8: the next / previous problem, from anywhere in the page (the pane or, in the
  // workbench, the document); Kiểm tra opens if it is not shown.
  React.useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F8' || e.ctrlKey || e.altKey || e.metaKey) return;
      e.preventDefault();
      setPanel('kiem-tra');
      setProblemStep((p) => ({ seq: (p?.seq ?? 0) + 1, dir: e.shiftKey ? -1 : 1 }));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const context = React.useMemo<PaneContextValue | undefined>(
    () =>
      state
        ? {
            host,
            definition: session.definition,
            session,
            state,
            run,
            busy: activity !== undefined,
            reveal,
            consequences: consequences?.state === state ? consequences : undefined,
            previewEdit,
            recordEdit,
            prepareEdit,
            showFinding,
            focusFinding,
            problemStep,
            generic: empty,
          }
        : undefined,
    [host, session, state, run, activity, reveal, consequences, previewEdit, recordEdit, prepareEdit, showFinding, focusFinding, problemStep, empty],
  );

  const onTabSelect = (_: unknown, data: SelectTabData) => {
    setFocusFinding(undefined);
    setPanel(data.value as PanelId);
  };
  // A document that is not a report keeps Kiểm tra (the template-free checks) beside the offer.
  const panels = empty ? PANELS.filter((p) => p.id === 'kiem-tra') : PANELS;
  const shown: PanelId = empty ? 'kiem-tra' : panel;

  // The host's notice as of the last read (Word: Track Changes); its action changes it.
  // (Read on each render: cheap; the counter re-renders after the action.)
  const [, setNoticeVersion] = React.useState(0);
  const notice = state ? host.notice?.() : undefined;

  return (
    <main className={styles.root} aria-label="baocao – Báo cáo định kỳ" aria-busy={activity !== undefined}>
      <div className={styles.header}>
        <div className={styles.titleRow}>
          <Body1 className={styles.name} title={host.documentName}>
            <strong>{host.documentName}</strong>
          </Body1>
          <Button size="small" onClick={() => void refresh()} disabled={activity !== undefined}>
            Làm mới
          </Button>
        </div>
        <Caption1>{state ? describeState(state) : 'Báo cáo định kỳ'}</Caption1>
        <div className={styles.status} role="status" aria-live="polite">
          {activity && state ? (
            <>
              <ProgressBar thickness="medium" aria-label={activity} />
              <Caption1>{activity}</Caption1>
            </>
          ) : null}
        </div>
      </div>
      {error ? (
        <div className={styles.body}>
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Không thực hiện được</MessageBarTitle>
              {error}
            </MessageBarBody>
            <MessageBarActions>
              {state ? (
                <Button size="small" onClick={() => setError(undefined)}>
                  Đóng
                </Button>
              ) : (
                <Button size="small" onClick={() => void refresh()}>
                  Thử lại
                </Button>
              )}
            </MessageBarActions>
          </MessageBar>
        </div>
      ) : null}
      {notice ? (
        <div className={styles.body}>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{notice.title}</MessageBarTitle>
              {notice.text}
            </MessageBarBody>
            {notice.action ? (
              <MessageBarActions>
                <Button
                  size="small"
                  onClick={() => {
                    notice.action!.run();
                    setNoticeVersion((n) => n + 1);
                  }}
                >
                  {notice.action.label}
                </Button>
              </MessageBarActions>
            ) : null}
          </MessageBar>
        </div>
      ) : null}
      {!state && !error ? (
        <div className={styles.center}>
          <Spinner label="Đang đọc báo cáo…" labelPosition="below" />
        </div>
      ) : null}
      {context ? (
        <PaneContext.Provider value={context}>
          {empty ? (
            <div className={styles.body}>
              <TemplateOffer />
            </div>
          ) : null}
          <div className={styles.header}>
            <TabList className={styles.tabs} size="small" selectedValue={shown} onTabSelect={onTabSelect} aria-label="Chọn ngăn">
              {panels.map((p) => (
                <Tab key={p.id} value={p.id} id={`tab-${p.id}`} aria-controls={`tabpanel-${p.id}`}>
                  {p.label}
                </Tab>
              ))}
            </TabList>
          </div>
          <div role="tabpanel" id={`tabpanel-${shown}`} aria-labelledby={`tab-${shown}`}>
            <ErrorBoundary key={shown}>
              <React.Suspense fallback={<div className={styles.body}><Loading label="Đang tải…" /></div>}>
                {shown === 'so-lieu' && <DataPanel />}
                {shown === 'kiem-tra' && <CheckPanel />}
                {shown === 'phu-luc' && <AppendixPanel />}
                {shown === 'ky-moi' && <RolloverPanel />}
              </React.Suspense>
            </ErrorBoundary>
          </div>
        </PaneContext.Provider>
      ) : null}
    </main>
  );
}

function describeState(state: SessionState): string {
  const { fields } = state.data.coverage;
  const mode = state.data.mode === 'bound' ? 'Báo cáo có ô nhập liệu' : 'Báo cáo nhận diện từ văn bản';
  return `${mode} · nhận diện ${fields.found}/${fields.expected} số liệu`;
}

/** An empty document (no controls, nothing of the report recognised): offer the template. */
function TemplateOffer(): React.JSX.Element {
  const { host, session, state, run, busy } = React.useContext(PaneContext)!;
  const [confirming, setConfirming] = React.useState(false);
  const replaces = hasText(state.snapshot);
  const insert = async () => {
    setConfirming(false);
    await run('Đang tạo báo cáo từ mẫu…', async () => {
      await host.insertTemplate();
      return session.refresh();
    });
  };
  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Chưa có báo cáo theo mẫu</MessageBarTitle>
          Tài liệu này không có ô nhập liệu và chưa nhận diện được số liệu nào của báo cáo. Bạn có thể tạo báo cáo mới từ mẫu chính thức
          ({session.definition.title}). Ngăn Kiểm tra vẫn soát cách viết số, trích dẫn văn bản, kỳ báo cáo và tỷ lệ trong câu của tài liệu này.
        </MessageBarBody>
      </MessageBar>
      <div>
        <Button appearance="primary" disabled={busy} onClick={() => (replaces ? setConfirming(true) : void insert())}>
          Tạo báo cáo từ mẫu
        </Button>
      </div>
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface aria-describedby="template-replace-text">
          <DialogBody>
            <DialogTitle>Thay nội dung bằng mẫu báo cáo?</DialogTitle>
            <DialogContent id="template-replace-text">
              Tài liệu đang có nội dung. Tạo báo cáo từ mẫu sẽ thay toàn bộ nội dung hiện có bằng mẫu báo cáo.{' '}
              {host.kind === 'word' ? 'Có thể hoàn tác bằng lệnh Hoàn tác (Ctrl+Z) của Word.' : 'Có thể hoàn tác bằng nút "Hoàn tác" (Ctrl+Z) ở đầu trang; tệp gốc trên máy không bị thay đổi.'}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void insert()}>
                Thay bằng mẫu
              </Button>
              <Button onClick={() => setConfirming(false)}>Hủy</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
