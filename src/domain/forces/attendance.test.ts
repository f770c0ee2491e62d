import { describe, expect, it } from 'vitest';
import { ABSENT_AFTER_MS, attendance, lateMinutes, ON_TIME_GRACE_MS, staffing } from './attendance';
import { dutyNow } from './duty';

/** 2020-02-05 at a clock time in Asia/Shanghai */
const at = (hhmm: string, day = '2020-02-05') => Date.parse(`${day}T${hhmm}:00+08:00`);
/** the demo's duty clock: the replayed day 2020-02-05 at a (real) time of day */
const demo = (hhmm: string) => dutyNow('2020-02-05', Date.parse(`2026-03-14T${hhmm}:00+08:00`));

const evening = { start: at('16:00'), end: at('24:00'), published: true };
const none = { checkedInAt: null, checkedOutAt: null };

describe('attendance of one person on a shift', () => {
  it('reads late by minutes from the start: a check-in at 21:48 for a 16:00 shift is 5 h 48 min late', () => {
    const a = attendance(evening, { checkedInAt: at('21:48'), checkedOutAt: null }, demo('22:00'));
    expect(a).toEqual({ state: 'present', lateMinutes: 5 * 60 + 48 });
  });

  it('counts a check-in within the grace, or before the start, as on time', () => {
    expect(lateMinutes(at('16:00'), at('15:40'))).toBeNull();
    expect(lateMinutes(at('16:00'), at('16:00') + ON_TIME_GRACE_MS)).toBeNull();
    expect(lateMinutes(at('16:00'), at('16:00') + ON_TIME_GRACE_MS + 1)).toBe(5);
    expect(lateMinutes(at('16:00'), at('16:06'))).toBe(6);
    expect(attendance(evening, { checkedInAt: at('15:50'), checkedOutAt: null }, demo('17:00'))).toEqual({
      state: 'present',
      lateMinutes: null,
    });
  });

  it('keeps the lateness of a person who checked out', () => {
    expect(
      attendance(evening, { checkedInAt: at('16:30'), checkedOutAt: at('23:00') }, demo('23:30')),
    ).toEqual({ state: 'checked_out', lateMinutes: 30 });
  });

  it('awaits a person from the opening of check-in, and calls them absent a quarter of an hour after the start', () => {
    expect(attendance(evening, none, demo('15:29')).state).toBe('upcoming');
    expect(attendance(evening, none, demo('15:30')).state).toBe('awaited');
    expect(attendance(evening, none, demo('16:14')).state).toBe('awaited');
    expect(attendance(evening, none, at('16:00') + ABSENT_AFTER_MS).state).toBe('absent');
    expect(attendance(evening, none, demo('23:59')).state).toBe('absent');
    // the check-in window closed: absent the next day too
    const day = { start: at('08:00'), end: at('16:00'), published: true };
    expect(attendance(day, none, demo('17:00'))).toEqual({ state: 'absent', lateMinutes: null });
  });

  it('expects nobody on a shift that was never published', () => {
    const draft = { ...evening, published: false };
    expect(attendance(draft, none, demo('23:00')).state).toBe('upcoming');
    // a check-in is a check-in all the same
    expect(attendance(draft, { checkedInAt: at('16:20'), checkedOutAt: null }, demo('23:00'))).toEqual({
      state: 'present',
      lateMinutes: 20,
    });
  });
});

describe('staffing of a shift: full only by who is there', () => {
  const shift = { start: at('16:00'), end: at('24:00'), headcount: 2 };
  const assigned = [none, none];

  it('counts the roster before the start, and is never full before it', () => {
    expect(staffing(shift, assigned, demo('12:00'))).toEqual({
      phase: 'before',
      needed: 2,
      assigned: 2,
      present: 0,
      short: 0,
      full: false,
    });
    expect(staffing(shift, [none], demo('12:00'))).toMatchObject({ short: 1, full: false });
  });

  it('counts the people there once it runs: two on the roster, one checked in, is short of one', () => {
    const oneIn = [{ checkedInAt: at('15:55'), checkedOutAt: null }, none];
    expect(staffing(shift, oneIn, demo('17:00'))).toMatchObject({
      phase: 'running',
      assigned: 2,
      present: 1,
      short: 1,
      full: false,
    });
    const bothIn = [oneIn[0], { checkedInAt: at('21:48'), checkedOutAt: null }];
    expect(staffing(shift, bothIn, demo('22:00'))).toMatchObject({ present: 2, short: 0, full: true });
    // one left early: no longer there while the shift runs
    const left = [oneIn[0], { checkedInAt: at('16:00'), checkedOutAt: at('20:00') }];
    expect(staffing(shift, left, demo('21:00'))).toMatchObject({ present: 1, full: false });
  });

  it('counts everyone who came once it is over', () => {
    const came = [
      { checkedInAt: at('16:00'), checkedOutAt: at('23:55') },
      { checkedInAt: at('16:02'), checkedOutAt: null },
    ];
    expect(staffing(shift, came, at('24:00'))).toMatchObject({ phase: 'over', present: 2, full: true });
    expect(staffing(shift, assigned, at('24:00'))).toMatchObject({ phase: 'over', present: 0, short: 2 });
  });
});
