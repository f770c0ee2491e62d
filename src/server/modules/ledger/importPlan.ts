import { recordKey, type StoredFacts } from '../../../domain/ledger/household';
import {
  type Household,
  type ImportPlan,
  type LedgerDoor,
  type LedgerError,
  type LedgerField,
  type LedgerSheetResult,
  placeKey,
  planImport,
} from '../../../domain/ledger/sheet';
import { columnRefs } from '../../../domain/ledger/sheet/headers';
import type { Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import type { Services } from '../../platform/services';
import { unitsAtPaths } from '../org/service';
import { outOfScopeMatches } from './idMatches';
import { type FoundPlaces, findPlaces, type ImportTarget, type Place } from './importPlaces';
import { idNumberIndex, phoneIndex } from './protect';
import * as q from './queries';

// The server's half of the import plan: the places and doors the sheet names, the residents already
// there and the ID numbers already in the ledger (blind index), handed to the pure planner
// (domain/ledger/sheet/importPlan.ts). Reads only: the check step plans with the pool, the import
// plans again inside its transaction, with the doors it joins locked.

export interface SheetPlan {
  plan: ImportPlan;
  /** the sheet's households, as findPlaces saw them (found.places follows them) */
  sheetHouseholds: readonly Household[];
  found: FoundPlaces;
  /** the sheet's errors and the plan's, by row then column */
  errors: LedgerError[];
  /** each row's ID number's blind index (computed once: the import stores it) */
  idHmacs: Map<number, Buffer>;
}

const doorKey = (unitId: string, entrance: string, door: string) =>
  `${unitId}|${placeKey('unit', entrance)}|${placeKey('door', door)}`;

/** The parts of planSheet it tells its progress by: places, doors, ID numbers, the plan. */
export const PLAN_PARTS = 4;

/**
 * Plans the import of a checked sheet into a unit (see planImport); `lock` locks the doors found;
 * `onProgress` is told each of the PLAN_PARTS parts done.
 */
export async function planSheet(
  services: Services,
  db: Db,
  actor: Actor,
  unit: ImportTarget,
  checked: LedgerSheetResult,
  opts: { updateExisting: boolean; lock?: boolean; onProgress?: (done: number, total: number) => void },
): Promise<SheetPlan> {
  const regionCode = unit.region_code as string;
  const households = checked.households;
  const progress = (done: number) => opts.onProgress?.(done, PLAN_PARTS);
  progress(0);
  const found = await findPlaces(db, unit, households);
  progress(1);

  // the households already at the doors the sheet names
  const unitIds = [...new Set(found.places.flatMap((p) => (p ? [p.unitId] : [])))];
  const active = new Map(
    (await q.activeDoorsOf(db, regionCode, unitIds)).map((d) => [doorKey(d.unit_id, d.entrance, d.door), d]),
  );
  const matched = households.map((h, i) => {
    const place = found.places[i];
    return place && h.door !== '' ? active.get(doorKey(place.unitId, h.unit, h.door)) : undefined;
  });
  const ids = [...new Set(matched.flatMap((m) => (m ? [m.id] : [])))];
  if (opts.lock) await q.lockHouseholds(db, regionCode, ids);
  const residents = await q.livingResidentsOf(db, regionCode, ids);
  const doors = new Map<string, LedgerDoor>();
  households.forEach((_, i) => {
    const m = matched[i];
    if (!m || doors.has(m.id)) return;
    doors.set(m.id, {
      key: recordKey(regionCode, m.id),
      building: (found.places[i] as Place).name,
      entrance: m.entrance,
      door: m.door,
      residents: residents
        .filter((r) => r.household_id === m.id)
        .map((r) => ({
          key: recordKey(regionCode, r.id),
          name: r.name,
          sex: r.sex,
          birthDate: r.birth_date,
          idType: r.id_type,
          idNumber: r.id_hmac ? { key: r.id_hmac.toString('hex'), masked: r.id_masked ?? '' } : null,
          phone: r.phone_hmac ? { key: r.phone_hmac.toString('hex'), masked: r.phone_masked ?? '' } : null,
          relation: r.relation,
          relationText: r.relation_text,
          workUnit: r.work_unit,
          notes: r.notes,
          tags: r.tags,
          markers: r.markers,
          facts: (r.facts as StoredFacts | null) ?? {},
        })),
    });
  });

  progress(2);
  // ID numbers already in the ledger (anywhere), and the phones of rows that may update someone
  const { idHmacs, inLedger } = await idsInLedger(services, db, actor, checked, unit.path);
  progress(3);
  const phoneKeys = new Map<number, string>();
  households.forEach((h, i) => {
    if (!matched[i]) return;
    for (const r of h.residents)
      if (r.phone) phoneKeys.set(r.row, phoneIndex(services.protector, r.phone).toString('hex'));
  });

  const header = checked.header;
  const plan = planImport(
    households,
    matched.map((m) => (m ? doors.get(m.id) : undefined)),
    {
      locale: actor.locale,
      columns: header ? columnRefs(header) : {},
      given: new Set(Object.values(header?.mapping ?? {}) as LedgerField[]),
      inLedger,
      idKeys: new Map([...idHmacs].map(([row, h]) => [row, h.toString('hex')])),
      phoneKeys,
      updateExisting: opts.updateExisting,
    },
  );
  progress(4);
  const errors = [...checked.errors, ...plan.errors].sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.columnIndex ?? 0) - (b.columnIndex ?? 0),
  );
  return { plan, sheetHouseholds: households, found, errors, idHmacs };
}

/**
 * The blind index of every row's ID number, and the rows whose ID number is a living resident's in the
 * ledger, with where they live as the message names it: the unit's name when the actor may read it, else
 * '' (the message names no place). Matches outside the scope are audited and limited (idMatches.ts),
 * in the check (dry run) as in the import.
 */
async function idsInLedger(
  services: Services,
  db: Db,
  actor: Actor,
  checked: LedgerSheetResult,
  unitPath: string,
) {
  const withId = checked.households.flatMap((h) => h.residents.filter((r) => r.idNumber));
  const hmacs = withId.map((r) => idNumberIndex(services.protector, r.idNumber as string));
  const idHmacs = new Map(withId.map((r, i) => [r.row, hmacs[i]]));
  const inLedger = new Map<number, string>();
  const found = await q.livingIdHmacs(db, hmacs);
  if (found.size === 0) return { idHmacs, inLedger };
  const units = await unitsAtPaths(db, [...new Set(found.values())]);
  let outside = 0;
  withId.forEach((r, i) => {
    const path = found.get(hmacs[i].toString('hex'));
    if (!path) return;
    const unit = units.find((u) => u.path === path);
    const seen = unit && actor.scope.allows('ledger.read', path);
    if (!seen) outside++;
    inLedger.set(r.row, seen ? unit.name : '');
  });
  await outOfScopeMatches(services, actor, outside, 'import', unitPath);
  return { idHmacs, inLedger };
}
