import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generationOf, givenNames, pickGivenName, pickName, pickSurname, surnames } from './names';
import { Prng } from './prng';

const HAN = /^\p{Script=Han}+$/u;

describe('names', () => {
  it('has about a hundred surnames, each one or two Han characters, none twice', () => {
    const all = surnames();
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(all.length).toBeLessThanOrEqual(120);
    expect(new Set(all).size).toBe(all.length);
    for (const s of all) expect(s).toMatch(/^\p{Script=Han}{1,2}$/u);
  });

  it('draws 王, 李 and 张 most often, as in Henan', () => {
    const rng = new Prng(11);
    const counts = new Map<string, number>();
    for (let i = 0; i < 30_000; i++) {
      const s = pickSurname(rng);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
    expect(new Set(top.slice(0, 3))).toEqual(new Set(['王', '李', '张']));
    expect(top[3]).toBe('刘');
    // about one in nine people is a 王
    expect((counts.get('王') ?? 0) / 30_000).toBeGreaterThan(0.08);
    expect((counts.get('王') ?? 0) / 30_000).toBeLessThan(0.13);
  });

  it('has given names of one or two Han characters for each sex and generation', () => {
    for (const sex of ['male', 'female'] as const) {
      for (let g = 0; g <= 4; g++) {
        const list = givenNames(sex, g);
        expect(list.length).toBeGreaterThanOrEqual(30);
        for (const n of list) expect(n).toMatch(/^\p{Script=Han}{1,2}$/u);
      }
    }
  });

  it('puts a birth year in its generation', () => {
    expect(generationOf(1930)).toBe(0);
    expect(generationOf(1949)).toBe(0);
    expect(generationOf(1950)).toBe(1);
    expect(generationOf(1975)).toBe(2);
    expect(generationOf(1995)).toBe(3);
    expect(generationOf(2019)).toBe(4);
  });

  it('gives names of 2–4 Han characters, surname first, that fit the generation', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom('male' as const, 'female' as const),
        fc.integer({ min: 1900, max: 2100 }),
        (seed, sex, year) => {
          const rng = new Prng(seed);
          const surname = pickSurname(rng);
          const name = pickName(rng, surname, sex, year);
          expect(name).toMatch(HAN);
          expect([...name].length).toBeGreaterThanOrEqual(2);
          expect([...name].length).toBeLessThanOrEqual(4);
          expect(name.startsWith(surname)).toBe(true);
          expect(givenNames(sex, generationOf(year))).toContain(name.slice(surname.length));
          expect(givenNames(sex, generationOf(year))).toContain(pickGivenName(rng, sex, year));
        },
      ),
    );
  });

  it('names the old as the old were named and the young as the young', () => {
    expect(givenNames('female', generationOf(1940))).toContain('秀英');
    expect(givenNames('male', generationOf(1955))).toContain('建国');
    expect(givenNames('male', generationOf(2012))).toContain('浩然');
    expect(givenNames('female', generationOf(2015))).toContain('梓萱');
    expect(givenNames('female', generationOf(2015))).not.toContain('秀英');
  });
});
