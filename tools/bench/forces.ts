import { performance } from 'node:perf_hooks';
import type { Candidate, Qualification, ScheduleResult, ShiftToFill } from '../../src/domain/forces/schedule';
import { autoSchedule } from '../../src/domain/forces/scheduler';
import { expandPattern, PATTERN_PRESETS, shanghaiDay } from '../../src/domain/forces/shiftPatterns';
import {
  type AutoScheduleAnswer,
  autoScheduleRange,
  generateShifts,
} from '../../src/server/modules/forces/duty/roster';
import type { Actor } from '../../src/server/platform/access';
import type { Services } from '../../src/server/platform/services';
import { clearHuijiRoster, HUIJI, seedHuijiInDb } from './huijiDb';
import { type MeasureOptions, measure, prng, type Timing } from './measure';
import { benchServices, rootActor } from './services';
import type { BenchContext, Facts, Suite } from './suite';

// The roster's auto-scheduler at the size of Huiji district (惠济区, Zhengzhou) in February 2020: 453
// checkpoints, each on three shifts round the clock (三班倒) for 14 days, each shift needing a police
// officer, a medical worker, a transport worker and a sent-down cadre, filled from 6,000 people. The
// scheduler is pure (src/domain/forces/scheduler.ts): this measures it alone, on data generated here with
// a fixed seed. Then the same case end to end: written into PostgreSQL (Huiji's official towns and
// communities, 453 facilities with the three-shift pattern, 6,000 people in the registry), the roster
// service generates the 14 days of shifts, loads shifts and candidates, schedules and writes every
// assignment with its event, as the 自动排班 button does.

const SEED = 20_200_203;
const CHECKPOINTS = 453;
const PEOPLE = 6_000;
const TOWNS = 16;
const FIRST_DAY = '2020-02-03'; // a Monday: the 14 days are two ISO weeks
const DISTRICT_PATH = '410000.410100.410108';

const SIMPLE_QUALIFICATIONS: Qualification[] = ['police', 'medical', 'transport', 'cadre'];
const OTHER_QUALIFICATIONS: Qualification[] = ['logistics', 'registration', 'driving', 'disinfection'];

export interface HuijiCase {
  shifts: ShiftToFill[];
  people: Candidate[];
  towns: string[];
}

/**
 * The Huiji case, the same on every call: 16 towns/streets with 6–16 communities each; the checkpoints
 * spread over the communities (a few at a town itself); people at communities (most), at a town's
 * office or at the district (sent down from district bureaus). Qualifications: one of police, medical,
 * transport, cadre for 94 % (about a quarter each), another skill for the rest, a second of the four
 * for 20 %. Availability: 78 % unrestricted, 10 % day shifts only, 5 % Monday–Friday, 4 % from the 4th
 * day on, 3 % at most 40 hours a week; 3 % are busy elsewhere for a day; 10 % have hours before the run.
 */
export function huijiCase(days = 14, seed = SEED): HuijiCase {
  const rand = prng(seed);
  const pickInt = (n: number) => Math.floor(rand() * n);
  const towns: string[] = [];
  const communities: string[][] = [];
  for (let t = 1; t <= TOWNS; t++) {
    const town = `${DISTRICT_PATH}.410108${String(t).padStart(3, '0')}`;
    towns.push(town);
    const n = 6 + pickInt(11);
    communities.push(
      Array.from(
        { length: n },
        (_, c) => `${town}.410108${String(t).padStart(3, '0')}${String(c + 1).padStart(3, '0')}`,
      ),
    );
  }
  const allCommunities = communities.flat();

  const lastDay = shanghaiDay(Date.parse(`${FIRST_DAY}T00:00:00+08:00`) + (days - 1) * 86_400_000);
  const day = expandPattern(PATTERN_PRESETS.three_shifts, FIRST_DAY, lastDay);
  const shifts: ShiftToFill[] = [];
  for (let c = 0; c < CHECKPOINTS; c++) {
    // one in ten at a town itself (its entrance on a main road), the others at a community
    const unitPath =
      c % 10 === 9 ? towns[c % TOWNS] : allCommunities[(c * 7919 + pickInt(3)) % allCommunities.length];
    const facilityId = `cp${String(c + 1).padStart(3, '0')}`;
    day.forEach((s, i) => {
      shifts.push({
        id: `${facilityId}-${s.day}-${i % 3}`,
        facilityId,
        unitPath,
        day: s.day,
        label: s.label,
        start: s.start,
        end: s.end,
        needs: s.needs,
      });
    });
  }

  const people: Candidate[] = [];
  const firstStart = Date.parse(`${FIRST_DAY}T00:00:00+08:00`);
  for (let i = 0; i < PEOPLE; i++) {
    const r = rand();
    const unitPath =
      r < 0.85
        ? allCommunities[pickInt(allCommunities.length)]
        : r < 0.95
          ? towns[pickInt(TOWNS)]
          : `${DISTRICT_PATH}.bureau${pickInt(20)}`;
    const qualifications = new Set<Qualification>();
    if (rand() < 0.94) qualifications.add(SIMPLE_QUALIFICATIONS[pickInt(4)]);
    else qualifications.add(OTHER_QUALIFICATIONS[pickInt(4)]);
    if (rand() < 0.2) qualifications.add(SIMPLE_QUALIFICATIONS[pickInt(4)]);
    if (rand() < 0.4) qualifications.add('party_member');
    const a = rand();
    const availability: Candidate['availability'] =
      a < 0.78
        ? {}
        : a < 0.88
          ? { parts: ['day'] }
          : a < 0.93
            ? { weekdays: [1, 2, 3, 4, 5] }
            : a < 0.97
              ? { from: '2020-02-06' }
              : { maxHoursPerWeek: 40 };
    const person: Candidate = {
      id: `p${String(i + 1).padStart(5, '0')}`,
      unitPath,
      qualifications: [...qualifications],
      availability,
    };
    if (rand() < 0.1) person.hoursBefore = 8 * (1 + pickInt(6));
    if (rand() < 0.03) {
      const start = firstStart + pickInt(days) * 86_400_000 + 9 * 3_600_000;
      person.busy = [{ start, end: start + 8 * 3_600_000 }];
    }
    people.push(person);
  }
  return { shifts, people, towns };
}

/** Figures of a result: places and shifts filled, how local the people are, the hours' spread. */
export function describeResult(c: HuijiCase, r: ScheduleResult): Facts {
  const byShift = new Map<string, number>();
  for (const u of r.unfilled) byShift.set(u.shiftId, (byShift.get(u.shiftId) ?? 0) + u.missing);
  const shiftOf = new Map(c.shifts.map((s) => [s.id, s]));
  const personOf = new Map(c.people.map((p) => [p.id, p]));
  const townOf = (path: string) => path.split('.').slice(0, 4).join('.');
  let sameTown = 0;
  for (const a of r.assignments) {
    const s = shiftOf.get(a.shiftId) as ShiftToFill;
    const p = personOf.get(a.personId) as Candidate;
    if (townOf(p.unitPath) === townOf(s.unitPath)) sameTown++;
  }
  const reasons = { unavailable: 0, overlapping: 0, resting: 0, overHours: 0 };
  for (const u of r.unfilled)
    for (const k of Object.keys(reasons) as Array<keyof typeof reasons>) reasons[k] += u.rejected[k];
  const pct = (x: number, of: number) => Number(((100 * x) / of).toFixed(2));
  const h = (x: number) => Number(x.toFixed(1));
  const full = c.shifts.length - byShift.size;
  // the days and shifts where places stayed empty, most first
  const gaps = new Map<string, number>();
  for (const u of r.unfilled) {
    const s = shiftOf.get(u.shiftId) as ShiftToFill;
    const key = `${s.day} ${s.label}`;
    gaps.set(key, (gaps.get(key) ?? 0) + u.missing);
  }
  const n = r.unfilled.length || 1;
  return {
    placesFilled: r.filled,
    placesFilledPercent: pct(r.filled, r.needed),
    shiftsFullyStaffed: full,
    shiftsFullyStaffedPercent: pct(full, c.shifts.length),
    unfilledPlaces: r.needed - r.filled,
    unfilledWhere:
      [...gaps]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 3)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none',
    turnedAwayPerUnfilledPlace: (Object.keys(reasons) as Array<keyof typeof reasons>)
      .map((k) => `${k} ${Math.round(reasons[k] / n)}`)
      .join(', '),
    assignmentsWithinTheTownPercent: pct(sameTown, r.assignments.length),
    peopleOnShifts: r.spread.people,
    hoursMin: h(r.spread.min),
    hoursMax: h(r.spread.max),
    hoursMean: h(r.spread.mean),
    hoursStddev: h(r.spread.stddev),
  };
}

let facts: Facts = {};
let huiji: HuijiCase;
let services: Services;
let actor: Actor;

async function setup(ctx: BenchContext): Promise<Facts> {
  ctx.log(`generating the Huiji case: ${CHECKPOINTS} checkpoints × 3 shifts × 14 days, ${PEOPLE} people …`);
  const t0 = performance.now();
  huiji = huijiCase();
  const places = huiji.shifts.reduce((n, s) => n + s.needs.reduce((m, x) => m + x.count, 0), 0);
  facts = {
    checkpoints: CHECKPOINTS,
    days: `${FIRST_DAY} … ${huiji.shifts[huiji.shifts.length - 1].day} (14)`,
    shifts: huiji.shifts.length,
    places,
    people: huiji.people.length,
    generateSeconds: Number(((performance.now() - t0) / 1000).toFixed(2)),
  };
  ctx.log('writing the case into the database (Huiji 410108: facilities, patterns, people) …');
  const inDb = await seedHuijiInDb(ctx.db, huiji);
  facts.database = `${inDb.facilities} facilities in ${inDb.towns} towns and ${inDb.communities} communities, ${inDb.people} people`;
  services = benchServices(ctx.db, FIRST_DAY);
  actor = await rootActor(ctx.db);
  return facts;
}

async function run(ctx: BenchContext): Promise<Timing[]> {
  const { log } = ctx;
  const opts = (o: MeasureOptions): MeasureOptions =>
    ctx.quick ? { ...o, warmup: 0, runs: 1, minRuns: 1, maxSeconds: 1 } : o;
  const results: Timing[] = [];

  // one day first: how the time grows with the period
  const oneDay = huijiCase(1);
  log(`scheduling one day (${oneDay.shifts.length} shifts) …`);
  results.push(
    await measure(
      'forces.schedule.day',
      `autoSchedule: 1 day, ${oneDay.shifts.length.toLocaleString('en')} shifts (rows: places filled)`,
      async () => autoSchedule(oneDay.shifts, oneDay.people).filled,
      opts({ warmup: 2, runs: 11, minRuns: 5, maxSeconds: 20 }),
    ),
  );

  log(`scheduling 14 days (${huiji.shifts.length} shifts) …`);
  let last: ScheduleResult | undefined;
  results.push(
    await measure(
      'forces.schedule.14days',
      `autoSchedule: 14 days, ${huiji.shifts.length.toLocaleString('en')} shifts (goal < 10 s)`,
      async () => {
        last = autoSchedule(huiji.shifts, huiji.people);
        return last.filled;
      },
      opts({ warmup: 1, runs: 5, minRuns: 3, maxSeconds: 60 }),
    ),
  );
  if (last) Object.assign(facts, describeResult(huiji, last));

  // end to end, through the roster service and PostgreSQL; every run starts from no shifts at all
  const lastDay = huiji.shifts[huiji.shifts.length - 1].day;
  const range = { unitCode: HUIJI, from: FIRST_DAY, to: lastDay };
  const district = await ctx.db
    .selectFrom('units')
    .select('path')
    .where('code', '=', HUIJI)
    .executeTakeFirstOrThrow();
  log('end to end: generating the shifts, then auto-scheduling them through the roster service …');
  let answer: AutoScheduleAnswer | undefined;
  let generateMs = 0;
  results.push(
    await measure(
      'forces.schedule.endToEnd',
      'end to end: generate 14 days of shifts, load, schedule, write (rows: assignments)',
      async () => {
        const g0 = performance.now();
        await generateShifts(services, actor, range);
        generateMs = performance.now() - g0;
        answer = await autoScheduleRange(services, actor, range);
        return answer.assigned;
      },
      opts({
        warmup: 1,
        runs: 3,
        minRuns: 2,
        maxSeconds: 60,
        before: () => clearHuijiRoster(ctx.db, district.path),
      }),
    ),
  );
  if (answer) {
    const a = answer;
    facts.endToEndLastRun =
      `generate ${Math.round(generateMs)} ms; load ${a.timings.load}, schedule ${a.timings.schedule}, ` +
      `write ${a.timings.write} ms (${a.shifts} shifts, ${a.candidates} candidates)`;
    facts.endToEndPlacesFilledPercent = Number(((100 * a.filled) / a.needed).toFixed(2));
    facts.endToEndHours = `min ${a.spread.min}, max ${a.spread.max}, mean ${a.spread.mean}, stddev ${a.spread.stddev}`;
  }
  return results;
}

export const forcesSuite: Suite = {
  name: 'forces',
  title: 'Roster auto-scheduler: Huiji, 453 checkpoints × 3 shifts × 14 days from 6,000 people',
  setup,
  run,
};
