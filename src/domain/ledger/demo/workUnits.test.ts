import { describe, expect, it } from 'vitest';
import { Prng } from './prng';
import { pickWorkUnit, workUnits } from './workUnits';

describe('pickWorkUnit', () => {
  const rng = new Prng(9);
  const draw = (age: number, sex: 'male' | 'female') =>
    new Set(Array.from({ length: 300 }, () => pickWorkUnit(rng, age, sex)));

  it('leaves small children without, and sends children to kindergarten and school', () => {
    expect(draw(0, 'male')).toEqual(new Set([undefined]));
    expect(draw(4, 'female')).toEqual(new Set(['幼儿园']));
    expect(draw(12, 'male')).toEqual(new Set(['学生']));
    expect(draw(20, 'female').has('学生')).toBe(true);
  });

  it('gives working adults an employer, and the retired 退休 or 无', () => {
    const working = draw(40, 'male');
    expect(working.has('学生')).toBe(false);
    expect(working.has('退休')).toBe(false);
    expect(working.size).toBeGreaterThan(10);
    expect(draw(70, 'male')).toEqual(new Set(['退休', '无']));
    expect(draw(57, 'female')).toEqual(new Set(['退休', '无']));
    expect(draw(57, 'male').has('退休')).toBe(false);
  });

  it('only gives the work units it lists', () => {
    const all = new Set(workUnits());
    for (const age of [3, 10, 19, 22, 30, 45, 59, 61, 90]) {
      for (const u of draw(age, 'male')) if (u !== undefined) expect(all.has(u)).toBe(true);
    }
  });
});
