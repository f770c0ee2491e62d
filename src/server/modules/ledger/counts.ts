import { HOUSEHOLD_COLOURS, type HouseholdColour } from '../../../domain/ledger/colours';
import { MARKERS, type Marker } from '../../../domain/ledger/markers';
import type { Db } from '../../db/connection';
import type { Scope } from '../../platform/scope';
import { toUnit, unitInScope, unitsAtPaths } from '../org/service';
import * as q from './queries';

// Counts by colour and marker at every level of the tree (grid → community → street → district → city),
// for a dashboard that asks often. Above the communities they come from ledger_counts (one row per
// community and colour, kept by triggers); at a community and below, straight from its households.

/** path labels of a community: province.city.county.town.village */
export const COMMUNITY_DEPTH = 5;

export interface ColourTally {
  households: number;
  residents: number;
  markers: Record<Marker, number>;
}

export interface CountsByColour {
  total: ColourTally;
  byColour: Record<HouseholdColour, ColourTally>;
}

function emptyTally(): ColourTally {
  return {
    households: 0,
    residents: 0,
    markers: Object.fromEntries(MARKERS.map((m) => [m, 0])) as Record<Marker, number>,
  };
}

function emptyCounts(): CountsByColour {
  return {
    total: emptyTally(),
    byColour: Object.fromEntries(HOUSEHOLD_COLOURS.map((c) => [c, emptyTally()])) as Record<
      HouseholdColour,
      ColourTally
    >,
  };
}

function add(into: CountsByColour, row: q.CountRow) {
  const colour = row.colour as HouseholdColour;
  for (const t of [into.total, into.byColour[colour]]) {
    t.households += row.households;
    t.residents += row.residents;
    for (const m of MARKERS) t.markers[m] += row[m];
  }
}

/** The counts of a unit's subtree, in total and for each child unit that has households. */
export async function colourCounts(db: Db, scope: Scope, code: string) {
  const unit = await unitInScope(db, scope, code, 'ledger.read');
  const depth = unit.path.split('.').length;
  const rows =
    depth < COMMUNITY_DEPTH
      ? await q.countsFromCommunities(db, unit.path, depth + 1)
      : await q.countsFromHouseholds(db, unit.path, depth + 1);
  const total = emptyCounts();
  const byChild = new Map<string, CountsByColour>();
  for (const r of rows) {
    add(total, r);
    // households standing at the unit itself (a bungalow under a grid) count in the total only
    if (r.child_path === unit.path) continue;
    const c = byChild.get(r.child_path) ?? emptyCounts();
    add(c, r);
    byChild.set(r.child_path, c);
  }
  const children = await unitsAtPaths(db, [...byChild.keys()]);
  return {
    unit: toUnit(unit),
    ...total,
    children: children
      .map((u) => ({ unit: u, ...(byChild.get(u.path) as CountsByColour) }))
      .sort((a, b) => a.unit.code.localeCompare(b.unit.code)),
  };
}
