import { recordKey } from '../../../domain/ledger/household';
import type { Db } from '../../db/connection';
import * as q from './queries';

// The ledger as the courtyard gates read it (the gates module never reads the ledger's tables): the
// active households of a place with their present residents. Not scoped: the caller checked the place.

export interface RosterResident {
  key: string;
  regionCode: string;
  id: string;
  name: string;
  phoneMasked: string | null;
  workUnit: string | null;
}

export interface RosterHousehold {
  key: string;
  regionCode: string;
  id: string;
  unitPath: string;
  building: string;
  door: string;
  residents: RosterResident[];
}

async function withResidents(db: Db, rows: q.HouseholdRow[]): Promise<RosterHousehold[]> {
  const byRegion = new Map<string, string[]>();
  for (const h of rows) byRegion.set(h.region_code, [...(byRegion.get(h.region_code) ?? []), h.id]);
  const residents = new Map<string, RosterResident[]>();
  for (const [region, ids] of byRegion) {
    for (const r of await q.residentsOf(db, region, ids)) {
      if (r.status !== 'present') continue;
      const k = recordKey(r.region_code, r.household_id);
      residents.set(k, [
        ...(residents.get(k) ?? []),
        {
          key: recordKey(r.region_code, r.id),
          regionCode: r.region_code,
          id: r.id,
          name: r.name,
          phoneMasked: r.phone_masked,
          workUnit: r.work_unit,
        },
      ]);
    }
  }
  return rows.map((h) => {
    const key = recordKey(h.region_code, h.id);
    return {
      key,
      regionCode: h.region_code,
      id: h.id,
      unitPath: h.unit_path,
      building: h.unit_name,
      door: [h.entrance, h.door].filter(Boolean).join('-'),
      residents: residents.get(key) ?? [],
    };
  });
}

/** The active households of a place's subtree (at most `limit`), in the ledger's order, with residents. */
export async function householdsForGate(db: Db, path: string, limit: number): Promise<RosterHousehold[]> {
  return withResidents(db, await q.householdsUnder(db, path, limit));
}

/** One household with its present residents, or undefined. */
export async function householdForGate(
  db: Db,
  regionCode: string,
  id: string,
): Promise<RosterHousehold | undefined> {
  const h = await q.findHousehold(db, regionCode, id);
  if (h?.status !== 'active') return undefined;
  return (await withResidents(db, [h]))[0];
}
