/**
 * Reporting periods of the periodic report (Nghị định 09/2019/NĐ-CP; Bộ Nội vụ guidance
 * 581/BNV-CCHC) as data: the data window, the due date and the Vietnamese labels each period
 * is named by in the title, the body and the appendix captions. The check, the roll-over and
 * the task pane all read periods from here.
 */
import { compareViDates, type DayMonthYear } from '../codec';

export const PERIOD_KINDS = ['quy-i', '6-thang', 'quy-iii', 'nam'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period of a given year: "6 tháng đầu năm 2022", "quý I năm 2023". */
export interface ReportPeriod {
  kind: PeriodKind;
  year: number;
}

/** A day relative to the period's year (yearOffset −1: the previous year). */
export interface RelativeDay {
  day: number;
  month: number;
  yearOffset?: number;
}

export interface PeriodDef {
  kind: PeriodKind;
  /** Data window: first day and cut-off (the last day the figures may cover). */
  start: RelativeDay;
  cutoff: RelativeDay;
  /** The report is due by this day. */
  deadline: RelativeDay;
  /** The month named in appendix captions ("kèm theo Báo cáo tháng 6 năm 2022"). */
  captionMonth: number;
  /** The period as the report's subject, without and with its year. */
  label: string;
  labelWithYear: (year: number) => string;
  /** The period the "phương hướng, nhiệm vụ" part looks ahead to. */
  next: (year: number) => string;
  /**
   * How a text names this period (lower-cased NFC). Longer names first: "quý III" before "quý I".
   * `(?![\p{L}\p{N}])` keeps "quý I" from matching inside "quý II".
   */
  patterns: RegExp[];
}

const END = '(?![\\p{L}\\p{N}])';
const START = '(?<![\\p{L}\\p{N}])';

export const PERIODS: Record<PeriodKind, PeriodDef> = {
  'quy-i': {
    kind: 'quy-i',
    start: { day: 15, month: 12, yearOffset: -1 },
    cutoff: { day: 14, month: 3 },
    deadline: { day: 20, month: 3 },
    captionMonth: 3,
    label: 'quý I',
    labelWithYear: (y) => `quý I năm ${y}`,
    next: (y) => `quý II năm ${y}`,
    patterns: [new RegExp(`quý\\s+(?:i|1)${END}`, 'u')],
  },
  '6-thang': {
    kind: '6-thang',
    start: { day: 15, month: 12, yearOffset: -1 },
    cutoff: { day: 14, month: 6 },
    deadline: { day: 20, month: 6 },
    captionMonth: 6,
    label: '6 tháng đầu năm',
    labelWithYear: (y) => `6 tháng đầu năm ${y}`,
    next: (y) => `6 tháng cuối năm ${y}`,
    patterns: [new RegExp(`${START}(?:6|sáu)\\s+tháng\\s+đầu\\s+năm`, 'u'), new RegExp(`quý\\s+(?:ii|2)${END}`, 'u')],
  },
  'quy-iii': {
    kind: 'quy-iii',
    start: { day: 15, month: 12, yearOffset: -1 },
    cutoff: { day: 14, month: 9 },
    deadline: { day: 20, month: 9 },
    captionMonth: 9,
    label: '9 tháng đầu năm',
    labelWithYear: (y) => `9 tháng đầu năm ${y}`,
    next: (y) => `quý IV năm ${y}`,
    patterns: [new RegExp(`quý\\s+(?:iii|3)${END}`, 'u'), new RegExp(`${START}(?:9|chín)\\s+tháng(?:\\s+đầu\\s+năm)?`, 'u')],
  },
  nam: {
    kind: 'nam',
    start: { day: 15, month: 12, yearOffset: -1 },
    cutoff: { day: 14, month: 12 },
    deadline: { day: 20, month: 12 },
    captionMonth: 12,
    label: 'năm',
    labelWithYear: (y) => `năm ${y}`,
    next: (y) => `năm ${y + 1}`,
    patterns: [/(?:báo cáo|kết quả)[^;.]*?\s(?:cả\s+)?năm\s+\d{4}/u],
  },
};

/**
 * The period a title or caption names: among quarters and half-years, the one whose words
 * appear first ("quý I, phương hướng quý II" is a quý I report); a year report only when no
 * shorter period is named.
 */
export function detectPeriodKind(text: string): PeriodKind | undefined {
  const t = text.normalize('NFC').toLowerCase();
  let best: { kind: PeriodKind; at: number } | undefined;
  for (const kind of ['quy-iii', '6-thang', 'quy-i'] as const) {
    for (const re of PERIODS[kind].patterns) {
      const m = re.exec(t);
      if (m && (best === undefined || m.index < best.at)) best = { kind, at: m.index };
    }
  }
  if (best) return best.kind;
  return PERIODS.nam.patterns.some((re) => re.test(t)) ? 'nam' : undefined;
}

function resolve(d: RelativeDay, year: number): DayMonthYear {
  return { day: d.day, month: d.month, year: year + (d.yearOffset ?? 0) };
}

export interface PeriodWindow {
  period: ReportPeriod;
  start: DayMonthYear;
  cutoff: DayMonthYear;
  deadline: DayMonthYear;
}

/** "6 tháng" 2022: 15/12/2021 – 14/6/2022, due 20/6/2022. */
export function periodWindow(period: ReportPeriod): PeriodWindow {
  const def = PERIODS[period.kind];
  return { period, start: resolve(def.start, period.year), cutoff: resolve(def.cutoff, period.year), deadline: resolve(def.deadline, period.year) };
}

export function isBefore(a: DayMonthYear, b: DayMonthYear): boolean {
  return compareViDates(a, b) < 0;
}

/** The period after this one, in the order quý I, 6 tháng, 9 tháng, năm, then quý I of the next year. */
export function nextPeriod(p: ReportPeriod): ReportPeriod {
  const order: PeriodKind[] = ['quy-i', '6-thang', 'quy-iii', 'nam'];
  const i = order.indexOf(p.kind);
  return i === order.length - 1 ? { kind: 'quy-i', year: p.year + 1 } : { kind: order[i + 1]!, year: p.year };
}

/** Vietnamese name of a period with its year, for messages: "6 tháng đầu năm 2022". */
export function describePeriod(p: ReportPeriod): string {
  return PERIODS[p.kind].labelWithYear(p.year);
}

const ARG_FORMS: Array<[RegExp, PeriodKind]> = [
  [/^(?:quy|quý)[-\s]*(?:iii|3)$/u, 'quy-iii'],
  [/^(?:9|chin|chín)[-\s]*(?:thang|tháng)(?:[-\s]*(?:dau|đầu)(?:[-\s]*(?:nam|năm))?)?$/u, 'quy-iii'],
  [/^(?:quy|quý)[-\s]*(?:i|1)$/u, 'quy-i'],
  [/^(?:6|sau|sáu)[-\s]*(?:thang|tháng)(?:[-\s]*(?:dau|đầu)(?:[-\s]*(?:nam|năm))?)?$/u, '6-thang'],
  [/^(?:nam|năm|ca[-\s]*nam|cả[-\s]*năm)$/u, 'nam'],
];

/**
 * Reads a target period as written on the command line or in the task pane: "nam-2022",
 * "năm 2022", "quy-i-2023", "quý I năm 2023", "6-thang-2023", "9 tháng 2022".
 */
export function parsePeriod(input: string): ReportPeriod | undefined {
  const t = input.normalize('NFC').trim().toLowerCase();
  const m = /^(.*?)[-\s]*(?:(?:nam|năm)[-\s]*)?(\d{4})$/u.exec(t);
  if (!m) return undefined;
  const year = Number(m[2]);
  const name = (m[1] ?? '').replace(/[-\s]+$/u, '');
  for (const [re, kind] of ARG_FORMS) if (re.test(name)) return { kind, year };
  // "năm 2022" alone: the prefix was consumed as the year word.
  if (name === '' && /(?:nam|năm)/u.test(t)) return { kind: 'nam', year };
  return undefined;
}
