import { sql } from 'kysely';
import { countsAt, whoIsOut } from '../../src/server/modules/gates/service';
import { type MeasureOptions, measure, type Timing } from './measure';
import { benchServices, rootActor } from './services';
import type { BenchContext, Facts, Suite } from './suite';

// Courtyard gates (issue 13): "who is still out" for a courtyard of 2,000 households (goal < 20 ms), and
// a city's gate counts for a day, through the gates module's service functions, among the data of many
// gates. The rows are written straight into the gate tables (they reference households by key, not by a
// foreign key): a city of GATES courtyards with a gate each, HOUSEHOLDS households behind the measured
// gate and 2 residents each; at the evening's peak 30 % of residents are out at every gate. If the tree
// suite ran first its units are used; else the few units the gates need are made here.

const GATES = 300;
const HOUSEHOLDS = 2_000;
const BUILDINGS = 40;
const OUT_SHARE = 0.3;
const DAY = '2020-02-05';
const CITY = '410100';
const CITY_PATH = '410000.410100';

let measuredGate = '';

async function ensureUnits(db: BenchContext['db']) {
  await sql`
    INSERT INTO units (code, parent_id, kind, name, path, depth, region_code)
    VALUES ('410000', NULL, 'province', '河南省', '410000', 1, NULL)
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`
    INSERT INTO units (code, parent_id, kind, name, path, depth, region_code)
    SELECT '410100', id, 'city', '郑州市', ${CITY_PATH}, 2, NULL FROM units WHERE code = '410000'
    ON CONFLICT DO NOTHING`.execute(db);
  // one courtyard per gate, straight under the city (the depth of the tree does not change the queries)
  await sql`
    INSERT INTO units (code, parent_id, kind, name, path, depth, region_code)
    SELECT '410100000000Y' || lpad(g::text, 4, '0'), c.id, 'courtyard', g || '号院',
           ${CITY_PATH} || '.Y' || lpad(g::text, 4, '0'), 3, '410105'
    FROM units c, generate_series(1, ${GATES}) g WHERE c.code = '410100'
    ON CONFLICT DO NOTHING`.execute(db);
}

async function setup(ctx: BenchContext): Promise<Facts> {
  const { db, log } = ctx;
  await ensureUnits(db);
  log(`gates: ${GATES} courtyards with a gate each, ${HOUSEHOLDS} households behind each …`);
  await sql`
    INSERT INTO gates (unit_id, unit_path, name)
    SELECT id, path, '东门' FROM units WHERE code LIKE '410100000000Y%' ORDER BY code`.execute(db);
  const { rows } = await sql<{ id: string }>`SELECT min(id)::text AS id FROM gates`.execute(db);
  measuredGate = rows[0].id;
  // passes: household h of gate g lives in building (h % BUILDINGS)
  await sql`
    INSERT INTO gate_passes (gate_id, region_code, household_id, unit_path, building, door, token)
    SELECT g.id, '410105', g.id * 10000 + h, g.unit_path || '.B' || lpad((h % ${BUILDINGS})::text, 4, '0'),
           (h % ${BUILDINGS} + 1) || '号楼', (h / ${BUILDINGS} + 1)::text, md5(g.id || ':' || h)
    FROM gates g, generate_series(1, ${HOUSEHOLDS}) h`.execute(db);
  // the day's scans: the first resident of every household out once (the pass's use for the day)
  await sql`
    INSERT INTO gate_scans (client_id, gate_id, gate_path, pass_id, region_code, household_id, resident_id,
                            unit_path, name, direction, outcome, at, day)
    SELECT gen_random_uuid(), p.gate_id, g.unit_path, p.id, p.region_code, p.household_id, p.household_id * 2,
           p.unit_path, '居民' || p.household_id, 'out', 'allowed', ${`${DAY}T08:00:00+08`}::timestamptz, ${DAY}
    FROM gate_passes p JOIN gates g ON g.id = p.gate_id`.execute(db);
  // who is out now: 30 % of the residents (both of some households)
  await sql`
    INSERT INTO gate_out (gate_id, region_code, resident_id, household_id, unit_path, building, door, name,
                          phone_masked, work_unit, out_at, scan_id)
    SELECT p.gate_id, p.region_code, p.household_id * 2 + r, p.household_id, p.unit_path, p.building, p.door,
           '居民' || p.household_id || '-' || r, '139****' || lpad((p.household_id % 10000)::text, 4, '0'),
           '郑州市某单位', ${`${DAY}T08:00:00+08`}::timestamptz, 0
    FROM gate_passes p, generate_series(0, 1) r
    WHERE (hashtext(p.id || ':' || r) & 1023) < ${Math.round(OUT_SHARE * 1024)}`.execute(db);
  await sql`VACUUM (ANALYZE) gates, gate_passes, gate_scans, gate_out, gate_out_counts, gate_day_counts`.execute(
    db,
  );
  const { rows: n } = await sql<{ out: number; measured: number }>`
    SELECT (SELECT count(*)::int FROM gate_out) AS out,
           (SELECT count(*)::int FROM gate_out WHERE gate_id = ${measuredGate}) AS measured`.execute(db);
  return {
    gates: GATES,
    households: GATES * HOUSEHOLDS,
    peopleOut: n[0].out,
    outAtMeasuredGate: n[0].measured,
  };
}

async function run(ctx: BenchContext): Promise<Timing[]> {
  const services = benchServices(ctx.db, DAY);
  const actor = await rootActor(ctx.db);
  const opts = (o: MeasureOptions): MeasureOptions =>
    ctx.quick ? { ...o, runs: Math.min(o.runs ?? 20, 20) } : o;
  return [
    await measure(
      'gates.out.courtyard',
      `who is still out: a courtyard of ${HOUSEHOLDS.toLocaleString('en')} households, by building (whoIsOut)`,
      async () => (await whoIsOut(services, actor.scope, measuredGate)).total,
      opts({ warmup: 5, runs: 100, maxSeconds: 20 }),
    ),
    await measure(
      'gates.counts.city',
      `gate counts of the city for a day, ${GATES} gates (countsAt)`,
      async () => (await countsAt(services, actor.scope, CITY, DAY)).outNow,
      opts({ warmup: 5, runs: 100, maxSeconds: 20 }),
    ),
  ];
}

export const gatesSuite: Suite = {
  name: 'gates',
  title: 'Courtyard gates: who is still out, counts',
  setup,
  run,
};
