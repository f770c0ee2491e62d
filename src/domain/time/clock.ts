import { DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDay, shanghaiDayStart } from './shanghai';

// The rule of the platform clock, shared by the server (server/platform/clock.ts, which every module
// asks) and the web (which is told the replayed day by GET /api/clock). A deployment lives in real time.
// A demonstration or a training replays a day (WANGGE_TODAY; the demo city's 2020-02-05): its clock
// reads that day at the real time of day in Asia/Shanghai, so that shifts open and close while one
// watches and what is stamped lies on the day the city lives on. Pure.

/** The instant (epoch ms) the clock reads: the replayed day at the real time of day, or the real time. */
export function replayedNow(replayDay: string | undefined, realNow: number = Date.now()): number {
  if (!replayDay) return realNow;
  const timeOfDay = (((realNow + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return shanghaiDayStart(replayDay) + timeOfDay;
}

/** The day 'YYYY-MM-DD' the clock reads: the replayed day, or today in Asia/Shanghai. */
export function replayedDay(replayDay: string | undefined, realNow: number = Date.now()): string {
  return replayDay ?? shanghaiDay(realNow);
}
