/**
 * The report-meta fields of the next report, from the target period: each field's role (schema
 * `meta`) says what it holds; the text keeps the source's written style (a date in words stays
 * in words, "ngày" kept; a label without a year stays without one where natural; upper case
 * stays upper case).
 */
import { compareViDates, formatViDate, makeViDate, tryParseViDate, type DayMonthYear, type ViDateStyle } from '../codec';
import { PERIODS, periodWindow, type ReportPeriod } from '../period';
import type { MetaRole } from '../template/schema';
import { matchCase } from './prose';

export interface MetaContext {
  to: ReportPeriod;
  reportDate: DayMonthYear;
  dataFrom: DayMonthYear;
  dataTo: DayMonthYear;
}

/**
 * The dates of a report of period `to` (the roll-over's target, or a new report from a template):
 * dated `reportDate` (default: the period's cut-off), figures from the window's first day to the
 * report date, at most the cut-off.
 */
export function metaContext(to: ReportPeriod, reportDate?: DayMonthYear): MetaContext {
  const window = periodWindow(to);
  const date = reportDate ?? window.cutoff;
  return { to, reportDate: date, dataFrom: window.start, dataTo: compareViDates(date, window.cutoff) > 0 ? window.cutoff : date };
}

/** A date written like `previous` ("ngày 09 tháng 6 năm 2022" → "ngày 14 tháng 12 năm 2022"; "09/6/2022" → "14/12/2022"). */
export function writeDateLike(previous: string, d: DayMonthYear, fallback: { style: ViDateStyle; lead?: string }): string {
  const old = tryParseViDate(previous);
  const style = old.ok ? old.value.style : fallback.style;
  const lead = old.ok ? old.value.lead : fallback.lead;
  const date = makeViDate(d.day, d.month, d.year, style);
  const { lead: _lead, ...rest } = date;
  return formatViDate(lead !== undefined ? { ...rest, lead } : rest);
}

const hasYear = (s: string) => /(?<!\d)\d{4}(?!\d)/u.test(s);
const monthText = (m: number) => (m <= 2 ? String(m).padStart(2, '0') : String(m));

/** The new text of a report-meta field, or undefined when its old text cannot be rewritten (a warning). */
export function metaText(role: MetaRole, previous: string, ctx: MetaContext): string | undefined {
  const def = PERIODS[ctx.to.kind];
  const year = ctx.to.year;
  switch (role) {
    case 'reportDate':
      return writeDateLike(previous, ctx.reportDate, { style: 'words', lead: 'ngày' });
    case 'dataFrom':
      return writeDateLike(previous, ctx.dataFrom, { style: 'numeric' });
    case 'dataTo':
      return writeDateLike(previous, ctx.dataTo, { style: 'numeric' });
    case 'periodLabel':
    case 'titlePeriod':
      return matchCase(previous, hasYear(previous) || previous.trim() === '' ? def.labelWithYear(year) : def.shortLabel(year));
    case 'nextPeriodLabel':
      return matchCase(previous, hasYear(previous) || previous.trim() === '' ? def.next(year) : def.nextShort(year));
    case 'caption': {
      // "tháng 6 năm 2022" → the report date's month and year (what the check requires of a caption).
      const month = /tháng\s+\d{1,2}\s+năm\s+\d{4}/iu.exec(previous);
      if (month) {
        const rewritten = `tháng ${monthText(ctx.reportDate.month)} năm ${ctx.reportDate.year}`;
        return previous.slice(0, month.index) + matchCase(month[0], rewritten) + previous.slice(month.index + month[0].length);
      }
      const dated = /(?:ngày\s+)?\d{1,2}(?:\/\d{1,2}\/|\s+tháng\s+\d{1,2}\s+năm\s+)\d{4}/iu.exec(previous);
      if (dated) {
        return previous.slice(0, dated.index) + writeDateLike(dated[0], ctx.reportDate, { style: 'numeric' }) + previous.slice(dated.index + dated[0].length);
      }
      if (previous.trim() === '') return `tháng ${monthText(ctx.reportDate.month)} năm ${ctx.reportDate.year}`;
      return undefined;
    }
    default:
      return undefined;
  }
}
