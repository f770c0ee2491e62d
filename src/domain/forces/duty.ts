import { replayedNow } from '../time/clock';
import { DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDay, shanghaiDayStart, shanghaiWeekday } from '../time/shanghai';
import type { Availability, Qualification, ScheduleRules } from './schedule';

// Duty rules shared by the server and the phone: the check-in window, an assignment's state, hours,
// whether a person may take a shift (the auto-scheduler's rules, applied to one manual change), the
// replayed clock of a demonstration, and date ranges of rosters. Pure; times are epoch ms, days
// 'YYYY-MM-DD' in Asia/Shanghai (DESIGN rule 7).

/** Check-in opens this long before a shift starts. */
export const CHECK_IN_EARLY_MS = 30 * 60_000;
/** A shift whose check-ins are still short this long after its start is understaffed on the ground. */
export const UNDERSTAFFED_GRACE_MS = 15 * 60_000;
/** The longest range a roster may be generated, scheduled or published for at once. */
export const MAX_RANGE_DAYS = 31;

export type CheckInVerdict = 'ok' | 'early' | 'ended';

/** Whether a check-in is allowed now: from 30 minutes before the start until the end. */
export function checkInVerdict(shift: { start: number; end: number }, now: number): CheckInVerdict {
  if (now < shift.start - CHECK_IN_EARLY_MS) return 'early';
  if (now >= shift.end) return 'ended';
  return 'ok';
}

/**
 * An assignment as its person sees it: upcoming (check-in not open yet), open (may check in), on_duty
 * (checked in), done (checked out, or checked in and the shift is over), missed (over, no check-in).
 */
export type DutyState = 'upcoming' | 'open' | 'on_duty' | 'done' | 'missed';

export function dutyState(
  a: { start: number; end: number; checkedInAt: number | null; checkedOutAt: number | null },
  now: number,
): DutyState {
  if (a.checkedOutAt !== null) return 'done';
  if (a.checkedInAt !== null) return now >= a.end ? 'done' : 'on_duty';
  const v = checkInVerdict(a, now);
  return v === 'early' ? 'upcoming' : v === 'ok' ? 'open' : 'missed';
}

/** Hours between two instants, to a tenth. */
export function hoursBetween(from: number, to: number): number {
  return Math.round(((to - from) / 3_600_000) * 10) / 10;
}

/**
 * Hours worked on an assignment: from check-in to check-out, counted within the shift (an early
 * check-in counts from the start, a late check-out to the end); a shift checked in but never checked
 * out counts to its end once it is over, nothing while it runs.
 */
export function workedHours(
  a: { start: number; end: number; checkedInAt: number | null; checkedOutAt: number | null },
  now: number,
): number {
  if (a.checkedInAt === null) return 0;
  const from = Math.max(a.start, a.checkedInAt);
  const out = a.checkedOutAt ?? (now >= a.end ? a.end : null);
  if (out === null) return 0;
  const to = Math.min(a.end, out);
  return to > from ? hoursBetween(from, to) : 0;
}

/**
 * The instant the duty clock reads: the platform clock's rule (domain/time/clock.ts, replayedNow), the
 * one every module reads. The server asks server/platform/clock.ts (platformNow); this name stays for the
 * pure rules' tests and the phone and desk screens, which are told the replayed day.
 */
export const dutyNow = replayedNow;

/** A day plus n days. */
export function addDays(day: string, n: number): string {
  return shanghaiDay(shanghaiDayStart(day) + n * DAY_MS);
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInRange(from: string, to: string): number {
  return Math.max(0, Math.round((shanghaiDayStart(to) - shanghaiDayStart(from)) / DAY_MS) + 1);
}

/** The Monday of a day's week. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - shanghaiWeekday(shanghaiDayStart(day)));
}

/** Whether a string is a real day 'YYYY-MM-DD'. */
export function isDay(s: string): boolean {
  try {
    shanghaiDayStart(s);
    return true;
  } catch {
    return false;
  }
}

/** A person as a manual roster change sees them. */
export interface DutyPerson {
  qualifications: readonly Qualification[];
  availability: Availability;
  /** the person's other shifts (not the one in question) */
  shifts: ReadonlyArray<{ start: number; end: number }>;
}

export type DutyConflict =
  | { reason: 'qualification'; qualification: Qualification }
  | { reason: 'unavailable' }
  | { reason: 'overlapping'; with: { start: number; end: number } }
  | { reason: 'resting'; with: { start: number; end: number } }
  | { reason: 'overHours'; hours: number; max: number };

/** Whether a shift starting at `start` lies in the availability a person gave (days, parts of the day, dates). */
export function isAvailableFor(availability: Availability, shift: { start: number }): boolean {
  const day = shanghaiDay(shift.start);
  if (availability.from && day < availability.from) return false;
  if (availability.to && day > availability.to) return false;
  if (availability.weekdays?.length && !availability.weekdays.includes(shanghaiWeekday(shift.start)))
    return false;
  if (availability.parts?.length) {
    const hour = Math.floor(((shift.start + SHANGHAI_OFFSET_MS) % DAY_MS) / 3_600_000);
    const part = hour >= 6 && hour < 18 ? 'day' : 'night';
    if (!availability.parts.includes(part)) return false;
  }
  return true;
}

/**
 * Why a person may not take a shift (for a place needing `need`), by the auto-scheduler's rules: the
 * qualification, their availability, no overlap with another of their shifts, the minimum rest between
 * shifts, the weekly maximum (Monday to Sunday of the shift's day). Null when they may.
 */
export function dutyConflict(
  person: DutyPerson,
  shift: { start: number; end: number },
  need: Qualification | null,
  rules: ScheduleRules,
): DutyConflict | null {
  if (need !== null && !person.qualifications.includes(need))
    return { reason: 'qualification', qualification: need };
  if (!isAvailableFor(person.availability, shift)) return { reason: 'unavailable' };
  const overlap = person.shifts.find((s) => s.start < shift.end && shift.start < s.end);
  if (overlap) return { reason: 'overlapping', with: overlap };
  const rest = rules.minRestHours * 3_600_000;
  const close = person.shifts.find((s) => s.start < shift.end + rest && shift.start < s.end + rest);
  if (close) return { reason: 'resting', with: close };
  const monday = shanghaiDayStart(mondayOf(shanghaiDay(shift.start)));
  const weekEnd = monday + 7 * DAY_MS;
  const max = Math.min(
    rules.maxHoursPerWeek,
    person.availability.maxHoursPerWeek ?? Number.POSITIVE_INFINITY,
  );
  const inWeek = person.shifts
    .filter((s) => s.start >= monday && s.start < weekEnd)
    .reduce((h, s) => h + (s.end - s.start) / 3_600_000, 0);
  const hours = inWeek + (shift.end - shift.start) / 3_600_000;
  if (hours > max + 1e-9) return { reason: 'overHours', hours, max };
  return null;
}

/** Age in whole years on a day, from a birth date. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
