/**
 * One table for all reports received (pure core): each report reduced to a compact row (who,
 * which period, the check's counts, every figure of the template as written and as a number),
 * so that a run over many files keeps no document alive; then the figures laid out one row per
 * field and one column per office, with totals where the field adds up across offices.
 */
import type { DocumentSnapshot } from '../../document/types';
import { checkReport, type CheckReport, type Summary } from '../check';
import { checkedPhrase } from '../check/annotations';
import { locateFields } from '../recognize/locate';
import { appendixColumn, type Field as FieldDef, type TemplateDefinition } from '../template/schema';
import { extractReport } from './extract';

/** A figure of one report: as written, and its number when it has one. */
export interface SummaryValue {
  text: string;
  number?: number;
  decimals?: number;
}

export interface SummaryRow {
  file: string;
  /** Why the file could not be read (then nothing else is set). */
  unreadable?: string;
  office?: string;
  period?: string;
  /** The template the check recognised; null when the document is not a known template's report. */
  template?: string | null;
  mode?: 'bound' | 'recognized' | 'generic';
  summary?: Summary;
  checked?: string;
  /** Figures by field id (fields without a value are absent). */
  values?: Record<string, SummaryValue>;
}

/** Field kinds that are figures (rows of "Số liệu"); text and dates are not. */
const FIGURE_KINDS = new Set(['count', 'decimal', 'percent', 'fraction', 'pair']);
/** Kinds whose values add up across offices (a percentage or a fraction does not). */
const ADDITIVE_KINDS = new Set(['count', 'decimal']);

export function figureFields(definition: TemplateDefinition): FieldDef[] {
  return definition.fields.filter((f) => FIGURE_KINDS.has(f.kind));
}

export function isAdditive(field: FieldDef): boolean {
  return ADDITIVE_KINDS.has(field.kind);
}

/**
 * The issuing body from the header (Nghị định 30/2020 layout: the superior body, then the office,
 * then "Số: …"): "VĂN PHÒNG – UBND TỈNH SƠN LA". Undefined when the header is not recognised.
 */
export function officeOf(snapshot: DocumentSnapshot): string | undefined {
  const lines: string[] = [];
  for (const b of snapshot.blocks.slice(0, 8)) {
    const text = b.type === 'paragraph' ? b.text : (b.rows[0]?.cells[0]?.text ?? '');
    for (const raw of text.split('\n')) {
      const line = raw.replace(/\s+/g, ' ').trim();
      if (!line) continue;
      if (/^(Số|CỘNG HÒA|CỘNG HOÀ|BÁO CÁO|Độc lập)(?=[\s:.]|$)/u.test(line)) return compose(lines);
      lines.push(line);
    }
    if (b.type === 'table') return compose(lines);
  }
  return compose(lines);
}

function compose(lines: string[]): string | undefined {
  const body = lines.filter((l) => !/^[-_–—]+$/.test(l)).slice(0, 3);
  if (body.length === 0) return undefined;
  if (body.length === 1) return body[0];
  return `${body[body.length - 1]} – ${body.slice(0, -1).join(' – ')}`;
}

/** Reduces one report to its summary row and check report (the snapshot can be dropped afterwards). */
export function summarizeReport(definition: TemplateDefinition, snapshot: DocumentSnapshot, file: string): { row: SummaryRow; report: CheckReport } {
  const located = locateFields(definition, snapshot);
  const data = extractReport(definition, snapshot, located);
  const report = checkReport({ definition, snapshot, fileName: file, located });
  const values: Record<string, SummaryValue> = {};
  for (const f of figureFields(definition)) {
    const d = data.fields[f.id];
    if (!d || d.text === null || d.text.trim() === '') continue;
    const v: SummaryValue = { text: d.text };
    if (d.value && 'number' in d.value) {
      v.number = d.value.number;
      v.decimals = d.value.decimals;
    }
    values[f.id] = v;
  }
  const period = data.fields['meta.periodLabel']?.text ?? undefined;
  const row: SummaryRow = {
    file,
    office: officeOf(snapshot),
    ...(period ? { period } : {}),
    template: report.template,
    mode: report.mode,
    summary: report.summary,
    checked: checkedPhrase(report),
    values,
  };
  return { row, report };
}

/** Column titles for the offices: the office's name, with the file when two share it. */
export function officeColumns(rows: readonly SummaryRow[]): string[] {
  const readable = rows.filter((r) => !r.unreadable);
  const names = readable.map((r) => r.office ?? r.file);
  return readable.map((r, i) => (names.filter((n) => n === names[i]).length > 1 ? `${names[i]} (${baseName(r.file)})` : names[i]!));
}

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Where a field sits, for the reader of the table ("Phụ lục I / Biểu mẫu 1, dòng 2" or "Mục A.2.2"). */
export function fieldPlace(field: FieldDef, definition?: Pick<TemplateDefinition, 'appendices'>): string {
  const appendix = field.occurrences.find((o) => o.where === 'appendix');
  if (appendix && appendix.where === 'appendix') {
    // A wide form's row holds many figures: its column is said too.
    const column = definition && appendixColumn(definition, appendix.appendix, appendix.column)?.path ? `, cột ${appendix.column}` : '';
    return `Phụ lục ${appendix.appendix}${appendix.form ? ` / Biểu mẫu ${appendix.form}` : ''}, dòng ${appendix.row}${column}`;
  }
  return `Mục ${field.section}`;
}

/** The sum of a field over the offices that have a number for it (undefined when none has). */
export function totalOf(field: FieldDef, rows: readonly SummaryRow[]): { number: number; decimals: number } | undefined {
  if (!isAdditive(field)) return undefined;
  let sum = 0;
  let decimals = 0;
  let any = false;
  for (const r of rows) {
    const v = r.values?.[field.id];
    if (v?.number === undefined) continue;
    any = true;
    sum += v.number;
    decimals = Math.max(decimals, v.decimals ?? 0);
  }
  return any ? { number: Number(sum.toFixed(decimals)), decimals } : undefined;
}
