/**
 * Plain-text rendering of check reports for the terminal: errors first, then warnings, then
 * notes; within each, findings grouped by section (in document order), each with its rule,
 * message, the figures as written, what would be consistent, and where — many places in one
 * section said once ("12 chỗ trong mục A.2.2"). Colour (ANSI) only when asked — the CLI passes
 * whether stdout is a TTY.
 */
import { RULE_LABEL, SEVERITIES, SEVERITY_LABEL, checkedText, type CheckReport, type Finding, type Location, type Severity, type Summary } from './findings';
import { groupPlaces, placeName, placesCount, sectionTitle } from './place';

export { sectionTitle } from './place';

export interface TextFormatOptions {
  color: boolean;
}

const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', green: '\u001b[32m' };
const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };
const SEVERITY_MARK: Record<Severity, string> = { error: '✗', warning: '!', info: 'i' };

/** A finding's places are listed one by one up to this many per section; more are said once. */
export const PLACES_SHOWN = 2;

/** Findings grouped by the section of their first location, groups in order of first appearance. */
export function groupBySection(findings: readonly Finding[]): { section: string | undefined; findings: Finding[] }[] {
  const groups: { section: string | undefined; findings: Finding[] }[] = [];
  const index = new Map<string | undefined, { section: string | undefined; findings: Finding[] }>();
  for (const f of findings) {
    const section = f.locations[0]?.section;
    let g = index.get(section);
    if (!g) {
      g = { section, findings: [] };
      index.set(section, g);
      groups.push(g);
    }
    g.findings.push(f);
  }
  // Findings without a location (grouped infos) go last.
  return [...groups.filter((g) => g.section !== undefined), ...groups.filter((g) => g.section === undefined)];
}

/** Findings by severity, errors first; each severity's findings grouped by section. */
export function groupBySeverity(findings: readonly Finding[]): { severity: Severity; sections: ReturnType<typeof groupBySection> }[] {
  return SEVERITIES.map((severity) => ({ severity, sections: groupBySection(findings.filter((f) => f.severity === severity)) })).filter((g) => g.sections.length > 0);
}

export function summaryText(s: Summary): string {
  return `${s.error} lỗi, ${s.warning} cảnh báo, ${s.info} lưu ý`;
}

function paint(on: boolean, code: string, s: string): string {
  return on ? `${code}${s}${ANSI.reset}` : s;
}

/** Each distinct item with how many times it occurs, in first-seen order. */
export function countSame(items: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(item, (out.get(item) ?? 0) + 1);
  return out;
}

/** An excerpt shortened for a list of many places. */
function short(excerpt: string, max = 80): string {
  return excerpt.length <= max ? excerpt : `${excerpt.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The place lines of a finding: one per location while a section (or table) has few of them,
 * else one line for the section: "12 chỗ trong mục A.2.2 (…)", with the first excerpts.
 */
export function placeLines(locations: readonly Location[]): string[] {
  const lines: string[] = [];
  for (const g of groupPlaces(locations)) {
    if (g.locations.length <= PLACES_SHOWN) {
      // Two figures of one sentence share its excerpt: said once, with the count.
      for (const [line, n] of countSame(g.locations.map((l) => `${placeName(l)}: ${l.excerpt}`))) lines.push(n > 1 ? line.replace(': ', ` (${n} chỗ): `) : line);
      continue;
    }
    const codes = g.locations.map((l) => l.row).filter((r): r is string => r !== undefined);
    const rows = codes.length ? ` (dòng ${codes.slice(0, 8).join(', ')}${codes.length > 8 ? ', …' : ''})` : '';
    const shown = g.locations.slice(0, PLACES_SHOWN).map((l) => `"${short(l.excerpt)}"`);
    lines.push(`${placesCount(g.locations.length, g.name)}${rows}: ${shown.join('; ')}; …`);
  }
  return lines;
}

export function formatFindingText(f: Finding, opts: TextFormatOptions, indent = '  '): string {
  const c = opts.color;
  const head = `${paint(c, SEVERITY_COLOR[f.severity] + ANSI.bold, `${SEVERITY_MARK[f.severity]} ${SEVERITY_LABEL[f.severity]}`)} ${paint(c, ANSI.dim, `[${RULE_LABEL[f.rule]}]`)} ${f.message}`;
  const lines = [`${indent}${head}`];
  const facts: string[] = [];
  if (f.evidence.length) facts.push(`Số liệu: ${f.evidence.map((e) => `"${e}"`).join(', ')}`);
  if (f.expected !== undefined) facts.push(`Nhất quán: ${paint(c, ANSI.green, f.expected)}`);
  if (facts.length) lines.push(`${indent}    ${facts.join(' · ')}`);
  for (const p of placeLines(f.locations)) lines.push(`${indent}    ${paint(c, ANSI.dim, `› ${p}`)}`);
  return lines.join('\n');
}

export function formatReportText(report: CheckReport, opts: TextFormatOptions): string {
  const c = opts.color;
  const mode = report.mode === 'bound' ? 'tài liệu gắn ô nhập (bound)' : 'nhận dạng theo câu chữ (recognized)';
  const out: string[] = [];
  out.push(paint(c, ANSI.bold, `Kiểm tra: ${report.file}`));
  if (report.template === null) {
    out.push('Không nhận ra mẫu báo cáo đã biết: chỉ kiểm tra các quy tắc không cần mẫu (generic mode; tỷ lệ, tổng, danh sách, trích dẫn, cách viết số, kỳ báo cáo).');
  }
  const cov = report.coverage ? `; nhận ra ${report.coverage.fields.found}/${report.coverage.fields.expected} chỉ tiêu` : '';
  if (report.template !== null) out.push(`Mẫu ${report.template}, ${mode}${cov}`);
  out.push(`Kết quả: ${summaryText(report.summary)}`);
  if (report.checked) out.push(checkedText(report.checked));
  if (report.findings.length === 0) {
    out.push(paint(c, ANSI.green, 'Không phát hiện vấn đề nào.'));
    return `${out.join('\n')}\n`;
  }
  for (const g of groupBySeverity(report.findings)) {
    out.push('');
    out.push(paint(c, ANSI.bold + SEVERITY_COLOR[g.severity], `${SEVERITY_LABEL[g.severity]} (${report.summary[g.severity]})`));
    for (const sec of g.sections) {
      out.push(paint(c, ANSI.bold, `  ${sectionTitle(sec.section)}`));
      for (const f of sec.findings) out.push(formatFindingText(f, opts, '    '));
    }
  }
  return `${out.join('\n')}\n`;
}

/** Several reports, then a one-line-per-file summary. */
export function formatText(reports: readonly CheckReport[], opts: TextFormatOptions, unreadable: readonly string[] = []): string {
  const parts = reports.map((r) => formatReportText(r, opts));
  const total: Summary = { error: 0, warning: 0, info: 0 };
  for (const r of reports) {
    total.error += r.summary.error;
    total.warning += r.summary.warning;
    total.info += r.summary.info;
  }
  const lines = ['', paint(opts.color, ANSI.bold, 'Tổng hợp')];
  for (const r of reports) lines.push(`  ${r.file}: ${summaryText(r.summary)}`);
  for (const f of unreadable) lines.push(`  ${f}: không đọc được`);
  lines.push(`  Cộng ${reports.length} tệp đã kiểm tra${unreadable.length ? `, ${unreadable.length} tệp không đọc được` : ''}: ${summaryText(total)}`);
  return `${parts.join('\n')}${lines.join('\n')}\n`;
}
