/**
 * `baocao summary` over 100 reports (issue 14): one run within 2× the time of checking the same
 * 100 files (open + read + check each), and a heap that does not grow with the number of files
 * (each document and check report is dropped once its row is taken). The heap is measured after
 * a forced collection at every file (the progress hook), after 20 files and after 100.
 * `npx tsx bench/summary.ts` prints a table; `benchSummary()` is for the bench runner.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runSummary } from '../src/cli/summary-command';
import { checkReport } from '../src/core/check';
import { TEMPLATES } from '../src/templates';
import { OoxmlDocument } from '../src/document/ooxml/document';
import { BENCH_FILES } from './extract';
import type { BenchRow } from './util';

const MB = 1024 * 1024;
/** Heap growth from file 20 to file 100 above which memory counts as growing with the files. */
const GROWTH_BUDGET_MB = 24;

/** A forced garbage collection (tsx gives no --expose-gc flag: enable it at run time). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => gc();
}

export async function benchSummary(documents = 100): Promise<BenchRow[]> {
  const sources = Object.values(BENCH_FILES).filter((f) => existsSync(f));
  if (sources.length === 0) return [];
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-bench-summary-'));
  try {
    const inbox = path.join(dir, 'bao-cao-nhan');
    mkdirSync(inbox);
    const files: string[] = [];
    for (let i = 0; i < documents; i++) {
      const file = path.join(inbox, `${String(i).padStart(3, '0')}.docx`);
      copyFileSync(sources[i % sources.length]!, file);
      files.push(file);
    }

    // Times are CPU times (user + system) of this process: on a shared machine wall-clock time
    // mostly measures the neighbours. Wall times are in the notes.
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const d = process.cpuUsage(since);
      return (d.user + d.system) / 1000;
    };

    // The reference: checking the same files one by one.
    let c0 = process.cpuUsage();
    let w0 = performance.now();
    for (const file of files) {
      const snapshot = OoxmlDocument.open(new Uint8Array(readFileSync(file))).readSync();
      checkReport({ definition: TEMPLATES.default, snapshot, fileName: file });
    }
    const checkCpu = cpuMs(c0);
    const checkWall = performance.now() - w0;

    // The summary of the same files into one workbook.
    const quiet = { out: () => {}, err: () => {} };
    c0 = process.cpuUsage();
    w0 = performance.now();
    await runSummary([inbox], { output: path.join(dir, 'tong-hop.xlsx'), progress: 'off' }, quiet);
    const summaryCpu = cpuMs(c0);
    const summaryWall = performance.now() - w0;

    // Memory: a second summary, the heap sampled after a forced collection at each file
    // (progress 'tty' calls err once per file).
    const gc = collector();
    const heap: number[] = [];
    const sampling = {
      out: () => {},
      err: () => {
        gc();
        heap.push(process.memoryUsage().heapUsed);
      },
    };
    await runSummary([inbox], { output: path.join(dir, 'tong-hop-2.xlsx'), progress: 'tty' }, sampling);
    const at20 = heap[19] ?? 0;
    const at100 = heap[heap.length - 1] ?? 0;
    const growth = (at100 - at20) / MB;
    return [
      { name: `check ${documents} tệp, tham chiếu (CPU)`, medianMs: checkCpu, note: `thời gian thực ${(checkWall / 1000).toFixed(1)} s` },
      {
        name: `summary ${documents} tệp → .xlsx (CPU)`,
        medianMs: summaryCpu,
        budgetMs: Math.round(2 * checkCpu),
        note: `${(summaryCpu / checkCpu).toFixed(2)}× kiểm tra; thời gian thực ${(summaryWall / 1000).toFixed(1)} s`,
      },
      {
        name: `heap sau 20 / ${heap.length} tệp`,
        medianMs: Number.NaN,
        note: `${(at20 / MB).toFixed(1)} MB → ${(at100 / MB).toFixed(1)} MB (tăng ${growth.toFixed(1)} MB, ngân sách ${GROWTH_BUDGET_MB} MB)`,
        over: growth > GROWTH_BUDGET_MB,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchSummary().then((rows) =>
    console.table(rows.map((r) => ({ name: r.name, ms: Number.isNaN(r.medianMs) ? '' : Number(r.medianMs.toFixed(0)), ...(r.budgetMs ? { 'budget ms': r.budgetMs } : {}), ...(r.note ? { note: r.note } : {}) }))),
  );
}
