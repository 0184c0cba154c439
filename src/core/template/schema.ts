/**
 * The template definition: every figure of an official report as data.
 *
 * A field is one quantity with one home in the report data; it is written in one or more
 * places (occurrences): narrative text located by its section and the wording around it,
 * appendix cells located by (appendix, form, row code, column), or Phụ lục III task rows.
 * Relations between fields (ratios, sums, fractions, list counts, derived cells) are declared
 * here as data so that the checker, the task pane and the roll-over read the same source.
 */
import { z } from 'zod';

export const FIELD_KINDS = [
  'count', // 30.407, 03 (zero padding kept as written)
  'percent', // 93,3% (written precision kept)
  'decimal', // 1,5
  'fraction', // 30/50 (x of y)
  'pair', // 23/17 in a table cell: two counts side by side
  'date', // 09/6/2022 or "ngày 09 tháng 6 năm 2022"
  'text', // free text (a list of items, a label)
  'reference', // "Quyết định số 3162/QĐ-UBND ngày 20/12/2021"
] as const;
export const FieldKindSchema = z.enum(FIELD_KINDS);
export type FieldKind = z.infer<typeof FieldKindSchema>;

/**
 * What the next-period roll-over does with a field (issue 6 reads this):
 * - period: a figure of the period just reported; cleared ("chưa nhập").
 * - standing: a standing fact (staffing quota, structure); kept.
 * - year-to-date: cumulative within the year; kept when the target period is in the same
 *   year, cleared when it starts a new year.
 * - previous-reference: a figure compared with the previous period; becomes the reference value.
 * - report-meta: dates and labels of the report itself; recomputed from the target period.
 */
export const RolloverSchema = z.enum(['period', 'standing', 'year-to-date', 'previous-reference', 'report-meta']);
export type Rollover = z.infer<typeof RolloverSchema>;

/**
 * What a report-meta field holds, so the roll-over recomputes it from the target period
 * (src/core/rollover): the report's date; the period label of the title and opening sentence;
 * the next period's label ("phương hướng, nhiệm vụ …"); the first day of the data window ("Từ
 * ngày 15/12/2021"); the data end ("đến ngày 09/6/2022"); an appendix caption ("kèm theo Báo cáo
 * tháng 6 năm 2022"); an appendix title's period ("6 THÁNG ĐẦU NĂM 2022", case kept).
 */
export const MetaRoleSchema = z.enum(['reportDate', 'periodLabel', 'nextPeriodLabel', 'dataFrom', 'dataTo', 'caption', 'titlePeriod']);
export type MetaRole = z.infer<typeof MetaRoleSchema>;

/**
 * A previous-reference figure compared with a year written after it ("tăng 04 bậc so với năm
 * 2020"): `after` is the wording between the figure and the year; the roll-over moves the year
 * on with the report.
 */
export const ComparedYearSchema = z.object({ after: z.string().min(1) });

/** Section path in the report: "header", "A.2.2", "B.II.4.4", "B.III", "PL-III". */
export const SectionSchema = z.string().regex(/^(header|closing|[AB](\.[IVX]+)?(\.\d+)*|PL-(I|II|III))$/);

/**
 * A figure in the narrative. `before` and `after` are the words written right next to it;
 * matching is tolerant: case, whitespace, punctuation and run splits do not matter.
 * `nth` picks the n-th match (1-based) when the same wording recurs in the section.
 */
export const NarrativeOccurrenceSchema = z.object({
  where: z.literal('narrative'),
  section: SectionSchema,
  before: z.string().min(1),
  after: z.string().optional(),
  nth: z.number().int().positive().optional(),
  /**
   * Extension (optional, so existing definitions stay valid): the field is one side of a
   * fraction or pair written here, 1 = the number before the slash, 2 = after ("03/09 phòng":
   * the 09 units are written nowhere else, so the denominator field can only point into the
   * fraction). The occurrence's kind is read as fraction/pair and the side is returned.
   */
  component: z.union([z.literal(1), z.literal(2)]).optional(),
});

export const APPENDICES = ['I', 'II', 'III'] as const;
export const AppendixIdSchema = z.enum(APPENDICES);
export type AppendixId = z.infer<typeof AppendixIdSchema>;

/**
 * A figure in an appendix table: the row is addressed by its code in the TT/STT column
 * ("2.1", "4.1." and "4.1" are the same code). When the figure sits inside a text cell
 * (Phụ lục III outputs, "02 (01 PAKN đang chờ …)"), `before`/`after` locate it in the cell.
 * Phụ lục III rows are addressed as "<group>.<n>", e.g. "III.3".
 */
export const AppendixOccurrenceSchema = z.object({
  where: z.literal('appendix'),
  appendix: AppendixIdSchema,
  form: z.number().int().positive().optional(),
  row: z.string().min(1),
  column: z.enum(['Số liệu', 'Sản phẩm đầu ra', 'Nội dung công việc', 'Ghi chú']),
  before: z.string().optional(),
  after: z.string().optional(),
  /** As for narrative occurrences: one side of a fraction/pair cell ("23/17"). */
  component: z.union([z.literal(1), z.literal(2)]).optional(),
});

export const OccurrenceSchema = z.discriminatedUnion('where', [NarrativeOccurrenceSchema, AppendixOccurrenceSchema]);
export type NarrativeOccurrence = z.infer<typeof NarrativeOccurrenceSchema>;
export type AppendixOccurrence = z.infer<typeof AppendixOccurrenceSchema>;
export type Occurrence = z.infer<typeof OccurrenceSchema>;

export const FieldIdSchema = z.string().regex(/^[a-z][a-zA-Z0-9_]*(\.[a-zA-Z0-9_]+)*$/);

export const FieldSchema = z.object({
  id: FieldIdSchema,
  label: z.string().min(1), // Vietnamese, shown in the task pane and used as the control title
  section: SectionSchema, // where the field belongs in the data panel
  kind: FieldKindSchema,
  unit: z.string().optional(), // "hồ sơ", "nhiệm vụ", "%", "người"
  rollover: RolloverSchema,
  /**
   * Extension (optional, so existing definitions stay valid): the role of a report-meta field.
   * The roll-over keeps a report-meta field without a role as written, with a warning.
   */
  meta: MetaRoleSchema.optional(),
  /** Extension (optional): a previous-reference figure's comparison year. */
  comparedYear: ComparedYearSchema.optional(),
  /** Appendix rows whose value the template computes from other rows (derived cells). */
  derived: z.boolean().optional(),
  required: z.boolean().optional(),
  occurrences: z.array(OccurrenceSchema),
  note: z.string().optional(),
});
export type Field = z.infer<typeof FieldSchema>;

const RelationBase = { id: z.string().min(1), note: z.string().optional() };

export const RelationSchema = z.discriminatedUnion('kind', [
  /** percent ≈ 100 · part / base */
  z.object({ ...RelationBase, kind: z.literal('ratio'), percent: FieldIdSchema, part: FieldIdSchema, base: FieldIdSchema }),
  /** total ≈ Σ parts; `total` may be a constant such as 100 (percentages partitioning a whole). */
  z.object({
    ...RelationBase,
    kind: z.literal('sum'),
    total: z.union([FieldIdSchema, z.number()]),
    parts: z.array(FieldIdSchema).min(2),
    /**
     * false when the report names only some parts of the total (files received = resolved +
     * pending, other outcomes unstated): a total above the parts is then a warning (something
     * unaccounted for), a total below them still an error. Default true.
     */
    exhaustive: z.boolean().optional(),
  }),
  /** a fraction "30/50" agrees with its two counts */
  z.object({ ...RelationBase, kind: z.literal('fraction'), fraction: FieldIdSchema, numerator: FieldIdSchema, denominator: FieldIdSchema }),
  /** "gồm 08 phòng, ban: A; B; …" — the count agrees with the items listed */
  z.object({ ...RelationBase, kind: z.literal('list-count'), count: FieldIdSchema, list: FieldIdSchema, separator: z.string().default(';') }),
  /** a pair cell "23/17" agrees with its two counts */
  z.object({ ...RelationBase, kind: z.literal('pair'), pair: FieldIdSchema, first: FieldIdSchema, second: FieldIdSchema }),
  /** two fields that must hold the same quantity though written with different wording */
  z.object({ ...RelationBase, kind: z.literal('same'), fields: z.array(FieldIdSchema).min(2) }),
]);
export type Relation = z.infer<typeof RelationSchema>;

/**
 * How the data panel groups the fields: each group gathers the fields of its sections (a section
 * path covers its subsections; the most specific group wins), in the order listed.
 */
export const FieldGroupSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1), // Vietnamese, as the panel shows it
  sections: z.array(SectionSchema).min(1),
});
export type FieldGroup = z.infer<typeof FieldGroupSchema>;

export const TemplateDefinitionSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  fields: z.array(FieldSchema),
  relations: z.array(RelationSchema),
  groups: z.array(FieldGroupSchema).default([]),
});
export type TemplateDefinition = z.infer<typeof TemplateDefinitionSchema>;
