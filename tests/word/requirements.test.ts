/**
 * The manifest asks for WordApi 1.3 (REQUIRED_WORD_API). On a Word that has only 1.3 (Word
 * 2016/2019), the fake refuses every 1.4/1.5 API with ApiNotFound, so these tests prove that the
 * adapter and the host use nothing newer without checking, and say in Vietnamese what is missing.
 */
import { createWordHost } from '../../src/app/word-host';
import { REQUIRED_WORD_API, WordDocument, subscribeToChanges } from '../../src/document/word/word-document';
import { FakeWord } from '../fakes/fake-word';
import { syntheticSnapshot, tablesOf } from './fixtures';

describe(`Word with WordApi ${REQUIRED_WORD_API} only`, () => {
  test('reads everything, writes cells and spans, refuses plain-text controls with a clear message', async () => {
    const snapshot = syntheticSnapshot({ controls: 4, tables: 1 });
    const fake = FakeWord.fromSnapshot(snapshot, { wordApi: REQUIRED_WORD_API });
    const doc = new WordDocument(fake.run, fake.host);
    expect(await doc.read()).toEqual(snapshot);
    expect(doc.trackChanges.mode).toBe('unknown');
    const table = tablesOf(snapshot)[0]!;
    await doc.apply([{ kind: 'cell', tableIndex: table.index, rowIndex: 1, cellIndex: 3, text: '8' }]);
    expect(fake.tableValues(0)[1]![3]).toBe('8');
    const read = await doc.read();
    const title = read.blocks[0]!;
    if (title.type !== 'paragraph') throw new Error('fixture');
    const at = title.text.indexOf('2022');
    await doc.apply([{ kind: 'paragraph', blockIndex: 0, start: at, end: at + 4, text: '2023' }]);
    expect(fake.paragraphTexts()[0]).toContain('ĐẦU NĂM 2023');
    await doc.read();
    await expect(doc.apply([{ kind: 'control', controlIndex: 0, text: '1' }])).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringContaining('WordApi 1.5'),
    });
  });

  test('no events (pane keeps "Làm mới"), the pane says what is missing, and the template goes through Body.insertFileFromBase64', async () => {
    const fake = FakeWord.fromSnapshot(syntheticSnapshot({ controls: 2, tables: 0 }), { wordApi: REQUIRED_WORD_API });
    const off = await subscribeToChanges(() => undefined, { run: fake.run, isSetSupported: fake.isSetSupported });
    expect(fake.runCount).toBe(0);
    await off();
    const host = createWordHost({ run: fake.run, isSetSupported: fake.isSetSupported, loadTemplate: async () => 'UEsDBA==' });
    await host.document.read();
    // The pane says at once what this Word cannot do.
    expect(host.notice?.()).toMatchObject({ title: 'Phiên bản Word chưa hỗ trợ đủ', text: expect.stringContaining('WordApi 1.5') });
    await host.insertTemplate();
    expect(fake.insertedFiles.map((f) => f.on)).toEqual(['body']);
    const current = FakeWord.fromSnapshot(syntheticSnapshot({ controls: 2, tables: 0 }));
    const full = createWordHost({ run: current.run, isSetSupported: current.isSetSupported, loadTemplate: async () => 'UEsDBA==' });
    await full.document.read();
    expect(full.notice?.()).toBeUndefined();
  });
});
