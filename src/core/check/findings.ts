/**
 * Findings of the consistency check and the machine-readable contract of
 * `baocao check --format json` (spec README, "The checker's machine-readable output"):
 *
 *   [{ file, template, mode: "bound" | "recognized",
 *      findings: [{ rule, severity, message, evidence[], expected?, locations[] }],
 *      summary: { error, warning, info },
 *      checked: { ratio, sum, "list-count", reference, "cross-section", …, unverified },
 *      coverage?: { fields: {found, expected}, places: {found, expected} } }]
 *
 * `coverage` is an optional extension (how many template fields and places were found in the
 * document); the schemas are not strict, so consumers of the documented keys are unaffected and
 * a report without `coverage` is valid. Findings come errors first, then warnings, then notes,
 * each in document order (first location); the contract leaves the order open.
 */
import { z } from 'zod';

/** Rule classes. The contract lists the first eight; "pair" and "derived" are extensions. */
export const RULES = [
  'ratio',
  'sum',
  'cross-section',
  'list-count',
  'completeness',
  'number-format',
  'reference',
  'period',
  'pair',
  'derived',
  'figure-words',
  'comparison',
  'table',
] as const;
export const RuleSchema = z.enum(RULES);
export type Rule = z.infer<typeof RuleSchema>;

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const LocationSchema = z.object({
  /** The sentence containing the figure (cut to about 160 characters), or "row label: cell text". */
  excerpt: z.string(),
  /** Section path: "A.2.2", "B.II.4.14", "PL-I", "header". */
  section: z.string().optional(),
  /** "Phụ lục II / Biểu mẫu 2", "Phụ lục III". */
  table: z.string().optional(),
  /** Row code in the TT/STT column ("3.4", "III.8", "3.2#1" for a "Trong đó" sub-row). */
  row: z.string().optional(),
  /** "Số liệu", "Sản phẩm đầu ra", … */
  column: z.string().optional(),
  /** Content-control tag (the field id) in a bound document. */
  tag: z.string().optional(),
  /**
   * Where it is in the document snapshot (block, table row/cell, text offsets), so the task pane
   * can select it. Internal: not part of the JSON contract, `formatJson` leaves it out.
   */
  anchor: z
    .object({ block: z.number().int(), row: z.number().int().optional(), cell: z.number().int().optional(), start: z.number().int(), end: z.number().int() })
    .optional(),
});
export type Location = z.infer<typeof LocationSchema>;

export const FindingSchema = z.object({
  rule: RuleSchema,
  severity: SeveritySchema,
  /** Vietnamese, names the figures and what would be consistent. */
  message: z.string().min(1),
  /** The figures involved, exactly as written. */
  evidence: z.array(z.string()),
  /** What would be consistent, when it can be said. */
  expected: z.string().optional(),
  locations: z.array(LocationSchema),
});
export type Finding = z.infer<typeof FindingSchema>;

export const SummarySchema = z.object({
  error: z.number().int().min(0),
  warning: z.number().int().min(0),
  info: z.number().int().min(0),
});
export type Summary = z.infer<typeof SummarySchema>;

/**
 * What was verified: relations per rule class ("ratio": 37, "sum": 21, …) and `unverified`,
 * statements read but not checkable. Classes are open (the statement reader may add its own).
 */
export const CheckedSchema = z.object({ unverified: z.number().int().min(0) }).catchall(z.number().int().min(0));
export type Checked = z.infer<typeof CheckedSchema>;

/** The classes always shown in `checked` (0 included), in this order; others follow. */
export const CHECKED_CLASSES = ['ratio', 'sum', 'list-count', 'reference', 'cross-section'] as const;

/** "37 tỷ lệ", "21 tổng": the noun counted for each class in the one-line summary. */
export const CHECKED_LABEL: Record<string, string> = {
  ratio: 'tỷ lệ',
  sum: 'tổng',
  'list-count': 'danh sách đếm',
  reference: 'trích dẫn văn bản',
  'cross-section': 'số liệu đối chiếu giữa các phần',
  derived: 'ô tính toán',
  pair: 'cặp số',
  period: 'mốc thời gian của kỳ báo cáo',
  'figure-words': 'số viết kèm chữ',
  comparison: 'so sánh với kỳ trước',
  table: 'quan hệ trong bảng số liệu',
};

/** The `checked` object of a report from the counts gathered during the check. */
export function checkedOf(counts: Readonly<Record<string, number>>, unverified: number): Checked {
  const out: Record<string, number> = {};
  for (const k of CHECKED_CLASSES) out[k] = counts[k] ?? 0;
  const known = Object.keys(CHECKED_LABEL);
  const rest = Object.keys(counts)
    .filter((k) => !(k in out) && k !== 'unverified')
    .sort((a, b) => (known.indexOf(a) + 1 || 99) - (known.indexOf(b) + 1 || 99) || a.localeCompare(b));
  for (const k of rest) out[k] = counts[k] ?? 0;
  return { ...out, unverified };
}

/** "Đã kiểm tra 37 tỷ lệ, 21 tổng, …; 12 chỗ có số liệu chưa kiểm tra được". */
export function checkedText(c: Checked): string {
  const parts = Object.entries(c)
    .filter(([k, n]) => k !== 'unverified' && (n > 0 || (CHECKED_CLASSES as readonly string[]).includes(k)))
    .map(([k, n]) => `${n} ${CHECKED_LABEL[k] ?? k}`);
  const head = parts.length ? `Đã kiểm tra ${parts.join(', ')}` : 'Chưa kiểm tra được quan hệ số liệu nào';
  return `${head}; ${c.unverified} chỗ có số liệu chưa kiểm tra được.`;
}

export const CoverageSchema = z.object({
  fields: z.object({ found: z.number().int().min(0), expected: z.number().int().min(0) }),
  places: z.object({ found: z.number().int().min(0), expected: z.number().int().min(0) }),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const CheckReportSchema = z.object({
  file: z.string(),
  /** The template the document was read as; null when it is not a report of a known template. */
  template: z.string().nullable(),
  /** generic: not a known template's report, checked by the template-free rules only. */
  mode: z.enum(['bound', 'recognized', 'generic']),
  /** Extension: how well the document matches the template (0–1; below the threshold: generic). */
  match: z.number().min(0).max(1).optional(),
  findings: z.array(FindingSchema),
  summary: SummarySchema,
  /** Relations verified per class and statements not checkable (always set by `checkReport`). */
  checked: CheckedSchema.optional(),
  /** Extension: template fields and places found in the document. */
  coverage: CoverageSchema.optional(),
});
export type CheckReport = z.infer<typeof CheckReportSchema>;

/** What `baocao check --format json` prints: one report per input file. */
export const CheckOutputSchema = z.array(CheckReportSchema);
export type CheckOutput = z.infer<typeof CheckOutputSchema>;

export function summarize(findings: readonly Pick<Finding, 'severity'>[]): Summary {
  const s: Summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}

/** The JSON text of the contract (validated: a report that breaks the contract is a bug). */
export function formatJson(reports: readonly CheckReport[]): string {
  const parsed = CheckOutputSchema.parse(reports).map((r) => ({
    ...r,
    findings: r.findings.map((f) => ({ ...f, locations: f.locations.map(({ anchor: _anchor, ...loc }) => loc) })),
  }));
  return `${JSON.stringify(parsed, null, 2)}\n`;
}

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: 'Lỗi',
  warning: 'Cảnh báo',
  info: 'Lưu ý',
};

export const RULE_LABEL: Record<Rule, string> = {
  ratio: 'tỷ lệ',
  sum: 'tổng',
  'cross-section': 'đối chiếu giữa các phần',
  'list-count': 'đếm danh sách',
  completeness: 'đầy đủ',
  'number-format': 'cách viết số',
  reference: 'trích dẫn văn bản',
  period: 'kỳ báo cáo',
  pair: 'cặp số',
  derived: 'ô tính toán',
  'figure-words': 'số và chữ',
  comparison: 'so sánh với kỳ trước',
  table: 'bảng số liệu',
};
