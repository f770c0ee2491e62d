import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { shanghaiDay } from '../../src/domain/time/shanghai';
import { generateIdNumber } from '../../src/domain/validators/idNumber';
import { buildApp } from '../../src/server/app';
import { bulkTransaction } from '../../src/server/db/bulk';
import { createDb, type Db } from '../../src/server/db/connection';
import { dueChecks } from '../../src/server/modules/isolation/checks';
import { isolationCounts } from '../../src/server/modules/isolation/counts';
import { listSheetJobs } from '../../src/server/modules/isolation/listSheetJobs';
import { importList } from '../../src/server/modules/isolation/lists';
import { idNumberIndex, protectIdNumber } from '../../src/server/modules/ledger/protect';
import { residentsByIdHmacs } from '../../src/server/modules/ledger/service';
import { importDivisions } from '../../src/server/modules/org/divisions';
import type { Actor } from '../../src/server/platform/access';
import { createSession } from '../../src/server/platform/auth/sessions';
import { platformNow } from '../../src/server/platform/clock';
import { Scope } from '../../src/server/platform/scope';
import type { Services } from '../../src/server/platform/services';
import { analyseLedger, seedDemoLedger } from '../../src/server/setup/demoLedger';
import { workbookBuffer } from '../../src/server/sheets/excelJs';
import { explainOperation } from './explain';
import { type MeasureOptions, measure, prng, type Timing, timed } from './measure';
import { benchServices, rootActor } from './services';
import type { BenchContext, Facts, Suite } from './suite';

// `isolation` — key persons and isolation (issue 14) at the size of a city: Zhengzhou's ledger filled by
// the demo generator (12 M residents, as the ledger suite fills it), 200,000 key persons under measures
// spread over its communities with their measures, checks and history (INSERT … SELECT through the real
// tables: the counts' trigger keeps key_person_tallies as for any insert), a grid worker per community
// answering for its people. Then: a worker's due list (service and HTTP), the counts of the city, a
// district, a street and a community, and a 10,000-row list from above imported and matched end to end.
// Goals: due list < 20 ms, the city's counts < 100 ms, the list ≤ 5 s.

const DAY = '2020-02-05';
const CITY = '410100';
const DISTRICT = '410105'; // 金水区
const STREET = '410105002'; // 花园路街道
const COMMUNITY = '410105002008'; // 省民航社区
const CITY_RESIDENTS = 12_000_000;
const QUICK_CITY_RESIDENTS = 1_200_000;
const KEY_PERSONS = 200_000;
const QUICK_KEY_PERSONS = 20_000;
/** the share of key persons who are ledger residents; the others were registered at a community by address */
const LINKED_SHARE = 0.85;
/** the list from above: rows of ledger residents (of which some key persons already), routed by address, unknown */
const LIST_ROWS = 10_000;
const LIST_RESIDENTS = 8_000;
const LIST_ALREADY = 500;
const LIST_ROUTED = 1_500;
const LIST_UNKNOWN = LIST_ROWS - LIST_RESIDENTS - LIST_ROUTED;
const LIST_COLUMNS = ['姓名', '身份证号', '联系电话', '现住址', '协查原因'];
/** workers whose phones get a session for the HTTP figure */
const SESSIONS = 100;

interface Worker {
  userId: string;
  grantId: string;
  unitId: string;
  unitPath: string;
}

let pool: Db | undefined;
let app: FastifyInstance | undefined;
let services: Services;
let workers: Worker[] = [];
let cookies: string[] = [];
let listSheet: Buffer = Buffer.alloc(0);
let listCells: string[][] = [];
let listHmacs: Buffer[] = [];
let facts: Facts = {};

const round = (x: number, d = 2) => Number(x.toFixed(d));
const count = (n: number) => n.toLocaleString('en');

/** An actor holding one role on one unit (a grid worker, a city office, the command). */
function actorAt(
  role: 'grid_worker' | 'unit_admin' | 'command',
  unit: { id: string; path: string },
  userId: string | null,
  grantId = '0',
): Actor {
  return {
    scope: new Scope([{ id: grantId, role, unitId: unit.id, unitPath: unit.path }]),
    locale: 'zh-CN',
    userId,
    username: 'bench',
  };
}

async function unitOf(db: Db, code: string) {
  return db.selectFrom('units').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
}

/** The city's ledger: filled by the demo generator (as the ledger suite does), unless a suite before filled it. */
async function fillCity(ctx: BenchContext, target: number): Promise<Facts> {
  const { log } = ctx;
  const db = services.db;
  const living = async () =>
    (
      await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM residents
        WHERE status IN ('present', 'away') AND region_code LIKE '4101%'`.execute(db)
    ).rows[0].n;
  const before = await living();
  if (before >= 0.9 * target) {
    log(`isolation: the city holds ${count(before)} residents already (the ledger suite): used as they are`);
    return { cityResidents: before, citySeed: 'filled by the ledger suite' };
  }
  log(`isolation: filling Zhengzhou with ${count(target)} residents (demo generator, COPY) …`);
  let last = 0;
  const root = await rootActor(db);
  const seeded = await timed(() =>
    seedDemoLedger(services, root, {
      residents: target,
      within: ['4101'],
      onProgress: (p) => {
        if (p.residents - last >= 500_000) {
          last = p.residents;
          log(`  ${count(p.residents)} residents`);
        }
      },
    }),
  );
  log(`  ${seeded.seconds.toFixed(0)} s; VACUUM ANALYZE …`);
  await sql`VACUUM (ANALYZE) households, ledger_counts`.execute(db);
  await analyseLedger(db);
  return {
    cityResidents: await living(),
    citySeedSeconds: round(seeded.seconds, 0),
    citySeedResidentsPerSecond: Math.round(seeded.value.residents / seeded.seconds),
  };
}

/**
 * Residents whose ID numbers the list will carry, with their numbers: read back and decrypted. When the
 * ledger suite filled the city its key is not this suite's (each suite's services have a key of their
 * own): the sampled residents are then given new valid numbers sealed with this suite's key (untimed).
 */
async function listResidents(ctx: BenchContext, total: number) {
  const db = services.db;
  const pct = Math.min(100, (100 * 1.2 * LIST_RESIDENTS) / Math.max(total, 1));
  const { rows } = await sql<{ region_code: string; id: string; name: string; id_enc: Buffer }>`
    SELECT region_code, id::text AS id, name, id_enc
    FROM residents TABLESAMPLE BERNOULLI (${sql.lit(pct)}) REPEATABLE (14)
    WHERE status IN ('present', 'away') AND id_enc IS NOT NULL AND region_code LIKE '4101%'`.execute(db);
  const rand = prng(14);
  const picked = rows
    .map((r) => ({ r, k: rand() }))
    .sort((a, b) => a.k - b.k)
    .slice(0, LIST_RESIDENTS)
    .map(({ r }) => r);
  let ours = true;
  try {
    services.protector.decrypt(picked[0].id_enc);
  } catch {
    ours = false;
  }
  let numbers: string[];
  if (ours) numbers = picked.map((r) => services.protector.decrypt(r.id_enc));
  else {
    ctx.log(
      `isolation: the ledger's key is another suite's: ${count(picked.length)} residents given new numbers`,
    );
    numbers = picked.map((r, i) =>
      generateIdNumber({
        regionCode: r.region_code,
        birthDate: new Date(Date.UTC(1950, 0, 1 + i)).toISOString().slice(0, 10),
        sequence: (i * 7) % 1000,
      }),
    );
    const sealed = numbers.map((n) => protectIdNumber(services.protector, n));
    await sql`
      UPDATE residents r SET id_enc = x.enc, id_hmac = x.hmac, id_masked = x.masked, id_tail = x.tail
      FROM unnest(${picked.map((p) => p.region_code)}::text[], ${picked.map((p) => p.id)}::bigint[],
        ${sealed.map((s) => s.enc)}::bytea[], ${sealed.map((s) => s.hmac)}::bytea[],
        ${sealed.map((s) => s.masked)}::text[], ${sealed.map((s) => s.tail)}::text[]) AS x(region_code, id, enc, hmac, masked, tail)
      WHERE r.region_code = x.region_code AND r.id = x.id`.execute(db);
  }
  return picked.map((r, i) => ({ ...r, idNumber: numbers[i] }));
}

/** One grid worker per community of the city (the demo ledger's buildings stand straight under them). */
async function makeWorkers(db: Db, cityPath: string): Promise<Worker[]> {
  await sql`
    INSERT INTO users (username, display_name, password_hash, home_unit_id, home_unit_path)
    SELECT 'bench_grid_' || code, '网格员' || name, 'x', id, path FROM units
    WHERE kind = 'village' AND path >= ${`${cityPath}.`} AND path < ${`${cityPath}/`}
    ORDER BY code`.execute(db);
  await sql`
    INSERT INTO role_grants (user_id, role, unit_id, unit_path)
    SELECT id, 'grid_worker', home_unit_id, home_unit_path FROM users WHERE username LIKE 'bench\\_grid\\_%'
    ORDER BY id`.execute(db);
  const { rows } = await sql<Worker>`
    SELECT u.id::text AS "userId", g.id::text AS "grantId", g.unit_id::text AS "unitId", g.unit_path AS "unitPath"
    FROM users u JOIN role_grants g ON g.user_id = u.id
    WHERE u.username LIKE 'bench\\_grid\\_%' ORDER BY u.id`.execute(db);
  return rows;
}

/**
 * The key persons, in one transaction of INSERT … SELECT: ledger residents sampled (and the list's
 * residents marked "already"), the others registered at a community by address; a category and a measure
 * each (a mix), the measure's period, the community's worker answering for them; the checks of every
 * day of the measure before today (95 % done) and this morning's for about half; the history. The key
 * persons go in last, with their current measure and last check beside them, in one statement: the
 * counts' trigger runs once for them all.
 */
async function makeKeyPersons(
  db: Db,
  opts: {
    persons: number;
    residents: number;
    cityPath: string;
    already: { region_code: string; id: string }[];
  },
) {
  const linked = Math.round(opts.persons * LINKED_SHARE) - opts.already.length;
  const unlinked = opts.persons - linked - opts.already.length;
  const pct = Math.min(100, (100 * 1.05 * linked) / Math.max(opts.residents, 1));
  const today = sql.lit(DAY);
  await db.transaction().execute(async (tx) => {
    await sql`SELECT setseed(0.2020)`.execute(tx);
    await sql`
      CREATE TEMP TABLE bench_villages ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY code) - 1 AS r, path, name, coalesce(region_code, left(code, 6)) AS region_code
      FROM units WHERE kind = 'village' AND path >= ${`${opts.cityPath}.`} AND path < ${`${opts.cityPath}/`}`.execute(
      tx,
    );
    await sql`
      CREATE TEMP TABLE bench_list_people ON COMMIT DROP AS
      SELECT * FROM unnest(${opts.already.map((a) => a.region_code)}::text[], ${opts.already.map((a) => a.id)}::bigint[])
        AS x(region_code, id)`.execute(tx);
    // who: residents sampled (the list's "matched" residents left out), the list's "already" ones, and
    // people not in the ledger at a community
    await sql`
      CREATE TEMP TABLE bench_kp0 ON COMMIT DROP AS
      WITH sampled AS (
        SELECT r.region_code, r.id AS resident_id, r.unit_path, r.name, r.id_enc, r.id_hmac, r.id_masked, r.id_tail,
               r.phone_enc, r.phone_hmac, r.phone_masked, r.phone_tail, NULL::text AS address
        FROM residents r TABLESAMPLE BERNOULLI (${sql.lit(pct)}) REPEATABLE (2020)
        WHERE r.status IN ('present', 'away') AND r.region_code LIKE '4101%' AND r.id_hmac IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM bench_list_matched l WHERE l.region_code = r.region_code AND l.id = r.id)
        ORDER BY random() LIMIT ${linked}
      ), already AS (
        SELECT r.region_code, r.id AS resident_id, r.unit_path, r.name, r.id_enc, r.id_hmac, r.id_masked, r.id_tail,
               r.phone_enc, r.phone_hmac, r.phone_masked, r.phone_tail, NULL::text AS address
        FROM residents r JOIN bench_list_people l ON l.region_code = r.region_code AND l.id = r.id
      ), elsewhere AS (
        SELECT v.region_code, NULL::bigint AS resident_id, v.path AS unit_path,
               (ARRAY['张','王','李','赵','刘','陈','杨','黄','周','吴'])[1 + g % 10] ||
               (ARRAY['伟','芳','娜','敏','静','强','磊','洋','艳','军','杰','勇'])[1 + (g / 10) % 12] AS name,
               NULL::bytea AS id_enc, sha256(('bench-key-person:' || g)::bytea) AS id_hmac,
               '420106**********' || lpad((g % 10000)::text, 4, '0') AS id_masked, lpad((g % 10000)::text, 4, '0') AS id_tail,
               NULL::bytea AS phone_enc, NULL::bytea AS phone_hmac, NULL::text AS phone_masked, NULL::text AS phone_tail,
               '郑州市' || v.name || (1 + g % 30) || '号楼' AS address
        FROM generate_series(1, ${unlinked}) g
        JOIN bench_villages v ON v.r = (g * 7919) % (SELECT count(*) FROM bench_villages)
      )
      SELECT p.*, array_to_string((string_to_array(p.unit_path, '.'))[1:5], '.') AS community_path,
             nextval((SELECT pg_get_serial_sequence('key_persons', 'id')::regclass)) AS kp_id,
             random() AS rc, random() AS rm, random() AS rd, random() AS rs, random() AS rw, random() AS rt, random() AS rf
      FROM (SELECT * FROM sampled UNION ALL SELECT * FROM already UNION ALL SELECT * FROM elsewhere) p`.execute(
      tx,
    );
    // why, which measure, since when, who answers for them
    await sql`
      CREATE TEMP TABLE bench_kp1 ON COMMIT DROP AS
      SELECT k.*,
        CASE WHEN rc < 0.35 THEN 'key_area' WHEN rc < 0.50 THEN 'close_contact' WHEN rc < 0.60 THEN 'secondary_contact'
             WHEN rc < 0.85 THEN 'inbound' WHEN rc < 0.90 THEN 'fever' ELSE 'other' END AS category,
        (ARRAY['checkpoint','screening','list','walk_in','other'])[1 + floor(rs * 5)::int] AS source,
        CASE WHEN rm < 0.40 THEN 'home_isolation' WHEN rm < 0.50 THEN 'centralised' WHEN rm < 0.65 THEN 'home_observation'
             WHEN rm < 0.92 THEN 'health_monitoring' END AS measure,
        w.id AS responsible_user_id
      FROM bench_kp0 k LEFT JOIN users w ON w.home_unit_path = k.community_path AND w.username LIKE 'bench\\_grid\\_%'`.execute(
      tx,
    );
    await sql`
      CREATE TEMP TABLE bench_kp2 ON COMMIT DROP AS
      SELECT k.*, ${today}::date - floor(rd * (days + 2))::int AS starts_on
      FROM (SELECT *, CASE measure WHEN 'health_monitoring' THEN 7 ELSE 14 END AS days FROM bench_kp1) k`.execute(
      tx,
    );
    await sql`
      CREATE TEMP TABLE bench_kp ON COMMIT DROP AS
      SELECT k.*, starts_on + days - 1 AS planned_end,
        ((starts_on + CASE WHEN starts_on = ${today}::date AND rw < 0.5 THEN time '15:00' ELSE time '09:00' END)
          AT TIME ZONE 'Asia/Shanghai') AS started_at,
        CASE WHEN measure IS NOT NULL THEN nextval((SELECT pg_get_serial_sequence('isolation_measures', 'id')::regclass)) END
          AS measure_id,
        measure IS NOT NULL AND starts_on + days - 1 >= ${today}::date AND rt < 0.5
          AND NOT (starts_on = ${today}::date AND rw < 0.5) AS checked_today
      FROM bench_kp2 k`.execute(tx);
    await sql`
      INSERT INTO isolation_measures (region_code, id, key_person_id, kind, starts_on, planned_end, started_at,
        responsible_user_id, door_seal, created_at)
      SELECT region_code, measure_id, kp_id, measure, starts_on, planned_end, started_at, responsible_user_id,
        CASE WHEN measure = 'home_isolation' AND rw < 0.3 THEN 'seal' ELSE 'none' END, started_at
      FROM bench_kp WHERE measure IS NOT NULL ORDER BY region_code, measure_id`.execute(tx);
    // the checks: every day of the measure before today, morning and afternoon, 95 % of them done; and
    // this morning's for about half (a fever among them now and then)
    await sql`
      INSERT INTO health_checks (region_code, client_id, key_person_id, measure_id, checked_at, day, slot, how,
        temperature_c, mood, alarming, by_user, by_name)
      SELECT k.region_code, gen_random_uuid(), k.kp_id, k.measure_id,
        (d.day::date + s.at + make_interval(mins => floor(random() * 150)::int)) AT TIME ZONE 'Asia/Shanghai',
        d.day::date, s.slot, CASE WHEN random() < 0.7 THEN 'door' ELSE 'phone' END,
        round((36.1 + random() * 0.9)::numeric, 1), 'good', false, k.responsible_user_id, '网格员'
      FROM bench_kp k
      CROSS JOIN LATERAL generate_series(k.starts_on::timestamp, least(k.planned_end, ${today}::date - 1)::timestamp, interval '1 day') AS d(day)
      CROSS JOIN (VALUES ('am', time '09:30'), ('pm', time '15:30')) AS s(slot, at)
      WHERE k.measure IS NOT NULL AND random() < 0.95
        AND NOT (d.day::date = k.starts_on AND s.slot = 'am' AND k.started_at >= (k.starts_on + time '13:00') AT TIME ZONE 'Asia/Shanghai')
      UNION ALL
      SELECT k.region_code, gen_random_uuid(), k.kp_id, k.measure_id,
        (${today}::date + time '09:30' + make_interval(mins => floor(random() * 150)::int)) AT TIME ZONE 'Asia/Shanghai',
        ${today}::date, 'am', CASE WHEN random() < 0.7 THEN 'door' ELSE 'phone' END,
        CASE WHEN k.rf < 0.008 THEN 37.8 ELSE round((36.1 + random() * 0.9)::numeric, 1) END, 'good', k.rf < 0.008,
        k.responsible_user_id, '网格员'
      FROM bench_kp k WHERE k.checked_today`.execute(tx);
    await sql`
      CREATE TEMP TABLE bench_last ON COMMIT DROP AS
      SELECT DISTINCT ON (region_code, key_person_id) region_code, key_person_id, checked_at, temperature_c
      FROM health_checks ORDER BY region_code, key_person_id, checked_at DESC`.execute(tx);
    await sql`
      INSERT INTO key_persons (region_code, id, unit_path, community_path, resident_region, resident_id, name, id_type,
        id_enc, id_hmac, id_masked, id_tail, phone_enc, phone_hmac, phone_masked, phone_tail, address, category, source,
        state, measure, measure_id, measure_started_at, measure_last_day, responsible_user_id, last_checked_at,
        last_temperature_c, fever, created_at, updated_at)
      SELECT k.region_code, k.kp_id, k.unit_path, k.community_path, CASE WHEN k.resident_id IS NOT NULL THEN k.region_code END,
        k.resident_id, k.name, 'resident_id', k.id_enc, k.id_hmac, k.id_masked, k.id_tail, k.phone_enc, k.phone_hmac,
        k.phone_masked, k.phone_tail, k.address, k.category, k.source, 'open', k.measure, k.measure_id,
        CASE WHEN k.measure IS NOT NULL THEN k.started_at END, CASE WHEN k.measure IS NOT NULL THEN k.planned_end END,
        k.responsible_user_id, l.checked_at, l.temperature_c, k.checked_today AND k.rf < 0.008,
        k.started_at - interval '1 hour', coalesce(l.checked_at, k.started_at)
      FROM bench_kp k LEFT JOIN bench_last l ON l.region_code = k.region_code AND l.key_person_id = k.kp_id
      ORDER BY k.region_code, k.kp_id`.execute(tx);
    await sql`
      INSERT INTO key_person_history (region_code, key_person_id, kind, detail, by_name, at)
      SELECT region_code, kp_id, 'registered', jsonb_build_object('category', category, 'source', source), 'bench',
        started_at - interval '1 hour'
      FROM bench_kp
      UNION ALL
      SELECT region_code, kp_id, 'measure_started',
        jsonb_build_object('measure', region_code || '-' || measure_id, 'kind', measure, 'startsOn', starts_on,
          'plannedEnd', planned_end, 'responsibleUserId', responsible_user_id::text), 'bench', started_at
      FROM bench_kp WHERE measure IS NOT NULL`.execute(tx);
  });
}

/** The list from above as an office would send it: a title, the header, then the rows in no order. */
async function makeList(
  db: Db,
  cityPath: string,
  residents: { name: string; idNumber: string }[],
): Promise<string[][]> {
  const { rows: villages } = await sql<{ name: string }>`
    SELECT name FROM units WHERE kind = 'village' AND path >= ${`${cityPath}.`} AND path < ${`${cityPath}/`}
    ORDER BY code`.execute(db);
  const rand = prng(20200205);
  const surnames = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙'];
  const given = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '军', '杰', '勇', '霞', '涛'];
  const someone = () =>
    surnames[Math.floor(rand() * surnames.length)] + given[Math.floor(rand() * given.length)];
  let phones = 0;
  const phone = () => (rand() < 0.6 ? `139${String(10_000_000 + ++phones * 37).slice(-8)}` : '');
  const elsewhere = (i: number) =>
    generateIdNumber({
      regionCode: '420106',
      birthDate: new Date(Date.UTC(1960, 0, 1 + i)).toISOString().slice(0, 10),
      sequence: 100 + (i % 800),
    });
  const rows: string[][] = [
    ...residents.map((r) => [r.name, r.idNumber, phone(), '', '武汉返郑']),
    ...Array.from({ length: LIST_ROUTED }, (_, i) => {
      const v = villages[Math.floor(rand() * villages.length)];
      return [someone(), elsewhere(i), phone(), `郑州市${v.name}${1 + (i % 20)}号楼`, '密接'];
    }),
    ...Array.from({ length: LIST_UNKNOWN }, (_, i) => [
      someone(),
      elsewhere(LIST_ROUTED + i),
      phone(),
      '地址不详',
      '武汉返郑',
    ]),
  ];
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

async function setup(ctx: BenchContext): Promise<Facts> {
  const { log } = ctx;
  pool = createDb(ctx.url, 10, { today: DAY });
  services = benchServices(pool, DAY);
  const db = pool;
  if (!(await db.selectFrom('units').select('id').where('code', '=', CITY).executeTakeFirst())) {
    log('isolation: importing Zhengzhou’s divisions …');
    await importDivisions(db, { province: '41', city: '4101' });
  }
  const city = await unitOf(db, CITY);
  const target = ctx.quick ? QUICK_CITY_RESIDENTS : CITY_RESIDENTS;
  const persons = ctx.quick ? QUICK_KEY_PERSONS : KEY_PERSONS;
  facts = {
    goal: 'a worker’s due list < 20 ms, the city’s counts < 100 ms, a 10,000-row list imported and matched ≤ 5 s',
    ...(await fillCity(ctx, target)),
  };

  log(`isolation: ${count(LIST_RESIDENTS)} residents for the list from above …`);
  const sample = await listResidents(ctx, Number(facts.cityResidents));
  const already = sample.slice(0, LIST_ALREADY);
  await sql`CREATE TABLE bench_list_matched (region_code text, id bigint)`.execute(db);
  await sql`
    INSERT INTO bench_list_matched SELECT * FROM unnest(${sample.map((s) => s.region_code)}::text[],
      ${sample.map((s) => s.id)}::bigint[])`.execute(db);

  log('isolation: a grid worker per community …');
  workers = await makeWorkers(db, city.path);
  log(`isolation: ${count(persons)} key persons with their measures, checks and history (INSERT … SELECT) …`);
  const made = await timed(() =>
    makeKeyPersons(db, {
      persons,
      residents: Number(facts.cityResidents),
      cityPath: city.path,
      already,
    }),
  );
  await sql`DROP TABLE bench_list_matched`.execute(db);
  log(`  ${made.seconds.toFixed(1)} s; VACUUM ANALYZE …`);
  await sql`VACUUM (ANALYZE) key_persons, isolation_measures, health_checks, key_person_history, key_person_tallies, users, role_grants`.execute(
    db,
  );

  log(`isolation: the list from above, ${count(LIST_ROWS)} rows (ExcelJS) …`);
  listCells = await makeList(db, city.path, sample);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('协查名单');
  ws.addRow(['郑州市新冠肺炎疫情防控指挥部 协查名单']);
  ws.addRow(LIST_COLUMNS);
  for (const r of listCells) ws.addRow(r);
  listSheet = await workbookBuffer(wb);
  listHmacs = listCells.map((r) => idNumberIndex(services.protector, r[1]));
  await sql`CREATE TABLE bench_list_raw (name text, id_number text, phone text, address text, reason text)`.execute(
    db,
  );

  log(`isolation: ${SESSIONS} workers signed in; the app (buildApp) for the HTTP figure …`);
  cookies = [];
  for (const w of workers.slice(0, SESSIONS))
    cookies.push(`wangge_session=${await createSession(db, w.userId, '127.0.0.1', 'bench')}`);
  app = await buildApp(services, { serveWeb: false });
  await app.ready();

  const { rows: size } = await sql<{
    persons: number;
    measured: number;
    running: number;
    checks: number;
    today: number;
    fevers: number;
    counters: number;
    per_worker: number;
    by_category: string;
    by_measure: string;
  }>`
    SELECT (SELECT count(*)::int FROM key_persons) AS persons,
      (SELECT count(*)::int FROM key_persons WHERE measure IS NOT NULL) AS measured,
      (SELECT count(*)::int FROM key_persons WHERE measure IS NOT NULL AND measure_last_day >= ${DAY}) AS running,
      (SELECT count(*)::int FROM health_checks) AS checks,
      (SELECT count(*)::int FROM health_checks WHERE day = ${DAY}) AS today,
      (SELECT count(*)::int FROM key_persons WHERE fever) AS fevers,
      (SELECT count(*)::int FROM key_person_tallies) AS counters,
      (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n)::int FROM (
        SELECT count(*) AS n FROM key_persons WHERE measure IS NOT NULL AND measure_last_day >= ${DAY}
        GROUP BY responsible_user_id) w) AS per_worker,
      (SELECT string_agg(category || ' ' || n, ', ' ORDER BY n DESC) FROM (
        SELECT category, count(*) AS n FROM key_persons GROUP BY 1) c) AS by_category,
      (SELECT string_agg(m || ' ' || n, ', ' ORDER BY n DESC) FROM (
        SELECT coalesce(measure, 'none') AS m, count(*) AS n FROM key_persons GROUP BY 1) c) AS by_measure`.execute(
    db,
  );
  const s = size[0];
  Object.assign(facts, {
    communities: workers.length,
    gridWorkers: workers.length,
    keyPersons: s.persons,
    keyPersonsLinkedToResidents: Math.round(persons * LINKED_SHARE),
    underMeasure: s.measured,
    runningToday: s.running,
    runningPerWorkerMedian: s.per_worker,
    byCategory: s.by_category,
    byMeasure: s.by_measure,
    healthChecks: s.checks,
    checksThisMorning: s.today,
    fevers: s.fevers,
    keyPersonCountsRows: s.counters,
    keyPersonsSetupSeconds: round(made.seconds, 1),
    listRows: LIST_ROWS,
    listOfLedgerResidents: LIST_RESIDENTS,
    listOfKeyPersonsAlready: LIST_ALREADY,
    listRoutedByAddress: LIST_ROUTED,
    listUnknown: LIST_UNKNOWN,
    listBytes: listSheet.length,
  });
  return facts;
}

let lastList: string | undefined;

type QueryFn = (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Where one run of `work` spends its time: the statements it sends (pg.Client#query, as explain.ts
 * records them), each timed from sending to its answer, the slowest named; the rest is this process
 * (the sheet worker, sealing, matching in memory).
 */
async function statementProfile(work: () => Promise<unknown>): Promise<string> {
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  const seen: { text: string; ms: number }[] = [];
  proto.query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
    const answer = original.call(this, config, values, callback);
    if (typeof config === 'string' && answer instanceof Promise) {
      const t0 = performance.now();
      const text = config.replace(/\s+/g, ' ').trim().slice(0, 70);
      answer.then(
        () => seen.push({ text, ms: performance.now() - t0 }),
        () => {},
      );
    }
    return answer;
  };
  const t0 = performance.now();
  try {
    await work();
  } finally {
    proto.query = original;
  }
  const total = performance.now() - t0;
  const inSql = seen.reduce((n, q) => n + q.ms, 0);
  const slowest = [...seen]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 4)
    .map((q) => `${Math.round(q.ms)} ms ${q.text}`);
  return `${Math.round(total)} ms in all, ${seen.length} statements ${Math.round(inSql)} ms, this process ${Math.round(total - inSql)} ms; slowest: ${slowest.join(' | ')}`;
}

/** Undoes an import: its key persons (the trigger takes them off the counts), their history, the list. */
async function undoList(db: Db) {
  if (!lastList) return;
  const ref = `list:${lastList}`;
  await sql`
    DELETE FROM key_person_history h USING key_persons k
    WHERE k.source_ref = ${ref} AND h.region_code = k.region_code AND h.key_person_id = k.id`.execute(db);
  await sql`DELETE FROM key_persons WHERE source_ref = ${ref}`.execute(db);
  await sql`DELETE FROM isolation_lists WHERE id = ${lastList}`.execute(db);
  lastList = undefined;
}

async function run(ctx: BenchContext): Promise<Timing[]> {
  const { log } = ctx;
  const db = pool as Db;
  const city = await unitOf(db, CITY);
  const command = actorAt('command', city, null);
  const office = actorAt('unit_admin', city, null);
  const opts = (o: MeasureOptions): MeasureOptions =>
    ctx.quick
      ? { ...o, warmup: Math.min(o.warmup ?? 3, 3), runs: Math.min(o.runs ?? 20, 30), maxSeconds: 5 }
      : o;
  const OFTEN: MeasureOptions = { warmup: 20, runs: 200, maxSeconds: 20 };
  const rand = prng(42);
  const worker = () => workers[Math.floor(rand() * workers.length)];
  const results: Timing[] = [];
  const step = async (
    key: string,
    label: string,
    op: () => Promise<number>,
    o: MeasureOptions,
    explain = true,
  ) => {
    log(`measuring ${label} …`);
    results.push(await measure(key, label, op, opts(o)));
    if (ctx.explain && explain) log(`${label}\n${await explainOperation(db, () => op())}`);
  };

  const workerOp = async () => {
    const w = worker();
    const actor = actorAt('grid_worker', { id: w.unitId, path: w.unitPath }, w.userId, w.grantId);
    return (await dueChecks(services, actor, {})).items.length;
  };
  await step(
    'isolation.due.worker',
    'a worker’s due list, random grid workers (dueChecks, mine)',
    workerOp,
    OFTEN,
  );
  const http = app as FastifyInstance;
  await step(
    'isolation.due.worker.http',
    'the same over HTTP: GET /api/isolation/checks/due (buildApp, inject, session cookie)',
    async () => {
      const res = await http.inject({
        method: 'GET',
        url: '/api/isolation/checks/due',
        headers: { cookie: cookies[Math.floor(rand() * cookies.length)] },
      });
      if (res.statusCode !== 200) throw new Error(`due list: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return (res.json() as { items: unknown[] }).items.length;
    },
    OFTEN,
    false,
  );
  await step(
    'isolation.due.community',
    `a community office’s due list (dueChecks, unit=${COMMUNITY})`,
    async () => (await dueChecks(services, office, { unit: COMMUNITY })).items.length,
    { warmup: 10, runs: 100, maxSeconds: 15 },
  );
  for (const [key, code, what] of [
    ['isolation.counts.city', CITY, 'the city, by district'],
    ['isolation.counts.district', DISTRICT, 'a district, by street'],
    ['isolation.counts.street', STREET, 'a street, by community'],
    ['isolation.counts.community', COMMUNITY, 'a community, from its key persons'],
  ] as const)
    await step(
      key,
      `counts by category and measure, ${what} (isolationCounts ${code})`,
      async () => (await isolationCounts(services, command, code)).persons,
      { warmup: 10, runs: 100, maxSeconds: 15 },
    );
  // what the city's figure depends on: the hour (the last slot past its deadline) and how many missed it
  const cityCounts = await isolationCounts(services, command, CITY);
  const clock = platformNow(services.config);
  facts.replayedNow = `${shanghaiDay(clock.getTime())} ${new Date(clock.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)} Asia/Shanghai`;
  facts.cityOverdueChecks = cityCounts.overdueChecks;

  // the list from above: its parts, the raw COPY of its rows, then the whole import
  await step(
    'isolation.list.sheet',
    `part: the ${count(LIST_ROWS)}-row sheet read and checked in a sheet worker`,
    async () => {
      const checked = await listSheetJobs.run('checkList', listSheet, {
        locale: 'zh-CN',
        today: new Date(`${DAY}T00:00:00Z`),
        maxRows: 20_021,
      });
      return checked.outcome === 'read' ? checked.read.rows.length : 0;
    },
    { warmup: 1, runs: 10, maxSeconds: 30, minRuns: 3 },
    false,
  );
  await step(
    'isolation.list.match',
    `part: ${count(LIST_ROWS)} blind indexes matched against the ledger (residentsByIdHmacs)`,
    async () => (await residentsByIdHmacs(db, listHmacs)).length,
    { warmup: 2, runs: 20, maxSeconds: 30, minRuns: 3 },
  );
  await step(
    'isolation.list.rawCopy',
    `raw COPY of the same ${count(LIST_ROWS)} rows (cells as text) into a plain table`,
    async () =>
      bulkTransaction(db, ({ copy }) =>
        copy('bench_list_raw', ['name', 'id_number', 'phone', 'address', 'reason'], listCells),
      ),
    {
      warmup: 2,
      runs: 20,
      maxSeconds: 30,
      minRuns: 3,
      before: async () => void (await sql`TRUNCATE bench_list_raw`.execute(db)),
    },
    false,
  );
  let outcome: Record<string, number> = {};
  await step(
    'isolation.list.import',
    `a ${count(LIST_ROWS)}-row list from above imported and matched at the city (importList, end to end)`,
    async () => {
      const list = await importList(services, office, {
        unitCode: CITY,
        title: '协查名单（压测）',
        category: 'key_area',
        data: listSheet,
      });
      lastList = list.id;
      outcome = {
        matched: list.matched,
        routed: list.routed,
        already: list.already,
        outside: list.outside,
        notFound: list.notFound,
      };
      return list.rows;
    },
    { warmup: 1, runs: 5, maxSeconds: 60, minRuns: 2, before: () => undoList(db) },
    false,
  );
  await undoList(db);
  log('isolation: one more import, its statements timed …');
  facts.listImportProfile = await statementProfile(async () => {
    lastList = (
      await importList(services, office, {
        unitCode: CITY,
        title: '协查名单（压测）',
        category: 'key_area',
        data: listSheet,
      })
    ).id;
  });
  await undoList(db);
  await sql`DROP TABLE bench_list_raw`.execute(db);
  const byKey = new Map(results.map((r) => [r.key, r]));
  const imp = byKey.get('isolation.list.import');
  const raw = byKey.get('isolation.list.rawCopy');
  facts.listOutcome = Object.entries(outcome)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  if (imp && raw) facts['listImport × rawCopy'] = round(imp.medianMs / raw.medianMs, 1);
  return results;
}

export const isolationSuite: Suite = {
  name: 'isolation',
  title:
    'Key persons and isolation: 200,000 key persons in Zhengzhou (12 M residents), due lists, counts, a list from above',
  setup,
  run,
  async teardown() {
    await app?.close().catch(() => {});
    await pool?.destroy().catch(() => {});
    app = undefined;
    pool = undefined;
  },
};
