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

describe('wide forms: value columns named by their header path', () => {
  // A wide form in the layout notation: "<" joins the cell on the left, "^" the cell above.
  const WIDE_LAYOUT = [
    'Phụ lục I',
    'TÌNH HÌNH GIẢI QUYẾT',
    '',
    ['STT', 'Đơn vị', 'Số hồ sơ nhận giải quyết', '<', '<', 'Số hồ sơ đã giải quyết', '<', '<'].join('\t'),
    ['^', '^', 'Tổng số', 'Mới tiếp nhận', '<', 'Tổng số', 'Trước hạn', 'Quá hạn'].join('\t'),
    ['^', '^', '^', 'Trực tuyến', 'Trực tiếp', '^', '^', '^'].join('\t'),
    ['1', 'Cấp huyện', '100', '60', '40', '90', '80', '10'].join('\t'),
    ['2', 'Cấp xã', '200', '150', '50', '190', '185', '5'].join('\t'),
    ['', 'TỔNG CỘNG', '300', '210', '90', '280', '265', '15'].join('\t'),
  ].join('\n');
  const column = (name: string, path: string[]) => ({ name, role: 'value' as const, headers: [], path });
  const APPENDICES = [
    {
      id: 'I',
      columnGroups: [],
      columns: [
        { name: 'STT', role: 'code' as const, headers: [] },
        { name: 'Đơn vị', role: 'label' as const, headers: [] },
        column('nhận / tổng', ['Số hồ sơ nhận giải quyết', 'Tổng số']),
        column('trực tuyến', ['Số hồ sơ nhận giải quyết', 'Trực tuyến']), // "Mới tiếp nhận" left out
        column('trực tiếp', ['Mới tiếp nhận', 'Trực tiếp']),
        column('đã giải quyết / tổng', ['Số hồ sơ đã giải quyết', 'Tổng số']),
        column('quá hạn', ['Quá hạn']),
        column('tổng số', ['Tổng số']), // names two columns: ambiguous, left unfound
      ],
    },
  ];
  const words = headerWords(APPENDICES);
  const blocks = parseLayout(WIDE_LAYOUT);
  const wide = layoutToSnapshot(blocks);
  const named = (snap: DocumentSnapshot, row: string, name: string) => {
    const part = mapAppendixTables(snap, words).findRow('I', undefined, row)?.row.parts[0];
    return part ? cellText(snap, part.tableIndex, part.rowIndex, part.named?.[name]) : undefined;
  };

  test('the layout writes the merges: spans, vertical merges, three header rows, landscape', () => {
    const table = blocks.find((b) => b.type === 'table');
    expect(table).toMatchObject({ kind: 'grid', landscape: true });
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.headerRows.map((r) => r.map((c) => `${c.text}${c.span ? `*${c.span}` : ''}${c.vMerge === 'restart' ? '↓' : c.vMerge ? '^' : ''}`))).toEqual([
      ['STT↓', 'Đơn vị↓', 'Số hồ sơ nhận giải quyết*3', 'Số hồ sơ đã giải quyết*3'],
      ['^', '^', 'Tổng số↓', 'Mới tiếp nhận*2', 'Tổng số↓', 'Trước hạn↓', 'Quá hạn↓'],
      ['^', '^', '^', 'Trực tuyến', 'Trực tiếp', '^', '^', '^'],
    ]);
    expect(table.rows).toHaveLength(3);
  });

  test('each declared path finds its cell in every row; a path naming two columns finds none', () => {
    expect(['1', '2', 'Tổng cộng'].map((r) => named(wide, r, 'nhận / tổng'))).toEqual(['100', '200', '300']);
    expect(named(wide, '1', 'trực tuyến')).toBe('60');
    expect(named(wide, '2', 'trực tiếp')).toBe('50');
    expect(named(wide, '2', 'đã giải quyết / tổng')).toBe('190');
    expect(named(wide, 'Tổng cộng', 'quá hạn')).toBe('15');
    expect(named(wide, '1', 'tổng số')).toBeUndefined();
    // Code and label keep their roles; no cell is taken for the role "value".
    const part = mapAppendixTables(wide, words).findRow('I', undefined, '2')!.row.parts[0]!;
    expect([cellText(wide, part.tableIndex, part.rowIndex, part.cells.label), part.cells.value]).toEqual(['Cấp xã', undefined]);
  });

  test('a row without a code is found by its label (case and spacing aside); a code wins', () => {
    const map = mapAppendixTables(wide, words);
    expect(map.findRow('I', undefined, '  tổng   cộng ')?.row.label).toBe('TỔNG CỘNG');
    expect(map.findRow('I', undefined, '2')?.row.label).toBe('Cấp xã');
    // A received copy that numbers the total row still has it found by its label.
    expect(map.findRow('I', undefined, 'Cấp xã')?.row.key).toBe('2');
  });

  test('a plain copy (merges lost: empty cells instead of spans) reads the same paths', () => {
    const cells = (texts: string[]) => texts.map((text) => ({ text, span: 1, mergedUp: false }));
    const plain: DocumentSnapshot = {
      controls: [],
      blocks: [
        { type: 'paragraph', index: 0, text: 'Phụ lục I', spans: [] },
        {
          type: 'table',
          index: 1,
          rows: [
            { header: false, cells: cells(['STT', 'Đơn vị', 'Số hồ sơ nhận giải quyết', '', '', 'Số hồ sơ đã giải quyết', '', '']) },
            { header: false, cells: cells(['', '', 'Tổng số', 'Mới tiếp nhận', '', 'Tổng số', 'Trước hạn', 'Quá hạn']) },
            { header: false, cells: cells(['', '', '', 'Trực tuyến', 'Trực tiếp', '', '', '']) },
            // The column numbers under the header, then the total first, merged over STT.
            { header: false, cells: cells(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)']) },
            { header: false, cells: [{ text: 'Tổng cộng', span: 2, mergedUp: false }, ...cells(['300', '210', '90', '280', '265', '15'])] },
            { header: false, cells: cells(['1', 'Cấp huyện', '100', '60', '40', '90', '80', '10']) },
          ],
        },
      ],
    };
    expect(named(plain, '1', 'nhận / tổng')).toBe('100');
    expect(named(plain, '1', 'trực tiếp')).toBe('40');
    expect(named(plain, '1', 'đã giải quyết / tổng')).toBe('90');
    expect(named(plain, '1', 'quá hạn')).toBe('10');
    expect(named(plain, 'TỔNG CỘNG', 'trực tiếp')).toBe('90');
    expect(mapAppendixTables(plain, words).forms[0]!.rows.map((r) => [r.key, r.code, r.label])).toEqual([
      ['#1', '', 'Tổng cộng'],
      ['1', '1', 'Cấp huyện'],
    ]);
  });
});
