/**
 * The drafter's own fields ("Gắn số liệu"): a narrative figure bound to a new field, saved in the
 * document itself (baocao's custom XML part, `snapshot.data`) so that it survives the next
 * period. Reading a document merges these fields into its template's definition: the data panel
 * shows them in their section, fills and the check use them, the roll-over clears or keeps them
 * by their policy. A stored field that does not validate (or clashes with the template) is left
 * out with a Vietnamese problem; the document still reads as a report of its template.
 */
import { z } from 'zod';
import type { DataEdit, DocumentData, DocumentSnapshot, DocumentEdit } from '../document';
import { scanNumericTokens } from '../codec';
import { computeSections, inSection } from '../recognize/sections';
import { FieldIdSchema, SectionSchema, type Field, type TemplateDefinition } from './schema';

/** Kinds a drafter may give a figure of the prose. */
export const USER_FIELD_KINDS = ['count', 'percent', 'decimal'] as const;
/** What the roll-over does with it: a figure of the period (cleared), a standing figure (kept), cumulative within the year. */
export const USER_FIELD_ROLLOVERS = ['period', 'standing', 'year-to-date'] as const;

/** Vietnamese names of the choices, for the pane and the CLI's usage. */
export const USER_FIELD_KIND_LABELS: Record<(typeof USER_FIELD_KINDS)[number], string> = { count: 'Số (đếm)', percent: 'Tỷ lệ %', decimal: 'Số thập phân' };
export const USER_FIELD_ROLLOVER_LABELS: Record<(typeof USER_FIELD_ROLLOVERS)[number], string> = {
  period: 'Số liệu của kỳ (xóa khi sang kỳ mới)',
  standing: 'Số liệu cố định (giữ khi sang kỳ mới)',
  'year-to-date': 'Lũy kế trong năm (giữ trong cùng năm)',
};

const ID_MESSAGE = 'Mã số liệu bắt đầu bằng chữ thường không dấu, chỉ gồm chữ cái không dấu, chữ số, "_" và dấu chấm (ví dụ: b22.hoSoMoi)';

/** A user field as stored in the document (attributes of a `field` element). */
export const UserFieldSchema = z.object({
  id: z.string({ error: 'Thiếu mã số liệu' }).max(80, { error: 'Mã số liệu dài quá 80 ký tự' }).pipe(FieldIdSchema),
  label: z.string({ error: 'Thiếu nhãn' }).trim().min(1, { error: 'Cần nhãn (tên số liệu)' }).max(200, { error: 'Nhãn dài quá 200 ký tự' }),
  unit: z.string().trim().max(40, { error: 'Đơn vị dài quá 40 ký tự' }).optional(),
  kind: z.enum(USER_FIELD_KINDS, { error: 'Loại số liệu phải là số, tỷ lệ % hoặc số thập phân' }),
  rollover: z.enum(USER_FIELD_ROLLOVERS, { error: 'Cần chọn số liệu của kỳ, cố định hay lũy kế' }),
  section: SectionSchema,
  before: z.string().max(200).optional(),
  after: z.string().max(200).optional(),
  nth: z.coerce.number().int().positive().optional(),
});
export type UserField = z.infer<typeof UserFieldSchema>;

/** zod's message for an id that does not fit FieldIdSchema is English: say it in Vietnamese. */
function messageOf(issue: z.core.$ZodIssue): string {
  const path = String(issue.path[0] ?? '');
  if (path === 'id' && (issue.code === 'invalid_format' || issue.code === 'custom')) return ID_MESSAGE;
  if (path === 'section' && issue.code === 'invalid_format') return 'Mục không hợp lệ (ví dụ: B.II.2)';
  return issue.message;
}

/** The problems of a user field's data, in Vietnamese ('' when valid). */
export function userFieldProblems(raw: unknown): string[] {
  const parsed = UserFieldSchema.safeParse(raw);
  return parsed.success ? [] : parsed.error.issues.map(messageOf);
}

/**
 * Problems of a draft field by input ("id", "label", "unit", …), in Vietnamese, for a form's
 * inline validation: the schema's, and an id already taken by the template or another field.
 */
export function draftProblems(raw: Partial<Record<keyof UserField, unknown>>, taken: ReadonlySet<string>): Partial<Record<keyof UserField, string>> {
  const out: Partial<Record<keyof UserField, string>> = {};
  const parsed = UserFieldSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '') as keyof UserField;
      out[key] ??= messageOf(issue);
    }
  }
  if (!out.id && typeof raw.id === 'string' && taken.has(raw.id)) out.id = `Mã "${raw.id}" đã có; hãy chọn mã khác.`;
  return out;
}

/** The template field a user field stands for: one narrative place, found by its control first. */
export function toField(u: UserField): Field {
  const before = u.before?.trim() || u.label;
  return {
    id: u.id,
    label: u.label,
    section: u.section,
    kind: u.kind,
    ...(u.unit ? { unit: u.unit } : {}),
    rollover: u.rollover,
    occurrences: [{ where: 'narrative', section: u.section, before, ...(u.after?.trim() ? { after: u.after.trim() } : {}), ...(u.nth ? { nth: u.nth } : {}) }],
    note: 'Số liệu do người soạn gắn thêm (lưu trong tài liệu)',
  };
}

export interface UserFields {
  /** The definition with the valid user fields added at the end. */
  definition: TemplateDefinition;
  /** Ids of the user fields merged. */
  ids: string[];
  /** Why stored fields were left out, or why the part was set aside (Vietnamese). */
  problems: string[];
}

/** Merges the document's own fields into its template's definition. */
export function withUserFields(definition: TemplateDefinition, data: DocumentData | undefined): UserFields {
  const problems: string[] = [];
  if (data?.problem) problems.push(data.problem);
  if (!data?.fields.length) return { definition, ids: [], problems };
  const taken = new Set(definition.fields.map((f) => f.id));
  const added: Field[] = [];
  for (const raw of data.fields) {
    const name = raw['id'] ?? '(không mã)';
    const parsed = UserFieldSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(`Số liệu tự thêm "${name}" bị bỏ qua: ${parsed.error.issues.map(messageOf).join('; ')}.`);
      continue;
    }
    if (taken.has(parsed.data.id)) {
      problems.push(`Số liệu tự thêm "${name}" bị bỏ qua: trùng mã với một số liệu ${added.some((f) => f.id === parsed.data.id) ? 'tự thêm khác' : 'của mẫu'}.`);
      continue;
    }
    taken.add(parsed.data.id);
    added.push(toField(parsed.data));
  }
  if (!added.length) return { definition, ids: [], problems };
  return { definition: { ...definition, fields: [...definition.fields, ...added] }, ids: added.map((f) => f.id), problems };
}

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
