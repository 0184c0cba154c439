/**
 * Kỳ báo cáo mới: turn last period's report into the start of the next one (src/core/rollover).
 * Choose the target period, preview what is cleared, kept and changed, and apply to the open
 * document only after the user confirms they are working in a copy of last period's report.
 * A plain report (no content controls) is first given controls around its figures (adopt).
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
  Checkbox,
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
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { planAdopt } from '../../core/model/adopt';
import { describePeriod, nextPeriod, type PeriodKind, type ReportPeriod } from '../../core/period';
import { planRollover, type RolloverEntry, type RolloverPlan } from '../../core/rollover';
import { Figure, Loading, PanelHeading, usePanelStyles } from '../common';
import type { TemplateDefinition } from '../../core/template/schema';
import type { SessionState } from '../../app/session';
import { errorText, groupKeyOf, groupTitle, placesByField, revealTargetOfPlace, sourcePeriod } from '../model';
import { usePane, useDeferred } from '../pane-context';

const KIND_LABEL: Record<PeriodKind, string> = {
  'quy-i': 'Quý I',
  'quy-ii': 'Quý II',
  '6-thang': '6 tháng',
  'quy-iii': 'Quý III',
  '9-thang': '9 tháng',
  'quy-iv': 'Quý IV',
  nam: 'Năm',
};

const useStyles = makeStyles({
  pickers: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    columnGap: tokens.spacingHorizontalS,
  },
  entryHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  sectionTitle: {
    marginTop: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  link: {
    minWidth: 0,
    height: 'auto',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightRegular,
  },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
  },
});

export const COPY_CONFIRMATION = 'Tôi đang làm việc trên bản sao của báo cáo kỳ trước';

/** Roll-over entries by data-panel section, in the definition's group order. */
export function entriesBySection(definition: TemplateDefinition, entries: readonly RolloverEntry[]): { key: string; title: string; entries: RolloverEntry[] }[] {
  const sectionOf = new Map(definition.fields.map((f) => [f.id, f.section]));
  const groups = new Map<string, RolloverEntry[]>();
  for (const e of entries) {
    const key = groupKeyOf(definition, sectionOf.get(e.id) ?? e.section ?? '');
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const rank = (k: string) => {
    const i = definition.groups.findIndex((g) => g.id === k);
    return i < 0 ? definition.groups.length : i;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([key, list]) => ({ key, title: key ? groupTitle(definition, key) : 'Khác', entries: list }));
}

/**
 * A report just rolled over (or not yet filled in): none of the period's own figures is entered
 * (year-to-date figures kept within the year do not count: they come from the previous report).
 */
export function nothingToClear(plan: RolloverPlan): boolean {
  const own = plan.summary.cleared.filter((e) => e.policy === 'period');
  return own.length > 0 && own.every((e) => e.before === null || e.before.trim() === '');
}

export default function RolloverPanel(): React.JSX.Element {
  const panel = usePanelStyles();
  const styles = useStyles();
  const { definition, state, session, run, busy, host } = usePane();
  const [previewAnyway, setPreviewAnyway] = React.useState(false);
  const source = React.useMemo(() => sourcePeriod(definition, state), [definition, state]);
  const sourceKey = source ? `${source.kind}-${source.year}` : '';
  // The periods the template serves, in its order: the choices and the next report due.
  const served = definition.periods;
  const defaultTarget = React.useCallback(
    (): ReportPeriod => (source ? nextPeriod(source, served) : { kind: served[0]!, year: new Date().getFullYear() }),
    [source, served],
  );
  const [target, setTarget] = React.useState<ReportPeriod>(defaultTarget);
  // A new source (after a roll-over, or another document) proposes its own next period.
  React.useEffect(() => setTarget(defaultTarget()), [sourceKey, definition.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const bound = state.snapshot.controls.length > 0;
  const preview = useDeferred<RolloverPlan | undefined>(
    () => (bound ? planRollover(definition, state.snapshot, { to: target }, state.located) : undefined),
    [definition, state, target.kind, target.year, bound],
  );
  const [confirming, setConfirming] = React.useState(false);
  const [copy, setCopy] = React.useState(false);
  const [done, setDone] = React.useState<string | undefined>(undefined);

  const baseYear = source?.year ?? new Date().getFullYear();
  const years = [baseYear - 1, baseYear, baseYear + 1, baseYear + 2];

  const adopt = async () => {
    setDone(undefined);
    const result = await run('Đang gắn ô nhập liệu…', () => session.applyEdits(planAdopt(definition, state.snapshot, state.located).edits));
    if (result) setDone(`Đã gắn ${result.snapshot.controls.length} ô nhập liệu. Xem trước kỳ báo cáo mới bên dưới.`);
  };

  const apply = async () => {
    const plan = preview.value;
    setConfirming(false);
    setCopy(false);
    if (!plan) return;
    const result = await run('Đang chuyển sang kỳ báo cáo mới…', () => session.applyEdits(plan.edits));
    if (result) {
      setPreviewAnyway(false);
      setDone(
        `Đã chuyển báo cáo sang ${describePeriod(plan.to)}: xóa ${plan.summary.cleared.length} số liệu để nhập lại, giữ ${plan.summary.kept.length}, thay đổi ${plan.summary.changed.length}. ${host.kind === 'word' ? 'Hãy lưu tài liệu.' : 'Bấm “Lưu” để tải báo cáo kỳ mới xuống.'}`,
      );
    }
  };

  const plan = preview.value;
  // Right after a roll-over (or on a report not yet filled in) the next one is not offered unasked.
  const fresh = !!plan && !preview.pending && nothingToClear(plan) && !previewAnyway;
  return (
    <section className={panel.panel} aria-labelledby="panel-title-ky-moi">
      <PanelHeading id="panel-title-ky-moi">Kỳ báo cáo mới</PanelHeading>
      <Caption1>
        Bắt đầu báo cáo kỳ mới từ báo cáo kỳ trước: số liệu của kỳ đã qua được xóa để nhập lại, số liệu ổn định được giữ, ngày tháng và tên kỳ
        được tính lại.
      </Caption1>
      <Body1>Báo cáo đang mở: {source ? describePeriod(source) : 'chưa xác định được kỳ báo cáo'}.</Body1>
      {done ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.pickers}>
        <Field label="Kỳ báo cáo mới">
          <Select value={target.kind} onChange={(_, d) => setTarget({ ...target, kind: d.value as PeriodKind })}>
            {served.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Năm">
          <Select value={String(target.year)} onChange={(_, d) => setTarget({ ...target, year: Number(d.value) })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Body1>Kỳ mới: {describePeriod(target)}.</Body1>
      {!bound ? (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Báo cáo chưa có ô nhập liệu</MessageBarTitle>
              Để chuyển kỳ, các số liệu cần nằm trong ô nhập liệu (content control). Gắn ô nhập liệu không thay đổi nội dung báo cáo.
            </MessageBarBody>
          </MessageBar>
          <div>
            <Button disabled={busy} onClick={() => void adopt()}>
              Gắn ô nhập liệu cho báo cáo này
            </Button>
          </div>
        </>
      ) : null}
      {bound && preview.error ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Không chuẩn bị được kỳ mới</MessageBarTitle>
            {errorText(preview.error)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {bound && !preview.error && (!plan || preview.pending) ? <Loading label="Đang chuẩn bị xem trước…" /> : null}
      {fresh ? (
        <>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Chưa cần chuyển kỳ</MessageBarTitle>
              Báo cáo {source ? describePeriod(source) : 'đang mở'} chưa có số liệu nào của kỳ này: hãy nhập số liệu ở ngăn Số liệu. Chỉ chuyển sang kỳ
              tiếp theo khi báo cáo này đã hoàn thành.
            </MessageBarBody>
          </MessageBar>
          <div>
            <Button onClick={() => setPreviewAnyway(true)}>Vẫn xem trước kỳ mới…</Button>
          </div>
        </>
      ) : null}
      {plan && !preview.pending && !fresh ? (
        <>
          <div className={styles.counts} role="status">
            <Body1>Xóa để nhập lại: {plan.summary.cleared.length}</Body1>
            <Body1>Giữ nguyên: {plan.summary.kept.length}</Body1>
            <Body1>Thay đổi: {plan.summary.changed.length}</Body1>
          </div>
          {plan.warnings.length ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Cần lưu ý</MessageBarTitle>
                <ul>
                  {plan.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <Accordion multiple collapsible>
            <EntryList value="cleared" title="Xóa để nhập lại" entries={plan.summary.cleared} definition={definition} state={state} />
            <EntryList value="kept" title="Giữ nguyên" entries={plan.summary.kept} definition={definition} state={state} />
            <EntryList value="changed" title="Thay đổi" entries={plan.summary.changed} definition={definition} state={state} />
            <AccordionItem value="prose">
              <AccordionHeader as="h3">Câu chữ sửa theo kỳ mới ({plan.prose.length})</AccordionHeader>
              <AccordionPanel>
                <ul className={panel.list}>
                  {plan.prose.map((p, i) => (
                    <li key={i} className={panel.item}>
                      <Caption1>Mục {p.section}</Caption1>
                      <span>
                        <Figure text={p.before} kind="old" /> → <Figure text={p.after} kind="new" />
                      </span>
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
          <div>
            <Button appearance="primary" disabled={busy || plan.edits.length === 0} onClick={() => setConfirming(true)}>
              Chuyển sang kỳ mới…
            </Button>
          </div>
        </>
      ) : null}
      <Dialog
        open={confirming}
        onOpenChange={(_, d) => {
          setConfirming(d.open);
          if (!d.open) setCopy(false);
        }}
      >
        <DialogSurface aria-describedby="rollover-dialog-text">
          <DialogBody>
            <DialogTitle>Chuyển sang {describePeriod(target)}?</DialogTitle>
            <DialogContent>
              <Body1 block id="rollover-dialog-text">
                Tài liệu đang mở sẽ bị sửa: {plan?.summary.cleared.length ?? 0} số liệu của kỳ trước bị xóa để nhập lại, ngày tháng và tên kỳ được tính
                lại.{' '}
                {host.kind === 'word'
                  ? 'Chỉ làm việc này trên bản sao của báo cáo kỳ trước (dùng “Lưu thành…” trong Word trước khi chuyển kỳ), không làm trên bản đã ký gửi.'
                  : 'Tệp gốc trên máy không bị thay đổi: bản đã chuyển kỳ chỉ được tải xuống khi bấm “Lưu” (tên tệp theo kỳ mới), và có thể hoàn tác bằng nút “Hoàn tác”.'}
              </Body1>
              <Checkbox checked={copy} onChange={(_, d) => setCopy(d.checked === true)} label={COPY_CONFIRMATION} />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={!copy} onClick={() => void apply()}>
                Chuyển kỳ
              </Button>
              <Button
                onClick={() => {
                  setConfirming(false);
                  setCopy(false);
                }}
              >
                Hủy
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

interface EntryListProps {
  value: string;
  title: string;
  entries: RolloverEntry[];
  definition: TemplateDefinition;
  state: SessionState;
}

function EntryList({ value, title, entries, definition, state }: EntryListProps): React.JSX.Element {
  const panel = usePanelStyles();
  const styles = useStyles();
  const { reveal } = usePane();
  const places = React.useMemo(() => placesByField(state), [state]);
  const sections = React.useMemo(() => entriesBySection(definition, entries), [definition, entries]);
  return (
    <AccordionItem value={value}>
      <AccordionHeader as="h3">
        {title} ({entries.length})
      </AccordionHeader>
      <AccordionPanel>
        {entries.length === 0 ? (
          <Caption1>Không có.</Caption1>
        ) : (
          sections.map((g) => (
            <div key={g.key}>
              <Body1 as="h4" className={styles.sectionTitle}>
                {g.title} ({g.entries.length})
              </Body1>
          <ul className={panel.list}>
            {g.entries.map((e) => {
              const place = places.get(e.id)?.find((p) => p.occurrence.found && p.occurrence.place)?.occurrence.place;
              return (
              <li key={e.id} className={panel.item}>
                <div className={styles.entryHead}>
                  <Caption1>{e.label}</Caption1>
                  {place ? (
                    <Button size="small" appearance="transparent" className={styles.link} aria-label={`Xem trong tài liệu: ${e.label}`} onClick={() => reveal(revealTargetOfPlace(place))}>
                      Xem
                    </Button>
                  ) : null}
                </div>
                <span>
                  {e.before === e.after ? (
                    <Figure text={e.before} />
                  ) : (
                    <>
                      <Figure text={e.before} kind="old" /> → <Figure text={e.after} kind="new" />
                    </>
                  )}
                </span>
                {e.placeholder ? <Caption1>Ô nhập hiển thị: {e.placeholder}</Caption1> : null}
                {e.note ? <Caption1>{e.note}</Caption1> : null}
              </li>
              );
            })}
          </ul>
            </div>
          ))
        )}
      </AccordionPanel>
    </AccordionItem>
  );
}
