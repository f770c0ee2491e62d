import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateIdNumber } from '../../validators/idNumber';
import { validatePhone } from '../../validators/phone';
import { type ColourPolicy, deriveColour, type HouseholdColour, validateHouseholdFacts } from '../colours';
import { DEMO_KEY_AREAS } from '../keyAreas';
import { MARKERS } from '../markers';
import { RELATIONS } from '../sheet/values';
import { dayOf } from './days';
import {
  DEFAULT_MIX,
  type DemoHousehold,
  type DemoHouseholdOptions,
  type DemoResident,
  generateHouseholds,
} from './households';
import { IdNumberAllocator } from './idNumbers';

const TODAY = '2020-02-05';
const POLICY: ColourPolicy = { homeAreaCode: '4101', keyAreas: DEMO_KEY_AREAS };
const ID_TODAY = { today: new Date(2020, 1, 5) };

function generate(opts: Partial<DemoHouseholdOptions> = {}): DemoHousehold[] {
  return [...generateHouseholds({ seed: 1, regionCode: '410105', residents: 1000, today: TODAY, ...opts })];
}

function residentsOf(households: readonly DemoHousehold[]): DemoResident[] {
  return households.flatMap((h) => h.residents);
}

function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

// one big sample for the statistical checks, made once
const BIG = generate({ seed: 2020, residents: 50_000 });

// big samples: a generous timeout, so that a loaded machine does not fail them (no timing is asserted)
describe('generateHouseholds', { timeout: 60_000 }, () => {
  it('is deterministic: the same options give the same households, another seed others', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 300 }), (seed, residents) => {
        const a = generate({ seed, residents });
        expect(generate({ seed, residents })).toEqual(a);
        expect(generate({ seed: seed + 1, residents })).not.toEqual(a);
      }),
      { numRuns: 20 },
    );
  });

  it('places exactly the residents asked for', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 2000 }), (seed, residents) => {
        const hs = generate({ seed, residents });
        expect(residentsOf(hs)).toHaveLength(residents);
        // it stops at the last resident: no empty door after it
        if (hs.length > 0) expect(hs[hs.length - 1].empty).toBe(false);
      }),
      { numRuns: 30 },
    );
    expect(generate({ residents: 0 })).toEqual([]);
    expect(residentsOf(BIG)).toHaveLength(50_000);
  });

  it('gives every household the colour the rules derive from its facts', () => {
    const wrong = BIG.filter((h) => {
      const facts = { residents: h.residents.map((r) => r.facts) };
      return (
        validateHouseholdFacts(facts).length > 0 ||
        h.colour !== deriveColour(facts, POLICY, TODAY).colour ||
        h.empty !== (h.residents.length === 0) ||
        (h.empty && h.colour !== 'white')
      );
    });
    expect(wrong).toEqual([]);
  });

  it('comes out in the colours of the mix (doors, within four standard deviations)', () => {
    const counts: Record<HouseholdColour, number> = { red: 0, orange: 0, yellow: 0, green: 0, white: 0 };
    for (const h of BIG) counts[h.colour]++;
    const n = BIG.length;
    const expected = {
      ...DEFAULT_MIX,
      green: 1 - DEFAULT_MIX.white - DEFAULT_MIX.yellow - DEFAULT_MIX.orange - DEFAULT_MIX.red,
    };
    for (const c of Object.keys(counts) as HouseholdColour[]) {
      const p = expected[c];
      const sd = Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs(counts[c] / n - p)).toBeLessThan(4 * sd);
    }
  });

  it('follows another mix', () => {
    const hs = generate({
      seed: 3,
      residents: 20_000,
      mix: { white: 0.2, yellow: 0.3, orange: 0.1, red: 0.05 },
    });
    const share = (c: HouseholdColour) => hs.filter((h) => h.colour === c).length / hs.length;
    expect(Math.abs(share('white') - 0.2)).toBeLessThan(0.02);
    expect(Math.abs(share('yellow') - 0.3)).toBeLessThan(0.025);
    expect(Math.abs(share('orange') - 0.1)).toBeLessThan(0.015);
    expect(Math.abs(share('red') - 0.05)).toBeLessThan(0.01);
    expect(Math.abs(share('green') - 0.35)).toBeLessThan(0.025);
    const allGreen = generate({ seed: 3, residents: 2000, mix: { white: 0, yellow: 0, orange: 0, red: 0 } });
    expect(new Set(allGreen.map((h) => h.colour))).toEqual(new Set(['green']));
  });

  it('gives every resident a valid, unique ID number that agrees with the birth date and sex', () => {
    const rs = residentsOf(BIG);
    const wrong = rs.filter((r) => {
      const v = validateIdNumber(r.idNumber, ID_TODAY);
      return !(
        v.ok &&
        v.value === r.idNumber &&
        v.birthDate === r.birthDate &&
        v.sex === r.sex &&
        r.idType === 'resident_id'
      );
    });
    expect(wrong).toEqual([]);
    expect(new Set(rs.map((r) => r.idNumber)).size).toBe(rs.length);
  });

  it('never gives an ID number twice in 200,000 residents, nor across runs that share an allocator', () => {
    const seen = new Set<string>();
    for (const h of generateHouseholds({ seed: 9, regionCode: '410105', residents: 200_000, today: TODAY })) {
      for (const r of h.residents) seen.add(r.idNumber);
    }
    expect(seen.size).toBe(200_000);
    const ids = new IdNumberAllocator();
    const shared = new Set<string>();
    for (const seed of [1, 2, 3]) {
      for (const h of generateHouseholds({
        seed,
        regionCode: '410105',
        residents: 5000,
        today: TODAY,
        ids,
      })) {
        for (const r of h.residents) shared.add(r.idNumber);
      }
    }
    expect(shared.size).toBe(15_000);
  });

  it('issues most ID numbers in the county, some elsewhere in Henan, a few in other provinces', () => {
    const rs = residentsOf(BIG);
    const share = (f: (r: DemoResident) => boolean) => rs.filter(f).length / rs.length;
    expect(share((r) => r.idNumber.startsWith('410105'))).toBeGreaterThan(0.8);
    expect(share((r) => r.idNumber.startsWith('410105'))).toBeLessThan(0.9);
    expect(share((r) => r.idNumber.startsWith('41') && !r.idNumber.startsWith('410105'))).toBeGreaterThan(
      0.07,
    );
    expect(share((r) => r.idNumber.startsWith('41') && !r.idNumber.startsWith('410105'))).toBeLessThan(0.13);
    expect(share((r) => !r.idNumber.startsWith('41'))).toBeGreaterThan(0.03);
    expect(share((r) => !r.idNumber.startsWith('41'))).toBeLessThan(0.07);
  });

  it('gives names of 2–4 Han characters, children the surname of their father', () => {
    expect(residentsOf(BIG).filter((r) => !/^\p{Script=Han}{2,4}$/u.test(r.name))).toEqual([]);
    const wrong: DemoResident[] = [];
    for (const h of BIG) {
      const head = h.residents[0];
      const spouse = h.residents.find((r) => r.relation === 'spouse');
      const father = head?.sex === 'male' ? head : spouse;
      if (!father || !spouse) continue;
      for (const c of h.residents) {
        if ((c.relation === 'son' || c.relation === 'daughter') && c.name[0] !== father.name[0])
          wrong.push(c);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has realistic households: a head first, aged 25–85, sizes 1–6, about 2.8 people', () => {
    const occupied = BIG.filter((h) => !h.empty);
    const wrong = occupied.filter((h) => {
      // the head may age a day when a full birth day moves the ID number's birth date
      const age = ageOn(h.residents[0].birthDate, TODAY);
      return (
        h.residents.length > 6 ||
        h.residents[0].relation !== 'head' ||
        h.residents.slice(1).some((r) => r.relation === 'head') ||
        age < 25 ||
        age > 86 ||
        h.residents.some((r) => !RELATIONS.includes(r.relation) || r.birthDate > TODAY)
      );
    });
    expect(wrong).toEqual([]);
    const mean = residentsOf(occupied).length / occupied.length;
    expect(mean).toBeGreaterThan(2.7);
    expect(mean).toBeLessThan(2.95);
  });

  it('gives phones to most adults and none to children', () => {
    const rs = residentsOf(BIG);
    const adults = rs.filter((r) => ageOn(r.birthDate, TODAY) >= 18);
    const withPhone = adults.filter((r) => r.phone !== undefined);
    expect(withPhone.length / adults.length).toBeGreaterThan(0.85);
    const wrong = rs.filter(
      (r) =>
        (r.phone !== undefined && !validatePhone(r.phone).ok) ||
        (ageOn(r.birthDate, TODAY) < 15 && r.phone !== undefined),
    );
    expect(wrong).toEqual([]);
  });

  it('marks residents at about the rates of a city', () => {
    const rs = residentsOf(BIG);
    const adults = rs.filter((r) => ageOn(r.birthDate, TODAY) >= 18);
    const has = (list: readonly DemoResident[], m: (typeof MARKERS)[number]) =>
      list.filter((r) => r.markers.includes(m)).length / list.length;
    expect(has(adults, 'party_member')).toBeGreaterThan(0.05);
    expect(has(adults, 'party_member')).toBeLessThan(0.1);
    expect(has(adults, 'volunteer')).toBeGreaterThan(0.02);
    expect(has(adults, 'volunteer')).toBeLessThan(0.045);
    expect(has(rs, 'disabled')).toBeGreaterThan(0.01);
    expect(has(rs, 'disabled')).toBeLessThan(0.02);
    expect(has(rs, 'immobile')).toBeGreaterThan(0.006);
    expect(has(rs, 'immobile')).toBeLessThan(0.015);
    const occupied = BIG.filter((h) => !h.empty);
    const lowIncome = occupied.filter((h) =>
      h.residents.some((r) => r.markers.includes('low_income')),
    ).length;
    expect(lowIncome / occupied.length).toBeGreaterThan(0.012);
    expect(lowIncome / occupied.length).toBeLessThan(0.03);
    // canonical order, each once; 低保 on the head
    const wrong = rs.filter(
      (r) =>
        r.markers.join() !== MARKERS.filter((m) => r.markers.includes(m)).join() ||
        (r.markers.includes('low_income') && r.relation !== 'head'),
    );
    expect(wrong).toEqual([]);
    const alone = occupied.filter(
      (h) => h.residents.length === 1 && ageOn(h.residents[0].birthDate, TODAY) >= 66,
    );
    expect(alone.length).toBeGreaterThan(0);
    expect(alone.filter((h) => !h.residents[0].markers.includes('elderly_alone'))).toEqual([]);
    const together = occupied.filter((h) => h.residents.length > 1);
    expect(together.filter((h) => h.residents.some((r) => r.markers.includes('elderly_alone')))).toEqual([]);
  });

  it('lays out doors building by building, and has one adult building leader per entrance', () => {
    const hs = generate({
      seed: 5,
      residents: 3000,
      buildings: { entrances: 2, floors: 5, doorsPerFloor: 3 },
    });
    const entrances = new Map<string, DemoHousehold[]>();
    for (const h of hs) {
      expect(h.door).toBe(String(h.floor * 100 + Number(h.door.slice(-2))));
      expect(h.floor).toBeGreaterThanOrEqual(1);
      expect(h.floor).toBeLessThanOrEqual(5);
      expect(['01', '02', '03']).toContain(h.door.slice(-2));
      expect(['1', '2']).toContain(h.entrance);
      const key = `${h.building}-${h.entrance}`;
      entrances.set(key, [...(entrances.get(key) ?? []), h]);
    }
    // in order: building, entrance, floor, door; every entrance but the last is full
    const keys = [...entrances.keys()];
    expect(keys.slice(0, 4)).toEqual(['1-1', '1-2', '2-1', '2-2']);
    keys.slice(0, -1).forEach((k) => {
      expect(entrances.get(k)?.map((h) => h.door)).toEqual([
        '101',
        '102',
        '103',
        '201',
        '202',
        '203',
        '301',
        '302',
        '303',
        '401',
        '402',
        '403',
        '501',
        '502',
        '503',
      ]);
    });
    for (const [, list] of entrances) {
      const leaders = residentsOf(list).filter((r) => r.markers.includes('building_leader'));
      const adults = residentsOf(list).filter(
        (r) => r.facts.present !== false && ageOn(r.birthDate, TODAY) >= 18,
      );
      expect(leaders).toHaveLength(adults.length > 0 ? 1 : 0);
      for (const l of leaders) {
        expect(ageOn(l.birthDate, TODAY)).toBeGreaterThanOrEqual(18);
        expect(l.facts.present).not.toBe(false);
      }
    }
  });

  it('registers a few residents who live elsewhere, and never makes them the head', () => {
    const away = residentsOf(BIG).filter((r) => r.facts.present === false);
    expect(away.length).toBeGreaterThan(0);
    expect(away.length / 50_000).toBeLessThan(0.02);
    for (const r of away) {
      expect(['son', 'daughter']).toContain(r.relation);
      expect(r.facts).toEqual({ present: false });
    }
  });

  it('works on another day, and with another policy', () => {
    const policy: ColourPolicy = { homeAreaCode: '4101', keyAreas: [], windowDays: 21 };
    const hs = generate({ seed: 4, residents: 3000, today: '2021-08-10', policy });
    for (const h of hs) {
      const facts = { residents: h.residents.map((r) => r.facts) };
      expect(h.colour).toBe(deriveColour(facts, policy, '2021-08-10').colour);
      for (const r of h.residents) expect(dayOf(r.birthDate)).toBeLessThanOrEqual(dayOf('2021-08-10'));
    }
    expect(hs.some((h) => h.colour === 'red')).toBe(true);
  });

  it('refuses bad options at once', () => {
    const base: DemoHouseholdOptions = { seed: 1, regionCode: '410105', residents: 10, today: TODAY };
    const bad: Partial<DemoHouseholdOptions>[] = [
      { seed: 1.5 },
      { regionCode: '4101' },
      { regionCode: '000000' },
      { residents: -1 },
      { residents: 2.5 },
      { today: '2020-02-30' },
      { today: '1900-01-01' },
      { buildings: { entrances: 0, floors: 6, doorsPerFloor: 2 } },
      { buildings: { entrances: 1, floors: 6, doorsPerFloor: 100 } },
      { mix: { white: 1 } },
      { mix: { yellow: 0.6, red: 0.6 } },
      { mix: { red: -0.1 } },
      { policy: { homeAreaCode: 'x', keyAreas: [] } },
    ];
    for (const b of bad)
      expect(() => generateHouseholds({ ...base, ...b }), JSON.stringify(b)).toThrow(RangeError);
  });
});
