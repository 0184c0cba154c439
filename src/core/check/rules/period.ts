/**
 * period: the report's period and date against the period facts of src/core/period.
 * - appendix captions "(kèm theo Báo cáo … tháng 3 năm 2022 …)" must name the month and year of
 *   the report they are attached to (or its date) → error;
 * - an appendix title naming another period than the report's title → error;
 * - data windows "Từ ngày 15/12/2021 đến …", "tính từ … đến ngày 09/6/2022", "tính đến ngày …"
 *   must lie inside the period's window (start – cut-off) and not after the report date → error;
 *   planned windows ("dự kiến từ … đến …") are not data windows;
 * - a report dated after the deadline (the 20th of the period's last month) → warning.
 *
 * The report date is the template's meta.reportDate when located, else the header's
 * "…, ngày DD tháng MM năm YYYY"; the period comes from the title words (meta.periodLabel or the
 * header text).
 */
import { compareViDates, tryParseViDate, type DayMonthYear } from '../../codec';
import type { CheckContext, Pos, RawFinding, TextUnit, ValueAt } from '../context';
import { isDatelineDate } from './dateline';
import { GENERIC_TEMPLATE } from '../../template/registry';
import { describeKinds, detectPeriodKind, formatDay, periodNames, PERIODS, periodWindow, type PeriodDef, type PeriodKind, type PeriodWindow } from '../../period';

export interface ReportDate {
  date: DayMonthYear;
  text: string;
  pos?: Pos;
  /** The template field's occurrence, when the date was located through it (keeps the control tag). */
  value?: ValueAt;
}

const HEADER_DATE = /,\s*(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|ngày\s+\d{1,2}\/\d{1,2}\/\d{4})/giu;
const CAPTION = /kèm\s+theo\s+(?:Báo\s+cáo|Văn\s+bản|Công\s+văn)([^)\n]*)/iu;
const CAPTION_MONTH = /tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const CAPTION_DATE = /ngày\s+(\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/iu;
const DATE = String.raw`(\d{1,2}\/\d{1,2}\/\d{4})`;
const WINDOW = new RegExp(
  String.raw`(?<![\p{L}])(?:[Tt]ính\s+)?[Tt]ừ\s+(?:ngày\s+)?${DATE}\s+(?:đến|tới)\s+(?:(?:hết\s+)?ngày\s+${DATE}|${DATE}|(thời\s+điểm\s+báo\s+cáo|nay|hiện\s+nay|hiện\s+tại))`,
  'gu',
);
const UNTIL = new RegExp(String.raw`[Tt]ính\s+(?:đến|tới)\s+(?:hết\s+)?ngày\s+${DATE}`, 'gu');
const PLANNED_BEFORE = /(dự\s+kiến|kế\s+hoạch|sẽ|dự\s+định)\s*$/iu;

function posIn(unit: TextUnit, start: number, end: number): Pos {
  return { block: unit.block, ...(unit.row !== undefined ? { row: unit.row, cell: unit.cell } : {}), start, end };
}

/** The report's date: the template field when located, else the header line. */
export function findReportDate(ctx: CheckContext): ReportDate | undefined {
  const v = ctx.value('meta.reportDate');
  if (v?.date && !(v.pos && isDatelineDate(ctx.textAt(v.pos), v.pos.start, v.pos.end))) return { date: v.date, text: v.text, value: v, ...(v.pos ? { pos: v.pos } : {}) };
  for (const unit of ctx.units()) {
    if (unit.section !== 'header') continue;
    for (const m of unit.text.matchAll(HEADER_DATE)) {
      const r = tryParseViDate(m[1] ?? '');
      if (!r.ok) continue;
      const start = m.index + m[0].indexOf(m[1] ?? '');
      const end = start + (m[1]?.length ?? 0);
      // A web page's dateline ("Thứ Hai, ngày 13/3/2023 10:15") dates the page, not the report.
      if (isDatelineDate(unit.text, start, end)) continue;
      return { date: r.value, text: m[1] ?? '', pos: posIn(unit, start, end) };
    }
  }
  return undefined;
}

/** The period named in the title (template field meta.periodLabel, else the header text). */
export function findPeriod(ctx: CheckContext): PeriodDef | undefined {
  return findPeriodNames(ctx)?.def;
}

/**
 * The period named in the title and the kinds named with it at the same place (a combined title
 * "quý III và 9 tháng đầu năm" is a 9-month report that also names its quarter).
 */
function findPeriodNames(ctx: CheckContext): { def: PeriodDef; alsoNamed: PeriodKind[]; text: string; place: (ValueAt | { pos: Pos })[] } | undefined {
  const read = (text: string) => {
    const names = periodNames(text);
    const first = names[0];
    return first ? { def: PERIODS[first.kind], alsoNamed: names.filter((n) => n.at === first.at && n.kind !== first.kind).map((n) => n.kind) } : undefined;
  };
  for (const v of ctx.values('meta.periodLabel')) {
    const found = read(v.text);
    if (found) return { ...found, text: v.text.trim(), place: [v] };
  }
  for (const unit of ctx.units()) {
    if (unit.section !== 'header') continue;
    const found = read(unit.text);
    if (found) return { ...found, text: unit.text.trim(), place: [{ pos: posIn(unit, 0, unit.text.length) }] };
  }
  return undefined;
}

function sameDay(a: DayMonthYear, b: DayMonthYear): boolean {
  return compareViDates(a, b) === 0;
}

export function periodRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  const report = findReportDate(ctx);
  const titleNames = findPeriodNames(ctx);
  const def = titleNames?.def;
  const win: PeriodWindow | undefined = def && report ? periodWindow({ kind: def.kind, year: report.date.year }) : undefined;
  const reportPlace = report?.value ? [report.value] : report?.pos ? [{ pos: report.pos }] : [];

  if (report && win) ctx.tally('period');
  // A period the template does not serve: the report may be on the wrong template (a quarterly
  // form titled "6 tháng đầu năm") or its title names the wrong period. Generic mode serves all.
  if (def && titleNames && ctx.definition.id !== GENERIC_TEMPLATE.id) {
    const served = ctx.definition.periods;
    if (!served.includes(def.kind) && !titleNames.alsoNamed.some((k) => served.includes(k))) {
      out.push(
        ctx.finding(
          'period',
          'warning',
          `Tiêu đề ghi kỳ "${def.label}" nhưng mẫu "${ctx.definition.title}" chỉ dùng cho các kỳ: ${describeKinds(served)}; kiểm tra lại kỳ báo cáo hoặc chọn mẫu khác.`,
          [titleNames.text],
          titleNames.place,
        ),
      );
    }
  }
  if (report && win && compareViDates(report.date, win.deadline) > 0) {
    out.push(
      ctx.finding(
        'period',
        'warning',
        `Báo cáo ${def!.label} đề ngày ${formatDay(report.date)}, sau hạn gửi ${formatDay(win.deadline)} (ngày 20 tháng cuối kỳ).`,
        [report.text],
        reportPlace,
      ),
    );
  }

  for (const unit of ctx.units()) {
    const inAppendix = unit.section.startsWith('PL-');
    // Appendix captions.
    if (report && inAppendix && unit.row === undefined) {
      const cap = CAPTION.exec(unit.text);
      if (cap) {
        const tail = cap[1] ?? '';
        const tailStart = cap.index + cap[0].length - tail.length;
        const month = CAPTION_MONTH.exec(tail);
        const dated = CAPTION_DATE.exec(tail);
        if (month || dated) ctx.tally('period');
        if (dated) {
          const r = tryParseViDate(dated[1] ?? '');
          if (r.ok && !sameDay(r.value, report.date)) {
            const s = tailStart + dated.index + dated[0].indexOf(dated[1] ?? '');
            out.push(
              ctx.finding(
                'period',
                'error',
                `Chú thích phụ lục ghi kèm theo báo cáo ngày ${r.value.text} nhưng báo cáo đề ngày ${formatDay(report.date)}.`,
                [r.value.text, report.text],
                [{ pos: posIn(unit, s, s + (dated[1]?.length ?? 0)) }, ...reportPlace],
                formatDay(report.date),
              ),
            );
          }
        } else if (month) {
          const m = Number(month[1]);
          const y = Number(month[2]);
          if (m !== report.date.month || y !== report.date.year) {
            const s = tailStart + month.index;
            const expected = `tháng ${report.date.month} năm ${report.date.year}`;
            out.push(
              ctx.finding(
                'period',
                'error',
                `Chú thích phụ lục ghi "kèm theo Báo cáo ${month[0]}" nhưng báo cáo đề ngày ${formatDay(report.date)}${def ? ` (báo cáo ${def.label})` : ''}; phải là "${expected}".`,
                [month[0], report.text],
                [{ pos: posIn(unit, s, s + month[0].length) }, ...reportPlace],
                expected,
              ),
            );
          }
        }
      }
      // An appendix title naming another period.
      if (def && !cap) {
        const namedKind = detectPeriodKind(unit.text);
        const named = namedKind ? PERIODS[namedKind] : undefined;
        if (named && named.kind !== def.kind && !titleNames?.alsoNamed.includes(named.kind) && unit.text.length < 200) {
          out.push(
            ctx.finding(
              'period',
              'error',
              `Tiêu đề phụ lục ghi kỳ "${named.label}" nhưng báo cáo là báo cáo ${def.label}.`,
              [unit.text.trim()],
              [{ pos: posIn(unit, 0, unit.text.length) }],
              def.label,
            ),
          );
        }
      }
    }

    // Wording of another period's template.
    if (def?.strayWording && !inAppendix && unit.row === undefined && /^[AB](\.|$)/.test(unit.section)) {
      for (const w of def.strayWording) {
        if (w.kinds.some((k) => titleNames?.alsoNamed.includes(k))) continue; // the title names that period too
        const m = w.pattern.exec(unit.text);
        if (!m) continue;
        out.push(
          ctx.finding(
            'period',
            'info',
            `Báo cáo ${def.label} nhưng đoạn văn nói "${m[0]}": có thể là câu chữ còn sót từ báo cáo ${w.names}.`,
            [m[0]],
            [{ pos: posIn(unit, m.index, m.index + m[0].length) }],
          ),
        );
      }
    }

    if (inAppendix && unit.row === undefined) continue;
    // Data windows.
    if (!win || !report) continue;
    const limit = compareViDates(win.cutoff, report.date) < 0 ? win.cutoff : report.date;
    for (const m of unit.text.matchAll(WINDOW)) {
      if (PLANNED_BEFORE.test(unit.text.slice(Math.max(0, m.index - 30), m.index))) continue;
      const from = tryParseViDate(m[1] ?? '');
      const toText = m[2] ?? m[3];
      const to = toText ? tryParseViDate(toText) : undefined;
      if (!from.ok) continue;
      ctx.tally('period');
      const pos = posIn(unit, m.index, m.index + m[0].length);
      const problems: string[] = [];
      if (compareViDates(from.value, win.start) < 0) problems.push(`bắt đầu ${from.value.text}, trước ngày đầu kỳ ${formatDay(win.start)}`);
      if (compareViDates(from.value, report.date) > 0) problems.push(`bắt đầu ${from.value.text}, sau ngày báo cáo ${formatDay(report.date)}`);
      if (to?.ok) {
        if (compareViDates(to.value, win.cutoff) > 0) problems.push(`kết thúc ${to.value.text}, sau ngày chốt số liệu ${formatDay(win.cutoff)}`);
        else if (compareViDates(to.value, report.date) > 0) problems.push(`kết thúc ${to.value.text}, sau ngày báo cáo ${formatDay(report.date)}`);
      }
      if (problems.length === 0) continue;
      const expected = `từ ${formatDay(win.start)} đến ${to?.ok ? formatDay(limit) : 'thời điểm báo cáo'}`;
      out.push(
        ctx.finding(
          'period',
          'error',
          `Khoảng thời gian số liệu "${m[0].trim()}" nằm ngoài kỳ báo cáo ${def!.label} (${formatDay(win.start)} – ${formatDay(win.cutoff)}, báo cáo đề ngày ${formatDay(report.date)}): ${problems.join('; ')}.`,
          [from.value.text, ...(to?.ok ? [to.value.text] : [])],
          [{ pos }],
          expected,
        ),
      );
    }
    for (const m of unit.text.matchAll(UNTIL)) {
      const r = tryParseViDate(m[1] ?? '');
      if (!r.ok) continue;
      if (isDatelineDate(unit.text, m.index + m[0].length - (m[1]?.length ?? 0), m.index + m[0].length)) continue;
      ctx.tally('period');
      if (compareViDates(r.value, win.cutoff) <= 0 && compareViDates(r.value, report.date) <= 0) continue;
      const pos = posIn(unit, m.index, m.index + m[0].length);
      out.push(
        ctx.finding(
          'period',
          'error',
          `Số liệu "${m[0].trim()}" tính đến sau ${compareViDates(r.value, report.date) > 0 ? `ngày báo cáo ${formatDay(report.date)}` : `ngày chốt số liệu ${formatDay(win.cutoff)}`}.`,
          [r.value.text],
          [{ pos }],
          `tính đến ngày ${formatDay(limit)}`,
        ),
      );
    }
  }
  return out;
}

/** Exposed for tests and the text formatter: the period facts the check used. */
export function describePeriod(ctx: CheckContext): { report?: ReportDate; window?: PeriodWindow } {
  const report = findReportDate(ctx);
  const def = findPeriod(ctx);
  return { ...(report ? { report } : {}), ...(def && report ? { window: periodWindow({ kind: def.kind, year: report.date.year }) } : {}) };
}
