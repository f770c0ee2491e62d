import { performance } from 'node:perf_hooks';

// Timing helpers of the benchmarks: warm up, repeat, then the median and the 95th percentile.
// Nothing here asserts a timing (DESIGN rule 9): figures are printed, with their ratio to a baseline
// measured in the same run, because the machines that run this are shared and noisy.

/** One measured operation: `run(i)` does the work of run i and answers how many rows it got. */
export type Operation = (i: number) => Promise<number>;

export interface MeasureOptions {
  /** runs whose times are thrown away (caches, plans, JIT) */
  warmup?: number;
  /** measured runs */
  runs?: number;
  /** stop measuring after this many seconds, once at least `minRuns` runs are in */
  maxSeconds?: number;
  minRuns?: number;
  /** untimed work before every run (warm-up runs too): undo what the last run wrote */
  before?: (i: number) => Promise<void>;
}

export interface Timing {
  /** stable name for machines (BENCH_JSON): tree.search.initials */
  key: string;
  /** what a reader sees in the table */
  label: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  /** rows the operation answered: one number when every run got the same, else the range */
  rows: number | { min: number; max: number };
}

/** The q-quantile of sorted values, nearest rank (p95 of 200 runs is the 190th smallest). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

/** The median: the middle value, or the mean of the two middle values. */
export function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Times an operation: `warmup` runs, then up to `runs` timed runs, one after the other. */
export async function measure(
  key: string,
  label: string,
  op: Operation,
  opts: MeasureOptions = {},
): Promise<Timing> {
  const { warmup = 20, runs = 200, maxSeconds = 20, minRuns = 20, before } = opts;
  for (let i = 0; i < warmup; i++) {
    await before?.(i);
    await op(i);
  }
  const times: number[] = [];
  const rows: number[] = [];
  const deadline = performance.now() + maxSeconds * 1000;
  for (let i = 0; i < runs; i++) {
    await before?.(warmup + i);
    const t0 = performance.now();
    rows.push(await op(warmup + i));
    const t1 = performance.now();
    times.push(t1 - t0);
    if (t1 > deadline && times.length >= minRuns) break;
  }
  times.sort((a, b) => a - b);
  const minRows = Math.min(...rows);
  const maxRows = Math.max(...rows);
  return {
    key,
    label,
    runs: times.length,
    medianMs: median(times),
    p95Ms: quantile(times, 0.95),
    minMs: times[0],
    maxMs: times[times.length - 1],
    rows: minRows === maxRows ? minRows : { min: minRows, max: maxRows },
  };
}

/** Wall time of a one-off step (a load, an import), in seconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

/** A deterministic pseudo-random generator (mulberry32): the same data on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Printing

/** Columns a string takes in a terminal: Han characters and full-width forms take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** A plain text table; columns whose header is in `rightAligned` are aligned right. */
export function table(
  headers: string[],
  rows: string[][],
  rightAligned: ReadonlySet<string> = new Set(),
): string {
  const widths = headers.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], rightAligned.has(headers[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function ms(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(3);
}

export function rowsText(rows: Timing['rows']): string {
  return typeof rows === 'number' ? String(rows) : `${rows.min}–${rows.max}`;
}
