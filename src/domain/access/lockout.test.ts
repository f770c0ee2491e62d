import { describe, expect, it } from 'vitest';
import { FAILURES_BEFORE_LOCK, LONGEST_LOCK_MINUTES, lockMinutesAfter } from './lockout';

describe('lock back-off', () => {
  it('lets the first failures go, then locks for longer each time up to the longest lock', () => {
    for (let f = 0; f < FAILURES_BEFORE_LOCK; f++) expect(lockMinutesAfter(f)).toBe(0);
    expect([5, 6, 7, 8, 9, 10].map(lockMinutesAfter)).toEqual([5, 10, 20, 40, 60, 60]);
    expect(lockMinutesAfter(10_000)).toBe(LONGEST_LOCK_MINUTES);
  });
});
