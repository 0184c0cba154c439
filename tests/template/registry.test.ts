/**
 * The registry: adding a report is one folder + one registry line. A template that exists only
 * in test data (tests/data/templates/tiep-cong-dan: its template.json and layout.txt, no code)
 * is registered beside the real ones; its document is detected, checked, extracted, filled and
 * rolled over by the same code as every other template.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../../src/core/check';
import { extractReport } from '../../src/core/model/extract';
import { planFill } from '../../src/core/model/fill';
import { planRollover } from '../../src/core/rollover';
import { detectDocumentTemplate, TEMPLATE_TAG_PREFIX } from '../../src/core/template/detect';
import { createRegistry, loadTemplate, TemplateError } from '../../src/core/template/registry';
import type { DocumentSnapshot } from '../../src/document/types';
import { buildTemplateDocx } from '../../src/document/generate/build-template';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { TEMPLATES } from '../../src/templates';
import { REPO_DIR } from '../helpers/paths';

const DATA = path.join(REPO_DIR, 'tests', 'data', 'templates', 'tiep-cong-dan');
const extra = loadTemplate(JSON.parse(fs.readFileSync(path.join(DATA, 'template.json'), 'utf8')), 'tiep-cong-dan/template.json');
const layout = fs.readFileSync(path.join(DATA, extra.files.layout!), 'utf8');
// The one registry line.
const registry = createRegistry([...TEMPLATES.all, extra]);

const sample = () => OoxmlDocument.open(buildTemplateDocx(extra, layout, 'sample'));
/** The same text without content controls (a copy from another word processor), one wording changed. */
const plainCopy = (snapshot: DocumentSnapshot, from = '', to = ''): DocumentSnapshot => ({
  controls: [],
  blocks: snapshot.blocks.map((b) => (b.type === 'paragraph' ? { ...b, spans: [], text: b.text.replace(from, to) } : b)),
});

describe('the registry', () => {
  test('src/templates/index.ts is one line per template folder, and nothing else names a template', () => {
    const index = fs.readFileSync(path.join(REPO_DIR, 'src', 'templates', 'index.ts'), 'utf8');
    const folders = fs.readdirSync(path.join(REPO_DIR, 'src', 'templates'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual(TEMPLATES.all.map((t) => t.id).sort());
    const lines = index.split('\n').filter((l) => /^import|^  \w/.test(l));
    // Per template: its import (`import x from './<id>/template.json'`) and its line in the list.
    for (const id of folders) expect([id, lines.filter((l) => l.includes(`'./${id}/template.json'`)).length]).toEqual([id, 1]);
    expect(lines.filter((l) => /^  \w/.test(l))).toHaveLength(folders.length);
  });

  test('an unknown id is refused with the known ones; ids are unique', () => {
    expect(() => registry.get('khong-co')).toThrow(TemplateError);
    expect(() => registry.get('khong-co')).toThrow(/tiep-cong-dan/);
    expect(() => createRegistry([extra, extra])).toThrow(/tiep-cong-dan/);
  });

  test('a template from test data only: detected by its fields, checked, extracted, filled, rolled over', async () => {
    const doc = sample();
    const snapshot = await doc.read();
    const detected = detectDocumentTemplate(registry, snapshot);
    expect(detected).toMatchObject({ how: 'stored', definition: { id: 'tiep-cong-dan' } });

    // Without the stored id (a plain copy), the best match score still picks it.
    expect(snapshot.controls.some((c) => c.tag === `${TEMPLATE_TAG_PREFIX}tiep-cong-dan`)).toBe(true);
    expect(detectDocumentTemplate(registry, plainCopy(snapshot))).toMatchObject({ how: 'score', definition: { id: 'tiep-cong-dan' } });

    const clean = checkReport({ definition: extra, snapshot, fileName: 'tcd.docx' });
    expect(clean.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const broken = checkReport({ definition: extra, snapshot: plainCopy(snapshot, 'tiếp định kỳ 40 lượt', 'tiếp định kỳ 45 lượt'), fileName: 'tcd.docx' });
    const errors = broken.findings.filter((f) => f.severity === 'error');
    // 120 ≠ 80 + 45 in the narrative, and 45 in the narrative ≠ 40 in Phụ lục I.
    expect(errors.map((f) => f.rule).sort()).toEqual(['cross-section', 'sum']);

    const data = extractReport(extra, snapshot);
    expect(data.template).toBe('tiep-cong-dan');
    expect(Object.fromEntries(Object.entries(data.fields).map(([id, f]) => [id, f.text]))).toEqual({
      'meta.reportDate': 'ngày 15 tháng 3 năm 2023',
      'meta.periodLabel': 'quý I năm 2023',
      'tcd.total': '120',
      'tcd.regular': '80',
      'tcd.periodic': '40',
    });

    const fill = planFill(extra, snapshot, { fields: { 'tcd.total': '150', 'tcd.regular': '100', 'tcd.periodic': '50' } });
    expect(fill.unplaced).toEqual([]);
    await doc.apply(fill.edits);
    const filled = extractReport(extra, await OoxmlDocument.open(doc.save()).read());
    expect(filled.fields['tcd.total']!.places.map((p) => p.text)).toEqual(['150', '150']);

    const rolled = planRollover(extra, snapshot, { to: { kind: '6-thang', year: 2023 } });
    expect(rolled.summary.cleared.map((e) => e.id).sort()).toEqual(['tcd.periodic', 'tcd.regular', 'tcd.total']);
    expect(rolled.summary.changed.find((e) => e.id === 'meta.periodLabel')?.after).toMatch(/6 tháng/);
  });

  test('a document of no known template is left to the generic mode', () => {
    const snapshot: DocumentSnapshot = { blocks: [{ type: 'paragraph', index: 0, text: 'Biên bản họp tổ dân phố, có 12 người dự.', spans: [] }], controls: [] };
    expect(detectDocumentTemplate(registry, snapshot)).toMatchObject({ how: 'generic', definition: undefined });
  });
});
