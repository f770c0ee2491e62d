import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { summariseHousehold } from '../../src/domain/ledger/household';
import { bulkTransaction, nextIds } from '../../src/server/db/bulk';
import { colourCounts } from '../../src/server/modules/ledger/counts';
import { cleanLedgerSheet } from '../../src/server/modules/ledger/excel/fixtures';
import { checkSheet, importLedger } from '../../src/server/modules/ledger/importer';
import { buildingView, listLedger } from '../../src/server/modules/ledger/ledgerList';
import { ledgerDay } from '../../src/server/modules/ledger/policy';
import {
  HISTORY_LOAD_COLUMNS,
  HOUSEHOLD_LOAD_COLUMNS,
  RESIDENT_LOAD_COLUMNS,
} from '../../src/server/modules/ledger/queries';
import { communityPathOf } from '../../src/server/modules/ledger/records';
import { householdRow, residentRow } from '../../src/server/modules/ledger/rows';
import { importDivisions } from '../../src/server/modules/org/divisions';
import type { Actor } from '../../src/server/platform/access';
import type { Services } from '../../src/server/platform/services';
import { analyseLedger, seedDemoLedger } from '../../src/server/setup/demoLedger';
import { readWorkbook } from '../../src/server/sheets/readWorkbook';
import { explainOperation } from './explain';
import { type MeasureOptions, measure, type Timing, timed } from './measure';
import { benchServices, rootActor } from './services';
import type { BenchContext, Facts, Suite } from './suite';

// The household ledger at the size of a city: an office's sheet of 100,000 residents imported end to
// end (read, check, encrypt, de-duplicate, insert) against a raw COPY of the same rows, then the demo
// generator filling Zhengzhou (4101) with 12 million residents by COPY, then the questions a dashboard
// asks often: counts by colour and marker for the whole city, a district, a street, a community.

const IMPORT_RESIDENTS = 100_000;
const CITY_RESIDENTS = 12_000_000;
const QUICK_CITY_RESIDENTS = 1_200_000;
const CITY = '410100';
const DISTRICT = '410105'; // 金水区
const STREET = '410105002'; // 花园路街道
const COMMUNITY = '410105002008'; // 省民航社区
/** the sheet goes into the first village of 中牟县 */
const IMPORT_INTO_DISTRICT = '410122'; // 中牟县

let services: Services;
let actor: Actor;

const round = (x: number, d = 2) => Number(x.toFixed(d));

async function setup(ctx: BenchContext): Promise<Facts> {
  const { db, log } = ctx;
  services = benchServices(db);
  const units = await db.selectFrom('units').select('id').where('code', '=', CITY).executeTakeFirst();
  if (!units) {
    log('importing the official divisions of Zhengzhou (4101) …');
    await importDivisions(db, { province: '41', city: '4101' });
  }
  actor = await rootActor(db);

  // 1. an office's sheet of 100,000 residents, end to end, against a raw COPY of the same rows
  log(`writing a sheet of ${IMPORT_RESIDENTS.toLocaleString('en')} residents …`);
  const sheet = await cleanLedgerSheet({ residents: IMPORT_RESIDENTS, seed: 11 });
  const village = await db
    .selectFrom('units')
    .select('code')
    .where('kind', '=', 'village')
    .where('code', 'like', `${IMPORT_INTO_DISTRICT}%`)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  log('raw COPY of the same rows (the cells as text, into a table of text columns) …');
  const rows = (await readWorkbook(sheet)).rows;
  const header = rows.findIndex((r) => r.some((c) => c === '姓名'));
  const data = rows.slice(header + 1).map((r) => r.map((c) => (c == null ? null : String(c))));
  const width = rows[header].length;
  await sql
    .raw(`CREATE TABLE bench_raw_rows (${Array.from({ length: width }, (_, i) => `c${i} text`).join(', ')})`)
    .execute(db);
  const columns = Array.from({ length: width }, (_, i) => `c${i}`);
  const raw = await timed(() => bulkTransaction(db, ({ copy }) => copy('bench_raw_rows', columns, data)));
  await sql`DROP TABLE bench_raw_rows`.execute(db);
  log(`  ${raw.seconds.toFixed(2)} s`);
  log(
    'raw COPY of the same rows as stored (households, residents, history; indexes, keys, trigger; rolled back) …',
  );
  const stored = await storedRowsCopySeconds(village.code, sheet);
  log(`  ${stored.toFixed(2)} s`);
  log(`importing it into ${village.code} (read, check, encrypt, de-duplicate, insert) …`);
  const steps: Record<string, number> = {};
  let stepAt = performance.now();
  let step = 'scope';
  const imported = await timed(() =>
    importLedger(services, actor, {
      unitCode: village.code,
      data: sheet,
      mode: 'all',
      onStep: (next) => {
        const now = performance.now();
        steps[step] = round((now - stepAt) / 1000);
        step = next;
        stepAt = now;
      },
    }),
  );
  log(`  steps (s): ${JSON.stringify(steps)}`);
  const report = imported.value.report;
  if (!imported.value.imported)
    throw new Error(`the bench sheet did not import: ${JSON.stringify(report.rejected.slice(0, 3))}`);
  log(`  ${imported.seconds.toFixed(2)} s: ${report.households} households, ${report.residents} residents`);

  // 2. the city: 12 million residents by the demo generator, COPY
  const target = ctx.quick ? QUICK_CITY_RESIDENTS : CITY_RESIDENTS;
  log(`filling Zhengzhou with ${target.toLocaleString('en')} residents (demo generator, COPY) …`);
  let last = 0;
  const seeded = await timed(() =>
    seedDemoLedger(services, actor, {
      residents: target,
      within: ['4101'],
      onProgress: (p) => {
        if (p.residents - last >= 500_000) {
          last = p.residents;
          log(`  ${p.residents.toLocaleString('en')} residents`);
        }
      },
    }),
  );
  log(`  ${seeded.seconds.toFixed(0)} s; VACUUM ANALYZE …`);
  await sql`VACUUM (ANALYZE) households, ledger_counts`.execute(db);
  await analyseLedger(db);
  const { rows: size } = await sql<{
    households: number;
    residents: number;
    communities: number;
    counters: number;
    bytes: string;
  }>`
    SELECT (SELECT count(*)::int FROM households) AS households,
           (SELECT count(*)::int FROM residents) AS residents,
           (SELECT count(DISTINCT community_path)::int FROM ledger_counts) AS communities,
           (SELECT count(*)::int FROM ledger_counts) AS counters,
           pg_size_pretty(pg_total_relation_size('residents')) AS bytes`.execute(db);
  // what each search index of the residents costs on disk (migration 005 adds pinyin and initials)
  const { rows: indexes } = await sql<{ name: string; bytes: string }>`
    SELECT c.relname AS name, pg_size_pretty(pg_relation_size(c.oid)) AS bytes
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = 'residents'::regclass ORDER BY c.relname`.execute(db);
  return {
    importResidents: report.residents,
    importHouseholds: report.households,
    importSeconds: round(imported.seconds),
    importRowsPerSecond: Math.round(report.residents / imported.seconds),
    rawCopySeconds: round(raw.seconds),
    rawCopyRowsPerSecond: Math.round(data.length / raw.seconds),
    importShareOfRawCopy: `${Math.round((100 * raw.seconds) / imported.seconds)}%`,
    storedRowsCopySeconds: round(stored),
    storedRowsCopyResidentsPerSecond: Math.round(report.residents / stored),
    importShareOfStoredRowsCopy: `${Math.round((100 * stored) / imported.seconds)}%`,
    importSteps: Object.entries(steps)
      .map(([k, v]) => `${k} ${v} s`)
      .join(', '),
    cityResidentsSeeded: seeded.value.residents,
    citySeedSeconds: round(seeded.seconds, 0),
    citySeedResidentsPerSecond: Math.round(seeded.value.residents / seeded.seconds),
    // the seed's rate against the stored-rows COPY's (into tables still nearly empty, where the seed
    // fills them to 12 M: see docs/architecture.md, "Ledger speed")
    citySeedShareOfStoredRowsCopy: `${Math.round((100 * seeded.value.residents * stored) / (seeded.seconds * report.residents))}%`,
    buildingsAdded: seeded.value.buildingsCreated,
    households: size[0].households,
    residents: size[0].residents,
    communitiesWithHouseholds: size[0].communities,
    countRows: size[0].counters,
    residentsTableWithIndexes: size[0].bytes,
    residentsIndexes: indexes.map((i) => `${i.name} ${i.bytes}`).join(', '),
  };
}

/**
 * The same sheet's rows prepared as the database stores them (checked, encrypted, with their ids; none of
 * that timed), then only their COPY into households, residents and household_history timed, in a
 * transaction rolled back: what the import would cost if reading, checking and encrypting were free.
 */
async function storedRowsCopySeconds(unitCode: string, sheet: Buffer): Promise<number> {
  const { unit, households } = await checkSheet(services, actor, { unitCode, data: sheet });
  const day = await ledgerDay(services);
  const place = {
    regionCode: unit.region_code as string,
    unitId: unit.id,
    unitPath: unit.path,
    communityPath: communityPathOf(unit.path),
  };
  let seconds = 0;
  await bulkTransaction(services.db, async ({ tx, copy }) => {
    const householdIds = await nextIds(tx, 'households', households.length);
    const residentIds = await nextIds(
      tx,
      'residents',
      households.reduce((n, h) => n + h.residents.length, 0),
    );
    const householdRows = households.map((h, i) =>
      householdRow({
        ...place,
        id: householdIds[i],
        entrance: h.unit,
        door: `${h.building}-${h.door}`,
        summary: summariseHousehold(
          h.residents.map((r) => ({ status: 'present', markers: r.markers, facts: {} })),
          day.policy,
          day.today,
        ),
      }),
    );
    let next = 0;
    const residentRows = households.flatMap((h, i) =>
      h.residents.map((r) => residentRow(services.protector, place, residentIds[next++], householdIds[i], r)),
    );
    const historyRows = householdIds.map((id) => [
      place.regionCode,
      id,
      null,
      null,
      'bench',
      'imported',
      null,
      'green',
      null,
      '{}',
    ]);
    const started = performance.now();
    await copy('households', HOUSEHOLD_LOAD_COLUMNS, householdRows);
    await copy('residents', RESIDENT_LOAD_COLUMNS, residentRows);
    await copy('household_history', HISTORY_LOAD_COLUMNS, historyRows);
    seconds = (performance.now() - started) / 1000;
    throw ROLLBACK;
  }).catch((e) => {
    if (e !== ROLLBACK) throw e;
  });
  return seconds;
}

const ROLLBACK = new Error('rolled back on purpose');

async function run(ctx: BenchContext): Promise<Timing[]> {
  const { db, log } = ctx;
  const scope = actor.scope;
  const opts = (o: MeasureOptions): MeasureOptions =>
    ctx.quick ? { warmup: 3, runs: 20, maxSeconds: 3 } : o;
  const OFTEN: MeasureOptions = { warmup: 10, runs: 100, maxSeconds: 15 };
  const building = await db
    .selectFrom('households')
    .innerJoin('units', 'units.id', 'households.unit_id')
    .select('units.code')
    .where('households.community_path', 'like', `%.${COMMUNITY}`)
    .limit(1)
    .executeTakeFirst();
  // a resident's whole ID number, as an office would paste it from a list
  const sealed = await db
    .selectFrom('residents')
    .select('id_enc')
    .where('id_enc', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  const idNumber = sealed?.id_enc ? services.protector.decrypt(sealed.id_enc) : undefined;
  const ops: { key: string; label: string; op: () => Promise<number> }[] = [
    {
      key: 'ledger.counts.city',
      label: 'counts by colour and marker, the city of 4101, with its districts (colourCounts)',
      op: async () => (await colourCounts(db, scope, CITY)).children.length,
    },
    {
      key: 'ledger.counts.district',
      label: `counts, a district (${DISTRICT}), with its streets`,
      op: async () => (await colourCounts(db, scope, DISTRICT)).children.length,
    },
    {
      key: 'ledger.counts.street',
      label: `counts, a street (${STREET}), with its communities`,
      op: async () => (await colourCounts(db, scope, STREET)).children.length,
    },
    {
      key: 'ledger.counts.community',
      label: `counts, a community (${COMMUNITY}), from its households`,
      op: async () => (await colourCounts(db, scope, COMMUNITY)).total.households,
    },
    {
      key: 'ledger.list.city',
      label: 'the ledger, first page of 50 for the city, red and orange (listLedger)',
      op: async () =>
        (await listLedger(services, scope, { unit: CITY, colour: ['red', 'orange'], limit: 50 })).items
          .length,
    },
    {
      key: 'ledger.search.name',
      label: "the ledger of a district, search by name '王秀'",
      op: async () =>
        (await listLedger(services, scope, { unit: DISTRICT, q: '王秀', limit: 50 })).items.length,
    },
    {
      key: 'ledger.search.name1',
      label: "the ledger of a district, search by name '王' (one character)",
      op: async () =>
        (await listLedger(services, scope, { unit: DISTRICT, q: '王', limit: 50 })).items.length,
    },
    {
      key: 'ledger.search.name.city',
      label: "the ledger of the city, search by name '王秀'",
      op: async () => (await listLedger(services, scope, { unit: CITY, q: '王秀', limit: 50 })).items.length,
    },
    {
      key: 'ledger.search.name1.city',
      label: "the ledger of the city, search by name '王' (one character)",
      op: async () => (await listLedger(services, scope, { unit: CITY, q: '王', limit: 50 })).items.length,
    },
    {
      key: 'ledger.search.pinyin',
      label: "the ledger of a district, search by full pinyin 'wangxiuying'",
      op: async () =>
        (await listLedger(services, scope, { unit: DISTRICT, q: 'wangxiuying', limit: 50 })).items.length,
    },
    {
      key: 'ledger.search.initials',
      label: "the ledger of a district, search by pinyin initials 'wxy'",
      op: async () =>
        (await listLedger(services, scope, { unit: DISTRICT, q: 'wxy', limit: 50 })).items.length,
    },
    ...(idNumber
      ? [
          {
            key: 'ledger.search.idNumber',
            label: 'the ledger of the city, search by a whole ID number (blind index)',
            op: async () =>
              (await listLedger(services, scope, { unit: CITY, q: idNumber, limit: 50 })).items.length,
          },
        ]
      : []),
    ...(building
      ? [
          {
            key: 'ledger.building',
            label: `the building view of ${building.code}`,
            op: async () => (await buildingView(db, scope, building.code)).households.length,
          },
        ]
      : []),
  ];
  const results: Timing[] = [];
  for (const { key, label, op } of ops) {
    log(`measuring ${label} …`);
    results.push(await measure(key, label, op, opts(OFTEN)));
    if (ctx.explain) log(`${label}\n${await explainOperation(db, () => op())}`);
  }
  return results;
}

export const ledgerSuite: Suite = {
  name: 'ledger',
  title: 'Household ledger: a 100,000-resident sheet imported; Zhengzhou with 12 million residents counted',
  setup,
  run,
};
