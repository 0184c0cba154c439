/**
 * Phụ lục: a preview of every appendix cell a fill would change (derived "Tỷ lệ" rows computed
 * from their sub-rows, old → new, with the computation), applied in one batch on "Áp dụng"; and
 * the task rows of Phụ lục III with their outputs, empty ones marked "chưa nhập".
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
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PlannedChange } from '../../app/session';
import type { FillPlan } from '../../core/model/fill';
import type { AppendixForm } from '../../core/recognize/appendix';
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

interface TaskRow {
  key: string;
  task: string;
  output: string;
  cell?: { block: number; row: number; cell: number };
}

/** The task rows of Phụ lục III by Roman group, with their outputs as written. */
export function taskRows(form: AppendixForm, state: SessionState): { group: string; title: string; rows: TaskRow[] }[] {
  const groups: { group: string; title: string; rows: TaskRow[] }[] = [];
  for (const row of form.rows) {
    if (!row.group || row.key === row.group) {
      groups.push({ group: row.key, title: row.label, rows: [] });
      continue;
    }
    let current = groups[groups.length - 1];
    if (!current || current.group !== row.group) {
      current = { group: row.group, title: row.group, rows: [] };
      groups.push(current);
    }
    let cell: TaskRow['cell'];
    const texts: string[] = [];
    for (const part of row.parts) {
      const index = part.cells.output;
      const block = state.snapshot.blocks[part.tableIndex];
      if (index === undefined || block?.type !== 'table') continue;
      cell ??= { block: part.tableIndex, row: part.rowIndex, cell: index };
      const text = block.rows[part.rowIndex]?.cells[index]?.text.trim();
      if (text) texts.push(text);
    }
    current.rows.push({ key: row.key, task: row.label, output: texts.join('\n'), ...(cell ? { cell } : {}) });
  }
  return groups.filter((g) => g.rows.length > 0);
}

export default function AppendixPanel(): React.JSX.Element {
  const panel = usePanelStyles();
  const styles = useStyles();
  const { definition, state, session, run, busy, reveal } = usePane();
  const [preview, setPreview] = React.useState<{ plan: FillPlan; changes: PlannedChange[] } | undefined>(undefined);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  const [done, setDone] = React.useState<{ text: string; written: PlannedChange[] } | undefined>(undefined);
  const [confirming, setConfirming] = React.useState(false);

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

  const pl3 = state.located.appendix.forms.find((f) => f.appendix === 'III');
  const tasks = pl3 ? taskRows(pl3, state) : [];
  const taskCount = tasks.reduce((n, g) => n + g.rows.length, 0);
  // The same count as the Phụ lục III section of Số liệu (figures entered / figures of the section).
  const pl3Progress = groupProgress(definition, state, groupKeyOf(definition, 'PL-III'));
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
            Phụ lục III – nhiệm vụ cụ thể ({pl3 ? `đã nhập ${pl3Progress.done}/${pl3Progress.total}, ${taskCount} nhiệm vụ` : 'không tìm thấy'})
          </AccordionHeader>
          <AccordionPanel>
            {!pl3 ? (
              <Body1>Không tìm thấy bảng Phụ lục III trong tài liệu.</Body1>
            ) : (
              tasks.map((g) => (
                <div key={g.group}>
                  <Body1 as="h4" className={styles.group}>
                    {g.group}. {g.title}
                  </Body1>
                  <ul className={panel.list}>
                    {g.rows.map((r) => (
                      <li key={r.key} className={panel.item}>
                        <Caption1>
                          {r.key} – {r.task}
                        </Caption1>
                        <span>
                          Sản phẩm đầu ra: <Figure text={r.output} />
                        </span>
                        {r.cell ? (
                          <div>
                            <Button
                              size="small"
                              appearance="transparent"
                              className={styles.reveal}
                              onClick={() => reveal({ kind: 'cell', block: r.cell!.block, row: r.cell!.row, cell: r.cell!.cell })}
                            >
                              Xem trong tài liệu (dòng {r.key})
                            </Button>
                          </div>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
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
