/**
 * Row deletion in the Word adapter: batched in the two-sync design (sync 1 resolves and
 * verifies, sync 2 writes), bottom-up with the inserts, and refused before anything is written
 * when the row holds a content control, also one put there after the read.
 */
import { DocumentError, type DocumentEdit } from '../../src/document/types';
import { WordDocument } from '../../src/document/word/word-document';
import { FakeWord } from '../fakes/fake-word';
import { syntheticSnapshot, tablesOf } from './fixtures';

function open() {
  const fake = FakeWord.fromSnapshot(syntheticSnapshot({ controls: 4, tables: 2, rows: 6 }));
  return { fake, doc: new WordDocument(fake.run, fake.host) };
}

async function failure(promise: Promise<unknown>): Promise<DocumentError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentError);
  return error as DocumentError;
}

const codes = (rows: { cells: { text: string }[] }[]) => rows.map((r) => r.cells[0]!.text);

describe('WordDocument delete-row', () => {
  test('deletes, renumbers and inserts in two tables in exactly two syncs', async () => {
    const { fake, doc } = open();
    const read = await doc.read();
    const [first, second] = tablesOf(read).map((t) => t.index);
    const edits: DocumentEdit[] = [
      { kind: 'delete-row', tableIndex: first!, rowIndex: 2 },
      { kind: 'delete-row', tableIndex: first!, rowIndex: 5 },
      { kind: 'cell', tableIndex: first!, rowIndex: 3, cellIndex: 0, text: '2' },
      { kind: 'cell', tableIndex: first!, rowIndex: 4, cellIndex: 0, text: '3' },
      { kind: 'cell', tableIndex: first!, rowIndex: 6, cellIndex: 0, text: '4' },
      { kind: 'insert-row', tableIndex: first!, templateRowIndex: 6, afterRowIndex: 6, cells: ['5', 'Chỉ tiêu mới', 'Hồ sơ', '01'] },
      { kind: 'delete-row', tableIndex: second!, rowIndex: 1 },
    ];
    const syncs = fake.syncCount;
    const writes = fake.writeCount;
    await doc.apply(edits);
    expect(fake.syncCount - syncs).toBe(2);
    expect(fake.writeCount - writes).toBe(7);
    const after = await doc.read();
    const [t0, t1] = tablesOf(after);
    expect(codes(t0!.rows)).toEqual(['TT', '1', '2', '3', '4', '5']);
    expect(t0!.rows.map((r) => r.cells[1]!.text)).toEqual(['Nội dung', 'Chỉ tiêu 1.1', 'Chỉ tiêu 1.3', 'Chỉ tiêu 1.4', 'Chỉ tiêu 1.6', 'Chỉ tiêu mới']);
    expect(t1!.rows.map((r) => r.cells[1]!.text)).toEqual(['Nội dung', ...[2, 3, 4, 5, 6].map((n) => `Chỉ tiêu 2.${n}`)]);
  });

  test('a control put into the row after the read: refused in sync 1, nothing written', async () => {
    const { fake, doc } = open();
    const read = await doc.read();
    const table = tablesOf(read)[0]!.index;
    fake.userAddCellControl(0, 3, 3, 'so-lieu.moi');
    const writes = fake.writeCount;
    const syncs = fake.syncCount;
    const error = await failure(doc.apply([{ kind: 'delete-row', tableIndex: table, rowIndex: 3 }]));
    expect(error.code).toBe('control-in-row');
    expect(error.message).toContain('so-lieu.moi');
    expect(error.message).toContain('Chưa xóa gì');
    expect(fake.syncCount - syncs).toBe(1);
    expect(fake.writeCount).toBe(writes);
    expect(fake.tableValues(0)).toHaveLength(7);
    expect(fake.controls.some((c) => c.tag === 'so-lieu.moi')).toBe(true);
  });

  test('a row whose text changed since the read is not deleted', async () => {
    const { fake, doc } = open();
    const read = await doc.read();
    const table = tablesOf(read)[0]!.index;
    fake.tables()[0]!.rows[2]!.cells[1]!.box.text = 'Chỉ tiêu đã sửa';
    const writes = fake.writeCount;
    const error = await failure(doc.apply([{ kind: 'delete-row', tableIndex: table, rowIndex: 2 }]));
    expect(error.code).toBe('stale-edit');
    expect(error.message).toContain('Chỉ tiêu đã sửa');
    expect(fake.writeCount).toBe(writes);
    expect(fake.tableValues(0)).toHaveLength(7);
  });

  test('a failure in the write sync says which deletions were made', async () => {
    const { fake, doc } = open();
    const read = await doc.read();
    const table = tablesOf(read)[0]!.index;
    fake.failWrite(2);
    const error = await failure(
      doc.apply([
        { kind: 'delete-row', tableIndex: table, rowIndex: 2 },
        { kind: 'delete-row', tableIndex: table, rowIndex: 4 },
      ]),
    );
    expect(error.code).toBe('stale-edit');
    // Bottom-up: row 5 went, row 3 did not; the document was read again to say so.
    expect(error.message).toContain('Đã ghi 1/2');
    expect(error.message).toContain('chưa ghi: bảng 1: xóa hàng 3');
    expect(fake.tableValues(0).map((r) => r[1])).toEqual(['Nội dung', 'Chỉ tiêu 1.1', 'Chỉ tiêu 1.2', 'Chỉ tiêu 1.3', 'Chỉ tiêu 1.5', 'Chỉ tiêu 1.6']);
  });
});
