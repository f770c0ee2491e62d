import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARKERS, type Marker } from '../markers';
import { addMarker, personalMarkers } from './demoMarkers';
import { Prng } from './prng';

describe('addMarker', () => {
  it('keeps the canonical order of MARKERS, each marker once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MARKERS)), (adds) => {
        const list: Marker[] = [];
        for (const m of adds) addMarker(list, m);
        expect(list).toEqual(MARKERS.filter((m) => adds.includes(m)));
      }),
    );
  });
});

describe('personalMarkers', () => {
  const rng = new Prng(12);
  const rate = (age: number, m: Marker) => {
    let n = 0;
    for (let i = 0; i < 20_000; i++) if (personalMarkers(rng, age).includes(m)) n++;
    return n / 20_000;
  };

  it('gives children no party card and no volunteer badge', () => {
    expect(rate(10, 'party_member')).toBe(0);
    expect(rate(10, 'volunteer')).toBe(0);
    expect(rate(80, 'volunteer')).toBe(0);
  });

  it('has party members among 7–10% of adults, more among the old; volunteers mostly among them', () => {
    expect(rate(40, 'party_member')).toBeGreaterThan(0.055);
    expect(rate(40, 'party_member')).toBeLessThan(0.085);
    expect(rate(70, 'party_member')).toBeGreaterThan(rate(20, 'party_member'));
    expect(rate(40, 'volunteer')).toBeGreaterThan(0.02);
    expect(rate(40, 'volunteer')).toBeLessThan(0.05);
  });

  it('makes the immobile and the disabled mostly old', () => {
    expect(rate(90, 'immobile')).toBeGreaterThan(0.15);
    expect(rate(30, 'immobile')).toBeLessThan(0.005);
    expect(rate(80, 'disabled')).toBeGreaterThan(rate(30, 'disabled'));
  });

  it('gives markers in canonical order, never household ones', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 100 }), (seed, age) => {
        const r = new Prng(seed);
        for (let i = 0; i < 50; i++) {
          const ms = personalMarkers(r, age);
          expect(ms).toEqual(MARKERS.filter((m) => ms.includes(m)));
          for (const m of ['building_leader', 'low_income', 'elderly_alone'] as const)
            expect(ms).not.toContain(m);
        }
      }),
    );
  });
});
