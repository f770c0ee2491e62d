// 电话号码 — mainland China phone numbers: mobiles 手机号 (11 digits, 1[3-9]xxxxxxxxx) and landlines
// 固定电话 (trunk 0 + area code 区号, then a 7- or 8-digit local number). Pure functions, no I/O.
//
// Area codes are self-delimiting: 010 and 02x (Beijing, Shanghai, Tianjin, Chongqing, Guangzhou, …) are
// three characters with the 0, every other area code (03x..09x) is four, so a landline written without
// a separator ('037112345678') still splits one way only.

import { toHalfWidth } from './text';

export type PhoneKind = 'mobile' | 'landline';

export type PhoneResult = { ok: true; value: string; kind: PhoneKind } | { ok: false; code: 'phone.format' };

const MOBILE = /^1[3-9]\d{9}$/;
/** area code (with the trunk 0) then a local number that starts 2-9 (1x are service numbers) */
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))([2-9]\d{6,7})$/;
/** spaces and the separators people put between digit groups: dashes, parentheses, dots */
const SEPARATORS = /[\s\u200b-\u200d\u2060\ufeff\-\u2010-\u2015\u2212().]/g;

/** Strips the country code +86 / 0086 / 86; an international landline gets its trunk 0 back. */
function stripCountryCode(digits: string): string {
  const intl = /^(?:\+86|0086)(.*)$/.exec(digits);
  if (intl) {
    const rest = intl[1];
    return MOBILE.test(rest) || rest.startsWith('0') ? rest : `0${rest}`;
  }
  // a bare 86 prefix only when what follows is clearly a mobile number
  if (/^861[3-9]\d{9}$/.test(digits)) return digits.slice(2);
  return digits;
}

/**
 * Cleans a phone number: full-width → half-width digits, removes spaces, dashes, parentheses and dots,
 * and the country code (+86, 0086, or 86 before a mobile). '+86 138-1234-5678' → '13812345678';
 * '(0371) 1234 5678' → '037112345678'; '+86 10 12345678' → '01012345678'.
 */
export function normalisePhone(s: string): string {
  return stripCountryCode(toHalfWidth(s).replace(SEPARATORS, ''));
}

/**
 * Validates a phone number. The value is canonical: 11 digits for a mobile, 'area-local' for a
 * landline ('0371-12345678'), so that the same number always stores (and hashes) the same way.
 */
export function validatePhone(s: string): PhoneResult {
  const digits = normalisePhone(s);
  if (MOBILE.test(digits)) return { ok: true, value: digits, kind: 'mobile' };
  const landline = LANDLINE.exec(digits);
  if (landline) return { ok: true, value: `${landline[1]}-${landline[2]}`, kind: 'landline' };
  return { ok: false, code: 'phone.format' };
}

function maskAllButLast4(s: string): string {
  return s.length <= 4 ? '*'.repeat(s.length) : '*'.repeat(s.length - 4) + s.slice(-4);
}

/**
 * Masks a phone number for lists 脱敏显示: a mobile keeps its first 3 and last 4 digits
 * ('13812345678' → '138****5678'); a landline keeps its area code and last 4 digits
 * ('0371-12345678' → '0371-****5678'); anything else keeps only its last 4 characters.
 */
export function maskPhone(s: string): string {
  const result = validatePhone(s);
  if (!result.ok) return maskAllButLast4(normalisePhone(s));
  if (result.kind === 'mobile') return `${result.value.slice(0, 3)}****${result.value.slice(7)}`;
  const [area, local] = result.value.split('-');
  return `${area}-${maskAllButLast4(local)}`;
}
