/**
 * planRollover beyond one step: a rolled report rolled again (6 tháng 2022 → năm 2022 → quý I
 * 2023), warnings for a target that is not later or a date outside the period, and an explicit
 * source period.
 */
import { checkReport } from '../../src/core/check';
import { extractReport } from '../../src/core/model/extract';
import { planRollover } from '../../src/core/rollover';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import type { DocumentSnapshot } from '../../src/document/types';
import { BOUND_SAMPLE, readBytes } from './helpers';

async function rollTo(bytes: Uint8Array, to: { kind: 'nam' | 'quy-i' | '6-thang'; year: number }) {
  const doc = OoxmlDocument.open(bytes);
  const plan = planRollover(CCHC_6_THANG, await doc.read(), { to });
  await doc.apply(plan.edits);
  const out = doc.save();
  return { plan, out, snapshot: await OoxmlDocument.open(out).read() };
}

const paragraphs = (s: DocumentSnapshot) => s.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.cells.map((c) => c.text))));

describe('planRollover', () => {
  const source = readBytes(BOUND_SAMPLE);

  test('a rolled report rolls again: năm 2022 → quý I 2023 is read from its own title', async () => {
    const year = await rollTo(source, { kind: 'nam', year: 2022 });
    const q1 = await rollTo(year.out, { kind: 'quy-i', year: 2023 });
    expect(q1.plan.from).toEqual({ kind: 'nam', year: 2022 });
    const data = extractReport(CCHC_6_THANG, q1.snapshot);
    expect(data.fields['meta.periodLabel']?.text).toBe('quý I năm 2023'); // "năm 2022" had its year
    expect(data.fields['meta.nextPeriodLabel']?.text).toBe('quý II năm 2023');
    expect(data.fields['meta.reportDate']?.text).toBe('ngày 14 tháng 3 năm 2023');
    expect(data.fields['bi1.planTasks']?.text).toBeNull(); // year-to-date, new year
    expect(data.fields['bii44.civilQuota']?.text).toBe('60');
    const text = paragraphs(q1.snapshot);
    expect(text).toContain('III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2023');
    expect(text.some((t) => t.startsWith('1. Trong quý I năm 2023, thành viên Ban chỉ đạo'))).toBe(true);
    // "trong năm" of a row label is not the report's period.
    expect(text).toContain('Tổng số biên chế được giao trong năm');
    const report = checkReport({ definition: CCHC_6_THANG, snapshot: q1.snapshot, fileName: 'q1.docx' });
    expect(report.findings.filter((f) => f.rule === 'period')).toEqual([]);
    expect(report.summary.error).toBe(0);
  });

  test('warns when the target is not later than the source or the date is outside the period', async () => {
    const snapshot = await OoxmlDocument.open(source).read();
    const same = planRollover(CCHC_6_THANG, snapshot, { to: { kind: '6-thang', year: 2022 } });
    expect(same.warnings).toContain('Kỳ mới (6 tháng đầu năm 2022) không sau kỳ của báo cáo nguồn (6 tháng đầu năm 2022).');
    // Not later: year-to-date figures start over.
    expect(same.summary.cleared.some((c) => c.id === 'bi1.planTasks')).toBe(true);
    const late = planRollover(CCHC_6_THANG, snapshot, { to: { kind: 'nam', year: 2022 }, reportDate: { day: 5, month: 1, year: 2023 } });
    expect(late.warnings).toContain('Ngày báo cáo 05/01/2023 nằm ngoài kỳ năm 2022 (từ 15/12/2021, hạn gửi 20/12/2022).');
    // The data end never passes the cut-off.
    expect(late.summary.changed.find((c) => c.id === 'meta.dataTo')?.after).toBe('14/12/2022');
    expect(late.summary.changed.find((c) => c.id === 'meta.reportDate')?.after).toBe('ngày 05 tháng 01 năm 2023');
  });

  test('an explicit source period is used as given', async () => {
    const snapshot = await OoxmlDocument.open(source).read();
    const plan = planRollover(CCHC_6_THANG, snapshot, { from: { kind: 'quy-i', year: 2022 }, to: { kind: 'nam', year: 2022 } });
    expect(plan.from).toEqual({ kind: 'quy-i', year: 2022 });
    // The six-month phrases are not the source period's: only the quarter's are rewritten.
    expect(plan.prose.filter((p) => p.reason === 'period-label')).toEqual([]);
  });
});
