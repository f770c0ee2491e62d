// 重点地区 — the key-area list: places where a stay within the listed dates makes a resident a key person
// (重点人员) and the household red (重点关注户). A deployment keeps its own list (the command centre edits it
// as the epidemic moves); the rules in colours.ts take it as a parameter. Pure, no I/O.
//
// Places are GB/T 2260 division codes. A key area may be a province ('42'), a city ('4201') or a county
// ('420102'); six-digit codes of a province or city ('420000', '420100') are the same as their short
// forms. A place lies in an area when its code starts with the area's short code, so a stay in 武昌区
// (420106) or in one of its streets (420106001, 9 digits) lies in 武汉市 (4201).
//
// Dates are reporting days (Asia/Shanghai) written 'YYYY-MM-DD'. Such strings compare as dates, so most
// checks are plain string comparisons; the helpers below do the little arithmetic there is.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The day number (days since 1970-01-01) of a 'YYYY-MM-DD' date, or undefined if it is no real date. */
function dayNumber(date: string): number | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return Math.round(t.getTime() / MS_PER_DAY);
}

function fromDayNumber(n: number): string {
  const t = new Date(n * MS_PER_DAY);
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

/** Whether `s` is a real calendar day written 'YYYY-MM-DD' ('2020-02-30' is not). */
export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && dayNumber(s) !== undefined;
}

/** The day `days` after `date` (before, when negative): addDays('2020-03-01', -1) = '2020-02-29'. */
export function addDays(date: string, days: number): string {
  const n = dayNumber(date);
  if (n === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  return fromDayNumber(n + days);
}

/** Days from `from` to `to` (negative when `to` is earlier): daysBetween('2020-01-30', '2020-02-02') = 3. */
export function daysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${from}`);
  if (b === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${to}`);
  return b - a;
}

/** The later of two 'YYYY-MM-DD' dates. */
export function laterDate(a: string, b: string): string {
  if (a >= b) return a;
  return b;
}

/** The earlier of two 'YYYY-MM-DD' dates. */
export function earlierDate(a: string, b: string): string {
  if (a <= b) return a;
  return b;
}

/** A key area with the days it was one. */
export interface KeyArea {
  /** GB/T 2260 code of a province ('42' or '420000'), a city ('4201' or '420100') or a county ('420102') */
  code: string;
  /** its name as shown and explained to users: '武汉市' */
  name: string;
  /** first day it counts as a key area, 'YYYY-MM-DD' */
  from: string;
  /** last day it counts (inclusive); absent while it still is one */
  to?: string;
}

/**
 * The short form of a division code, the prefix that everything inside it starts with: '420000' → '42',
 * '420100' → '4201', '420102' → '420102'; 2- and 4-digit codes stay; 9-digit town and 12-digit village
 * codes stay. Undefined when it is not a division code (letters, wrong length, or a zero province).
 */
export function normaliseAreaCode(code: string): string | undefined {
  const s = code.trim();
  if (!/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(s) || s.startsWith('00')) return undefined;
  if (s.length === 6 && s.endsWith('0000')) return s.slice(0, 2);
  if (s.length === 6 && s.endsWith('00')) return s.slice(0, 4);
  if (s.length === 4 && s.endsWith('00')) return s.slice(0, 2);
  return s;
}

/**
 * Whether the place lies in the area (or is the area). A place given more coarsely than the area does
 * not lie in it: '42' (somewhere in Hubei) is not in '4201' (Wuhan). A place that is not a division
 * code (abroad, or unknown) lies in no area.
 */
export function areaContains(areaCode: string, placeCode: string): boolean {
  const area = normaliseAreaCode(areaCode);
  const place = normaliseAreaCode(placeCode);
  if (area === undefined || place === undefined) return false;
  return place.startsWith(area);
}

/** Whether a key area counts on the day. */
function activeOn(area: KeyArea, date: string): boolean {
  return area.from <= date && (area.to === undefined || date <= area.to);
}

/**
 * The key area the place lay in on the day, or undefined. When several match (湖北省 and 武汉市), the
 * most specific one (the longest code) is returned.
 */
export function findKeyArea(placeCode: string, date: string, list: readonly KeyArea[]): KeyArea | undefined {
  let best: KeyArea | undefined;
  let bestLength = -1;
  for (const area of list) {
    if (!activeOn(area, date) || !areaContains(area.code, placeCode)) continue;
    const length = normaliseAreaCode(area.code)?.length ?? 0;
    if (length > bestLength) {
      best = area;
      bestLength = length;
    }
  }
  return best;
}

/** Whether the place was in a key area of the list on the day (prefix match, the area's dates inclusive). */
export function isKeyArea(placeCode: string, date: string, list: readonly KeyArea[]): boolean {
  return findKeyArea(placeCode, date, list) !== undefined;
}

/** A stay that met a key area: which area, and the last day of the stay on which it was a key area. */
export interface KeyAreaMatch {
  area: KeyArea;
  date: string;
}

/**
 * Whether a stay at the place from `from` to `to` (inclusive) met a key area of the list on any of its
 * days. Returns the area and the last such day (the day that counts for "within the last N days"); when
 * several areas match, the latest day wins, then the most specific area.
 */
export function keyAreaDuring(
  placeCode: string,
  from: string,
  to: string,
  list: readonly KeyArea[],
): KeyAreaMatch | undefined {
  let best: KeyAreaMatch | undefined;
  let bestLength = -1;
  for (const area of list) {
    if (!areaContains(area.code, placeCode)) continue;
    const start = laterDate(from, area.from);
    const end = area.to === undefined ? to : earlierDate(area.to, to);
    if (start > end) continue;
    const length = normaliseAreaCode(area.code)?.length ?? 0;
    if (best === undefined || end > best.date || (end === best.date && length > bestLength)) {
      best = { area, date: end };
      bestLength = length;
    }
  }
  return best;
}

/** A problem with an entry of a key-area list, for the settings screen and the deployment config. */
export interface KeyAreaIssue {
  /** index of the entry in the list */
  index: number;
  field: 'code' | 'name' | 'from' | 'to';
  code: 'key_area.code' | 'key_area.name' | 'key_area.date' | 'key_area.range';
}

/**
 * Checks a key-area list: a division code of a province, city or county (2, 4 or 6 digits), a name,
 * real dates, and `to` not before `from`. An empty result means the list is good.
 */
export function validateKeyAreaList(list: readonly KeyArea[]): KeyAreaIssue[] {
  const issues: KeyAreaIssue[] = [];
  list.forEach((area, index) => {
    const code = typeof area.code === 'string' ? area.code.trim() : '';
    if (!/^(\d{2}|\d{4}|\d{6})$/.test(code) || normaliseAreaCode(code) === undefined) {
      issues.push({ index, field: 'code', code: 'key_area.code' });
    }
    if (typeof area.name !== 'string' || area.name.trim() === '') {
      issues.push({ index, field: 'name', code: 'key_area.name' });
    }
    if (!isIsoDate(area.from)) issues.push({ index, field: 'from', code: 'key_area.date' });
    if (area.to !== undefined && !isIsoDate(area.to))
      issues.push({ index, field: 'to', code: 'key_area.date' });
    else if (area.to !== undefined && isIsoDate(area.from) && area.to < area.from) {
      issues.push({ index, field: 'to', code: 'key_area.range' });
    }
  });
  return issues;
}

/**
 * DEMO DATA — a sample key-area list for the demo communities and the tests, NOT an official list. A real
 * deployment sets its own from the notices of its command centre.
 *
 * - 武汉市 (4201): the reports' key area — Guancheng district found "881 people back from Wuhan" (武汉返郑
 *   人员, source 000), Shangjie isolated residents "with a stay in Wuhan" (旅居武汉史, source 001). Until
 *   2020-04-08, the day Wuhan's outbound travel restrictions were lifted.
 * - 湖北省 (42): the rest of Hubei, until 2020-03-25, when Hubei lifted them outside Wuhan. The reports
 *   speak of key persons "from three provinces and six cities" (三省六市, source 001) without naming them;
 *   this entry stands for that kind of wider list and is illustrative.
 */
export const DEMO_KEY_AREAS: readonly KeyArea[] = [
  { code: '4201', name: '武汉市', from: '2020-01-01', to: '2020-04-08' },
  { code: '42', name: '湖北省', from: '2020-01-01', to: '2020-03-25' },
];
