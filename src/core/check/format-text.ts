/**
 * Plain-text rendering of check reports for the terminal: findings grouped by section (in
 * document order), each with its severity, rule, message, the figures as written, what would be
 * consistent, and where. Colour (ANSI) only when asked — the CLI passes whether stdout is a TTY.
 */
import { RULE_LABEL, SEVERITY_LABEL, checkedText, type CheckReport, type Finding, type Severity, type Summary } from './findings';

export interface TextFormatOptions {
  color: boolean;
}

const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', green: '\u001b[32m' };
const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };
const SEVERITY_MARK: Record<Severity, string> = { error: '✗', warning: '!', info: 'i' };

/** "A.2.2" → "Mục A.2.2"; "PL-I" → "Phụ lục I"; "header" → "Phần đầu báo cáo". */
export function sectionTitle(section: string | undefined): string {
  if (section === undefined) return 'Toàn báo cáo';
  if (section === 'header') return 'Phần đầu báo cáo';
  if (section === 'closing') return 'Phần kết thúc';
  const pl = /^PL-(I{1,3})$/.exec(section);
  if (pl) return `Phụ lục ${pl[1]}`;
  return `Mục ${section}`;
}

/** Findings grouped by the section of their first location, groups in order of first appearance. */
export function groupBySection(findings: readonly Finding[]): { section: string | undefined; findings: Finding[] }[] {
  const groups: { section: string | undefined; findings: Finding[] }[] = [];
  for (const f of findings) {
    const section = f.locations[0]?.section;
    let g = groups.find((x) => x.section === section);
    if (!g) {
      g = { section, findings: [] };
      groups.push(g);
    }
    g.findings.push(f);
  }
  // Findings without a location (grouped infos) go last.
  return [...groups.filter((g) => g.section !== undefined), ...groups.filter((g) => g.section === undefined)];
}

export function summaryText(s: Summary): string {
  return `${s.error} lỗi, ${s.warning} cảnh báo, ${s.info} lưu ý`;
}

function paint(on: boolean, code: string, s: string): string {
  return on ? `${code}${s}${ANSI.reset}` : s;
}

function where(l: Finding['locations'][number]): string {
  const parts: string[] = [];
  if (l.table) parts.push(`${l.table}${l.row ? `, dòng ${l.row}` : ''}${l.column ? `, cột ${l.column}` : ''}`);
  else if (l.section) parts.push(sectionTitle(l.section));
  return parts.join(' ');
}

export function formatFindingText(f: Finding, opts: TextFormatOptions): string {
  const c = opts.color;
  const head = `${paint(c, SEVERITY_COLOR[f.severity] + ANSI.bold, `${SEVERITY_MARK[f.severity]} ${SEVERITY_LABEL[f.severity]}`)} ${paint(c, ANSI.dim, `[${RULE_LABEL[f.rule]}]`)} ${f.message}`;
  const lines = [`  ${head}`];
  const facts: string[] = [];
  if (f.evidence.length) facts.push(`Số liệu: ${f.evidence.map((e) => `"${e}"`).join(', ')}`);
  if (f.expected !== undefined) facts.push(`Nhất quán: ${paint(c, ANSI.green, f.expected)}`);
  if (facts.length) lines.push(`      ${facts.join(' · ')}`);
  for (const l of f.locations) {
    const w = where(l);
    lines.push(`      ${paint(c, ANSI.dim, `› ${w ? `${w}: ` : ''}${l.excerpt}`)}`);
  }
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
  for (const g of groupBySection(report.findings)) {
    out.push('');
    out.push(paint(c, ANSI.bold, sectionTitle(g.section)));
    for (const f of g.findings) out.push(formatFindingText(f, opts));
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
