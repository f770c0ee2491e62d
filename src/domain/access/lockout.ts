// Failed logins are counted per (username, address), and failed guesses of the current password in the
// change form per user. The first failures are free; from the fifth in a row each failure locks that
// pair (or that form) for a while, doubling each time up to an hour. A success clears the count, and
// so does a day without failures.

/** Failures in a row that lock. */
export const FAILURES_BEFORE_LOCK = 5;
/** The first lock, in minutes; each failure after it doubles it. */
export const FIRST_LOCK_MINUTES = 5;
/** The longest lock, in minutes. */
export const LONGEST_LOCK_MINUTES = 60;
/** Hours without a failure after which the count starts again. */
export const FAILURES_FORGOTTEN_HOURS = 24;

/** How long the failure that makes `failures` in a row locks for (0: not at all). */
export function lockMinutesAfter(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCK) return 0;
  const doublings = Math.min(failures - FAILURES_BEFORE_LOCK, 10);
  return Math.min(LONGEST_LOCK_MINUTES, FIRST_LOCK_MINUTES * 2 ** doublings);
}
