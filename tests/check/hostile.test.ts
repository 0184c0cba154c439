/**
 * The check on generated hostile input (issue 9): one paragraph with 20 000 figures, a sentence
 * with 10 000 percentages, 5 000 paragraphs with a share each, more findings than a call's argument limit. Each must finish (a
 * generous ceiling catches a quadratic regression, which took 33 s here before) and still
 * report what it reads; budgets proper live in `npm run bench`.
 */
import { checkReport, type CheckReport } from '../../src/core/check';
import { CCHC_6_THANG } from '../helpers/templates';
import type { DocumentSnapshot } from '../../src/document/types';

const CEILING_MS = 30_000;

function snapshotOf(paragraphs: string[]): DocumentSnapshot {
  return { blocks: paragraphs.map((text, index) => ({ type: 'paragraph' as const, index, text, spans: [] })), controls: [] };
}

function timedCheck(paragraphs: string[]): { report: CheckReport; ms: number } {
  const snapshot = snapshotOf(paragraphs);
  const t0 = performance.now();
  const report = checkReport({ definition: CCHC_6_THANG, snapshot, fileName: 'hostile.docx' });
  return { report, ms: performance.now() - t0 };
}

describe('the check on hostile generated input', () => {
  it('one paragraph with 20 000 ungrouped counts: all are reported in one finding, within the ceiling', () => {
    const figures = Array.from({ length: 20_000 }, (_, i) => `${10_000 + i} hồ sơ`);
    const { report, ms } = timedCheck([`Tiếp nhận ${figures.join(', ')}.`]);
    expect(ms).toBeLessThan(CEILING_MS);
    // One finding for the kind of slip, naming how many; its places are the one sentence.
    const grouping = report.findings.filter((f) => f.rule === 'number-format' && f.message.includes('thiếu dấu chấm phân cách hàng nghìn'));
    expect(grouping).toHaveLength(1);
    expect(grouping[0]!.message).toMatch(/^20\.000 số thiếu dấu chấm phân cách hàng nghìn\. Viết đúng: "10000" → "10\.000", .*, … \(cộng 20\.000 chỗ\)\.$/u);
    expect(grouping[0]!.locations).toHaveLength(1);
    expect(grouping[0]!.locations[0]!.excerpt.length).toBeLessThanOrEqual(240);
  });

  it('one sentence with 10 000 shares: not read (counted unverified), within the ceiling', () => {
    const shares = Array.from({ length: 10_000 }, (_, i) => `${1_000 + (i % 1_000)} hồ sơ, chiếm 50%`);
    const { report, ms } = timedCheck([`Tiếp nhận 5.000 hồ sơ; đã giải quyết ${shares.join('; ')}.`]);
    expect(ms).toBeLessThan(CEILING_MS);
    expect(report.findings.filter((f) => f.rule === 'ratio')).toEqual([]);
    expect(report.checked?.unverified).toBe(1);
  });

  it('5 000 paragraphs of one section, each with a wrong share: each is judged, within the ceiling', () => {
    // 300/400 = 75%, never 50%: one ratio error per paragraph (the passage is read paragraph by paragraph).
    const paragraphs = Array.from({ length: 5_000 }, (_, i) => `Đợt ${i + 1}: tiếp nhận 400 hồ sơ; đã giải quyết 300 hồ sơ, chiếm 50%.`);
    const { report, ms } = timedCheck(paragraphs);
    expect(ms).toBeLessThan(CEILING_MS);
    const ratio = report.findings.filter((f) => f.rule === 'ratio' && f.severity === 'error');
    expect(ratio).toHaveLength(5_000);
    expect(ratio.every((f) => f.evidence.includes('50%') && f.expected === '75%')).toBe(true);
    expect(report.checked?.ratio).toBe(5_000);
  });

  it('more than 120 000 findings do not overflow the stack', () => {
    // Each citation says "ngày" with no date after it: one error per citation.
    const n = 130_000;
    const paragraphs: string[] = [];
    const perParagraph = 1_000;
    for (let p = 0; p < n / perParagraph; p++) {
      const cites: string[] = [];
      for (let i = 0; i < perParagraph; i++) cites.push(`Quyết định số ${p * perParagraph + i}/QĐ-UBND ngày ,`);
      paragraphs.push(cites.join(' '));
    }
    const { report, ms } = timedCheck(paragraphs);
    expect(ms).toBeLessThan(3 * CEILING_MS);
    const missing = report.findings.filter((f) => f.rule === 'reference' && f.message.includes('không có ngày tháng'));
    expect(missing).toHaveLength(n);
    expect(report.summary.error).toBeGreaterThanOrEqual(n);
  }, 120_000);
});
