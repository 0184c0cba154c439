/**
 * The check's "kỳ báo cáo" rules for every kind of period (Nghị định 09/2019/NĐ-CP): a quarter's
 * data window is its three months (quý III: 15/6 – 14/9), a cumulative period's runs from 15/12 of
 * the previous year; the deadline is the 20th of the last month; a combined title "quý III và 9
 * tháng đầu năm" is the 9-month report and may speak of its quarter.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport, type Finding } from '../../src/core/check';
import type { TemplateDefinition } from '../../src/core/template/schema';
import { buildTemplateDocx } from '../../src/document/generate/build-template';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { TEMPLATES } from '../../src/templates';
import { REPO_DIR } from '../helpers/paths';
import { CCHC_6_THANG, CCHC_MAU_CHUNG } from '../helpers/templates';
import type { Block, DocumentSnapshot } from '../../src/document/types';

const para = (index: number, text: string): Block => ({ type: 'paragraph', index, text, spans: [] });

/** A short report: title, dated line, part A with one sentence; the period findings. */
function periodFindings(title: string, date: string, sentence: string): Pick<Finding, 'severity' | 'message' | 'expected'>[] {
  const blocks = [
    para(0, 'BÁO CÁO'),
    para(1, title),
    para(2, `Mai Sơn, ngày ${date}`),
    para(3, 'A. NHIỆM VỤ CỦA THÀNH VIÊN BAN CHỈ ĐẠO TỈNH VỀ CCHC'),
    para(4, sentence),
  ];
  const snapshot: DocumentSnapshot = { blocks, controls: [] };
  return checkReport({ definition: CCHC_6_THANG, snapshot, fileName: 'ky.docx' })
    .findings.filter((f) => f.rule === 'period')
    .map(({ severity, message, expected }) => ({ severity, message, ...(expected !== undefined ? { expected } : {}) }));
}

describe('kỳ báo cáo for quarters and cumulative periods', () => {
  const inQ3 = 'Số liệu tính từ ngày 15/6/2023 đến ngày 14/9/2023, huyện tiếp nhận 120 hồ sơ.';
  const fromDecember = 'Số liệu tính từ ngày 15/12/2022 đến ngày 14/9/2023, huyện tiếp nhận 120 hồ sơ.';

  test('quý III is 15/6 – 14/9: a window from 15/12 of the previous year is outside it', () => {
    expect(periodFindings('Tình hình, kết quả kiểm soát thủ tục hành chính quý III năm 2023', '15 tháng 9 năm 2023', inQ3)).toEqual([]);
    const outside = periodFindings('Tình hình, kết quả kiểm soát thủ tục hành chính quý III năm 2023', '15 tháng 9 năm 2023', fromDecember);
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatchObject({ severity: 'error', expected: 'từ 15/6/2023 đến 14/9/2023' });
    expect(outside[0]!.message).toContain('nằm ngoài kỳ báo cáo quý III (15/6/2023 – 14/9/2023');
  });

  test('9 tháng đầu năm and "quý III và 9 tháng đầu năm" run from 15/12 of the previous year and hold the quarter', () => {
    for (const title of ['Kết quả 9 tháng đầu năm 2023', 'Kết quả công tác quý III và 9 tháng đầu năm 2023']) {
      expect([title, periodFindings(title, '15 tháng 9 năm 2023', fromDecember)]).toEqual([title, []]);
      expect([title, periodFindings(title, '15 tháng 9 năm 2023', inQ3)]).toEqual([title, []]);
    }
  });

  test('"Trong quý, …" is stray wording in a 9-month report, not in a quarter or a combined title', () => {
    const sentence = 'Trong quý, huyện đã tiếp nhận 120 hồ sơ.';
    expect(periodFindings('Kết quả 9 tháng đầu năm 2023', '15 tháng 9 năm 2023', sentence).map((f) => f.severity)).toEqual(['info']);
    expect(periodFindings('Kết quả công tác quý III và 9 tháng đầu năm 2023', '15 tháng 9 năm 2023', sentence)).toEqual([]);
    expect(periodFindings('Kết quả công tác quý III năm 2023', '15 tháng 9 năm 2023', sentence)).toEqual([]);
  });

  test('quý II, quý IV: windows and the deadline on the 20th of the last month', () => {
    const q2 = 'Tình hình, kết quả kiểm soát thủ tục hành chính quý II năm 2023';
    expect(periodFindings(q2, '14 tháng 6 năm 2023', 'Số liệu tính từ ngày 15/3/2023 đến ngày 14/6/2023.')).toEqual([]);
    const early = periodFindings(q2, '14 tháng 6 năm 2023', 'Số liệu tính từ ngày 01/3/2023 đến ngày 14/6/2023.');
    expect(early.map((f) => f.expected)).toEqual(['từ 15/3/2023 đến 14/6/2023']);
    const late = periodFindings(q2, '25 tháng 6 năm 2023', 'Số liệu tính từ ngày 15/3/2023 đến ngày 14/6/2023.');
    expect(late.map((f) => [f.severity, f.message])).toEqual([['warning', 'Báo cáo quý II đề ngày 25/6/2023, sau hạn gửi 20/6/2023 (ngày 20 tháng cuối kỳ).']]);
    const q4 = 'Tình hình, kết quả kiểm soát thủ tục hành chính quý IV năm 2023';
    expect(periodFindings(q4, '14 tháng 12 năm 2023', 'Số liệu tính từ ngày 15/9/2023 đến ngày 14/12/2023.')).toEqual([]);
    // "quý II và 6 tháng đầu năm" is the 6-month report: from 15/12 of the previous year.
    expect(periodFindings('Kết quả quý II và 6 tháng đầu năm 2023', '14 tháng 6 năm 2023', 'Số liệu tính từ ngày 15/12/2022 đến ngày 14/6/2023.')).toEqual([]);
  });
});

describe('a period the template does not serve', () => {
  const KSTTHC = TEMPLATES.get('kiem-soat-tthc-quy');
  const layoutOf = (definition: TemplateDefinition) => fs.readFileSync(path.join(REPO_DIR, 'src', 'templates', definition.id, 'layout.txt'), 'utf8');
  /** The template's sample with its title line retitled (the body left as it is). */
  async function retitled(definition: TemplateDefinition, from: string, to: string) {
    const layout = layoutOf(definition);
    expect(layout.split(from)).toHaveLength(2); // the title is written once, as the layout's own line
    const snapshot = await OoxmlDocument.open(buildTemplateDocx(definition, layout.replace(from, to), 'sample')).read();
    const report = checkReport({ definition, snapshot, fileName: `${definition.id}.docx` });
    const titleBlock = snapshot.blocks.find((b) => b.type === 'paragraph' && b.text.trim() === to.trim());
    return { report, titleBlock: titleBlock?.index, served: report.findings.filter((f) => f.rule === 'period' && f.message.includes('chỉ dùng cho các kỳ')) };
  }
  const KSTTHC_TITLE = '\nTình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính quý I năm 2023\n';
  const CCHC_TITLE = '\nKết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\n';

  test('a quarterly TTHC report titled "6 tháng đầu năm" is warned, at its title', async () => {
    const { report, titleBlock, served } = await retitled(KSTTHC, KSTTHC_TITLE, KSTTHC_TITLE.replace('quý I năm 2023', '6 tháng đầu năm 2023'));
    expect(report.mode).not.toBe('generic');
    expect(served).toHaveLength(1);
    expect(served[0]!.severity).toBe('warning');
    expect(served[0]!.message).toMatch(/^Tiêu đề ghi kỳ "6 tháng đầu năm" nhưng mẫu ".+" chỉ dùng cho các kỳ: quý I, quý II, quý III, quý IV, năm; /);
    expect(titleBlock).toBeDefined();
    expect(served[0]!.locations.map((l) => l.anchor?.block)).toContain(titleBlock);
  });

  test('a CCHC office report titled "quý II" is warned; its served periods are named', async () => {
    const { report, served } = await retitled(CCHC_MAU_CHUNG, CCHC_TITLE, CCHC_TITLE.replace('6 tháng đầu năm 2023', 'quý II năm 2023'));
    expect(report.mode).not.toBe('generic');
    expect(served.map((f) => [f.severity, f.message.split(' nhưng ')[0]])).toEqual([['warning', 'Tiêu đề ghi kỳ "quý II"']]);
    expect(served[0]!.message).toContain('chỉ dùng cho các kỳ: quý I, 6 tháng đầu năm, 9 tháng đầu năm, năm;');
  });

  test('no warning for a served period, nor for a combined title naming a served quarter', async () => {
    expect((await retitled(KSTTHC, KSTTHC_TITLE, KSTTHC_TITLE.replace('quý I', 'quý III'))).served).toEqual([]);
    expect((await retitled(KSTTHC, KSTTHC_TITLE, KSTTHC_TITLE.replace('quý I năm 2023', 'quý II và 6 tháng đầu năm 2023'))).served).toEqual([]);
    expect((await retitled(CCHC_MAU_CHUNG, CCHC_TITLE, CCHC_TITLE.replace('6 tháng đầu năm', '9 tháng đầu năm'))).served).toEqual([]);
  });

  test('none when the title names no period, none in generic mode', async () => {
    expect((await retitled(KSTTHC, KSTTHC_TITLE, '\nTình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính\n')).served).toEqual([]);
    // A short report on no known template: generic mode serves every period.
    const snapshot: DocumentSnapshot = { blocks: [para(0, 'BÁO CÁO'), para(1, 'Kết quả công tác quý II năm 2023'), para(2, 'Mai Sơn, ngày 14 tháng 6 năm 2023')], controls: [] };
    const report = checkReport({ definition: CCHC_6_THANG, snapshot, fileName: 'ky.docx' });
    expect(report.mode).toBe('generic');
    expect(CCHC_6_THANG.periods).not.toContain('quy-ii');
    expect(report.findings.filter((f) => f.rule === 'period')).toEqual([]);
  });
});
