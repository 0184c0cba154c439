/**
 * A bound figure that cannot be read ("675 hồ sơ", "khoảng 675" in a control meant for a count)
 * is an error at its place, never a silent gap: every relation that needs it would otherwise
 * drop out without a word (the sum error on 675 vanished). The finding names the relations that
 * could not be checked because of it; each such relation is counted as unverified.
 */
import { scanNumericTokens } from '../../codec';
import { relationFields, type Relation } from '../../template/schema';
import { shortLabel, type CheckContext, type RawFinding, type ValueAt } from '../context';
import { joinVi, whereOf } from './util';

const NUMERIC_KINDS = new Set(['count', 'percent', 'decimal', 'fraction', 'pair']);

const KIND_WORD: Record<string, string> = {
  count: 'một số đếm, không kèm chữ',
  percent: 'một tỷ lệ phần trăm, không kèm chữ',
  decimal: 'một số, không kèm chữ',
  fraction: 'một phân số (dạng "30/50")',
  pair: 'một cặp số (dạng "23/17")',
};


/** A relation in words, for messages: "tổng: A = B + C", "tỷ lệ: P = A/B". */
export function describeRelation(ctx: CheckContext, rel: Relation): string {
  const label = (id: string) => {
    const f = ctx.fieldById.get(id);
    return f ? shortLabel(f) : id;
  };
  switch (rel.kind) {
    case 'ratio':
      return `${/^tỷ lệ/iu.test(label(rel.percent)) ? '' : 'tỷ lệ '}${label(rel.percent)} = ${label(rel.part)} / ${label(rel.base)}`;
    case 'sum':
      return `tổng ${typeof rel.total === 'string' ? label(rel.total) : String(rel.total)} = ${rel.parts.map(label).join(' + ')}`;
    case 'fraction':
      return `phân số ${label(rel.fraction)} = ${label(rel.numerator)} / ${label(rel.denominator)}`;
    case 'list-count':
      return `${label(rel.count)} so với danh sách kèm theo`;
    case 'pair':
      return `cặp số ${label(rel.pair)} (${label(rel.first)}; ${label(rel.second)})`;
    case 'same':
      return `đối chiếu ${joinVi(rel.fields.map(label))}`;
    default:
      return '';
  }
}

/** The one figure inside an unreadable text, when there is exactly one ("675 hồ sơ" → "675"). */
function figureIn(text: string): string | undefined {
  const numbers = scanNumericTokens(text).filter((t) => t.kind === 'number' || t.kind === 'fraction-or-pair');
  return numbers.length === 1 ? numbers[0]!.text : undefined;
}

export function unreadableRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const field of ctx.definition.fields) {
    if (!NUMERIC_KINDS.has(field.kind)) continue;
    const bad = ctx.values(field.id).filter((v): v is ValueAt & { unreadable: NonNullable<ValueAt['unreadable']> } => !v.empty && v.unreadable !== undefined);
    if (bad.length === 0) continue;
    // With a readable figure elsewhere, the relations still run on it; otherwise they cannot.
    const readableElsewhere = ctx.value(field.id) !== undefined;
    const relations = ctx.definition.relations.filter((r) => relationFields(r).includes(field.id));
    const lost = readableElsewhere ? [] : relations;
    for (const r of lost) ctx.markUnverified(`relation:${r.id}`);
    for (const v of bad) {
      const figure = figureIn(v.text);
      const consequence = lost.length
        ? ` Không kiểm tra được: ${lost.map((r) => describeRelation(ctx, r)).join('; ')}.`
        : readableElsewhere
          ? ' Chỗ này không được đối chiếu với các nơi khác ghi cùng chỉ tiêu.'
          : '';
      out.push(
        ctx.finding(
          'number-format',
          'error',
          `Không đọc được số liệu '${v.text}' (${shortLabel(field)}, ${whereOf(v)}): ô này phải ghi ${KIND_WORD[field.kind] ?? 'một số'}${figure ? ` ("${figure}" nếu đó là số liệu đúng)` : ''}.${consequence}`,
          [v.text],
          [v],
          figure,
        ),
      );
    }
  }
  return out;
}
