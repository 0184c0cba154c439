import { readFileSync } from 'node:fs';
import { layoutToSnapshot, parseInline, parseLayout } from '../../src/core/layout/parse';
import type { LayoutParagraph, LayoutTable } from '../../src/core/layout/types';
import { LAYOUT_PATH } from '../../src/cli/assets';
import { SEED_TEXT } from '../helpers/paths';

const layoutText = readFileSync(LAYOUT_PATH, 'utf8');
const blocks = parseLayout(layoutText);
const paragraphs = blocks.filter((b): b is LayoutParagraph => b.type === 'paragraph');
const tables = blocks.filter((b): b is LayoutTable => b.type === 'table');

describe('report layout', () => {
  test('the committed layout is the canonical report text from shared/spec', () => {
    expect(layoutText).toBe(readFileSync(SEED_TEXT, 'utf8'));
  });

  test('inline markup becomes runs', () => {
    expect(parseInline('b) *Rà soát:* Thực hiện')).toEqual([{ text: 'b) ' }, { text: 'Rà soát:', italic: true }, { text: ' Thực hiện' }]);
    expect(parseInline('<i>Văn bản</i>')).toEqual([{ text: 'Văn bản', italic: true }]);
    // Broken markdown in the transcript marks a bold-italic line.
    expect(parseInline('***Thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao**')).toEqual([
      { text: 'Thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao', bold: true, italic: true },
    ]);
  });

  test('header and closing follow Nghị định 30/2020', () => {
    const header = blocks[0];
    expect(header?.type).toBe('header');
    if (header?.type !== 'header') return;
    expect(header.left.map((p) => p.text)).toEqual(['UBND TỈNH SƠN LA', 'VĂN PHÒNG', 'Số: /BC-VPUB']);
    expect(header.right.map((p) => p.text)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Sơn La, ngày 09 tháng 6 năm 2022']);
    const closing = blocks.find((b) => b.type === 'closing');
    expect(closing?.type === 'closing' && closing.right.map((p) => p.text)).toEqual(['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Sòi Đức Nghĩa']);
  });

  test('paragraphs cut by a page break are joined, headings are not swallowed', () => {
    const cut = paragraphs.find((p) => p.text.includes('Kế hoạch số 19/KH-VPUB ngày 16/02/2022 về nâng cao Chỉ số'));
    expect(cut).toBeDefined();
    expect(paragraphs.some((p) => p.text.startsWith('nâng cao Chỉ số hiệu quả'))).toBe(false);
    expect(paragraphs.find((p) => p.text.includes('Nghị quyết số 02/NQ-CP ngày 10/01/2022'))).toBeDefined();
    const heading = paragraphs.find((p) => p.text.startsWith('3.3. Về kiểm tra'));
    expect(heading?.role).toBe('heading');
    expect(heading?.text.endsWith('hoạt động của Văn phòng')).toBe(true);
    // Every seed line is in exactly one paragraph or cell, in order.
    const all = blocks
      .map((b) => (b.type === 'paragraph' ? b.text : b.type === 'table' ? b.rows.flat().map((c) => c.text).join(' ') : [...b.left, ...b.right].map((p) => p.text).join(' ')))
      .join(' ');
    expect(all).toContain('Hồ sơ đang giải quyết: 1.437 hồ sơ, chiếm 4,7%.');
  });

  test('appendix tables: forms with two header rows, repeated headers and split rows merged', () => {
    expect(tables.filter((t) => t.kind === 'form')).toHaveLength(8); // Phụ lục I: 6 forms, Phụ lục II: 2
    expect(tables.filter((t) => t.kind === 'tasks')).toHaveLength(1); // Phụ lục III, one table across pages
    const pl2bm2 = tables[7]!;
    const codes = pl2bm2.rows.map((r) => r[0]!.text);
    expect(codes).not.toContain('STT'); // repeated header rows dropped (the header row repeats by itself)
    expect(codes).toEqual(expect.arrayContaining(['1.4.2.', '3.3.2.', '3.4.2.']));
    expect(pl2bm2.headerRows[0]![2]!.span).toBe(2);
    const tasks = tables[8]!;
    const row = tasks.rows.find((r) => r[1]!.text.startsWith('Tổ chức tốt việc tiếp nhận'));
    expect(row?.[1]?.text).toBe('Tổ chức tốt việc tiếp nhận và xử lý phản ánh, kiến nghị của tổ chức, công dân về quy định hành chính, thực hiện giải quyết TTHC tại cơ quan hành chính nhà nước các cấp.');
    const list = tasks.rows.find((r) => r[2]!.text.startsWith('- Kế hoạch số 01/KH-UBND'));
    expect(list?.[2]?.paragraphs).toHaveLength(2);
  });

  test('as a snapshot: one block per layout block, header rows flagged', () => {
    const snapshot = layoutToSnapshot(blocks);
    expect(snapshot.blocks).toHaveLength(blocks.length);
    const firstForm = snapshot.blocks[blocks.indexOf(tables[0]!)];
    expect(firstForm?.type === 'table' && firstForm.rows.slice(0, 3).map((r) => r.header)).toEqual([true, true, false]);
  });
});
