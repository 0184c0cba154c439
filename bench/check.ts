/**
 * The consistency check: the sample bound and recognized (median after warm-up), then 100
 * documents in one run (open + read + check, alternating the two samples) with peak memory.
 * `npx tsx bench/check.ts` prints a table; `benchCheck()` is for the bench runner.
 */
import { existsSync, readFileSync } from 'node:fs';
import { checkReport } from '../src/core/check';
import { TEMPLATES } from '../src/templates';
import { OoxmlDocument } from '../src/document/ooxml/document';
import { BENCH_FILES } from './extract';
import { rewrittenText, textToSnapshot } from '../tests/statements/devset/harness';
import { median, type BenchRow } from './util';

const MB = 1024 * 1024;

export async function benchCheck(documents = 100): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const inputs: { mode: string; bytes: Uint8Array }[] = [];
  for (const [mode, file] of Object.entries(BENCH_FILES)) {
    if (!existsSync(file)) continue;
    const bytes = new Uint8Array(readFileSync(file));
    inputs.push({ mode, bytes });
    const snapshot = await (await OoxmlDocument.open(bytes)).read();
    rows.push({
      name: `check (${mode}, snapshot read)`,
      medianMs: await median(() => checkReport({ definition: TEMPLATES.get('cchc-6-thang'), snapshot, fileName: mode }), 20, 3),
      budgetMs: 100,
    });
    rows.push({
      name: `open + read + check (${mode})`,
      medianMs: await median(async () => checkReport({ definition: TEMPLATES.get('cchc-6-thang'), snapshot: await (await OoxmlDocument.open(bytes)).read(), fileName: mode }), 10, 2),
    });
  }
  // A report worded by another drafter (issue 13 development set): statements and tables read without the template.
  const rewritten = textToSnapshot(rewrittenText());
  rows.push({
    name: 'check (rewritten report, plain text, statements + tables)',
    medianMs: await median(() => checkReport({ definition: TEMPLATES.get('cchc-6-thang'), snapshot: rewritten, fileName: 'rewritten' }), 20, 3),
    budgetMs: 100,
  });
  if (inputs.length === 0) return rows;

  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  sample();
  let findings = 0;
  const t0 = performance.now();
  for (let i = 0; i < documents; i++) {
    const input = inputs[i % inputs.length]!;
    const snapshot = await (await OoxmlDocument.open(input.bytes)).read();
    findings += checkReport({ definition: TEMPLATES.get('cchc-6-thang'), snapshot, fileName: `${input.mode}-${i}` }).findings.length;
    sample();
  }
  const total = performance.now() - t0;
  rows.push({
    name: `${documents} documents in one run (open + read + check)`,
    medianMs: total / documents,
    note: `total ${(total / 1000).toFixed(1)} s; ${findings} findings; peak rss ${(peakRss / MB).toFixed(0)} MB, heapUsed ${(peakHeap / MB).toFixed(0)} MB`,
  });
  return rows;
}

if (require.main === module) {
  void benchCheck().then((rows) =>
    console.table(rows.map((r) => ({ name: r.name, 'median ms': Number(r.medianMs.toFixed(1)), ...(r.budgetMs ? { 'budget ms': r.budgetMs } : {}), ...(r.note ? { note: r.note } : {}) }))),
  );
}
