// Days and instants in Asia/Shanghai (DESIGN rule 7), for every module: the reporting day, shifts,
// the platform clock. Asia/Shanghai has kept UTC+8 without daylight saving since 1991: plain arithmetic
// with a fixed offset is exact, so no date library is needed. Pure; instants are epoch ms, days
// 'YYYY-MM-DD'.

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms of 00:00 Asia/Shanghai on a day 'YYYY-MM-DD'; throws RangeError on a malformed or impossible day. */
export function shanghaiDayStart(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(utc).toISOString().slice(0, 10) !== day) throw new RangeError(`no such day: ${day}`);
  return utc - SHANGHAI_OFFSET_MS;
}

/** The day 'YYYY-MM-DD' in Asia/Shanghai of an instant (epoch ms). */
export function shanghaiDay(t: number): string {
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 in Asia/Shanghai of an instant: whole days compare and subtract simply. */
export function shanghaiDayNumber(t: number): number {
  return Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The ISO weekday (1 Monday … 7 Sunday) in Asia/Shanghai of an instant. */
export function shanghaiWeekday(t: number): number {
  // 1970-01-01 was a Thursday (4)
  return ((((shanghaiDayNumber(t) + 3) % 7) + 7) % 7) + 1;
}
