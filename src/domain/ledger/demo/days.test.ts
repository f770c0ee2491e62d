import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../keyAreas';
import { civilFromDays, compactOf, DAY_RANGE, dayOf, daysFromCivil, isoOf, yearOf } from './days';

const day = fc.integer({ min: DAY_RANGE.min, max: DAY_RANGE.max });

describe('day numbers', () => {
  it('agree with the ledger date helpers (addDays, daysBetween)', () => {
    fc.assert(
      fc.property(day, (d) => {
        const iso = isoOf(d);
        expect(iso).toBe(addDays('1970-01-01', d));
        expect(daysBetween('1970-01-01', iso)).toBe(d);
        expect(dayOf(iso)).toBe(d);
        expect(compactOf(d)).toBe(iso.replace(/-/g, ''));
        expect(yearOf(d)).toBe(Number(iso.slice(0, 4)));
      }),
    );
  });

  it('round-trips year, month and day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (d) => {
        const [y, m, dd] = civilFromDays(d);
        expect(daysFromCivil(y, m, dd)).toBe(d);
      }),
    );
  });

  it('knows the edges and the leap days', () => {
    expect(dayOf('1970-01-01')).toBe(0);
    expect(isoOf(DAY_RANGE.min)).toBe('1900-01-01');
    expect(isoOf(DAY_RANGE.max)).toBe('2100-12-31');
    expect(isoOf(dayOf('2020-02-28') + 1)).toBe('2020-02-29');
    expect(isoOf(dayOf('1900-02-28') + 1)).toBe('1900-03-01');
    expect(isoOf(dayOf('2000-02-28') + 1)).toBe('2000-02-29');
  });

  it('refuses what is no date of 1900–2100', () => {
    for (const bad of ['2020-02-30', '2019-02-29', '1899-12-31', '2101-01-01', '2020-2-5', '', 'x']) {
      expect(() => dayOf(bad)).toThrow(RangeError);
    }
    expect(() => isoOf(DAY_RANGE.min - 1)).toThrow(RangeError);
    expect(() => isoOf(DAY_RANGE.max + 1)).toThrow(RangeError);
    expect(() => isoOf(1.5)).toThrow(RangeError);
  });
});
