/** A bound document whose controls were copied or deleted by hand. */
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ASSET_PATHS } from '../../src/cli/assets';
import { checkReport } from '../../src/core/check';
import { planFill } from '../../src/core/model/fill';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';

const sample = new Uint8Array(readFileSync(ASSET_PATHS.sample));

/** The sample with its document.xml rewritten. */
function withDocumentXml(edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(sample);
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml']!)));
  return zipSync(files);
}

/** Removes the control tagged `tag`, keeping its runs (as when a drafter deletes a control but not its text). */
function unwrap(xml: string, tag: string): string {
  const at = xml.indexOf(`<w:tag w:val="${tag}"/>`);
  const start = xml.lastIndexOf('<w:sdt>', at);
  const end = xml.indexOf('</w:sdt>', at) + '</w:sdt>'.length;
  const sdt = xml.slice(start, end);
  const content = /<w:sdtContent>([\s\S]*)<\/w:sdtContent>/.exec(sdt)![1]!;
  return xml.slice(0, start) + content + xml.slice(end);
}

describe('controls copied or deleted by hand', () => {
  test('a copied control is reported (an error when its figure differs) and a fill writes both', async () => {
    const doc = OoxmlDocument.open(sample);
    const snapshot = await doc.read();
    // A second control tagged a22.received, around other text (as a copy-paste leaves it).
    const block = snapshot.blocks.find((b) => b.type === 'paragraph' && b.text.includes('Hồ sơ đang giải quyết: 1.437'))!;
    expect(block.type).toBe('paragraph');
    const text = block.type === 'paragraph' ? block.text : '';
    const label = text.indexOf('Hồ sơ đang giải quyết');
    await doc.apply([{ kind: 'wrap', blockIndex: block.index, start: label, end: label + 'Hồ sơ'.length, tag: 'a22.received', title: 'bản sao' }]);
    const copied = OoxmlDocument.open(doc.save());
    const snap2 = await copied.read();

    const report = checkReport({ definition: CCHC_6_THANG, snapshot: snap2, fileName: 'copied.docx' });
    const dup = report.findings.find((f) => f.rule === 'completeness' && f.message.includes('có 2 bản'));
    expect(dup).toMatchObject({ severity: 'error', evidence: ['30.407', 'Hồ sơ'] });
    expect(dup!.locations.map((l) => l.tag)).toEqual(['a22.received', 'a22.received']);

    const plan = planFill(CCHC_6_THANG, snap2, { fields: { 'a22.received': '30.500' } }, undefined, { derived: 'none' });
    const controlEdits = plan.edits.filter((e) => e.kind === 'control');
    expect(controlEdits).toHaveLength(2);
    await copied.apply(plan.edits);
    const after = await OoxmlDocument.open(copied.save()).read();
    expect(after.controls.filter((c) => c.tag === 'a22.received').map((c) => c.text)).toEqual(['30.500', '30.500']);
    const clean = checkReport({ definition: CCHC_6_THANG, snapshot: after, fileName: 'copied.docx' });
    expect(clean.findings.find((f) => f.message.includes('có 2 bản'))?.severity).toBe('warning');
  });

  test('a deleted control: the figure is still read through its wording, and the check says so', async () => {
    const snapshot = await OoxmlDocument.open(withDocumentXml((xml) => unwrap(xml, 'a22.received'))).read();
    expect(snapshot.controls.some((c) => c.tag === 'a22.received')).toBe(false);
    const report = checkReport({ definition: CCHC_6_THANG, snapshot, fileName: 'deleted.docx' });
    expect(report.mode).toBe('bound');
    const info = report.findings.find((f) => f.rule === 'completeness' && f.message.includes('không còn ô nhập'));
    expect(info).toMatchObject({ severity: 'info', evidence: ['30.407'] });
    // The figure still takes part in the relations: the sum error involving 30.407 is still found.
    expect(report.findings.some((f) => f.rule === 'sum' && f.evidence.includes('30.407'))).toBe(true);
  });
});
