/**
 * Memory of many checks in one run, as `baocao check` over many files does it: every report is
 * kept until the end and then written as JSON. Run in a child process (`benchCheckMemory`) so
 * that its peak resident size is its own, not the bench runner's: prints one JSON line
 * { documents, peakRssMb, heapAfterMb, findings, jsonMb }.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { checkReport, formatJson, type CheckReport } from '../src/core/check';
import { TEMPLATES } from '../src/templates';
const CCHC_6_THANG = TEMPLATES.get('cchc-6-thang');
import { OoxmlDocument } from '../src/document/ooxml/document';
import { BENCH_FILES } from './extract';
import type { BenchRow } from './util';

const MB = 1024 * 1024;
export const MEMORY_BUDGET_MB = 400;

interface MemoryResult {
  documents: number;
  peakRssMb: number;
  heapAfterMb: number;
  findings: number;
  jsonMb: number;
}

async function run(documents: number): Promise<MemoryResult> {
  const inputs = Object.values(BENCH_FILES)
    .filter((f) => existsSync(f))
    .map((f) => new Uint8Array(readFileSync(f)));
  const reports: CheckReport[] = [];
  let findings = 0;
  for (let i = 0; i < documents; i++) {
    const snapshot = await (await OoxmlDocument.open(inputs[i % inputs.length]!)).read();
    const report = checkReport({ definition: CCHC_6_THANG, snapshot, fileName: `tệp-${i}.docx` });
    findings += report.findings.length;
    reports.push(report);
  }
  const beforeJsonRssMb = process.resourceUsage().maxRSS / 1024;
  const json = formatJson(reports);
  if (process.env.BENCH_DEBUG) process.stderr.write(`peak before JSON ${beforeJsonRssMb.toFixed(0)} MB\n`);
  const heapAfterMb = process.memoryUsage().heapUsed / MB;
  // maxRSS is in kilobytes: the peak of the whole run, transient garbage included.
  return { documents, peakRssMb: process.resourceUsage().maxRSS / 1024, heapAfterMb, findings, jsonMb: json.length / MB };
}

/** Runs `documents` checks in a child process and reports its peak resident size against the budget. */
export function benchCheckMemory(documents = 1000): BenchRow[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, String(documents)], { encoding: 'utf8', maxBuffer: 16 * MB });
  const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as MemoryResult;
  return [
    {
      name: `${r.documents} documents in one run, reports kept`,
      medianMs: Number.NaN,
      over: r.peakRssMb > MEMORY_BUDGET_MB,
      note: `peak rss ${r.peakRssMb.toFixed(0)} MB (ngân sách ${MEMORY_BUDGET_MB} MB); heap after ${r.heapAfterMb.toFixed(0)} MB; ${r.findings} findings; JSON ${r.jsonMb.toFixed(1)} MB`,
    },
  ];
}

if (require.main === module) {
  const documents = Number(process.argv[2] ?? 1000);
  void run(documents).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
}
