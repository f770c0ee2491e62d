import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateIdNumber, validateIdNumber } from '../../validators/idNumber';
import { DAY_RANGE, dayOf, isoOf } from './days';
import { IdNumberAllocator, NUMBERS_PER_DAY_AND_SEX } from './idNumbers';

const TODAY = { today: new Date(2101, 0, 1) };
const day = fc.integer({ min: DAY_RANGE.min, max: DAY_RANGE.max });
const sex = fc.constantFrom('male' as const, 'female' as const);
const region = fc.constantFrom('410105', '410102', '411525', '110105', '420106', '650102');

describe('IdNumberAllocator', () => {
  it('gives valid numbers whose birth date and sex are those asked for', () => {
    fc.assert(
      fc.property(region, day, sex, (code, d, s) => {
        const r = new IdNumberAllocator().region(code);
        const id = r.next(d, s);
        const v = validateIdNumber(id, TODAY);
        expect(v.ok).toBe(true);
        if (!v.ok) return;
        expect(v.regionCode).toBe(code);
        expect(v.birthDate).toBe(isoOf(d));
        expect(r.lastDay).toBe(d);
        expect(v.sex).toBe(s);
        // the same number the validators' own generator builds
        expect(generateIdNumber({ regionCode: code, birthDate: isoOf(d), sequence: id.slice(14, 17) })).toBe(
          id,
        );
      }),
    );
  });

  it('never gives a number twice: the 500 of a day and sex, then the days before', () => {
    const r = new IdNumberAllocator().region('410105');
    const d = dayOf('1985-06-01');
    const seen = new Set<string>();
    for (let i = 0; i < 3 * NUMBERS_PER_DAY_AND_SEX + 10; i++) {
      for (const s of ['male', 'female'] as const) {
        const id = r.next(d, s);
        expect(seen.has(id)).toBe(false);
        seen.add(id);
        const v = validateIdNumber(id, TODAY);
        expect(v.ok && v.sex === s && v.birthDate === isoOf(r.lastDay)).toBe(true);
        // full days move the birth date earlier, never later
        expect(r.lastDay).toBe(d - Math.floor(i / NUMBERS_PER_DAY_AND_SEX));
      }
    }
    expect(seen.size).toBe(2 * (3 * NUMBERS_PER_DAY_AND_SEX + 10));
  });

  it('keeps the numbers of several runs apart when they share the allocator', () => {
    const ids = new IdNumberAllocator();
    const seen = new Set<string>();
    for (let run = 0; run < 3; run++) {
      const r = ids.region('410105');
      for (let i = 0; i < 400; i++) {
        const id = r.next(dayOf('2000-01-01') + (i % 3), i % 2 ? 'male' : 'female');
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    }
    expect(ids.region('410105')).toBe(ids.region('410105'));
  });

  it('does not start every day at the same sequence', () => {
    const r = new IdNumberAllocator().region('410105');
    const first = new Set<string>();
    for (let d = 0; d < 50; d++) first.add(r.next(d, 'male').slice(14, 17));
    expect(first.size).toBeGreaterThan(40);
  });

  it('refuses an implausible address code and a day out of 1900–2100', () => {
    expect(() => new IdNumberAllocator().region('000000')).toThrow(RangeError);
    expect(() => new IdNumberAllocator().region('41010')).toThrow(RangeError);
    const r = new IdNumberAllocator().region('410105');
    expect(() => r.next(DAY_RANGE.min - 1, 'male')).toThrow(RangeError);
    expect(() => r.next(DAY_RANGE.max + 1, 'female')).toThrow(RangeError);
  });

  it('gives up when ten years of days are full', () => {
    const r = new IdNumberAllocator().region('410105');
    // the first day: nothing earlier to move to
    for (let i = 0; i < NUMBERS_PER_DAY_AND_SEX; i++) r.next(DAY_RANGE.min, 'male');
    expect(() => r.next(DAY_RANGE.min, 'male')).toThrow(RangeError);
    expect(validateIdNumber(r.next(DAY_RANGE.min, 'female'), TODAY).ok).toBe(true);
  });
});
