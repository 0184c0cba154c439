/**
 * cross-section by meaning (issue 13): a narrative figure the template's wording did not find
 * (the drafter said it otherwise) is looked for by what it means — the field's section, its unit
 * noun and the key terms of its label in the figure's own clause — and, when one figure alone
 * fits well, compared with the field's appendix row. A binding needs every condition: same
 * section, same unit, the kind of figure (count or percentage), at least 3/4 of the label's key
 * terms around it, no other figure close in score, no other field claiming the same figure, and
 * a figure the template has not already placed. Below that, nothing is bound and nothing said:
 * a wrong binding would be a wrong finding. A difference is a warning that names the confidence.
 */
import { readQuantities, unitAt, type Quantity } from '../../statements';
import { figureInterval, meets } from '../interval';
import { shortLabel, type CheckContext, type Pos, type RawFinding } from '../context';
import { passages, posOf, type Passage } from './statements';
import { whereOf } from './util';

const STOP = new Set([
  'số', 'tỷ', 'tỉ', 'lệ', 'tổng', 'đã', 'được', 'của', 'các', 'và', 'trong', 'kỳ', 'báo', 'cáo', 'theo', 'tại', 'với', 'có', 'năm',
  'do', 'cho', 'về', 'là', 'những', 'trên', 'đến', 'từ', 'lượt', 'người',
]);
const MIN_SCORE = 0.75;
const MARGIN = 0.15;

/** Spelled-out terms and their abbreviations read alike ("cải cách hành chính" = "CCHC"). */
const ABBREVIATIONS: [RegExp, string][] = [
  [/cải\s+cách\s+hành\s+chính/giu, 'cchc'],
  [/thủ\s+tục\s+hành\s+chính/giu, 'tthc'],
  [/quy\s+phạm\s+pháp\s+luật/giu, 'qppl'],
  [/phản\s+ánh,?\s+kiến\s+nghị/giu, 'pakn'],
  [/đơn\s+vị\s+sự\s+nghiệp(?:\s+công\s+lập)?/giu, 'đvsn'],
];

function abbreviate(text: string): string {
  let t = text.toLowerCase();
  for (const [re, abbr] of ABBREVIATIONS) t = t.replace(re, abbr);
  return t.replace(/đvsncl/gu, 'đvsn');
}

function terms(label: string, unit: string | undefined): string[] {
  const unitWords = new Set((unit ?? '').toLowerCase().split(/[\s,]+/u));
  const words = abbreviate(label.replace(/\([^()]*\)/gu, ' '))
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 1 && !STOP.has(w) && !unitWords.has(w));
  return [...new Set(words)];
}

/** The words around a figure that speak of it: its clause back to the sentence start (≤ 140 characters) and a little after. */
function windowOf(text: string, q: Quantity): string {
  let start = Math.max(0, q.start - 140);
  const before = text.slice(start, q.start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf(';'));
  if (cut >= 0) start += cut + 1;
  const afterText = text.slice(q.unitEnd, q.unitEnd + 60);
  const stop = afterText.search(/[;.\n(]|\d/u);
  return abbreviate(`${text.slice(start, q.start)} ${afterText.slice(0, stop < 0 ? afterText.length : stop)}`);
}

interface Candidate {
  fieldId: string;
  passage: Passage;
  q: Quantity;
  score: number;
}

export interface MeaningBinding {
  fieldId: string;
  pos: Pos;
  quantity: Quantity;
  /** Share of the label's key terms found around the figure (0,75–1). */
  confidence: number;
}

/** Narrative figures bound to template fields by meaning (see the module comment). */
export function bindByMeaning(ctx: CheckContext): MeaningBinding[] {
  if (ctx.mode === 'bound') return [];
  // Only fields whose narrative place the template wording missed while an appendix row holds a value.
  const wanted = ctx.definition.fields.filter((field) => {
    if (field.kind !== 'count' && field.kind !== 'percent') return false;
    const occs = ctx.occByField.get(field.id) ?? [];
    return occs.some((o) => o.occurrence.where === 'narrative' && !o.found) && !occs.some((o) => o.occurrence.where === 'narrative' && o.found) && occs.some((o) => o.occurrence.where === 'appendix' && o.found);
  });
  if (wanted.length === 0) return [];
  const all = passages(ctx.units());
  const read = new Map<Passage, Quantity[]>();
  const quantities = (p: Passage) => {
    let q = read.get(p);
    if (!q) {
      const tokens = p.units.flatMap(({ unit, offset }) => ctx.tokens(unit).map((t) => ({ ...t, start: t.start + offset, end: t.end + offset })));
      q = readQuantities(p.text, tokens);
      read.set(p, q);
    }
    return q;
  };
  // Figures the template already placed are never bound again.
  const placed = new Set<string>();
  for (const o of ctx.located.occurrences) {
    const pos = o.found ? ctx.posOf(o) : undefined;
    if (pos) placed.add(`${pos.block}:${pos.row ?? ''}:${pos.cell ?? ''}:${pos.start}`);
  }
  const best: Candidate[] = [];
  for (const field of wanted) {
    const occs = ctx.occByField.get(field.id) ?? [];
    const missing = occs.filter((o) => o.occurrence.where === 'narrative' && !o.found && o.occurrence.component === undefined);
    if (missing.length === 0 || occs.some((o) => o.occurrence.where === 'narrative' && o.found)) continue;
    const appendix = ctx.values(field.id).find((v) => v.occ.occurrence.where === 'appendix' && v.num);
    if (!appendix) continue;
    const keys = terms(field.label, field.unit);
    if (keys.length < 2) continue;
    const unit = field.unit ? unitAt(` ${field.unit}`)?.key : undefined;
    const sections = new Set(missing.map((o) => (o.occurrence.where === 'narrative' ? o.occurrence.section : '')));
    const scored: Candidate[] = [];
    for (const p of all) {
      const section = p.units[0]!.unit.section;
      if (![...sections].some((s) => section === s || section.startsWith(`${s}.`))) continue;
      for (const q of quantities(p)) {
        if (q.approx || q.change || q.fraction || q.percent !== (field.kind === 'percent')) continue;
        if (field.kind === 'count' && (unit === undefined || q.unit !== unit)) continue;
        const pos = posOf(p, [q.start, q.end]);
        if (placed.has(`${pos.block}:${pos.row ?? ''}:${pos.cell ?? ''}:${pos.start}`)) continue;
        const w = windowOf(p.text, q);
        const score = keys.filter((k) => new RegExp(`(?<![\\p{L}])${k}(?![\\p{L}])`, 'u').test(w)).length / keys.length;
        scored.push({ fieldId: field.id, passage: p, q, score });
      }
    }
    scored.sort((a, b) => b.score - a.score);
    const [top, second] = scored;
    if (!top || top.score < MIN_SCORE || (second && second.score > top.score - MARGIN)) continue;
    best.push(top);
  }
  // One figure, one field: a figure two fields claim is bound to neither.
  const claims = new Map<Quantity, number>();
  for (const c of best) claims.set(c.q, (claims.get(c.q) ?? 0) + 1);
  return best.filter((c) => claims.get(c.q) === 1).map((c) => ({ fieldId: c.fieldId, pos: posOf(c.passage, [c.q.start, c.q.end]), quantity: c.q, confidence: c.score }));
}

export function meaningRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const b of bindByMeaning(ctx)) {
    ctx.tally('binding');
    const field = ctx.fieldById.get(b.fieldId)!;
    const appendix = ctx.values(field.id).find((v) => v.occ.occurrence.where === 'appendix' && v.num)!;
    if (meets(figureInterval(b.quantity.num), figureInterval(appendix.num!))) continue;
    const confidence = b.confidence.toFixed(2).replace('.', ',');
    out.push(
      ctx.finding(
        'cross-section',
        'warning',
        `${shortLabel(field)}: phần lời (mục ${ctx.sectionOf(b.pos.block)}, nhận ra theo nghĩa, độ tin cậy ${confidence}) ghi ${b.quantity.text} nhưng ${whereOf(appendix)} ghi ${appendix.text}.`,
        [b.quantity.text, appendix.text],
        [{ pos: b.pos }, appendix],
      ),
    );
  }
  return out;
}
