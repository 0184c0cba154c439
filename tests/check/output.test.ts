/**
 * The check's outputs as a reviewer reads them (issue 11): errors first in text, HTML and JSON
 * (sections in document order within), human section names everywhere, many places of one
 * finding in one section said once, and the HTML page naming the file once.
 */
import { checkReport, formatJson, type CheckReport } from '../../src/core/check';
import { formatHtml } from '../../src/core/check/format-html';
import { formatText, placeLines } from '../../src/core/check/format-text';
import { sectionName } from '../../src/core/check/place';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { BOUND_SAMPLE, RECEIVED_SAMPLE, readBytes } from './helpers';

async function checkFile(file: string): Promise<CheckReport> {
  return checkReport({ definition: CCHC_6_THANG, snapshot: await OoxmlDocument.open(readBytes(file)).read(), fileName: file });
}

describe('check outputs', () => {
  let reports: CheckReport[];
  beforeAll(async () => {
    reports = [await checkFile(RECEIVED_SAMPLE), await checkFile(BOUND_SAMPLE)];
  });

  it('section names are human: "Phụ lục III", "mục B.II.3", "phần đầu báo cáo"', () => {
    expect(sectionName('PL-III')).toBe('Phụ lục III');
    expect(sectionName('B.II.3')).toBe('mục B.II.3');
    expect(sectionName('header')).toBe('phần đầu báo cáo');
    expect(sectionName('closing')).toBe('phần kết thúc');
  });

  it('no message, text or HTML says "mục PL-…", "PL-I…" or "mục header"', () => {
    const internal = /mục PL-|mục header|mục closing|\bPL-I|Mục header/u;
    for (const r of reports) for (const f of r.findings) expect(f.message).not.toMatch(internal);
    expect(formatText(reports, { color: false })).not.toMatch(internal);
    expect(formatHtml(reports)).not.toMatch(internal);
    // The references across sections name the appendix: "(1 lần, Phụ lục III)".
    const twoDates = reports[0]!.findings.find((f) => f.rule === 'reference' && f.evidence.includes('05/QĐ-VPUB'))!;
    expect(twoDates.message).toContain('(1 lần, Phụ lục III)');
  });

  it('errors come first in the JSON, the text and the HTML', () => {
    const r = reports[0]!;
    const json = JSON.parse(formatJson([r])) as { findings: { severity: string }[] }[];
    const order = json[0]!.findings.map((f) => f.severity);
    expect(order.indexOf('warning')).toBeGreaterThan(order.lastIndexOf('error'));
    expect(order.indexOf('info')).toBeGreaterThan(order.lastIndexOf('warning'));
    const text = formatText([r], { color: false });
    expect(text.indexOf('\nLỗi (10)\n')).toBeGreaterThan(0);
    expect(text.indexOf('\nLỗi (10)\n')).toBeLessThan(text.indexOf('\nCảnh báo (4)\n'));
    expect(text.indexOf('\nCảnh báo (4)\n')).toBeLessThan(text.indexOf('\nLưu ý ('));
    // The first finding printed is an error (a warning used to come first: section order).
    expect(text.split('\n').find((l) => /^\s+[✗!i] /u.test(l))).toMatch(/^\s+✗ Lỗi /u);
    const html = formatHtml([r]);
    expect(html.indexOf('<h3 class="severity error">Lỗi (10)</h3>')).toBeLessThan(html.indexOf('<h3 class="severity warning">'));
    expect(html.indexOf('<article class="finding error">')).toBeLessThan(html.indexOf('<article class="finding warning">'));
  });

  it('many places of one finding in one table are said once: "17 chỗ trong Phụ lục III" (HTML: opens on demand)', () => {
    const todo = reports[1]!.findings.find((f) => f.message.startsWith('Chưa nhập số liệu'))!;
    const inPl3 = todo.locations.filter((l) => l.table === 'Phụ lục III');
    expect(inPl3.length).toBeGreaterThan(2);
    const lines = placeLines(todo.locations);
    const line = lines.find((l) => l.startsWith(`${inPl3.length} chỗ trong Phụ lục III (dòng `));
    expect(line).toBeDefined();
    expect(lines.filter((l) => l.startsWith('Phụ lục III'))).toEqual([]);
    expect(lines.length).toBeLessThan(todo.locations.length);
    const html = formatHtml([reports[1]!]);
    expect(html).toContain(`<details><summary><span class="where">${inPl3.length} chỗ trong Phụ lục III</span></summary>`);
    // Every place is still there, inside the fold.
    expect(html.split('<span class="where">Phụ lục III, dòng ').length - 1).toBeGreaterThanOrEqual(inPl3.length);
  });

  it('few places are listed one by one with their full names', () => {
    expect(placeLines([{ excerpt: 'a', section: 'A.2.2' }, { excerpt: 'b', section: 'PL-II', table: 'Phụ lục II / Biểu mẫu 2', row: '3.4', column: 'Số liệu' }])).toEqual([
      'Mục A.2.2: a',
      'Phụ lục II / Biểu mẫu 2, dòng 3.4, cột Số liệu: b',
    ]);
    expect(placeLines(['x', 'y', 'z'].map((excerpt) => ({ excerpt, section: 'A.2.2' })))).toEqual(['3 chỗ trong mục A.2.2: "x"; "y"; …']);
  });

  it('two figures of one sentence (the same excerpt) are one line with their count', () => {
    const sentence = 'Số đơn vị tự bảo đảm chi thường xuyên [số liệu] đơn vị; do Nhà nước bảo đảm [số liệu] đơn vị.';
    expect(placeLines([{ excerpt: sentence, section: 'II.5' }, { excerpt: sentence, section: 'II.5' }])).toEqual([`Mục II.5 (2 chỗ): ${sentence}`]);
    expect(placeLines([{ excerpt: sentence, section: 'II.5' }, { excerpt: 'khác', section: 'II.5' }])).toEqual([`Mục II.5: ${sentence}`, 'Mục II.5: khác']);
  });

  it('the HTML page shows a file\'s path once', () => {
    const r = reports[0]!;
    const html = formatHtml([r]);
    const body = html.slice(html.indexOf('<body>'));
    expect(body.split(r.file).length - 1).toBe(1);
    const both = formatHtml(reports);
    const two = both.slice(both.indexOf('<body>'));
    for (const x of reports) expect(two.split(x.file).length - 1).toBe(1);
  });
});
