import { WordDocument } from '../../src/document/word/word-document';
import { FakeWord } from '../fakes/fake-word';
import { syntheticSnapshot } from './fixtures';

describe('WordDocument: emptying a control for a new period', () => {
  test.each(['desktop', 'mac'] as const)('%s: sets the placeholder text and clears the control in the write sync', async (profile) => {
    const snapshot = syntheticSnapshot({ controls: 4, tables: 1 });
    const fake = FakeWord.fromSnapshot(snapshot, { profile });
    const doc = new WordDocument(fake.run, fake.host);
    const before = await doc.read();
    const syncsBefore = fake.syncCount;
    await doc.apply([
      { kind: 'control', controlIndex: 1, text: '[số liệu]', placeholder: true },
      { kind: 'control', controlIndex: 2, text: '42' },
    ]);
    expect(fake.syncCount - syncsBefore).toBeLessThanOrEqual(2);
    const after = await doc.read();
    // As the OOXML adapter: the control shows the placeholder text, marked as a placeholder.
    expect(after.controls[1]).toMatchObject({ tag: before.controls[1]!.tag, text: '[số liệu]', showingPlaceholder: true });
    expect(after.controls[2]).toMatchObject({ text: '42', showingPlaceholder: false });
    expect(after.controls[0]!.text).toBe(before.controls[0]!.text);
  });

  test('web: never sets placeholderText (NotAllowed, office-js #785); the control is cleared and shows its own placeholder', async () => {
    const snapshot = syntheticSnapshot({ controls: 4, tables: 1 });
    const fake = FakeWord.fromSnapshot(snapshot, { profile: 'web' });
    fake.controls[1]!.placeholderText = '[nhập số liệu]';
    const doc = new WordDocument(fake.run, fake.host);
    await doc.read();
    await doc.apply([
      { kind: 'control', controlIndex: 1, text: '[số liệu]', placeholder: true },
      { kind: 'control', controlIndex: 2, text: '42' },
    ]);
    const after = await doc.read();
    expect(after.controls[1]).toMatchObject({ text: '[nhập số liệu]', showingPlaceholder: true });
    expect(after.controls[2]).toMatchObject({ text: '42', showingPlaceholder: false });
  });

  test('web: the fake refuses placeholderText as Word on the web does', async () => {
    const fake = FakeWord.fromSnapshot(syntheticSnapshot({ controls: 2, tables: 0 }), { profile: 'web' });
    const id = fake.controls[0]!.id;
    await expect(
      fake.run(async (context) => {
        context.document.body.getContentControls({ types: ['PlainText' as Word.ContentControlType] }).getById(id).placeholderText = 'x';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'NotAllowed' });
  });
});
