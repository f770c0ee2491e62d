import { checkInVerdict, UNDERSTAFFED_GRACE_MS } from './duty';

// Attendance on a shift (考勤), as the roster shows it: who is awaited, absent (缺岗), present on time,
// late and by how much (迟到), checked out (已签退); and whether a shift is full (满员) by who is there,
// not by who is on the roster. Pure: `now` is the duty clock (dutyNow: the demo's replayed day, or real
// time), times are epoch ms.

/** A check-in up to this long after the start counts as on time (准时到岗). */
export const ON_TIME_GRACE_MS = 5 * 60_000;
/**
 * Nobody checked in this long after the start: absent (缺岗), the moment the office is alerted that the
 * shift is short on the ground. Check-in stays open to the end; a later check-in turns it into late.
 */
export const ABSENT_AFTER_MS = UNDERSTAFFED_GRACE_MS;

/**
 * upcoming: nothing expected yet (check-in not open, or the shift not published: nobody was told);
 * awaited: check-in open, not in yet, not late enough to be absent (待签到); absent: 缺岗; present:
 * checked in (在岗 while the shift runs); checked_out: 已签退.
 */
export type AttendanceState = 'upcoming' | 'awaited' | 'absent' | 'present' | 'checked_out';

export interface Attendance {
  state: AttendanceState;
  /** whole minutes late (迟到), counted from the start; null when on time or not checked in */
  lateMinutes: number | null;
}

export interface AttendanceShift {
  start: number;
  end: number;
  published: boolean;
}

export interface AttendanceRecord {
  checkedInAt: number | null;
  checkedOutAt: number | null;
}

/** Whole minutes a check-in came after the start, or null when it came within the grace. */
export function lateMinutes(start: number, checkedInAt: number): number | null {
  return checkedInAt > start + ON_TIME_GRACE_MS ? Math.floor((checkedInAt - start) / 60_000) : null;
}

/** One person's attendance on a shift at `now`, by the duty clock's rules (the check-in window). */
export function attendance(shift: AttendanceShift, a: AttendanceRecord, now: number): Attendance {
  if (a.checkedInAt !== null) {
    const late = lateMinutes(shift.start, a.checkedInAt);
    return { state: a.checkedOutAt !== null ? 'checked_out' : 'present', lateMinutes: late };
  }
  if (!shift.published) return { state: 'upcoming', lateMinutes: null };
  const verdict = checkInVerdict(shift, now);
  if (verdict === 'early') return { state: 'upcoming', lateMinutes: null };
  if (verdict === 'ended' || now >= shift.start + ABSENT_AFTER_MS)
    return { state: 'absent', lateMinutes: null };
  return { state: 'awaited', lateMinutes: null };
}

/** before: not started (people on the roster count); running, over: the people who came count. */
export type StaffingPhase = 'before' | 'running' | 'over';

export interface Staffing {
  phase: StaffingPhase;
  needed: number;
  /** people on the roster */
  assigned: number;
  /** people there: checked in and not out while it runs; checked in at all once it is over */
  present: number;
  /** places not covered: by the roster before the start, by the people there from the start */
  short: number;
  /** 满员: from the start on, as many people there as the shift needs; never before it starts */
  full: boolean;
}

/** How a shift is staffed at `now`: the roster before it starts, the people there from its start. */
export function staffing(
  shift: { start: number; end: number; headcount: number },
  people: readonly AttendanceRecord[],
  now: number,
): Staffing {
  const phase: StaffingPhase = now < shift.start ? 'before' : now < shift.end ? 'running' : 'over';
  const present = people.filter(
    (p) => p.checkedInAt !== null && (phase === 'over' || p.checkedOutAt === null),
  ).length;
  const counted = phase === 'before' ? people.length : present;
  return {
    phase,
    needed: shift.headcount,
    assigned: people.length,
    present,
    short: Math.max(0, shift.headcount - counted),
    full: phase !== 'before' && present >= shift.headcount,
  };
}
