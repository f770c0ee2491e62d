import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePhone } from '../../validators/phone';
import { pickMobile } from './phones';
import { Prng } from './prng';

describe('pickMobile', () => {
  it('gives valid 11-digit mobile numbers', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = new Prng(seed);
        for (let i = 0; i < 20; i++) {
          const p = pickMobile(rng);
          expect(p).toMatch(/^1[3-9]\d{9}$/);
          expect(validatePhone(p)).toEqual({ ok: true, value: p, kind: 'mobile' });
        }
      }),
    );
  });

  it('seldom repeats a number', () => {
    const rng = new Prng(5);
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) seen.add(pickMobile(rng));
    expect(seen.size).toBeGreaterThan(49_990);
  });
});
