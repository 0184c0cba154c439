/**
 * The behaviour every `ReportDocument` adapter must show, whatever it writes to: read a
 * snapshot, apply edits of every kind computed against it, read again and find exactly the
 * expected document; a locked control is refused and the document is left unchanged.
 *
 * `makeDocument('report')` opens a fresh copy of a report-like document (paragraphs with
 * figures, appendix tables with at least two rows; controls optional);
 * `makeDocument('locked')` one with at least one content-locked control and one free control;
 * `makeDocument('row-control')` the table of tests/ooxml/helpers.ts `rowControlDocx` (a header
 * and four task rows, the third with a content control in its output cell).
 */
import {
  DocumentError,
  type Block,
  type DocumentEdit,
  type DocumentSnapshot,
  type ParagraphBlock,
  type ReportDocument,
  type TableBlock,
} from '../../src/document/types';

export type ContractFixture = 'report' | 'locked' | 'row-control';

/** Blocks as text only (spans and styles are checked separately). */
type Shape = ({ type: 'paragraph'; text: string } | { type: 'table'; rows: string[][] })[];

function shape(snapshot: DocumentSnapshot): Shape {
  return snapshot.blocks.map((b) =>
    b.type === 'paragraph' ? { type: 'paragraph', text: b.text } : { type: 'table', rows: b.rows.map((r) => r.cells.map((c) => c.text)) },
  );
}

function tables(snapshot: DocumentSnapshot): TableBlock[] {
  return snapshot.blocks.filter((b): b is TableBlock => b.type === 'table');
}

function tableAt(snapshot: DocumentSnapshot, blockIndex: number): TableBlock {
  const block = snapshot.blocks[blockIndex];
  if (block?.type !== 'table') throw new Error(`block ${blockIndex} is not a table`);
  return block;
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** A paragraph with a figure outside any control: block, figure start/end. */
function plainFigure(snapshot: DocumentSnapshot, skip = 0): { block: ParagraphBlock; start: number; end: number } {
  let seen = 0;
  for (const b of snapshot.blocks) {
    if (b.type !== 'paragraph') continue;
    for (const m of b.text.matchAll(/\d+(?:[.,]\d+)*/g)) {
      const start = m.index;
      const end = start + m[0].length;
      if (b.spans.some((s) => s.start < end && start < s.end)) continue;
      if (seen++ === skip) return { block: b, start, end };
    }
  }
  throw new Error('the contract needs paragraphs with figures outside controls');
}

/** A table cell holding a figure; `tableIndex` is the table's block index, as in edits. */
function figureCell(snapshot: DocumentSnapshot): { tableIndex: number; rowIndex: number; cellIndex: number; text: string } {
  for (const t of tables(snapshot)) {
    const tableIndex = t.index;
    for (const [rowIndex, row] of t.rows.entries()) {
      for (const [cellIndex, cell] of row.cells.entries()) {
        if (/\d/.test(cell.text) && !cell.mergedUp) return { tableIndex, rowIndex, cellIndex, text: cell.text };
      }
    }
  }
  throw new Error('the contract needs a table cell with a figure');
}

function expectConsistent(snapshot: DocumentSnapshot): void {
  snapshot.blocks.forEach((b: Block, i) => expect(b.index).toBe(i));
  snapshot.controls.forEach((c, i) => {
    expect(c.index).toBe(i);
    expect(snapshot.blocks[c.blockIndex]).toBeDefined();
  });
  for (const b of snapshot.blocks) {
    if (b.type !== 'paragraph') continue;
    for (const s of b.spans) {
      expect(0 <= s.start && s.start <= s.end && s.end <= b.text.length).toBe(true);
      const control = snapshot.controls[s.controlIndex];
      expect(control?.blockIndex).toBe(b.index);
      if (control && !control.text.includes('\n')) expect(b.text.slice(s.start, s.end)).toBe(control.text);
    }
  }
}

export function describeDocumentContract(name: string, makeDocument: (fixture: ContractFixture) => Promise<ReportDocument>): void {
  describe(`ReportDocument contract: ${name}`, () => {
    test('read is consistent and repeatable', async () => {
      const doc = await makeDocument('report');
      const first = await doc.read();
      expectConsistent(first);
      expect(tables(first).length).toBeGreaterThan(0);
      expect(await doc.read()).toEqual(first);
    });

    test('a cell edit changes that cell only', async () => {
      const doc = await makeDocument('report');
      const before = await doc.read();
      const cell = figureCell(before);
      await doc.apply([{ kind: 'cell', ...cell, text: '1.234,5' }]);
      const after = await doc.read();
      const expected = shape(before);
      const table = expected[cell.tableIndex] as { rows: string[][] };
      table.rows[cell.rowIndex]![cell.cellIndex] = '1.234,5';
      expect(shape(after)).toEqual(expected);
      expectConsistent(after);
    });

    test('a find edit replaces the occurrence at or after `from`', async () => {
      const doc = await makeDocument('report');
      const before = await doc.read();
      const cell = figureCell(before);
      const digits = [...cell.text.matchAll(/\d+/g)];
      const last = digits[digits.length - 1]!;
      await doc.apply([{ kind: 'cell', ...cell, text: '99', find: { text: last[0], from: last.index } }]);
      const after = await doc.read();
      const afterCell = tableAt(after, cell.tableIndex).rows[cell.rowIndex]!.cells[cell.cellIndex]!;
      expect(afterCell.text).toBe(splice(cell.text, last.index, last.index + last[0].length, '99'));
    });

    test('insert-row adds a row with the given texts after the given row', async () => {
      const doc = await makeDocument('report');
      const before = await doc.read();
      const table = tables(before).find((t) => t.rows.length >= 2 && t.rows.every((r) => r.cells.every((c) => c.span === 1 && !c.mergedUp)));
      expect(table).toBeDefined();
      const tableIndex = table!.index;
      const after1 = table!.rows.length - 1;
      const cells = table!.rows[after1]!.cells.map((_, i) => (i === 0 ? 'x.1' : `Mới ${i}`));
      await doc.apply([{ kind: 'insert-row', tableIndex, templateRowIndex: after1, afterRowIndex: after1, cells }]);
      const after = await doc.read();
      const expected = shape(before);
      (expected[tableIndex] as { rows: string[][] }).rows.push(cells);
      expect(shape(after)).toEqual(expected);
      expect(tableAt(after, tableIndex).rows[after1 + 1]!.header).toBe(false);
    });

    test('delete-row removes that row and nothing else', async () => {
      const doc = await makeDocument('row-control');
      const before = await doc.read();
      const table = tables(before)[0]!;
      await doc.apply([{ kind: 'delete-row', tableIndex: table.index, rowIndex: 2 }]);
      const after = await doc.read();
      const expected = shape(before);
      (expected[table.index] as { rows: string[][] }).rows.splice(2, 1);
      expect(shape(after)).toEqual(expected);
      expect(after.controls.map((c) => [c.tag, c.text])).toEqual(before.controls.map((c) => [c.tag, c.text]));
      expectConsistent(after);
    });

    test('delete, insert and renumbering cells apply together, indices of the read', async () => {
      const doc = await makeDocument('row-control');
      const before = await doc.read();
      const t = tables(before)[0]!.index;
      // Remove task 2, renumber tasks 3 and 4, add task 5 after task 4 (a copy of row 1).
      await doc.apply([
        { kind: 'delete-row', tableIndex: t, rowIndex: 2 },
        { kind: 'cell', tableIndex: t, rowIndex: 3, cellIndex: 0, text: '2' },
        { kind: 'cell', tableIndex: t, rowIndex: 4, cellIndex: 0, text: '3' },
        { kind: 'insert-row', tableIndex: t, templateRowIndex: 1, afterRowIndex: 4, cells: ['4', 'Việc mới', ''] },
      ]);
      const after = await doc.read();
      expect(tableAt(after, t).rows.map((r) => r.cells.map((c) => c.text))).toEqual([
        ['STT', 'Nội dung công việc', 'Sản phẩm đầu ra'],
        ['1', 'Việc một', 'Kế hoạch số 1'],
        ['2', 'Việc ba', '12 văn bản'],
        ['3', 'Việc bốn', 'Báo cáo số 4'],
        ['4', 'Việc mới', ''],
      ]);
      expect(after.controls.find((c) => c.tag === 'pl.output')?.text).toBe('12 văn bản');
    });

    test('a row inserted after a row deleted in the same batch stays', async () => {
      const doc = await makeDocument('row-control');
      const before = await doc.read();
      const t = tables(before)[0]!.index;
      await doc.apply([
        { kind: 'delete-row', tableIndex: t, rowIndex: 4 },
        { kind: 'insert-row', tableIndex: t, templateRowIndex: 4, afterRowIndex: 4, cells: ['4', 'Thay thế', ''] },
      ]);
      const rows = tableAt(await doc.read(), t).rows.map((r) => r.cells.map((c) => c.text));
      expect(rows.slice(3)).toEqual([
        ['3', 'Việc ba', '12 văn bản'],
        ['4', 'Thay thế', ''],
      ]);
    });

    test('deleting a row that holds a content control is refused and nothing changes', async () => {
      const doc = await makeDocument('row-control');
      const before = await doc.read();
      const t = tables(before)[0]!.index;
      const error = await doc
        .apply([
          { kind: 'delete-row', tableIndex: t, rowIndex: 1 },
          { kind: 'delete-row', tableIndex: t, rowIndex: 3 },
        ])
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(DocumentError);
      expect((error as DocumentError).code).toBe('control-in-row');
      expect((error as DocumentError).message).toContain('Sản phẩm đầu ra 3');
      expect((error as DocumentError).message).toContain('Chưa xóa gì');
      expect(await doc.read()).toEqual(before);
    });

    test('a row edited in the same batch, or a row that does not exist, is not deleted', async () => {
      const doc = await makeDocument('row-control');
      const before = await doc.read();
      const t = tables(before)[0]!.index;
      const failure = (edits: DocumentEdit[]) =>
        doc.apply(edits).then(
          () => undefined,
          (e: unknown) => e as DocumentError,
        );
      const both = await failure([
        { kind: 'delete-row', tableIndex: t, rowIndex: 2 },
        { kind: 'cell', tableIndex: t, rowIndex: 2, cellIndex: 1, text: 'x' },
      ]);
      expect(both).toBeInstanceOf(DocumentError);
      expect(await doc.read()).toEqual(before);
      const missing = await failure([{ kind: 'delete-row', tableIndex: t, rowIndex: 9 }]);
      expect(missing).toBeInstanceOf(DocumentError);
      expect(missing!.code).toBe('stale-edit');
      expect(await doc.read()).toEqual(before);
    });

    test('a paragraph edit replaces its span', async () => {
      const doc = await makeDocument('report');
      const before = await doc.read();
      const { block, start, end } = plainFigure(before);
      await doc.apply([{ kind: 'paragraph', blockIndex: block.index, start, end, text: '777' }]);
      const after = await doc.read();
      const expected = shape(before);
      expected[block.index] = { type: 'paragraph', text: splice(block.text, start, end, '777') };
      expect(shape(after)).toEqual(expected);
    });

    test('wrap adopts a span as a control; a control edit then rewrites it', async () => {
      const doc = await makeDocument('report');
      const before = await doc.read();
      const { block, start, end } = plainFigure(before);
      const figure = block.text.slice(start, end);
      await doc.apply([{ kind: 'wrap', blockIndex: block.index, start, end, tag: 'hop-dong.so-lieu', title: 'Số liệu thử' }]);
      const wrapped = await doc.read();
      expect(shape(wrapped)).toEqual(shape(before));
      expectConsistent(wrapped);
      expect(wrapped.controls).toHaveLength(before.controls.length + 1);
      const control = wrapped.controls.find((c) => c.tag === 'hop-dong.so-lieu');
      expect(control).toMatchObject({ title: 'Số liệu thử', text: figure, blockIndex: block.index, lock: 'none' });
      const paragraph = wrapped.blocks[block.index] as ParagraphBlock;
      expect(paragraph.spans).toContainEqual({ controlIndex: control!.index, start, end });

      await doc.apply([{ kind: 'control', controlIndex: control!.index, text: '2.468' }]);
      const edited = await doc.read();
      const expected = shape(before);
      expected[block.index] = { type: 'paragraph', text: splice(block.text, start, end, '2.468') };
      expect(shape(edited)).toEqual(expected);
      expect(edited.controls.find((c) => c.tag === 'hop-dong.so-lieu')?.text).toBe('2.468');
    });

    test('a batch of every kind applies together', async () => {
      const doc = await makeDocument('report');
      const before = await doc.read();
      const cell = figureCell(before);
      const p1 = plainFigure(before, 0);
      const p2 = plainFigure(before, 1);
      const table = tables(before).find((t) => t.rows.length >= 2)!;
      const tableIndex = table.index;
      const rowCells = table.rows[1]!.cells.map((_, i) => `r${i}`);
      const edits: DocumentEdit[] = [
        { kind: 'cell', ...cell, text: '42' },
        { kind: 'insert-row', tableIndex, templateRowIndex: 1, afterRowIndex: 1, cells: rowCells },
        { kind: 'wrap', blockIndex: p1.block.index, start: p1.start, end: p1.end, tag: 't1', title: 'T1' },
      ];
      if (p2.block.index !== p1.block.index) {
        edits.push({ kind: 'paragraph', blockIndex: p2.block.index, start: p2.start, end: p2.end, text: '8' });
      }
      await doc.apply(edits);
      const after = await doc.read();
      const shifted = cell.tableIndex === tableIndex && cell.rowIndex > 1 ? 1 : 0; // below the inserted row
      expect(tableAt(after, cell.tableIndex).rows[cell.rowIndex + shifted]!.cells[cell.cellIndex]!.text).toBe('42');
      expect(tableAt(after, tableIndex).rows[2]!.cells.map((c) => c.text)).toEqual(rowCells);
      expect(after.controls.find((c) => c.tag === 't1')?.text).toBe(p1.block.text.slice(p1.start, p1.end));
      if (p2.block.index !== p1.block.index) {
        expect((after.blocks[p2.block.index] as ParagraphBlock).text).toBe(splice(p2.block.text, p2.start, p2.end, '8'));
      }
    });

    test('a locked control is refused and nothing changes', async () => {
      const doc = await makeDocument('locked');
      const before = await doc.read();
      const locked = before.controls.find((c) => c.lock === 'contentLocked' || c.lock === 'sdtContentLocked');
      const free = before.controls.find((c) => c.lock === 'none' || c.lock === 'sdtLocked');
      expect(locked).toBeDefined();
      expect(free).toBeDefined();
      const cell = figureCell(before);
      const error = await doc
        .apply([
          { kind: 'control', controlIndex: free!.index, text: '5' },
          { kind: 'cell', ...cell, text: '6' },
          { kind: 'control', controlIndex: locked!.index, text: '7' },
        ])
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(DocumentError);
      expect((error as DocumentError).code).toBe('control-locked');
      expect((error as DocumentError).message).toMatch(/kh(?:óa|oá)/); // both spellings are in use
      expect(await doc.read()).toEqual(before);
    });
  });
}
