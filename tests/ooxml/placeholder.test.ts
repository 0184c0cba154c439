import { readFileSync } from 'node:fs';
import { ASSET_PATHS } from '../../src/cli/assets';
import { OoxmlDocument } from '../../src/document/ooxml/document';

describe('control edits that restore the placeholder', () => {
  test('an emptied control shows its placeholder; typing into it clears the flag again', async () => {
    const doc = OoxmlDocument.open(new Uint8Array(readFileSync(ASSET_PATHS.sample)));
    const before = await doc.read();
    const target = before.controls.find((c) => c.tag === 'a22.received')!;
    expect(target.showingPlaceholder).toBe(false);
    await doc.apply([{ kind: 'control', controlIndex: target.index, text: '[số liệu]', placeholder: true }]);
    const saved = doc.save();

    const reopened = OoxmlDocument.open(saved);
    const after = await reopened.read();
    const emptied = after.controls[target.index]!;
    expect(emptied).toMatchObject({ tag: 'a22.received', text: '[số liệu]', showingPlaceholder: true });
    // Every other control is as it was.
    after.controls.forEach((c, i) => i !== target.index && expect([c.tag, c.text, c.showingPlaceholder]).toEqual([before.controls[i]!.tag, before.controls[i]!.text, false]));
    const xml = new TextDecoder().decode(reopened.package.getBytes('word/document.xml'));
    const sdt = xml.slice(xml.lastIndexOf('<w:sdt>', xml.indexOf('w:val="a22.received"')), xml.indexOf('</w:sdt>', xml.indexOf('w:val="a22.received"')));
    // The generated controls are rich text (no <w:text/>); the placeholder flag sits after the id.
    expect(sdt).toMatch(/<w:id w:val="\d+"\/><w:showingPlcHdr\/>/);
    expect(sdt).toContain('<w:rStyle w:val="PlaceholderText"/>');

    await reopened.apply([{ kind: 'control', controlIndex: target.index, text: '31.000' }]);
    const typed = await OoxmlDocument.open(reopened.save()).read();
    expect(typed.controls[target.index]).toMatchObject({ text: '31.000', showingPlaceholder: false });
  });
});
