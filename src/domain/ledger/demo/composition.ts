// Who lives in a demo household: its members' relation to the head, sex, age and surname, in the shapes
// households take in a Zhengzhou residential community of 2020 — young couples, couples with a child
// (most families of the one-child years), couples with an elderly parent, three generations under one
// roof, empty-nest couples and elderly people living alone. Sizes 1–6, about 2.8 people on average
// (the 2020 census gives 2.6 for China and a little more for Henan). A wife keeps her own surname;
// children take their father's.

import type { Sex } from '../../validators/idNumber';
import type { Relation } from '../sheet/values';
import { pickSurname } from './names';
import { type Prng, WeightedTable } from './prng';

/** One member as composed: the rest (name, ID number, phone …) is drawn from these. */
export interface Member {
  relation: Relation;
  sex: Sex;
  /** completed years on the generator's day */
  age: number;
  surname: string;
}

/** How many people live in an occupied household, weighted (mean ≈ 2.84). */
export const HOUSEHOLD_SIZES = new WeightedTable<number>([
  [1, 17],
  [2, 27],
  [3, 27],
  [4, 15],
  [5, 9],
  [6, 5],
]);

/** The chance a child is a boy (Henan's sex ratio at birth was high in these years). */
const BOY = 0.53;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function childSex(rng: Prng): Sex {
  return rng.chance(BOY) ? 'male' : 'female';
}

/** The head and, for a couple, the spouse: most couples' register puts the husband as head. */
function couple(rng: Prng, out: Member[], headAge: number): { father: Member; mother: Member } {
  const husbandHead = rng.chance(0.85);
  // wives are on average two or three years younger than their husbands
  const gap = rng.int(-2, 3) + rng.int(0, 3);
  const husbandAge = husbandHead ? headAge : clamp(headAge + gap, 20, 100);
  const wifeAge = husbandHead ? clamp(headAge - gap, 20, 100) : headAge;
  const husband: Member = {
    relation: husbandHead ? 'head' : 'spouse',
    sex: 'male',
    age: husbandAge,
    surname: pickSurname(rng),
  };
  const wife: Member = {
    relation: husbandHead ? 'spouse' : 'head',
    sex: 'female',
    age: wifeAge,
    surname: pickSurname(rng),
  };
  if (husbandHead) out.push(husband, wife);
  else out.push(wife, husband);
  return { father: husband, mother: wife };
}

/** The age of a first child of a mother of `motherAge`, born when she was 22–35 (0 when she is younger). */
function childAge(rng: Prng, motherAge: number): number {
  const hi = motherAge - 22;
  if (hi <= 0) return 0;
  return rng.int(Math.max(0, motherAge - 35), hi);
}

/** The age of the next child, born 2–8 years after the last one, while the mother was 40 at most. */
function nextChildAge(rng: Prng, motherAge: number, lastAge: number): number {
  return Math.max(0, motherAge - 40, lastAge - rng.int(2, 8));
}

/** `count` children of the couple; the head's sons and daughters. Returns the eldest. */
function children(rng: Prng, out: Member[], father: Member, mother: Member, count: number): Member {
  let age = childAge(rng, mother.age);
  let eldest: Member | undefined;
  for (let i = 0; i < count; i++) {
    const sex = childSex(rng);
    const child: Member = {
      relation: sex === 'male' ? 'son' : 'daughter',
      sex,
      age,
      surname: father.surname,
    };
    out.push(child);
    eldest ??= child;
    age = nextChildAge(rng, mother.age, age);
  }
  return eldest as Member;
}

/** Elderly parents living with the couple: the head's own (father, mother) or the spouse's (in-laws). */
function parents(rng: Prng, out: Member[], head: Member, spouse: Member | undefined, count: number): void {
  const ownSide = spouse === undefined || rng.chance(0.65);
  const child = ownSide ? head : spouse;
  const fatherAge = clamp(child.age + rng.int(24, 34), 45, 100);
  const motherAge = clamp(fatherAge - rng.int(0, 4), 45, 100);
  // a widowed mother lives with her children more often than a widowed father
  const both = count >= 2;
  const withFather = both || rng.chance(0.4);
  if (withFather) {
    out.push({
      relation: ownSide ? 'father' : 'father_in_law',
      sex: 'male',
      age: fatherAge,
      surname: child.surname,
    });
  }
  if (both || !withFather) {
    out.push({
      relation: ownSide ? 'mother' : 'mother_in_law',
      sex: 'female',
      age: motherAge,
      surname: pickSurname(rng),
    });
  }
}

/**
 * An elderly couple with a grown child and the child's spouse (and their children): usually a son and
 * his wife, sometimes a daughter and her husband.
 */
function threeGenerations(rng: Prng, out: Member[], headAge: number, grandchildren: number): void {
  const { father, mother } = couple(rng, out, headAge);
  const sonLives = rng.chance(0.85);
  const childAgeYears = clamp(mother.age - rng.int(23, 32), 20, 80);
  const partnerAge = clamp(childAgeYears + (sonLives ? -rng.int(-1, 4) : rng.int(-1, 4)), 20, 80);
  const child: Member = {
    relation: sonLives ? 'son' : 'daughter',
    sex: sonLives ? 'male' : 'female',
    age: childAgeYears,
    surname: father.surname,
  };
  const partner: Member = {
    relation: sonLives ? 'daughter_in_law' : 'son_in_law',
    sex: sonLives ? 'female' : 'male',
    age: partnerAge,
    surname: pickSurname(rng),
  };
  out.push(child, partner);
  const young = sonLives ? partner : child;
  const grandFather = sonLives ? child : partner;
  let age = childAge(rng, young.age);
  for (let i = 0; i < grandchildren; i++) {
    const sex = childSex(rng);
    out.push({
      relation: sex === 'male' ? 'grandson' : 'granddaughter',
      sex,
      age,
      surname: grandFather.surname,
    });
    age = nextChildAge(rng, young.age, age);
  }
}

/** Someone living alone: young or middle-aged (men more often), or elderly (women more often). */
function single(rng: Prng, out: Member[]): void {
  const u = rng.next();
  const age = u < 0.45 ? rng.int(25, 44) : u < 0.7 ? rng.int(45, 64) : rng.int(65, 85);
  const sex: Sex = rng.chance(age >= 65 ? 0.35 : 0.55) ? 'male' : 'female';
  out.push({ relation: 'head', sex, age, surname: pickSurname(rng) });
}

/** A single parent (most often a mother) with `count` children; the absent father's surname. */
function singleParent(rng: Prng, out: Member[], count: number): void {
  const sex: Sex = rng.chance(0.3) ? 'male' : 'female';
  const head: Member = { relation: 'head', sex, age: rng.int(32, 55), surname: pickSurname(rng) };
  out.push(head);
  const fatherSurname = sex === 'male' || rng.chance(0.2) ? head.surname : pickSurname(rng);
  let age = childAge(rng, head.age);
  for (let i = 0; i < count; i++) {
    const s = childSex(rng);
    out.push({ relation: s === 'male' ? 'son' : 'daughter', sex: s, age, surname: fatherSurname });
    age = nextChildAge(rng, head.age, age);
  }
}

/** A grown child (head) living with a widowed parent. */
function withWidowedParent(rng: Prng, out: Member[]): void {
  const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
  const head: Member = { relation: 'head', sex, age: rng.int(35, 60), surname: pickSurname(rng) };
  out.push(head);
  parents(rng, out, head, undefined, 1);
}

/**
 * The members of one household of `size` people (1–6), head first. `out` is filled (and emptied first),
 * so that the caller can reuse one array.
 */
export function composeHousehold(rng: Prng, size: number, out: Member[]): Member[] {
  out.length = 0;
  const u = rng.next();
  switch (size) {
    case 1:
      single(rng, out);
      break;
    case 2:
      if (u < 0.3) couple(rng, out, rng.int(25, 39));
      else if (u < 0.7) couple(rng, out, rng.int(50, 85));
      else if (u < 0.82) singleParent(rng, out, 1);
      else withWidowedParent(rng, out);
      break;
    case 3:
      if (u < 0.78) {
        const c = couple(rng, out, rng.int(28, 55));
        children(rng, out, c.father, c.mother, 1);
      } else if (u < 0.9) {
        couple(rng, out, rng.int(30, 60));
        parents(rng, out, out[0], out[1], 1);
      } else {
        const c = couple(rng, out, rng.int(55, 80));
        children(rng, out, c.father, c.mother, 1);
      }
      break;
    case 4:
      if (u < 0.4) {
        const c = couple(rng, out, rng.int(30, 50));
        children(rng, out, c.father, c.mother, 2);
      } else if (u < 0.85) {
        const c = couple(rng, out, rng.int(30, 55));
        children(rng, out, c.father, c.mother, 1);
        parents(rng, out, out[0], out[1], 1);
      } else threeGenerations(rng, out, rng.int(55, 75), 0);
      break;
    case 5:
      if (u < 0.5) {
        const c = couple(rng, out, rng.int(30, 50));
        children(rng, out, c.father, c.mother, 1);
        parents(rng, out, out[0], out[1], 2);
      } else if (u < 0.8) {
        const c = couple(rng, out, rng.int(30, 50));
        children(rng, out, c.father, c.mother, 2);
        parents(rng, out, out[0], out[1], 1);
      } else threeGenerations(rng, out, rng.int(55, 78), 1);
      break;
    default:
      if (u < 0.5) {
        const c = couple(rng, out, rng.int(30, 50));
        children(rng, out, c.father, c.mother, 2);
        parents(rng, out, out[0], out[1], 2);
      } else threeGenerations(rng, out, rng.int(58, 80), 2);
  }
  if (out.length !== size) throw new Error(`composeHousehold made ${out.length} members for size ${size}`);
  return out;
}
