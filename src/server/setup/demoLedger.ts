import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import {
  type DemoHousehold,
  type DemoResident,
  dayOf,
  generateHouseholds,
  IdNumberAllocator,
  isoOf,
} from '../../domain/ledger/demo';
import { type StoredFacts, summariseHousehold } from '../../domain/ledger/household';
import { normaliseUnitCode } from '../../domain/org/units';
import { bulkTransaction, encodeCopy, nextIds } from '../db/bulk';
import type { Db } from '../db/connection';
import { uniqueViolation } from '../db/transaction';
import { ledgerDay } from '../modules/ledger/policy';
import { idNumberIndex } from '../modules/ledger/protect';
import {
  HISTORY_LOAD_COLUMNS,
  HOUSEHOLD_LOAD_COLUMNS,
  type LoadRow,
  livingIdHmacs,
  RESIDENT_LOAD_COLUMNS,
} from '../modules/ledger/queries';
import { householdRow, residentRow } from '../modules/ledger/rows';
import { createUnitsIn } from '../modules/org/service';
import type { Actor } from '../platform/access';
import { inSubtree } from '../platform/scope';
import type { Services } from '../platform/services';

// The demo ledger: households and residents for the buildings of the demo communities (or, for a
// benchmark, of every community under a unit), from the pure generator in domain/ledger/demo — valid
// synthetic ID numbers, realistic names, colours derived from generated facts by the real rules —
// loaded with COPY in chunks of one transaction each. Buildings that have households are left alone.

/** Doors per building of the generator's default layout (3 entrances × 6 floors × 2 doors). */
const DOORS_PER_BUILDING = 36;
/** residents per door, about (the generator's mean household size, empty doors included) */
const RESIDENTS_PER_DOOR = 2.2; // low on purpose: the generator gives about 2.7, empty doors included; spare doors are harmless
const CHUNK_HOUSEHOLDS = 20_000;
/** how long the generator runs before giving way to the COPY of the chunk loading meanwhile (ms) */
const SLICE_MS = 4;

export interface SeedLedgerOptions {
  /** residents to generate in all */
  residents: number;
  /** the subtrees whose buildings are filled (unit codes); buildings are added to their communities when short */
  within: string[];
  seed?: number;
  onProgress?: (done: { households: number; residents: number }) => void;
}

export interface SeedLedgerResult {
  seeded: boolean;
  households: number;
  residents: number;
  buildingsCreated: number;
}

interface Building {
  id: string;
  path: string;
  region_code: string;
}

export async function seedDemoLedger(
  services: Services,
  actor: Actor,
  opts: SeedLedgerOptions,
): Promise<SeedLedgerResult> {
  const { db } = services;
  const codes = opts.within.map((c) => normaliseUnitCode(c) ?? c);
  const roots = await db.selectFrom('units').select(['code', 'path']).where('code', 'in', codes).execute();
  if (roots.length === 0 || opts.residents <= 0)
    return { seeded: false, households: 0, residents: 0, buildingsCreated: 0 };
  const needed = Math.ceil(opts.residents / (DOORS_PER_BUILDING * RESIDENTS_PER_DOOR) + 1);
  let buildings = await buildingsUnder(
    db,
    roots.map((r) => r.path),
  );
  const buildingsCreated = Math.max(0, needed - buildings.length);
  if (buildingsCreated > 0) {
    await addBuildings(
      db,
      actor,
      roots.map((r) => r.path),
      buildingsCreated,
    );
    buildings = await buildingsUnder(
      db,
      roots.map((r) => r.path),
    );
  }
  const day = await ledgerDay(services);
  const ids = new IdNumberAllocator();
  // a ledger with residents already (an earlier run, an import) may hold numbers this run's allocator
  // gives again: those taken are drawn anew (freeIdNumbers; see `lookups` below)
  const living = await db
    .selectFrom('residents')
    .select('id')
    .where('status', 'in', ['present', 'away'])
    .limit(1)
    .executeTakeFirst();
  // one generator per county (its residents' ID numbers carry its address code), sharing the residents
  // in proportion to its buildings
  const byRegion = new Map<string, Building[]>();
  for (const b of buildings) byRegion.set(b.region_code, [...(byRegion.get(b.region_code) ?? []), b]);
  let households = 0;
  let residents = 0;
  let loaded = { households: 0, residents: 0 };
  let left = opts.residents;
  let regionsLeft = byRegion.size;
  // One chunk loads (its own transaction) while the next is generated: the generator, the sealing of ID
  // numbers and phones and PostgreSQL's work overlap. One chunk at a time in the database.
  let loading: Promise<void> = Promise.resolve();
  // A ledger with residents already (an earlier run, an import) may hold numbers this run's allocator
  // gives again (one living resident per ID number, migration 007). Looking every number up cost 15 µs
  // each (a fifth of the city seed's time): chunks are loaded without, and the first that meets a
  // number taken (the unique index refuses it) is loaded again with its numbers looked up, as is every
  // chunk after it.
  let lookups = false;
  let sliceEnds = performance.now() + SLICE_MS;
  for (const [regionCode, list] of byRegion) {
    const share = regionsLeft === 1 ? left : Math.round((opts.residents * list.length) / buildings.length);
    regionsLeft--;
    left -= share;
    if (share <= 0) continue;
    const generated = generateHouseholds({
      seed: (opts.seed ?? 2020) + households,
      regionCode,
      residents: share,
      today: day.today,
      policy: day.policy,
      ids,
    });
    let chunk: DemoHousehold[] = [];
    const flush = async () => {
      const batch = chunk;
      chunk = [];
      const size = { households: batch.length, residents: batch.reduce((n, h) => n + h.residents.length, 0) };
      households += size.households;
      residents += size.residents;
      const hmacs = idNumberIndexes(services, batch);
      const checked = lookups;
      if (checked) await freeIdNumbers(services, ids, hmacs);
      await loading;
      loading = (async () => {
        // numbers began to be looked up while this chunk waited
        if (!checked && lookups) await freeIdNumbers(services, ids, hmacs);
        try {
          await loadChunk(services, actor, regionCode, list, batch, day, hmacs);
        } catch (e) {
          // a number the ledger had already (it held residents before): look them up from now on
          if (!living || lookups || uniqueViolation(e) !== 'residents_id_living_uq') throw e;
          lookups = true;
          await freeIdNumbers(services, ids, hmacs);
          await loadChunk(services, actor, regionCode, list, batch, day, hmacs);
        }
        loaded = {
          households: loaded.households + size.households,
          residents: loaded.residents + size.residents,
        };
        opts.onProgress?.(loaded);
      })();
      loading.catch(() => {}); // awaited before the next chunk loads, or at the end
    };
    for (const h of generated) {
      if (h.building > list.length)
        throw new Error(`demo ledger: more than ${list.length} buildings needed in ${regionCode}`);
      chunk.push(h);
      if (chunk.length >= CHUNK_HOUSEHOLDS) await flush();
      // give way now and then, so that the chunk loading meanwhile keeps its COPY fed
      if (performance.now() > sliceEnds) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceEnds = performance.now() + SLICE_MS;
      }
    }
    if (chunk.length) await flush();
  }
  await loading;
  return { seeded: true, households, residents, buildingsCreated };
}

async function buildingsUnder(db: Db, paths: string[]): Promise<Building[]> {
  return (await db
    .selectFrom('units')
    .select(['id', 'path', 'region_code'])
    .where('kind', '=', 'building')
    .where((eb) => eb.or(paths.map((p) => inSubtree('path', p))))
    // buildings with households already are left as they are
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('households as h').select('h.id').whereRef('h.unit_id', '=', 'units.id'))),
    )
    .orderBy('path')
    .execute()) as Building[];
}

/** Adds buildings straight under the communities (villages) of the roots, round robin. */
async function addBuildings(db: Db, actor: Actor, paths: string[], count: number) {
  const villages = await db
    .selectFrom('units')
    .select(['code', 'path'])
    .where('kind', '=', 'village')
    .where((eb) => eb.or(paths.flatMap((p) => [inSubtree('path', p), eb('path', '=', p)])))
    .orderBy('path')
    .execute();
  if (villages.length === 0) throw new Error('no community to put demo buildings in');
  const per = Math.ceil(count / villages.length);
  let made = 0;
  await db.transaction().execute(async (tx) => {
    for (const v of villages) {
      const n = Math.min(per, count - made);
      if (n <= 0) break;
      const names = Array.from({ length: n }, (_, i) => `${100 + i}号楼`);
      await createUnitsIn(tx, actor, { parentCode: v.code, kind: 'building', names });
      made += n;
    }
  });
}

/** The blind index of each resident's ID number, computed once: the COPY stores it. */
function idNumberIndexes(services: Services, chunk: DemoHousehold[]): Map<DemoResident, Buffer> {
  return new Map(
    chunk.flatMap((h) => h.residents).map((p) => [p, idNumberIndex(services.protector, p.idNumber)]),
  );
}

/**
 * One living resident per ID number (migration 007): the numbers that a living resident already has are
 * replaced by others from the allocator, of the same address code, sex and birth date (or the nearest
 * earlier day with room, which becomes the resident's birth date), until none is taken. `hmacs` (the
 * chunk's residents and their blind indexes) is updated. Nothing is looked up unless `when`.
 */
async function freeIdNumbers(
  services: Services,
  ids: IdNumberAllocator,
  hmacs: Map<DemoResident, Buffer>,
  when = true,
): Promise<void> {
  let pending = when ? [...hmacs.keys()] : [];
  while (pending.length) {
    const taken = await livingIdHmacs(
      services.db,
      pending.map((p) => hmacs.get(p) as Buffer),
    );
    pending = pending.filter((p) => taken.has((hmacs.get(p) as Buffer).toString('hex')));
    for (const p of pending) {
      const region = ids.region(p.idNumber.slice(0, 6));
      p.idNumber = region.next(dayOf(p.birthDate), p.sex);
      p.birthDate = isoOf(region.lastDay);
      hmacs.set(p, idNumberIndex(services.protector, p.idNumber));
    }
  }
}

async function loadChunk(
  services: Services,
  actor: Actor,
  regionCode: string,
  buildings: Building[],
  chunk: DemoHousehold[],
  day: Awaited<ReturnType<typeof ledgerDay>>,
  hmacs: Map<DemoResident, Buffer>,
) {
  await bulkTransaction(services.db, async ({ tx, copy }) => {
    const householdIds = await nextIds(tx, 'households', chunk.length);
    const residentIds = await nextIds(
      tx,
      'residents',
      chunk.reduce((n, h) => n + h.residents.length, 0),
    );
    const households: LoadRow[] = [];
    const history: LoadRow[] = [];
    let r = 0;
    const residents = function* () {
      for (const [i, h] of chunk.entries()) {
        const b = buildings[h.building - 1];
        const place = { regionCode, unitPath: b.path };
        for (const p of h.residents) {
          const { present, ...facts } = p.facts;
          yield residentRow(
            services.protector,
            place,
            residentIds[r++],
            householdIds[i],
            p,
            present === false ? 'away' : 'present',
            facts as StoredFacts,
            hmacs.get(p),
          );
        }
      }
    };
    for (const [i, h] of chunk.entries()) {
      const b = buildings[h.building - 1];
      const summary = summariseHousehold(
        h.residents.map((p) => {
          const { present, ...facts } = p.facts;
          return {
            status: present === false ? 'away' : 'present',
            markers: p.markers,
            facts: facts as StoredFacts,
          };
        }),
        day.policy,
        day.today,
      );
      households.push(
        householdRow({
          regionCode,
          id: householdIds[i],
          unitId: b.id,
          unitPath: b.path,
          communityPath: b.path.split('.').slice(0, 5).join('.'),
          entrance: h.entrance,
          door: h.door,
          summary,
        }),
      );
      history.push([
        regionCode,
        householdIds[i],
        null,
        actor.userId,
        actor.username,
        'imported',
        null,
        summary.derived.colour,
        null,
        '{"demo":true}',
      ]);
    }
    // the residents' rows (sealing, pinyin) are made while the households load
    const residentsText = encodeCopy(residents());
    await copy('households', HOUSEHOLD_LOAD_COLUMNS, households);
    await copy('residents', RESIDENT_LOAD_COLUMNS, residentsText);
    await copy('household_history', HISTORY_LOAD_COLUMNS, history);
  });
}

/** Statistics the planner needs after a big load (the counts and lists are planned on them). */
export async function analyseLedger(db: Db) {
  await sql`ANALYZE households, residents, ledger_counts, household_history`.execute(db);
}
