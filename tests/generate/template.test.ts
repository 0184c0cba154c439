/**
 * The official template and the sample, generated from the definition: current, opening in
 * LibreOffice with the seed's text, and carrying one content control per narrative figure.
 */
import { readFileSync } from 'node:fs';
import { ASSET_PATHS, LAYOUT_PATH } from '../../src/cli/assets';
import { parseInline } from '../../src/core/layout/parse';
import { CCHC_6_THANG } from '../helpers/templates';
import { buildTemplateDocx, planTemplate, PLACEHOLDERS } from '../../src/document/generate/build-template';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { normalizeSpace, pdfPageCount, sofficeConvert, sofficeText } from '../helpers/libreoffice';
import { SEED_TEXT } from '../helpers/paths';
import { TEMPLATE_TAG_PREFIX } from '../../src/core/template/detect';

const layout = readFileSync(LAYOUT_PATH, 'utf8');
const plan = planTemplate(CCHC_6_THANG, layout);
const stripMarkup = (line: string) => normalizeSpace(parseInline(line).map((r) => r.text).join(''));

describe('generated template and sample', () => {
  test('every narrative figure of the definition is placed; the committed assets are current', () => {
    expect(plan.unplaced).toEqual([]);
    expect(Buffer.from(buildTemplateDocx(CCHC_6_THANG, layout, 'template')).equals(readFileSync(ASSET_PATHS.template))).toBe(true);
    expect(Buffer.from(buildTemplateDocx(CCHC_6_THANG, layout, 'sample')).equals(readFileSync(ASSET_PATHS.sample))).toBe(true);
  });

  test('controls: tag = field id, title = label; template shows placeholders, sample the figures', async () => {
    const labels = new Map(CCHC_6_THANG.fields.map((f) => [f.id, f]));
    const template = await OoxmlDocument.open(new Uint8Array(readFileSync(ASSET_PATHS.template))).read();
    const sample = await OoxmlDocument.open(new Uint8Array(readFileSync(ASSET_PATHS.sample))).read();
    // Besides the figures, one placed control marks the template ("baocao-template:<id>", on the title).
    const marks = template.controls.filter((c) => c.tag.startsWith(TEMPLATE_TAG_PREFIX));
    expect(marks.map((c) => c.tag)).toEqual([`${TEMPLATE_TAG_PREFIX}${CCHC_6_THANG.id}`]);
    expect(template.controls).toHaveLength(plan.placements.length);
    expect(sample.controls).toHaveLength(plan.placements.length);
    for (const [i, c] of template.controls.entries()) {
      if (c.tag.startsWith(TEMPLATE_TAG_PREFIX)) {
        expect(sample.controls[i]!.tag).toBe(c.tag);
        continue;
      }
      const field = labels.get(c.tag);
      expect(field).toBeDefined();
      expect(c.title).toBe(field!.label);
      expect(c.showingPlaceholder).toBe(true);
      expect(c.text).toBe(PLACEHOLDERS[field!.kind]);
      expect(sample.controls[i]!.tag).toBe(c.tag);
      expect(sample.controls[i]!.showingPlaceholder).toBe(false);
    }
    const received = sample.controls.find((c) => c.tag === 'a22.received');
    expect(received?.text).toBe('30.407');
  });

  test("LibreOffice reads the sample's text as the seed's paragraphs and table rows", async () => {
    const text = normalizeSpace(await sofficeText(readFileSync(ASSET_PATHS.sample)));
    const seedLines = readFileSync(SEED_TEXT, 'utf8').split('\n').filter((l) => l.trim());
    let cursor = 0;
    const missing: string[] = [];
    for (const [index, line] of seedLines.entries()) {
      // The header's six lines sit in two columns (issuing body | motto), so their order differs.
      if (index < 6) {
        if (!text.includes(stripMarkup(line))) missing.push(line);
        continue;
      }
      if (line.includes('\t')) {
        // Table rows: every cell's text is in the rendering (repeated header rows appear once).
        for (const cell of line.split('\t').map(stripMarkup).filter(Boolean)) {
          if (!text.includes(cell)) missing.push(cell);
        }
        continue;
      }
      const wanted = stripMarkup(line);
      const at = text.indexOf(wanted, cursor);
      if (at < 0) missing.push(wanted);
      else cursor = at + wanted.length; // prose in the seed's order
    }
    expect(missing).toEqual([]);
  });

  test('both documents open in LibreOffice with a sane page count; the template has no figures', async () => {
    for (const file of [ASSET_PATHS.template, ASSET_PATHS.sample]) {
      const pages = pdfPageCount(await sofficeConvert(file, 'pdf'));
      expect(pages).toBeGreaterThanOrEqual(25);
      expect(pages).toBeLessThanOrEqual(50);
    }
    const text = normalizeSpace(await sofficeText(readFileSync(ASSET_PATHS.template)));
    expect(text).toContain('đã tiếp nhận [số liệu] hồ sơ');
    expect(text).not.toContain('30.407');
    expect(text).not.toContain('28,375');
  });
});
