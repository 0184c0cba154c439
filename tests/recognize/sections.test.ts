import * as fs from 'node:fs';
import { layoutToSnapshot, parseLayout } from '../../src/core/layout/parse';
import { computeSections, inSection, parseHeading } from '../../src/core/recognize';
import type { DocumentSnapshot } from '../../src/document/types';
import { SEED_TEXT } from '../helpers/paths';
import { transcriptToSnapshot } from '../helpers/transcript';

const seed = fs.readFileSync(SEED_TEXT, 'utf8');

/**
 * Section of the first paragraph starting with `start`; else of the first block containing it
 * (a header table cell, or a paragraph the layout joined with the one before).
 */
function sectionOf(snapshot: DocumentSnapshot, start: string): string | undefined {
  const sections = computeSections(snapshot);
  const text = (b: DocumentSnapshot['blocks'][number]) => (b.type === 'paragraph' ? b.text : b.rows.flatMap((r) => r.cells.map((c) => c.text)).join('\n'));
  const block = snapshot.blocks.find((b) => b.type === 'paragraph' && b.text.startsWith(start)) ?? snapshot.blocks.find((b) => text(b).includes(start));
  return block ? sections[block.index]?.path : undefined;
}

const para = (text: string, index: number) => ({ type: 'paragraph' as const, index, text, spans: [] });
const doc = (...texts: string[]): DocumentSnapshot => ({ blocks: texts.map(para), controls: [] });

describe('parseHeading', () => {
  test.each([
    ['A. BÁO CÁO TÌNH HÌNH', { level: 'letter', label: 'A' }],
    ['III. PHƯƠNG HƯỚNG', { level: 'roman', label: 'III' }],
    ['4.10. Về đổi mới', { level: 'number', numbers: [4, 10] }],
    ['5.2.1 Về thực hiện', { level: 'number', numbers: [5, 2, 1] }],
    ['1. Trong 6 tháng đầu năm', { level: 'number', numbers: [1] }],
    ['đ) Truyền thông', { level: 'item', label: 'đ' }],
    ['Phụ lục II', { level: 'appendix', label: 'II' }],
    ['Biểu mẫu 6', { level: 'form', form: 6 }],
    ['Nơi nhận:', { level: 'closing' }],
  ])('%s', (text, expected) => {
    expect(parseHeading(text)).toEqual(expected);
  });

  test.each(['30.407 hồ sơ đã tiếp nhận', '15 Quyết định công bố', 'Ngày 06/02/2022, Văn phòng', 'nâng cao Chỉ số hiệu quả'])('not a heading: %s', (text) => {
    const h = parseHeading(text);
    expect(h === undefined || h.level === 'number').toBe(true);
    if (h?.level === 'number') expect(h.numbers).not.toEqual([15]);
  });
});

describe('computeSections', () => {
  const layout = layoutToSnapshot(parseLayout(seed));
  const raw = transcriptToSnapshot(seed);

  test.each([
    ['Sơn La, ngày 09', 'header'],
    ['Thực hiện Quyết định số 3162/QĐ-UBND ngày 20/12/2021 của UBND tỉnh về ban hành kế hoạch cải cách hành chính tỉnh Sơn La năm 2022; Công văn', 'header'],
    ['1. Trong 6 tháng đầu năm', 'A.1'],
    ['a) Đã phối hợp', 'A.2.1'],
    ['e) Kiểm tra thực hiện', 'A.2.1'],
    ['Từ ngày 15/12/2021', 'A.2.2'],
    ['Thành viên Ban chỉ đạo đã chỉ đạo Văn phòng tham mưu', 'A.3'],
    ['Thực hiện Quyết định số 3162/QĐ-UBND ngày 20/12/2021 của UBND tỉnh về ban hành kế hoạch cải cách hành chính tỉnh Sơn La năm 2022. Ngày', 'B.I.1'],
    ['Trong 6 tháng đầu năm, Văn phòng làm tốt công tác thi đua', 'B.I.2.4'],
    ['Tính từ 15/12/2021', 'B.II.2.2'],
    ['Tính tới thời điểm báo cáo', 'B.II.4.4'],
    ['Năm 2021, Văn phòng đã đánh giá', 'B.II.4.14'],
    ['5.2.2 Về thực hiện', 'B.II.5.2.2'],
    ['3. Tổ chức kiểm tra theo Kế hoạch', 'B.III.3'],
    ['Văn phòng UBND tỉnh trân trọng báo cáo', 'closing'],
    ['(kèm theo Báo cáo tháng 3', 'PL-I'],
    ['Cải cách thủ tục hành chính', 'PL-II'],
    ['6 THÁNG ĐẦU NĂM NĂM 2022', 'PL-III'],
  ])('%s → %s (layout and raw transcript)', (start, path) => {
    expect(sectionOf(layout, start)).toBe(path);
    expect(sectionOf(raw, start)).toBe(path);
  });

  test('the header put in a table is "header"; a paragraph continued after a page break keeps its section', () => {
    const sections = computeSections(layout);
    expect(layout.blocks[0]?.type).toBe('table');
    expect(sections[0]?.path).toBe('header');
    expect(sectionOf(raw, 'nâng cao Chỉ số hiệu quả quản trị và hành chính công năm 2022; Kế hoạch số 216')).toBe('A.1');
    expect(sectionOf(raw, 'tương trợ, hỗ trợ nhau')).toBe('B.II.3.3');
  });

  test('appendix forms come from "Biểu mẫu N" headings', () => {
    const sections = computeSections(layout);
    const forms = layout.blocks.flatMap((b) => (b.type === 'table' && sections[b.index]?.appendix ? [`${sections[b.index]?.appendix}/${sections[b.index]?.form ?? '-'}`] : []));
    expect(forms).toEqual(['I/1', 'I/2', 'I/3', 'I/4', 'I/5', 'I/6', 'II/1', 'II/2', 'III/-']);
  });

  test('implausible numbers do not move the path; NFD text and missing spaces are tolerated', () => {
    const snap = doc('A. PHẦN A', '1. Mục một', '30.407 hồ sơ được tiếp nhận', '2.1.Mục con', '7. Không liên tiếp', 'Phụ lục I'.normalize('NFD'), 'Biểu mẫu 2');
    expect(computeSections(snap).map((s) => s.path)).toEqual(['A', 'A.1', 'A.1', 'A.1', 'A.1', 'PL-I', 'PL-I']);
    const s = doc('A. X', '1. Y', '2. Z', '2.1. W', '2.2. V', '3. U');
    expect(computeSections(s).map((x) => x.path)).toEqual(['A', 'A.1', 'A.2', 'A.2.1', 'A.2.2', 'A.3']);
  });

  test('inSection matches by path components', () => {
    expect(inSection('A.2.1', 'A.2')).toBe(true);
    expect(inSection('A.2', 'A.2')).toBe(true);
    expect(inSection('A.21', 'A.2')).toBe(false);
    expect(inSection('B.II.4.14', 'B.II.4.1')).toBe(false);
  });
});
