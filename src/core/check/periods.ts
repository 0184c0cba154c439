/**
 * Reporting periods as data (Nghị định 09/2019/NĐ-CP; Bộ Nội vụ guidance 581/BNV-CCHC): the
 * data window of each period, the report deadline and the words that name the period in a
 * title or caption. The period checks and (later) the roll-over read these facts; nothing
 * about a period is written in rule code.
 */
import { compareViDates, type DayMonthYear } from '../codec';

export type PeriodId = 'quy-i' | '6-thang' | 'quy-iii' | 'nam';

/** A day of the year, relative to the period's year (yearOffset −1 = the previous year). */
export interface RelativeDay {
  day: number;
  month: number;
  yearOffset?: number;
}

export interface PeriodDef {
  id: PeriodId;
  /** How the period is named in messages ("6 tháng đầu năm"). */
  label: string;
  /** Words naming the period in a title or appendix caption (matched on NFC, lower-case text). */
  patterns: RegExp[];
  /** First day of the data window. */
  start: RelativeDay;
  /** Data cut-off: the last day figures may cover. */
  cutoff: RelativeDay;
  /** The report is due by this day. */
  deadline: RelativeDay;
  /**
   * Wording that belongs to another period's template ("Trong quý, …" left in a six-month
   * report): reported as an info in the narrative.
   */
  strayWording?: { pattern: RegExp; names: string }[];
}

/** "trong quý," / "trong quý này" / "quý này" without a numeral: the report speaks of a quarter. */
const QUARTER_WORDING = { pattern: /(?<![\p{L}])(?:trong\s+quý(?=\s*[,.;:])|(?:trong\s+)?quý\s+(?:này|qua)(?![\p{L}]))/iu, names: 'quý' };

/**
 * Order matters: the first period whose pattern matches first in a text wins; longer names
 * ("quý III", "9 tháng") are tried before shorter ones ("quý I").
 */
export const PERIODS: readonly PeriodDef[] = [
  {
    id: 'quy-iii',
    label: 'quý III (9 tháng)',
    patterns: [/quý\s+(?:iii|3)(?![\p{L}\p{N}])/u, /(?<![\p{L}\p{N}])(?:9|chín)\s+tháng(?:\s+đầu\s+năm)?/u],
    start: { day: 15, month: 12, yearOffset: -1 },
    cutoff: { day: 14, month: 9 },
    deadline: { day: 20, month: 9 },
    strayWording: [QUARTER_WORDING],
  },
  {
    id: '6-thang',
    label: '6 tháng đầu năm',
    patterns: [/(?<![\p{L}\p{N}])(?:6|sáu)\s+tháng\s+đầu\s+năm/u, /quý\s+(?:ii|2)(?![\p{L}\p{N}])/u],
    start: { day: 15, month: 12, yearOffset: -1 },
    cutoff: { day: 14, month: 6 },
    deadline: { day: 20, month: 6 },
    strayWording: [QUARTER_WORDING],
  },
  {
    id: 'quy-i',
    label: 'quý I',
    patterns: [/quý\s+(?:i|1)(?![\p{L}\p{N}])/u],
    start: { day: 15, month: 12, yearOffset: -1 },
    cutoff: { day: 14, month: 3 },
    deadline: { day: 20, month: 3 },
  },
  {
    id: 'nam',
    label: 'năm',
    patterns: [/(?:báo cáo|kết quả)[^;.]*?\s(?:cả\s+)?năm\s+\d{4}/u],
    start: { day: 15, month: 12, yearOffset: -1 },
    cutoff: { day: 14, month: 12 },
    deadline: { day: 20, month: 12 },
    strayWording: [QUARTER_WORDING],
  },
];

export function periodById(id: PeriodId): PeriodDef {
  const p = PERIODS.find((d) => d.id === id);
  if (!p) throw new Error(`unknown period ${id}`);
  return p;
}

/** The period a title names: the period whose words appear first in the text. */
export function detectPeriod(text: string): PeriodDef | undefined {
  const t = text.normalize('NFC').toLowerCase();
  let best: { def: PeriodDef; at: number } | undefined;
  for (const def of PERIODS) {
    for (const re of def.patterns) {
      const m = re.exec(t);
      if (m && (best === undefined || m.index < best.at)) best = { def, at: m.index };
    }
  }
  return best?.def;
}

function resolve(d: RelativeDay, year: number): DayMonthYear {
  return { day: d.day, month: d.month, year: year + (d.yearOffset ?? 0) };
}

export interface PeriodWindow {
  def: PeriodDef;
  year: number;
  start: DayMonthYear;
  cutoff: DayMonthYear;
  deadline: DayMonthYear;
}

/** The concrete window of a period in a year ("6 tháng" 2022: 15/12/2021 – 14/6/2022, due 20/6/2022). */
export function periodWindow(def: PeriodDef, year: number): PeriodWindow {
  return { def, year, start: resolve(def.start, year), cutoff: resolve(def.cutoff, year), deadline: resolve(def.deadline, year) };
}

export function isBefore(a: DayMonthYear, b: DayMonthYear): boolean {
  return compareViDates(a, b) < 0;
}

export function formatDay(d: DayMonthYear): string {
  const dd = String(d.day).padStart(2, '0');
  const mm = d.month <= 2 ? String(d.month).padStart(2, '0') : String(d.month);
  return `${dd}/${mm}/${d.year}`;
}
