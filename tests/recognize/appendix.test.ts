import * as fs from 'node:fs';
import { layoutToSnapshot, parseLayout } from '../../src/core/layout/parse';
import { mapAppendixTables, normalizeRowKey } from '../../src/core/recognize';
import { headerWords } from '../../src/core/recognize/appendix';
import { CCHC_6_THANG } from '../helpers/templates';
import type { DocumentSnapshot, TableBlock } from '../../src/document/types';
import { SEED_TEXT } from '../helpers/paths';
import { transcriptToSnapshot } from '../helpers/transcript';

/** The header wordings of the template's appendices (template.json). */
const WORDS = headerWords(CCHC_6_THANG.appendices);

const seed = fs.readFileSync(SEED_TEXT, 'utf8');
const layout = layoutToSnapshot(parseLayout(seed));
const raw = transcriptToSnapshot(seed);

const cellText = (snap: DocumentSnapshot, tableIndex: number, rowIndex: number, cell: number | undefined) =>
  cell === undefined ? undefined : (snap.blocks[tableIndex] as TableBlock).rows[rowIndex]?.cells[cell]?.text;

function value(snap: DocumentSnapshot, appendix: 'I' | 'II' | 'III', form: number | undefined, row: string, col: 'value' | 'output' | 'unit' | 'label' | 'task' = 'value') {
  const hit = mapAppendixTables(snap, WORDS).findRow(appendix, form, row);
  const part = hit?.row.parts[0];
  return part ? cellText(snap, part.tableIndex, part.rowIndex, part.cells[col]) : undefined;
}

describe('normalizeRowKey', () => {
  test.each([
    ['4.1.', '4.1'],
    [' 2.2. ', '2.2'],
    ['III.3', 'III.3'],
    ['3.2 #1', '3.2#1'],
  ])('%s → %s', (a, b) => expect(normalizeRowKey(a)).toBe(b));
});

describe.each([
  ['layout', layout],
  ['raw transcript', raw],
])('mapAppendixTables (%s)', (_name, snap) => {
  const map = mapAppendixTables(snap, WORDS);

  test('forms of Phụ lục I, II and III are found by their headings', () => {
    expect(map.forms.map((f) => `${f.appendix}/${f.form ?? '-'}`)).toEqual(['I/1', 'I/2', 'I/3', 'I/4', 'I/5', 'I/6', 'II/1', 'II/2', 'III/-']);
    expect(map.forms.every((f) => f.duplicates.length === 0)).toBe(true);
  });

  test('columns come from header text: "Kết quả thống kê" spans Đơn vị tính + Số liệu', () => {
    expect(value(snap, 'I', 1, '2.1')).toBe('50');
    expect(value(snap, 'I', 1, '2.1', 'unit')).toBe('Nhiệm vụ');
    expect(value(snap, 'I', 1, '4.2')).toBe('7.693');
    expect(value(snap, 'II', 2, '1.4')).toBe('1667');
  });

  test('row codes are normalised ("4.1." = "4.1"); repeated header rows are skipped', () => {
    expect(value(snap, 'I', 1, '4.1.')).toBe('');
    expect(value(snap, 'I', 1, '4.3')).toBe('05');
    // Biểu mẫu 2 of Phụ lục II repeats its header twice mid-table (page tops).
    const bm2 = map.forms.find((f) => f.appendix === 'II' && f.form === 2);
    expect(bm2?.rows.map((r) => r.key)).toEqual(['1', '1.1', '1.2', '1.3', '1.4', '1.4.1', '1.4.2', '1.4.3', '2', '2.1', '2.2', '2.3', '3', '3.1', '3.1.1', '3.1.2', '3.2', '3.2.1', '3.2.2', '3.3', '3.3.1', '3.3.2', '3.4', '3.4.1', '3.4.2']);
    // A form split by a page break with no repeated header (Biểu mẫu 1 after row 5.1).
    expect(value(snap, 'I', 1, '5.3')).toBe('23/17');
  });

  test('"Trong đó" and empty-code rows are sub-rows "<code>#n"', () => {
    const bm6 = map.forms.find((f) => f.appendix === 'I' && f.form === 6);
    expect(bm6?.rows.filter((r) => r.key.includes('#')).map((r) => r.key)).toEqual(['3.1#1', '3.2#1', '3.2#2', '3.3#1']);
    expect(value(snap, 'I', 6, '3.1#1')).toBe('100%');
    expect(value(snap, 'I', 6, '3.2#1')).toBe('80%');
    expect(value(snap, 'I', 6, '3.2#2')).toBe('15%');
  });

  test('Phụ lục III rows are grouped by Roman numerals', () => {
    const pl3 = map.forms.find((f) => f.appendix === 'III');
    const tasks = pl3?.rows.filter((r) => !/^[IVX]+$/.test(r.key)) ?? [];
    expect(tasks).toHaveLength(50);
    expect(pl3?.rows.filter((r) => /^[IVX]+$/.test(r.key)).map((r) => r.key)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    expect(value(snap, 'III', undefined, 'III.4', 'output')).toBe('Tham gia ý kiến dự thảo quy trình nội bộ của 15 sở, ban, ngành.');
    expect(value(snap, 'III', undefined, 'VII.8', 'task')).toMatch(/^Triển khai có hiệu quả Hệ thống phòng họp không giấy/);
  });
});

test('a task row cut at a page end (empty STT after a repeated header) continues the previous row', () => {
  const row = mapAppendixTables(raw, WORDS).findRow('III', undefined, 'III.8')?.row;
  expect(row?.parts).toHaveLength(2);
  const [first, second] = row!.parts;
  expect(cellText(raw, first!.tableIndex, first!.rowIndex, first!.cells.task)).toMatch(/tại cơ$/);
  expect(cellText(raw, second!.tableIndex, second!.rowIndex, second!.cells.task)).toBe('quan hành chính nhà nước các cấp.');
  // The layout joins the two halves into one row.
  expect(mapAppendixTables(layout, WORDS).findRow('III', undefined, 'III.8')?.row.parts).toHaveLength(1);
});

test('header rows with merged cells (gridSpan, vMerge) map columns by grid position', () => {
  const snap: DocumentSnapshot = {
    controls: [],
    blocks: [
      { type: 'paragraph', index: 0, text: 'Phụ lục I', spans: [] },
      { type: 'paragraph', index: 1, text: 'Biểu mẫu 3', spans: [] },
      {
        type: 'table',
        index: 2,
        rows: [
          { header: true, cells: [{ text: 'TT', span: 1, mergedUp: false }, { text: 'Chỉ tiêu thống kê', span: 1, mergedUp: false }, { text: 'Kết quả thống kê', span: 2, mergedUp: false }, { text: 'Ghi chú', span: 1, mergedUp: false }] },
          { header: true, cells: [{ text: '', span: 1, mergedUp: true }, { text: '', span: 1, mergedUp: true }, { text: 'Số liệu', span: 1, mergedUp: false }, { text: 'Đơn vị tính', span: 1, mergedUp: false }, { text: '', span: 1, mergedUp: true }] },
          { header: false, cells: ['2.1', 'Tổng số biên chế', '60', 'Người', ''].map((text) => ({ text, span: 1, mergedUp: false })) },
        ],
      },
    ],
  };
  // Columns swapped in this received form: the lower header row decides.
  expect(value(snap, 'I', 3, '2.1')).toBe('60');
  expect(value(snap, 'I', 3, '2.1', 'unit')).toBe('Người');
});
