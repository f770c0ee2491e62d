// Days as numbers for the demo generator: the day number (days since 1970-01-01) of a date, and back to
// 'YYYY-MM-DD'. The generator does its date arithmetic on numbers and turns a day into text through a
// cache, because it writes tens of millions of birth dates: no Date object, no padStart, per resident.

const MIN_DAY = -25_567; // 1900-01-01, the earliest birth date an ID number takes
const MAX_DAY = 47_846; // 2100-12-31
const SPAN = MAX_DAY - MIN_DAY + 1;

/** The first and last day the demo's dates may take (1900-01-01 .. 2100-12-31). */
export const DAY_RANGE = { min: MIN_DAY, max: MAX_DAY } as const;

/** Year, month (1–12) and day (1–31) of a day number (proleptic Gregorian; H. Hinnant's civil_from_days). */
export function civilFromDays(day: number): [year: number, month: number, dayOfMonth: number] {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** The day number of a year, month and day (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, dayOfMonth: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a 'YYYY-MM-DD' date in 1900–2100; a RangeError for anything else. */
export function dayOf(date: string): number {
  const m = ISO.exec(date);
  if (m) {
    const day = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
    const [y, mo, d] = civilFromDays(day);
    if (y === Number(m[1]) && mo === Number(m[2]) && d === Number(m[3]) && day >= MIN_DAY && day <= MAX_DAY) {
      return day;
    }
  }
  throw new RangeError(`not a YYYY-MM-DD date in 1900–2100: ${date}`);
}

// packed arrays ('' = not yet made): a sparse `new Array(n)` this long would fall back to slow elements
const isoCache: string[] = new Array<string>(SPAN).fill('');
const compactCache: string[] = new Array<string>(SPAN).fill('');
const yearCache = new Int16Array(SPAN);

function fill(i: number): void {
  const [y, m, d] = civilFromDays(i + MIN_DAY);
  const mm = m < 10 ? `0${m}` : `${m}`;
  const dd = d < 10 ? `0${d}` : `${d}`;
  isoCache[i] = `${y}-${mm}-${dd}`;
  compactCache[i] = `${y}${mm}${dd}`;
  yearCache[i] = y;
}

function indexOf(day: number): number {
  const i = day - MIN_DAY;
  if (!(i >= 0 && i < SPAN && Number.isInteger(day))) throw new RangeError(`day out of 1900–2100: ${day}`);
  if (isoCache[i] === '') fill(i);
  return i;
}

/** 'YYYY-MM-DD' of a day number in 1900–2100 (cached: the same string each time). */
export function isoOf(day: number): string {
  return isoCache[indexOf(day)];
}

/** 'YYYYMMDD' of a day number in 1900–2100, as in an ID number (cached). */
export function compactOf(day: number): string {
  return compactCache[indexOf(day)];
}

/** The year of a day number in 1900–2100. */
export function yearOf(day: number): number {
  return yearCache[indexOf(day)];
}
