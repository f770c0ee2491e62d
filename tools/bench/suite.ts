import type { Db } from '../../src/server/db/connection';
import type { Timing } from './measure';

// What a benchmark suite is. main.ts runs every suite in one embedded PostgreSQL, one after the other,
// in the order of its list: a suite builds its data (setup), the harness measures the baseline on
// that data, then the suite measures its queries (run), each figure printed with its ratio to the
// baseline. Later suites find the data of the earlier ones in place (the tree comes first).

export interface BenchContext {
  db: Db;
  /** the bench database's connection string (a suite that needs a pool of its own: checkpoints) */
  url: string;
  /** a progress line (to stderr, so that stdout stays the report) */
  log(msg: string): void;
  /** --explain: print the plan of every query a measured operation runs */
  explain: boolean;
  /** --quick: fewer runs, for trying the harness out (figures are rougher) */
  quick: boolean;
}

/** Facts about the data a suite built, printed above its table and kept in BENCH_JSON. */
export type Facts = Record<string, number | string>;

export interface Suite {
  /** short name, used on the command line (npm run bench -- tree) and in BENCH_JSON */
  name: string;
  title: string;
  setup(ctx: BenchContext): Promise<Facts>;
  run(ctx: BenchContext): Promise<Timing[]>;
  /**
   * The suite's own baseline, for figures a primary-key lookup says nothing about (a page load over a
   * slow link: the same page without compression). Without it, the harness's primary-key lookup.
   */
  baseline?(ctx: BenchContext): Promise<Timing>;
  /** what the `rows` column counts, when it is not rows (bytes) */
  rowsHeader?: string;
  /** stops what setup started (a server, a browser): after the suite, on success or error */
  teardown?(): Promise<void>;
}
