/**
 * @jest-environment jsdom
 *
 * The workbench rendering (src/workbench/render) maps the engine's snapshot to the DOM exactly:
 * block i is `[data-block=i]` with exactly the block's text, every cell has its cell's text,
 * every content control has elements, and a text span maps to a DOM range of exactly that text.
 * Checked on our sample, template and received report and on every corpus document the engine
 * opens. The same mapping is checked in Chromium by the e2e suite.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import type { DocumentSnapshot } from '../../src/document/types';
import { rangeIn, renderDocx, type RenderedDocument } from '../../src/workbench/render/render';
import { savedName } from '../../src/workbench/host';
import { CORPUS_DIR, RECEIVED_SAMPLE, REPO_DIR } from '../helpers/paths';

// jest's jsdom environment leaves out TextDecoder/TextEncoder, which the OOXML engine uses (browsers have them).
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder, TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder });

const SAMPLE = path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'sample.docx');
const TEMPLATE = path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'template.docx');

function mismatches(snapshot: DocumentSnapshot, r: RenderedDocument): string[] {
  const out: string[] = [];
  snapshot.blocks.forEach((b, i) => {
    const el = r.blockElement(i);
    if (!el || el.dataset.block !== String(i)) return void out.push(`block ${i}: no element`);
    if (b.type === 'paragraph') {
      if (el.textContent !== b.text) out.push(`block ${i}: "${el.textContent}" ≠ "${b.text}"`);
      return;
    }
    b.rows.forEach((row, ri) =>
      row.cells.forEach((cell, ci) => {
        const td = r.cellElement(i, ri, ci);
        if (!td) out.push(`block ${i} row ${ri} cell ${ci}: no element`);
        else if (!cell.mergedUp && td.textContent !== cell.text) out.push(`block ${i} row ${ri} cell ${ci}: "${td.textContent}" ≠ "${cell.text}"`);
      }),
    );
  });
  for (const c of snapshot.controls) if (!r.controlElements(c.index).length) out.push(`control ${c.index} (${c.level}): no element`);
  return out;
}

function render(file: string): { snapshot: DocumentSnapshot; r: RenderedDocument } {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const snapshot = OoxmlDocument.open(bytes).readSync();
  return { snapshot, r: renderDocx(bytes, document) };
}

describe('renderDocx', () => {
  test.each([
    ['sample', SAMPLE],
    ['template', TEMPLATE],
    ['received (another word processor)', RECEIVED_SAMPLE],
  ])('%s: every block, cell and control maps to its element with its exact text', (_, file) => {
    const { snapshot, r } = render(file);
    expect(r.snapshot).toEqual(snapshot);
    expect(mismatches(snapshot, r)).toEqual([]);
  });

  test('corpus: every document the engine opens renders with the same mapping', () => {
    const failures: string[] = [];
    let rendered = 0;
    for (const dir of ['docx4j', 'docxtemplater']) {
      for (const name of fs.readdirSync(path.join(CORPUS_DIR, dir)).filter((f) => f.endsWith('.docx'))) {
        const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, dir, name)));
        let snapshot: DocumentSnapshot;
        try {
          snapshot = OoxmlDocument.open(bytes).readSync();
        } catch {
          continue; // refused by the engine: the workbench shows its message instead
        }
        try {
          const bad = mismatches(snapshot, renderDocx(bytes, document));
          if (bad.length) failures.push(`${dir}/${name}: ${bad.slice(0, 3).join('; ')}`);
        } catch (error) {
          failures.push(`${dir}/${name}: ${(error as Error).message}`);
        }
        rendered++;
      }
    }
    expect(failures).toEqual([]);
    expect(rendered).toBeGreaterThan(100);
  }, 120_000);

  test('formatting of the sample: page size, alignment, bold, merged cells, controls', () => {
    const { snapshot, r } = render(SAMPLE);
    const page = r.root.querySelector<HTMLElement>('.docx-page')!;
    expect(parseFloat(page.style.width)).toBeCloseTo(595.3, 2); // A4: 11906 twips, in points
    expect(parseFloat(page.style.paddingLeft)).toBeCloseTo(85.05, 2); // 1701 twips (3 cm)
    const title = snapshot.blocks.findIndex((b) => b.type === 'paragraph' && b.text === 'BÁO CÁO');
    const el = r.blockElement(title)!;
    expect(el.style.textAlign).toBe('center');
    expect(el.querySelector<HTMLElement>('span[data-start]')!.style.fontWeight).toBe('bold');
    expect(el.style.fontSize).toBe('14pt');
    // Appendix headers merge "TT" over two rows.
    const merged = [...r.root.querySelectorAll<HTMLTableCellElement>('td')].filter((td) => td.rowSpan > 1);
    expect(merged.length).toBeGreaterThan(0);
    // Content controls carry their tag and title.
    const date = r.root.querySelector<HTMLElement>('[data-tag="meta.reportDate"]')!;
    expect([date.textContent, date.title]).toEqual(['ngày 09 tháng 6 năm 2022', 'Ngày ký báo cáo']);
  });

  test('a snapshot span maps to a DOM range of exactly that text (paragraphs and cells)', () => {
    const { snapshot, r } = render(RECEIVED_SAMPLE);
    const i = snapshot.blocks.findIndex((b) => b.type === 'paragraph' && b.text.includes('chiếm 3,24%'));
    const block = snapshot.blocks[i]!;
    expect(block.type).toBe('paragraph');
    const text = block.type === 'paragraph' ? block.text : '';
    const start = text.indexOf('3,24%');
    expect(rangeIn(r.blockElement(i)!, start, start + 5)!.toString()).toBe('3,24%');
    expect(rangeIn(r.blockElement(i)!, 0, text.length)!.toString()).toBe(text);

    const t = snapshot.blocks.findIndex((b) => b.type === 'table' && b.rows.some((row) => row.cells.some((c) => c.text.includes('Tỷ lệ hoàn thành kế hoạch'))));
    const table = snapshot.blocks[t]!;
    if (table.type !== 'table') throw new Error('no appendix table');
    const ri = table.rows.findIndex((row) => row.cells.some((c) => c.text.includes('Tỷ lệ hoàn thành kế hoạch')));
    const ci = table.rows[ri]!.cells.findIndex((c) => c.text.includes('Tỷ lệ hoàn thành kế hoạch'));
    const cellText = table.rows[ri]!.cells[ci]!.text;
    const at = cellText.indexOf('hoàn thành');
    expect(rangeIn(r.cellElement(t, ri, ci)!, at, at + 'hoàn thành'.length)!.toString()).toBe('hoàn thành');
  });

  test('a refused file throws the engine\'s DocumentError', () => {
    expect(() => renderDocx(new TextEncoder().encode('not a docx'), document)).toThrow(expect.objectContaining({ name: 'DocumentError', code: 'not-zip' }));
  });
});

describe('savedName', () => {
  test.each([
    ['bao-cao.docx', 'bao-cao-baocao.docx'],
    ['Báo cáo 6 tháng.DOCX', 'Báo cáo 6 tháng-baocao.docx'],
    ['bao-cao-baocao.docx', 'bao-cao-baocao.docx'],
    ['.docx', 'bao-cao-baocao.docx'],
  ])('%s → %s', (name, saved) => expect(savedName(name)).toBe(saved));
});
