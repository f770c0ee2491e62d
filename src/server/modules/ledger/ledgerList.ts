import { type Locale, translate } from '../../../domain/i18n/messages';
import { HOUSEHOLD_COLOURS, type HouseholdColour } from '../../../domain/ledger/colours';
import type { Marker } from '../../../domain/ledger/markers';
import type { Db } from '../../db/connection';
import { AppError, invalidField } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { toUnit, unitInScope } from '../org/service';
import { colourCounts } from './counts';
import * as q from './queries';
import { placesAbove, residentsByHousehold, toHousehold } from './records';
import { searchFilter } from './search';

// The ledger table (desk) and the building view (楼栋图): households of a subtree in the ledger's order.

export interface LedgerQuery {
  unit: string;
  colour?: HouseholdColour[];
  marker?: Marker[];
  campaign?: string;
  campaignStatus?: 'pending' | 'visited' | 'revisit';
  q?: string;
  /** keyset pages: the page after this row, or the page before it */
  after?: string;
  before?: string;
  /** a jump to a page (1-based), at most MAX_JUMP_ROWS rows in */
  page?: number;
  limit: number;
}

/** A jump to a page reads the rows before it: at most this many (200 pages of 50). */
export const MAX_JUMP_ROWS = 10_000;
/** A filtered list is counted up to this many; an unfiltered or colour-filtered one exactly (ledger_counts). */
export const COUNT_CAP = 10_000;

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

type FilterQuery = Omit<LedgerQuery, 'after' | 'before' | 'page' | 'limit'>;

/** The list's filter over a unit in scope (404 outside), the search box read (400 naming `q`). */
async function filterOf(services: Services, scope: Scope, query: FilterQuery, locale: Locale) {
  const unit = await unitInScope(services.db, scope, query.unit, 'ledger.read');
  const filter: q.LedgerFilter = {
    root: unit.path,
    colours: query.colour,
    markers: query.marker,
    search: query.q ? await searchFilter(services, unit.path, query.q, locale) : undefined,
    campaign: query.campaign ? { id: query.campaign, status: query.campaignStatus } : undefined,
  };
  return { unit, filter };
}

/** Where the page starts; a jump too deep, or two ways at once, are the fields' fault (400). */
function pageStart(query: LedgerQuery, locale: Locale): q.PageStart {
  const page = query.page ?? 1;
  const ways = [query.after, query.before, page > 1 ? page : undefined].filter((v) => v !== undefined);
  if (ways.length > 1) throw invalidField('page', 'find.cursor_and_page', locale);
  const before = decodeCursor(query.before);
  if (before) return { before };
  if (page > 1) {
    const offset = (page - 1) * query.limit;
    if (offset > MAX_JUMP_ROWS) {
      const message = translate(locale, 'find.page_too_deep', {
        max: Math.floor(MAX_JUMP_ROWS / query.limit) + 1,
      });
      throw new AppError('validation', 'error.validation', { detail: `page: ${message}` }, [
        { path: 'page', message },
      ]);
    }
    return { offset };
  }
  return { after: decodeCursor(query.after) };
}

/**
 * A page of households of the subtree, filtered, each with its residents (masked) and, for a user whose
 * scope lies above a community, the street and community it stands in. `next` and `prev` are the
 * cursors of the pages after and before it (null at either end).
 */
export async function listLedger(
  services: Services,
  scope: Scope,
  query: LedgerQuery,
  locale: Locale = 'zh-CN',
) {
  const { unit, filter } = await filterOf(services, scope, query, locale);
  const start = pageStart(query, locale);
  const rows = await q.listHouseholds(services.db, filter, start, query.limit + 1);
  const more = rows.length > query.limit;
  // a page before a row comes back in the ledger's order: its extra row (if any) is the first
  const page = start.before ? rows.slice(more ? 1 : 0) : rows.slice(0, query.limit);
  const residents = await residentsByHousehold(services.db, scope, page);
  const within = await placesAbove(services.db, scope, page);
  const first = page[0];
  const last = page[page.length - 1];
  const hasPrev = start.before ? more : Boolean(start.after || start.offset);
  const hasNext = start.before ? Boolean(last) : more;
  return {
    unit: toUnit(unit),
    items: page.map((h) => {
      const v = toHousehold(h);
      return { ...v, within: within(h), residents: residents.get(v.key) ?? [] };
    }),
    next: hasNext && last ? encodeCursor(last) : null,
    prev: hasPrev && first ? encodeCursor(first) : null,
  };
}

/**
 * How many households the list finds: exact from the counts by colour when it is filtered by colour
 * alone (or not at all), else counted up to COUNT_CAP (`capped`: there are more).
 */
export async function countLedger(services: Services, scope: Scope, query: FilterQuery, locale: Locale) {
  const { unit, filter } = await filterOf(services, scope, query, locale);
  if (!filter.markers?.length && !filter.search && !filter.campaign) {
    const counts = await colourCounts(services.db, scope, unit.code);
    const colours = filter.colours?.length ? filter.colours : HOUSEHOLD_COLOURS;
    const total = colours.reduce((n, c) => n + counts.byColour[c as HouseholdColour].households, 0);
    return { total, capped: false };
  }
  const n = await q.countHouseholds(services.db, filter, COUNT_CAP);
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/** At most this many households in one building view (a 33-floor tower of 4 entrances × 8 doors is 1,056). */
export const BUILDING_VIEW_LIMIT = 3000;

/** The households of a building (or a courtyard's buildings) as tiles: colour, markers, residents. */
export async function buildingView(db: Db, scope: Scope, code: string) {
  const unit = await unitInScope(db, scope, code, 'ledger.read');
  const rows = await q.householdsUnder(db, unit.path, BUILDING_VIEW_LIMIT + 1);
  const page = rows.slice(0, BUILDING_VIEW_LIMIT);
  const residents = await residentsByHousehold(db, scope, page);
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
