import { DocumentError, type CellEdit, type DocumentEdit, type DocumentSnapshot } from '../../src/document/types';
import { WordDocument, spanSearch, subscribeToChanges, type SpanPlan } from '../../src/document/word/word-document';
import { FakeWord, type FakeWordOptions } from '../fakes/fake-word';
import { TABLE_HEADER, syntheticSnapshot, tablesOf, withLock } from './fixtures';

function open(snapshot: DocumentSnapshot, options?: FakeWordOptions) {
  const fake = FakeWord.fromSnapshot(snapshot, options);
  return { fake, doc: new WordDocument(fake.run, fake.host) };
}

async function expectDocumentError(promise: Promise<unknown>, code: DocumentError['code']): Promise<DocumentError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentError);
  expect((error as DocumentError).code).toBe(code);
  return error as DocumentError;
}

describe('WordDocument.read', () => {
  test('reads back exactly the snapshot the document was built from', async () => {
    const snapshot = syntheticSnapshot({ controls: 10, tables: 3 });
    const { doc } = open(snapshot);
    expect(await doc.read()).toEqual(snapshot);
  });

  test.each([10, 500])('takes exactly one sync with %i controls', async (controls) => {
    const snapshot = syntheticSnapshot({ controls, tables: Math.ceil(controls / 25), rows: 12 });
    const { fake, doc } = open(snapshot);
    const read = await doc.read();
    expect(fake.syncCount).toBe(1);
    expect(read.controls).toHaveLength(controls);
    expect(tablesOf(read)).toHaveLength(Math.ceil(controls / 25));
    expect(read).toEqual(snapshot);
  });

  test('maps locks, placeholders and kinds from what Word reports', async () => {
    let snapshot = syntheticSnapshot({ controls: 6, tables: 0 });
    snapshot = withLock(snapshot, 0, 'contentLocked');
    snapshot = withLock(snapshot, 1, 'sdtLocked');
    snapshot = withLock(snapshot, 2, 'sdtContentLocked');
    snapshot.controls[3]!.showingPlaceholder = true;
    snapshot.controls[4]!.kind = 'richText';
    const { doc } = open(snapshot);
    const read = await doc.read();
    expect(read.controls.map((c) => c.lock)).toEqual(['contentLocked', 'sdtLocked', 'sdtContentLocked', 'none', 'none', 'none']);
    expect(read.controls.map((c) => c.showingPlaceholder)).toEqual([false, false, false, true, false, false]);
    expect(read.controls[4]!.kind).toBe('richText');
    expect(read).toEqual(snapshot);
  });

  test.each(['desktop', 'web', 'mac'] as const)('%s: a plain-text control inside a table is read and written through the typed collection', async (profile) => {
    const snapshot = syntheticSnapshot({ controls: 2, tables: 1, rows: 2 });
    const table = tablesOf(snapshot)[0]!;
    // A plain-text control around the first figure of the table.
    snapshot.controls.push({
      index: 2,
      tag: 'phu-luc.1',
      title: 'Số liệu phụ lục',
      text: table.rows[1]!.cells[3]!.text,
      kind: 'plainText',
      level: 'inline',
      lock: 'none',
      showingPlaceholder: false,
      blockIndex: table.index,
    });
    const { fake, doc } = open(snapshot, { profile });
    const read = await doc.read();
    expect(read).toEqual(snapshot);
    await doc.apply([{ kind: 'control', controlIndex: 2, text: '77' }]);
    expect(fake.tableValues(0)[1]![3]).toBe('77');
  });

  test('without WordApi 1.5 plain-text controls are still read, and a write to them is refused with a clear message', async () => {
    const snapshot = syntheticSnapshot({ controls: 4, tables: 1 });
    const { fake, doc } = open(snapshot, { wordApi: '1.4' });
    expect(await doc.read()).toEqual(snapshot);
    const error = await expectDocumentError(doc.apply([{ kind: 'control', controlIndex: 1, text: '9' }]), 'unsupported');
    expect(error.message).toContain('WordApi 1.5');
    expect(error.message).toContain('Chưa ghi gì');
    expect(fake.writeCount).toBe(0);
  });
});

describe('WordDocument.apply', () => {
  test('one edit takes two syncs and writes it', async () => {
    const snapshot = syntheticSnapshot({ controls: 10, tables: 2 });
    const { fake, doc } = open(snapshot);
    await doc.read();
    await doc.apply([{ kind: 'control', controlIndex: 3, text: '1.234' }]);
    expect(fake.syncCount).toBe(1 + 2);
    const after = await doc.read();
    expect(after.controls[3]!.text).toBe('1.234');
    expect(after.controls.filter((c, i) => i !== 3)).toEqual(snapshot.controls.filter((c, i) => i !== 3));
  });

  test('300 cell edits across all tables take two syncs and all land', async () => {
    const snapshot = syntheticSnapshot({ controls: 40, tables: 20, rows: 15 });
    const { fake, doc } = open(snapshot);
    await doc.read();
    const tables = tablesOf(snapshot);
    const edits: CellEdit[] = [];
    tables.forEach((table, t) => {
      for (let r = 1; r < table.rows.length; r++) edits.push({ kind: 'cell', tableIndex: table.index, rowIndex: r, cellIndex: 3, text: `${t}-${r}` });
    });
    expect(edits).toHaveLength(300);
    const before = fake.syncCount;
    await doc.apply(edits);
    expect(fake.syncCount - before).toBeLessThanOrEqual(2);
    const after = tablesOf(await doc.read());
    after.forEach((table, t) => {
      expect(table.rows[0]!.cells.map((c) => c.text)).toEqual(TABLE_HEADER);
      for (let r = 1; r < table.rows.length; r++) {
        expect(table.rows[r]!.cells[3]!.text).toBe(`${t}-${r}`);
        expect(table.rows[r]!.cells[1]!.text).toBe(tables[t]!.rows[r]!.cells[1]!.text);
      }
    });
  });

  test('a mixed batch (controls, cells, finds, spans, rows, wraps) takes two syncs', async () => {
    const snapshot = syntheticSnapshot({ controls: 8, tables: 2, rows: 3 });
    const { fake, doc } = open(snapshot);
    const read = await doc.read();
    const title = read.blocks[0]!;
    const closing = read.blocks[read.blocks.length - 1]!;
    if (title.type !== 'paragraph' || closing.type !== 'paragraph') throw new Error('fixture shape');
    const start = title.text.indexOf('6 THÁNG');
    const [first, second] = tablesOf(read).map((t) => t.index);
    const edits: DocumentEdit[] = [
      { kind: 'control', controlIndex: 0, text: '11' },
      { kind: 'control', controlIndex: 7, text: '77' },
      { kind: 'cell', tableIndex: first!, rowIndex: 1, cellIndex: 3, text: '100' },
      { kind: 'cell', tableIndex: second!, rowIndex: 2, cellIndex: 1, text: 'Tiêu chí', find: { text: 'Chỉ tiêu', from: 0 } },
      { kind: 'paragraph', blockIndex: title.index, start, end: start + '6 THÁNG'.length, text: 'QUÝ III' },
      { kind: 'wrap', blockIndex: title.index, start: title.text.indexOf('2022'), end: title.text.indexOf('2022') + 4, tag: 'nam', title: 'Năm' },
      { kind: 'insert-row', tableIndex: first!, templateRowIndex: 3, afterRowIndex: 3, cells: ['4', 'Chỉ tiêu mới', 'Hồ sơ', '05'] },
      { kind: 'paragraph', blockIndex: closing.index, start: closing.text.length, end: closing.text.length, text: ' (để b/c)' },
    ];
    const before = fake.syncCount;
    await doc.apply(edits);
    expect(fake.syncCount - before).toBe(2);

    const after = await doc.read();
    const [t0, t1] = tablesOf(after);
    const byTag = (tag: string) => after.controls.find((c) => c.tag === tag)?.text;
    expect(byTag('so-lieu.0')).toBe('11');
    expect(byTag('so-lieu.7')).toBe('77');
    expect(after.controls[0]!.tag).toBe('nam'); // the new control comes first in document order
    expect(t0!.rows[1]!.cells[3]!.text).toBe('100');
    expect(t0!.rows.map((r) => r.cells[0]!.text)).toEqual(['TT', '1', '2', '3', '4']);
    expect(t0!.rows[4]!.cells.map((c) => c.text)).toEqual(['4', 'Chỉ tiêu mới', 'Hồ sơ', '05']);
    expect(t1!.rows[2]!.cells[1]!.text).toBe('Tiêu chí 2.2');
    const newTitle = after.blocks[0]!;
    if (newTitle.type !== 'paragraph') throw new Error('the title is a paragraph');
    expect(newTitle.text).toBe('BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ III ĐẦU NĂM 2022');
    const wrapped = after.controls.find((c) => c.tag === 'nam');
    expect(wrapped).toMatchObject({ title: 'Năm', text: '2022', blockIndex: 0 });
    const year = newTitle.text.indexOf('2022');
    expect(newTitle.spans).toEqual([{ controlIndex: wrapped!.index, start: year, end: year + 4 }]);
    const last = after.blocks[after.blocks.length - 1]!;
    expect(last.type === 'paragraph' && last.text).toBe('Nơi nhận: (để b/c)');
  });

  test('spans and finds whose text repeats land on the right occurrence', async () => {
    const snapshot: DocumentSnapshot = {
      controls: [],
      blocks: [
        { type: 'paragraph', index: 0, text: 'Đã giải quyết 05/05 hồ sơ, 05 hồ sơ quá hạn; 0 0 0.', spans: [], style: 'Normal' },
        {
          type: 'table',
          index: 1,
          rows: [{ header: false, cells: ['23/17', '0/0', '17/17/17'].map((text) => ({ text, span: 1, mergedUp: false })) }],
        },
        { type: 'paragraph', index: 2, text: '', spans: [], style: 'Normal' },
      ],
    };
    const { doc } = open(snapshot);
    await doc.read();
    const text = (snapshot.blocks[0] as { text: string }).text;
    const second05 = text.indexOf('05', text.indexOf('05') + 1);
    const third05 = text.indexOf('05', second05 + 1);
    const lastZero = text.lastIndexOf('0');
    await doc.apply([
      { kind: 'paragraph', blockIndex: 0, start: second05, end: second05 + 2, text: '06' },
      { kind: 'paragraph', blockIndex: 0, start: third05, end: third05 + 2, text: '01' },
      { kind: 'paragraph', blockIndex: 0, start: lastZero, end: lastZero + 1, text: '9' },
      { kind: 'cell', tableIndex: 1, rowIndex: 0, cellIndex: 1, text: '3', find: { text: '0', from: 1 } },
      { kind: 'cell', tableIndex: 1, rowIndex: 0, cellIndex: 2, text: '18', find: { text: '17', from: 3 } },
      { kind: 'cell', tableIndex: 1, rowIndex: 0, cellIndex: 2, text: '16', find: { text: '17', from: 6 } },
    ]);
    const after = await doc.read();
    expect(after.blocks[0]).toMatchObject({ text: 'Đã giải quyết 05/06 hồ sơ, 01 hồ sơ quá hạn; 0 0 9.' });
    expect(tablesOf(after)[0]!.rows[0]!.cells.map((c) => c.text)).toEqual(['23/17', '0/3', '17/18/16']);
  });

  test('a locked control is refused before anything is written', async () => {
    const snapshot = withLock(syntheticSnapshot({ controls: 6, tables: 1 }), 2, 'contentLocked');
    const { fake, doc } = open(snapshot);
    await doc.read();
    const syncs = fake.syncCount;
    const error = await expectDocumentError(
      doc.apply([
        { kind: 'control', controlIndex: 0, text: '1' },
        { kind: 'control', controlIndex: 2, text: '2' },
        { kind: 'cell', tableIndex: tablesOf(snapshot)[0]!.index, rowIndex: 1, cellIndex: 3, text: '3' },
      ]),
      'control-locked',
    );
    expect(error.message).toMatch(/khóa/);
    expect(error.message).toContain('Số liệu 3');
    expect(fake.writeCount).toBe(0);
    expect(fake.syncCount).toBe(syncs);
    expect(await doc.read()).toEqual(snapshot);
  });

  test('a control locked in Word after the read is refused at the check, nothing written', async () => {
    const snapshot = syntheticSnapshot({ controls: 6, tables: 1 });
    const { fake, doc } = open(snapshot);
    await doc.read();
    fake.controls[4]!.cannotEdit = true;
    await expectDocumentError(
      doc.apply([
        { kind: 'cell', tableIndex: tablesOf(snapshot)[0]!.index, rowIndex: 1, cellIndex: 3, text: '3' },
        { kind: 'control', controlIndex: 4, text: '2' },
      ]),
      'control-locked',
    );
    expect(fake.writeCount).toBe(0);
    const after = await doc.read();
    expect(after.blocks).toEqual(snapshot.blocks);
  });

  test('a cell changed since the read is a stale edit; nothing is written', async () => {
    const snapshot = syntheticSnapshot({ controls: 4, tables: 2, rows: 3 });
    const { fake, doc } = open(snapshot);
    await doc.read();
    // Someone types in the document between read and apply.
    await fake.run(async (context) => {
      context.document.body.tables.getFirst().getCell(2, 3).body.insertText('999', 'Replace');
    });
    const writes = fake.writeCount;
    const error = await expectDocumentError(
      doc.apply([
        { kind: 'control', controlIndex: 0, text: '1' },
        { kind: 'cell', tableIndex: tablesOf(snapshot)[1]!.index, rowIndex: 1, cellIndex: 3, text: '2' },
        { kind: 'cell', tableIndex: tablesOf(snapshot)[0]!.index, rowIndex: 2, cellIndex: 3, text: '3' },
      ]),
      'stale-edit',
    );
    expect(error.message).toContain('bảng 1, hàng 3, cột 4');
    expect(error.detail).toContain('999');
    expect(fake.writeCount).toBe(writes);
    const after = await doc.read();
    expect(after.controls).toEqual(snapshot.controls);
    expect(tablesOf(after)[1]).toEqual(tablesOf(snapshot)[1]);
  });

  test('a control edited or deleted since the read is refused', async () => {
    const snapshot = syntheticSnapshot({ controls: 4, tables: 0 });
    const { fake, doc } = open(snapshot);
    await doc.read();
    fake.controls.splice(1, 1);
    await expectDocumentError(doc.apply([{ kind: 'control', controlIndex: 1, text: '1' }]), 'control-missing');
    await doc.read();
    const id = fake.controls[0]!.id;
    await fake.run(async (context) => {
      context.document.body.getContentControls({ types: ['PlainText' as Word.ContentControlType] }).getById(id).insertText('123', 'Replace');
    });
    await expectDocumentError(doc.apply([{ kind: 'control', controlIndex: 0, text: '1' }]), 'stale-edit');
    expect(fake.controlText(id)).toBe('123');
  });

  test('apply needs a read, and edits must address the last read', async () => {
    const { doc } = open(syntheticSnapshot({ controls: 2, tables: 1 }));
    await expectDocumentError(doc.apply([{ kind: 'control', controlIndex: 0, text: '1' }]), 'stale-edit');
    await doc.read();
    await expectDocumentError(doc.apply([{ kind: 'cell', tableIndex: 0, rowIndex: 0, cellIndex: 0, text: '1' }]), 'stale-edit');
    await doc.read();
    await doc.apply([{ kind: 'control', controlIndex: 0, text: '1' }]);
    // The read is spent: row indices may have shifted.
    await expectDocumentError(doc.apply([{ kind: 'control', controlIndex: 1, text: '2' }]), 'stale-edit');
  });

  test('no edits, no round trip', async () => {
    const { fake, doc } = open(syntheticSnapshot({ controls: 2, tables: 1 }));
    await doc.read();
    await doc.apply([]);
    expect(fake.syncCount).toBe(1);
  });
});

describe('spanSearch', () => {
  /** What Word does with a plan: first occurrences, ends of ranges. */
  function resolve(text: string, plan: SpanPlan): [number, number] {
    if (plan.kind === 'search') {
      const a = text.indexOf(plan.context);
      return [a + plan.context.indexOf(plan.inner), a + plan.context.indexOf(plan.inner) + plan.inner.length];
    }
    const from = plan.before === null ? 0 : text.indexOf(plan.before) + plan.before.length;
    return [from, text.indexOf(plan.through) + plan.through.length];
  }

  test.each(['Đã giải quyết 05/05 hồ sơ, 05 hồ sơ', '17/17/17', 'aaaa', '0 0 0.'])('every span of "%s" is reached', (text) => {
    let between = 0;
    for (let start = 0; start < text.length; start++) {
      for (let end = start + 1; end <= Math.min(text.length, start + 4); end++) {
        const plan = spanSearch(text, start, end);
        if (plan.kind === 'between') between++;
        expect(resolve(text, plan)).toEqual([start, end]);
      }
    }
    if (text === '17/17/17') expect(between).toBeGreaterThan(0);
  });

  test('stays left of the limit', () => {
    const plan = spanSearch('ab ab ab', 3, 5, 5);
    expect(plan).toEqual({ kind: 'search', context: ' ab', inner: 'ab' });
  });
});

describe('subscribeToChanges', () => {
  test('is a no-op without WordApi 1.5', async () => {
    const fake = FakeWord.fromSnapshot(syntheticSnapshot({ controls: 2, tables: 0 }), { wordApi: '1.4' });
    const changes: string[] = [];
    const unsubscribe = await subscribeToChanges((c) => changes.push(c.tag), { run: fake.run, isSetSupported: fake.isSetSupported });
    expect(fake.runCount).toBe(0);
    expect(await fake.fireDataChanged(fake.controls[0]!.id)).toBe(0);
    await unsubscribe();
    expect(changes).toEqual([]);
  });

  test('reports edits of controls with WordApi 1.5, until unsubscribed', async () => {
    const fake = FakeWord.fromSnapshot(syntheticSnapshot({ controls: 2, tables: 0 }));
    const changes: string[] = [];
    const unsubscribe = await subscribeToChanges((c) => changes.push(c.tag), {
      run: fake.run,
      runWith: fake.runWith,
      isSetSupported: fake.isSetSupported,
    });
    await fake.fireDataChanged(fake.controls[1]!.id);
    expect(changes).toEqual(['so-lieu.1']);
    await unsubscribe();
    expect(await fake.fireDataChanged(fake.controls[1]!.id)).toBe(0);
    expect(changes).toEqual(['so-lieu.1']);
  });
});
