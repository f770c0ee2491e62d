import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageOn,
  checkInVerdict,
  daysInRange,
  dutyConflict,
  dutyNow,
  dutyState,
  isAvailableFor,
  isDay,
  mondayOf,
  workedHours,
} from './duty';
import { DEFAULT_RULES } from './schedule';

/** 2020-02-05 (a Wednesday) at a clock time in Asia/Shanghai */
const at = (hhmm: string, day = '2020-02-05') => Date.parse(`${day}T${hhmm}:00+08:00`);

describe('check-in and duty state', () => {
  const shift = { start: at('08:00'), end: at('16:00') };

  it('opens check-in 30 minutes before the start and closes it at the end', () => {
    expect(checkInVerdict(shift, at('07:29'))).toBe('early');
    expect(checkInVerdict(shift, at('07:30'))).toBe('ok');
    expect(checkInVerdict(shift, at('15:59'))).toBe('ok');
    expect(checkInVerdict(shift, at('16:00'))).toBe('ended');
  });

  it('reads the state of an assignment', () => {
    const a = { ...shift, checkedInAt: null, checkedOutAt: null };
    expect(dutyState(a, at('06:00'))).toBe('upcoming');
    expect(dutyState(a, at('09:00'))).toBe('open');
    expect(dutyState(a, at('17:00'))).toBe('missed');
    expect(dutyState({ ...a, checkedInAt: at('07:55') }, at('09:00'))).toBe('on_duty');
    expect(dutyState({ ...a, checkedInAt: at('07:55') }, at('17:00'))).toBe('done');
    expect(dutyState({ ...a, checkedInAt: at('07:55'), checkedOutAt: at('12:00') }, at('13:00'))).toBe(
      'done',
    );
  });

  it('counts worked hours within the shift', () => {
    const a = { ...shift, checkedInAt: at('07:40'), checkedOutAt: at('16:20') };
    expect(workedHours(a, at('17:00'))).toBe(8);
    expect(workedHours({ ...a, checkedOutAt: at('12:30') }, at('17:00'))).toBe(4.5);
    expect(workedHours({ ...a, checkedOutAt: null }, at('12:00'))).toBe(0); // still on duty
    expect(workedHours({ ...a, checkedOutAt: null }, at('17:00'))).toBe(8); // never checked out
    expect(workedHours({ ...a, checkedInAt: null }, at('17:00'))).toBe(0);
  });
});

describe('the duty clock and days', () => {
  it('replays a day at the time of day in Asia/Shanghai', () => {
    const real = Date.parse('2025-11-23T15:20:00+08:00');
    expect(dutyNow('2020-02-05', real)).toBe(at('15:20'));
    expect(dutyNow(undefined, real)).toBe(real);
    // 23:30 in Shanghai is 15:30 UTC: still the same Shanghai day
    expect(dutyNow('2020-02-05', Date.parse('2025-11-23T23:30:00+08:00'))).toBe(at('23:30'));
  });

  it('adds days, counts ranges, finds the Monday', () => {
    expect(addDays('2020-02-28', 2)).toBe('2020-03-01');
    expect(daysInRange('2020-02-03', '2020-02-16')).toBe(14);
    expect(daysInRange('2020-02-03', '2020-02-02')).toBe(0);
    expect(mondayOf('2020-02-05')).toBe('2020-02-03');
    expect(mondayOf('2020-02-09')).toBe('2020-02-03');
    expect(mondayOf('2020-02-10')).toBe('2020-02-10');
    expect(isDay('2020-02-30')).toBe(false);
    expect(isDay('2020-02-29')).toBe(true);
  });

  it('computes an age', () => {
    expect(ageOn('1960-02-05', '2020-02-05')).toBe(60);
    expect(ageOn('1960-02-06', '2020-02-05')).toBe(59);
  });
});

describe('may a person take a shift (the scheduler’s rules, one change at a time)', () => {
  const shift = { start: at('08:00'), end: at('16:00') };
  const person = { qualifications: ['police' as const], availability: {}, shifts: [] };

  it('checks the qualification and the availability', () => {
    expect(dutyConflict(person, shift, 'medical', DEFAULT_RULES)).toMatchObject({ reason: 'qualification' });
    expect(dutyConflict(person, shift, 'police', DEFAULT_RULES)).toBeNull();
    expect(dutyConflict(person, shift, null, DEFAULT_RULES)).toBeNull();
    const nights = { ...person, availability: { parts: ['night' as const] } };
    expect(dutyConflict(nights, shift, null, DEFAULT_RULES)).toMatchObject({ reason: 'unavailable' });
    expect(isAvailableFor({ weekdays: [1, 2] }, shift)).toBe(false); // a Wednesday
    expect(isAvailableFor({ from: '2020-02-06' }, shift)).toBe(false);
  });

  it('refuses an overlap, too little rest, too many hours in the week', () => {
    const other = (from: string, to: string, day = '2020-02-05') => ({
      start: at(from, day),
      end: at(to, day),
    });
    expect(
      dutyConflict({ ...person, shifts: [other('12:00', '20:00')] }, shift, null, DEFAULT_RULES),
    ).toMatchObject({
      reason: 'overlapping',
    });
    expect(
      dutyConflict({ ...person, shifts: [other('00:00', '04:00')] }, shift, null, DEFAULT_RULES),
    ).toMatchObject({
      reason: 'resting',
    });
    // 8 hours of rest exactly is enough: the evening shift before ends at midnight
    const evening = { start: at('16:00', '2020-02-04'), end: at('00:00') };
    expect(dutyConflict({ ...person, shifts: [evening] }, shift, null, DEFAULT_RULES)).toBeNull();
    // six 8-hour shifts already this week (48 h) + 8 = 56: allowed; a seventh earlier shift makes 64
    const week = ['2020-02-03', '2020-02-04', '2020-02-06', '2020-02-07', '2020-02-08', '2020-02-09'].map(
      (d) => other('08:00', '16:00', d),
    );
    expect(dutyConflict({ ...person, shifts: week }, shift, null, DEFAULT_RULES)).toBeNull();
    const more = [...week, other('00:00', '08:00', '2020-02-03')];
    expect(
      dutyConflict({ ...person, shifts: more }, shift, null, { ...DEFAULT_RULES, minRestHours: 0 }),
    ).toMatchObject({
      reason: 'overHours',
      max: 56,
    });
  });
});
