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

describe('fake Word: documented behaviour', () => {
  const snapshot = () => syntheticSnapshot({ controls: 4, tables: 1 });

  test('body.contentControls lists rich-text controls only; the typed query lists plain text (office-js #2160)', async () => {
    const fake = FakeWord.fromSnapshot(snapshot());
    const counts = await fake.run(async (context) => {
      const legacy = context.document.body.contentControls.load('id');
      const typed = context.document.body.getContentControls({ types: ['PlainText' as Word.ContentControlType] }).load('id');
      await context.sync();
      return [legacy.items.length, typed.items.length];
    });
    expect(counts).toEqual([0, 4]);
    const old = FakeWord.fromSnapshot(snapshot(), { wordApi: '1.4' });
    await expect(
      old.run(async (context) => {
        context.document.body.getContentControls().load('id');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('searches: Find dialog, 255 characters, fields, tab codes on the web', async () => {
    const search = (fake: FakeWord, text: string) =>
      fake.run(async (context) => {
        const found = context.document.body.search(text, { matchCase: true }).load('text');
        await context.sync();
        return found.items.length;
      });
    const fake = FakeWord.fromSnapshot({
      controls: [],
      blocks: [{ type: 'paragraph', index: 0, text: 'Ngày 30/11/2026\tTrang 2', spans: [], style: 'Normal' }],
    });
    expect(await search(fake, '30/11/2026^tTrang')).toBe(1);
    fake.markField(0, '30/11/2026');
    expect(await search(fake, '30/11/2026')).toBe(1);
    expect(await search(fake, '11/2026^tTrang')).toBe(0);
    await expect(search(fake, 'x'.repeat(256))).rejects.toMatchObject({ code: 'SearchStringInvalidOrTooLong' });
    fake.findDialogOpen = true;
    await expect(search(fake, 'Trang')).rejects.toMatchObject({ code: 'SearchDialogIsOpen' });
    const web = FakeWord.fromSnapshot({
      controls: [],
      blocks: [{ type: 'paragraph', index: 0, text: 'Ngày 30/11/2026\tTrang 2', spans: [], style: 'Normal' }],
    }, { profile: 'web' });
    expect(await search(web, '2026^tTrang')).toBe(0);
    expect(await search(web, 'Trang 2')).toBe(1);
  });

  test('the index of a vertically merged cell cannot be loaded (office-js #3200)', async () => {
    const s = snapshot();
    const table = s.blocks.find((b) => b.type === 'table')!;
    if (table.type !== 'table') throw new Error('fixture');
    table.rows[2]!.cells[0]!.mergedUp = true;
    const fake = FakeWord.fromSnapshot(s);
    const load = (row: number) =>
      fake.run(async (context) => {
        const cell = context.document.body.tables.getFirst().getCell(row, 0).load('cellIndex');
        await context.sync();
        return cell.cellIndex;
      });
    expect(await load(1)).toBe(0);
    await expect(load(2)).rejects.toMatchObject({ code: 'GeneralException' });
  });

  test('Track Changes: text includes the deleted revision, the OOXML has it as w:del (office-js #1267)', async () => {
    const fake = FakeWord.fromSnapshot(snapshot(), { trackChanges: 'TrackAll' });
    fake.userTrackedReplace(0, 'CẢI CÁCH', 'ĐỔI MỚI');
    const [text, ooxml] = await fake.run(async (context) => {
      const p = context.document.body.paragraphs.load('text');
      const xml = context.document.body.getOoxml();
      await context.sync();
      return [p.items[0]!.text, xml.value];
    });
    expect(text).toContain('CẢI CÁCHĐỔI MỚI');
    expect(ooxml).toContain('<w:delText xml:space="preserve">CẢI CÁCH</w:delText>');
  });
});
