import { describe, expect, it } from 'vitest';
import { replayedDay, replayedNow } from './clock';
import { shanghaiDay } from './shanghai';

/** 2020-02-05 at a clock time in Asia/Shanghai */
const at = (hhmm: string, day = '2020-02-05') => Date.parse(`${day}T${hhmm}:00+08:00`);

describe('the replayed clock', () => {
  it('reads the replayed day at the real time of day in Asia/Shanghai, or the real time', () => {
    const real = Date.parse('2025-11-23T15:20:00+08:00');
    expect(replayedNow('2020-02-05', real)).toBe(at('15:20'));
    expect(replayedNow(undefined, real)).toBe(real);
    // 23:30 in Shanghai is 15:30 UTC: still the same Shanghai day; 00:10 is the day before in UTC
    expect(replayedNow('2020-02-05', Date.parse('2025-11-23T23:30:00+08:00'))).toBe(at('23:30'));
    expect(replayedNow('2020-02-05', Date.parse('2025-11-24T00:10:00+08:00'))).toBe(at('00:10'));
  });

  it('gives the replayed day, or today in Asia/Shanghai, and its instant lies on that day', () => {
    const late = Date.parse('2025-11-23T16:30:00Z'); // 00:30 on the 24th in Shanghai
    expect(replayedDay(undefined, late)).toBe('2025-11-24');
    expect(replayedDay('2020-02-05', late)).toBe('2020-02-05');
    for (const day of [undefined, '2020-02-05', '2020-02-29'])
      expect(shanghaiDay(replayedNow(day, late))).toBe(replayedDay(day, late));
  });
});
