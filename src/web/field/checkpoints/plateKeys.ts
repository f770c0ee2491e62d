import { PLATE_PROVINCE_ABBRS } from '../../../domain/validators/plate';

// The plate keyboard's keys: the province characters first (豫 first, this being Henan), then letters and
// digits, then the characters of special plates. Pure, so that the order is tested without a browser.

/** the deployment's own province first; the rest in GB/T 2260 order */
export function provinceKeys(home = '豫'): string[] {
  const all = [...PLATE_PROVINCE_ABBRS];
  return all.includes(home) ? [home, ...all.filter((c) => c !== home)] : all;
}

export const DIGIT_KEYS = '1234567890'.split('');
/** the serial letters in keyboard order (I and O are never used on plates: they read as 1 and 0) */
export const LETTER_ROWS = ['QWERTYUP', 'ASDFGHJKL', 'ZXCVBNM'].map((r) => r.split(''));
/** 挂 trailer, 使 embassy, 领 consulate, 港/澳 cross-border, 警 police, 学 coach car */
export const SPECIAL_KEYS = ['挂', '使', '领', '港', '澳', '警', '学'];

/** a plate is at most 8 characters (new-energy plates); anything typed beyond is not taken */
export const PLATE_MAX = 8;

/** the plate after a key: a character appended (up to 8) or the last one removed */
export function pressKey(plate: string, key: string): string {
  if (key === 'back') return [...plate].slice(0, -1).join('');
  if ([...plate].length >= PLATE_MAX) return plate;
  return plate + key;
}

/** which keys to offer: the provinces until the first character is typed, then letters and digits */
export function keyboardMode(plate: string): 'province' | 'serial' {
  return plate.length === 0 ? 'province' : 'serial';
}
