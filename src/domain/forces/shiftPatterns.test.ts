import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ShiftPattern } from './schedule';
import {
  CHECKPOINT_NEEDS,
  clockMinutes,
  DAY_MS,
  expandPattern,
  PATTERN_LABELS,
  PATTERN_PRESETS,
  type PatternPresetKey,
  shanghaiDay,
  shanghaiDayNumber,
  shanghaiDayStart,
  shanghaiWeekday,
  validatePattern,
} from './shiftPatterns';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso); // ISO with its offset, e.g. 2020-02-05T08:00:00+08:00

describe('Asia/Shanghai day arithmetic', () => {
  it('starts a day at 16:00 UTC of the day before', () => {
    expect(shanghaiDayStart('2020-02-05')).toBe(at('2020-02-05T00:00:00+08:00'));
    expect(new Date(shanghaiDayStart('2020-02-05')).toISOString()).toBe('2020-02-04T16:00:00.000Z');
  });

  it('rejects malformed and impossible days', () => {
    expect(() => shanghaiDayStart('2020-2-5')).toThrow(RangeError);
    expect(() => shanghaiDayStart('2021-02-29')).toThrow(RangeError);
    expect(() => shanghaiDayStart('2020-02-30')).toThrow(RangeError);
    expect(shanghaiDayStart('2020-02-29')).toBe(at('2020-02-29T00:00:00+08:00'));
  });

  it('gives the local day and ISO weekday of an instant', () => {
    expect(shanghaiDay(at('2020-02-04T16:00:00Z'))).toBe('2020-02-05');
    expect(shanghaiDay(at('2020-02-04T15:59:59Z'))).toBe('2020-02-04');
    expect(shanghaiWeekday(at('2020-02-03T00:00:00+08:00'))).toBe(1); // a Monday
    expect(shanghaiWeekday(at('2020-02-09T23:59:00+08:00'))).toBe(7);
    expect(shanghaiWeekday(at('1969-12-29T00:00:00+08:00'))).toBe(1);
  });

  it('round-trips every day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 60_000 }), (n) => {
        const day = new Date(n * DAY_MS).toISOString().slice(0, 10);
        const start = shanghaiDayStart(day);
        expect(shanghaiDay(start)).toBe(day);
        expect(shanghaiDay(start + DAY_MS - 1)).toBe(day);
        expect(shanghaiDayNumber(start)).toBe(n);
        expect(shanghaiWeekday(start)).toBe(((new Date(n * DAY_MS).getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it('reads clock times', () => {
    expect(clockMinutes('00:00')).toBe(0);
    expect(clockMinutes('08:30')).toBe(510);
    expect(clockMinutes('23:59')).toBe(1439);
    expect(clockMinutes('24:00')).toBe(1440);
    for (const bad of ['24:01', '8:00', '08:60', '0800', '', ' 08:00']) expect(clockMinutes(bad)).toBeNull();
  });
});

describe('PATTERN_PRESETS', () => {
  it('are valid and labelled in both languages', () => {
    for (const key of Object.keys(PATTERN_PRESETS) as PatternPresetKey[]) {
      expect(validatePattern(PATTERN_PRESETS[key])).toEqual([]);
      expect(PATTERN_LABELS[key]['zh-CN']).toBeTruthy();
      expect(PATTERN_LABELS[key].en).toBeTruthy();
    }
  });

  it('cover the day as the reports say', () => {
    const hours = (key: PatternPresetKey) =>
      expandPattern(PATTERN_PRESETS[key], '2020-02-05', '2020-02-05').map((s) => (s.end - s.start) / HOUR);
    expect(hours('two_day')).toEqual([5, 5]); // 8:00–18:00
    expect(hours('three_shifts')).toEqual([8, 8, 8]);
    expect(hours('four_shifts')).toEqual([6, 6, 6, 6]);
    expect(PATTERN_PRESETS.three_shifts.shifts[0].needs).toEqual(CHECKPOINT_NEEDS);
  });
});

describe('expandPattern', () => {
  it('gives epoch ms in Asia/Shanghai, the last three-shift ending at the next midnight', () => {
    const shifts = expandPattern(PATTERN_PRESETS.three_shifts, '2020-02-05', '2020-02-06');
    expect(shifts).toHaveLength(6);
    expect(shifts[0]).toMatchObject({
      day: '2020-02-05',
      label: '夜班',
      start: at('2020-02-05T00:00:00+08:00'),
      end: at('2020-02-05T08:00:00+08:00'),
    });
    expect(shifts[2]).toMatchObject({
      day: '2020-02-05',
      start: at('2020-02-05T16:00:00+08:00'),
      end: at('2020-02-06T00:00:00+08:00'),
    });
    expect(shifts[5].end).toBe(at('2020-02-07T00:00:00+08:00'));
    expect(shifts[0].needs).not.toBe(PATTERN_PRESETS.three_shifts.shifts[0].needs);
  });

  it('ends an overnight shift on the next day', () => {
    const p: ShiftPattern = {
      name: 'n',
      shifts: [{ label: '夜', start: '20:00', end: '08:00', needs: [{ qualification: null, count: 2 }] }],
    };
    const [s] = expandPattern(p, '2020-02-29', '2020-02-29');
    expect(s.start).toBe(at('2020-02-29T20:00:00+08:00'));
    expect(s.end).toBe(at('2020-03-01T08:00:00+08:00'));
  });

  it('is empty for a reversed range, and crosses months and years', () => {
    expect(expandPattern(PATTERN_PRESETS.two_day, '2020-02-06', '2020-02-05')).toEqual([]);
    const s = expandPattern(PATTERN_PRESETS.four_shifts, '2019-12-31', '2020-01-01');
    expect(s.map((x) => x.day)).toEqual([...Array(4).fill('2019-12-31'), ...Array(4).fill('2020-01-01')]);
  });

  it('gives each day the same shifts, a day apart, in order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(PATTERN_PRESETS) as PatternPresetKey[])),
        fc.integer({ min: 18_000, max: 20_000 }),
        fc.integer({ min: 0, max: 40 }),
        (key, firstDay, days) => {
          const from = new Date(firstDay * DAY_MS).toISOString().slice(0, 10);
          const to = new Date((firstDay + days) * DAY_MS).toISOString().slice(0, 10);
          const p = PATTERN_PRESETS[key];
          const shifts = expandPattern(p, from, to);
          const n = p.shifts.length;
          expect(shifts).toHaveLength((days + 1) * n);
          shifts.forEach((s, i) => {
            expect(s.end).toBeGreaterThan(s.start);
            expect(shanghaiDay(s.start)).toBe(s.day);
            if (i >= n) expect(s.start - shifts[i - n].start).toBe(DAY_MS);
            if (i > 0) expect(s.start).toBeGreaterThanOrEqual(shifts[i - 1].end);
          });
        },
      ),
    );
  });
});

describe('validatePattern', () => {
  const need = [{ qualification: 'medical' as const, count: 1 }];
  it('names the field of every problem', () => {
    const p: ShiftPattern = {
      name: ' ',
      shifts: [
        { label: 'A', start: '8:00', end: '16:00', needs: need },
        { label: '', start: '08:00', end: '25:00', needs: [] },
        {
          label: 'C',
          start: '16:00',
          end: '20:00',
          needs: [
            { qualification: 'medical', count: 0 },
            { qualification: 'juggling' as never, count: 51 },
            { qualification: 'medical', count: 1.5 },
          ],
        },
      ],
    };
    expect(validatePattern(p)).toEqual([
      { path: 'name', code: 'required' },
      { path: 'shifts.0.start', code: 'bad_time' },
      { path: 'shifts.1.label', code: 'required' },
      { path: 'shifts.1.end', code: 'bad_time' },
      { path: 'shifts.1.needs', code: 'no_needs' },
      { path: 'shifts.2.needs.0.count', code: 'bad_count' },
      { path: 'shifts.2.needs.1.qualification', code: 'unknown_qualification' },
      { path: 'shifts.2.needs.1.count', code: 'bad_count' },
      { path: 'shifts.2.needs.2.qualification', code: 'duplicate_need' },
      { path: 'shifts.2.needs.2.count', code: 'bad_count' },
    ]);
  });

  it('finds overlapping shifts, also across midnight', () => {
    const shift = (start: string, end: string) => ({ label: `${start}`, start, end, needs: need });
    expect(
      validatePattern({ name: 'x', shifts: [shift('08:00', '16:00'), shift('15:00', '20:00')] }),
    ).toEqual([{ path: 'shifts.1.start', code: 'overlap', other: 0 }]);
    expect(
      validatePattern({ name: 'x', shifts: [shift('22:00', '06:00'), shift('05:00', '12:00')] }),
    ).toEqual([{ path: 'shifts.1.start', code: 'overlap', other: 0 }]);
    expect(
      validatePattern({ name: 'x', shifts: [shift('22:00', '06:00'), shift('06:00', '22:00')] }),
    ).toEqual([]);
    expect(validatePattern({ name: 'x', shifts: [shift('08:00', '08:00')] })).toEqual([]); // 24 hours
    expect(
      validatePattern({ name: 'x', shifts: [shift('08:00', '24:00'), shift('00:00', '08:00')] }),
    ).toEqual([]);
  });

  it('wants shifts', () => {
    expect(validatePattern({ name: 'x', shifts: [] })).toEqual([{ path: 'shifts', code: 'no_shifts' }]);
  });

  it('accepts what it says is valid by expanding it', () => {
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(hhmm, hhmm), { minLength: 1, maxLength: 5 }), (times) => {
        const p: ShiftPattern = {
          name: 'p',
          shifts: times.map(([start, end], i) => ({ label: `s${i}`, start, end, needs: need })),
        };
        const problems = validatePattern(p);
        const shifts = expandPattern(p, '2020-02-05', '2020-02-07');
        const overlapping = shifts.some((a, i) =>
          shifts.some((b, j) => i < j && a.start < b.end && b.start < a.end),
        );
        expect(problems.length === 0).toBe(!overlapping);
      }),
    );
  });
});
