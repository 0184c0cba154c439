/**
 * Roll-over (issue 6), pure core: last period's report in, the edits that turn it into the
 * start of the next report out. Every field follows its policy in the definition (policy.ts):
 * figures of the period are cleared (a control shows its placeholder, an appendix cell is
 * emptied), standing facts are kept, year-to-date figures are kept within the year, a
 * previous-reference figure shows last period's value as its reference, and the report-meta
 * fields (date, labels, data window, captions) are recomputed for the target period (meta.ts).
 * The prose outside the fields is brought to the target period too (prose.ts).
 *
 * The document must carry content controls (a bound report, or a plain one adopted first:
 * see run.ts): a figure in plain prose cannot show a placeholder, and clearing it would lose
 * where it goes.
 */
import { orderForApply } from '../model/fill';
import type { ControlEdit, DocumentEdit, DocumentSnapshot } from '../document';
import { compareViDates, type DayMonthYear } from '../codec';
import { isBound } from '../model/extract';
import { readTaskTable } from '../model/task-rows';
import { comparePeriods, describeKinds, describePeriod, isLaterPeriod, nextPeriod, detectReportPeriod, formatDay, periodWindow, servesPeriod, PERIODS, type PeriodWindow, type ReportPeriod } from '../period';
import { locateFields, type LocatedOccurrence, type LocateResult } from '../recognize/locate';
import type { Field, MetaRole, Rollover, TemplateDefinition } from '../template/schema';
import { metaContext, metaText } from './meta';
import { placeholderFor, referencePlaceholder, ROLLOVER_ACTIONS, type RolloverAction } from './policy';
import { proseEditToDocument, proseUnits, rewriteUnit, type ProseEdit, type ProseReason, type ProseTarget, type Span, type StaleLabel } from './prose';

export interface RolloverOptions {
  /** The period of the source report; detected from its title and dates when absent. */
  from?: ReportPeriod;
  to: ReportPeriod;
  /** The new report's date; default: the target period's data cut-off. */
  reportDate?: DayMonthYear;
  /**
   * Refuse (RolloverError 'not-later') a target that is not later than the source instead of
   * warning: a command cannot be asked "are you sure"; a panel shows the warning beside the plan.
   */
  laterOnly?: boolean;
}

export interface RolloverEntry {
  id: string;
  label: string;
  policy: Rollover;
  /** The figure as written in the source (first non-empty place); null when not entered. */
  before: string | null;
  /** The figure in the new report; null when cleared ("chưa nhập"). */
  after: string | null;
  /** What a cleared control shows instead, when it is not the template's placeholder ("[kỳ trước: 04]"). */
  placeholder?: string;
  note?: string;
  /** The data-panel section of an entry that is not a field (a drafter's Phụ lục III row). */
  section?: string;
  /** The address of a task row a drafter added ("III.11"): no field, its output follows the template's. */
  taskRow?: string;
}

export interface RolloverSummary {
  cleared: RolloverEntry[];
  kept: RolloverEntry[];
  changed: RolloverEntry[];
}

export interface ProseChange {
  section: string;
  before: string;
  after: string;
  reason: ProseReason;
}

export interface RolloverPlan {
  from: ReportPeriod;
  to: ReportPeriod;
  reportDate: DayMonthYear;
  window: PeriodWindow;
  edits: DocumentEdit[];
  summary: RolloverSummary;
  /** Wording rewritten outside the fields (period phrases, years). */
  prose: ProseChange[];
  /** Labels of the source period left as written (cited documents' titles, kept fields). */
  staleLeft: StaleLabel[];
  /** In Vietnamese. */
  warnings: string[];
}

export class RolloverError extends Error {
  constructor(
    readonly code: 'not-bound' | 'no-period' | 'not-later' | 'not-served',
    message: string,
  ) {
    super(message);
    this.name = 'RolloverError';
  }
}

type CellKey = string;
const cellKey = (table: number, row: number, cell: number): CellKey => `${table}:${row}:${cell}`;

interface CellWork {
  table: number;
  row: number;
  cell: number;
  items: { occ: LocatedOccurrence; field: Field; action: RolloverAction; newText?: string; placeholder?: string }[];
}

function firstText(occs: LocatedOccurrence[]): string | null {
  const hit = occs.find((o) => o.found && (o.text ?? '').trim() !== '');
  return hit ? (hit.text ?? '').trim() : null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Plans the roll-over of `snapshot` (a report of `options.from`) to `options.to`. */
export function planRollover(definition: TemplateDefinition, snapshot: DocumentSnapshot, options: RolloverOptions, located?: LocateResult): RolloverPlan {
  if (!isBound(definition, snapshot)) {
    throw new RolloverError(
      'not-bound',
      'Tài liệu chưa có ô nhập số liệu (content control): hãy gắn ô nhập trước (baocao adopt), rồi mới chuyển sang kỳ báo cáo mới.',
    );
  }
  const result = located ?? locateFields(definition, snapshot);
  const byField = new Map<string, LocatedOccurrence[]>();
  for (const o of result.occurrences) byField.set(o.fieldId, [...(byField.get(o.fieldId) ?? []), o]);
  const occsOf = (f: Field) => byField.get(f.id) ?? [];
  const byRole = (role: MetaRole) => definition.fields.filter((f) => f.meta === role);
  const roleText = (role: MetaRole) => byRole(role).map((f) => firstText(occsOf(f))).find((t) => t !== null) ?? undefined;
  const warnings: string[] = [];

  // Periods and dates.
  const sourceDate = (() => {
    const t = roleText('reportDate');
    const m = t ? /(\d{1,2})(?:\/|\s+tháng\s+)(\d{1,2})(?:\/|\s+năm\s+)(\d{4})/u.exec(t) : null;
    return m ? { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) } : undefined;
  })();
  const title = snapshot.blocks
    .filter((b) => (result.sections[b.index]?.path ?? 'header') === 'header' && b.type === 'paragraph')
    .map((b) => (b.type === 'paragraph' ? b.text : ''))
    .join('\n');
  const from =
    options.from ??
    detectReportPeriod({
      ...(roleText('periodLabel') !== undefined ? { periodLabel: roleText('periodLabel') } : {}),
      ...(roleText('nextPeriodLabel') !== undefined ? { nextLabel: roleText('nextPeriodLabel') } : {}),
      ...(sourceDate ? { reportDate: sourceDate } : {}),
      title,
    });
  if (!from) {
    throw new RolloverError('no-period', 'Không xác định được kỳ của báo cáo nguồn từ tiêu đề; hãy chỉ rõ kỳ nguồn (from).');
  }
  const to = options.to;
  if (!servesPeriod(definition.periods, to)) {
    throw new RolloverError(
      'not-served',
      `Mẫu "${definition.title}" không dùng cho kỳ ${PERIODS[to.kind].label}; các kỳ của mẫu: ${describeKinds(definition.periods)} (kỳ tiếp theo: ${describePeriod(nextPeriod(from, definition.periods))}).`,
    );
  }
  const window = periodWindow(to);
  const reportDate = options.reportDate ?? window.cutoff;
  if (!isLaterPeriod(to, from)) {
    if (options.laterOnly) {
      throw new RolloverError(
        'not-later',
        `Kỳ mới (${describePeriod(to)}) không sau kỳ của báo cáo nguồn (${describePeriod(from)}); hãy chọn một kỳ sau, ví dụ ${describePeriod(nextPeriod(from, definition.periods))}.`,
      );
    }
    warnings.push(`Kỳ mới (${describePeriod(to)}) không sau kỳ của báo cáo nguồn (${describePeriod(from)}).`);
  }
  if (compareViDates(reportDate, window.start) < 0 || compareViDates(reportDate, window.deadline) > 0) {
    warnings.push(
      `Ngày báo cáo ${formatDay(reportDate)} nằm ngoài kỳ ${describePeriod(to)} (từ ${formatDay(window.start)}, hạn gửi ${formatDay(window.deadline)}).`,
    );
  }
  const sameYear = to.year === from.year && comparePeriods(to, from) > 0;
  const ctx = metaContext(to, reportDate);

  // What each field becomes. A carried field opens the next period with its source field's
  // closing value only when the target is the period right after the source: across a gap the
  // value would belong to a period nobody reported.
  const fieldsById = new Map(definition.fields.map((f) => [f.id, f]));
  const following = nextPeriod(from, definition.periods);
  const consecutive = following.kind === to.kind && following.year === to.year;
  const carriedText = new Map<string, string>();
  const actionOf = new Map<string, RolloverAction>();
  for (const f of definition.fields) {
    let action = ROLLOVER_ACTIONS[f.rollover][sameYear ? 'sameYear' : 'newYear'];
    if (f.rollover === 'carried') {
      const source = fieldsById.get(f.carryFrom ?? '');
      const text = source ? firstText(occsOf(source)) : null;
      if (source && text !== null && consecutive) carriedText.set(f.id, text);
      else {
        action = 'clear';
        if (source && text !== null)
          warnings.push(`${f.label}: kỳ mới không liền sau kỳ ${describePeriod(from)}; không chuyển số liệu "${source.label}" sang, cần nhập.`);
      }
    } else if (action === 'recompute' && !f.meta) {
      warnings.push(`${f.label}: chỉ tiêu thông tin báo cáo chưa khai báo vai trò (meta) trong mẫu; giữ nguyên.`);
      action = 'keep';
    }
    actionOf.set(f.id, action);
  }

  // Controls: which field each control holds, and the control spans of each paragraph.
  const controlField = new Map<number, Field>();
  for (const c of snapshot.controls) {
    const f = fieldsById.get(c.tag);
    if (f) controlField.set(c.index, f);
  }
  const containerOf = (o: LocatedOccurrence): number | undefined => {
    const p = o.place;
    if (p?.kind !== 'paragraph') return undefined;
    const block = snapshot.blocks[p.blockIndex];
    if (block?.type !== 'paragraph') return undefined;
    return block.spans.find((s) => s.start <= p.start && p.end <= s.end)?.controlIndex;
  };

  const controlEdits = new Map<number, ControlEdit>();
  const paragraphEdits: DocumentEdit[] = [];
  const cells = new Map<CellKey, CellWork>();
  const replacedControls = new Set<number>();
  const replacedParagraphSpans = new Map<number, Span[]>();
  const summary: RolloverSummary = { cleared: [], kept: [], changed: [] };
  const addCell = (o: LocatedOccurrence, item: CellWork['items'][number]) => {
    const p = o.place;
    if (p?.kind !== 'cell') return;
    const key = cellKey(p.blockIndex, p.row, p.cell);
    const work = cells.get(key) ?? { table: p.blockIndex, row: p.row, cell: p.cell, items: [] };
    work.items.push(item);
    cells.set(key, work);
  };

  for (const field of definition.fields) {
    const occs = occsOf(field);
    const action = actionOf.get(field.id)!;
    const before = firstText(occs);
    const entry: RolloverEntry = { id: field.id, label: field.label, policy: field.rollover, before, after: before };
    const notes: string[] = [];

    if (action === 'clear') {
      const placeholder = field.rollover === 'previous-reference' && before !== null ? referencePlaceholder(before) : (field.placeholder ?? placeholderFor(field.kind));
      let stuck = false;
      for (const o of occs) {
        if (!o.found || !o.place) continue;
        const p = o.place;
        if (p.kind === 'control') {
          const control = snapshot.controls[p.controlIndex];
          if (control && (control.lock === 'contentLocked' || control.lock === 'sdtContentLocked')) {
            warnings.push(`${field.label}: ô nhập "${control.title || control.tag}" bị khóa nội dung; không xóa được số liệu kỳ trước.`);
            stuck = true;
            continue;
          }
          if (control?.showingPlaceholder && control.text === placeholder) continue;
          controlEdits.set(p.controlIndex, { kind: 'control', controlIndex: p.controlIndex, text: placeholder, placeholder: true });
          replacedControls.add(p.controlIndex);
        } else if (p.kind === 'paragraph') {
          const container = containerOf(o);
          const holder = container !== undefined ? controlField.get(container) : undefined;
          if (holder && actionOf.get(holder.id) === 'clear') continue; // cleared with the control that holds it
          if ((o.text ?? '').trim() === '') continue;
          stuck = true;
          warnings.push(
            holder
              ? `${field.label}: số liệu "${o.text}" nằm trong ô nhập "${holder.label}" được giữ lại; chưa xóa được, cần sửa tay.`
              : `${field.label}: số liệu "${o.text}" chưa gắn ô nhập; chưa xóa được, cần sửa tay (hoặc gắn ô nhập trước: baocao adopt).`,
          );
        } else {
          addCell(o, { occ: o, field, action, placeholder });
        }
      }
      if (stuck && before !== null) {
        entry.note = 'chưa xóa được (xem cảnh báo)';
        summary.kept.push(entry);
      } else {
        entry.after = null;
        if (field.rollover === 'previous-reference' && before !== null) entry.placeholder = placeholder;
        summary.cleared.push(entry);
      }
      continue;
    }

    if (action === 'keep') {
      let lost = false;
      for (const o of occs) {
        if (!o.found || !o.place) continue;
        const container = containerOf(o);
        const holder = container !== undefined ? controlField.get(container) : undefined;
        if (holder && holder.id !== field.id && actionOf.get(holder.id) === 'clear' && (o.text ?? '').trim() !== '') {
          lost = true;
          notes.push(`nằm trong ô nhập "${holder.label}" được xóa`);
        }
        addCell(o, { occ: o, field, action });
      }
      if (lost) {
        warnings.push(`${field.label} (${field.rollover === 'standing' ? 'số liệu ổn định' : 'lũy kế'}) ${notes.join('; ')}: phải nhập lại.`);
        summary.cleared.push({ ...entry, after: null, note: notes.join('; ') });
      } else {
        summary.kept.push(entry);
      }
      continue;
    }

    // recompute: report-meta with a role, or a carried field with its source's value
    const carried = carriedText.get(field.id);
    let first: string | undefined;
    let changed = false;
    for (const o of occs) {
      if (!o.found || !o.place) {
        warnings.push(`${field.label}: không tìm thấy vị trí trong tài liệu; chưa cập nhật.`);
        continue;
      }
      const previous = (o.text ?? '').trim();
      const text = carried ?? metaText(field.meta!, previous, ctx);
      if (text === undefined) {
        warnings.push(`${field.label}: không đọc được "${previous}" để cập nhật theo kỳ mới; giữ nguyên, cần sửa tay.`);
        continue;
      }
      first ??= text;
      if (text === previous) continue;
      changed = true;
      const p = o.place;
      if (p.kind === 'control') {
        controlEdits.set(p.controlIndex, { kind: 'control', controlIndex: p.controlIndex, text });
        replacedControls.add(p.controlIndex);
      } else if (p.kind === 'paragraph') {
        const container = containerOf(o);
        if (container !== undefined && controlField.get(container)?.id !== field.id) {
          warnings.push(`${field.label}: "${previous}" nằm trong ô nhập của chỉ tiêu khác; chưa cập nhật.`);
          continue;
        }
        paragraphEdits.push({ kind: 'paragraph', blockIndex: p.blockIndex, start: p.start, end: p.end, text });
        replacedParagraphSpans.set(p.blockIndex, [...(replacedParagraphSpans.get(p.blockIndex) ?? []), { start: p.start, end: p.end }]);
      } else {
        addCell(o, { occ: o, field, action, newText: text });
      }
    }
    if (changed) summary.changed.push({ ...entry, after: first ?? before, ...(carried !== undefined ? { note: `chuyển từ "${fieldsById.get(field.carryFrom!)?.label}"` } : {}) });
    else summary.kept.push({ ...entry, note: 'không đổi' });
  }

  // Appendix and table cells: a cell whose every figure is cleared is emptied; otherwise each
  // cleared figure inside it shows the placeholder and recomputed ones their new text (a kept
  // text holding it, such as a Phụ lục III output, then reads with the placeholder).
  const cellEdits: DocumentEdit[] = [];
  const replacedCellSpans = new Map<CellKey, Span[]>();
  const entryById = new Map([...summary.kept, ...summary.cleared, ...summary.changed].map((e) => [e.id, e]));
  for (const [key, work] of cells) {
    const block = snapshot.blocks[work.table];
    const cellText = block?.type === 'table' ? (block.rows[work.row]?.cells[work.cell]?.text ?? '') : '';
    if (!cellText.trim()) continue;
    const base = { kind: 'cell' as const, tableIndex: work.table, rowIndex: work.row, cellIndex: work.cell };
    // Emptied whole, unless a figure in it is found by the wording around it ("02 (01 PAKN đang
    // chờ …)") and no text field owns the whole cell: that wording stays, with placeholders, so
    // the next period's figures can be found and filled. (A cleared text cell, a Phụ lục III
    // output, goes whole: its figures come back with the next period's text.)
    const located = (i: (typeof work.items)[number]) => i.occ.occurrence.where === 'appendix' && (i.occ.occurrence.before || i.occ.occurrence.after);
    const wholeText = work.items.some((i) => !located(i) && i.field.kind === 'text');
    if ((wholeText || !work.items.some(located)) && work.items.every((i) => i.action === 'clear')) {
      cellEdits.push({ ...base, text: '' });
      replacedCellSpans.set(key, [{ start: 0, end: cellText.length }]);
      continue;
    }
    const replaced: { start: number; end: number; text: string; find: string }[] = [];
    for (const item of work.items) {
      const p = item.occ.place;
      const text = item.occ.text ?? '';
      if (p?.kind !== 'cell' || text === '' || item.action === 'keep') continue;
      const replacement = item.action === 'clear' ? (item.placeholder ?? item.field.placeholder ?? placeholderFor(item.field.kind)) : item.newText;
      if (replacement === undefined || replacement === text) continue;
      replacedCellSpans.set(key, [...(replacedCellSpans.get(key) ?? []), { start: p.start, end: p.end }]);
      replaced.push({ start: p.start, end: p.end, text: replacement, find: text });
    }
    if (replaced.length === 0) continue;
    // One edit per cell: two figures replaced in one cell ("02 (01 PAKN …)") become the cell's new text.
    if (replaced.length === 1) cellEdits.push({ ...base, text: replaced[0]!.text, find: { text: replaced[0]!.find, from: replaced[0]!.start } });
    else {
      let next = cellText;
      for (const r of [...replaced].sort((x, y) => y.start - x.start)) next = next.slice(0, r.start) + r.text + next.slice(r.end);
      cellEdits.push({ ...base, text: next });
    }
    for (const item of work.items) {
      const p = item.occ.place;
      const entry = entryById.get(item.field.id);
      if (item.action !== 'keep' || p?.kind !== 'cell' || !entry) continue;
      const inside = replaced.filter((r) => p.start <= r.start && r.end <= p.end).sort((a, b) => b.start - a.start);
      if (inside.length === 0) continue;
      let after = cellText.slice(p.start, p.end);
      for (const r of inside) after = after.slice(0, r.start - p.start) + r.text + after.slice(r.end - p.start);
      if (entry.before !== null && entry.before === (item.occ.text ?? '').trim()) {
        entry.after = after.trim();
        entry.note = 'giữ nguyên; số liệu của kỳ trước trong nội dung được thay bằng chữ nhắc';
      }
    }
  }

  // Task rows a drafter added to the task table (Phụ lục III) are no fields: they follow the
  // policy of the template's own task outputs, so last year's outputs do not open a new year.
  rollAddedTaskRows(definition, snapshot, result, sameYear, { cellEdits, replacedCellSpans, summary, warnings });

  // The comparison year of previous-reference figures ("… bậc so với năm 2020"): moved on with the report.
  const shift = to.year - from.year;
  const reserved = new Map<number, Span[]>();
  const comparedEdits: ProseEdit[] = [];
  for (const field of definition.fields) {
    if (!field.comparedYear || actionOf.get(field.id) !== 'clear') continue;
    const words = field.comparedYear.after.trim().split(/\s+/u).map(escapeRe).join('\\s+');
    const re = new RegExp(`^[\\s\\p{P}]*${words}\\s+(\\d{4})(?!\\d)`, 'iu');
    for (const o of occsOf(field)) {
      if (o.place?.kind !== 'control') continue;
      const blockIndex = o.place.blockIndex;
      const block = snapshot.blocks[blockIndex];
      if (block?.type !== 'paragraph') continue;
      const span = block.spans.find((s) => s.controlIndex === (o.place as { controlIndex: number }).controlIndex);
      if (!span) continue;
      const m = re.exec(block.text.slice(span.end));
      if (!m || shift === 0) continue;
      const year = m[1]!;
      const start = span.end + m[0].length - year.length;
      const unit = { target: { kind: 'paragraph' as const, blockIndex }, text: block.text, section: result.sections[blockIndex]?.path ?? 'header', fieldSpans: [], replacedSpans: [] };
      comparedEdits.push({ unit, start, end: start + year.length, before: year, after: String(Number(year) + shift), reason: 'compared-year' });
      reserved.set(blockIndex, [...(reserved.get(blockIndex) ?? []), { start, end: start + year.length }]);
    }
  }

  // The prose: period phrases and years outside the fields.
  const fieldSpansAt = (t: ProseTarget): { field: Span[]; replaced: Span[] } => {
    if (t.kind === 'paragraph') {
      const block = snapshot.blocks[t.blockIndex];
      const field: Span[] = [];
      const replaced: Span[] = [...(replacedParagraphSpans.get(t.blockIndex) ?? [])];
      if (block?.type === 'paragraph') {
        for (const s of block.spans) {
          field.push({ start: s.start, end: s.end });
          if (replacedControls.has(s.controlIndex)) replaced.push({ start: s.start, end: s.end });
        }
      }
      for (const o of result.occurrences) {
        if (o.found && o.place?.kind === 'paragraph' && o.place.blockIndex === t.blockIndex) field.push({ start: o.place.start, end: o.place.end });
      }
      return { field, replaced };
    }
    const key = cellKey(t.tableIndex, t.rowIndex, t.cellIndex);
    const block = snapshot.blocks[t.tableIndex];
    const len = block?.type === 'table' ? (block.rows[t.rowIndex]?.cells[t.cellIndex]?.text.length ?? 0) : 0;
    const field: Span[] = [];
    for (const o of result.occurrences) {
      const p = o.place;
      if (!o.found || p?.kind !== 'cell' || p.blockIndex !== t.tableIndex || p.row !== t.rowIndex || p.cell !== t.cellIndex) continue;
      const occ = o.occurrence;
      const whole = occ.where === 'appendix' ? !occ.before && !occ.after && !occ.component : false;
      field.push(whole ? { start: 0, end: len } : { start: p.start, end: p.end });
    }
    return { field, replaced: replacedCellSpans.get(key) ?? [] };
  };
  const proseEdits: ProseEdit[] = [...comparedEdits];
  const staleLeft: StaleLabel[] = [];
  for (const unit of proseUnits(snapshot, result.sections, fieldSpansAt)) {
    const res = rewriteUnit(unit, from, to, unit.target.kind === 'paragraph' ? (reserved.get(unit.target.blockIndex) ?? []) : []);
    proseEdits.push(...res.edits);
    staleLeft.push(...res.left);
  }

  const edits = orderForApply([...controlEdits.values(), ...paragraphEdits, ...cellEdits, ...proseEdits.map(proseEditToDocument)]);
  return {
    from,
    to,
    reportDate,
    window,
    edits,
    summary,
    prose: proseEdits.map((e) => ({ section: e.unit.section, before: e.before, after: e.after, reason: e.reason })),
    staleLeft,
    warnings,
  };
}


interface AddedRowsSink {
  cellEdits: DocumentEdit[];
  replacedCellSpans: Map<CellKey, Span[]>;
  summary: RolloverSummary;
  warnings: string[];
}

/**
 * The policy of a task-table column, read from the definition: the rollover of the fields that
 * own a cell of that column whole (a figure inside an output, "02 Quyết định …", is the
 * figure's own policy, not the column's). Undefined when none do; 'mixed' when they disagree.
 */
function columnPolicy(definition: TemplateDefinition, appendix: string, column: string | undefined): { policy: Rollover | 'mixed' | undefined; section?: string } {
  if (column === undefined) return { policy: undefined };
  const owners = definition.fields.filter((f) =>
    f.occurrences.some((o) => o.where === 'appendix' && o.appendix === appendix && o.form === undefined && o.column === column && !o.before && !o.after && !o.component),
  );
  const seen = new Set(owners.map((f) => f.rollover));
  const policy = seen.size === 0 ? undefined : seen.size === 1 ? [...seen][0]! : 'mixed';
  return { policy, ...(owners[0] ? { section: owners[0].section } : {}) };
}

function rollAddedTaskRows(definition: TemplateDefinition, snapshot: DocumentSnapshot, located: LocateResult, sameYear: boolean, sink: AddedRowsSink): void {
  const table = readTaskTable(definition, snapshot, located);
  if (!table) return;
  const rows = table.groups.flatMap((g) => g.rows).filter((r) => r.fields.length === 0 && (r.output !== '' || r.note !== ''));
  if (rows.length === 0) return;
  const appendix = definition.appendices.find((a) => a.id === table.appendix)!;
  const columnOf = (role: 'output' | 'note') => appendix.columns.find((c) => c.role === role)?.name;
  const outputColumn = columnOf('output');
  // The section: where the template's outputs show in the data panel, so the added rows list beside them.
  const { policy: outputPolicy, section } = columnPolicy(definition, table.appendix, outputColumn);
  const notePolicy = columnPolicy(definition, table.appendix, columnOf('note')).policy;
  const actionFor = (policy: Rollover | 'mixed' | undefined): RolloverAction | undefined => {
    if (policy === undefined || policy === 'mixed') return undefined;
    const action = ROLLOVER_ACTIONS[policy][sameYear ? 'sameYear' : 'newYear'];
    return action === 'recompute' ? undefined : action;
  };
  const outputAction = actionFor(outputPolicy);
  const noteAction = actionFor(notePolicy);
  if (outputAction === undefined) {
    const why = outputPolicy === 'mixed' ? 'các chỉ tiêu sản phẩm đầu ra của mẫu theo những cách chuyển kỳ khác nhau' : 'mẫu không có chỉ tiêu sản phẩm đầu ra để làm theo';
    sink.warnings.push(`Phụ lục ${table.appendix}: ${rows.length} dòng nhiệm vụ do người soạn thêm được giữ nguyên (${why}); cần kiểm tra tay.`);
  }
  for (const r of rows) {
    const label = `Phụ lục ${table.appendix}, dòng ${r.key}: ${r.task || '(chưa ghi nhiệm vụ)'}`;
    const before = r.output !== '' ? r.output : null;
    const entry: RolloverEntry = { id: `${table.appendix}:${r.key}`, label, policy: outputAction ? (outputPolicy as Rollover) : 'standing', before, after: before, taskRow: r.key, ...(section ? { section } : {}) };
    const empty = (column: 'output' | 'note') => {
      for (const part of r.parts) {
        const index = part.cells[column];
        const block = snapshot.blocks[part.tableIndex];
        const text = index !== undefined && block?.type === 'table' ? (block.rows[part.rowIndex]?.cells[index]?.text ?? '') : '';
        if (index === undefined || text.trim() === '') continue;
        sink.cellEdits.push({ kind: 'cell', tableIndex: part.tableIndex, rowIndex: part.rowIndex, cellIndex: index, text: '' });
        sink.replacedCellSpans.set(cellKey(part.tableIndex, part.rowIndex, index), [{ start: 0, end: text.length }]);
      }
    };
    if (noteAction === 'clear' && r.note !== '') empty('note');
    if (outputAction === 'clear') {
      if (before === null) continue; // only a note: nothing of the row's output to list
      empty('output');
      sink.summary.cleared.push({ ...entry, after: null, note: 'dòng do người soạn thêm; giữ nội dung nhiệm vụ' });
    } else if (before !== null) {
      sink.summary.kept.push({ ...entry, note: outputAction ? 'dòng do người soạn thêm' : 'dòng do người soạn thêm; giữ nguyên, xem cảnh báo' });
    }
  }
}
