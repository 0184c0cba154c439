/**
 * Reporting periods of the periodic report (Nghị định 09/2019/NĐ-CP; Bộ Nội vụ guidance
 * 581/BNV-CCHC) as data: the data window, the due date and the Vietnamese labels each period
 * is named by in the title, the body and the appendix captions, and the phrases of the prose
 * that name the report's own period (the roll-over rewrites them). The check, the roll-over and
 * the task pane all read periods from here; nothing about a period is written in rule code.
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

/**
 * A phrase of the prose naming a period. The regular expression runs on the document's text
 * (NFC, case-insensitive); the whole match is the label to replace (context is written as
 * lookbehind/lookahead). A named group `year` captures the year when the label carries one.
 */
export interface PeriodPhrase {
  pattern: RegExp;
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
  /** The period as the report's subject, for messages ("6 tháng đầu năm"). */
  label: string;
  labelWithYear: (year: number) => string;
  /**
   * The label as a title or a sentence writes it when it leaves the year out ("Kết quả … 6 tháng
   * đầu năm; …", "Trong quý I, …"). A year report cannot leave it out: "năm 2022".
   */
  shortLabel: (year: number) => string;
  /** The period the "phương hướng, nhiệm vụ" part looks ahead to, with its year. */
  next: (year: number) => string;
  /** The same without the year where natural ("6 tháng cuối năm", "quý II"; "năm 2023"). */
  nextShort: (year: number) => string;
  /** The year of the next period ("năm 2022" looks ahead to 2023). */
  nextYear: (year: number) => number;
  /**
   * How a title or caption names this period (matched on lower-cased NFC text). `(?![\p{L}\p{N}])`
   * keeps "quý I" from matching inside "quý II". A named group `at` marks where the period's
   * name starts when the match opens with context ("báo cáo … năm 2022").
   */
  patterns: RegExp[];
  /**
   * Phrases of the prose that name this period when it is the report's own: `subject` (the
   * period reported on) and `next` (the period looked ahead to). A phrase carrying a year names
   * the report's period only with the report's year (subject) or the next period's year (next).
   */
  phrases: { subject: PeriodPhrase[]; next: PeriodPhrase[] };
  /**
   * Wording that belongs to another period's template ("Trong quý, …" left in a six-month
   * report): reported by the check as an info in the narrative.
   */
  strayWording?: { pattern: RegExp; names: string }[];
}

const END = '(?![\\p{L}\\p{N}])';
const START = '(?<![\\p{L}\\p{N}])';
const YEAR = '(?:\\s+năm\\s+(?<year>\\d{4}))?';
/** A label ending in "năm" takes its year directly: "6 tháng đầu năm 2022". */
const YEAR_AFTER_NAM = '(?:\\s+(?<year>\\d{4}))?';
const phrase = (source: string): PeriodPhrase => ({ pattern: new RegExp(source, 'giu') });

/** "trong quý," / "trong quý này" / "quý này" without a numeral: the report speaks of a quarter. */
const QUARTER_WORDING = { pattern: /(?<![\p{L}])(?:trong\s+quý(?=\s*[,.;:])|(?:trong\s+)?quý\s+(?:này|qua)(?![\p{L}]))/iu, names: 'quý' };

export const PERIODS: Record<PeriodKind, PeriodDef> = {
  'quy-i': {
    kind: 'quy-i',
    start: { day: 15, month: 12, yearOffset: -1 },
    cutoff: { day: 14, month: 3 },
    deadline: { day: 20, month: 3 },
    captionMonth: 3,
    label: 'quý I',
    labelWithYear: (y) => `quý I năm ${y}`,
    shortLabel: () => 'quý I',
    next: (y) => `quý II năm ${y}`,
    nextShort: () => 'quý II',
    nextYear: (y) => y,
    patterns: [new RegExp(`quý\\s+(?:i|1)${END}`, 'u')],
    phrases: {
      subject: [phrase(`${START}quý\\s+(?:i|1)${END}${YEAR}${END}`)],
      next: [phrase(`${START}quý\\s+(?:ii|2)${END}${YEAR}${END}`)],
    },
  },
  '6-thang': {
    kind: '6-thang',
    start: { day: 15, month: 12, yearOffset: -1 },
    cutoff: { day: 14, month: 6 },
    deadline: { day: 20, month: 6 },
    captionMonth: 6,
    label: '6 tháng đầu năm',
    labelWithYear: (y) => `6 tháng đầu năm ${y}`,
    shortLabel: () => '6 tháng đầu năm',
    next: (y) => `6 tháng cuối năm ${y}`,
    nextShort: () => '6 tháng cuối năm',
    nextYear: (y) => y,
    patterns: [new RegExp(`${START}(?:6|sáu)\\s+tháng\\s+đầu\\s+năm`, 'u'), new RegExp(`quý\\s+(?:ii|2)${END}`, 'u')],
    phrases: {
      subject: [phrase(`${START}(?:6|sáu)\\s+tháng\\s+đầu\\s+năm${YEAR_AFTER_NAM}${END}`)],
      next: [phrase(`${START}(?:6|sáu)\\s+tháng\\s+cuối\\s+năm${YEAR_AFTER_NAM}${END}`)],
    },
    strayWording: [QUARTER_WORDING],
  },
  'quy-iii': {
    kind: 'quy-iii',
    start: { day: 15, month: 12, yearOffset: -1 },
    cutoff: { day: 14, month: 9 },
    deadline: { day: 20, month: 9 },
    captionMonth: 9,
    label: '9 tháng đầu năm',
    labelWithYear: (y) => `9 tháng đầu năm ${y}`,
    shortLabel: () => '9 tháng đầu năm',
    next: (y) => `quý IV năm ${y}`,
    nextShort: () => 'quý IV',
    nextYear: (y) => y,
    patterns: [new RegExp(`quý\\s+(?:iii|3)${END}`, 'u'), new RegExp(`${START}(?:9|chín)\\s+tháng(?:\\s+đầu\\s+năm)?`, 'u')],
    phrases: {
      subject: [phrase(`${START}(?:9|chín)\\s+tháng\\s+đầu\\s+năm${YEAR_AFTER_NAM}${END}`), phrase(`${START}quý\\s+(?:iii|3)${END}${YEAR}${END}`)],
      next: [phrase(`${START}quý\\s+(?:iv|4)${END}${YEAR}${END}`), phrase(`${START}(?:3|ba)\\s+tháng\\s+cuối\\s+năm${YEAR_AFTER_NAM}${END}`)],
    },
    strayWording: [QUARTER_WORDING],
  },
  nam: {
    kind: 'nam',
    start: { day: 15, month: 12, yearOffset: -1 },
    cutoff: { day: 14, month: 12 },
    deadline: { day: 20, month: 12 },
    captionMonth: 12,
    label: 'năm',
    labelWithYear: (y) => `năm ${y}`,
    shortLabel: (y) => `năm ${y}`,
    next: (y) => `năm ${y + 1}`,
    nextShort: (y) => `năm ${y + 1}`,
    nextYear: (y) => y + 1,
    patterns: [/(?:báo cáo|kết quả)[^;.]*?\s(?<at>(?:cả\s+)?năm\s+\d{4})/u, /^\s*(?<at>(?:cả\s+)?năm\s+\d{4})\s*$/u],
    phrases: {
      // "Trong năm 2022, …", "Kết quả năm 2022, …", "Trong năm, …": "năm" alone is too common
      // to be a phrase ("biên chế được giao trong năm"), so without a year it opens a sentence.
      subject: [
        phrase(`(?<=${START}(?:trong|kết\\s+quả|cả)\\s+)năm\\s+(?<year>\\d{4})${END}`),
        phrase(`(?<=(?:^|[.;:]\\s*|\\d+\\.\\s+)(?:trong|kết\\s+quả)\\s+)năm(?=\\s*,)`),
      ],
      next: [phrase(`(?<=(?:phương\\s+hướng|nhiệm\\s+vụ)(?:,?\\s+(?:nhiệm\\s+vụ|trọng\\s+tâm))*\\s+)năm\\s+(?<year>\\d{4})${END}`)],
    },
    strayWording: [QUARTER_WORDING],
  },
};

/**
 * Generic wording of the report's own period without a numeral ("Trong quý, …", "Trong 6
 * tháng, …"): when the target period is not of the kinds it `fits`, the roll-over replaces the
 * period word with the target's short label ("Trong năm 2022, …").
 */
export const GENERIC_PERIOD_PHRASES: { pattern: RegExp; fits: PeriodKind[] }[] = [
  { pattern: new RegExp(`(?<=${START}trong\\s+)quý(?=\\s*[,.;:])`, 'giu'), fits: ['quy-i', 'quy-iii'] },
  { pattern: new RegExp(`(?<=${START}trong\\s+)(?:6|sáu)\\s+tháng(?=\\s*[,.;:])`, 'giu'), fits: ['6-thang'] },
  { pattern: new RegExp(`(?<=${START}trong\\s+)(?:9|chín)\\s+tháng(?=\\s*[,.;:])`, 'giu'), fits: ['quy-iii'] },
];

/**
 * Wording that names a frequency, not a period ("6 tháng 01 lần", "báo cáo 6 tháng, năm",
 * "hàng quý, 6 tháng, năm", "mỗi quý"): a period phrase overlapping one is left as written.
 */
export const FREQUENCY_PHRASES: RegExp[] = [
  new RegExp(`${START}(?:hàng|mỗi|từng)\\s+(?:quý|tháng|năm)${END}`, 'giu'),
  new RegExp(`${START}(?:6|sáu)\\s+tháng\\s+0?1\\s+lần${END}`, 'giu'),
  new RegExp(`${START}(?:quý|(?:6|sáu|9|chín)\\s+tháng)(?:\\s*,\\s*(?:6|sáu|9|chín)\\s+tháng)?\\s*,\\s*(?:và\\s+)?(?:cả\\s+)?năm${END}`, 'giu'),
];

/**
 * Years written in the prose ("năm 2022", "quý III/2022"): a roll-over into another year moves
 * the years relative to the report (see src/core/rollover). The named group `year` is the year.
 */
export const YEAR_PHRASES: RegExp[] = [
  new RegExp(`${START}năm\\s+(?<year>\\d{4})(?!\\p{N})`, 'giu'),
  new RegExp(`${START}quý\\s+[ivx]+\\s*\\/\\s*(?<year>\\d{4})(?!\\p{N})`, 'giu'),
];

/** Detection order; among matches the earliest wins, ties in this order (longer names first). */
const DETECT_ORDER: PeriodKind[] = ['quy-iii', '6-thang', 'quy-i', 'nam'];

/**
 * The period a title or caption names: the one whose name appears first ("quý I, phương hướng
 * quý II" is a quý I report; "Báo cáo kết quả năm 2022, phương hướng quý I năm 2023" is a year
 * report). A year report is named by "năm YYYY" after "báo cáo"/"kết quả", or by "năm YYYY"
 * alone (a title's period label).
 */
export function detectPeriodKind(text: string): PeriodKind | undefined {
  const t = text.normalize('NFC').toLowerCase();
  let best: { kind: PeriodKind; at: number } | undefined;
  for (const kind of DETECT_ORDER) {
    for (const re of PERIODS[kind].patterns) {
      const m = re.exec(t);
      if (!m) continue;
      const named = m.groups?.at;
      const at = named !== undefined ? m.index + m[0].lastIndexOf(named) : m.index;
      if (best === undefined || at < best.at) best = { kind, at };
    }
  }
  return best?.kind;
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

const ORDER: PeriodKind[] = ['quy-i', '6-thang', 'quy-iii', 'nam'];

/** Orders two periods: by year, then quý I, 6 tháng, 9 tháng, năm. */
export function comparePeriods(a: ReportPeriod, b: ReportPeriod): number {
  return a.year - b.year || ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind);
}

/** True when `a` comes after `b` (a roll-over may only go forward). */
export function isLaterPeriod(a: ReportPeriod, b: ReportPeriod): boolean {
  return comparePeriods(a, b) > 0;
}

/** The period after this one, in the order quý I, 6 tháng, 9 tháng, năm, then quý I of the next year. */
export function nextPeriod(p: ReportPeriod): ReportPeriod {
  const i = ORDER.indexOf(p.kind);
  return i === ORDER.length - 1 ? { kind: 'quy-i', year: p.year + 1 } : { kind: ORDER[i + 1]!, year: p.year };
}

/** Vietnamese name of a period with its year, for messages: "6 tháng đầu năm 2022". */
export function describePeriod(p: ReportPeriod): string {
  return PERIODS[p.kind].labelWithYear(p.year);
}

/** A day as the convention writes it: "09/6/2022", "20/01/2022" (days and months 1–2 padded). */
export function formatDay(d: DayMonthYear): string {
  const dd = String(d.day).padStart(2, '0');
  const mm = d.month <= 2 ? String(d.month).padStart(2, '0') : String(d.month);
  return `${dd}/${mm}/${d.year}`;
}

/**
 * The period of a report from what its header says: the kind from the title's period label
 * (or the title), the year from a year written in that label, else the next-period label's year
 * ("6 tháng cuối năm 2022"; a year report's next period is the following year), else the year
 * of the report's date.
 */
export function detectReportPeriod(input: { periodLabel?: string; title?: string; nextLabel?: string; reportDate?: DayMonthYear }): ReportPeriod | undefined {
  const kind = (input.periodLabel ? detectPeriodKind(input.periodLabel) : undefined) ?? (input.title ? detectPeriodKind(input.title) : undefined);
  if (!kind) return undefined;
  const yearIn = (s: string | undefined) => {
    const m = s ? /(?<!\d)(\d{4})(?!\d)/u.exec(s) : null;
    return m ? Number(m[1]) : undefined;
  };
  const own = yearIn(input.periodLabel);
  if (own !== undefined) return { kind, year: own };
  const next = yearIn(input.nextLabel);
  if (next !== undefined) return { kind, year: kind === 'nam' ? next - 1 : next };
  if (input.reportDate) return { kind, year: input.reportDate.year };
  return undefined;
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
