// 居民身份证号码 — the 18-character citizen identification number of GB 11643-1999:
//   6-digit address code 地址码 (the county where first registered) + 8-digit birth date 出生日期码 (YYYYMMDD)
//   + 3-digit sequence 顺序码 (odd for men, even for women) + 1 check character 校验码 (ISO 7064 MOD 11-2).
// Pure functions, no I/O. The first-generation 15-digit numbers expired in 2013 and are not accepted.

import { removeSpaces, toHalfWidth } from './text';

export type Sex = 'male' | 'female';

export type IdNumberErrorCode = 'id.length' | 'id.chars' | 'id.checksum' | 'id.birth_date' | 'id.region';

export interface IdNumberValid {
  ok: true;
  /** the normalised 18-character number */
  value: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  /** the 6-digit address code 地址码 */
  regionCode: string;
}

export interface IdNumberInvalid {
  ok: false;
  code: IdNumberErrorCode;
  /** true when the input looks like an ID that Excel stored as a number (see looksLikeExcelMangled) */
  excelMangled?: true;
}

export type IdNumberResult = IdNumberValid | IdNumberInvalid;

export interface ValidateIdNumberOptions {
  /** the day to judge "not in the future" by (its local calendar date); defaults to now */
  today?: Date;
}

/** MOD 11-2 weights 加权因子 Wi = 2^(17-i) mod 11 for positions 1..17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** The check character for each remainder 0..10 of the weighted sum. */
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/** The 31 mainland provinces and province-level units 省级行政区划代码 (GB/T 2260). */
export const MAINLAND_PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    '11 12 13 14 15', // 华北 North
    '21 22 23', // 东北 North-east
    '31 32 33 34 35 36 37', // 华东 East
    '41 42 43 44 45 46', // 中南 Centre-south
    '50 51 52 53 54', // 西南 South-west
    '61 62 63 64 65', // 西北 North-west
  ]
    .join(' ')
    .split(' '),
);

/**
 * Plausible first two digits of an 18-digit number: a mainland province, 71 Taiwan, and 81 / 82 / 83 of
 * the residence permits for Hong Kong, Macao and Taiwan residents 港澳台居民居住证. The 2023 foreigners'
 * permanent residence ID 外国人永久居留身份证 has the same 18-digit form and check, but starts with 9
 * followed by the province code of the issuing office (91…, 94…): see isPlausibleRegionCode.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...MAINLAND_PROVINCE_CODES,
  '71',
  '81',
  '82',
  '83',
]);
const MIN_BIRTH_YEAR = 1900;

/**
 * Cleans what people type or paste: trims, removes every space (including full-width and zero-width
 * ones), turns full-width digits and letters into half-width, and upper-cases the check character x → X.
 * A leading apostrophe (Excel's "store as text" marker, pasted along with the cell) is dropped too.
 */
export function normaliseIdNumber(s: string): string {
  return removeSpaces(toHalfWidth(s)).replace(/^'/, '').replace(/x/g, 'X');
}

/**
 * The MOD 11-2 check character 校验码 for the first 17 digits: the sum of digit × weight, mod 11,
 * mapped through 1 0 X 9 8 7 6 5 4 3 2. Throws a RangeError unless given exactly 17 digits.
 */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idNumberCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** A real Gregorian calendar date, year 1900 or later (the 8 digits YYYYMMDD). */
function isRealBirthDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return y >= MIN_BIRTH_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The local calendar date of `date` as YYYYMMDD, so that it compares with birth dates as a string. */
function compactLocalDate(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}${m}${d}`;
}

function dashedDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** Plausible address code: six digits that start with a province code, or 9 and a mainland province code. */
function isPlausibleRegionCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  if (code[0] === '9') return MAINLAND_PROVINCE_CODES.has(code.slice(1, 3));
  return PROVINCE_CODES.has(code.slice(0, 2));
}

/**
 * Does this look like an ID number that Excel has stored as a number? Excel keeps only 15 significant
 * digits, so an 18-digit ID typed into a General-format cell loses its last three digits (they become
 * 000, and the check digit is gone), and the cell shows it in scientific notation such as 4.10105E+17.
 * The damage cannot be undone; the sheet must be re-exported with the column formatted as text 文本.
 * True for: scientific notation with exponent 17 ('4.10105E+17', '4.1E+17', '4,10105E+17' with a decimal
 * comma), or 18 digits ending in 000 whose check digit fails (a real ID ending in 000 passes the check).
 */
export function looksLikeExcelMangled(s: string): boolean {
  const v = normaliseIdNumber(s);
  if (/^[1-9](?:[.,]\d{1,14})?E\+?17$/i.test(v)) return true;
  return /^\d{15}000$/.test(v) && idNumberCheckChar(v.slice(0, 17)) !== v[17];
}

function invalid(code: IdNumberErrorCode, input: string): IdNumberInvalid {
  return looksLikeExcelMangled(input) ? { ok: false, code, excelMangled: true } : { ok: false, code };
}

/**
 * Validates a resident ID number. Checks, in order: length 18 (id.length), 17 digits + digit-or-X
 * (id.chars), the MOD 11-2 check character (id.checksum), the birth date — a real date, 1900 or later,
 * not after `today` (id.birth_date) — and the province part of the address code (id.region).
 * The checksum comes before the date and region so that any single mistyped digit reads as id.checksum.
 */
export function validateIdNumber(s: string, options: ValidateIdNumberOptions = {}): IdNumberResult {
  const value = normaliseIdNumber(s);
  if (value.length !== 18) return invalid('id.length', s);
  if (!/^\d{17}[\dX]$/.test(value)) return invalid('id.chars', s);
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return invalid('id.checksum', s);

  const birth = value.slice(6, 14);
  const today = compactLocalDate(options.today ?? new Date());
  if (!isRealBirthDate(birth) || birth > today) return invalid('id.birth_date', s);

  const regionCode = value.slice(0, 6);
  if (!isPlausibleRegionCode(regionCode)) return invalid('id.region', s);

  return {
    ok: true,
    value,
    birthDate: dashedDate(birth),
    sex: Number(value[16]) % 2 === 1 ? 'male' : 'female',
    regionCode,
  };
}

export interface GenerateIdNumberParams {
  /** 6-digit address code, e.g. '410105' (郑州市金水区) */
  regionCode: string;
  /** 'YYYY-MM-DD' or 'YYYYMMDD' */
  birthDate: string;
  /** the 顺序码 0..999 (or its three digits); its parity decides the sex: odd male, even female */
  sequence: number | string;
}

/**
 * Builds a synthetic, well-formed ID number (for demo data and tests) with the right check character.
 * Throws a RangeError for an implausible region code, an unreal or pre-1900 date, or a bad sequence.
 */
export function generateIdNumber(params: GenerateIdNumberParams): string {
  const { regionCode, birthDate, sequence } = params;
  if (!isPlausibleRegionCode(regionCode)) throw new RangeError(`implausible region code: ${regionCode}`);
  const birth = birthDate.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1$2$3');
  if (!isRealBirthDate(birth)) throw new RangeError(`not a usable birth date: ${birthDate}`);
  const seq = typeof sequence === 'number' ? String(sequence).padStart(3, '0') : sequence;
  if (!/^\d{3}$/.test(seq)) throw new RangeError(`sequence must be 0..999 or three digits: ${sequence}`);
  const first17 = `${regionCode}${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

export interface RandomIdNumberOptions {
  /** address codes to pick from; defaults to a few district codes */
  regionCodes?: readonly string[];
  /** earliest birth date, 'YYYY-MM-DD'; default 1930-01-01 */
  birthFrom?: string;
  /** latest birth date, 'YYYY-MM-DD'; default 2020-12-31 */
  birthTo?: string;
  sex?: Sex;
}

const DEFAULT_REGION_CODES = ['410105', '410102', '410103', '110105', '310104', '420106', '440106', '510107'];
const DAY_MS = 86_400_000;

function utcDays(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/**
 * A random synthetic ID number drawn with `rng` (any () => number in [0, 1), e.g. a seeded generator,
 * so that demo data is reproducible): region from the list, birth date uniform in the range, sequence
 * of the requested sex.
 */
export function randomIdNumber(rng: () => number, options: RandomIdNumberOptions = {}): string {
  const regions = options.regionCodes ?? DEFAULT_REGION_CODES;
  const from = utcDays(options.birthFrom ?? '1930-01-01');
  const to = utcDays(options.birthTo ?? '2020-12-31');
  if (regions.length === 0 || !(from <= to))
    throw new RangeError('randomIdNumber: empty region list or date range');

  const pick = (n: number) => Math.min(n - 1, Math.floor(rng() * n));
  const regionCode = regions[pick(regions.length)];
  const birthDate = new Date((from + pick(to - from + 1)) * DAY_MS).toISOString().slice(0, 10);
  const sequence = options.sex === undefined ? pick(1000) : pick(500) * 2 + (options.sex === 'male' ? 1 : 0);
  return generateIdNumber({ regionCode, birthDate, sequence });
}

/** Characters of an ID number a mask shows: the last four, as banks show a card number. */
export const ID_MASK_VISIBLE = 4;

/**
 * Masks an ID number for lists 脱敏显示: only the last four characters stay (**************123X).
 * The first four are not shown: they name the province and city, which the household's address tells
 * anyway, and with them and the birth date the eight hidden digits could be rebuilt (issue 11).
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${'*'.repeat(id.length - ID_MASK_VISIBLE)}${id.slice(-ID_MASK_VISIBLE)}`;
}

/**
 * A mask stored by an older rule (4101**********123X, kept in a history row) as today's rule shows it:
 * every character before the last four becomes a star. A mask of eight characters or fewer stays all stars.
 */
export function remaskIdNumber(masked: string): string;
export function remaskIdNumber(masked: string | null): string | null;
export function remaskIdNumber(masked: string | null): string | null {
  if (masked === null) return null;
  if (masked.length <= 8) return '*'.repeat(masked.length);
  return `${'*'.repeat(masked.length - ID_MASK_VISIBLE)}${masked.slice(-ID_MASK_VISIBLE)}`;
}
