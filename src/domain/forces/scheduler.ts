import { DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDayNumber, shanghaiDayStart } from '../time/shanghai';
import {
  type Assignment,
  type Candidate,
  DEFAULT_RULES,
  type HoursSpread,
  type Qualification,
  type ScheduleResult,
  type ScheduleRules,
  type ShiftToFill,
  type UnfilledPlace,
} from './schedule';

// The roster's auto-scheduler (自动排班): fills shifts from people's availability and qualifications.
//
// Hard rules, for every place it fills:
//   - the person holds the place's qualification (anyone for a place without one);
//   - the shift is within their availability: ISO weekday, part of the day ('day' = starts 06:00–17:59)
//     and from/to dates, all of the shift's start in Asia/Shanghai;
//   - they are on no overlapping shift: of this run, already assigned (`assigned`), or `busy`;
//   - at least `rules.minRestHours` lie between the end of any of those and the start of this one, and
//     between the end of this one and the start of any of those;
//   - their hours in each ISO week (Monday 00:00 Asia/Shanghai; a shift across midnight of Sunday counts
//     in both weeks for the part in each) stay within min(rules.maxHoursPerWeek,
//     availability.maxHoursPerWeek), counting this run's shifts, those already assigned and `busy` ones;
//   - one place per person per shift; people already assigned count toward the shift's needs.
// Preferences, in this order, among the people who may take a place:
//   1. the fewest hours (hoursBefore + shifts of this run, those already assigned included);
//   2. the nearest in the tree: the longest common prefix of unit paths in labels (anyone within the
//      shift's unit subtree shares all of its path, which is the most);
//   3. continuity: their last shift so far was at the same facility;
//   4. the smallest id (so that the same input always gives the same roster).
//
// How: shifts are taken in order of start (then end, then id); within a shift the scarcest
// qualifications first (fewest holders), places for anyone last. Because of that order, every shift of
// this run a person holds started no later than the one at hand, so the run's overlap and rest checks
// are one comparison with the end of their latest shift (`lastEnd`); `busy` and pre-assigned shifts,
// which may lie anywhere, are checked separately (few per person). Candidates are kept, per
// qualification and per unit of the tree that some shift is at (and the root), in buckets by hours,
// each bucket sorted by id: a place looks for the lowest bucket of the root holding someone who may
// serve, then, in that bucket, walks from the shift's own unit up towards the root and takes the first
// that has such a person. That is O(depth + people skipped) per place instead of a scan of everyone.
// A place left empty is explained by classifying every holder of its qualification by the first rule
// that turns them away.

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * DAY_MS;
/** Monday 1970-01-05 00:00 in Asia/Shanghai: ISO weeks are counted from it */
const MONDAY0 = 4 * DAY_MS - SHANGHAI_OFFSET_MS;
const weekOf = (t: number) => Math.floor((t - MONDAY0) / WEEK_MS);

const OK = 0;
const UNAVAILABLE = 1;
const OVERLAPPING = 2;
const RESTING = 3;
const OVER_HOURS = 4;

const ALL_WEEKDAYS = 0b1111_1110; // bits 1..7
const DAY_PART = 1;
const NIGHT_PART = 2;
const NO_DAY_MIN = -2_147_483_648;
const NO_DAY_MAX = 2_147_483_647;

/** The 'day' part of the day: shifts starting from 06:00 to 17:59 (Availability.parts). */
export function partOfDay(start: number): 'day' | 'night' {
  const hour = Math.floor(((((start + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
  return hour >= 6 && hour < 18 ? 'day' : 'night';
}

/** The ISO week of an instant in Asia/Shanghai, as a number of weeks since 1970-01-05 (for comparisons). */
export function shanghaiWeek(t: number): number {
  return weekOf(t);
}

/** Milliseconds of [start, end) in each ISO week (Asia/Shanghai) it touches. */
export function weekParts(start: number, end: number): Array<{ week: number; ms: number }> {
  const out: Array<{ week: number; ms: number }> = [];
  let t = start;
  while (t < end) {
    const w = weekOf(t);
    const weekEnd = MONDAY0 + (w + 1) * WEEK_MS;
    const upTo = Math.min(end, weekEnd);
    out.push({ week: w, ms: upTo - t });
    t = upTo;
  }
  return out;
}

/** Sorted array of ints: insert keeping the order (no duplicates expected). */
function insertSorted(a: number[], x: number): void {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  a.splice(lo, 0, x);
}

/** Sorted array of ints: remove x if present. */
function removeSorted(a: number[], x: number): void {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  if (a[lo] === x) a.splice(lo, 1);
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Need {
  qualification: Qualification | null;
  /** index of the pool (qualification) of the run, or -1 */
  pool: number;
  count: number;
  /** filled by people already assigned */
  pre: number;
  /** filled in this run */
  added: number;
}

/**
 * Fills the shifts' places from the candidates. Pure and deterministic: the same shifts, people and rules
 * (in whatever order) give the same result. Throws RangeError on a shift that does not end after it
 * starts or on a malformed availability date.
 */
export function autoSchedule(
  shifts: ShiftToFill[],
  people: Candidate[],
  rules: ScheduleRules = DEFAULT_RULES,
): ScheduleResult {
  const restMs = Math.max(0, rules.minRestHours) * HOUR_MS;

  // ---- shifts, in order of start, end, id
  for (const s of shifts) {
    if (!(Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start))
      throw new RangeError(`shift ${s.id} does not end after it starts`);
  }
  const order = shifts
    .map((_, i) => i)
    .sort((a, b) => {
      const x = shifts[a];
      const y = shifts[b];
      return x.start - y.start || x.end - y.end || byString(x.id, y.id) || a - b;
    });
  const S = order.length;

  // ---- people, by id (the first of duplicate ids is kept)
  const sortedPeople = [...people].sort((a, b) => byString(a.id, b.id));
  const cands: Candidate[] = [];
  for (const c of sortedPeople) if (cands.length === 0 || cands[cands.length - 1].id !== c.id) cands.push(c);
  const P = cands.length;
  const indexOf = new Map<string, number>();
  cands.forEach((c, i) => {
    indexOf.set(c.id, i);
  });

  // ---- the weeks the run touches
  let firstStart = Number.POSITIVE_INFINITY;
  let lastEndAll = Number.NEGATIVE_INFINITY;
  for (const s of shifts) {
    if (s.start < firstStart) firstStart = s.start;
    if (s.end > lastEndAll) lastEndAll = s.end;
  }
  const w0 = S ? weekOf(firstStart) : 0;
  const W = S ? weekOf(lastEndAll - 1) - w0 + 1 : 0;
  const weekMs = new Float64Array(P * W);
  const addWeeks = (p: number, start: number, end: number) => {
    const a = Math.max(start, MONDAY0 + w0 * WEEK_MS);
    const b = Math.min(end, MONDAY0 + (w0 + W) * WEEK_MS);
    if (a >= b) return;
    for (const { week, ms } of weekParts(a, b)) weekMs[p * W + week - w0] += ms;
  };

  // ---- per-person state
  const loadMs = new Float64Array(P);
  const runMs = new Float64Array(P);
  const lastEnd = new Float64Array(P).fill(Number.NEGATIVE_INFINITY);
  const lastFacility = new Int32Array(P).fill(-1);
  const capMs = new Float64Array(P);
  const weekdayMask = new Uint8Array(P);
  const partMask = new Uint8Array(P);
  const fromDay = new Int32Array(P);
  const toDay = new Int32Array(P);
  /** busy and pre-assigned intervals, gathered here, then flattened into `fixed` below */
  const fixedLists: Array<Array<[number, number]> | null> = new Array(P).fill(null);

  for (let p = 0; p < P; p++) {
    const c = cands[p];
    const a = c.availability ?? {};
    loadMs[p] = Math.round((c.hoursBefore ?? 0) * HOUR_MS);
    const cap = Math.min(rules.maxHoursPerWeek, a.maxHoursPerWeek ?? Number.POSITIVE_INFINITY);
    capMs[p] = Math.round(cap * HOUR_MS);
    let wd = ALL_WEEKDAYS;
    if (a.weekdays) {
      wd = 0;
      for (const d of a.weekdays) if (d >= 1 && d <= 7) wd |= 1 << d;
    }
    weekdayMask[p] = wd;
    let parts = DAY_PART | NIGHT_PART;
    if (a.parts) {
      parts = 0;
      for (const x of a.parts) parts |= x === 'day' ? DAY_PART : x === 'night' ? NIGHT_PART : 0;
    }
    partMask[p] = parts;
    fromDay[p] = a.from ? shanghaiDayNumber(shanghaiDayStart(a.from)) : NO_DAY_MIN;
    toDay[p] = a.to ? shanghaiDayNumber(shanghaiDayStart(a.to)) : NO_DAY_MAX;
    if (c.busy?.length) {
      const list: Array<[number, number]> = [];
      for (const b of c.busy) {
        if (!(b.end > b.start)) continue;
        list.push([b.start, b.end]);
        addWeeks(p, b.start, b.end);
      }
      fixedLists[p] = list;
    }
  }

  // ---- facilities
  const facilityIndex = new Map<string, number>();
  const shiftFacility = new Int32Array(S);
  for (let k = 0; k < S; k++) {
    const id = shifts[order[k]].facilityId;
    let f = facilityIndex.get(id);
    if (f === undefined) {
      f = facilityIndex.size;
      facilityIndex.set(id, f);
    }
    shiftFacility[k] = f;
  }
  /** people whose latest shift so far was at the facility (small lists) */
  const recentAt: number[][] = Array.from({ length: facilityIndex.size }, () => []);
  const setLastFacility = (p: number, f: number) => {
    const old = lastFacility[p];
    if (old === f) return;
    if (old >= 0) {
      const list = recentAt[old];
      const at = list.indexOf(p);
      if (at >= 0) list.splice(at, 1);
    }
    lastFacility[p] = f;
    recentAt[f].push(p);
  };

  // ---- needs of every shift, people already assigned counted toward them
  const externalMs = new Map<string, number>();
  const pools = new Map<Qualification | null, number>(); // qualification → pool index
  const needsOf: Need[][] = new Array(S);
  const preAssigned: number[][] = new Array(S); // candidate indexes already on the shift
  let needed = 0;
  for (let k = 0; k < S; k++) {
    const s = shifts[order[k]];
    const needs: Need[] = [];
    for (const n of s.needs) {
      const count = Math.max(0, Math.floor(n.count));
      if (count === 0) continue;
      needed += count;
      const q = n.qualification ?? null;
      if (!pools.has(q)) pools.set(q, pools.size);
      needs.push({ qualification: q, pool: -1, count, pre: 0, added: 0 });
    }
    const on: number[] = [];
    const seen = new Set<string>();
    for (const a of s.assigned ?? []) {
      if (seen.has(a.personId)) continue;
      seen.add(a.personId);
      const q = a.qualification ?? null;
      const need =
        needs.find((n) => n.qualification === q && n.pre < n.count) ??
        needs.find((n) => n.qualification === null && n.pre < n.count);
      if (need) need.pre++;
      const p = indexOf.get(a.personId);
      const ms = s.end - s.start;
      if (p === undefined) {
        externalMs.set(a.personId, (externalMs.get(a.personId) ?? 0) + ms);
        continue;
      }
      on.push(p);
      let list = fixedLists[p];
      if (!list) {
        list = [];
        fixedLists[p] = list;
      }
      list.push([s.start, s.end]);
      addWeeks(p, s.start, s.end);
      runMs[p] += ms;
      loadMs[p] += ms;
    }
    needsOf[k] = needs;
    preAssigned[k] = on;
  }
  /** per person: busy and pre-assigned intervals as [start, end, start, end, …] sorted by start, or null */
  const fixed: Array<Float64Array | null> = fixedLists.map((list) => {
    if (!list?.length) return null;
    list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return Float64Array.from(list.flat());
  });

  // ---- pools: who holds each needed qualification (null: everyone)
  const Q = pools.size;
  const poolOrder: Array<Qualification | null> = [...pools.keys()];
  const poolMask = new Int32Array(P); // bit i: holds the qualification of pool i (Q ≤ 12 < 32)
  const poolSize = new Int32Array(Q);
  const members: number[][] = Array.from({ length: Q }, () => []);
  for (let p = 0; p < P; p++) {
    const held = new Set(cands[p].qualifications);
    let mask = 0;
    poolOrder.forEach((q, i) => {
      if (q === null || held.has(q)) mask |= 1 << i;
    });
    poolMask[p] = mask;
    for (let i = 0; i < Q; i++)
      if (mask & (1 << i)) {
        poolSize[i]++;
        members[i].push(p);
      }
  }
  for (let k = 0; k < S; k++) {
    for (const n of needsOf[k]) n.pool = pools.get(n.qualification) ?? -1;
    // the scarcest qualification first, places for anyone last; stable otherwise
    needsOf[k].sort((a, b) => {
      if ((a.qualification === null) !== (b.qualification === null)) return a.qualification === null ? 1 : -1;
      return (
        poolSize[a.pool] - poolSize[b.pool] || byString(String(a.qualification), String(b.qualification))
      );
    });
  }

  // ---- the unit tree: every prefix of a shift's unit path is a node; node 0 is the root (no label)
  const nodeOf = new Map<string, number>();
  const shiftChain: Int32Array[] = new Array(S); // node at each depth, root first
  const chainCache = new Map<string, Int32Array>();
  for (let k = 0; k < S; k++) {
    const path = shifts[order[k]].unitPath ?? '';
    let chain = chainCache.get(path);
    if (!chain) {
      const labels = path ? path.split('.') : [];
      const nodes = [0];
      let prefix = '';
      for (let d = 0; d < labels.length; d++) {
        prefix = d === 0 ? labels[0] : `${prefix}.${labels[d]}`;
        let node = nodeOf.get(prefix);
        if (node === undefined) {
          node = nodeOf.size + 1;
          nodeOf.set(prefix, node);
        }
        nodes.push(node);
      }
      chain = Int32Array.from(nodes);
      chainCache.set(path, chain);
    }
    shiftChain[k] = chain;
  }
  const N = nodeOf.size + 1;
  // a person's chain: the nodes among their path's prefixes (they stop at the first that no shift has)
  const personChain: Int32Array[] = new Array(P);
  const personChainCache = new Map<string, Int32Array>();
  for (let p = 0; p < P; p++) {
    const path = cands[p].unitPath ?? '';
    let chain = personChainCache.get(path);
    if (!chain) {
      const nodes = [0];
      if (path) {
        let prefix = '';
        const labels = path.split('.');
        for (let d = 0; d < labels.length; d++) {
          prefix = d === 0 ? labels[0] : `${prefix}.${labels[d]}`;
          const node = nodeOf.get(prefix);
          if (node === undefined) break;
          nodes.push(node);
        }
      }
      chain = Int32Array.from(nodes);
      personChainCache.set(path, chain);
    }
    personChain[p] = chain;
  }
  /** depth of the deepest unit a person shares with a shift (0: only the root) */
  const commonDepth = (p: number, chain: Int32Array) => {
    const pc = personChain[p];
    const n = Math.min(pc.length, chain.length);
    let d = 1;
    while (d < n && pc[d] === chain[d]) d++;
    return d - 1;
  };

  // ---- buckets: per pool and node, hours (ms) → person indexes sorted; per pool, the root's levels sorted
  const buckets: Array<Map<number, number[]> | undefined> = new Array(Q * N);
  const levels: number[][] = Array.from({ length: Q }, () => []);
  const bucketAdd = (q: number, node: number, load: number, p: number, sorted: boolean) => {
    let m = buckets[q * N + node];
    if (!m) {
      m = new Map();
      buckets[q * N + node] = m;
    }
    let a = m.get(load);
    if (!a) {
      a = [];
      m.set(load, a);
      if (node === 0) insertSorted(levels[q], load);
    }
    if (sorted) a.push(p);
    else insertSorted(a, p);
  };
  const bucketRemove = (q: number, node: number, load: number, p: number) => {
    const m = buckets[q * N + node];
    const a = m?.get(load);
    if (!m || !a) return;
    removeSorted(a, p);
    if (a.length === 0) {
      m.delete(load);
      if (node === 0) removeSorted(levels[q], load);
    }
  };
  for (let p = 0; p < P; p++) {
    const mask = poolMask[p];
    for (let q = 0; q < Q; q++) {
      if (!(mask & (1 << q))) continue;
      for (const node of personChain[p]) bucketAdd(q, node, loadMs[p], p, true); // p ascending: stays sorted
    }
  }
  const setLoad = (p: number, load: number) => {
    const old = loadMs[p];
    const mask = poolMask[p];
    for (let q = 0; q < Q; q++) {
      if (!(mask & (1 << q))) continue;
      for (const node of personChain[p]) {
        bucketRemove(q, node, old, p);
        bucketAdd(q, node, load, p, false);
      }
    }
    loadMs[p] = load;
  };

  // ---- the shift at hand
  let sStart = 0;
  let sEnd = 0;
  let sWeekday = 0;
  let sPart = 0;
  let sDay = 0;
  let sWeeks: Array<{ week: number; ms: number }> = [];

  /** why p may not take a place on the shift at hand (OK when they may) */
  const reason = (p: number): number => {
    if (!(weekdayMask[p] & (1 << sWeekday)) || !(partMask[p] & sPart)) return UNAVAILABLE;
    if (sDay < fromDay[p] || sDay > toDay[p]) return UNAVAILABLE;
    const le = lastEnd[p];
    if (le > sStart) return OVERLAPPING;
    if (sStart - le < restMs) return RESTING;
    const f = fixed[p];
    if (f) {
      let resting = false;
      for (let i = 0; i < f.length; i += 2) {
        const a = f[i];
        if (a >= sEnd + restMs) break;
        const b = f[i + 1];
        if (a < sEnd && sStart < b) return OVERLAPPING;
        if (a < sEnd + restMs && sStart - restMs < b) resting = true;
      }
      if (resting) return RESTING;
    }
    const base = p * W - w0;
    for (const { week, ms } of sWeeks) if (weekMs[base + week] + ms > capMs[p]) return OVER_HOURS;
    return OK;
  };

  /** the person to take a place of pool q on shift k, or -1 */
  const pick = (q: number, k: number): number => {
    const root = buckets[q * N];
    if (!root) return -1;
    let load = 0;
    let first = -1;
    for (const level of levels[q]) {
      const a = root.get(level) as number[];
      for (let i = 0; i < a.length; i++) {
        if (reason(a[i]) === OK) {
          first = a[i];
          break;
        }
      }
      if (first >= 0) {
        load = level;
        break;
      }
    }
    if (first < 0) return -1;
    // the nearest: from the shift's unit up to the root, the first unit with someone at that load
    const chain = shiftChain[k];
    let best = first;
    let bestDepth = 0;
    for (let d = chain.length - 1; d >= 1 && bestDepth === 0; d--) {
      const a = buckets[q * N + chain[d]]?.get(load);
      if (!a) continue;
      for (let i = 0; i < a.length; i++) {
        if (reason(a[i]) === OK) {
          best = a[i];
          bestDepth = d;
          break;
        }
      }
    }
    // continuity: someone as near, at that load, whose last shift was here
    let cont = -1;
    for (const p of recentAt[shiftFacility[k]]) {
      if (
        (cont < 0 || p < cont) &&
        poolMask[p] & (1 << q) &&
        loadMs[p] === load &&
        commonDepth(p, chain) === bestDepth &&
        reason(p) === OK
      )
        cont = p;
    }
    return cont >= 0 ? cont : best;
  };

  // ---- fill
  /** per pool: the times of the last shift where nobody of it could take a place, and why */
  const failStart = new Float64Array(Q).fill(Number.NaN);
  const failEnd = new Float64Array(Q).fill(Number.NaN);
  const failCounts: UnfilledPlace['rejected'][] = new Array(Q);
  const assignments: Assignment[] = [];
  const unfilled: UnfilledPlace[] = [];
  let filled = 0;
  for (let k = 0; k < S; k++) {
    const s = shifts[order[k]];
    sStart = s.start;
    sEnd = s.end;
    sWeekday = ((((shanghaiDayNumber(s.start) + 3) % 7) + 7) % 7) + 1;
    sPart = partOfDay(s.start) === 'day' ? DAY_PART : NIGHT_PART;
    sDay = shanghaiDayNumber(s.start);
    sWeeks = weekParts(s.start, s.end);
    const f = shiftFacility[k];
    for (const p of preAssigned[k]) setLastFacility(p, f);
    const ms = s.end - s.start;
    for (const need of needsOf[k]) {
      const pre = Math.min(need.pre, need.count);
      filled += pre;
      let missing = need.count - pre;
      // nobody of the pool could take a shift of the same times just before: nobody can now either
      const exhausted = failStart[need.pool] === sStart && failEnd[need.pool] === sEnd;
      while (missing > 0 && !exhausted) {
        const p = pick(need.pool, k);
        if (p < 0) break;
        assignments.push({ shiftId: s.id, personId: cands[p].id, qualification: need.qualification });
        if (sEnd > lastEnd[p]) lastEnd[p] = sEnd;
        setLastFacility(p, f);
        const base = p * W - w0;
        for (const { week, ms: part } of sWeeks) weekMs[base + week] += part;
        runMs[p] += ms;
        setLoad(p, loadMs[p] + ms);
        need.added++;
        filled++;
        missing--;
      }
      if (missing > 0) {
        // Why: each holder by the first rule that turns them away. Someone turned away stays turned
        // away for shifts of the same times (only their own assignments could change their state, and
        // they cannot get one at these times), so the counts hold for the next such shift as well.
        const q = need.pool;
        if (!exhausted) {
          const counts = { unavailable: 0, overlapping: 0, resting: 0, overHours: 0 };
          for (const p of members[q]) {
            const r = reason(p);
            if (r === UNAVAILABLE) counts.unavailable++;
            else if (r === OVERLAPPING) counts.overlapping++;
            else if (r === RESTING) counts.resting++;
            else if (r === OVER_HOURS) counts.overHours++;
          }
          failStart[q] = sStart;
          failEnd[q] = sEnd;
          failCounts[q] = counts;
        }
        unfilled.push({
          shiftId: s.id,
          qualification: need.qualification,
          missing,
          noneQualified: members[q].length === 0,
          rejected: { ...failCounts[q] },
        });
      }
    }
  }

  // ---- hours and their spread
  const hours = new Map<string, number>();
  for (let p = 0; p < P; p++) if (runMs[p] > 0) hours.set(cands[p].id, runMs[p] / HOUR_MS);
  for (const [id, ms] of externalMs) hours.set(id, (hours.get(id) ?? 0) + ms / HOUR_MS);
  return { assignments, unfilled, hours, spread: spreadOf(hours.values()), needed, filled };
}

/** min, max, mean and (population) standard deviation of hours. */
export function spreadOf(values: Iterable<number>): HoursSpread {
  let n = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let sumSq = 0;
  for (const v of values) {
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    sumSq += v * v;
  }
  if (n === 0) return { people: 0, min: 0, max: 0, mean: 0, stddev: 0 };
  const mean = sum / n;
  return { people: n, min, max, mean, stddev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)) };
}
