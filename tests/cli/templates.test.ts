/**
 * The CLI and the registry: `template --list`, `--template ID` on the commands (an unknown id is
 * a usage error), and `fill` exits 1 naming the fields it could not place.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ASSET_PATHS } from '../../src/cli/assets';
import { EXIT } from '../../src/cli/main';
import { runCli as run } from '../helpers/cli';
import { locateFields } from '../../src/core/recognize/locate';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { TEMPLATES } from '../../src/templates';
import { CCHC_6_THANG } from '../helpers/templates';

const dir = mkdtempSync(path.join(tmpdir(), 'baocao-cli-templates-'));
const tmp = (name: string) => path.join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('templates on the command line', () => {
  test('template --list names every registered template with its title', async () => {
    const r = await run('template', '--list');
    expect(r.code).toBe(EXIT.ok);
    for (const t of TEMPLATES.all) expect(r.out).toContain(`${t.id}\t${t.title}`);
  });

  test('--template picks a template; an unknown id is a usage error listing the known ones', async () => {
    const out = tmp('mau.docx');
    const ok = await run('template', '--template', CCHC_6_THANG.id, '-o', out);
    expect(ok.code).toBe(EXIT.ok);
    expect(readFileSync(out).equals(readFileSync(ASSET_PATHS.template))).toBe(true);
    for (const argv of [
      ['template', '--template', 'khong-co', '-o', tmp('x.docx')],
      ['extract', ASSET_PATHS.sample, '--template', 'khong-co'],
      ['check', ASSET_PATHS.sample, '--template', 'khong-co'],
    ]) {
      const bad = await run(...argv);
      expect([argv[0], bad.code]).toEqual([argv[0], EXIT.badInput]);
      expect(bad.err).toContain('khong-co');
      expect(bad.err).toContain(CCHC_6_THANG.id);
    }
    const extracted = await run('extract', ASSET_PATHS.sample, '--template', CCHC_6_THANG.id);
    expect(JSON.parse(extracted.out).template).toBe(CCHC_6_THANG.id);
  });

  test('fill exits 1 and lists the fields it could not place; the others are written', async () => {
    // A Phụ lục III output whose wording around "15" is gone: that place of the figure cannot be found.
    const doc = OoxmlDocument.open(new Uint8Array(readFileSync(ASSET_PATHS.sample)));
    const snapshot = await doc.read();
    const place = locateFields(CCHC_6_THANG, snapshot).occurrences.find((o) => o.fieldId === 'a21.publishDecisions' && o.occurrence.where === 'appendix')!.place!;
    expect(place.kind).toBe('cell');
    if (place.kind !== 'cell') return;
    await doc.apply([{ kind: 'cell', tableIndex: place.blockIndex, rowIndex: place.row, cellIndex: place.cell, text: 'Đã trình ban hành các văn bản theo kế hoạch.' }]);
    const source = tmp('mat-dien-dat.docx');
    writeFileSync(source, doc.save());
    const data = tmp('so-lieu.json');
    writeFileSync(data, JSON.stringify({ fields: { 'a21.publishDecisions': '16', 'a22.received': '30.500' } }));
    const out = tmp('ra.docx');
    const r = await run('fill', source, '--data', data, '-o', out);
    expect(r.code).toBe(EXIT.findings);
    expect(r.err).toContain('a21.publishDecisions');
    expect(r.err).not.toContain('a22.received:');
    const after = locateFields(CCHC_6_THANG, await OoxmlDocument.open(new Uint8Array(readFileSync(out))).read());
    expect(after.occurrences.filter((o) => o.fieldId === 'a22.received' && o.found).map((o) => o.text)).toEqual(expect.arrayContaining(['30.500']));
    expect(after.occurrences.filter((o) => o.fieldId === 'a21.publishDecisions' && o.found).map((o) => o.text)).toEqual(['16', '16']);

    const complete = await run('fill', ASSET_PATHS.sample, '--data', data, '-o', tmp('du.docx'));
    expect(complete.code).toBe(EXIT.ok);
  });
});
