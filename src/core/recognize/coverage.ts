/**
 * Numeric coverage: is every number written in a document modelled? Every numeric token (the
 * codec's scanner claims every ASCII digit) must lie inside a located field occurrence, inside a
 * document reference (document numbers and their dates are not data), or inside a match of a
 * declared non-data entry (section numbers, years in titles, room numbers …). Whole-cell text
 * fields of the task table (Phụ lục III task outputs) do not count as cover: the figures inside them must be
 * fields of their own ("ban hành 15 Quyết định" is a21.publishDecisions).
 */
import type { DocumentSnapshot } from '../document';
import type { TemplateDefinition } from '../template/schema';
import { findReferences, scanNumericTokens } from '../codec';
import { inSection } from './sections';
import { buildUnits, type LocateResult } from './locate';

export interface NonDataEntry {
  /** The wording as it reads in the report (documentation, and a self-check in tests). */
  example: string;
  /** Global regex; a token inside one of its matches is not data. */
  context: RegExp;
  /** Why this is not data (one line). */
  why: string;
  /** Only in blocks of this section (prefix match). */
  section?: string;
  /** Only in the TT/STT column of appendix tables (row codes). */
  codeColumn?: true;
}

/** The template's non-data numbers (template.json `nonData`) as compiled entries. */
export function nonDataEntries(definition: Pick<TemplateDefinition, 'nonData'>): NonDataEntry[] {
  return definition.nonData.map((e) => ({
    example: e.example,
    context: new RegExp(e.pattern, e.flags.includes('g') ? e.flags : `${e.flags}g`),
    why: e.why,
    ...(e.section ? { section: e.section } : {}),
    ...(e.codeColumn ? { codeColumn: true as const } : {}),
  }));
}

export interface UncoveredToken {
  text: string;
  /** About 40 characters around the token. */
  context: string;
  section: string;
  blockIndex: number;
}

export interface CoverageResult {
  tokens: number;
  byField: number;
  byReference: number;
  byNonData: number;
  uncovered: UncoveredToken[];
  /** How many tokens each non-data entry covered (same order as the entries). */
  entryUse: number[];
}

export function numericCoverage(snapshot: DocumentSnapshot, located: LocateResult, nonData: NonDataEntry[]): CoverageResult {
  const units = buildUnits(snapshot, located.sections, located.appendix.tableIndexes, true);

  // Cells of the TT/STT column of appendix tables.
  const codeCells = new Set<string>();
  for (const form of located.appendix.forms)
    for (const row of form.rows) for (const part of row.parts) if (part.cells.code !== undefined) codeCells.add(`${part.tableIndex}:${part.rowIndex}:${part.cells.code}`);

  // Located occurrences as block-relative spans (a whole cell of a task table does not cover its figures).
  const taskAppendices = new Set(located.appendix.forms.filter((f) => f.tasks).map((f) => f.appendix));
  const spans = new Map<string, { start: number; end: number }[]>();
  for (const o of located.occurrences) {
    if (!o.found || !o.place || o.place.kind === 'control') continue;
    const occ = o.occurrence;
    if (o.kind === 'text' && occ.where === 'appendix' && taskAppendices.has(occ.appendix) && !occ.before && !occ.after) continue;
    const key = o.place.kind === 'cell' ? `${o.place.blockIndex}:${o.place.row}:${o.place.cell}` : `${o.place.blockIndex}`;
    const list = spans.get(key) ?? [];
    list.push({ start: o.place.start, end: o.place.end });
    spans.set(key, list);
  }

  const result: CoverageResult = { tokens: 0, byField: 0, byReference: 0, byNonData: 0, uncovered: [], entryUse: nonData.map(() => 0) };
  for (const unit of units) {
    const refs = findReferences(unit.text);
    const entryMatches = nonData.map((entry) => {
      if (entry.section && !inSection(unit.path, entry.section)) return [];
      if (entry.codeColumn) {
        const seg = unit.segments[0];
        if (unit.segments.length !== 1 || seg?.row === undefined || !codeCells.has(`${seg.blockIndex}:${seg.row}:${seg.cell}`)) return [];
      }
      return [...unit.text.matchAll(entry.context)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    });
    for (const tok of scanNumericTokens(unit.text)) {
      result.tokens++;
      const seg = unit.segments.find((s) => tok.start >= s.offset && tok.end <= s.offset + s.length);
      const inside = (r: { start: number; end: number }, base = 0) => tok.start >= r.start + base && tok.end <= r.end + base;
      if (seg) {
        const key = seg.row !== undefined ? `${seg.blockIndex}:${seg.row}:${seg.cell}` : `${seg.blockIndex}`;
        if ((spans.get(key) ?? []).some((r) => inside(r, seg.offset))) {
          result.byField++;
          continue;
        }
      }
      if (refs.some((r) => inside(r))) {
        result.byReference++;
        continue;
      }
      const entry = entryMatches.findIndex((ms) => ms.some((m) => inside(m)));
      if (entry >= 0) {
        result.byNonData++;
        result.entryUse[entry] = (result.entryUse[entry] ?? 0) + 1;
        continue;
      }
      result.uncovered.push({
        text: tok.text,
        context: unit.text.slice(Math.max(0, tok.start - 40), tok.end + 40).replace(/\s+/g, ' '),
        section: unit.path,
        blockIndex: seg?.blockIndex ?? -1,
      });
    }
  }
  return result;
}
