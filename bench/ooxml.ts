/**
 * Open + read timings of the OOXML adapter on the two CCHC samples.
 *
 *     npx tsx bench/ooxml.ts
 *
 * Each case: warm-up runs, then the median (and minimum) of timed runs of
 * `OoxmlDocument.open(bytes)` + `read()`, wall clock (performance.now()). The DOM path (what
 * every read cost before the fast path, and what apply() still builds on first edit) is measured
 * too, for comparison. On a machine shared with other work, the minimum shows the unloaded cost.
 */
import { timings } from './util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { OoxmlDocument } from '../src/document/ooxml/document';

export interface BenchResult {
  name: string;
  medianMs: number;
  note?: string;
}

const REPO_DIR = path.resolve(__dirname, '..');
const SAMPLES: Array<[string, string]> = [
  ['bound sample', path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'sample.docx')],
  ['received sample', path.resolve(REPO_DIR, '..', 'shared', 'samples', 'received-bao-cao-cchc-6-thang-2022.docx')],
];


const round = (ms: number): number => Math.round(ms * 100) / 100;

export async function benchOoxml(opts: { runs?: number; warmup?: number; dom?: boolean } = {}): Promise<BenchResult[]> {
  const runs = opts.runs ?? 30;
  const warmup = opts.warmup ?? 10;
  const results: BenchResult[] = [];
  for (const [label, file] of SAMPLES) {
    if (!fs.existsSync(file)) {
      results.push({ name: `ooxml open+read (${label})`, medianMs: Number.NaN, note: `missing: ${file}` });
      continue;
    }
    const bytes = new Uint8Array(fs.readFileSync(file));
    const probe = OoxmlDocument.open(bytes);
    const { median, min } = await timings(() => OoxmlDocument.open(bytes).read(), runs, warmup);
    results.push({
      name: `ooxml open+read (${label})`,
      medianMs: round(median),
      note: `${(bytes.length / 1024).toFixed(0)} KB .docx, read path ${probe.readPath}, min ${round(min)} ms, ${runs} runs after ${warmup} warm-up`,
    });
    if (opts.dom !== false) {
      // The DOM path: open, then build the DOM and read it (as apply() does on first edit).
      const dom = await timings(
        async () => OoxmlDocument.compareReadPaths(bytes),
        Math.min(runs, 10),
        Math.min(warmup, 3),
      );
      results.push({
        name: `ooxml open+read both paths, DOM included (${label})`,
        medianMs: round(dom.median),
        note: `fast read + xmldom parse + DOM read, min ${round(dom.min)} ms (xmldom: only for parts the fast reader declines)`,
      });
    }
  }
  return results;
}

if (require.main === module) {
  void benchOoxml().then((results) => {
    const rows = results.map((r) => [r.name, Number.isNaN(r.medianMs) ? '—' : r.medianMs.toFixed(2), r.note ?? '']);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length), ['case', 'median ms', 'note'][i]!.length));
    const line = (cells: string[]): string =>
      cells
        .map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd();
    console.log(line(['case', 'median ms', 'note']));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const row of rows) console.log(line(row));
  });
}
