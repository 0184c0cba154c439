/**
 * The report data: one entry per field of the template, holding the figure as written in each
 * of its places and its parsed value. This is what `baocao extract` prints, what the task pane
 * edits and what `baocao fill` accepts.
 */
import { z } from 'zod';
import { attempt, parseCount, parseDecimal, parseFraction, parsePair, parsePercent, parseViDate, type Result } from '../codec';
import { FieldIdSchema, FieldKindSchema, type FieldKind } from '../template/schema';

export const FieldValueSchema = z.union([
  z.object({ number: z.number(), decimals: z.number().int().min(0) }),
  z.object({ numerator: z.number(), denominator: z.number() }),
  z.object({ first: z.number(), second: z.number() }),
  z.object({ iso: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  z.object({ text: z.string() }),
]);
export type FieldValue = z.infer<typeof FieldValueSchema>;

export const PlaceSchema = z.object({
  where: z.enum(['narrative', 'appendix']),
  section: z.string().optional(),
  table: z.string().optional(), // "Phụ lục II / Biểu mẫu 2"
  row: z.string().optional(),
  column: z.string().optional(),
  tag: z.string().optional(),
  found: z.boolean(),
  /** The figure exactly as written; null when the place was not found; "" when empty. */
  text: z.string().nullable(),
});
export type PlaceData = z.infer<typeof PlaceSchema>;

export const FieldDataSchema = z.object({
  label: z.string(),
  kind: FieldKindSchema,
  unit: z.string().optional(),
  /** The figure as written in its first non-empty place; null when not entered anywhere. */
  text: z.string().nullable(),
  value: FieldValueSchema.nullable(),
  /** The written text could not be read as the field's kind (the reason, in Vietnamese). */
  error: z.string().optional(),
  places: z.array(PlaceSchema),
});
export type FieldData = z.infer<typeof FieldDataSchema>;

export const ReportDataSchema = z.object({
  template: z.string(),
  mode: z.enum(['bound', 'recognized']),
  coverage: z.object({
    fields: z.object({ found: z.number().int(), expected: z.number().int() }),
    places: z.object({ found: z.number().int(), expected: z.number().int() }),
  }),
  fields: z.record(FieldIdSchema, FieldDataSchema),
});
export type ReportData = z.infer<typeof ReportDataSchema>;

/** Input of `fill`: figures by field id, as vi-VN text ("30.407", "93,3%") or a FieldData. */
export const FillInputSchema = z.object({
  fields: z.record(FieldIdSchema, z.union([z.string(), z.null(), z.object({ text: z.string().nullable() }).passthrough()])),
});
export type FillInput = z.infer<typeof FillInputSchema>;

/** Reads a figure written in the document as a value of the field's kind. */
export function parseFieldValue(kind: FieldKind, text: string): Result<FieldValue> {
  return attempt<FieldValue>(() => {
    switch (kind) {
      case 'count':
      case 'decimal':
      case 'percent': {
        const n = kind === 'count' ? parseCount(text) : kind === 'decimal' ? parseDecimal(text) : parsePercent(text);
        return { number: n.value, decimals: n.decimals };
      }
      case 'fraction': {
        const f = parseFraction(text);
        return { numerator: f.numerator.value, denominator: f.denominator.value };
      }
      case 'pair': {
        const p = parsePair(text);
        return { first: p.first.value, second: p.second.value };
      }
      case 'date': {
        const d = parseViDate(text);
        return { iso: `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` };
      }
      default:
        return { text };
    }
  });
}

/** The numeric value of a field, when it has one (fractions and pairs have none). */
export function numericValue(value: FieldValue | null | undefined): number | undefined {
  return value && 'number' in value ? value.number : undefined;
}
