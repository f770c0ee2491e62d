import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng, WeightedTable } from './prng';

describe('Prng', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = new Prng(seed);
        const b = new Prng(seed);
        const c = new Prng(seed + 1);
        const xs = Array.from({ length: 20 }, () => a.uint32());
        expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(xs);
        expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(xs);
      }),
    );
  });

  it('keeps to its ranges', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, min, span) => {
        const rng = new Prng(seed);
        for (let i = 0; i < 50; i++) {
          const x = rng.next();
          expect(x >= 0 && x < 1).toBe(true);
          const n = rng.int(min, min + span);
          expect(Number.isInteger(n) && n >= min && n <= min + span).toBe(true);
          const b = rng.below(span + 1);
          expect(Number.isInteger(b) && b >= 0 && b <= span).toBe(true);
        }
      }),
    );
  });

  it('is roughly uniform: every value of int(1, 6) about a sixth of the time', () => {
    const rng = new Prng(42);
    const counts = [0, 0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[rng.int(1, 6)]++;
    for (let v = 1; v <= 6; v++) expect(Math.abs(counts[v] - 10_000)).toBeLessThan(400);
    expect(counts[0]).toBe(0);
  });

  it('chance(p) is true about p of the time; chance(0) never, chance(1) always', () => {
    const rng = new Prng(7);
    let hits = 0;
    for (let i = 0; i < 20_000; i++) if (rng.chance(0.3)) hits++;
    expect(Math.abs(hits / 20_000 - 0.3)).toBeLessThan(0.015);
    for (let i = 0; i < 1000; i++) {
      expect(rng.chance(0)).toBe(false);
      expect(rng.chance(1)).toBe(true);
    }
  });

  it('picks every element of a list', () => {
    const rng = new Prng(1);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(rng.pick(['a', 'b', 'c']));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('WeightedTable', () => {
  it('draws each item in proportion to its weight, never one of weight 0', () => {
    const t = new WeightedTable([
      ['a', 1],
      ['zero', 0],
      ['b', 3],
      ['c', 6],
      ['last-zero', 0],
    ]);
    expect(t.probability(0)).toBeCloseTo(0.1);
    expect(t.probability(1)).toBe(0);
    expect(t.probability(3)).toBeCloseTo(0.6);
    const rng = new Prng(3);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 50_000; i++) {
      const x = t.pick(rng);
      counts[x] = (counts[x] ?? 0) + 1;
    }
    expect(counts.zero).toBeUndefined();
    expect(counts['last-zero']).toBeUndefined();
    expect(Math.abs(counts.a / 50_000 - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(counts.b / 50_000 - 0.3)).toBeLessThan(0.015);
    expect(Math.abs(counts.c / 50_000 - 0.6)).toBeLessThan(0.015);
  });

  it('refuses weights that are negative, not finite, or all zero', () => {
    expect(() => new WeightedTable([['a', -1]])).toThrow(RangeError);
    expect(() => new WeightedTable([['a', Number.NaN]])).toThrow(RangeError);
    expect(() => new WeightedTable([['a', Number.POSITIVE_INFINITY]])).toThrow(RangeError);
    expect(() => new WeightedTable([['a', 0]])).toThrow(RangeError);
    expect(() => new WeightedTable([])).toThrow(RangeError);
  });

  it('picks the only item of positive weight', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(10), fc.nat(10), (seed, before, after) => {
        const entries: [string, number][] = [
          ...Array.from({ length: before }, (_, i): [string, number] => [`b${i}`, 0]),
          ['x', 2],
          ...Array.from({ length: after }, (_, i): [string, number] => [`a${i}`, 0]),
        ];
        const t = new WeightedTable(entries);
        const rng = new Prng(seed);
        for (let i = 0; i < 20; i++) expect(t.pick(rng)).toBe('x');
      }),
    );
  });
});
