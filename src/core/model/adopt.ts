/**
 * Adopting a plain report (made before baocao, without content controls): every narrative
 * figure that recognition places gets wrapped in a content control tagged with its field id,
 * so the office's first roll-over can start from the file they already have. Appendix values
 * stay plain cells (they are addressed through their table, as in the official template).
 */
import type { DataEdit, DocumentSnapshot, WrapEdit } from '../document';
import { locateFields, type LocatedOccurrence, type LocateResult } from '../recognize/locate';
import type { TemplateDefinition } from '../template/schema';
import { storedTemplateId, templateMark, titleBlock } from '../template/detect';

export interface AdoptPlan {
  edits: WrapEdit[];
  /**
   * The template id for baocao's custom XML part (its fields kept), when the document does not
   * carry it yet. Separate from `edits`: a host that cannot write the part (Word before WordApi
   * 1.4) still adopts, and the title control's tag carries the id.
   */
  data?: DataEdit;
  /** Narrative places now inside a control (a count read through its fraction counts too), and all narrative places. */
  coverage: { wrapped: number; narrative: number; appendixFound: number; appendix: number };
  /** Places that could not be wrapped, with the reason in Vietnamese. */
  notPlaced: { fieldId: string; label: string; reason: string }[];
}

export function planAdopt(definition: TemplateDefinition, snapshot: DocumentSnapshot, located?: LocateResult): AdoptPlan {
  const result = located ?? locateFields(definition, snapshot);
  const labels = new Map(definition.fields.map((f) => [f.id, f.label]));
  const notPlaced: AdoptPlan['notPlaced'] = [];
  const candidates: (WrapEdit & { length: number })[] = [];
  let narrative = 0;
  let appendix = 0;
  let appendixFound = 0;
  let coveredByControl = 0;
  for (const o of result.occurrences) {
    const label = labels.get(o.fieldId) ?? o.fieldId;
    if (o.occurrence.where === 'appendix') {
      appendix++;
      if (o.found) appendixFound++;
      else notPlaced.push({ fieldId: o.fieldId, label, reason: reasonText(o) });
      continue;
    }
    narrative++;
    const place = o.place;
    if (!o.found || !place) {
      notPlaced.push({ fieldId: o.fieldId, label, reason: reasonText(o) });
    } else if (place.kind === 'control') {
      // Already bound: nothing to wrap.
    } else if (place.kind === 'paragraph') {
      const block = snapshot.blocks[place.blockIndex];
      const insideControl = block?.type === 'paragraph' && block.spans.some((s) => s.start <= place.start && place.end <= s.end);
      if (insideControl) coveredByControl++;
      else if (place.end > place.start) {
        candidates.push({ kind: 'wrap', blockIndex: place.blockIndex, start: place.start, end: place.end, tag: o.fieldId, title: label, length: place.end - place.start });
      }
    } else {
      notPlaced.push({ fieldId: o.fieldId, label, reason: 'số liệu nằm trong bảng không phải phụ lục; giữ nguyên, không gắn ô nhập' });
    }
  }
  // One figure, one control: a fraction "30/50" is wrapped once, its counts are read through it.
  const edits = candidates
    .filter((c, i) => !candidates.some((d, j) => j !== i && d.blockIndex === c.blockIndex && d.start <= c.start && c.end <= d.end && (d.length > c.length || j < i)))
    .map(({ length: _length, ...edit }) => edit);
  // The adopted document carries its template's id (the next check and pane know it).
  const title = titleBlock(snapshot);
  const titleText = title === undefined ? undefined : snapshot.blocks[title];
  if (!storedTemplateId(snapshot) && titleText?.type === 'paragraph' && titleText.spans.length === 0) {
    const start = titleText.text.length - titleText.text.trimStart().length;
    edits.unshift({ kind: 'wrap', blockIndex: titleText.index, start, end: titleText.text.trimEnd().length, ...templateMark(definition) });
  }
  const data: DataEdit | undefined =
    definition.fields.length && snapshot.data?.template !== definition.id && !snapshot.data?.problem
      ? { kind: 'data', data: { template: definition.id, fields: snapshot.data?.fields ?? [] } }
      : undefined;
  const alreadyBound = result.occurrences.filter((o) => o.occurrence.where === 'narrative' && o.place?.kind === 'control').length;
  return { edits, ...(data ? { data } : {}), coverage: { wrapped: candidates.length + alreadyBound + coveredByControl, narrative, appendixFound, appendix }, notPlaced };
}

function reasonText(o: LocatedOccurrence): string {
  switch (o.reason) {
    case 'ambiguous':
      return `cách diễn đạt khớp ở ${o.matches} chỗ, không xác định được vị trí`;
    case 'no-form':
      return 'không thấy biểu mẫu phụ lục';
    case 'no-row':
      return 'không thấy dòng có mã số này trong phụ lục';
    case 'no-cell':
      return 'không thấy cột số liệu';
    case 'nth-missing':
      return 'ít lần xuất hiện hơn mẫu';
    default:
      return 'không tìm thấy cách diễn đạt quanh số liệu';
  }
}
