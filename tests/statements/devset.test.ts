/**
 * The development set of issue 13 (devset/): the measure `npm run eval` prints, held as a floor.
 * The rewritten report's clean version is consistent by construction (recomputed below) and must
 * give no error; each injected defect must be reported; the known defects of real published
 * texts must be found without a false error; non-CCHC texts must not be read as a CCHC report.
 */
import { formatJson } from '../../src/core/check';
import { CCHC_6_THANG } from '../helpers/templates';
import { formatHtml } from '../../src/core/check/format-html';
import { formatReportText } from '../../src/core/check/format-text';
import { REWRITTEN, checkText, realTexts, rewrittenText, runEval } from './devset/harness';

describe('development set', () => {
  const result = runEval();

  it('the clean rewritten report is consistent by arithmetic', () => {
    expect(60118 + 1132).toBe(61250);
    expect(57214 + 2590 + 36).toBe(59840);
    expect(59840 + 1410).toBe(61250);
    expect(Math.round((1000 * 59840) / 61250) / 10).toBe(97.7);
    expect(Math.round((10000 * 57214) / 59840) / 100).toBe(95.61);
    expect(Math.round((10000 * 2590) / 59840) / 100).toBe(4.33);
    expect(Math.round((10000 * 59804) / 59840) / 100).toBe(99.94);
    expect(1584 + 2376).toBe(3960);
    expect(3497 + 15).toBe(3512);
    expect(10 + 51 + 4 + 1).toBe(66);
    expect(Math.round((10000 * 88.45 - 10000 * 86.3) / 100) / 100).toBe(2.15);
    expect(18420 + 9315 + 6203).toBe(33938);
  });

  it('the second rewritten report (district, quarter III) is consistent by arithmetic', () => {
    expect(21 + 19 + 8).toBe(48);
    expect(6912 + 2681 + 253).toBe(9846);
    expect(7804 + 1689 + 27).toBe(9520);
    expect(318 + 8).toBe(326);
    expect(Math.round((10000 * 6912) / 9593) / 100).toBe(72.05);
    expect(Math.round((1000 * 6) / 7) / 10).toBe(85.7);
    expect(7480 + 1592 + 33).toBe(9105);
    expect(3214 + 6632).toBe(9846);
    expect(5394 + 1064 + 12).toBe(6470);
  });

  it('no error on the clean rewritten reports', () => {
    expect(result.cleanFalseErrors.map((f) => f.message)).toEqual([]);
  });

  it('reports every single injected defect of the rewritten reports as an error or a warning', () => {
    expect(result.injected.missed).toEqual([]);
    expect(result.injected.reported).toBe(REWRITTEN.reduce((n, r) => n + r.defects.length, 0));
  });

  it('finds the known defects of real texts and no false error on them', () => {
    expect(result.real.known).toBeGreaterThanOrEqual(3);
    expect(result.real.missed).toEqual([]);
    expect(result.real.falseErrors.map((e) => `${e.text}: ${e.finding.message}`)).toEqual([]);
  });

  it('every real text names its source', () => {
    for (const t of realTexts()) expect(t.source).toMatch(/^https?:\/\//);
  });

  it('non-CCHC texts are checked in generic mode (template null), never as the CCHC template', () => {
    expect(result.economic.texts).toBeGreaterThanOrEqual(2);
    expect(result.economic.calledCchc).toEqual([]);
    const eco = realTexts().find((t) => t.economic)!;
    const report = checkText(eco.text, eco.name);
    expect(report).toMatchObject({ template: null, mode: 'generic' });
    expect(report.findings.filter((f) => f.rule === 'completeness')).toEqual([]);
    // One line says so in text and HTML; JSON carries template null.
    const text = formatReportText(report, { color: false });
    expect(text.split('\n').filter((l) => l.includes('Không nhận ra mẫu báo cáo đã biết'))).toHaveLength(1);
    expect(text).not.toContain(`Mẫu ${CCHC_6_THANG.id}`);
    expect(formatHtml([report])).toContain('Không nhận ra mẫu báo cáo đã biết');
    expect(JSON.parse(formatJson([report]))[0]).toMatchObject({ template: null, mode: 'generic' });
  });

  it('the checked summary counts what was verified and what was read but not checkable', () => {
    const report = checkText(rewrittenText(), 'rewritten.txt');
    expect(report.checked?.ratio).toBeGreaterThanOrEqual(8);
    expect(report.checked?.sum).toBeGreaterThanOrEqual(8);
    expect(report.checked?.['list-count']).toBeGreaterThanOrEqual(4);
    expect(report.checked?.table).toBeGreaterThanOrEqual(10);
  });

  it('a report outlined I, II, III… gets its sections, and a table finding names its table, row and column', () => {
    const text = rewrittenText('rewritten-huyen-quy-iii-2023.txt').replace('6.470\t5.394', '6.470\t5.349');
    const report = checkText(text, 'huyen.txt');
    const f = report.findings.find((x) => x.rule === 'table' && x.evidence[0] === '7.804');
    expect(f?.locations[0]).toMatchObject({ section: 'V', table: 'Bảng số liệu', row: 'Toàn huyện', column: 'Số hồ sơ đã giải quyết / Trước hạn', excerpt: '7.804' });
    const words = checkText(text.replace('02 (hai)', '03 (hai)'), 'huyen.txt').findings.find((x) => x.rule === 'figure-words');
    expect(words?.locations[0]?.section).toBe('V');
  });
});
