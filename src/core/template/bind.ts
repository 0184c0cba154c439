/**
 * Planning "Gắn số liệu": where the selected figure is, the control around it and the field's
 * definition for the document's custom XML part (src/core/template/user-fields.ts merges it back
 * on every read). Apart from user-fields.ts so that a pane loads it only when binding.
 */
import type { DataEdit, DocumentEdit, DocumentSnapshot } from '../document';
import { scanNumericTokens } from '../codec';
import { computeSections, inSection } from '../recognize/sections';
import type { Field, TemplateDefinition } from './schema';
import { UserFieldSchema, messageOf, toField, userFieldProblems, withUserFields, type UserField } from './user-fields';

/** A binding the core refuses; `message` is Vietnamese, `code` stable. */
export class BindError extends Error {
  constructor(
    readonly code: 'invalid' | 'duplicate' | 'not-found' | 'ambiguous' | 'no-figure' | 'many-figures' | 'inside-control' | 'damaged-part',
    message: string,
    /** For 'ambiguous': how many times the text occurs. */
    readonly matches = 0,
  ) {
    super(message);
    this.name = 'BindError';
  }
}

export interface BindRequest {
  id: string;
  label: string;
  unit?: string;
  kind: UserField['kind'];
  rollover: UserField['rollover'];
  /** The selected text: the figure, possibly with its unit ("1.234 hồ sơ"). */
  text: string;
  /** Where the selection is (Word, the workbench): a span of a paragraph. Else the text is searched. */
  at?: { blockIndex: number; start: number; end: number };
  /** Search only in this section ("B.II.2" covers its subsections). */
  section?: string;
  /** Which occurrence (1-based) when the text occurs several times. */
  occurrence?: number;
}

export interface BindPlan {
  edits: DocumentEdit[];
  field: Field;
  /** The paragraph and span of the figure wrapped. */
  place: { blockIndex: number; start: number; end: number };
  /** The section it lies in, as computed from the outline. */
  section: string;
}

const nfc = (s: string) => s.normalize('NFC');

/** Where the text occurs in paragraphs (of `section`, when given), in document order. */
function findText(snapshot: DocumentSnapshot, paths: readonly { path: string }[], text: string, section?: string): { blockIndex: number; start: number }[] {
  const out: { blockIndex: number; start: number }[] = [];
  const wanted = nfc(text);
  for (const block of snapshot.blocks) {
    if (block.type !== 'paragraph') continue;
    const path = paths[block.index]?.path ?? 'header';
    if (path.startsWith('PL-')) continue;
    if (section && !inSection(path, section)) continue;
    const hay = nfc(block.text);
    if (hay.length !== block.text.length) continue; // offsets would not map back
    for (let i = hay.indexOf(wanted); i >= 0; i = hay.indexOf(wanted, i + 1)) out.push({ blockIndex: block.index, start: i });
  }
  return out;
}

/**
 * Words next to the figure within its clause (up to "," ";" ":" "." or a parenthesis, at most
 * 40/30 characters, cut at a word boundary): the wording that finds it again without its control.
 */
function contextWords(text: string, start: number, end: number): { before: string; after: string } {
  let before = text.slice(Math.max(0, start - 40), start);
  if (start > 40) before = before.replace(/^\S*\s/u, '');
  const clauseStart = before.search(/[,;:.()][^,;:.()]*$/u);
  if (clauseStart >= 0 && before.slice(clauseStart + 1).trim()) before = before.slice(clauseStart + 1);
  let after = text.slice(end, end + 30);
  if (end + 30 < text.length) after = after.replace(/\s\S*$/u, '');
  const clauseEnd = after.search(/[,;:.()]/u);
  if (clauseEnd > 0 && after.slice(0, clauseEnd).trim()) after = after.slice(0, clauseEnd);
  return { before: before.trim(), after: after.trim() };
}

/**
 * Plans binding a figure of the prose to a new field: a content control tagged with the id
 * around the figure, and the field's definition in the document's custom XML part. Throws a
 * BindError (Vietnamese) when the request is invalid, the id is taken, the text is not found,
 * found several times without `occurrence`, holds no single figure, or is already bound.
 */
export function planBind(definition: TemplateDefinition, snapshot: DocumentSnapshot, request: BindRequest): BindPlan {
  const problems = userFieldProblems({ ...request, section: request.section || 'header' });
  if (problems.length) throw new BindError('invalid', `Số liệu chưa hợp lệ: ${problems.join('; ')}.`);
  if (snapshot.data?.problem) {
    throw new BindError('damaged-part', `${snapshot.data.problem} Không gắn thêm số liệu để không ghi đè lên phần dữ liệu đó.`);
  }
  const merged = withUserFields(definition, snapshot.data);
  const existing = merged.definition.fields.find((f) => f.id === request.id);
  if (existing) throw new BindError('duplicate', `Mã "${request.id}" đã có (${existing.label}); hãy chọn mã khác.`);
  const text = request.text.trim();
  if (!text) throw new BindError('no-figure', 'Chưa chọn đoạn văn bản có số liệu.');

  const sections = computeSections(snapshot, definition.outline);
  let at: { blockIndex: number; start: number };
  if (request.at) {
    const block = snapshot.blocks[request.at.blockIndex];
    const slice = block?.type === 'paragraph' ? block.text.slice(request.at.start, request.at.end) : undefined;
    if (slice === undefined || nfc(slice).trim() !== nfc(text)) throw new BindError('not-found', `Không thấy "${clip(text)}" ở vị trí đã chọn; hãy đọc lại tài liệu và chọn lại.`);
    at = { blockIndex: request.at.blockIndex, start: request.at.start + (slice.length - slice.trimStart().length) };
  } else {
    const found = findText(snapshot, sections, text, request.section);
    const where = request.section ? ` trong mục ${request.section}` : '';
    if (!found.length) throw new BindError('not-found', `Không thấy "${clip(text)}"${where} trong lời văn của báo cáo.`);
    if (found.length > 1 && !request.occurrence) {
      const paths = [...new Set(found.map((f) => sections[f.blockIndex]?.path ?? 'header'))].join(', ');
      throw new BindError('ambiguous', `"${clip(text)}" xuất hiện ${found.length} lần${where} (mục ${paths}); hãy chỉ rõ lần thứ mấy hoặc chọn đoạn dài hơn.`, found.length);
    }
    const pick = found[(request.occurrence ?? 1) - 1];
    if (!pick) throw new BindError('not-found', `"${clip(text)}" chỉ xuất hiện ${found.length} lần${where}, không có lần thứ ${request.occurrence}.`);
    at = pick;
  }

  // The control holds the figure alone ("1.234"), not its unit: a count's control must read as a count.
  const tokens = scanNumericTokens(text).filter((t) => t.kind === 'number');
  if (!tokens.length) throw new BindError('no-figure', `"${clip(text)}" không có số liệu (một số như 1.234 hoặc 93,3%).`);
  if (tokens.length > 1) throw new BindError('many-figures', `"${clip(text)}" có ${tokens.length} số liệu; hãy chọn đúng một số liệu.`);
  const token = tokens[0]!;
  if (request.kind === 'percent' && !token.text.endsWith('%')) throw new BindError('invalid', `"${token.text}" không phải tỷ lệ %: hãy chọn loại "số" hoặc chọn cả dấu %.`);
  const block = snapshot.blocks[at.blockIndex];
  if (block?.type !== 'paragraph') throw new BindError('not-found', 'Vị trí đã chọn không nằm trong một đoạn văn.');
  const start = at.start + token.start;
  const end = at.start + token.end;
  const bound = block.spans.find((s) => s.start < end && start < s.end);
  if (bound) {
    const control = snapshot.controls[bound.controlIndex];
    throw new BindError('inside-control', `"${token.text}" đã nằm trong ô nhập "${control?.title || control?.tag || ''}"; không gắn thêm.`);
  }

  const section = sections[at.blockIndex]?.path ?? 'header';
  const { before, after } = contextWords(block.text, start, end);
  const unit = request.unit?.trim() || text.slice(token.end).trim() || undefined;
  const raw: Record<string, string> = {
    id: request.id,
    label: request.label.trim(),
    ...(unit ? { unit } : {}),
    kind: request.kind,
    rollover: request.rollover,
    section,
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
  };
  const parsed = UserFieldSchema.safeParse(raw);
  if (!parsed.success) throw new BindError('invalid', `Số liệu chưa hợp lệ: ${parsed.error.issues.map(messageOf).join('; ')}.`);
  const storedTemplate = snapshot.data?.template ?? (definition.fields.length ? definition.id : undefined);
  const data: DataEdit['data'] = { ...(storedTemplate ? { template: storedTemplate } : {}), fields: [...(snapshot.data?.fields ?? []), raw] };
  return {
    edits: [
      { kind: 'wrap', blockIndex: at.blockIndex, start, end, tag: request.id, title: parsed.data.label },
      { kind: 'data', data },
    ],
    field: toField(parsed.data),
    place: { blockIndex: at.blockIndex, start, end },
    section,
  };
}

function clip(text: string): string {
  const t = text.replace(/\s+/gu, ' ');
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}
