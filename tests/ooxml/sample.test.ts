import * as fs from 'node:fs';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { ZipArchive } from '../../src/document/ooxml/zip';
import type { ParagraphBlock, TableBlock } from '../../src/document/types';
import { RECEIVED_SAMPLE } from '../helpers/paths';
import { rawIdenticalExcept } from './helpers';

const original = new Uint8Array(fs.readFileSync(RECEIVED_SAMPLE));
const docXmlOf = (docx: Uint8Array): string => new TextDecoder().decode(ZipArchive.open(docx).read('word/document.xml'));

describe('the received CCHC report sample', () => {
  const doc = OoxmlDocument.open(original);
  const snap = doc.readSync();
  const tables = snap.blocks.filter((b): b is TableBlock => b.type === 'table');

  test('read() lists 9 tables and the paragraph texts', () => {
    expect(tables).toHaveLength(9);
    const para = snap.blocks.find((b): b is ParagraphBlock => b.type === 'paragraph' && b.text.includes('đã tiếp nhận 30.407 hồ sơ'));
    expect(para).toBeDefined();
    expect(para!.text).toContain('Hồ sơ đang giải quyết: 1.437 hồ sơ');
    expect(tables[0]!.rows[0]!.cells.map((c) => c.text)).toEqual(['TT', 'Chỉ tiêu thống kê', 'Kết quả thống kê', '', 'Ghi chú']);
  });

  test('a cell edit with find changes that figure only; everything else is byte-identical', () => {
    const work = OoxmlDocument.open(original);
    const before = work.readSync();
    const t0 = before.blocks.find((b): b is TableBlock => b.type === 'table')!;
    // Find a cell holding a "30.407"-like figure.
    let target: { row: number; cell: number; text: string } | undefined;
    t0.rows.forEach((row, ri) =>
      row.cells.forEach((c, ci) => {
        if (!target && /^\d{1,3}\.\d{3}$/.test(c.text.trim())) target = { row: ri, cell: ci, text: c.text };
      }),
    );
    expect(target).toBeDefined();
    const figure = target!.text.trim();
    const replacement = figure === '1.000' ? '2.000' : '1.000';
    work.applySync([{ kind: 'cell', tableIndex: t0.index, rowIndex: target!.row, cellIndex: target!.cell, text: replacement, find: { text: figure, from: 0 } }]);
    const saved = work.save();

    // Every other zip entry is raw-identical.
    expect(rawIdenticalExcept(original, saved, ['word/document.xml'])).toEqual([]);

    // Reopen: only that cell changed.
    const after = OoxmlDocument.open(saved).readSync();
    expect(after.blocks).toHaveLength(before.blocks.length);
    after.blocks.forEach((b, i) => {
      const o = before.blocks[i]!;
      if (b.type === 'paragraph') expect(b).toEqual(o);
      else if (b.index !== t0.index) expect(b).toEqual(o);
    });
    const t1 = after.blocks[t0.index] as TableBlock;
    t1.rows.forEach((row, ri) =>
      row.cells.forEach((c, ci) => {
        const expected = ri === target!.row && ci === target!.cell ? target!.text.replace(figure, replacement) : t0.rows[ri]!.cells[ci]!.text;
        expect(c.text).toBe(expected);
      }),
    );

    // The XML outside the edited cell is unchanged: the strings differ in one small region,
    // which lies inside a single w:tc.
    const x0 = docXmlOf(original);
    const x1 = docXmlOf(saved);
    let pre = 0;
    while (pre < x0.length && x0[pre] === x1[pre]) pre++;
    let suf = 0;
    while (suf < x0.length - pre && x0[x0.length - 1 - suf] === x1[x1.length - 1 - suf]) suf++;
    const changedOld = x0.slice(pre, x0.length - suf);
    const changedNew = x1.slice(pre, x1.length - suf);
    expect(changedOld.length).toBeLessThan(200);
    expect(changedNew.length).toBeLessThan(200);
    const cellStart = Math.max(x0.lastIndexOf('<w:tc>', pre), x0.lastIndexOf('<w:tc ', pre));
    const cellEnd = x0.indexOf('</w:tc>', cellStart);
    expect(cellStart).toBeGreaterThan(0);
    expect(x0.length - suf).toBeLessThanOrEqual(cellEnd);
    expect(changedOld).not.toContain('<w:tc');
    expect(x1.slice(cellStart, cellEnd + (x1.length - x0.length))).toContain(replacement.slice(0, 1));
  });

  test('a paragraph span edit changes only that figure', () => {
    const work = OoxmlDocument.open(original);
    const before = work.readSync();
    const para = before.blocks.find((b): b is ParagraphBlock => b.type === 'paragraph' && b.text.includes('đã tiếp nhận 30.407 hồ sơ'))!;
    const start = para.text.indexOf('30.407');
    work.applySync([{ kind: 'paragraph', blockIndex: para.index, start, end: start + 6, text: '31.512' }]);
    const after = OoxmlDocument.open(work.save()).readSync();
    after.blocks.forEach((b, i) => {
      if (i === para.index) expect((b as ParagraphBlock).text).toBe(para.text.replace('30.407', '31.512'));
      else expect(b).toEqual(before.blocks[i]);
    });
  });

  test('save without edits gives raw-identical entries', () => {
    expect(rawIdenticalExcept(original, OoxmlDocument.open(original).save())).toEqual([]);
  });
});
