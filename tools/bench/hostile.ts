import type { FastifyInstance } from 'fastify';
import type { LedgerError } from '../../src/domain/ledger/sheet/messages';
import { buildApp } from '../../src/server/app';
import { ledgerUploadJobs } from '../../src/server/modules/ledger/uploadJobs';
import {
  fullWidthMergesSheet,
  sharedStringsBomb,
  tallMergesSheet,
} from '../../src/server/sheets/hostileSheets';
import { stopSheetWorkers } from '../../src/server/sheets/worker/pool';
import { inSheetWorker } from '../../src/server/sheets/worker/sheetJobs';
import { measure, type Timing } from './measure';
import { benchServices } from './services';
import type { BenchContext, Facts, Suite } from './suite';

// Hostile sheets (issue 11, finding 4): how long /healthz takes to answer while sheets built to hurt the
// server are refused, one after the other, in the sheet workers — 40,000 tall overlapping merged ranges,
// a 1 MB shared-strings bomb of 460 MB, and the error sheet of 4,000 rows merged across Excel's whole
// width. The baseline is /healthz on the same app with no upload at all. The goal: within 200 ms.

let app: FastifyInstance | undefined;
const files: Record<string, Buffer> = {};
/** the errors of the full-width sheet's rows (an ID number with a bad check digit on each) */
let wideErrors: LedgerError[] = [];

async function healthz(): Promise<number> {
  const res = await (app as FastifyInstance).inject({ method: 'GET', url: '/healthz' });
  if (res.statusCode !== 200) throw new Error(`/healthz ${res.statusCode}`);
  return 1;
}

/** Refuses (or, for the full-width merges, writes the error sheet of) a hostile file in the workers. */
async function hostileJob(name: string): Promise<void> {
  const data = files[name];
  if (name === 'wide') {
    await inSheetWorker('errorSheet', data, '台账', wideErrors, 'zh-CN', 0);
    return;
  }
  await ledgerUploadJobs
    .run('checkLedger', data, { locale: 'zh-CN', ledgerDay: '2020-02-05', headRows: 12 })
    .then(
      () => {
        throw new Error(`the ${name} sheet was not refused`);
      },
      (e: { key?: string }) => {
        if (!e.key?.startsWith('upload.limit')) throw e;
      },
    );
}

/** /healthz measured while the hostile job runs again and again. */
async function underAttack(ctx: BenchContext, name: string, label: string): Promise<Timing> {
  let running = true;
  let jobs = 0;
  const attack = (async () => {
    while (running) {
      await hostileJob(name);
      jobs++;
    }
  })();
  const timing = await measure(`hostile.healthz.${name}`, label, healthz, {
    warmup: 3,
    runs: ctx.quick ? 20 : 100,
    maxSeconds: ctx.quick ? 10 : 30,
    minRuns: 10,
    before: () => new Promise((r) => setTimeout(r, 25)),
  });
  running = false;
  await attack;
  ctx.log(`  ${jobs} ${name} uploads handled meanwhile`);
  return timing;
}

export const hostileSuite: Suite = {
  name: 'hostile',
  title: 'Hostile sheets: /healthz while they are refused in the sheet workers (goal: < 200 ms)',
  async setup(ctx) {
    ctx.log('writing the hostile sheets …');
    files.tall = await tallMergesSheet();
    files.bomb = await sharedStringsBomb(460);
    files.wide = await fullWidthMergesSheet();
    const wide = await ledgerUploadJobs.run('checkLedger', files.wide, {
      locale: 'zh-CN',
      ledgerDay: '2020-02-05',
      headRows: 0,
    });
    wideErrors = wide.checked.errors;
    app = await buildApp(benchServices(ctx.db), { serveWeb: false });
    await app.ready();
    const facts: Facts = {};
    for (const name of ['tall', 'bomb', 'wide']) {
      const started = performance.now();
      await hostileJob(name);
      facts[`${name}Bytes`] = files[name].length;
      facts[`${name}Seconds`] = Math.round((performance.now() - started) / 10) / 100;
    }
    return facts;
  },
  baseline: () => measure('hostile.healthz.idle', '/healthz, no upload', healthz, { warmup: 5, runs: 100 }),
  async run(ctx) {
    return [
      await underAttack(ctx, 'tall', '/healthz while 40,000 tall merged ranges are refused'),
      await underAttack(ctx, 'bomb', '/healthz while a 460 MB shared-strings bomb is refused'),
      await underAttack(ctx, 'wide', '/healthz while the error sheet of 4,000 full-width merges is written'),
    ];
  },
  async teardown() {
    await app?.close();
    await stopSheetWorkers();
  },
};
