import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTACT_KINDS, type ColourPolicy, deriveColour, ISOLATION_KINDS, SYMPTOMS } from '../colours';
import { DEMO_KEY_AREAS } from '../keyAreas';
import { ColourMemo, type FactsHolder, FactsKeys } from './colourMemo';
import { isoOf } from './days';
import type { DemoFacts } from './facts';

const TODAY = '2020-02-05';
const POLICY: ColourPolicy = { homeAreaCode: '4101', keyAreas: DEMO_KEY_AREAS };

// facts around TODAY, from a small pool of values so that equal facts come up often
const date = fc.integer({ min: 18_260, max: 18_300 }).map(isoOf);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const facts: fc.Arbitrary<DemoFacts> = fc.record(
  {
    present: fc.constantFrom(true, false),
    health: fc.array(
      fc.record(
        {
          date,
          temperatureC: fc.constantFrom(36.5, 37.3, 38, 37),
          symptoms: fc.subarray([...SYMPTOMS.slice(0, 3)]),
        },
        { requiredKeys: ['date'] },
      ),
      { maxLength: 2 },
    ),
    travel: fc.array(
      fc.record(
        {
          placeCode: fc.constantFrom('4201', '420106', '4102', '4101', 'TH', '11'),
          placeName: fc.constantFrom('武汉市', '开封市', '某地', '#1', ';|'),
          from: date,
          to: date,
          recordedOn: date,
          undated: fc.constantFrom('recent' as const, 'unknown' as const),
        },
        { requiredKeys: ['placeCode'] },
      ),
      { maxLength: 2 },
    ),
    contacts: fc.array(fc.record({ kind: fc.constantFrom(...CONTACT_KINDS), date }), { maxLength: 1 }),
    isolation: fc.array(
      fc.record({ kind: fc.constantFrom(...ISOLATION_KINDS), from: maybe(date), to: maybe(date) }),
      { maxLength: 1 },
    ),
  },
  { requiredKeys: [] },
);
/** facts the rules accept: ranges in order */
const validFacts = facts.map((f) => ({
  ...f,
  travel: f.travel?.map((t) =>
    t.from !== undefined && t.to !== undefined && t.to < t.from ? { ...t, to: t.from } : t,
  ),
  isolation: f.isolation?.map((p) => {
    const from = p.from ?? TODAY;
    return { ...p, from, to: p.to !== undefined && p.to < from ? from : p.to };
  }),
}));
const household = (f: fc.Arbitrary<DemoFacts>) =>
  fc.array(
    f.map((x): FactsHolder => ({ facts: x })),
    { minLength: 0, maxLength: 4 },
  );

/** Facts as plain data, the way the rules see them: undefined fields are no fields. */
function plain(h: readonly FactsHolder[]): unknown {
  return JSON.parse(JSON.stringify(h.map((r) => r.facts)));
}

describe('FactsKeys', { timeout: 30_000 }, () => {
  it('gives equal keys exactly to equal facts', () => {
    fc.assert(
      fc.property(household(facts), household(facts), (a, b) => {
        const keys = new FactsKeys();
        expect(keys.key(a) === keys.key(b)).toBe(
          JSON.stringify(plain(a)) === JSON.stringify(plain(b)) || equal(a, b),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('tells apart what separators could confuse', () => {
    const keys = new FactsKeys();
    const k = (...fs: DemoFacts[]) => keys.key(fs.map((facts) => ({ facts })));
    expect(k({}, {})).not.toBe(k({}));
    expect(k({ present: false })).not.toBe(k({}));
    expect(k({ present: true })).not.toBe(k({}));
    expect(k({ health: [{ date: TODAY, symptoms: [] }] })).not.toBe(k({ health: [{ date: TODAY }] }));
    expect(k({ health: [] })).not.toBe(k({}));
    expect(k({ travel: [] }, {})).not.toBe(k({}, { travel: [] }));
    expect(k({ travel: [{ placeCode: '4201', from: TODAY }] })).not.toBe(
      k({ travel: [{ placeCode: '4201', from: TODAY, to: TODAY }] }),
    );
    expect(k({ travel: [{ placeCode: '4201', placeName: 'a', from: TODAY }] })).not.toBe(
      k({ travel: [{ placeCode: '4201', placeName: 'b', from: TODAY }] }),
    );
    expect(k({ travel: [{ placeCode: '4201', from: TODAY }] }, {})).not.toBe(
      k({}, { travel: [{ placeCode: '4201', from: TODAY }] }),
    );
  });
});

/** Deep equality of facts, order of keys aside. */
function equal(a: readonly FactsHolder[], b: readonly FactsHolder[]): boolean {
  const norm = (h: readonly FactsHolder[]) =>
    JSON.stringify(plain(h), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
        : v,
    );
  return norm(a) === norm(b);
}

describe('ColourMemo', { timeout: 30_000 }, () => {
  it('answers what deriveColour answers, and derives each distinct set of facts once', () => {
    fc.assert(
      fc.property(fc.array(household(validFacts), { maxLength: 30 }), (households) => {
        const memo = new ColourMemo(POLICY, TODAY);
        const distinct = new Set<string>();
        for (const h of households) {
          expect(memo.colourOf(h)).toBe(
            deriveColour({ residents: h.map((r) => r.facts) }, POLICY, TODAY).colour,
          );
          distinct.add(new FactsKeys().key(h));
        }
        expect(memo.stats.households).toBe(households.length);
        expect(memo.stats.derived).toBe(distinct.size);
      }),
      { numRuns: 200 },
    );
  });

  it('still derives, without remembering, past its size', () => {
    const memo = new ColourMemo(POLICY, TODAY, 1);
    const trip = (to: string) => [{ facts: { travel: [{ placeCode: '4102', from: '2020-02-01', to }] } }];
    expect(memo.colourOf([{ facts: {} }])).toBe('green');
    expect(memo.colourOf(trip('2020-02-03'))).toBe('yellow'); // remembered: the one key it has room for
    expect(memo.colourOf(trip('2020-02-04'))).toBe('yellow'); // not remembered
    expect(memo.colourOf(trip('2020-02-04'))).toBe('yellow');
    expect(memo.colourOf(trip('2020-02-03'))).toBe('yellow');
    expect(memo.colourOf([{ facts: {} }])).toBe('green');
    expect(memo.stats).toEqual({ households: 6, derived: 4 });
  });

  it('never remembers facts the rules refuse: they throw every time', () => {
    const memo = new ColourMemo(POLICY, TODAY);
    const bad = [{ facts: { travel: [{ placeCode: '4102', from: '2020-02-30' }] } }];
    expect(() => memo.colourOf(bad)).toThrow(RangeError);
    expect(() => memo.colourOf(bad)).toThrow(RangeError);
  });
});
