/**
 * completeness of a bound document's controls (the drafter's structure, not the figures):
 * - a control copied and pasted (more controls tagged with a field id than the template has
 *   narrative places) → warning, an error when the copy holds another figure;
 * - a narrative place whose control was deleted (read back through its wording instead) → one
 *   grouped info: the figure is still read, but the task pane can no longer bind it.
 */
import type { CheckContext, Pos, RawFinding } from '../context';
import { shortLabel } from '../context';

function controlPos(ctx: CheckContext, controlIndex: number): Pos | undefined {
  const control = ctx.snapshot.controls[controlIndex];
  if (!control) return undefined;
  const block = ctx.block(control.blockIndex);
  const span = block?.type === 'paragraph' ? block.spans.find((s) => s.controlIndex === controlIndex) : undefined;
  return { block: control.blockIndex, start: span?.start ?? 0, end: span?.end ?? 0 };
}

export function controlsRule(ctx: CheckContext): RawFinding[] {
  if (ctx.mode !== 'bound') return [];
  const out: RawFinding[] = [];
  const extraByField = new Map<string, number[]>();
  for (const x of ctx.located.extraControls) {
    const list = extraByField.get(x.fieldId);
    if (list) list.push(x.controlIndex);
    else extraByField.set(x.fieldId, [x.controlIndex]);
  }
  for (const [fieldId, extras] of extraByField) {
    const field = ctx.fieldById.get(fieldId);
    if (!field) continue;
    const bound = (ctx.occByField.get(fieldId) ?? []).filter((o) => o.place?.kind === 'control');
    const all = [...bound.map((o) => (o.place?.kind === 'control' ? o.place.controlIndex : -1)), ...extras].filter((i) => i >= 0);
    const texts = all.map((i) => ctx.snapshot.controls[i]!).map((c) => (c.showingPlaceholder ? '' : c.text.trim()));
    const differ = new Set(texts.filter(Boolean)).size > 1;
    const places = all.map((i) => ({ pos: controlPos(ctx, i)!, tag: fieldId })).filter((p) => p.pos);
    const narrative = field.occurrences.filter((o) => o.where === 'narrative').length;
    out.push(
      ctx.finding(
        'completeness',
        differ ? 'error' : 'warning',
        differ
          ? `Ô nhập "${shortLabel(field)}" có ${all.length} bản trong tài liệu (mẫu có ${narrative} vị trí) và ghi khác nhau: ${texts.map((t) => t || 'chưa nhập').join(' / ')}. Có thể do sao chép; cùng một số liệu phải ghi giống nhau.`
          : `Ô nhập "${shortLabel(field)}" có ${all.length} bản trong tài liệu nhưng mẫu chỉ có ${narrative} vị trí (có thể do sao chép). Khi điền, baocao ghi cùng số liệu vào mọi bản.`,
        texts.filter(Boolean),
        places,
      ),
    );
  }
  const unbound = ctx.located.occurrences.filter(
    (o) => o.found && o.occurrence.where === 'narrative' && (o.via === 'section' || o.via === 'document') && !o.occurrence.component,
  );
  if (unbound.length) {
    const labels = [...new Set(unbound.map((o) => shortLabel(ctx.fieldById.get(o.fieldId)!)))];
    out.push(
      ctx.finding(
        'completeness',
        'info',
        `${unbound.length} số liệu không còn ô nhập (ô nhập đã bị xóa?), vẫn được đọc theo câu chữ: ${labels.slice(0, 8).join('; ')}${labels.length > 8 ? '; …' : ''}. Dùng "baocao adopt" hoặc bảng Kỳ báo cáo mới để gắn lại.`,
        unbound.map((o) => o.text ?? ''),
        unbound.map((o) => ({ occ: o, pos: o.place && o.place.kind !== 'control' ? { block: o.place.blockIndex, ...(o.place.kind === 'cell' ? { row: o.place.row, cell: o.place.cell } : {}), start: o.place.start, end: o.place.end } : undefined })).filter((p): p is { occ: typeof unbound[number]; pos: Pos } => p.pos !== undefined),
      ),
    );
  }
  return out;
}
