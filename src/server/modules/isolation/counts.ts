import { CHECK_SLOTS, slotDue } from '../../../domain/isolation/checks';
import { KEY_PERSON_CATEGORIES } from '../../../domain/isolation/keyPerson';
import { MEASURE_KINDS } from '../../../domain/isolation/measures';
import { addDays } from '../../../domain/ledger/keyAreas';
import { shanghaiDayStart } from '../../../domain/time/shanghai';
import type { Actor } from '../../platform/access';
import { platformNow } from '../../platform/clock';
import type { Services } from '../../platform/services';
import { COMMUNITY_DEPTH } from '../ledger/counts';
import { toUnit, unitInScope, unitsAtPaths } from '../org/service';
import { isolationPolicy } from './policy';
import * as q from './queries';

// Counts of key persons by category and measure, with the fevers and the overdue checks, for a unit's
// subtree and each child unit. Above the communities from key_person_tallies (one wide row per community, kept by the trigger), at a
// community and below straight from its key persons; overdue checks from the key persons under a
// measure (a partial index), against the last slot whose deadline has passed.

const MEASURES = [...MEASURE_KINDS, 'none'] as const;

interface Tally {
  persons: number;
  byCategory: Record<string, number>;
  byMeasure: Record<string, number>;
  fevers: number;
  overdueChecks: number;
}

function empty(): Tally {
  return {
    persons: 0,
    byCategory: Object.fromEntries(KEY_PERSON_CATEGORIES.map((c) => [c, 0])),
    byMeasure: Object.fromEntries(MEASURES.map((m) => [m, 0])),
    fevers: 0,
    overdueChecks: 0,
  };
}

/** The last slot whose deadline has passed by `now` (today's or yesterday's afternoon), as an instant range. */
export function lastPassedSlot(today: string, now: number) {
  const slots = [
    ...CHECK_SLOTS.map((s) => ({ day: addDays(today, -1), slot: s })),
    ...CHECK_SLOTS.map((s) => ({ day: today, slot: s })),
  ].filter((s) => slotDue(s.day, s.slot) < now);
  const last = slots[slots.length - 1];
  const dayStart = shanghaiDayStart(last.day);
  // a check counts for the morning before 13:00 and for the afternoon after (domain slotOf)
  const begins = last.slot === 'am' ? dayStart : dayStart + 13 * 3_600_000;
  const ends = last.slot === 'am' ? dayStart + 13 * 3_600_000 : dayStart + 24 * 3_600_000;
  return {
    day: last.day,
    begins: new Date(begins),
    ends: new Date(ends),
    due: new Date(slotDue(last.day, last.slot)),
  };
}

export async function isolationCounts(services: Services, actor: Actor, code: string) {
  const { db } = services;
  const unit = await unitInScope(db, actor.scope, code, 'isolation.read');
  const depth = unit.path.split('.').length;
  const now = platformNow(services.config).getTime();
  const { today } = await isolationPolicy(services);
  const [rows, overdue] = await Promise.all([
    depth < COMMUNITY_DEPTH ? q.countsFromCommunities(db, unit.path) : q.countsFromPersons(db, unit.path),
    q.overdueByChild(db, unit.path, lastPassedSlot(today, now)),
  ]);
  const total = empty();
  const byChild = new Map<string, Tally>();
  const childOf = (path: string) => {
    const c = byChild.get(path) ?? empty();
    byChild.set(path, c);
    return c;
  };
  for (const r of rows) {
    const tallies = r.child_path === unit.path ? [total] : [total, childOf(r.child_path)];
    for (const t of tallies) {
      // each row is one of: the persons and fevers ('any', 'any'), a category's, or a measure's
      if (r.category === 'any' && r.measure === 'any') {
        t.persons += r.persons;
        t.fevers += r.fevers;
      } else if (r.measure === 'any') t.byCategory[r.category] = (t.byCategory[r.category] ?? 0) + r.persons;
      else t.byMeasure[r.measure] = (t.byMeasure[r.measure] ?? 0) + r.persons;
    }
  }
  for (const r of overdue) {
    total.overdueChecks += r.overdue;
    if (r.child_path !== unit.path) childOf(r.child_path).overdueChecks += r.overdue;
  }
  const children = await unitsAtPaths(db, [...byChild.keys()]);
  return {
    unit: toUnit(unit),
    ...total,
    children: children
      .map((u) => ({ unit: u, ...(byChild.get(u.path) as Tally) }))
      .sort((a, b) => a.unit.code.localeCompare(b.unit.code)),
  };
}
