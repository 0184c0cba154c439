/**
 * A bound figure the check cannot read is an error at its place, and the relations that need it
 * say they were not checked (issue 9: "675 hồ sơ" in the control made the sum error on 675
 * vanish without a word).
 */
import { checkReport, type CheckReport } from '../../src/core/check';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { BOUND_SAMPLE, VIETNAMESE, readBytes } from './helpers';

async function withControlText(tag: string, text: string): Promise<CheckReport> {
  const doc = OoxmlDocument.open(readBytes(BOUND_SAMPLE));
  const snapshot = await doc.read();
  const control = snapshot.controls.find((c) => c.tag === tag)!;
  await doc.apply([{ kind: 'control', controlIndex: control.index, text }]);
  return checkReport({ definition: CCHC_6_THANG, snapshot: await OoxmlDocument.open(doc.save()).read(), fileName: 'unreadable.docx' });
}

describe('unreadable bound figures', () => {
  let clean: CheckReport;
  beforeAll(async () => {
    clean = checkReport({ definition: CCHC_6_THANG, snapshot: await OoxmlDocument.open(readBytes(BOUND_SAMPLE)).read(), fileName: 'sample.docx' });
  });

  it('the sample as signed: the sum error on 675 is there and no figure is unreadable', () => {
    expect(clean.findings.some((f) => f.rule === 'sum' && f.severity === 'error' && f.evidence.includes('675'))).toBe(true);
    expect(clean.findings.some((f) => f.message.startsWith('Không đọc được số liệu'))).toBe(false);
  });

  it.each(['675 hồ sơ', 'khoảng 675'])('"%s" in the received-files control is an error at that place naming the sums it blocks', async (text) => {
    const report = await withControlText('bii22.received', text);
    const unreadable = report.findings.filter((f) => f.message.startsWith('Không đọc được số liệu'));
    expect(unreadable).toHaveLength(1);
    const f = unreadable[0]!;
    expect(f).toMatchObject({ rule: 'number-format', severity: 'error', evidence: [text], expected: '675' });
    expect(f.message).toContain(`'${text}'`);
    expect(f.message).toMatch(VIETNAMESE);
    expect(f.locations).toEqual([expect.objectContaining({ section: 'B.II.2.2', tag: 'bii22.received' })]);
    // Both sums with this total are named as not checked; the sum error itself is gone.
    expect(f.message).toContain('Không kiểm tra được: tổng Số hồ sơ Văn phòng đã tiếp nhận = Số hồ sơ tiếp nhận mới + Số hồ sơ kỳ trước chuyển sang');
    expect(f.message).toContain('Số hồ sơ đã giải quyết + Số hồ sơ trả lại + Số hồ sơ đang giải quyết');
    expect(report.findings.some((x) => x.rule === 'sum' && x.evidence.includes('675'))).toBe(false);
    expect(report.summary.error).toBe(clean.summary.error);
  });

  it('an unreadable percentage names its ratio', async () => {
    const report = await withControlText('a22.onTimePct', 'khoảng 3,24%');
    const f = report.findings.find((x) => x.message.startsWith('Không đọc được số liệu'));
    expect(f).toMatchObject({ severity: 'error', evidence: ['khoảng 3,24%'], expected: '3,24%' });
    expect(f!.message).toContain('Không kiểm tra được: Tỷ lệ hồ sơ trả đúng hạn = Số hồ sơ trả đúng hạn');
  });
});
