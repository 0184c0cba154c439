/**
 * fill vs docxtemplater, in-process, on the same document with the same data (budget: ≤ 1.0×).
 *
 * The docxtemplater template is the bound sample with a `{eN}` tag written (by our engine) at
 * every place the fill writes; docxtemplater renders the same values into it. Ours: open + read
 * + plan + apply + save of the sample; docxtemplater: PizZip load + render + generate (DEFLATE).
 * Runs are interleaved (one of each per round) so machine load hits both alike; medians reported.
 * `npx tsx bench/fill.ts` prints the rows.
 */
import { readFileSync } from 'node:fs';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { planFill } from '../src/core/model/fill';
import { TEMPLATES } from '../src/templates';
import { OoxmlDocument } from '../src/document/ooxml/document';
import type { DocumentEdit } from '../src/document/types';
import { BENCH_FILES } from './extract';
import type { BenchRow } from './util';

const medianOf = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** A value for every field of the template, of the field's kind. */
function fillData(): Record<string, string> {
  const fields: Record<string, string> = {};
  TEMPLATES.get('cchc-6-thang').fields.forEach((f, i) => {
    fields[f.id] = f.kind === 'percent' ? `${(i % 90) + 5}%` : f.kind === 'date' ? '30/6/2023' : f.kind === 'text' ? `Nội dung ${i}` : String(100 + i * 7);
  });
  return fields;
}

function ours(bytes: Uint8Array, fields: Record<string, string>): { out: Uint8Array; applyMs: number } {
  const doc = OoxmlDocument.open(bytes);
  const plan = planFill(TEMPLATES.get('cchc-6-thang'), doc.readSync(), { fields });
  const t0 = performance.now();
  doc.applySync(plan.edits);
  const applyMs = performance.now() - t0;
  return { out: doc.save(), applyMs };
}

function docxtemplater(template: Uint8Array, data: Record<string, string>): Uint8Array {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' }) as Uint8Array;
}

export async function benchFill(rounds = 15, warmup = 3): Promise<BenchRow[]> {
  const bytes = new Uint8Array(readFileSync(BENCH_FILES.bound));
  const fields = fillData();
  // The template: every place the fill writes gets a tag instead.
  const base = OoxmlDocument.open(bytes);
  const plan = planFill(TEMPLATES.get('cchc-6-thang'), base.readSync(), { fields });
  const data: Record<string, string> = {};
  const tagged = plan.edits.map((e, i): DocumentEdit => {
    if (e.kind !== 'control' && e.kind !== 'cell' && e.kind !== 'paragraph') return e;
    data[`e${i}`] = e.text;
    return { ...e, text: `{e${i}}` };
  });
  base.applySync(tagged);
  const template = base.save();

  const a: number[] = [];
  const b: number[] = [];
  const applies: number[] = [];
  let same = false;
  for (let i = 0; i < warmup + rounds; i++) {
    let t0 = performance.now();
    const mine = ours(bytes, fields);
    const ta = performance.now() - t0;
    t0 = performance.now();
    const theirs = docxtemplater(template, data);
    const tb = performance.now() - t0;
    if (i === 0) {
      const x = OoxmlDocument.open(mine.out).readSync();
      const y = OoxmlDocument.open(theirs).readSync();
      same = JSON.stringify(x.blocks) === JSON.stringify(y.blocks);
    }
    if (i < warmup) continue;
    a.push(ta);
    b.push(tb);
    applies.push(mine.applyMs);
  }
  const mineMs = medianOf(a);
  const theirsMs = medianOf(b);
  const ratio = mineMs / theirsMs;
  return [
    { name: `fill baocao (${plan.edits.length} vị trí: mở, đọc, lập, ghi, lưu)`, medianMs: mineMs, note: `trong đó apply ${medianOf(applies).toFixed(1)} ms (không dùng xmldom)` },
    { name: 'docxtemplater render cùng dữ liệu (nạp, render, tạo zip)', medianMs: theirsMs, note: same ? 'nội dung hai tệp ra giống nhau' : 'NỘI DUNG KHÁC NHAU' },
    {
      name: 'tỷ lệ fill / docxtemplater',
      medianMs: Number.NaN,
      note: `${ratio.toFixed(2)}× (ngân sách ≤ 1,00×; trung vị ${rounds} lượt xen kẽ)`,
      over: ratio > 1 || !same,
    },
  ];
}

if (require.main === module) {
  void benchFill().then((rows) => console.table(rows));
}
