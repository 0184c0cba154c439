/**
 * The drafter's own fields ("Gắn số liệu"): a narrative figure bound to a new field, saved in the
 * document itself (baocao's custom XML part, `snapshot.data`) so that it survives the next
 * period. Reading a document merges these fields into its template's definition: the data panel
 * shows them in their section, fills and the check use them, the roll-over clears or keeps them
 * by their policy. A stored field that does not validate (or clashes with the template) is left
 * out with a Vietnamese problem; the document still reads as a report of its template.
 */
import { z } from 'zod';
import type { DocumentData } from '../document';
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
export function messageOf(issue: z.core.$ZodIssue): string {
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

