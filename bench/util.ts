/** Median and fastest of `runs` timings after `warmup` untimed runs. */
export async function timings(fn: () => unknown | Promise<unknown>, runs = 30, warmup = 5): Promise<{ median: number; min: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return { median: times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2, min: times[0]! };
}

/** Median of `runs` timings after `warmup` untimed runs. */
export async function median(fn: () => unknown | Promise<unknown>, runs = 30, warmup = 5): Promise<number> {
  return (await timings(fn, runs, warmup)).median;
}

export interface BenchRow {
  name: string;
  medianMs: number;
  budgetMs?: number;
  note?: string;
  /** Over a budget that is not a time (a size): set by the bench itself. */
  over?: boolean;
}
