import { WordDocument } from '../../src/document/word/word-document';
import { FakeWord } from '../fakes/fake-word';
import { syntheticSnapshot } from './fixtures';

describe('WordDocument: emptying a control for a new period', () => {
  test('sets the placeholder text and clears the control in the write sync', async () => {
    const snapshot = syntheticSnapshot({ controls: 4, tables: 1 });
    const fake = FakeWord.fromSnapshot(snapshot);
    const doc = new WordDocument(fake.run);
    const before = await doc.read();
    const syncsBefore = fake.syncCount;
    await doc.apply([
      { kind: 'control', controlIndex: 1, text: '[số liệu]', placeholder: true },
      { kind: 'control', controlIndex: 2, text: '42' },
    ]);
    expect(fake.syncCount - syncsBefore).toBeLessThanOrEqual(2);
    const after = await doc.read();
    expect(after.controls[1]).toMatchObject({ tag: before.controls[1]!.tag, text: '', showingPlaceholder: true });
    expect(after.controls[2]).toMatchObject({ text: '42', showingPlaceholder: false });
    expect(after.controls[0]!.text).toBe(before.controls[0]!.text);
  });
});
