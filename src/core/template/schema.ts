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
import { PERIOD_KINDS } from '../period/period';

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
 * - carried: the next period opens with another field's closing value (`carryFrom`): the files
 *   still pending at the end of a quarter are the next quarter's "kỳ trước chuyển qua".
 */
export const RolloverSchema = z.enum(['period', 'standing', 'year-to-date', 'previous-reference', 'report-meta', 'carried']);
export type Rollover = z.infer<typeof RolloverSchema>;

/**
 * What a report-meta field holds, so the roll-over recomputes it from the target period
 * (src/core/rollover): the report's date; the period label of the title and opening sentence;
 * the next period's label ("phương hướng, nhiệm vụ …"); the first day of the data window ("Từ
 * ngày 15/12/2021"); the data end ("đến ngày 09/6/2022"); an appendix caption ("kèm theo Báo cáo
 * tháng 6 năm 2022"); an appendix title's period ("6 THÁNG ĐẦU NĂM 2022", case kept).
 */
export const MetaRoleSchema = z.enum([
  'reportDate',
  'periodLabel',
  'nextPeriodLabel',
  'dataFrom',
  'dataTo',
  'caption',
  'titlePeriod',
  // Header fields an office fills once (kept by the roll-over as 'standing'): `baocao template
  // --co-quan …` writes them. The superior body and the issuing body as the header writes them
  // (capitals), the body's name as the prose and captions write it, the place name, the number.
  'superior',
  'issuer',
  'issuerName',
  'place',
  'documentNumber',
]);
export type MetaRole = z.infer<typeof MetaRoleSchema>;

/**
 * A previous-reference figure compared with a year written after it ("tăng 04 bậc so với năm
 * 2020"): `after` is the wording between the figure and the year; the roll-over moves the year
 * on with the report.
 */
export const ComparedYearSchema = z.object({ after: z.string().min(1) });

/**
 * Section path in the report: "header", "closing", a body path ("A.2.2", "B.II.4.4", "B.III", or
 * "II.3" in a report without lettered parts), "PL-III". The body paths a template uses are its
 * outline's (`outline`); the paths are identifiers, the headings that open them are data.
 */
export const SectionSchema = z.string().regex(/^(header|closing|[A-E](\.[IVX]+)?(\.\d+)*|[IVX]+(\.\d+)*|PL-[IVX]+)$/);

/**
 * A figure in the narrative. `before` and `after` are the words written right next to it;
 * matching is tolerant: case, whitespace, punctuation and run splits do not matter.
 * `nth` picks the n-th match (1-based) when the same wording recurs in the section.
 */
export const NarrativeOccurrenceSchema = z
  .object({
  where: z.literal('narrative'),
  section: SectionSchema,
  /** Required unless `line` places the figure. */
  before: z.string().min(1).optional(),
  after: z.string().optional(),
  /**
   * Extension (optional): the figure is the whole n-th line (1-based) of a unit of the section —
   * a header cell's lines ("UBND TỈNH …", "SỞ …") have no fixed wording around them. With `nth`,
   * the nth unit (document order) that has such a line.
   */
  line: z.number().int().positive().optional(),
  nth: z.number().int().positive().optional(),
  /**
   * Extension (optional, so existing definitions stay valid): the field is one side of a
   * fraction or pair written here, 1 = the number before the slash, 2 = after ("03/09 phòng":
   * the 09 units are written nowhere else, so the denominator field can only point into the
   * fraction). The occurrence's kind is read as fraction/pair and the side is returned.
   */
  component: z.union([z.literal(1), z.literal(2)]).optional(),
})
  .refine((o) => o.before !== undefined || o.line !== undefined, { message: 'a narrative occurrence needs `before` or `line`' });

/** An appendix by its Roman numeral ("Phụ lục II"). */
export const AppendixIdSchema = z.string().regex(/^[IVX]+$/);
export type AppendixId = z.infer<typeof AppendixIdSchema>;

/**
 * A figure in an appendix table: the row is addressed by its code in the TT/STT column
 * ("2.1", "4.1." and "4.1" are the same code). A row without a code (the "TỔNG CỘNG" row of a
 * wide form) is addressed by its label as written in the label column, without regard to case,
 * spacing or trailing punctuation ("Tổng cộng"); a code wins over a label, and a received copy
 * that numbers that row, or merges its label over the code column, still has it found. When the figure sits
 * inside a text cell (Phụ lục III outputs, "02 (01 PAKN đang chờ …)"), `before`/`after` locate
 * it in the cell. Phụ lục III rows are addressed as "<group>.<n>", e.g. "III.3".
 */
export const AppendixOccurrenceSchema = z.object({
  where: z.literal('appendix'),
  appendix: AppendixIdSchema,
  form: z.number().int().positive().optional(),
  row: z.string().min(1),
  /** A column of the appendix's table, by its name in the template's `appendices`. */
  column: z.string().min(1),
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
  /** Extension (optional): for a `carried` field, the field whose value the next period opens with. */
  carryFrom: FieldIdSchema.optional(),
  /**
   * Extension (optional): what the empty control shows instead of the kind's placeholder
   * ("[TÊN CƠ QUAN]" rather than "[nội dung]"): square brackets, at most 40 characters inside.
   */
  placeholder: z.string().regex(/^\[[^[\]\n]{1,40}\]$/u).optional(),
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

/** The fields a relation names. */
export function relationFields(r: Relation): string[] {
  switch (r.kind) {
    case 'ratio':
      return [r.percent, r.part, r.base];
    case 'sum':
      return [...(typeof r.total === 'string' ? [r.total] : []), ...r.parts];
    case 'fraction':
      return [r.fraction, r.numerator, r.denominator];
    case 'list-count':
      return [r.count, r.list];
    case 'pair':
      return [r.pair, r.first, r.second];
    case 'same':
      return r.fields;
  }
}

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

/**
 * One section of the report's outline. A heading opens the section when its text (after its
 * number, whatever the numbering: "I.", "1.", "B.II.") starts with one of `headings` (compared
 * without case, punctuation or spacing); otherwise headings follow the numbering of the path.
 * So a department report "I. Công tác chỉ đạo…" without part A still lands in B.I.
 */
export const OutlineSectionSchema = z.object({
  path: SectionSchema,
  title: z.string().min(1), // Vietnamese, as findings and the panel name the section
  headings: z.array(z.string().min(1)).default([]),
});
export type OutlineSection = z.infer<typeof OutlineSectionSchema>;

/** The role of an appendix column, for the engine: what its cells hold. */
export const ColumnRoleSchema = z.enum(['code', 'label', 'unit', 'value', 'note', 'task', 'output']);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

/**
 * An appendix column: its name (as occurrences and findings say it), its role, and other
 * wordings of its header cell ("STT" for "TT"). A header cell names the column when its text,
 * without case and trailing punctuation, is one of them or starts with one followed by a
 * non-letter ("Chỉ tiêu thống kê (1)").
 *
 * A wide form (levels or sectors as rows, indicators as columns under a two- or three-level
 * merged header) has many value columns whose leaf headers repeat ("Tổng số", "Quá hạn"): such
 * a column gives its `path`, the header cells from the top header row down to its own, each
 * compared as `headers` are ("Số hồ sơ đã giải quyết", "Quá hạn"); a step may list other
 * wordings offices use (["Trong hạn", "Chưa đến hạn"]), the first being the form's. The path may leave out
 * levels in between (a "Trong đó" over "Số mới tiếp nhận"), but its last entry is the column's
 * own header. A column with a path is found by it, not by its role, so several may share the
 * role `value`; a path that names no column, or several, leaves it unfound.
 */
export const AppendixColumnSchema = z.object({
  name: z.string().min(1),
  role: ColumnRoleSchema,
  headers: z.array(z.string().min(1)).default([]),
  path: z.array(z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])).min(1).optional(),
});

/** The wordings of one step of a column's header path, the form's own first. */
export function pathWordings(step: string | readonly string[]): string[] {
  return typeof step === 'string' ? [step] : [...step];
}
export type AppendixColumnSpec = z.infer<typeof AppendixColumnSchema>;

/** A header cell over several columns ("Kết quả thống kê" over "Đơn vị tính | Số liệu"): their roles, left to right. */
export const ColumnGroupSchema = z.object({ name: z.string().min(1), roles: z.array(ColumnRoleSchema).min(1) });
export type ColumnGroup = z.infer<typeof ColumnGroupSchema>;

export const AppendixSchema = z.object({
  id: AppendixIdSchema,
  title: z.string().min(1),
  columns: z.array(AppendixColumnSchema).min(1),
  columnGroups: z.array(ColumnGroupSchema).default([]),
});
export type Appendix = z.infer<typeof AppendixSchema>;

/**
 * A number written in the report that is not data (section numbers, years in titles, names
 * with digits): a token inside a match of `pattern` (a JavaScript regular expression, matched
 * globally with `flags`) is not counted as unmodelled. `example` shows the wording; `why`
 * justifies it.
 */
export const NonDataSchema = z.object({
  example: z.string().min(1),
  pattern: z.string().min(1),
  flags: z.string().regex(/^[gimsuy]*$/).default('gu'),
  why: z.string().min(1),
  section: SectionSchema.optional(),
  codeColumn: z.literal(true).optional(),
});
export type NonData = z.infer<typeof NonDataSchema>;

/**
 * Report periods a template serves (the roll-over's targets), in the order it files them: quý I–IV
 * (3-month windows), 6 and 9 tháng đầu năm, năm (src/core/period).
 */
export const PeriodKindSchema = z.enum(PERIOD_KINDS);

export const TemplateDefinitionSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    title: z.string().min(1),
    /** One line for `baocao template --list`: who files it and how it differs. */
    description: z.string().optional(),
    periods: z.array(PeriodKindSchema).min(1).default([...PERIOD_KINDS]),
    /** Files in the template's folder: the layout the .docx is built from, the built .docx files. */
    files: z
      .object({ layout: z.string().min(1).optional(), template: z.string().min(1).optional(), sample: z.string().min(1).optional() })
      .default({}),
    outline: z.array(OutlineSectionSchema).default([]),
    appendices: z.array(AppendixSchema).default([]),
    fields: z.array(FieldSchema),
    relations: z.array(RelationSchema),
    groups: z.array(FieldGroupSchema).default([]),
    nonData: z.array(NonDataSchema).default([]),
  })
  .superRefine((def, ctx) => {
    const columns = new Map(def.appendices.map((a) => [a.id, new Set(a.columns.map((c) => c.name))]));
    def.appendices.forEach((a, i) => {
      if (new Set(a.columns.map((c) => c.name)).size !== a.columns.length)
        ctx.addIssue({ code: 'custom', path: ['appendices', i, 'columns'], message: `appendix ${a.id} names a column twice` });
    });
    const paths = new Set(def.outline.map((o) => o.path));
    // A definition without an outline (or appendices) is not checked against it (test fixtures).
    const known = (section: string) => {
      if (section === 'header' || section === 'closing' || !paths.size) return true;
      if (section.startsWith('PL-')) return !columns.size || columns.has(section.slice(3));
      // A body path lies under an outline section (its numbered subsections are not listed).
      for (let p = section; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') if (paths.has(p)) return true;
      return false;
    };
    const ids = new Set(def.fields.map((f) => f.id));
    def.fields.forEach((f, i) => {
      if (!known(f.section)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'section'], message: `section ${f.section} is not in the outline` });
      f.occurrences.forEach((o, j) => {
        if (o.where === 'narrative' && !known(o.section)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'occurrences', j], message: `section ${o.section} is not in the outline` });
        if (o.where === 'appendix' && columns.size && !columns.get(o.appendix)?.has(o.column))
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'occurrences', j], message: `appendix ${o.appendix} has no column ${o.column}` });
      });
    });
    def.fields.forEach((f, i) => {
      if (f.rollover === 'carried' && !f.carryFrom)
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'carryFrom'], message: `field ${f.id} is carried but names no carryFrom field` });
      if (f.carryFrom !== undefined && (!ids.has(f.carryFrom) || f.carryFrom === f.id))
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'carryFrom'], message: `field ${f.id} is carried from an unknown field ${f.carryFrom}` });
    });
    def.relations.forEach((r, i) => {
      for (const id of relationFields(r))
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['relations', i], message: `relation ${r.id} names an unknown field ${id}` });
    });
  });
export type TemplateDefinition = z.infer<typeof TemplateDefinitionSchema>;

/** An appendix column by its name (undefined when the template has no such column). */
export function appendixColumn(definition: Pick<TemplateDefinition, 'appendices'>, appendix: string, column: string): AppendixColumnSpec | undefined {
  return definition.appendices.find((a) => a.id === appendix)?.columns.find((c) => c.name === column);
}

/** The column role of an appendix column name (undefined when the template has no such column). */
export function columnRole(definition: Pick<TemplateDefinition, 'appendices'>, appendix: string, column: string): ColumnRole | undefined {
  return definition.appendices.find((a) => a.id === appendix)?.columns.find((c) => c.name === column)?.role;
}

/** The column name the template gives a role in an appendix (for findings and panels); columns found by their path are not named by role. */
export function columnName(definition: Pick<TemplateDefinition, 'appendices'>, appendix: string, role: ColumnRole): string | undefined {
  return definition.appendices.find((a) => a.id === appendix)?.columns.find((c) => c.role === role && !c.path)?.name;
}
