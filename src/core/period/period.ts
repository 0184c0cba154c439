/**
 * Reporting periods of the periodic report (Nghị định 09/2019/NĐ-CP; Bộ Nội vụ guidance
 * 581/BNV-CCHC) as data: the data window, the due date and the Vietnamese labels each period
 * is named by in the title, the body and the appendix captions, and the phrases of the prose
 * that name the report's own period (the roll-over rewrites them). The check, the roll-over and
 * the task pane all read periods from here; nothing about a period is written in rule code.
 */
import { compareViDates, type DayMonthYear } from '../codec';

/**
 * The period kinds, in calendar order (by data cut-off; at the same cut-off the shorter window
 * first): quý I, quý II, 6 tháng đầu năm, quý III, 9 tháng đầu năm, quý IV, năm.
 */
export const PERIOD_KINDS = ['quy-i', 'quy-ii', '6-thang', 'quy-iii', '9-thang', 'quy-iv', 'nam'] as const;
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
   * report): reported by the check as an info in the narrative, unless the title names one of
   * `kinds` together with this period ("quý III và 9 tháng đầu năm" speaks of its quarter).
   */
  strayWording?: { pattern: RegExp; names: string; kinds: PeriodKind[] }[];
}

const END = '(?![\\p{L}\\p{N}])';
const START = '(?<![\\p{L}\\p{N}])';
const YEAR = '(?:\\s+năm\\s+(?<year>\\d{4}))?';
/** A label ending in "năm" takes its year directly: "6 tháng đầu năm 2022". */
const YEAR_AFTER_NAM = '(?:\\s+(?<year>\\d{4}))?';
const phrase = (source: string): PeriodPhrase => ({ pattern: new RegExp(source, 'giu') });

const QUARTERS: PeriodKind[] = ['quy-i', 'quy-ii', 'quy-iii', 'quy-iv'];
const ROMAN = ['i', 'ii', 'iii', 'iv'] as const;
const ROMAN_UPPER = ['I', 'II', 'III', 'IV'] as const;
/** "quý III" / "quý 3" (not "quý I" inside "quý II"): the quarter's name, lower-cased. */
const quarterName = (n: number) => `quý\\s+(?:${ROMAN[n - 1]}|${n})${END}`;
/**
 * A combined title "quý III và 9 tháng đầu năm", "quý II, 6 tháng đầu năm", "quý IV và năm
 * 2023": the quarter is named first, the cumulative period after it (a year may follow the quarter).
 */
const quarterAnd = (n: number, rest: string) => `quý\\s+(?:${ROMAN[n - 1]}|${n})(?:\\s+năm\\s+\\d{4}|\\s*\\/\\s*\\d{4})?\\s*(?:,|và|,\\s*và)\\s*${rest}`;

/** "trong quý," / "trong quý này" / "quý này" without a numeral: the report speaks of a quarter. */
const QUARTER_WORDING = {
  pattern: /(?<![\p{L}])(?:trong\s+quý(?=\s*[,.;:])|(?:trong\s+)?quý\s+(?:này|qua)(?![\p{L}]))/iu,
  names: 'quý',
  kinds: QUARTERS,
};

/**
 * A quarter: quý n of year y, data from the 15th of the month before the quarter to the 14th of
 * its last month (Nghị định 09/2019/NĐ-CP, Điều 12); quý I starts on 15/12 of the previous year.
 */
function quarter(n: 1 | 2 | 3 | 4): PeriodDef {
  const kind = QUARTERS[n - 1]!;
  const name = `quý ${ROMAN_UPPER[n - 1]}`;
  const last = n * 3;
  // The quarter after quý IV is quý I of the next year: its label always carries the year.
  const nextName = n === 4 ? 'quý I' : `quý ${ROMAN_UPPER[n]}`;
  const nextYear = (y: number) => (n === 4 ? y + 1 : y);
  return {
    kind,
    start: n === 1 ? { day: 15, month: 12, yearOffset: -1 } : { day: 15, month: last - 3 },
    cutoff: { day: 14, month: last },
    deadline: { day: 20, month: last },
    captionMonth: last,
    label: name,
    labelWithYear: (y) => `${name} năm ${y}`,
    shortLabel: () => name,
    next: (y) => `${nextName} năm ${nextYear(y)}`,
    nextShort: (y) => (n === 4 ? `${nextName} năm ${nextYear(y)}` : nextName),
    nextYear,
    patterns: [new RegExp(quarterName(n), 'u')],
    phrases: {
      subject: [phrase(`${START}${quarterName(n)}${YEAR}${END}`)],
      next: [phrase(`${START}${quarterName(n === 4 ? 1 : n + 1)}${YEAR}${END}`)],
    },
  };
}

export const PERIODS: Record<PeriodKind, PeriodDef> = {
  'quy-i': quarter(1),
  'quy-ii': quarter(2),
  'quy-iii': quarter(3),
  'quy-iv': quarter(4),
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
    // "6 tháng đầu năm", "6 tháng năm 2023" (not "6 tháng cuối năm"), "quý II và 6 tháng …".
    patterns: [
      new RegExp(`${START}(?:6|sáu)\\s+tháng\\s+(?:đầu\\s+năm|năm\\s+\\d{4})`, 'u'),
      new RegExp(quarterAnd(2, `(?:6|sáu)\\s+tháng`), 'u'),
    ],
    phrases: {
      subject: [
        phrase(`${START}${quarterAnd(2, `(?:6|sáu)\\s+tháng\\s+đầu\\s+năm`)}${YEAR_AFTER_NAM}${END}`),
        phrase(`${START}(?:6|sáu)\\s+tháng\\s+đầu\\s+năm${YEAR_AFTER_NAM}${END}`),
      ],
      next: [phrase(`${START}(?:6|sáu)\\s+tháng\\s+cuối\\s+năm${YEAR_AFTER_NAM}${END}`)],
    },
    strayWording: [QUARTER_WORDING],
  },
  '9-thang': {
    kind: '9-thang',
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
    // "9 tháng (đầu năm)", not a date ("ngày 9 tháng 10 năm 2023").
    patterns: [
      new RegExp(`${START}(?<!ngày\\s{1,3})(?:9|chín)\\s+tháng(?!\\s+\\d)(?:\\s+đầu\\s+năm)?`, 'u'),
      new RegExp(quarterAnd(3, `(?:9|chín)\\s+tháng`), 'u'),
    ],
    phrases: {
      subject: [
        phrase(`${START}${quarterAnd(3, `(?:9|chín)\\s+tháng\\s+đầu\\s+năm`)}${YEAR_AFTER_NAM}${END}`),
        phrase(`${START}(?:9|chín)\\s+tháng\\s+đầu\\s+năm${YEAR_AFTER_NAM}${END}`),
      ],
      next: [phrase(`${START}${quarterName(4)}${YEAR}${END}`), phrase(`${START}(?:3|ba)\\s+tháng\\s+cuối\\s+năm${YEAR_AFTER_NAM}${END}`)],
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
    patterns: [
      /(?:báo cáo|kết quả)[^;.]*?\s(?<at>(?:cả\s+)?năm\s+\d{4})/u,
      /^\s*(?<at>(?:cả\s+)?năm\s+\d{4})\s*$/u,
      new RegExp(quarterAnd(4, `(?:cả\\s+)?năm${END}`), 'u'),
    ],
    phrases: {
      // "Trong năm 2022, …", "Kết quả năm 2022, …", "Trong năm, …": "năm" alone is too common
      // to be a phrase ("biên chế được giao trong năm"), so without a year it opens a sentence.
      subject: [
        phrase(`${START}${quarterAnd(4, `(?:cả\\s+)?năm\\s+(?<year>\\d{4})`)}${END}`),
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
  { pattern: new RegExp(`(?<=${START}trong\\s+)quý(?=\\s*[,.;:])`, 'giu'), fits: QUARTERS },
  { pattern: new RegExp(`(?<=${START}trong\\s+)(?:6|sáu)\\s+tháng(?=\\s*[,.;:])`, 'giu'), fits: ['6-thang'] },
  { pattern: new RegExp(`(?<=${START}trong\\s+)(?:9|chín)\\s+tháng(?=\\s*[,.;:])`, 'giu'), fits: ['9-thang'] },
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

/**
 * Detection order: among matches the earliest wins, ties in this order. A combined title names
 * its quarter first ("quý III và 9 tháng đầu năm"): the cumulative kind is listed before the
 * quarter so that it wins the tie (its window holds the quarter's, and its figures are the
 * year's so far).
 */
const DETECT_ORDER: PeriodKind[] = ['9-thang', '6-thang', 'nam', 'quy-iv', 'quy-iii', 'quy-ii', 'quy-i'];

/**
 * The period a title or caption names: the one whose name appears first ("quý I, phương hướng
 * quý II" is a quý I report; "Báo cáo kết quả năm 2022, phương hướng quý I năm 2023" is a year
 * report). A year report is named by "năm YYYY" after "báo cáo"/"kết quả", or by "năm YYYY"
 * alone (a title's period label). A combined title is read as its cumulative period: "quý III
 * và 9 tháng đầu năm 2023" is a 9-month report (data from 15/12 of the previous year), "quý II
 * và 6 tháng đầu năm" a 6-month report, "quý IV và năm 2023" a year report.
 */
export function detectPeriodKind(text: string): PeriodKind | undefined {
  return periodNames(text)[0]?.kind;
}

/**
 * Every period kind a title names with where its name starts, the one it reports on first (see
 * detectPeriodKind); a combined title names two kinds at the same place.
 */
export function periodNames(text: string): { kind: PeriodKind; at: number }[] {
  const t = text.normalize('NFC').toLowerCase();
  const found: { kind: PeriodKind; at: number; rank: number }[] = [];
  DETECT_ORDER.forEach((kind, rank) => {
    let at: number | undefined;
    for (const re of PERIODS[kind].patterns) {
      const m = re.exec(t);
      if (!m) continue;
      const named = m.groups?.at;
      const i = named !== undefined ? m.index + m[0].lastIndexOf(named) : m.index;
      if (at === undefined || i < at) at = i;
    }
    if (at !== undefined) found.push({ kind, at, rank });
  });
  return found.sort((a, b) => a.at - b.at || a.rank - b.rank).map(({ kind, at }) => ({ kind, at }));
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

/** Orders two periods: by year, then by data cut-off, the shorter window first at the same cut-off (PERIOD_KINDS). */
export function comparePeriods(a: ReportPeriod, b: ReportPeriod): number {
  return a.year - b.year || PERIOD_KINDS.indexOf(a.kind) - PERIOD_KINDS.indexOf(b.kind);
}

/** True when `a` comes after `b` (a roll-over may only go forward). */
export function isLaterPeriod(a: ReportPeriod, b: ReportPeriod): boolean {
  return comparePeriods(a, b) > 0;
}

/**
 * The next report due among the periods a template serves (its `periods`, in its order): the
 * served period whose data cut-off comes first after this one's, else the first cut-off of the
 * next year. Periods with the same cut-off go in the list's order, so a quarterly template
 * [quý I, quý II, quý III, quý IV, năm] rolls quý III → quý IV → quý I of the next year (the year
 * report, due with quý IV, is chosen explicitly), and the CCHC list [quý I, 6 tháng, 9 tháng,
 * năm] rolls quý I → 6 tháng → 9 tháng → năm → quý I. A source of a kind the template does not
 * serve (a "quý II" report under a 6-month template) goes to the next served cut-off (9 tháng).
 */
export function nextPeriod(p: ReportPeriod, periods: readonly PeriodKind[]): ReportPeriod {
  const served = periods.length > 0 ? periods : PERIOD_KINDS;
  const month = (k: PeriodKind) => PERIODS[k].cutoff.month;
  const first = (kinds: readonly PeriodKind[]) => {
    const earliest = Math.min(...kinds.map(month));
    return kinds.find((k) => month(k) === earliest)!;
  };
  const later = served.filter((k) => month(k) > month(p.kind));
  return later.length > 0 ? { kind: first(later), year: p.year } : { kind: first(served), year: p.year + 1 };
}

/** True when a template serving `periods` can start a report of `p` (the roll-over's targets). */
export function servesPeriod(periods: readonly PeriodKind[], p: ReportPeriod): boolean {
  return periods.includes(p.kind);
}

/** The periods a template serves, for messages: "quý I, quý II, quý III, quý IV, năm". */
export function describeKinds(periods: readonly PeriodKind[]): string {
  return periods.map((k) => PERIODS[k].label).join(', ');
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
  // The next period's year minus the step ("năm 2023" after năm 2022, "quý I năm 2024" after quý IV năm 2023).
  if (next !== undefined) return { kind, year: next - PERIODS[kind].nextYear(0) };
  if (input.reportDate) return { kind, year: input.reportDate.year };
  return undefined;
}

const QUY = '(?:quy|quý)[-\\s]*';
const THANG = '[-\\s]*(?:thang|tháng)(?:[-\\s]*(?:dau|đầu)(?:[-\\s]*(?:nam|năm))?)?';
const ARG_FORMS: Array<[RegExp, PeriodKind]> = [
  [new RegExp(`^${QUY}(?:i|1)$`, 'u'), 'quy-i'],
  [new RegExp(`^${QUY}(?:ii|2)$`, 'u'), 'quy-ii'],
  [new RegExp(`^${QUY}(?:iii|3)$`, 'u'), 'quy-iii'],
  [new RegExp(`^${QUY}(?:iv|4)$`, 'u'), 'quy-iv'],
  [new RegExp(`^(?:6|sau|sáu)${THANG}$`, 'u'), '6-thang'],
  [new RegExp(`^(?:9|chin|chín)${THANG}$`, 'u'), '9-thang'],
  [/^(?:nam|năm|ca[-\s]*nam|cả[-\s]*năm)$/u, 'nam'],
];

/**
 * Reads a target period as written on the command line or in the task pane: "nam-2022",
 * "năm 2022", "quy-i-2023", "quy-ii-2023", "quý IV năm 2023", "6-thang-2023", "9-thang-2022",
 * "9 tháng đầu năm 2022".
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
