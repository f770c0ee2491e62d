import { type Household, placeKey } from '../../../domain/ledger/sheet';
import { isWithin } from '../../../domain/org/units';
import type { Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { createUnitsIn } from '../org/service';
import { communityPathOf } from './records';

// Where the households of an imported sheet go: the building the sheet names, found by its name among
// the buildings under the target unit ('3号楼', '3栋' and '三号楼' are one), or to be created there; the
// target unit itself when the sheet names no building, or when the target is a building. Finding writes
// nothing (the check step uses it too); the import creates the missing buildings in its transaction.

export interface Place {
  regionCode: string;
  unitId: string;
  unitPath: string;
  communityPath: string;
  /** the unit's name: the building as the ledger has it */
  name: string;
}

export interface ImportTarget {
  id: string;
  code: string;
  kind: string;
  name: string;
  path: string;
  region_code: string | null;
}

export interface FoundPlaces {
  /** per household: its place, or undefined when its building is still to be created */
  places: (Place | undefined)[];
  /** the buildings to create: placeKey → the name to give it */
  missing: Map<string, string>;
}

/** The places of the households, without writing anything. */
export async function findPlaces(db: Db, unit: ImportTarget, households: readonly Household[]) {
  const own: Place = {
    regionCode: unit.region_code as string,
    unitId: unit.id,
    unitPath: unit.path,
    communityPath: communityPathOf(unit.path),
    name: unit.name,
  };
  const found: FoundPlaces = { places: households.map(() => own), missing: new Map() };
  if (unit.kind === 'building' || households.every((h) => h.building === '')) return found;
  const buildings = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'path', 'region_code'])
    .where('kind', '=', 'building')
    .where((eb) => eb.and([eb('path', '>', `${unit.path}.`), eb('path', '<', `${unit.path}/`)]))
    .execute();
  const byKey = new Map<string, Place>();
  for (const b of buildings) {
    if (!isWithin(b.path, unit.path)) continue;
    const k = placeKey('building', b.name);
    if (!byKey.has(k)) byKey.set(k, { ...own, unitId: b.id, unitPath: b.path, name: b.name });
  }
  households.forEach((h, i) => {
    if (h.building === '') return;
    const k = placeKey('building', h.building);
    found.places[i] = byKey.get(k);
    // named as the sheet has it ('3' becomes '3号楼')
    if (!byKey.has(k) && !found.missing.has(k))
      found.missing.set(k, /^\d+$/.test(h.building) ? `${h.building}号楼` : h.building);
  });
  return found;
}

/**
 * Creates the buildings still missing for these households (in the caller's transaction): `places` are
 * theirs as findPlaces found them. Answers every household's place.
 */
export async function createMissingPlaces(
  tx: Db,
  actor: Actor,
  unit: ImportTarget,
  households: readonly Household[],
  places: readonly (Place | undefined)[],
  missing: ReadonlyMap<string, string>,
): Promise<{ places: Place[]; createdBuildings: number }> {
  const needed = [
    ...new Set(households.flatMap((h, i) => (places[i] ? [] : [placeKey('building', h.building)]))),
  ];
  const names = needed.map((k) => missing.get(k) as string);
  const created = await createUnitsIn(tx, actor, { parentCode: unit.code, kind: 'building', names });
  const byKey = new Map<string, Place>();
  needed.forEach((k, i) => {
    byKey.set(k, {
      regionCode: unit.region_code as string,
      unitId: created[i].id,
      unitPath: created[i].path,
      communityPath: communityPathOf(unit.path),
      name: names[i].trim(),
    });
  });
  return {
    places: households.map((h, i) => places[i] ?? (byKey.get(placeKey('building', h.building)) as Place)),
    createdBuildings: created.length,
  };
}
