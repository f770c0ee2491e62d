import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeHousehold, HOUSEHOLD_SIZES, type Member } from './composition';
import { Prng } from './prng';

const PARENTS = new Set(['father', 'mother', 'father_in_law', 'mother_in_law']);
const CHILDREN = new Set(['son', 'daughter']);
const GRANDCHILDREN = new Set(['grandson', 'granddaughter']);

function check(members: readonly Member[], size: number): void {
  expect(members).toHaveLength(size);
  // one head, first
  expect(members[0].relation).toBe('head');
  expect(members.filter((m) => m.relation === 'head')).toHaveLength(1);
  const head = members[0];
  expect(head.age).toBeGreaterThanOrEqual(25);
  expect(head.age).toBeLessThanOrEqual(85);
  for (const m of members) {
    expect(Number.isInteger(m.age) && m.age >= 0 && m.age <= 100).toBe(true);
    expect(m.surname).toMatch(/^\p{Script=Han}{1,2}$/u);
    // relations that name a sex agree with it
    if (['son', 'father', 'father_in_law', 'son_in_law', 'grandson'].includes(m.relation))
      expect(m.sex).toBe('male');
    if (['daughter', 'mother', 'mother_in_law', 'daughter_in_law', 'granddaughter'].includes(m.relation)) {
      expect(m.sex).toBe('female');
    }
  }
  const spouses = members.filter((m) => m.relation === 'spouse');
  expect(spouses.length).toBeLessThanOrEqual(1);
  for (const s of spouses) {
    expect(s.sex).not.toBe(head.sex);
    expect(Math.abs(s.age - head.age)).toBeLessThanOrEqual(8);
  }
  const father = head.sex === 'male' ? head : spouses[0];
  const mother = head.sex === 'female' ? head : spouses[0];
  for (const c of members.filter((m) => CHILDREN.has(m.relation))) {
    // a child takes the father's surname; born when the mother was 22–40
    if (father && mother) {
      expect(c.surname).toBe(father.surname);
      expect(mother.age - c.age).toBeGreaterThanOrEqual(Math.min(22, mother.age));
      expect(mother.age - c.age).toBeLessThanOrEqual(40);
    }
  }
  for (const p of members.filter((m) => PARENTS.has(m.relation))) {
    const child = p.relation === 'father' || p.relation === 'mother' ? head : spouses[0];
    expect(child).toBeDefined();
    expect(p.age).toBeGreaterThan(child.age + 15);
    if (p.relation === 'father' || p.relation === 'father_in_law') expect(p.surname).toBe(child.surname);
  }
  const grandchildren = members.filter((m) => GRANDCHILDREN.has(m.relation));
  if (grandchildren.length > 0) {
    // the grandchildren's father is the son, or the son-in-law
    const son = members.find((m) => m.relation === 'son');
    const sonInLaw = members.find((m) => m.relation === 'son_in_law');
    const theirFather = sonInLaw ?? son;
    expect(theirFather).toBeDefined();
    const theirMother = members.find((m) => m.relation === 'daughter_in_law' || m.relation === 'daughter');
    for (const g of grandchildren) {
      expect(g.surname).toBe(theirFather?.surname);
      const gap = (theirMother?.age ?? 0) - g.age;
      expect(gap >= Math.min(22, theirMother?.age ?? 0) && gap <= 40).toBe(true);
    }
  }
}

describe('composeHousehold', { timeout: 30_000 }, () => {
  it('makes households of the size asked, head first, with relations, sexes, ages and surnames that agree', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 6 }), (seed, size) => {
        const rng = new Prng(seed);
        const out: Member[] = [];
        for (let i = 0; i < 20; i++) check(composeHousehold(rng, size, out), size);
      }),
      { numRuns: 100 },
    );
  });

  it('has about 2.8 people per household, and elderly people living alone among the singles', () => {
    const rng = new Prng(2020);
    let people = 0;
    let households = 0;
    let elderlyAlone = 0;
    const out: Member[] = [];
    for (let i = 0; i < 20_000; i++) {
      const size = HOUSEHOLD_SIZES.pick(rng);
      composeHousehold(rng, size, out);
      people += size;
      households++;
      if (size === 1 && out[0].age >= 65) elderlyAlone++;
    }
    expect(people / households).toBeGreaterThan(2.7);
    expect(people / households).toBeLessThan(2.95);
    // 17% live alone, about 30% of them elderly
    expect(elderlyAlone / households).toBeGreaterThan(0.03);
    expect(elderlyAlone / households).toBeLessThan(0.08);
  });

  it('reuses the array it is given', () => {
    const out: Member[] = [];
    const rng = new Prng(1);
    expect(composeHousehold(rng, 5, out)).toBe(out);
    expect(composeHousehold(rng, 2, out)).toHaveLength(2);
  });
});
