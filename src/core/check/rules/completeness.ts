/**
 * completeness:
 * - a total left empty while its parts are written → warning (with the sum when all parts are
 *   written); derived totals are left to the derived rule;
 * - a percentage (not derived) left empty while its part and base are written → info "có thể
 *   tính";
 * - a place left empty while the same field is written elsewhere → warning with that value;
 * - a required field empty or missing → warning;
 * - fields of the template not found in the document → one grouped info (readable output).
 */
import { formatDerivedPercent } from '../../model/fill';
import { shortLabel, type CheckContext, type RawFinding, type ValueAt } from '../context';
import { canonical, formatSum, sumValues, whereOf } from './util';

const LIST_MAX = 12;

function emptyPlaces(values: ValueAt[]): ValueAt[] {
  return values.filter((v) => v.empty);
}

export function completenessRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  const reported = new Set<string>();

  for (const rel of ctx.definition.relations) {
    if (rel.kind === 'sum' && typeof rel.total === 'string') {
      const field = ctx.fieldById.get(rel.total);
      if (!field || field.derived) continue;
      const values = ctx.values(rel.total);
      if (values.length === 0 || values.some((v) => !v.empty)) continue;
      const parts = rel.parts.map((id) => ctx.value(id));
      const written = parts.filter((p): p is ValueAt => p?.num !== undefined);
      if (written.length === 0) continue;
      const nums = written.map((p) => p.num!);
      const all = written.length === parts.length;
      const expected = all ? formatSum(sumValues(nums), nums) : undefined;
      reported.add(field.id);
      out.push(
        ctx.finding(
          'completeness',
          'warning',
          `${shortLabel(field)} để trống trong khi các thành phần đã có số liệu (${written.map((p) => `${shortLabel(p.field).toLowerCase()}: ${p.text}`).join('; ')})${all ? `; có thể tính: ${nums.map(canonical).join(' + ')} = ${expected}` : ''}.`,
          written.map((p) => p.text),
          [...values, ...written],
          expected,
        ),
      );
    }
    if (rel.kind === 'ratio') {
      const field = ctx.fieldById.get(rel.percent);
      if (!field || field.derived) continue;
      const values = ctx.values(rel.percent);
      if (values.length === 0 || values.some((v) => !v.empty)) continue;
      const part = ctx.value(rel.part);
      const base = ctx.value(rel.base);
      if (!part?.num || !base?.num || base.num.value === 0) continue;
      const expected = formatDerivedPercent(part.num.value, base.num.value);
      reported.add(field.id);
      out.push(
        ctx.finding(
          'completeness',
          'info',
          `${shortLabel(field)} để trống; có thể tính: ${canonical(part.num)}/${canonical(base.num)} = ${expected}.`,
          [part.text, base.text],
          [...values, part, base],
          expected,
        ),
      );
    }
  }

  const missing: string[] = [];
  for (const field of ctx.definition.fields) {
    const located = ctx.occByField.get(field.id) ?? [];
    const values = ctx.values(field.id);
    if (located.length > 0 && values.length === 0) missing.push(shortLabel(field));
    if (reported.has(field.id) || field.derived) continue;
    const written = values.find((v) => !v.empty);
    const empty = emptyPlaces(values);
    if (written && empty.length > 0) {
      out.push(
        ctx.finding(
          'completeness',
          'warning',
          `${shortLabel(field)} để trống ở ${empty.map(whereOf).join(', ')} trong khi ${whereOf(written)} ghi ${written.text}.`,
          [written.text],
          [...empty, written],
          written.text,
        ),
      );
    } else if (!written && field.required) {
      out.push(
        ctx.finding(
          'completeness',
          'warning',
          `${shortLabel(field)} là chỉ tiêu bắt buộc nhưng chưa có số liệu${empty.length ? ` (${empty.map(whereOf).join(', ')} để trống)` : ''}.`,
          [],
          empty,
        ),
      );
    }
  }

  if (missing.length > 0) {
    const shown = missing.slice(0, LIST_MAX).join('; ');
    const more = missing.length > LIST_MAX ? `; … và ${missing.length - LIST_MAX} chỉ tiêu khác` : '';
    out.push(
      ctx.finding(
        'completeness',
        'info',
        `Không nhận ra ${missing.length}/${ctx.definition.fields.length} chỉ tiêu của mẫu ${ctx.definition.id} trong tài liệu (không kiểm tra được): ${shown}${more}.`,
        [],
        [],
      ),
    );
  }
  return out;
}
