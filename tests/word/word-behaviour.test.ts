/**
 * The Word adapter against the documented behaviour the fake models, under each profile:
 * a roll-over of the bound sample in ≤ 2 syncs, failures in any write reported as what the
 * document then holds, failures of sync 1 writing nothing, Track Changes, and events.
 */
import { planRollover } from '../../src/core/rollover';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { DocumentError, type DocumentEdit, type DocumentSnapshot } from '../../src/document/types';
import { WordDocument, subscribeToChanges } from '../../src/document/word/word-document';
import { FakeWord, type FakeProfile } from '../fakes/fake-word';
import { syntheticSnapshot, tablesOf } from './fixtures';
import { BOUND_SAMPLE } from './samples';
import * as fs from 'node:fs';

const PROFILES: FakeProfile[] = ['desktop', 'web', 'mac'];

function open(snapshot: DocumentSnapshot, profile: FakeProfile, extra: { trackChanges?: 'Off' | 'TrackAll' } = {}) {
  const fake = FakeWord.fromSnapshot(snapshot, { profile, ...extra });
  return { fake, doc: new WordDocument(fake.run, fake.host) };
}

async function rejection(promise: Promise<unknown>): Promise<DocumentError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentError);
  return error as DocumentError;
}

/** A batch of every kind, on the synthetic report (see the mixed-batch test of word-document.test.ts). */
function mixedBatch(read: DocumentSnapshot): DocumentEdit[] {
  const title = read.blocks[0]!;
  const closing = read.blocks[read.blocks.length - 1]!;
  if (title.type !== 'paragraph' || closing.type !== 'paragraph') throw new Error('fixture shape');
  const start = title.text.indexOf('6 THÁNG');
  const [first, second] = tablesOf(read).map((t) => t.index);
  return [
    { kind: 'control', controlIndex: 0, text: '11' },
    { kind: 'control', controlIndex: 7, text: '77' },
    { kind: 'control', controlIndex: 3, text: '[số liệu]', placeholder: true },
    { kind: 'cell', tableIndex: first!, rowIndex: 1, cellIndex: 3, text: '100' },
    { kind: 'cell', tableIndex: second!, rowIndex: 2, cellIndex: 1, text: 'Tiêu chí', find: { text: 'Chỉ tiêu', from: 0 } },
    { kind: 'paragraph', blockIndex: title.index, start, end: start + '6 THÁNG'.length, text: 'QUÝ III' },
    { kind: 'insert-row', tableIndex: first!, templateRowIndex: 3, afterRowIndex: 3, cells: ['4', 'Chỉ tiêu mới', 'Hồ sơ', '05'] },
    { kind: 'paragraph', blockIndex: closing.index, start: closing.text.length, end: closing.text.length, text: ' (để b/c)' },
  ];
}

describe.each(PROFILES)('%s', (profile) => {
  test('a roll-over of the bound sample completes in ≤ 2 syncs and gives what the CLI gives', async () => {
    const bytes = new Uint8Array(fs.readFileSync(BOUND_SAMPLE));
    const cli = OoxmlDocument.open(bytes);
    const plan = planRollover(CCHC_6_THANG, await cli.read(), { to: { kind: 'nam', year: 2022 } });
    await cli.apply(plan.edits);
    const expected = await cli.read();

    const { fake, doc } = open(await OoxmlDocument.open(bytes).read(), profile);
    const snapshot = await doc.read();
    const wordPlan = planRollover(CCHC_6_THANG, snapshot, { to: { kind: 'nam', year: 2022 } });
    expect(wordPlan.edits).toEqual(plan.edits);
    // The template's controls carry these placeholders; Word on the web can only show them.
    for (const edit of wordPlan.edits) {
      if (edit.kind === 'control' && edit.placeholder) fake.control(doc.controlId(edit.controlIndex)!).placeholderText = edit.text;
    }
    const syncs = fake.syncCount;
    await doc.apply(wordPlan.edits);
    expect(fake.syncCount - syncs).toBeLessThanOrEqual(2);
    expect(await doc.read()).toEqual(expected);
  });

  test('a failure injected in any write: the error says what was written, and that is what the document holds', async () => {
    const snapshot = syntheticSnapshot({ controls: 8, tables: 2, rows: 3 });
    // How many writes the batch makes.
    const probe = open(snapshot, profile);
    await probe.doc.apply(mixedBatch(await probe.doc.read()));
    const writes = probe.fake.writeCount;
    expect(writes).toBeGreaterThanOrEqual(8);

    for (let n = 1; n <= writes; n++) {
      const { fake, doc } = open(snapshot, profile);
      const read = await doc.read();
      const edits = mixedBatch(read);
      const ids = read.controls.map((_, i) => doc.controlId(i)!);
      fake.failWrite(n, 'GeneralException');
      const error = await rejection(doc.apply(edits));
      expect(error.code).toBe('stale-edit');
      expect(error.message).toContain('GeneralException');

      // What the fake document holds, edit by edit (checked on the model, not through the adapter).
      const table = (block: number) => fake.tableValues(tablesOf(read).findIndex((t) => t.index === block));
      const visible = edits.map((e) => {
        switch (e.kind) {
          case 'control':
            return e.placeholder ? fake.control(ids[e.controlIndex]!).showingPlaceholder : fake.controlText(ids[e.controlIndex]!) === e.text;
          case 'cell':
            return e.find ? table(e.tableIndex)[e.rowIndex]![e.cellIndex]!.startsWith(e.text) : table(e.tableIndex)[e.rowIndex]![e.cellIndex] === e.text;
          case 'paragraph':
            return fake.paragraphTexts().some((t) => t.includes(e.text));
          case 'insert-row':
            return table(e.tableIndex).length === 5;
          default:
            return false;
        }
      });
      const written = visible.filter(Boolean).length;
      if (process.env.BAOCAO_DEBUG) console.log(profile, n, written, error.message);
      expect([n, error.message]).toEqual([n, expect.stringContaining(`Đã ghi ${written}/${edits.length} thay đổi`)]);
      // The writes before the failing one are applied, none after: at most one edit half-done
      // (a placeholder whose text was set but not cleared counts as not written).
      expect(written).toBeLessThanOrEqual(n - 1);
      // The adapter read the document again: the next apply works against it.
      await doc.apply([{ kind: 'control', controlIndex: 1, text: '5' }]);
      expect(fake.controlText(ids[1]!)).toBe('5');
    }
  });

  test('the Find dialog open: sync 1 fails, nothing is written, the message says what to do', async () => {
    const { fake, doc } = open(syntheticSnapshot({ controls: 8, tables: 2, rows: 3 }), profile);
    const read = await doc.read();
    fake.findDialogOpen = true;
    const error = await rejection(doc.apply(mixedBatch(read)));
    expect(error.code).toBe('stale-edit');
    expect(error.message).toContain('hộp thoại Tìm kiếm (Find)');
    expect(error.message).toContain('Chưa ghi gì');
    expect(fake.writeCount).toBe(0);
  });

  test('a figure after a tab is reached without searching across the tab (office-js #2331 on the web)', async () => {
    const snapshot: DocumentSnapshot = {
      controls: [],
      blocks: [
        { type: 'paragraph', index: 0, text: 'Số hồ sơ:\t15\t15 hồ sơ', spans: [], style: 'Normal' },
        { type: 'paragraph', index: 1, text: '15', spans: [], style: 'Normal' },
      ],
    };
    const { fake, doc } = open(snapshot, profile);
    await doc.read();
    await doc.apply([{ kind: 'paragraph', blockIndex: 0, start: 10, end: 12, text: '16' }]);
    expect(fake.paragraphTexts()).toEqual(['Số hồ sơ:\t16\t15 hồ sơ', '15']);
  });

  test('a span running over the edge of a field is not found by Word (office-js #5905): nothing written, the message says so', async () => {
    const snapshot: DocumentSnapshot = {
      controls: [],
      blocks: [
        { type: 'paragraph', index: 0, text: 'Tính đến ngày 15/6/2022 đã tiếp nhận 15 hồ sơ.', spans: [], style: 'Normal' },
        { type: 'paragraph', index: 1, text: 'Kết quả khác: 7 hồ sơ.', spans: [], style: 'Normal' },
      ],
    };
    const { fake, doc } = open(snapshot, profile);
    fake.markField(0, '15/6/2022');
    await doc.read();
    const text = (snapshot.blocks[0] as { text: string }).text;
    const start = text.indexOf('2022 đã');
    const error = await rejection(
      doc.apply([
        { kind: 'paragraph', blockIndex: 1, start: 14, end: 15, text: '8' },
        { kind: 'paragraph', blockIndex: 0, start, end: start + 7, text: '2023 đã' },
      ]),
    );
    expect(error.code).toBe('stale-edit');
    expect(error.message).toContain('Word không tìm thấy "2022 đã"');
    expect(error.message).toContain('chưa ghi gì');
    expect(fake.writeCount).toBe(0);
    expect(fake.paragraphTexts()[1]).toBe('Kết quả khác: 7 hồ sơ.');
  });

  test('Track Changes: the current text is read (deleted revisions skipped), edits are tracked or, on request, not', async () => {
    const { fake, doc } = open(syntheticSnapshot({ controls: 4, tables: 1 }), profile, { trackChanges: 'TrackAll' });
    fake.userTrackedReplace(1, 'hồ sơ;', 'hồ sơ, trong đó;');
    const read = await doc.read();
    expect(doc.trackChanges).toEqual({ mode: 'TrackAll', hasRevisions: true });
    // Word's `text` includes the deleted revision (office-js #1267); the snapshot does not.
    const wordText = await fake.run(async (context) => {
      const p = context.document.body.paragraphs.load('text');
      await context.sync();
      return p.items[1]!.text;
    });
    expect(wordText).toContain('hồ sơ;hồ sơ, trong đó;');
    expect((read.blocks[1] as { text: string }).text).toContain('hồ sơ, trong đó;');
    expect((read.blocks[1] as { text: string }).text).not.toContain('hồ sơ;');

    // A tracked write: the next read shows the new text and a later apply is not refused.
    await doc.apply([{ kind: 'control', controlIndex: 0, text: '31' }]);
    let after = await doc.read();
    expect(after.controls[0]!.text).toBe('31');
    await doc.apply([{ kind: 'control', controlIndex: 0, text: '32' }]);
    after = await doc.read();
    expect(after.controls[0]!.text).toBe('32');
    const revisions = fake.controls.reduce((n, c) => n + c.range.box.deleted.length, 0);
    expect(revisions).toBeGreaterThanOrEqual(3);

    // Untracked on request: no new revision, the mode is restored, still two syncs.
    doc.applyUntracked = true;
    const syncs = fake.syncCount;
    await doc.apply([{ kind: 'control', controlIndex: 1, text: '41' }]);
    expect(fake.syncCount - syncs).toBe(2);
    expect(fake.controls.reduce((n, c) => n + c.range.box.deleted.length, 0)).toBe(revisions);
    expect(fake.trackingMode).toBe('TrackAll');
  });
});

test('a control Word does not list (office-js #5899) is read from the OOXML; a write to it is refused before anything is written', async () => {
  const snapshot = syntheticSnapshot({ controls: 4, tables: 1 });
  const table = tablesOf(snapshot)[0]!;
  // A plain-text control holding two paragraphs of a cell.
  table.rows[2]!.cells[1]!.text = 'Chỉ tiêu 1.2\n(cấp huyện)';
  snapshot.controls.push({
    index: 4,
    tag: 'ghi-chu',
    title: 'Ghi chú',
    text: 'Chỉ tiêu 1.2\n(cấp huyện)',
    kind: 'plainText',
    level: 'block',
    lock: 'none',
    showingPlaceholder: false,
    blockIndex: table.index,
  });
  const fake = FakeWord.fromSnapshot(snapshot, { multiParagraphPlainTextMissing: true });
  const doc = new WordDocument(fake.run, fake.host);
  const read = await doc.read();
  expect(read).toEqual(snapshot);
  expect(doc.controlId(4)).toBeUndefined();
  const error = await rejection(
    doc.apply([
      { kind: 'control', controlIndex: 0, text: '1' },
      { kind: 'control', controlIndex: 4, text: 'x' },
    ]),
  );
  expect(error.code).toBe('unsupported');
  expect(error.message).toContain('Ghi chú');
  expect(error.message).toContain('Chưa ghi gì');
  expect(fake.writeCount).toBe(0);
});

describe('events', () => {
  test('only tracked handlers receive events; the add-in ignores its own writes; desktop fires on exit; undo fires nothing', async () => {
    for (const profile of PROFILES) {
      const { fake, doc } = open(syntheticSnapshot({ controls: 4, tables: 0 }), profile);
      await doc.read();
      const changes: number[] = [];
      const off = await subscribeToChanges((c) => changes.push(c.id), {
        run: fake.run,
        runWith: fake.runWith,
        isSetSupported: fake.isSetSupported,
        isOwnChange: (ids) => doc.isOwnChange(ids),
      });
      const [a, b] = [doc.controlId(0)!, doc.controlId(1)!];
      // The add-in's own write raises an event in Word; it is not a change by the user.
      await doc.apply([{ kind: 'control', controlIndex: 0, text: '9' }]);
      await fake.settle();
      expect(changes).toEqual([]);
      // The user types.
      await fake.userEdit(b, '12');
      if (profile === 'desktop') {
        expect(changes).toEqual([]); // office-js #5597: on desktop, when the cursor leaves
        await fake.userLeavesControl();
      }
      expect(changes).toEqual([b]);
      // Undo raises nothing: "Làm mới" stays needed.
      fake.userUndo(b, '11');
      await fake.settle();
      expect(changes).toEqual([b]);
      await off();
      await fake.userEdit(a, '1');
      await fake.userLeavesControl();
      expect(changes).toEqual([b]);
    }
  });

  test('the fake delivers nothing to a handler added without track()', async () => {
    const fake = FakeWord.fromSnapshot(syntheticSnapshot({ controls: 2, tables: 0 }), { profile: 'web' });
    const got: unknown[] = [];
    await fake.run(async (context) => {
      const controls = context.document.body.getContentControls({ types: ['PlainText' as Word.ContentControlType] }).load('id');
      await context.sync();
      controls.items[0]!.onDataChanged.add(async (e) => {
        got.push(e);
      });
      await context.sync();
    });
    await fake.userEdit(fake.controls[0]!.id, '5');
    expect(got).toEqual([]);
  });
});

test('a control added elsewhere since the read does not stop a write to the others (found by w:id)', async () => {
  const fake = FakeWord.fromSnapshot(syntheticSnapshot({ controls: 4, tables: 0 }));
  const doc = new WordDocument(fake.run, fake.host);
  await doc.read();
  const id = doc.controlId(3)!;
  // The user wraps a word of the title in a new control.
  await fake.run(async (context) => {
    context.document.body.search('BÁO CÁO', { matchCase: true }).getFirst().insertContentControl().tag = 'tieu-de';
    await context.sync();
  });
  await doc.apply([{ kind: 'control', controlIndex: 3, text: '44' }]);
  expect(fake.controlText(id)).toBe('44');
});
