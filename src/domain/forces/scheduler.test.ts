import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  Candidate,
  Qualification,
  ScheduleResult,
  ScheduleRules,
  ShiftNeed,
  ShiftToFill,
} from './schedule';
import { DEFAULT_RULES } from './schedule';
import { autoSchedule, partOfDay, shanghaiWeek, spreadOf, weekParts } from './scheduler';
import {
  CHECKPOINT_NEEDS,
  expandPattern,
  PATTERN_PRESETS,
  shanghaiDay,
  shanghaiWeekday,
} from './shiftPatterns';

const H = 3_600_000;
/** Monday 2020-02-03 00:00 Asia/Shanghai */
const MONDAY = Date.parse('2020-02-03T00:00:00+08:00');

// ---- an independent check of a result against every hard rule

interface Interval {
  start: number;
  end: number;
  fresh: boolean; // made by this run
  what: string;
}

/** which need each already-assigned person fills: the same qualification, else a place for anyone */
function preMatched(s: ShiftToFill): Map<Qualification | null, number>[] {
  const left = s.needs.map((n) => Math.max(0, n.count));
  const used = s.needs.map(() => 0);
  const seen = new Set<string>();
  for (const a of s.assigned ?? []) {
    if (seen.has(a.personId)) continue;
    seen.add(a.personId);
    let i = s.needs.findIndex((n, j) => n.qualification === a.qualification && used[j] < left[j]);
    if (i < 0) i = s.needs.findIndex((n, j) => n.qualification === null && used[j] < left[j]);
    if (i >= 0) used[i]++;
  }
  return s.needs.map((n, j) => new Map([[n.qualification, used[j]]]));
}

function check(shifts: ShiftToFill[], people: Candidate[], rules: ScheduleRules, r: ScheduleResult) {
  const shiftOf = new Map(shifts.map((s) => [s.id, s]));
  const personOf = new Map(people.map((p) => [p.id, p]));
  const restMs = rules.minRestHours * H;

  // qualifications, availability; and the intervals of every person
  const intervals = new Map<string, Interval[]>();
  const add = (id: string, i: Interval) => {
    const list = intervals.get(id) ?? [];
    list.push(i);
    intervals.set(id, list);
  };
  for (const p of people) for (const b of p.busy ?? []) add(p.id, { ...b, fresh: false, what: 'busy' });
  for (const s of shifts)
    for (const id of new Set((s.assigned ?? []).map((a) => a.personId)))
      add(id, { start: s.start, end: s.end, fresh: false, what: s.id });
  for (const a of r.assignments) {
    const s = shiftOf.get(a.shiftId);
    const p = personOf.get(a.personId);
    expect(s, a.shiftId).toBeDefined();
    expect(p, a.personId).toBeDefined();
    if (!s || !p) continue;
    expect(s.needs.some((n) => n.qualification === a.qualification)).toBe(true);
    if (a.qualification !== null) expect(p.qualifications).toContain(a.qualification);
    const av = p.availability;
    if (av.weekdays) expect(av.weekdays).toContain(shanghaiWeekday(s.start));
    if (av.parts) expect(av.parts).toContain(partOfDay(s.start));
    if (av.from) expect(shanghaiDay(s.start) >= av.from).toBe(true);
    if (av.to) expect(shanghaiDay(s.start) <= av.to).toBe(true);
    add(p.id, { start: s.start, end: s.end, fresh: true, what: s.id });
  }

  for (const [id, list] of intervals) {
    const p = personOf.get(id);
    // no overlap, rest respected: between any two shifts one of which this run made
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (!a.fresh && !b.fresh) continue;
        const gap = Math.max(a.start, b.start) - Math.min(a.end, b.end);
        expect(gap, `${id}: ${a.what} and ${b.what}`).toBeGreaterThanOrEqual(restMs);
      }
    // the weekly cap, in every week where this run gave the person hours
    if (!p) continue;
    const cap =
      Math.min(rules.maxHoursPerWeek, p.availability.maxHoursPerWeek ?? Number.POSITIVE_INFINITY) * H;
    const weeks = new Map<number, number>();
    const freshWeeks = new Set<number>();
    for (const i of list)
      for (const { week, ms } of weekParts(i.start, i.end)) {
        weeks.set(week, (weeks.get(week) ?? 0) + ms);
        if (i.fresh) freshWeeks.add(week);
      }
    for (const w of freshWeeks) expect(weeks.get(w), `${id} week ${w}`).toBeLessThanOrEqual(cap);
  }

  // every shift: filled + missing = needed, never more than needed; every empty place explained
  let needed = 0;
  let filled = 0;
  for (const s of shifts) {
    const pre = preMatched(s);
    s.needs.forEach((n, j) => {
      if (n.count <= 0) return;
      needed += n.count;
      // needs of one qualification are compared together (several needs may share one)
      if (s.needs.findIndex((m) => m.qualification === n.qualification && m.count > 0) !== j) return;
      const same = s.needs.filter((m) => m.qualification === n.qualification && m.count > 0);
      const count = same.reduce((x, m) => x + m.count, 0);
      const already = s.needs.reduce(
        (x, m, k) => x + (m.qualification === n.qualification ? (pre[k].get(m.qualification) ?? 0) : 0),
        0,
      );
      const added = r.assignments.filter(
        (a) => a.shiftId === s.id && a.qualification === n.qualification,
      ).length;
      const missing = r.unfilled
        .filter((u) => u.shiftId === s.id && u.qualification === n.qualification)
        .reduce((x, u) => x + u.missing, 0);
      expect(already + added + missing, `${s.id} ${n.qualification}`).toBe(count);
      filled += already + added;
    });
  }
  expect(r.needed).toBe(needed);
  expect(r.filled).toBe(filled);
  for (const u of r.unfilled) {
    expect(u.missing).toBeGreaterThan(0);
    const holders = people.filter(
      (p) => u.qualification === null || p.qualifications.includes(u.qualification),
    );
    const ids = new Set(holders.map((p) => p.id));
    expect(u.noneQualified).toBe(ids.size === 0);
    const turnedAway =
      u.rejected.unavailable + u.rejected.overlapping + u.rejected.resting + u.rejected.overHours;
    // every holder was turned away for some reason, so an empty place always has one
    expect(turnedAway).toBe(ids.size);
    expect(u.noneQualified || turnedAway > 0).toBe(true);
  }

  // the hours and their spread
  const hours = new Map<string, number>();
  for (const [id, list] of intervals) {
    const h = list.filter((i) => i.what !== 'busy').reduce((x, i) => x + (i.end - i.start) / H, 0);
    if (h > 0) hours.set(id, h);
  }
  expect(new Map([...r.hours].sort())).toEqual(new Map([...hours].sort()));
  expect(r.spread.people).toBe(hours.size);
}

// ---- random cases

const UNITS = ['a', 'a.b', 'a.b.c', 'a.b.d', 'a.e', 'a.e.f', 'x'];
const QUALS: Qualification[] = ['medical', 'police', 'cadre', 'driving'];

const needArb: fc.Arbitrary<ShiftNeed> = fc.record({
  qualification: fc.constantFrom<Qualification | null>(null, ...QUALS),
  count: fc.integer({ min: 0, max: 3 }),
});

const shiftArb = fc.record({
  facility: fc.integer({ min: 0, max: 3 }),
  unitPath: fc.constantFrom(...UNITS),
  // often on the three-shift grid, so that shifts of the same times compete for the same people
  startHour: fc.oneof(
    fc.integer({ min: -10, max: 200 }),
    fc.integer({ min: 0, max: 24 }).map((x) => x * 8),
  ),
  hours: fc.oneof(fc.integer({ min: 1, max: 14 }), fc.constant(8)),
  needs: fc.array(needArb, { minLength: 1, maxLength: 3 }),
  assigned: fc.array(
    fc.record({ person: fc.integer({ min: 0, max: 20 }), qualification: fc.constantFrom(null, ...QUALS) }),
    { maxLength: 2 },
  ),
});

const day = (n: number) => shanghaiDay(MONDAY + n * 86_400_000);

/** mostly nothing: restrictions are the exception */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: arb, weight: 1 });

const personArb = fc.record({
  unitPath: fc.constantFrom(...UNITS),
  qualifications: fc.subarray(QUALS),
  weekdays: sometimes(fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 })),
  parts: sometimes(fc.subarray<'day' | 'night'>(['day', 'night'], { minLength: 1 })),
  from: sometimes(fc.integer({ min: -2, max: 6 })),
  to: sometimes(fc.integer({ min: 2, max: 12 })),
  maxHoursPerWeek: sometimes(fc.integer({ min: 4, max: 80 })),
  hoursBefore: sometimes(fc.integer({ min: 0, max: 60 })),
  busy: fc.array(
    fc.record({ startHour: fc.integer({ min: -20, max: 220 }), hours: fc.integer({ min: 1, max: 10 }) }),
    {
      maxLength: 2,
    },
  ),
});

const caseArb = fc
  .record({
    shifts: fc.array(shiftArb, { maxLength: 30 }),
    people: fc.array(personArb, { maxLength: 21 }),
    rules: fc.record({
      minRestHours: fc.integer({ min: 0, max: 12 }),
      maxHoursPerWeek: fc.integer({ min: 8, max: 72 }),
    }),
  })
  .map(({ shifts, people, rules }) => {
    const candidates: Candidate[] = people.map((p, i) => ({
      id: `p${String(i).padStart(2, '0')}`,
      unitPath: p.unitPath,
      qualifications: p.qualifications,
      availability: {
        ...(p.weekdays ? { weekdays: p.weekdays } : {}),
        ...(p.parts ? { parts: p.parts } : {}),
        ...(p.from !== undefined ? { from: day(p.from) } : {}),
        ...(p.to !== undefined ? { to: day(p.to) } : {}),
        ...(p.maxHoursPerWeek ? { maxHoursPerWeek: p.maxHoursPerWeek } : {}),
      },
      ...(p.hoursBefore !== undefined ? { hoursBefore: p.hoursBefore } : {}),
      busy: p.busy.map((b) => ({
        start: MONDAY + b.startHour * H,
        end: MONDAY + (b.startHour + b.hours) * H,
      })),
    }));
    const toFill: ShiftToFill[] = shifts.map((s, i) => ({
      id: `s${String(i).padStart(2, '0')}`,
      facilityId: `f${s.facility}`,
      unitPath: s.unitPath,
      day: shanghaiDay(MONDAY + s.startHour * H),
      label: 'x',
      start: MONDAY + s.startHour * H,
      end: MONDAY + (s.startHour + s.hours) * H,
      needs: s.needs,
      // already assigned: some of the candidates, and someone who is not one (p99)
      assigned: s.assigned.map((a) => ({
        personId: a.person < people.length ? `p${String(a.person).padStart(2, '0')}` : 'p99',
        qualification: a.qualification,
      })),
    }));
    return { shifts: toFill, people: candidates, rules };
  });

describe('autoSchedule: the hard rules hold on random cases', () => {
  it('no overlap, rest, weekly cap, qualifications, availability; every place filled or explained', () => {
    fc.assert(
      fc.property(caseArb, ({ shifts, people, rules }) => {
        check(shifts, people, rules, autoSchedule(shifts, people, rules));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same result whatever the order of its input', () => {
    fc.assert(
      fc.property(caseArb, ({ shifts, people, rules }) => {
        const a = autoSchedule(shifts, people, rules);
        const b = autoSchedule([...shifts].reverse(), [...people].reverse(), rules);
        expect(b.assignments).toEqual(a.assignments);
        expect(b.unfilled).toEqual(a.unfilled);
        expect(b.spread).toEqual(a.spread);
      }),
      { numRuns: 100 },
    );
  });

  it('leaves no place empty that a holder could take in the final roster', () => {
    // people only ever get more shifts, so whoever was turned away stays turned away
    fc.assert(
      fc.property(caseArb, ({ shifts, people, rules }) => {
        const r = autoSchedule(shifts, people, rules);
        const shiftOf = new Map(shifts.map((s) => [s.id, s]));
        const taken = new Map<string, Array<{ start: number; end: number }>>();
        const take = (id: string, i: { start: number; end: number }) => {
          const list = taken.get(id) ?? [];
          list.push(i);
          taken.set(id, list);
        };
        for (const p of people) for (const b of p.busy ?? []) take(p.id, b);
        for (const s of shifts) for (const a of s.assigned ?? []) take(a.personId, s);
        for (const a of r.assignments) take(a.personId, shiftOf.get(a.shiftId) as ShiftToFill);
        for (const u of r.unfilled) {
          const s = shiftOf.get(u.shiftId) as ShiftToFill;
          for (const p of people) {
            if (u.qualification !== null && !p.qualifications.includes(u.qualification)) continue;
            const list = taken.get(p.id) ?? [];
            const av = p.availability;
            const unavailable =
              (av.weekdays && !av.weekdays.includes(shanghaiWeekday(s.start))) ||
              (av.parts && !av.parts.includes(partOfDay(s.start))) ||
              (av.from && shanghaiDay(s.start) < av.from) ||
              (av.to && shanghaiDay(s.start) > av.to);
            const tooClose = list.some(
              (i) => Math.max(i.start, s.start) - Math.min(i.end, s.end) < rules.minRestHours * H,
            );
            const cap = Math.min(rules.maxHoursPerWeek, av.maxHoursPerWeek ?? Number.POSITIVE_INFINITY) * H;
            const overHours = weekParts(s.start, s.end).some(({ week, ms }) => {
              let used = 0;
              for (const i of list)
                for (const part of weekParts(i.start, i.end)) if (part.week === week) used += part.ms;
              return used + ms > cap;
            });
            expect(unavailable || tooClose || overHours, `${p.id} could take ${s.id}`).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

// ---- examples

function checkpointShifts(days: number, checkpoints: number, unitPath = (c: number) => `d.t${c % 2}.c${c}`) {
  const out: ShiftToFill[] = [];
  const expanded = expandPattern(PATTERN_PRESETS.three_shifts, '2020-02-03', day(days - 1));
  for (let c = 0; c < checkpoints; c++)
    expanded.forEach((s, i) => {
      out.push({
        id: `cp${c}-${i}`,
        facilityId: `cp${c}`,
        unitPath: unitPath(c),
        day: s.day,
        label: s.label,
        start: s.start,
        end: s.end,
        needs: s.needs,
      });
    });
  return out;
}

function crew(n: number, qualifications: Qualification[], unitPath = 'd', prefix = 'p'): Candidate[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${String(i).padStart(3, '0')}`,
    unitPath,
    qualifications,
    availability: {},
  }));
}

describe('autoSchedule: examples', () => {
  it('staffs a checkpoint completely on three shifts for a week when there are enough people', () => {
    const shifts = checkpointShifts(7, 2);
    const people = [
      ...crew(7, ['police'], 'd', 'po'),
      ...crew(7, ['medical'], 'd', 'me'),
      ...crew(7, ['transport'], 'd', 'tr'),
      ...crew(7, ['cadre'], 'd', 'ca'),
    ];
    const r = autoSchedule(shifts, people);
    expect(r.needed).toBe(2 * 7 * 3 * CHECKPOINT_NEEDS.length);
    expect(r.filled).toBe(r.needed);
    expect(r.unfilled).toEqual([]);
    check(shifts, people, DEFAULT_RULES, r);
  });

  it('explains a place that needs a skill nobody has as noneQualified', () => {
    const [shift] = checkpointShifts(1, 1);
    shift.needs = [
      { qualification: 'psychology', count: 2 },
      { qualification: null, count: 1 },
    ];
    const r = autoSchedule([shift], crew(3, ['police']));
    expect(r.unfilled).toEqual([
      {
        shiftId: shift.id,
        qualification: 'psychology',
        missing: 2,
        noneQualified: true,
        rejected: { unavailable: 0, overlapping: 0, resting: 0, overHours: 0 },
      },
    ]);
    expect(r.filled).toBe(1);
    expect(r.needed).toBe(3);
  });

  it('says why the holders were turned away', () => {
    const shifts = checkpointShifts(1, 1).map((s) => ({
      ...s,
      needs: [{ qualification: 'medical' as const, count: 1 }],
    }));
    const people: Candidate[] = [
      { id: 'a', unitPath: 'd', qualifications: ['medical'], availability: {} },
      { id: 'b', unitPath: 'd', qualifications: ['medical'], availability: { parts: ['day'] } },
      { id: 'c', unitPath: 'd', qualifications: ['medical'], availability: { weekdays: [6, 7] } },
      { id: 'd', unitPath: 'd', qualifications: ['police'], availability: {} },
    ];
    // 12 hours' rest: 00–08 a (b works days only, c weekends); 08–16 b (a rests); 16–24 nobody
    const rules = { minRestHours: 12, maxHoursPerWeek: 56 };
    const r = autoSchedule(shifts, people, rules);
    expect(r.assignments.map((a) => a.personId)).toEqual(['a', 'b']);
    expect(r.unfilled).toEqual([
      {
        shiftId: shifts[2].id,
        qualification: 'medical',
        missing: 1,
        noneQualified: false,
        rejected: { unavailable: 1, overlapping: 0, resting: 2, overHours: 0 },
      },
    ]);
    check(shifts, people, rules, r);
    // with 8 hours' rest a is back at 16:00
    expect(autoSchedule(shifts, people).assignments.map((a) => a.personId)).toEqual(['a', 'b', 'a']);
  });

  it('balances hours: max − min ≤ one shift when everyone is equally available and supply exceeds demand', () => {
    const shifts = checkpointShifts(14, 3);
    for (const n of [10, 13, 20]) {
      const people = ['police', 'medical', 'transport', 'cadre'].flatMap((q) =>
        crew(n, [q as Qualification], 'd', q),
      );
      const r = autoSchedule(shifts, people);
      expect(r.unfilled).toEqual([]);
      expect(r.spread.max - r.spread.min).toBeLessThanOrEqual(8);
      expect(r.spread.people).toBe(people.length);
    }
  });

  it('prefers fewer hours, then people from within the shift’s unit, then continuity, then id', () => {
    const shift = (id: string, startHour: number, unitPath: string, facilityId = 'f'): ShiftToFill => ({
      id,
      facilityId,
      unitPath,
      day: '2020-02-03',
      label: 'x',
      start: MONDAY + startHour * H,
      end: MONDAY + (startHour + 8) * H,
      needs: [{ qualification: null, count: 1 }],
    });
    const people: Candidate[] = [
      { id: 'a', unitPath: 'r.x', qualifications: [], availability: {} },
      { id: 'b', unitPath: 'r.t.c2', qualifications: [], availability: {} },
      { id: 'c', unitPath: 'r.t.c1.g', qualifications: [], availability: {} },
      { id: 'd', unitPath: 'r.t.c1', qualifications: [], availability: {}, hoursBefore: 1 },
    ];
    // c is within r.t.c1 (d too, but d has an hour more); b shares r.t; a only r
    expect(autoSchedule([shift('s', 0, 'r.t.c1')], people).assignments[0].personId).toBe('c');
    expect(autoSchedule([shift('s', 0, 'r.t.c3')], people).assignments[0].personId).toBe('b');
    expect(autoSchedule([shift('s', 0, 'q')], people).assignments[0].personId).toBe('a');
    // fewer hours beat nearness
    expect(autoSchedule([shift('s', 0, 'r.t.c1')], [people[3], people[0]]).assignments[0].personId).toBe('a');
    // continuity: x and y equally near and equally loaded; y served at f last, so y again at f
    const two: Candidate[] = [
      { id: 'x', unitPath: 'r', qualifications: [], availability: {} },
      { id: 'y', unitPath: 'r', qualifications: [], availability: {} },
    ];
    const r = autoSchedule(
      [shift('1', 0, 'r'), shift('2', 0, 'r', 'g'), shift('3', 24, 'r', 'g'), shift('4', 24, 'r')],
      two,
    );
    expect(r.assignments.map((a) => `${a.shiftId}:${a.personId}`)).toEqual(['1:x', '2:y', '3:y', '4:x']);
  });

  it('gives the scarce qualification its only holder before the common one', () => {
    const [shift] = checkpointShifts(1, 1);
    shift.needs = [
      { qualification: 'police', count: 1 },
      { qualification: 'medical', count: 1 },
    ];
    const people: Candidate[] = [
      { id: 'a', unitPath: 'd', qualifications: ['police', 'medical'], availability: {} },
      { id: 'b', unitPath: 'd', qualifications: ['police'], availability: {} },
      { id: 'c', unitPath: 'd', qualifications: ['police'], availability: {} },
    ];
    const r = autoSchedule([shift], people);
    expect(r.unfilled).toEqual([]);
    expect(r.assignments).toEqual([
      { shiftId: shift.id, personId: 'a', qualification: 'medical' },
      { shiftId: shift.id, personId: 'b', qualification: 'police' },
    ]);
  });

  it('counts people already assigned toward the needs, and keeps them off overlapping shifts', () => {
    const shifts = checkpointShifts(1, 2).filter((s) => s.id.endsWith('-0'));
    shifts[0].assigned = [{ personId: 'po000', qualification: 'police' }];
    const people = [...crew(2, ['police'], 'd', 'po'), ...crew(2, ['medical'], 'd', 'me')];
    const r = autoSchedule(
      shifts.map((s) => ({
        ...s,
        needs: s.needs.filter((n) => n.qualification !== 'transport' && n.qualification !== 'cadre'),
      })),
      people,
    );
    expect(r.needed).toBe(4);
    expect(r.filled).toBe(4);
    expect(r.assignments.filter((a) => a.personId === 'po000')).toEqual([]);
    expect(r.hours.get('po000')).toBe(8);
  });

  it('keeps off busy times and rests around them, and counts weeks across Sunday midnight', () => {
    const shift = (id: string, startHour: number, hours: number): ShiftToFill => ({
      id,
      facilityId: 'f',
      unitPath: 'r',
      day: shanghaiDay(MONDAY + startHour * H),
      label: 'x',
      start: MONDAY + startHour * H,
      end: MONDAY + (startHour + hours) * H,
      needs: [{ qualification: null, count: 1 }],
    });
    const p: Candidate = {
      id: 'p',
      unitPath: 'r',
      qualifications: [],
      availability: { maxHoursPerWeek: 10 },
      busy: [{ start: MONDAY + 20 * H, end: MONDAY + 22 * H }],
    };
    // 10–18 ends 2 h before the busy time (rest 8 h): no; 30–38 starts 8 h after it: yes
    let r = autoSchedule([shift('a', 10, 8), shift('b', 30, 8)], [p]);
    expect(r.assignments.map((a) => a.shiftId)).toEqual(['b']);
    expect(r.unfilled[0].rejected.resting).toBe(1);
    // Sunday 20:00 – Monday 04:00: 4 h in each week; busy 2 h in the first week
    const sunday = 6 * 24 + 20;
    r = autoSchedule([shift('c', sunday, 8), shift('d', sunday + 24, 6)], [p]);
    // week 1: 2 + 4 = 6 ≤ 10; week 2: 4 + 6 = 10 ≤ 10
    expect(r.unfilled).toEqual([]);
    r = autoSchedule([shift('c', sunday, 8), shift('d', sunday + 24, 7)], [p]);
    expect(r.unfilled.map((u) => [u.shiftId, u.rejected.overHours])).toEqual([['d', 1]]);
  });

  it('throws on a shift that does not end after it starts', () => {
    const [shift] = checkpointShifts(1, 1);
    expect(() => autoSchedule([{ ...shift, end: shift.start }], [])).toThrow(RangeError);
  });
});

describe('time helpers', () => {
  it('splits a shift by ISO week in Asia/Shanghai', () => {
    const sunday20 = MONDAY + (6 * 24 + 20) * H;
    expect(weekParts(sunday20, sunday20 + 8 * H)).toEqual([
      { week: shanghaiWeek(MONDAY), ms: 4 * H },
      { week: shanghaiWeek(MONDAY) + 1, ms: 4 * H },
    ]);
    expect(shanghaiWeek(MONDAY) - shanghaiWeek(MONDAY - 1)).toBe(1);
  });

  it('calls shifts starting 06:00–17:59 day shifts', () => {
    expect(partOfDay(MONDAY + 6 * H)).toBe('day');
    expect(partOfDay(MONDAY + 18 * H - 1)).toBe('day');
    expect(partOfDay(MONDAY + 18 * H)).toBe('night');
    expect(partOfDay(MONDAY + 6 * H - 1)).toBe('night');
  });

  it('spreads hours', () => {
    expect(spreadOf([])).toEqual({ people: 0, min: 0, max: 0, mean: 0, stddev: 0 });
    expect(spreadOf([8, 16])).toEqual({ people: 2, min: 8, max: 16, mean: 12, stddev: 4 });
  });
});
