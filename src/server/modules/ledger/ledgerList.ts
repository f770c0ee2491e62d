import type { HouseholdColour } from '../../../domain/ledger/colours';
import type { Marker } from '../../../domain/ledger/markers';
import type { Db } from '../../db/connection';
import type { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { toUnit, unitInScope } from '../org/service';
import * as q from './queries';
import { residentsByHousehold, toHousehold } from './records';
import { parseSearch } from './search';

// The ledger table (desk) and the building view (楼栋图): households of a subtree in the ledger's order.

export interface LedgerQuery {
  unit: string;
  colour?: HouseholdColour[];
  marker?: Marker[];
  campaign?: string;
  campaignStatus?: 'pending' | 'visited' | 'revisit';
  q?: string;
  after?: string;
  limit: number;
}

function encodeCursor(h: q.HouseholdRow): string {
  return Buffer.from(JSON.stringify([h.unit_path, h.entrance, h.floor, h.door, h.id])).toString('base64url');
}

function decodeCursor(s: string | undefined): q.LedgerCursor | undefined {
  if (!s) return undefined;
  try {
    const [unitPath, entrance, floor, door, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (typeof unitPath !== 'string' || typeof entrance !== 'string' || typeof door !== 'string')
      return undefined;
    if (!Number.isInteger(floor) || !/^\d{1,18}$/.test(String(id))) return undefined;
    return { unitPath, entrance, floor, door, id: String(id) };
  } catch {
    return undefined;
  }
}

/** A page of households of the subtree, filtered, each with its residents (masked). */
export async function listLedger(services: Services, scope: Scope, query: LedgerQuery) {
  const unit = await unitInScope(services.db, scope, query.unit, 'ledger.read');
  const filter: q.LedgerFilter = {
    root: unit.path,
    colours: query.colour,
    markers: query.marker,
    search: query.q ? parseSearch(query.q, services) : undefined,
    campaign: query.campaign ? { id: query.campaign, status: query.campaignStatus } : undefined,
  };
  const rows = await q.listHouseholds(services.db, filter, decodeCursor(query.after), query.limit + 1);
  const page = rows.slice(0, query.limit);
  const residents = await residentsByHousehold(services.db, page);
  return {
    unit: toUnit(unit),
    items: page.map((h) => {
      const v = toHousehold(h);
      return { ...v, residents: residents.get(v.key) ?? [] };
    }),
    next: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null,
  };
}

/** At most this many households in one building view (a 33-floor tower of 4 entrances × 8 doors is 1,056). */
export const BUILDING_VIEW_LIMIT = 3000;

/** The households of a building (or a courtyard's buildings) as tiles: colour, markers, residents. */
export async function buildingView(db: Db, scope: Scope, code: string) {
  const unit = await unitInScope(db, scope, code, 'ledger.read');
  const rows = await q.householdsUnder(db, unit.path, BUILDING_VIEW_LIMIT + 1);
  const page = rows.slice(0, BUILDING_VIEW_LIMIT);
  const residents = await residentsByHousehold(db, page);
  return {
    unit: toUnit(unit),
    truncated: rows.length > BUILDING_VIEW_LIMIT,
    households: page.map((h) => {
      const v = toHousehold(h);
      return {
        ...v,
        names: (residents.get(v.key) ?? []).filter((r) => r.status === 'present').map((r) => r.name),
      };
    }),
  };
}
