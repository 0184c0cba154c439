/** The fake behaves like Office.js where the adapter depends on it. */
import { FakeWord, FakeOfficeError } from '../fakes/fake-word';
import { syntheticSnapshot } from './fixtures';

const snapshot = syntheticSnapshot({ controls: 4, tables: 1, rows: 3 });


/** Plain-text controls are listed only by the typed query (WordApi 1.5; office-js #2160). */
const typed = (context: Word.RequestContext) => context.document.body.getContentControls({ types: ['PlainText' as Word.ContentControlType] });

describe('fake Word object model', () => {
  test('properties throw PropertyNotLoaded until load() and sync()', async () => {
    const fake = FakeWord.fromSnapshot(snapshot);
    await fake.run(async (context) => {
      const paragraphs = context.document.body.paragraphs;
      expect(() => paragraphs.items).toThrow(FakeOfficeError);
      paragraphs.load('text');
      expect(() => paragraphs.items).toThrow(/not available/);
      await context.sync();
      expect(paragraphs.items[0]!.text).toBe(fake.paragraphTexts()[0]);
      expect(() => paragraphs.items[0]!.tableNestingLevel).toThrow(/tableNestingLevel/);
    });
    expect(fake.syncCount).toBe(1);
  });

  test('loaded values are a snapshot; writes apply at sync, in order', async () => {
    const fake = FakeWord.fromSnapshot(snapshot);
    const id = fake.controls[0]!.id;
    const before = fake.controlText(id);
    await fake.run(async (context) => {
      const control = typed(context).getById(id);
      control.load('text');
      await context.sync();
      control.insertText('999', 'Replace');
      expect(fake.controlText(id)).toBe(before); // queued, not applied
      expect(control.text).toBe(before);
      await context.sync();
      expect(fake.controlText(id)).toBe('999');
      expect(control.text).toBe(before); // still the loaded value until loaded again
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.paragraphTexts()[1]).toContain('999');
  });

  test('Word.run makes a final sync when the batch leaves queued actions', async () => {
    const fake = FakeWord.fromSnapshot(snapshot);
    await fake.run(async (context) => {
      context.document.body.tables.getFirst().getCell(1, 3).body.insertText('42', 'Replace');
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.tableValues(0)[1]![3]).toBe('42');
  });

  test('objects are bound to their batch', async () => {
    const fake = FakeWord.fromSnapshot(snapshot);
    const leaked = await fake.run(async (context) => context.document.body.contentControls);
    expect(() => leaked.load('text')).toThrow(/outside of its Word.run/);
  });

  test('a missing item rejects the sync; getByIdOrNullObject reports a null object', async () => {
    const fake = FakeWord.fromSnapshot(snapshot);
    await expect(
      fake.run(async (context) => {
        context.document.body.contentControls.getById(12345).load('text');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await fake.run(async (context) => {
      const control = context.document.body.contentControls.getByIdOrNullObject(12345);
      control.load('text');
      await context.sync();
      expect(control.isNullObject).toBe(true);
    });
  });

  test('search ranges and controls follow edits around them', async () => {
    const fake = FakeWord.fromSnapshot(snapshot);
    const [first, second] = fake.controls;
    await fake.run(async (context) => {
      const p1 = context.document.body.paragraphs;
      p1.load('text');
      await context.sync();
      const target = p1.items[1]!;
      target.search('Tổng', { matchCase: true }).getFirst().insertText('TỔNG CỘNG', 'Replace');
      const cc = target.search('hồ sơ;', { matchCase: true }).getFirst().insertContentControl();
      cc.tag = 'moi';
      await context.sync();
    });
    expect(fake.paragraphTexts()[1]).toMatch(/^TỔNG CỘNG số hồ sơ tiếp nhận: /);
    expect(fake.controlText(first!.id)).toBe(snapshot.controls[0]!.text);
    expect(fake.controlText(second!.id)).toBe(snapshot.controls[1]!.text);
    const created = fake.controls.find((c) => c.tag === 'moi');
    expect(created && fake.controlText(created.id)).toBe('hồ sơ;');
  });

  test('writes into a content-locked control are refused at sync', async () => {
    const fake = FakeWord.fromSnapshot(snapshot);
    fake.controls[0]!.cannotEdit = true;
    await expect(
      fake.run(async (context) => {
        typed(context).getById(fake.controls[0]!.id).insertText('1', 'Replace');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(fake.writeCount).toBe(0);
  });
});
