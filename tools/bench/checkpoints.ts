import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../src/server/app';
import { createDb, type Db } from '../../src/server/db/connection';
import { counts } from '../../src/server/modules/checkpoints/lists';
import { importDivisions } from '../../src/server/modules/org/divisions';
import { createSession } from '../../src/server/platform/auth/sessions';
import { Scope } from '../../src/server/platform/scope';
import { measure, quantile, type Timing } from './measure';
import { benchServices } from './services';
import type { BenchContext, Facts, Suite } from './suite';

// `checkpoints` — passages posted over HTTP to the real app (buildApp on the bench's embedded PostgreSQL,
// a pool of 20 as the server has) by 50 concurrent clients, each passage a car with 2 occupants (ID
// numbers and phones sealed, the ledger's rules, the counts' trigger): passages per second and p99.
// Baseline, same run, same load generator: a bare Fastify + pg route inserting the same rows (a passage
// and its 2 people, in one transaction) into plain tables without any of it. Then a city's counts for a
// day, read through the service from the counts the trigger kept (500 checkpoints, 100,000 passages).

const DAY = '2020-02-05';
const CITY = '410100';
/** concurrent clients (50; BENCH_CHECKPOINT_CLIENTS to try another number) */
const CLIENTS = Number(process.env.BENCH_CHECKPOINT_CLIENTS ?? 50);
const CHECKPOINTS = 500;
const PRELOADED = 100_000;

let app: FastifyInstance | undefined;
let plain: FastifyInstance | undefined;
let plainPool: pg.Pool | undefined;
let pool: Db | undefined;
let cookies: string[] = [];
let facilityIds: string[] = [];
let facts: Facts = {};

function idNumber(n: number): string {
  // a valid GB 11643 number: 410108 + birth date + sequence + check character
  const birth = `19${String(50 + (n % 50)).padStart(2, '0')}0${1 + (n % 9)}1${n % 10}`;
  const first = `410108${birth}${String(n % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return first + '10X98765432'[sum % 11];
}

function body(i: number) {
  return {
    clientId: randomUUID(),
    facilityId: facilityIds[i % facilityIds.length],
    direction: i % 3 === 0 ? 'out' : 'in',
    vehicle: { plate: `豫A${String(10000 + (i % 89999)).padStart(5, '0')}`, kind: 'car' },
    people: [
      {
        name: '张伟',
        idNumber: idNumber(2 * i),
        phone: `138${String(i % 1e8).padStart(8, '0')}`,
        temperatureC: 36.5,
      },
      {
        name: '李娜',
        idNumber: idNumber(2 * i + 1),
        temperatureC: i % 50 === 0 ? 37.8 : 36.4,
        travel: i % 40 === 0 ? [{ place: '4201' }] : [],
      },
    ],
    steps: [{ step: 'stop' }, { step: 'measure' }, { step: 'register' }],
    outcome: 'released',
  };
}

/** `total` POSTs by CLIENTS concurrent clients; answers passages/s and the latencies. */
async function drive(url: string, headersOf: (client: number) => Record<string, string>, total: number) {
  let next = 0;
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const headers = headersOf(client);
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const payload = JSON.stringify(body(i));
        const s = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: payload,
        });
        const answer = await res.text();
        latencies.push(performance.now() - s);
        if (res.status !== 201) {
          failed++;
          firstFailure ??= `${res.status} ${answer.slice(0, 300)}`;
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  // a figure of failed posts measures nothing: the run stops with the first answer that was not 201
  if (failed)
    throw new Error(
      `checkpoints bench: ${failed} of ${total} posts to ${url} failed; the first: ${firstFailure}`,
    );
  return { perSecond: total / seconds, latencies };
}

function timing(key: string, label: string, latencies: number[], rows: number): Timing {
  return {
    key,
    label,
    runs: latencies.length,
    medianMs: quantile(latencies, 0.5),
    p95Ms: quantile(latencies, 0.99),
    minMs: latencies[0],
    maxMs: latencies[latencies.length - 1],
    rows,
  };
}

async function setup(ctx: BenchContext): Promise<Facts> {
  const { db, log } = ctx;
  const present = await db.selectFrom('units').select('id').where('code', '=', CITY).executeTakeFirst();
  if (!present) {
    log('checkpoints: importing Zhengzhou’s divisions …');
    await importDivisions(db, { province: '41', city: '4101' });
  }
  log(`checkpoints: ${CHECKPOINTS} checkpoints across the city's towns, ${PRELOADED} passages of ${DAY} …`);
  await sql`
    INSERT INTO facilities (unit_id, unit_path, kind, name)
    SELECT u.id, u.path, 'checkpoint', u.name || '卡点' || g
    FROM (SELECT id, path, name, row_number() OVER (ORDER BY code) AS r FROM units
          WHERE code LIKE '4101%' AND length(code) = 9) u,
         generate_series(1, 3) g
    ORDER BY u.r, g
    LIMIT ${CHECKPOINTS}`.execute(db);
  const fs = await sql<{ id: string; unit_path: string; region: string }>`
    SELECT f.id::text AS id, f.unit_path, coalesce(u.region_code, left(u.code, 6)) AS region
    FROM facilities f JOIN units u ON u.id = f.unit_id WHERE f.kind = 'checkpoint'
    ORDER BY f.id`.execute(db);
  facilityIds = fs.rows.map((f) => f.id);
  const t0 = performance.now();
  // the day's passages in bulk (names only): the trigger keeps the counts as for any insert
  await sql`
    INSERT INTO checkpoint_passages (region_code, client_id, facility_id, unit_path, occurred_at, day, shift_id,
      shift_name, direction, plate, vehicle_kind, people_count, names, outcome, key_area_people, fever_people)
    SELECT f.region, gen_random_uuid(), f.id::bigint, f.unit_path,
      ${DAY}::date + make_interval(secs => (g * 0.86)::int) - interval '8 hours', ${DAY}::date,
      1 + g % 3, (ARRAY['白班','中班','夜班'])[1 + g % 3], CASE WHEN g % 3 = 0 THEN 'out' ELSE 'in' END,
      '豫A' || lpad((g % 99999)::text, 5, '0'), 'car', 2, ARRAY['张伟','李娜'],
      CASE WHEN g % 97 = 0 THEN 'persuaded_back' ELSE 'released' END, (g % 60 = 0)::int, (g % 80 = 0)::int
    FROM generate_series(1, ${PRELOADED}) g
    JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS r, id, unit_path, region FROM (
          SELECT f.id, f.unit_path, coalesce(u.region_code, left(u.code, 6)) AS region
          FROM facilities f JOIN units u ON u.id = f.unit_id WHERE f.kind = 'checkpoint') q) f
      ON f.r = g % ${facilityIds.length}`.execute(db);
  const preloadSeconds = (performance.now() - t0) / 1000;
  await sql`VACUUM (ANALYZE) checkpoint_passages`.execute(db);
  await sql`VACUUM (ANALYZE) checkpoint_counts`.execute(db);

  // a checkpoint worker of the city per client, each signed in on their own phone (one session each)
  const city = await db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('code', '=', CITY)
    .executeTakeFirstOrThrow();
  cookies = [];
  for (let c = 0; c < CLIENTS; c++) {
    const { rows: users } = await sql<{ id: string }>`
      INSERT INTO users (username, display_name, password_hash, home_unit_id, home_unit_path)
      VALUES (${`bench_kadian_${c}`}, ${`卡点压测${c}`}, 'x', ${city.id}, ${city.path}) RETURNING id::text AS id`.execute(
      db,
    );
    await sql`
      INSERT INTO role_grants (user_id, role, unit_id, unit_path)
      VALUES (${users[0].id}, 'checkpoint_staff', ${city.id}, ${city.path})`.execute(db);
    cookies.push(`wangge_session=${await createSession(db, users[0].id, '127.0.0.1', 'bench')}`);
  }

  pool = createDb(ctx.url, 20, { today: DAY });
  app = await buildApp(benchServices(pool, DAY), { serveWeb: false });
  await app.listen({ host: '127.0.0.1', port: 0 });

  // the baseline: the same rows into plain tables, a bare route, no checks, no sealing, no trigger
  await sql`CREATE TABLE bench_plain_passages (LIKE checkpoint_passages INCLUDING DEFAULTS INCLUDING IDENTITY)`.execute(
    db,
  );
  await sql`ALTER TABLE bench_plain_passages ADD PRIMARY KEY (region_code, id)`.execute(db);
  await sql`CREATE TABLE bench_plain_people (LIKE checkpoint_people INCLUDING DEFAULTS INCLUDING IDENTITY)`.execute(
    db,
  );
  await sql`ALTER TABLE bench_plain_people ADD PRIMARY KEY (region_code, id)`.execute(db);
  plainPool = new pg.Pool({ connectionString: ctx.url, max: 20 });
  const pp = plainPool;
  plain = Fastify();
  plain.post('/p', async (req, reply) => {
    const b = req.body as ReturnType<typeof body>;
    const c = await pp.connect();
    try {
      await c.query('BEGIN');
      const { rows } = await c.query(
        `INSERT INTO bench_plain_passages (region_code, client_id, facility_id, unit_path, occurred_at, day, direction,
           plate, vehicle_kind, people_count, names, outcome)
         VALUES ('410108', $1, $2, '41', now(), $3, $4, $5, $6, 2, $7, $8) RETURNING id`,
        [
          b.clientId,
          b.facilityId,
          DAY,
          b.direction,
          b.vehicle.plate,
          b.vehicle.kind,
          b.people.map((p) => p.name),
          b.outcome,
        ],
      );
      await c.query(
        `INSERT INTO bench_plain_people (region_code, passage_id, position, name, temperature_c)
         VALUES ('410108', $1, 0, $2, $3), ('410108', $1, 1, $4, $5)`,
        [rows[0].id, b.people[0].name, b.people[0].temperatureC, b.people[1].name, b.people[1].temperatureC],
      );
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    } finally {
      c.release();
    }
    return reply.status(201).send({ id: '410108-1' });
  });
  await plain.listen({ host: '127.0.0.1', port: 0 });

  facts = {
    checkpoints: facilityIds.length,
    preloadedPassages: PRELOADED,
    preloadSeconds: Number(preloadSeconds.toFixed(1)),
    clients: CLIENTS,
    goal: 'posts ≥ 1,500/s, p99 < 50 ms and ≥ 50 % of the baseline; a city’s counts for a day < 100 ms',
  };
  return facts;
}

let baselineRun: { perSecond: number; latencies: number[] } | undefined;

export const checkpointsSuite: Suite = {
  name: 'checkpoints',
  title: `checkpoint passages posted over HTTP by ${CLIENTS} clients (2 occupants each), and a city's counts for a day`,
  setup,

  async baseline(ctx: BenchContext): Promise<Timing> {
    if (!plain) throw new Error('checkpoints bench: setup did not start the baseline server');
    const port = (plain.server.address() as AddressInfo).port;
    const total = ctx.quick ? 1000 : 6000;
    await drive(`http://127.0.0.1:${port}/p`, () => ({}), 300);
    ctx.log(`checkpoints: baseline, ${total} posts to a bare Fastify + pg route …`);
    baselineRun = await drive(`http://127.0.0.1:${port}/p`, () => ({}), total);
    facts['baseline.passagesPerSecond'] = Math.round(baselineRun.perSecond);
    facts['baseline.p99Ms'] = Number(quantile(baselineRun.latencies, 0.99).toFixed(1));
    return timing(
      'checkpoints.baseline',
      'baseline: bare Fastify + pg insert (p95 column: p99)',
      baselineRun.latencies,
      Math.round(baselineRun.perSecond),
    );
  },

  async run(ctx: BenchContext): Promise<Timing[]> {
    if (!app) throw new Error('checkpoints bench: setup did not start the app');
    const port = (app.server.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/api/checkpoints/passages`;
    const total = ctx.quick ? 1000 : 6000;
    await drive(url, (c) => ({ cookie: cookies[c] }), 300);
    ctx.log(`checkpoints: ${total} passages to the app …`);
    const r = await drive(url, (c) => ({ cookie: cookies[c] }), total);
    const p99 = quantile(r.latencies, 0.99);
    facts['app.passagesPerSecond'] = Math.round(r.perSecond);
    facts['app.p99Ms'] = Number(p99.toFixed(1));
    facts['throughput × baseline'] = Number((r.perSecond / (baselineRun?.perSecond ?? 1)).toFixed(2));
    ctx.log(
      `checkpoints: ${Math.round(r.perSecond)}/s (baseline ${Math.round(baselineRun?.perSecond ?? 0)}/s), p99 ${p99.toFixed(1)} ms`,
    );
    const out: Timing[] = [
      timing(
        'checkpoints.post',
        'POST /api/checkpoints/passages (rows: passages/s; p95 column: p99)',
        r.latencies,
        Math.round(r.perSecond),
      ),
    ];
    const city = await ctx.db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('code', '=', CITY)
      .executeTakeFirstOrThrow();
    const actor = {
      scope: new Scope([{ id: '0', role: 'checkpoint_staff', unitId: city.id, unitPath: city.path }]),
      locale: 'zh-CN' as const,
      userId: null,
      username: 'bench',
    };
    const services = benchServices(ctx.db, DAY);
    const opts = ctx.quick ? { warmup: 2, runs: 10, minRuns: 5 } : { warmup: 10, runs: 200 };
    out.push(
      await measure(
        'checkpoints.counts.city',
        `a city's counts for a day (counts(), ${CITY}, by district)`,
        async () => (await counts(services, actor, { unit: CITY, day: DAY })).vehicles,
        opts,
      ),
    );
    out.push(
      await measure(
        'checkpoints.counts.facility',
        'a checkpoint’s counts for a day, by shift',
        async (i) =>
          (await counts(services, actor, { facility: facilityIds[i % facilityIds.length], day: DAY }))
            .vehicles,
        opts,
      ),
    );
    return out;
  },

  async teardown() {
    await app?.close().catch(() => {});
    await plain?.close().catch(() => {});
    await plainPool?.end().catch(() => {});
    await pool?.destroy().catch(() => {});
    app = plain = undefined;
  },
};
