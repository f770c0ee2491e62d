// Unique synthetic ID numbers (GB 11643) for the demo residents, fast. An allocator hands out the
// sequence part 顺序码 from a counter per address code, birth date and sex, so that no number is given
// twice: 500 numbers per (address code, day, sex) — odd sequences for men, even for women, as the
// standard has it. When a day is full, the birth date moves a day earlier until one has room, and the
// caller reads the day it got. The check character is computed from weighted sums precomputed for each
// part (address code, date, sequence): one addition and a modulo per number, no digit loop.

import { generateIdNumber, type Sex } from '../../validators/idNumber';
import { compactOf, DAY_RANGE } from './days';

/** MOD 11-2 weights of positions 1–17 (GB 11643). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/** Weighted sum of `digits` placed at `position` (0-based) of the number. */
function weightedSum(digits: string, position: number): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 48) * WEIGHTS[position + i];
  return sum;
}

/** The three-digit sequences '000'..'999' and their weighted sums (positions 15–17). */
const SEQUENCE_TEXT: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const SEQUENCE_SUM = Int32Array.from(SEQUENCE_TEXT, (s) => weightedSum(s, 14));

const DAYS = DAY_RANGE.max - DAY_RANGE.min + 1;
/** Weighted sums of the birth dates (positions 7–14), filled as days are first used; -1 = not yet. */
const dateSum = new Int32Array(DAYS).fill(-1);

/** Numbers per address code, day and sex: the 500 odd or the 500 even sequences. */
export const NUMBERS_PER_DAY_AND_SEX = 500;
/** How many days earlier the allocator looks for room before it gives up. */
const MAX_SHIFT_DAYS = 3660;

/** The numbers of one address code. */
export class RegionIdNumbers {
  readonly regionCode: string;
  /** the day the last number was given for (the birth date asked for, or an earlier one when full) */
  lastDay = 0;
  private readonly regionSum: number;
  private readonly salt: number;
  /** numbers given per (day, sex): index 2 × (day − first day) + (male ? 1 : 0) */
  private readonly used = new Uint16Array(DAYS * 2);

  constructor(regionCode: string) {
    // the validator's own checks (plausible province, six digits), once per address code
    generateIdNumber({ regionCode, birthDate: '2000-01-01', sequence: 0 });
    this.regionCode = regionCode;
    this.regionSum = weightedSum(regionCode, 0);
    this.salt = Number(regionCode) % 499;
  }

  /**
   * A number never given before by this allocator for the address code, with the birth date `day` (a day
   * number) or, when that day's 500 numbers of the sex are taken, the nearest earlier day with room; the
   * day used is in `lastDay`. Throws a RangeError when the day lies outside 1900–2100 or ten years of days
   * before it are all full.
   */
  next(day: number, sex: Sex): string {
    const male = sex === 'male' ? 1 : 0;
    let i = day - DAY_RANGE.min;
    if (!(i >= 0 && i < DAYS)) throw new RangeError(`birth day out of 1900–2100: ${day}`);
    const lowest = Math.max(0, i - MAX_SHIFT_DAYS);
    while (this.used[2 * i + male] >= NUMBERS_PER_DAY_AND_SEX) {
      if (--i < lowest) throw new RangeError(`no ID number left near day ${day} for ${this.regionCode}`);
    }
    const n = this.used[2 * i + male]++;
    // a permutation of the 500 slots (193 is prime to 500), different per day and address code, so that
    // the first person born on a day is not always 001
    const sequence = 2 * ((n * 193 + i * 7 + this.salt) % NUMBERS_PER_DAY_AND_SEX) + male;
    const d = i + DAY_RANGE.min;
    const date = compactOf(d);
    let ds = dateSum[i];
    if (ds < 0) {
      ds = weightedSum(date, 6);
      dateSum[i] = ds;
    }
    this.lastDay = d;
    const check = CHECK_CHARS[(this.regionSum + ds + SEQUENCE_SUM[sequence]) % 11];
    return this.regionCode + date + SEQUENCE_TEXT[sequence] + check;
  }
}

/**
 * Hands out unique ID numbers per address code. Share one allocator between generator runs that may
 * use the same address codes (several communities of one district), so that their numbers never clash.
 */
export class IdNumberAllocator {
  private readonly regions = new Map<string, RegionIdNumbers>();

  /** The numbers of an address code (made on first use; a RangeError for an implausible code). */
  region(regionCode: string): RegionIdNumbers {
    let r = this.regions.get(regionCode);
    if (r === undefined) {
      r = new RegionIdNumbers(regionCode);
      this.regions.set(regionCode, r);
    }
    return r;
  }
}
