import { readFileSync } from 'node:fs';
import { checkReport } from '../../src/core/check';
import { formatJson } from '../../src/core/check/findings';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { RECEIVED_SAMPLE } from '../helpers/paths';

describe('finding anchors', () => {
  test('every location points at the text it quotes; the JSON contract leaves anchors out', async () => {
    const snapshot = await OoxmlDocument.open(new Uint8Array(readFileSync(RECEIVED_SAMPLE))).read();
    const report = checkReport({ definition: CCHC_6_THANG, snapshot, fileName: 'received.docx' });
    const ratio = report.findings.find((f) => f.rule === 'ratio' && f.evidence.includes('3,24%'))!;
    const anchor = ratio.locations[0]!.anchor!;
    const block = snapshot.blocks[anchor.block]!;
    expect(block.type).toBe('paragraph');
    expect(block.type === 'paragraph' && block.text.slice(anchor.start, anchor.end)).toBe('3,24%');
    const cross = report.findings.find((f) => f.rule === 'cross-section' && f.evidence.includes('19'))!;
    const cell = cross.locations.find((l) => l.table)!.anchor!;
    const table = snapshot.blocks[cell.block]!;
    expect(table.type === 'table' && table.rows[cell.row!]!.cells[cell.cell!]!.text.trim()).toBe('0');
    const json = formatJson([report]);
    expect(json).not.toContain('"anchor"');
    expect(report.findings.every((f) => f.locations.every((l) => l.anchor))).toBe(true);
  });
});
