/**
 * What the roll-over does, as data a maintainer can read and change. The definition says which
 * policy each field follows (schema.ts `rollover`, `meta`, `comparedYear`); this table says what
 * each policy means when the next report starts, and the texts it writes.
 */
import { PLACEHOLDERS } from '../template/placeholders';
import type { FieldKind, Rollover } from '../template/schema';

/** What happens to a field: its figure is cleared, kept as written, or recomputed (report-meta). */
export type RolloverAction = 'clear' | 'keep' | 'recompute';

/**
 * Policy → action, depending on whether the target period is later in the same year as the
 * source report (`sameYear`) or starts another year.
 * - period: figures of the period just reported → cleared ("chưa nhập").
 * - standing: standing facts (quotas, structure, units) → kept.
 * - year-to-date: cumulative within the year (the year's plan, "lũy kế", Phụ lục III outputs)
 *   → kept for a later period of the same year, cleared when the target starts a new year.
 * - previous-reference: compared with the previous period ("tăng 04 bậc so với năm 2020") →
 *   cleared, the placeholder showing last period's value as the reference.
 * - report-meta: dates and labels of the report → recomputed from the target period.
 * - carried: opens with the source report's value of its `carryFrom` field (recomputed), when the
 *   target is the period right after the source; otherwise cleared (plan.ts decides).
 */
export const ROLLOVER_ACTIONS: Record<Rollover, { sameYear: RolloverAction; newYear: RolloverAction }> = {
  period: { sameYear: 'clear', newYear: 'clear' },
  standing: { sameYear: 'keep', newYear: 'keep' },
  'year-to-date': { sameYear: 'keep', newYear: 'clear' },
  'previous-reference': { sameYear: 'clear', newYear: 'clear' },
  'report-meta': { sameYear: 'recompute', newYear: 'recompute' },
  carried: { sameYear: 'recompute', newYear: 'recompute' },
};

/** The placeholder a cleared control shows (the template's, so a rolled report looks like a new one). */
export function placeholderFor(kind: FieldKind): string {
  return PLACEHOLDERS[kind];
}

/** The placeholder of a cleared previous-reference figure: last period's value as the reference. */
export function referencePlaceholder(previous: string): string {
  return `[kỳ trước: ${previous}]`;
}

/**
 * Plain years in the report's own words ("Kế hoạch cải cách hành chính năm 2022", "Trong năm
 * 2021, …", "quý III/2022") are relative to the report: when the roll-over crosses into another
 * year, a year within `YEAR_WINDOW` of the source report's year moves by the same number of years
 * (2021 → 2022, 2022 → 2023, "dự toán năm 2023" → 2024). Years farther away are fixed points
 * ("so với năm 2015", "định hướng đến năm 2030", "Luật Cán bộ, công chức năm 2008") and stay.
 * Years in cited documents' titles never move (history; see HISTORY_OPENERS).
 */
export const YEAR_WINDOW = { before: 1, after: 1 } as const;

/**
 * Where the title of a cited document starts: a document reference found by the codec
 * ("Báo cáo số 95/BC-VPUB ngày 01/6/2022 …") or a law named by its title ("Luật Cán bộ, công
 * chức năm 2008"). The clause after it, up to the next ";", "." (not inside a number) or line
 * end, belongs to that document's title: period phrases and years there are history and stay.
 */
export const HISTORY_OPENERS: RegExp[] = [/(?<![\p{L}])Luật(?=\s)/gu];
export const CLAUSE_END = /[;\n]|\.(?!\d)/gu;
