// Per-cell clean-up for the ledger importer: what a spreadsheet cell holds (a string typed or pasted, a
// number Excel made of digits, a date, ExcelJS's rich text, formula and hyperlink objects) turned into
// plain, canonical text. Pure, no I/O.

import { normaliseIdNumber } from '../validators/idNumber';
import { removeSpaces, toHalfWidth } from '../validators/text';

const DAY_MS = 86_400_000;
/** white space and the invisible characters copied along from web pages, Word or WeChat */
const SPACE_LIKE = /[\s\u200b-\u200d\u2060\ufeff]+/g;
const EDGE_SPACES = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g;
/** one CJK character (the ranges Chinese names and words use) */
const CJK = '[\\u2e80-\\u2fdf\\u3005\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=${CJK})\\s+(?=${CJK})`, 'g');
/** the dots written between the parts of a transliterated name (买买提·艾力): · • ・ ‧ ∙ ⋅ . */
const NAME_DOT = new RegExp(`(?<=${CJK})\\s*[·•・‧∙⋅.]\\s*(?=${CJK})`, 'g');
/** dashes people type between digit groups of a door number: - ‐ ‑ ‒ – — ― − */
const DASHES = /[\u2010-\u2015\u2212]/g;

/** zero-width characters String.prototype.trim leaves */
function isZeroWidth(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060;
}

/**
 * C0 control characters other than tab, line feed and carriage return, DEL, and halves of surrogate
 * pairs: nothing a person typed (a sheet gets them from _x0000_ or &#1; in its XML, or from binary
 * pasted in), and PostgreSQL refuses NUL in text. They are dropped from every cell; the API refuses
 * them instead (platform/inputText.ts), since there a client can be told.
 */
const UNFIT_SOURCE =
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const HAS_UNFIT = new RegExp(UNFIT_SOURCE);
const UNFIT = new RegExp(UNFIT_SOURCE, 'g');

function trimAll(raw: string): string {
  const s = HAS_UNFIT.test(raw) ? raw.replace(UNFIT, '') : raw;
  const t = s.trim();
  return t !== '' && (isZeroWidth(t.charCodeAt(0)) || isZeroWidth(t.charCodeAt(t.length - 1)))
    ? t.replace(EDGE_SPACES, '')
    : t;
}

const FULL_WIDTH = /[\u3000\uff01-\uff5e]/;

/** toHalfWidth, without building a new string when there is nothing to change (most cells) */
function halfWidth(s: string): string {
  return FULL_WIDTH.test(s) ? toHalfWidth(s) : s;
}

/**
 * A number as text, as the user typed it: integers in full (13812345678, not 1.3812345678e10), other
 * numbers rounded to Excel's 15 significant digits so that 0.1 + 0.2 reads 0.3.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return String(Number(n.toPrecision(15)));
}

/**
 * The calendar date a Date stands for, 'YYYY-MM-DD'. ExcelJS gives a date cell as UTC midnight of the
 * date shown in Excel (and a date-time as its wall-clock time in UTC), so the UTC date is read; a Date
 * made at local midnight (new Date(1980, 0, 1)) reads as its local date. Undefined for an invalid Date.
 */
export function dateText(d: Date): string | undefined {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return undefined;
  const utcMidnight = ms % DAY_MS === 0;
  const localMidnight = d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0;
  const [y, m, day] =
    !utcMidnight && localMidnight
      ? [d.getFullYear(), d.getMonth() + 1, d.getDate()]
      : [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  if (y < 1 || y > 9999) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * The text of a cell, trimmed: strings as they are, numbers in full (numberText), booleans TRUE/FALSE,
 * dates 'YYYY-MM-DD', and the objects ExcelJS gives for rich text ({ richText: [{ text }] }),
 * hyperlinks ({ text, hyperlink }), formulas ({ formula, result }) and errors ({ error: '#N/A' } → '').
 * '' for null, undefined and anything else unreadable.
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return trimAll(v);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v) ?? '';
  if (isRecord(v)) {
    if (Array.isArray(v.richText))
      return trimAll(v.richText.map((part) => (isRecord(part) ? cellText(part.text) : '')).join(''));
    if ('error' in v) return '';
    if ('result' in v || 'formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
  }
  return '';
}

/** Whether a cell holds nothing (only spaces, an empty string, null, a formula with no result …). */
export function isBlankCell(v: unknown): boolean {
  return cellText(v) === '';
}

/**
 * Free text as the office typed it (names, work units, notes): only the spaces and invisible characters
 * at its ends go. Its punctuation (，not ,), full-width forms and inner spaces are the user's and stay:
 * only ID numbers, phones and codes are normalised.
 */
export function freeText(v: unknown): string {
  return cellText(v);
}

/**
 * A word matched against a vocabulary (sex, ID type, relation, colour, marker words): half-width ASCII,
 * runs of white space and line breaks as one space, no space between two Chinese characters
 * (工作 单位 → 工作单位), trimmed. Never stored in place of what the user typed.
 */
export function normaliseText(v: unknown): string {
  return trimAll(halfWidth(cellText(v)).replace(SPACE_LIKE, ' ')).replace(SPACE_BETWEEN_CJK, '');
}

/**
 * A person's name as compared (a placeholder word such as 空户, two rows of one person): normaliseText,
 * and the dot of a transliterated name written one way (买买提.艾力, 买买提 • 艾力 → 买买提·艾力). Spaces
 * padding a two-character name (张  三) go; a Latin name keeps its single spaces (John Smith). The name
 * stored is the one typed (freeText).
 */
export function normaliseName(v: unknown): string {
  return normaliseText(v).replace(NAME_DOT, '·');
}

/**
 * A code-like cell (building, unit, door number): half-width, no spaces at all, dashes as '-', letters
 * upper-case ('３ 号楼' → '3号楼', '1 – 101' → '1-101', '2a' → '2A'). A door number that Excel turned
 * into a date as it was typed ('3-12' became 12 March) is given back as month-day: '3-12'.
 */
export function normaliseCode(v: unknown): string {
  if (v instanceof Date) {
    const d = dateText(v);
    if (!d) return '';
    return `${Number(d.slice(5, 7))}-${Number(d.slice(8, 10))}`;
  }
  return removeSpaces(halfWidth(cellText(v)))
    .replace(DASHES, '-')
    .toUpperCase();
}

/**
 * An ID-number cell as text, canonical for a readable number: half-width, no spaces, X upper-case, and
 * no quote mark around it (Excel's ' text marker, or the ‘ ’ a Chinese input method types instead).
 * A JS number is written out in full; whether it was damaged is for validateRow to judge.
 */
export function normaliseIdCell(v: unknown): string {
  return normaliseIdNumber(removeSpaces(halfWidth(cellText(v))).replace(/^['‘’`´"“”]+|['‘’`´"“”]+$/g, ''));
}

// ---------------------------------------------------------------------------------------------------
// Dates

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (!(y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1)) return false;
  const days = m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d <= days;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Excel's largest date serial (9999-12-31). */
const MAX_SERIAL = 2_958_465;

/**
 * An Excel date serial number (1900 date system) as 'YYYY-MM-DD': 1 is 1900-01-01, 61 is 1900-03-01;
 * 60 is Excel's 29 February 1900, a day that never was (undefined). The time part is ignored.
 */
export function excelSerialDate(serial: number): string | undefined {
  const day = Math.floor(serial);
  if (!(day >= 1 && day <= MAX_SERIAL) || day === 60) return undefined;
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * DAY_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, with an optional time after it */
const FULL_DATE =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH = /^(\d{4})[-/.年](\d{1,2})月?$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;

function dateFromText(text: string): string | undefined {
  const full = FULL_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (full) {
    const [y, m, d] = [Number(full[1]), Number(full[2]), Number(full[3])];
    return isRealDate(y, m, d) ? `${full[1]}-${pad2(m)}-${pad2(d)}` : undefined;
  }
  const month = MONTH.exec(text) ?? COMPACT_MONTH.exec(text);
  if (month) {
    const m = Number(month[2]);
    return isRealDate(Number(month[1]), m, 1) ? `${month[1]}-${pad2(m)}` : undefined;
  }
  return undefined;
}

/**
 * A date cell as 'YYYY-MM-DD' — or 'YYYY-MM' when the sheet gives only a month (出生年月: '1980.01',
 * '198001', '1980年1月'). Reads a JS Date (see dateText), an Excel serial number (a date cell whose
 * format was lost: 29221 → 1980-01-01), digits (19800101, '19800101'), and text in the usual Chinese
 * forms, full-width included ('1980-1-1', '1980/01/01', '1980.1.1', '1980年1月1日'). A number that would
 * be a serial past the year 2100 is read as its digits instead (198001 → 1980-01). Undefined for a blank
 * cell and for anything that is not a real calendar date.
 */
export function normaliseDate(v: unknown): string | undefined {
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'number') {
    const serial = excelSerialDate(v);
    if (serial && serial < '2101') return serial;
    return Number.isInteger(v) ? dateFromText(String(v)) : undefined;
  }
  const text = halfWidth(cellText(v)).replace(SPACE_LIKE, ' ').trim();
  if (text === '') return undefined;
  return dateFromText(text.replace(/\s*([-/.年月日])\s*/g, '$1'));
}
