/**
 * The command line as a user runs it (a new process each time): `baocao --help` (budget 200 ms)
 * and a check of the sample (budget 500 ms) through the bundle that `npm ci` builds (rebuilt here
 * first), beside Node's own start and the same commands from the sources (tsx) for reference.
 * Runs are interleaved (A B C D, A B C D, …) so that a load on the machine hits every row alike;
 * rows report medians. `npx tsx bench/cli.ts` prints a table; `benchCli()` is for the runner.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ASSET_PATHS } from '../src/cli/assets';
import type { BenchRow } from './util';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'baocao.cjs');
const SAMPLE = ASSET_PATHS.sample;

interface Case {
  name: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  budgetMs?: number;
}

/**
 * CPU time (user + system, ms) of the children waited for so far, from /proc/self/stat (Linux;
 * undefined elsewhere): on a loaded machine a process's CPU time says more than its wall time.
 */
function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // After "pid (comm) ": cutime and cstime are fields 16 and 17 of the full line, in clock ticks (100 Hz).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

const medianOf = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function benchCli(runs = 15): Promise<BenchRow[]> {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.cjs')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build:cli failed:\n${build.stderr}`);
  const fromSource = { ...process.env, BAOCAO_FROM_SOURCE: '1' };
  const cases: Case[] = [
    { name: 'node -e 0 (Node start, reference)', args: ['-e', '0'] },
    { name: 'baocao --help', args: [BIN, '--help'], budgetMs: 200 },
    { name: 'baocao check (sample, one file)', args: [BIN, 'check', SAMPLE], budgetMs: 500 },
    { name: 'baocao --help (from sources, tsx)', args: [BIN, '--help'], env: fromSource },
    { name: 'baocao check (sample, from sources, tsx)', args: [BIN, 'check', SAMPLE], env: fromSource },
  ];
  const times = cases.map(() => [] as number[]);
  const cpu = cases.map(() => [] as number[]);
  for (let i = 0; i < runs + 2; i++) {
    cases.forEach((c, k) => {
      const c0 = childrenCpuMs();
      const t0 = performance.now();
      const r = spawnSync(process.execPath, c.args, { cwd: ROOT, env: c.env ?? process.env, stdio: 'ignore' });
      const ms = performance.now() - t0;
      const c1 = childrenCpuMs();
      if (i >= 2 && c0 !== undefined && c1 !== undefined) cpu[k]!.push(c1 - c0);
      if (r.status !== 0 && !(c.args.includes('check') && r.status === 1)) throw new Error(`${c.name}: exit ${r.status}`);
      if (i >= 2) times[k]!.push(ms); // two warm-up rounds (file cache)
    });
  }
  const node = medianOf(times[0]!);
  return cases.map((c, k) => {
    const ms = medianOf(times[k]!);
    const cpuNote = cpu[k]!.length ? `CPU ${medianOf(cpu[k]!).toFixed(0)} ms` : '';
    const startNote = k > 0 ? `Node start + ${(ms - node).toFixed(0)} ms` : '';
    return { name: c.name, medianMs: ms, ...(c.budgetMs ? { budgetMs: c.budgetMs } : {}), note: [startNote, cpuNote].filter(Boolean).join('; ') };
  });
}

if (require.main === module) {
  void benchCli().then((rows) =>
    console.table(rows.map((r) => ({ name: r.name, 'median ms': Number(r.medianMs.toFixed(1)), ...(r.budgetMs ? { 'budget ms': r.budgetMs } : {}), ...(r.note ? { note: r.note } : {}) }))),
  );
}
