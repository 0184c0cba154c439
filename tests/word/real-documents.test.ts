/**
 * The real documents through the Word adapter, under each profile of the fake: one sync
 * (`getOoxml` + the typed control list; a second, once per part, for the XML of baocao's custom
 * XML part in the generated documents), every control mapped to a Word control that can be
 * written, every appendix cell (merged header cells included) as the CLI reads it.
 *
 * The fake serializes its model to flat OPC, and the adapter reads that with the OOXML reader,
 * so this proves the adapter's wiring and the id mapping, not Word's format: what Word returns
 * is stated by hand in word-ooxml.test.ts.
 */
import { WordDocument } from '../../src/document/word/word-document';
import { FakeWord } from '../fakes/fake-word';
import { BOUND_SAMPLE, RECEIVED_SAMPLE, TEMPLATE, ooxmlSnapshot } from './samples';

describe.each(['desktop', 'web', 'mac'] as const)('%s', (profile) => {
  test.each([
    ['the received sample (no controls)', RECEIVED_SAMPLE, 0, 1],
    // 130 figure controls and the control that marks the template ("baocao-template:…"); the
    // template's id in baocao's custom XML part, whose XML takes a second sync on the first read.
    ['the bound sample (130 figure controls + the template mark)', BOUND_SAMPLE, 131, 2],
    ['the empty template (130 controls showing placeholders + the template mark)', TEMPLATE, 131, 2],
  ])('%s: one sync (two on the first read of a part), the same snapshot as the CLI, every control addressable', async (_, file, controls, firstSyncs) => {
    const expected = await ooxmlSnapshot(file);
    const fake = FakeWord.fromSnapshot(expected, { profile });
    const doc = new WordDocument(fake.run, fake.host);
    const read = await doc.read();
    expect(fake.syncCount).toBe(firstSyncs);
    fake.syncCount = 0;
    expect(await doc.read()).toEqual(read);
    expect(fake.syncCount).toBe(1);
    expect(read).toEqual(expected);
    expect(read.controls).toHaveLength(controls);
    // Controls in paragraphs and in tables: each has the id of its Word control.
    const ids = read.controls.map((_, i) => doc.controlId(i));
    expect(ids.every((id) => id !== undefined)).toBe(true);
    expect(ids).toEqual(fake.orderedControls().map((c) => c.id));
    // Merged header cells of the appendix tables are reported as in the .docx.
    const merged = read.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flatMap((r) => r.cells) : [])).filter((c) => c.mergedUp || c.span > 1);
    expect(merged.length).toBe(expected.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flatMap((r) => r.cells) : [])).filter((c) => c.mergedUp || c.span > 1).length);
  });
});

test('body.contentControls lists rich-text controls only: the generated documents need no typed query, plain-text controls do', async () => {
  const snapshot = await ooxmlSnapshot(BOUND_SAMPLE);
  const count = (fake: FakeWord) =>
    fake.run(async (context) => {
      const legacy = context.document.body.contentControls.load('id');
      const typed = context.document.body.getContentControls({ types: ['RichText', 'PlainText'] as Word.ContentControlType[] }).load('id');
      await context.sync();
      return { legacy: legacy.items.length, typed: typed.items.length };
    });
  // baocao writes figures in rich-text controls: every API version lists them.
  expect(snapshot.controls.every((c) => c.kind === 'richText')).toBe(true);
  expect(await count(FakeWord.fromSnapshot(snapshot))).toEqual({ legacy: 131, typed: 131 });
  // A document from elsewhere with plain-text controls: only the typed query (WordApi 1.5) finds them.
  const plain = { ...snapshot, controls: snapshot.controls.map((c) => ({ ...c, kind: 'plainText' as const })) };
  expect(await count(FakeWord.fromSnapshot(plain))).toEqual({ legacy: 0, typed: 131 });
});
