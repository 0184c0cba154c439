/** Formatting helpers shared by the rules (figures in messages are written the vi-VN way). */
import { formatCount, formatDecimal, formatPercent, type ViNumber } from '../../codec';
import type { RawFinding, ValueAt } from '../context';
import type { Relation } from '../../template/schema';
import { sectionName } from '../place';

/** A figure written canonically: "28.375", "3,24%", "4,7". */
export function canonical(n: Pick<ViNumber, 'kind' | 'value' | 'decimals'>): string {
  if (n.kind === 'percent') return formatPercent(n.value, n.decimals);
  if (n.kind === 'decimal') return formatDecimal(n.value, n.decimals);
  return formatCount(n.value);
}

/** A count written like `like` (zero padding kept, dot grouping): 3 like "05" → "03". */
export function countLike(value: number, like?: Pick<ViNumber, 'width'>): string {
  if (!Number.isSafeInteger(value) || value < 0) return String(value);
  return formatCount(value, like?.width !== undefined ? { width: like.width } : {});
}

/** A count written in the style of a written text ("05" → zero-padded to 2 digits). */
export function countLikeText(value: number, written: string): string {
  const t = written.trim();
  const padded = t.length > 1 && /^0\d+$/.test(t);
  return countLike(value, padded ? { width: t.length } : undefined);
}

/** The largest number of decimals among figures (0 for none); a loop, not a spread of the list. */
export function maxDecimals(parts: readonly Pick<ViNumber, 'decimals'>[]): number {
  let d = 0;
  for (const p of parts) if (p.decimals > d) d = p.decimals;
  return d;
}

/** A sum of figures written with the precision of its parts. */
export function formatSum(value: number, parts: Pick<ViNumber, 'kind' | 'decimals'>[], like?: Pick<ViNumber, 'width'>): string {
  const decimals = maxDecimals(parts);
  const percent = parts.some((p) => p.kind === 'percent');
  if (percent) return formatPercent(value, decimals);
  if (decimals > 0) return formatDecimal(value, decimals);
  return countLike(Math.round(value), like);
}

/** Where a value is written, for messages: "mục B.II.1.1", "Phụ lục I / Biểu mẫu 2, dòng 1". */
export function whereOf(v: Pick<ValueAt, 'occ'>): string {
  const o = v.occ.occurrence;
  if (o.where === 'narrative') return sectionName(o.section);
  return `Phụ lục ${o.appendix}${o.form ? ` / Biểu mẫu ${o.form}` : ''}, dòng ${o.row}`;
}

/** Exact sum of figure values, rounded to their largest precision (avoids 0.1 + 0.2 artefacts). */
export function sumValues(parts: Pick<ViNumber, 'value' | 'decimals'>[]): number {
  const decimals = maxDecimals(parts);
  const scale = 10 ** decimals;
  return parts.reduce((s, p) => s + Math.round(p.value * scale), 0) / scale;
}

/** "a, b và c" */
export function joinVi(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

/** Non-empty numeric values grouped by the figure they state (same value and precision). */
export function groupByValue(values: ValueAt[]): [ValueAt, ...ValueAt[]][] {
  const groups = new Map<string, [ValueAt, ...ValueAt[]]>();
  for (const v of values) {
    if (v.empty || !v.num) continue;
    const key = `${v.num.kind}:${v.num.value}:${v.num.decimals}`;
    const g = groups.get(key);
    if (g) g.push(v);
    else groups.set(key, [v]);
  }
  return [...groups.values()];
}

/** Marks a finding as the verdict of a template relation (the quick re-check after an edit reads it). */
export function ofRelation(f: RawFinding, rel: Pick<Relation, 'id'>): RawFinding {
  f.relation = rel.id;
  return f;
}
