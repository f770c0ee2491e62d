import { DAY_MS, shanghaiDay, shanghaiDayStart } from '../time/shanghai';
import { isQualification } from './qualifications';
import type { PatternShift, ShiftNeed, ShiftPattern } from './schedule';

// Shift patterns (班次模式) of a facility and their expansion into concrete shifts. Clock times are in
// Asia/Shanghai, with the day arithmetic of domain/time/shanghai.ts (re-exported here for the code that
// reads it beside the patterns).

export {
  DAY_MS,
  SHANGHAI_OFFSET_MS,
  shanghaiDay,
  shanghaiDayNumber,
  shanghaiDayStart,
  shanghaiWeekday,
} from '../time/shanghai';

const MINUTE_MS = 60_000;

const TIME_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** Minutes since midnight of a clock time 'HH:MM' ('24:00' gives 1440), or null when it is not one. */
export function clockMinutes(time: string): number | null {
  const m = TIME_RE.exec(time);
  if (!m) return null;
  return m[1] === undefined ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

/** The shift patterns offered when a facility sets up its roster. */
export type PatternPresetKey = 'two_day' | 'three_shifts' | 'four_shifts';

/** A checkpoint's staffing on every shift, per the reports: police, medical, transport and a sent-down cadre. */
export const CHECKPOINT_NEEDS: readonly ShiftNeed[] = [
  { qualification: 'police', count: 1 },
  { qualification: 'medical', count: 1 },
  { qualification: 'transport', count: 1 },
  { qualification: 'cadre', count: 1 },
];

const checkpoint = (): ShiftNeed[] => CHECKPOINT_NEEDS.map((n) => ({ ...n }));

export const PATTERN_PRESETS: Record<PatternPresetKey, ShiftPattern> = {
  // The volunteers' call-up of the reports: two shifts from 8:00 to 18:00.
  two_day: {
    name: '两班',
    shifts: [
      { label: '上午班', start: '08:00', end: '13:00', needs: checkpoint() },
      { label: '下午班', start: '13:00', end: '18:00', needs: checkpoint() },
    ],
  },
  // 三班倒: three eight-hour shifts round the clock; the last ends at midnight, written '00:00'.
  three_shifts: {
    name: '三班倒',
    shifts: [
      { label: '夜班', start: '00:00', end: '08:00', needs: checkpoint() },
      { label: '白班', start: '08:00', end: '16:00', needs: checkpoint() },
      { label: '中班', start: '16:00', end: '00:00', needs: checkpoint() },
    ],
  },
  // 四班运转: four six-hour shifts round the clock.
  four_shifts: {
    name: '四班运转',
    shifts: [
      { label: '凌晨班', start: '00:00', end: '06:00', needs: checkpoint() },
      { label: '上午班', start: '06:00', end: '12:00', needs: checkpoint() },
      { label: '下午班', start: '12:00', end: '18:00', needs: checkpoint() },
      { label: '晚班', start: '18:00', end: '00:00', needs: checkpoint() },
    ],
  },
};

export const PATTERN_LABELS: Record<PatternPresetKey, { 'zh-CN': string; en: string }> = {
  two_day: { 'zh-CN': '两班（8:00–18:00）', en: 'Two day shifts (8:00–18:00)' },
  three_shifts: { 'zh-CN': '三班倒', en: 'Three shifts round the clock' },
  four_shifts: { 'zh-CN': '四班运转', en: 'Four shifts round the clock' },
};

/** The labels of the presets' shifts, for showing a preset's shift in English. */
export const PRESET_SHIFT_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  上午班: { 'zh-CN': '上午班', en: 'Morning' },
  下午班: { 'zh-CN': '下午班', en: 'Afternoon' },
  夜班: { 'zh-CN': '夜班', en: 'Night' },
  白班: { 'zh-CN': '白班', en: 'Day' },
  中班: { 'zh-CN': '中班', en: 'Evening' },
  凌晨班: { 'zh-CN': '凌晨班', en: 'Small hours' },
  晚班: { 'zh-CN': '晚班', en: 'Late' },
};

export interface ExpandedShift {
  day: string;
  label: string;
  start: number;
  end: number;
  needs: ShiftNeed[];
}

/** Start and end of a pattern shift in minutes from the day's midnight; an end ≤ start is the next day's. */
function shiftMinutes(shift: PatternShift): { start: number; end: number } | null {
  const start = clockMinutes(shift.start);
  const end = clockMinutes(shift.end);
  if (start === null || end === null || start === 1440) return null;
  return { start, end: end <= start ? end + 1440 : end };
}

/**
 * The shifts of a pattern on every day from `fromDay` to `toDay` (both included, 'YYYY-MM-DD'), day by
 * day in the pattern's order, as epoch ms in Asia/Shanghai; a shift whose end is not after its start
 * ends on the next day (16:00–00:00 ends at the next midnight). Empty when toDay is before fromDay.
 * Throws RangeError on a malformed day or clock time (check with validatePattern first).
 */
export function expandPattern(pattern: ShiftPattern, fromDay: string, toDay: string): ExpandedShift[] {
  const first = shanghaiDayStart(fromDay);
  const last = shanghaiDayStart(toDay);
  const times = pattern.shifts.map((s, i) => {
    const m = shiftMinutes(s);
    if (!m) throw new RangeError(`shifts.${i}: bad clock time ${s.start}–${s.end}`);
    return m;
  });
  const out: ExpandedShift[] = [];
  for (let dayStart = first; dayStart <= last; dayStart += DAY_MS) {
    const day = shanghaiDay(dayStart);
    pattern.shifts.forEach((s, i) => {
      out.push({
        day,
        label: s.label,
        start: dayStart + times[i].start * MINUTE_MS,
        end: dayStart + times[i].end * MINUTE_MS,
        needs: s.needs.map((n) => ({ ...n })),
      });
    });
  }
  return out;
}

export const MAX_NEED_COUNT = 50;

export type PatternProblemCode =
  | 'required' // an empty name or label
  | 'no_shifts' // a pattern without shifts
  | 'bad_time' // not a clock time 'HH:MM' (24:00 only as an end)
  | 'overlap' // overlaps another shift of the pattern (see `other`), on the same day or across midnight
  | 'no_needs' // a shift that needs nobody
  | 'bad_count' // a count that is not a whole number from 1 to 50
  | 'unknown_qualification' // not a skill, 'cadre' or 'party_member'
  | 'duplicate_need'; // the same qualification twice in one shift

export interface PatternProblem {
  /** the field, as a path into the pattern: 'shifts.1.end', 'shifts.0.needs.2.count' */
  path: string;
  code: PatternProblemCode;
  /** for 'overlap': the index of the shift it overlaps */
  other?: number;
}

/** What is wrong with a pattern, field by field; empty when it can be used. */
export function validatePattern(pattern: ShiftPattern): PatternProblem[] {
  const problems: PatternProblem[] = [];
  if (!pattern.name?.trim()) problems.push({ path: 'name', code: 'required' });
  if (!pattern.shifts?.length) {
    problems.push({ path: 'shifts', code: 'no_shifts' });
    return problems;
  }
  const spans: Array<{ i: number; start: number; end: number }> = [];
  pattern.shifts.forEach((s, i) => {
    const at = `shifts.${i}`;
    if (!s.label?.trim()) problems.push({ path: `${at}.label`, code: 'required' });
    const start = clockMinutes(s.start ?? '');
    const end = clockMinutes(s.end ?? '');
    if (start === null || start === 1440) problems.push({ path: `${at}.start`, code: 'bad_time' });
    if (end === null) problems.push({ path: `${at}.end`, code: 'bad_time' });
    const m = shiftMinutes(s);
    if (m) {
      // the pattern repeats every day: compare with the shifts of the day before and after as well
      for (const o of spans) {
        const clash = [-1440, 0, 1440].some((d) => o.start + d < m.end && m.start < o.end + d);
        if (clash) {
          problems.push({ path: `${at}.start`, code: 'overlap', other: o.i });
          break;
        }
      }
      spans.push({ i, ...m });
    }
    if (!s.needs?.length) {
      problems.push({ path: `${at}.needs`, code: 'no_needs' });
      return;
    }
    const seen = new Set<string>();
    s.needs.forEach((n, k) => {
      const nat = `${at}.needs.${k}`;
      if (n.qualification !== null) {
        if (typeof n.qualification !== 'string' || !isQualification(n.qualification))
          problems.push({ path: `${nat}.qualification`, code: 'unknown_qualification' });
      }
      const key = String(n.qualification);
      if (seen.has(key)) problems.push({ path: `${nat}.qualification`, code: 'duplicate_need' });
      seen.add(key);
      if (!Number.isInteger(n.count) || n.count < 1 || n.count > MAX_NEED_COUNT)
        problems.push({ path: `${nat}.count`, code: 'bad_count' });
    });
  });
  return problems;
}
