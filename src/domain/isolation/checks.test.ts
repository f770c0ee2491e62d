import { describe, expect, it } from 'vitest';
import { shanghaiDayStart } from '../time/shanghai';
import { isAlarming, slotDue, slotOf, slotState, slotsOfMeasure } from './checks';

const at = (day: string, hh: number, mm = 0) => shanghaiDayStart(day) + (hh * 60 + mm) * 60_000;

describe('twice-daily checks (Asia/Shanghai)', () => {
  it('a check before 13:00 Beijing time is the morning’s, after it the afternoon’s', () => {
    expect(slotOf(at('2020-02-05', 8, 30))).toEqual({ day: '2020-02-05', slot: 'am' });
    expect(slotOf(at('2020-02-05', 12, 59))).toEqual({ day: '2020-02-05', slot: 'am' });
    expect(slotOf(at('2020-02-05', 13, 0))).toEqual({ day: '2020-02-05', slot: 'pm' });
    // 23:30 on the 5th in Shanghai is 15:30 UTC the same day; 00:30 on the 6th is 16:30 UTC on the 5th
    expect(slotOf(at('2020-02-06', 0, 30))).toEqual({ day: '2020-02-06', slot: 'am' });
  });

  it('the morning is due at 12:00 and the afternoon at 19:00, Beijing time', () => {
    expect(new Date(slotDue('2020-02-05', 'am')).toISOString()).toBe('2020-02-05T04:00:00.000Z');
    expect(new Date(slotDue('2020-02-05', 'pm')).toISOString()).toBe('2020-02-05T11:00:00.000Z');
  });

  it('a slot is later before it opens, due while open, overdue past its deadline, done when checked', () => {
    expect(slotState('2020-02-05', 'am', false, at('2020-02-05', 6))).toBe('later');
    expect(slotState('2020-02-05', 'am', false, at('2020-02-05', 9))).toBe('due');
    expect(slotState('2020-02-05', 'am', false, at('2020-02-05', 12, 1))).toBe('overdue');
    expect(slotState('2020-02-05', 'am', true, at('2020-02-05', 20))).toBe('done');
    expect(slotState('2020-02-05', 'pm', false, at('2020-02-05', 12, 1))).toBe('later');
  });

  it('a measure started in the afternoon owes no check that morning; none after its last day', () => {
    const slots = slotsOfMeasure(
      { startedAt: at('2020-02-05', 15), lastDay: '2020-02-06' },
      at('2020-02-09', 10),
    );
    expect(slots).toEqual([
      { day: '2020-02-05', slot: 'pm' },
      { day: '2020-02-06', slot: 'am' },
      { day: '2020-02-06', slot: 'pm' },
    ]);
    // up to today only
    expect(
      slotsOfMeasure({ startedAt: at('2020-02-05', 9), lastDay: '2020-02-18' }, at('2020-02-05', 9)),
    ).toEqual([
      { day: '2020-02-05', slot: 'am' },
      { day: '2020-02-05', slot: 'pm' },
    ]);
  });

  it('the fever rule: 37.3 °C or above, or any symptom', () => {
    expect(isAlarming({ temperatureC: 37.2 })).toBe(false);
    expect(isAlarming({ temperatureC: 37.3 })).toBe(true);
    expect(isAlarming({ temperatureC: 38.1 })).toBe(true);
    expect(isAlarming({ temperatureC: 36.5, symptoms: ['cough'] })).toBe(true);
    expect(isAlarming({ temperatureC: null, symptoms: [] })).toBe(false);
    expect(isAlarming({ temperatureC: 37.4 }, 37.5)).toBe(false);
  });
});
