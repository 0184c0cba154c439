/**
 * Phụ lục: a preview of every appendix cell a fill would change (derived "Tỷ lệ" rows computed
 * from their sub-rows, old → new, with the computation), applied in one batch on "Áp dụng"; and
 * the task rows of Phụ lục III with their outputs, empty ones marked "chưa nhập": a task can be
 * added to a group ("Thêm nhiệm vụ") and an added one removed ("Xóa"), each after a dialog that
 * says what will be written; rows the template binds to figures are kept (core task-rows).
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PlannedChange } from '../../app/session';
import type { FillPlan } from '../../core/model/fill';
import { planAddTask, planRemoveTask, readTaskTable, taskAppendix, type RowChange, type TaskGroup, type TaskRow } from '../../core/model/task-rows';
import type { TemplateDefinition } from '../../core/template/schema';
import type { SessionState } from '../../app/session';
import { ChangeList, Figure, Loading, PanelHeading, usePanelStyles } from '../common';
import { errorText, groupKeyOf, groupProgress, revealTargetAfterWrite } from '../model';
import { usePane } from '../pane-context';

const useStyles = makeStyles({
  group: {
    marginTop: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  add: {
    marginTop: tokens.spacingVerticalXS,
  },
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  reveal: {
    minWidth: 0,
    height: 'auto',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightRegular,
  },
});

/** How a derived row is computed, with the figures of the document: "30/50 = 60%". */
export function computationOf(definition: TemplateDefinition, state: SessionState, change: PlannedChange): string | undefined {
  const relation = definition.relations.find((r) => r.kind === 'ratio' && r.percent === change.fieldId);
  if (relation?.kind !== 'ratio') return undefined;
  const label = (id: string) => definition.fields.find((f) => f.id === id)?.label ?? id;
  const text = (id: string) => state.data.fields[id]?.text ?? '?';
  return `${text(relation.part)}/${text(relation.base)} = ${change.after} (${label(relation.part)} / ${label(relation.base)})`;
}

/** Where a task's output is written (its first part), for "Xem trong tài liệu". */
function outputCell(row: TaskRow): { block: number; row: number; cell: number } | undefined {
  const part = row.parts.find((p) => p.cells.output !== undefined) ?? row.parts[0];
  if (!part) return undefined;
  return { block: part.tableIndex, row: part.rowIndex, cell: part.cells.output ?? part.cells.task ?? 0 };
}

/** The dialog's request: a task to add to a group, or a row to remove (with its plan or why not). */
type RowRequest = { kind: 'add'; group: TaskGroup; key: string } | { kind: 'remove'; row: TaskRow; plan?: RowChange; refused?: string };

export default function AppendixPanel(): React.JSX.Element {
  const panel = usePanelStyles();
  const styles = useStyles();
  const { definition, state, session, run, busy, reveal, host } = usePane();
  const [preview, setPreview] = React.useState<{ plan: FillPlan; changes: PlannedChange[] } | undefined>(undefined);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  const [done, setDone] = React.useState<{ text: string; written: PlannedChange[] } | undefined>(undefined);
  const [confirming, setConfirming] = React.useState(false);
  const [request, setRequest] = React.useState<RowRequest | undefined>(undefined);
  const [texts, setTexts] = React.useState({ task: '', output: '' });
  const [rowDone, setRowDone] = React.useState<{ text: string; cell?: { block: number; row: number; cell: number } } | undefined>(undefined);

  React.useEffect(() => {
    let live = true;
    session
      .planDerived()
      .then((plan) => {
        if (live) {
          setPreview({ plan, changes: session.describe(plan) });
          setFailure(undefined);
        }
      })
      .catch((e: unknown) => {
        if (live) setFailure(errorText(e));
      });
    return () => {
      live = false;
    };
  }, [session, state]);

  const apply = async () => {
    setConfirming(false);
    if (!preview) return;
    const changes = preview.changes;
    const result = await run('Đang điền các ô phụ lục…', () => session.apply(preview.plan));
    if (result) {
      const errors = result.plan.problems.filter((p) => p.severity === 'error');
      if (!errors.length) {
        setDone({ text: `Đã điền ${changes.length} ô vào phụ lục.`, written: changes });
        // Show where it wrote: the first written place is selected at once, the others are listed.
        const first = changes.find((c) => c.place)?.place;
        if (first) reveal(revealTargetAfterWrite(first));
      } else setDone(undefined);
    }
  };

  const pl3 = readTaskTable(definition, state.snapshot, state.located);
  const tasks = pl3?.groups ?? [];
  // The task table's appendix (a column of role `task`): Phụ lục III of the CCHC reports.
  const taskTable = `Phụ lục ${taskAppendix(definition)?.id ?? 'III'}`;
  // The same count as the task table's section of Số liệu (figures entered / figures of the section).
  const pl3Progress = groupProgress(definition, state, groupKeyOf(definition, `PL-${taskAppendix(definition)?.id ?? 'III'}`));
  const undoHint = host.kind === 'word' ? 'Hoàn tác (Ctrl+Z) của Word lấy lại được.' : 'Nút “Hoàn tác” (Ctrl+Z) lấy lại được.';

  const askAdd = (group: TaskGroup) => {
    setRowDone(undefined);
    setTexts({ task: '', output: '' });
    // The address it will get: the plan says it (the STT as the group writes it).
    let key = `${group.group}.${group.rows.length + 1}`;
    try {
      key = planAddTask(definition, state.snapshot, state.located, { group: group.group }).key;
    } catch {
      // Shown when the user confirms (the same plan, with the texts).
    }
    setRequest({ kind: 'add', group, key });
  };

  const askRemove = (row: TaskRow) => {
    setRowDone(undefined);
    try {
      setRequest({ kind: 'remove', row, plan: planRemoveTask(definition, state.snapshot, state.located, row.key) });
    } catch (e) {
      setRequest({ kind: 'remove', row, refused: errorText(e) });
    }
  };

  const confirmRow = async () => {
    const asked = request;
    setRequest(undefined);
    if (!asked) return;
    if (asked.kind === 'add') {
      const plan = await run('Đang thêm nhiệm vụ…', async () => {
        const change = planAddTask(definition, state.snapshot, state.located, { group: asked.group.group, task: texts.task, output: texts.output });
        await session.applyEdits(change.edits);
        return change;
      });
      if (plan) {
        const added = session.state && readTaskTable(definition, session.state.snapshot, session.state.located)?.groups.flatMap((g) => g.rows).find((r) => r.key === plan.key);
        const cell = added ? outputCell(added) : undefined;
        setRowDone({ text: `Đã thêm nhiệm vụ ${plan.key} vào nhóm ${plan.group}. ${undoHint}`, ...(cell ? { cell } : {}) });
        if (cell) reveal({ kind: 'cell', ...cell });
      }
    } else if (asked.plan) {
      const plan = asked.plan;
      const ok = await run('Đang xóa nhiệm vụ…', () => session.applyEdits(plan.edits));
      if (ok) setRowDone({ text: `Đã xóa nhiệm vụ ${plan.key}${plan.renumbered.length ? ` và đánh số lại ${plan.renumbered.length} dòng sau` : ''}. ${undoHint}` });
    }
  };
  const problems = preview?.plan.problems ?? [];

  return (
    <section className={panel.panel} aria-labelledby="panel-title-phu-luc">
      <PanelHeading id="panel-title-phu-luc">Bảng phụ lục</PanelHeading>
      <Caption1>
        Nhận diện được {state.located.appendix.forms.length} bảng phụ lục:{' '}
        {state.located.appendix.forms.map((f) => `Phụ lục ${f.appendix}${f.form ? ` / Biểu mẫu ${f.form}` : ''}`).join(', ') || 'không có'}.
      </Caption1>
      {failure ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Không tính được các ô phụ lục</MessageBarTitle>
            {failure}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {done ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {done.text}
            <ul className={panel.list} aria-label="Các ô vừa điền">
              {done.written.map((c, i) => (
                <li key={`${c.fieldId}-${i}`}>
                  {c.place ? (
                    <Button size="small" appearance="transparent" className={styles.reveal} onClick={() => reveal(revealTargetAfterWrite(c.place!))}>
                      {c.where}: {c.after}
                    </Button>
                  ) : (
                    <Caption1>
                      {c.where}: {c.after}
                    </Caption1>
                  )}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Body1 as="h3" className={styles.group}>
        Ô tính toán sẽ được điền
      </Body1>
      {!preview && !failure ? <Loading label="Đang tính các ô phụ lục…" /> : null}
      {preview && preview.changes.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>Không có ô nào cần điền.</MessageBarBody>
        </MessageBar>
      ) : null}
      {preview && preview.changes.length > 0 ? (
        <>
          <ul className={panel.list} aria-label="Các ô phụ lục sẽ được điền">
            {preview.changes.map((c, i) => {
              const computation = computationOf(definition, state, c);
              return (
                <li key={`${c.fieldId}-${i}`} className={panel.item}>
                  <Body1>{c.label}</Body1>
                  <Caption1>{c.where}</Caption1>
                  <span>
                    <Figure text={c.before} kind="old" /> → <Figure text={c.after} kind="new" />
                  </span>
                  {computation ? <Caption1>Tính từ: {computation}</Caption1> : null}
                </li>
              );
            })}
          </ul>
          {problems.map((p, i) => (
            <MessageBar key={i} intent={p.severity === 'error' ? 'error' : 'warning'} layout="multiline">
              <MessageBarBody>{p.message}</MessageBarBody>
            </MessageBar>
          ))}
          <div>
            <Button appearance="primary" disabled={busy || problems.some((p) => p.severity === 'error')} onClick={() => setConfirming(true)}>
              Áp dụng…
            </Button>
          </div>
        </>
      ) : null}
      <Accordion collapsible defaultOpenItems={['pl3']}>
        <AccordionItem value="pl3">
          <AccordionHeader as="h3">
            {taskTable} – nhiệm vụ cụ thể (
            {pl3 ? `đã nhập ${pl3Progress.done}/${pl3Progress.total}, ${pl3.total} nhiệm vụ, có sản phẩm ${pl3.withOutput}/${pl3.total}` : 'không tìm thấy'})
          </AccordionHeader>
          <AccordionPanel>
            {rowDone ? (
              <MessageBar intent="success" layout="multiline">
                <MessageBarBody>
                  {rowDone.text}
                  {rowDone.cell ? (
                    <>
                      {' '}
                      <Button size="small" appearance="transparent" className={styles.reveal} onClick={() => reveal({ kind: 'cell', ...rowDone.cell! })}>
                        Xem dòng mới
                      </Button>
                    </>
                  ) : null}
                </MessageBarBody>
              </MessageBar>
            ) : null}
            {!pl3 ? (
              <Body1>Không tìm thấy bảng {taskTable} trong tài liệu.</Body1>
            ) : (
              <>
                <Caption1>Dòng của mẫu là chỗ ghi số liệu nên được giữ; nhiệm vụ thêm mới xóa được.</Caption1>
                {tasks.map((g) => (
                  <div key={g.group}>
                    <Body1 as="h4" className={styles.group}>
                      {g.group}. {g.title}
                    </Body1>
                    <ul className={panel.list} aria-label={`Nhiệm vụ nhóm ${g.group}`}>
                      {g.rows.map((r) => {
                        const cell = outputCell(r);
                        return (
                          <li key={r.key} className={panel.item}>
                            <Caption1>
                              {r.key} – {r.task || <span className={panel.empty}>chưa có nội dung</span>}
                            </Caption1>
                            <span>
                              Sản phẩm đầu ra: <Figure text={r.output} />
                            </span>
                            <div className={panel.row}>
                              {cell ? (
                                <Button size="small" appearance="transparent" className={styles.reveal} onClick={() => reveal({ kind: 'cell', ...cell })}>
                                  Xem trong tài liệu (dòng {r.key})
                                </Button>
                              ) : null}
                              {r.fields.length === 0 ? (
                                <Button size="small" disabled={busy} aria-label={`Xóa nhiệm vụ ${r.key}`} onClick={() => askRemove(r)}>
                                  Xóa
                                </Button>
                              ) : null}
                            </div>
                          </li>
                        );
                      })}
                    </ul>
                    <Button size="small" className={styles.add} disabled={busy} aria-label={`Thêm nhiệm vụ vào nhóm ${g.group}`} onClick={() => askAdd(g)}>
                      Thêm nhiệm vụ
                    </Button>
                  </div>
                ))}
              </>
            )}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <Dialog open={request !== undefined} onOpenChange={(_, d) => (d.open ? undefined : setRequest(undefined))}>
        <DialogSurface aria-describedby="task-row-text">
          <DialogBody>
            {request?.kind === 'add' ? (
              <>
                <DialogTitle>
                  Thêm nhiệm vụ {request.key} vào nhóm {request.group.group}?
                </DialogTitle>
                <DialogContent className={styles.form}>
                  <Body1 block id="task-row-text">
                    Một dòng mới được thêm vào cuối nhóm {request.group.group}. {request.group.title} của {taskTable}, định dạng như các dòng khác, số thứ tự{' '}
                    {request.key.split('.').pop()}.
                  </Body1>
                  <Field label="Nội dung công việc">
                    <Textarea value={texts.task} onChange={(_, d) => setTexts((t) => ({ ...t, task: d.value }))} resize="vertical" />
                  </Field>
                  <Field label="Sản phẩm đầu ra" hint="Có thể để trống và nhập sau trong tài liệu.">
                    <Textarea value={texts.output} onChange={(_, d) => setTexts((t) => ({ ...t, output: d.value }))} resize="vertical" />
                  </Field>
                </DialogContent>
                <DialogActions>
                  <Button appearance="primary" onClick={() => void confirmRow()}>
                    Thêm
                  </Button>
                  <Button onClick={() => setRequest(undefined)}>Hủy</Button>
                </DialogActions>
              </>
            ) : request?.kind === 'remove' ? (
              <>
                <DialogTitle>Xóa nhiệm vụ {request.row.key}?</DialogTitle>
                <DialogContent>
                  {request.refused ? (
                    <MessageBar intent="error" layout="multiline">
                      <MessageBarBody id="task-row-text">{request.refused}</MessageBarBody>
                    </MessageBar>
                  ) : (
                    <>
                      <Body1 block id="task-row-text">
                        Dòng sau sẽ bị xóa khỏi {taskTable}:
                      </Body1>
                      <ul className={panel.list} aria-label="Nội dung sẽ bị xóa">
                        <li>STT: {request.row.key}</li>
                        <li>Nội dung công việc: {request.row.task || 'trống'}</li>
                        <li>Sản phẩm đầu ra: {request.row.output || 'trống'}</li>
                        {request.row.note ? <li>Ghi chú: {request.row.note}</li> : null}
                      </ul>
                      {request.plan?.renumbered.length ? (
                        <Body1 block>Đánh số lại: {request.plan.renumbered.map((r) => `${r.from} → ${r.to}`).join(', ')}.</Body1>
                      ) : null}
                    </>
                  )}
                </DialogContent>
                <DialogActions>
                  {request.plan ? (
                    <Button appearance="primary" onClick={() => void confirmRow()}>
                      Xóa
                    </Button>
                  ) : null}
                  <Button onClick={() => setRequest(undefined)}>{request.plan ? 'Hủy' : 'Đóng'}</Button>
                </DialogActions>
              </>
            ) : null}
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface aria-describedby="appendix-confirm-text">
          <DialogBody>
            <DialogTitle>Điền {preview?.changes.length ?? 0} ô vào phụ lục?</DialogTitle>
            <DialogContent>
              <Body1 block id="appendix-confirm-text">
                Các ô sau sẽ được ghi vào tài liệu (giá trị cũ → giá trị mới):
              </Body1>
              {preview ? <ChangeList changes={preview.changes} label="Các ô phụ lục sẽ được ghi" /> : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void apply()}>
                Điền {preview?.changes.length ?? 0} ô
              </Button>
              <Button onClick={() => setConfirming(false)}>Hủy</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
