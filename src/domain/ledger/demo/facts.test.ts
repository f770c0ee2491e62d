import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ColourPolicy, deriveColour, type HouseholdColour, validateHouseholdFacts } from '../colours';
import { DEMO_KEY_AREAS } from '../keyAreas';
import { type DemoFacts, type Story, StoryTeller } from './facts';
import { travelPlaces } from './places';
import { Prng } from './prng';

const TODAY = '2020-02-05';
const POLICY: ColourPolicy = { homeAreaCode: '4101', keyAreas: DEMO_KEY_AREAS };
const EXPECTED: Record<Story, HouseholdColour> = {
  stayed: 'green',
  returned: 'yellow',
  home_isolation: 'orange',
  key_attention: 'red',
};

/** A household of `size` residents of whom those in `away` do not live there. */
function household(size: number, away: readonly number[] = []): { facts: DemoFacts }[] {
  return Array.from({ length: size }, (_, i) => ({ facts: away.includes(i) ? { present: false } : {} }));
}

const story = fc.constantFrom<Story>('stayed', 'returned', 'home_isolation', 'key_attention');

describe('StoryTeller', () => {
  it('tells each story with facts that the rules colour as intended (default policy)', () => {
    const teller = new StoryTeller(POLICY, TODAY);
    fc.assert(
      fc.property(fc.integer(), story, fc.integer({ min: 1, max: 6 }), (seed, s, size) => {
        const rng = new Prng(seed);
        // the head (index 0) always lives there; others may not
        const away = size > 2 && rng.chance(0.5) ? [size - 1] : [];
        const residents = household(size, away);
        teller.tell(rng, s, residents);
        const facts = { residents: residents.map((r) => r.facts) };
        expect(validateHouseholdFacts(facts)).toEqual([]);
        expect(deriveColour(facts, POLICY, TODAY).colour).toBe(EXPECTED[s]);
        // nothing is written on someone who does not live there
        for (const i of away) expect(residents[i].facts).toEqual({ present: false });
      }),
      { numRuns: 500 },
    );
  });

  it('tells every kind of red story: a key area, a fever, a contact with a case, a centralised isolation', () => {
    const teller = new StoryTeller(POLICY, TODAY);
    const rng = new Prng(4);
    const codes = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const residents = household(3);
      teller.tell(rng, 'key_attention', residents);
      const d = deriveColour({ residents: residents.map((r) => r.facts) }, POLICY, TODAY);
      for (const r of d.reasons) codes.add(r.code);
    }
    for (const c of ['travel_key_area', 'fever', 'symptom', 'contact_case', 'centralised_isolation']) {
      expect(codes.has(c)).toBe(true);
    }
  });

  it('sends people to Wuhan and Hubei only in red stories', () => {
    const teller = new StoryTeller(POLICY, TODAY);
    const rng = new Prng(8);
    for (const s of ['stayed', 'returned', 'home_isolation'] as const) {
      for (let i = 0; i < 300; i++) {
        const residents = household(4);
        teller.tell(rng, s, residents);
        for (const r of residents)
          for (const t of r.facts.travel ?? []) expect(t.placeCode.startsWith('42')).toBe(false);
      }
    }
  });

  it('still gives valid facts under another policy: no key area active, a longer window, another home city', () => {
    const policies: ColourPolicy[] = [
      { homeAreaCode: '4101', keyAreas: [] },
      { homeAreaCode: '4103', keyAreas: DEMO_KEY_AREAS, windowDays: 21, feverThresholdC: 37.5 },
      { homeAreaCode: '41', keyAreas: [{ code: '44', name: '广东省', from: '2020-01-01' }] },
    ];
    for (const policy of policies) {
      const teller = new StoryTeller(policy, TODAY);
      const rng = new Prng(1);
      for (let i = 0; i < 200; i++) {
        const s = (['stayed', 'returned', 'home_isolation', 'key_attention'] as const)[i % 4];
        const residents = household(1 + (i % 6));
        teller.tell(rng, s, residents);
        const facts = { residents: residents.map((r) => r.facts) };
        expect(validateHouseholdFacts(facts)).toEqual([]);
        const colour = deriveColour(facts, policy, TODAY).colour;
        // red stories stay red without a key area (fever, contact, centralised isolation)
        if (s === 'key_attention') expect(colour).toBe('red');
        if (s === 'stayed') expect(colour).toBe('green');
      }
    }
  });

  it('names each place of stay one way only', () => {
    const codes = travelPlaces().map(([p]) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
