/**
 * The check on the real report, twice: the bound sample (assets/samples, content controls) and
 * the received copy made by another word processor (no controls, recognized by wording). The
 * real mistakes below were found by reading bao-cao-cchc-6-thang-2022.txt; each is verified by
 * arithmetic here before it is asserted.
 */
import { existsSync } from 'node:fs';
import { CheckReportSchema, type CheckReport } from '../../src/core/check';
import { BOUND_SAMPLE, RECEIVED_SAMPLE, VIETNAMESE, check, findAll, readBytes, type Expect } from './helpers';

/** The real mistakes of the 2022 report and the finding each must produce. */
const REAL_MISTAKES: (Expect & { what: string })[] = [
  { what: 'A.2.2 "trả đúng hạn: 921 hồ sơ, chiếm 3,24%": 921/28.375 = 3,2458% → 3,25%', rule: 'ratio', severity: 'error', evidence: ['3,24%', '921', '28,375'], expected: '3,25%' },
  { what: 'A.2.2 "28,375 hồ sơ": comma as thousands separator', rule: 'number-format', severity: 'error', evidence: ['28,375'], expected: '28.375' },
  // The report names resolved and pending only (no returned/withdrawn files): 595 unaccounted → warning.
  { what: 'A.2.2 received 30.407 > resolved 28.375 + pending 1.437 = 29.812', rule: 'sum', severity: 'warning', evidence: ['30.407', '28,375', '1.437'] },
  { what: 'B.II.1.1 "19 văn bản QPPL" vs Phụ lục I Biểu mẫu 2 row 1 "0"', rule: 'cross-section', severity: 'error', evidence: ['19', '0'] },
  { what: 'Phụ lục II Biểu mẫu 2 row 3.4 100% but 02/03 = 66,7% (written without decimals: 67%)', rule: 'derived', severity: 'error', evidence: ['100%', '02', '03'], expected: '67%' },
  { what: 'B.II.2 "9 nhóm công việc" but 8 groups listed', rule: 'list-count', severity: 'error', evidence: ['9', '8'], expected: '8' },
  { what: 'B.II.2.2 received 675 ≠ resolved 635 + returned 18 + pending 18 = 671', rule: 'sum', severity: 'error', evidence: ['675', '635', '18'], expected: '671' },
  { what: 'Phụ lục I caption "tháng 3 năm 2022" in a report dated 09/6/2022', rule: 'period', severity: 'error', evidence: ['tháng 3 năm 2022'], expected: 'tháng 6 năm 2022' },
  { what: 'A.1 "134/QĐ-UBND … năm 202" (truncated year; elsewhere "năm 2021")', rule: 'reference', severity: 'warning', evidence: ['năm 202'], expected: 'năm 2021' },
  { what: 'Phụ lục III I.1 "Kế hoạch số 33/KH-UBND ngày Thực hiện…" (date missing; A.3 says 27/01/2022)', rule: 'reference', severity: 'error', expected: '33/KH-UBND ngày 27/01/2022' },
  { what: '05/QĐ-VPUB dated 14/01/2022 (B.II.5.2.1) and 13/01/2022 (Phụ lục III VI.2)', rule: 'reference', severity: 'error', evidence: ['05/QĐ-VPUB', '14/01/2022', '13/01/2022'] },
  { what: '06/QĐ-VPUB dated 14/01/2022 and 13/01/2022', rule: 'reference', severity: 'error', evidence: ['06/QĐ-VPUB', '14/01/2022', '13/01/2022'] },
  { what: '"Nghị định số 45/2020/NĐ-CP ngày 08/4/2021": number year 2020, date 2021', rule: 'reference', severity: 'warning', evidence: ['45/2020/NĐ-CP', '08/4/2021'] },
  { what: '"Thông thư số 02/2017/TT-VPCP" (type typo)', rule: 'reference', severity: 'info', evidence: ['Thông thư'] },
  { what: '"Nghị số 61/2018/NĐ-CP" (type typo)', rule: 'reference', severity: 'info', evidence: ['Nghị'], expected: 'Nghị định số 61/2018/NĐ-CP' },
  { what: '"174/UBNDKSTTHC" (symbol without hyphen; "UBND-KSTTHC" elsewhere)', rule: 'reference', severity: 'info', expected: '174/UBND-KSTTHC' },
  { what: 'Phụ lục II "1667", "1235" without thousands dot while "7.693" has one', rule: 'number-format', severity: 'info', evidence: ['1667', '1235'] },
  { what: 'small counts padded "03"/"04" and not "3"/"4"', rule: 'number-format', severity: 'info', evidence: ['3', '4'] },
  { what: 'dates "09/03/2022", "31/08/2021" pad months above 2', rule: 'number-format', severity: 'info', evidence: ['09/03/2022', '31/08/2021'] },
  { what: 'A.3 "Trong quý, …" in a six-month report', rule: 'period', severity: 'info', evidence: ['Trong quý'] },
];

/** Figures that look suspicious but are consistent: the check must stay silent about them. */
const CONSISTENT: { what: string; figure: string; rules: string[]; table?: string }[] = [
  { what: '28.375/30.407 = 93,317% → "93,3%"', figure: '93,3%', rules: ['ratio'] },
  { what: '27.448/28.375 = 96,733% → "96,7%"', figure: '96,7%', rules: ['ratio'] },
  { what: '6/28.375 = 0,021% → "0,02%"', figure: '0,02%', rules: ['ratio'] },
  { what: '1.437/30.407 = 4,726% → "4,7%"', figure: '4,7%', rules: ['ratio'] },
  { what: '12.900/32.987 = 39,106% → "39,1%"; 12.900 + 20.087 = 32.987', figure: '39,1%', rules: ['ratio', 'sum'] },
  { what: '09 + 52 + 01 + 02 = 64', figure: '64', rules: ['sum'] },
  { what: '643 + 32 = 675', figure: '643', rules: ['sum'] },
  { what: '567 + 68 = 635 (the declared breakdown of resolved files)', figure: '567', rules: ['sum'] },
  { what: '30/50 agrees with Phụ lục I rows 2.1 = 50 and 2.2 = 30', figure: '30/50', rules: ['cross-section'] },
  { what: '"23/17" agrees with 23 tin, bài and 17 văn bản', figure: '23/17', rules: ['pair'] },
  { what: '1.235 + 282 + 150 = 1.667', figure: '282', rules: ['sum'] },
  { what: '80% + 15% = 95%', figure: '95%', rules: ['sum'] },
  { what: '08 phòng, ban listed: 8 items', figure: '08', rules: ['list-count'] },
  { what: 'Phụ lục I Biểu mẫu 2 rows 2.2, 3.2 "100%" with 0/0 are no data', figure: '100%', rules: ['derived', 'ratio'], table: 'Phụ lục I / Biểu mẫu 2' },
  { what: 'data windows from 15/12/2021 to the report date 09/6/2022', figure: '15/12/2021', rules: ['period'] },
];

function verifyArithmetic(): void {
  // The mistakes asserted above, recomputed here.
  expect(Math.round(((100 * 921) / 28375) * 100) / 100).toBe(3.25);
  expect(28375 + 1437).toBe(29812);
  expect(Math.round((100 * 2) / 3)).toBe(67);
  expect(635 + 18 + 18).toBe(671);
  // And the consistent ones.
  expect(Math.round(((100 * 27448) / 28375) * 10) / 10).toBe(96.7);
  expect(Math.round(((100 * 28375) / 30407) * 10) / 10).toBe(93.3);
  expect(Math.round(((100 * 6) / 28375) * 100) / 100).toBe(0.02);
  expect(Math.round(((100 * 1437) / 30407) * 10) / 10).toBe(4.7);
  expect(9 + 52 + 1 + 2).toBe(64);
  expect(643 + 32).toBe(675);
  expect(567 + 68).toBe(635);
  expect(1235 + 282 + 150).toBe(1667);
  expect(12900 + 20087).toBe(32987);
}

function describeSample(name: string, file: string, mode: 'bound' | 'recognized'): void {
  describe(`${name}`, () => {
    let report: CheckReport;
    beforeAll(async () => {
      expect(existsSync(file)).toBe(true);
      report = await check(readBytes(file), file);
    });

    it(`is checked in ${mode} mode, every field found, and the report follows the JSON contract`, () => {
      expect(report.mode).toBe(mode);
      expect(report.coverage?.fields.found).toBe(report.coverage?.fields.expected);
      expect(CheckReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
    });

    it('the arithmetic behind the expectations holds', verifyArithmetic);

    it.each(REAL_MISTAKES.map((m) => [m.what, m] as const))('reports: %s', (_what, m) => {
      const found = findAll(report, m);
      expect(found).toHaveLength(1);
      const f = found[0]!;
      expect(f.message).toMatch(VIETNAMESE);
      expect(f.locations.length).toBeGreaterThan(0);
      for (const l of f.locations) expect(l.excerpt.length).toBeLessThanOrEqual(240);
    });

    it('reports no other error (no false positive among errors)', () => {
      const errors = report.findings.filter((f) => f.severity === 'error');
      const unexpected = errors.filter((f) => !REAL_MISTAKES.some((m) => findAll({ ...report, findings: [f] }, m).length === 1));
      expect(unexpected).toEqual([]);
      expect(report.summary.error).toBe(REAL_MISTAKES.filter((m) => m.severity === 'error').length);
    });

    it.each(CONSISTENT.map((c) => [c.what, c] as const))('stays silent: %s', (_what, c) => {
      const about = report.findings.filter(
        (f) => c.rules.includes(f.rule) && f.evidence.includes(c.figure) && (c.table === undefined || f.locations.some((l) => l.table === c.table)),
      );
      expect(about).toEqual([]);
    });

    it('findings come errors first, then warnings, then notes, each in document order (first location\'s section)', () => {
      const severities = report.findings.map((f) => ['error', 'warning', 'info'].indexOf(f.severity));
      expect(severities).toEqual([...severities].sort((a, b) => a - b));
      expect(report.findings[0]?.severity).toBe('error');
      const order = ['header', 'A', 'B', 'closing', 'PL-I', 'PL-II', 'PL-III'];
      const rank = (s: string | undefined) => (s === undefined ? order.length : order.findIndex((p) => s === p || s.startsWith(`${p}.`)));
      for (const severity of ['error', 'warning', 'info'] as const) {
        const ranks = report.findings.filter((f) => f.severity === severity).map((f) => rank(f.locations[0]?.section));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }
    });

    it('locations name the appendix table, row and column of cells', () => {
      const [f] = findAll(report, REAL_MISTAKES[4]!);
      expect(f?.locations[0]).toMatchObject({ section: 'PL-II', table: 'Phụ lục II / Biểu mẫu 2', row: '3.4', column: 'Số liệu' });
      expect(f?.locations[0]?.excerpt).toContain('Tỷ lệ giải quyết phản ánh, kiến nghị');
    });
  });
}

describeSample('bound sample (assets/samples/bao-cao-cchc-6-thang-2022.docx)', BOUND_SAMPLE, 'bound');
describeSample('received copy (/work/shared/samples/received-…docx, another word processor)', RECEIVED_SAMPLE, 'recognized');

describe('bound sample: locations carry the content-control tag', () => {
  it('the ratio finding points at the a22.onTimePct control', async () => {
    const report = await check(readBytes(BOUND_SAMPLE));
    const [f] = findAll(report, REAL_MISTAKES[0]!);
    expect(f?.locations[0]).toMatchObject({ section: 'A.2.2', tag: 'a22.onTimePct' });
    expect(f?.message).toBe('Tỷ lệ hồ sơ trả đúng hạn ghi 3,24% nhưng 921/28.375 = 3,25% (làm tròn 2 chữ số thập phân).');
  });
});
