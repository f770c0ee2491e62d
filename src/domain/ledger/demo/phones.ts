// Mobile numbers for the demo residents: a real carrier prefix (China Mobile 134–139, 150–152, 157–159,
// 182–188 …; China Unicom 130–132, 155, 156, 166, 185, 186; China Telecom 133, 153, 173, 177, 180, 181,
// 189, 199) and eight random digits. Built from two cached four-digit blocks: no padding per number.

import type { Prng } from './prng';

const PREFIXES = (
  '134 135 136 137 138 139 150 151 152 157 158 159 182 183 184 187 188 198 ' +
  '130 131 132 155 156 166 175 176 185 186 133 153 173 177 180 181 189 199'
).split(' ');

const BLOCKS: readonly string[] = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0'));

/** A random mobile number of 11 digits (valid for validatePhone). Not unique: draws may repeat. */
export function pickMobile(rng: Prng): string {
  return rng.pick(PREFIXES) + BLOCKS[rng.below(10_000)] + BLOCKS[rng.below(10_000)];
}
