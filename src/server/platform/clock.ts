import { dutyNow } from '../../domain/forces/duty';
import { shanghaiDay } from '../../domain/forces/shiftPatterns';
import type { Config } from '../config';

// The platform clock: "now" and "today" as the platform lives them. A deployment lives in real time,
// today in Asia/Shanghai (DESIGN rule 7). A demonstration or a training replays a day (Config.today,
// WANGGE_TODAY; the demo city's 2020-02-05): its clock reads that day at the real time of day, as the duty
// clock does, so that what a user sees stamped (the household history, a visit, an export's title) lies
// on the day the city lives on, not on the machine's. Column defaults read the same clock in SQL
// (platform_now(), migrations/006_platform_clock.ts). The audit log keeps the true time (a record of
// security events is never replayed): see docs/architecture.md.

/** The instant the platform's clock reads. */
export function platformNow(config: Pick<Config, 'today'>, realNow: number = Date.now()): Date {
  return new Date(dutyNow(config.today, realNow));
}

/** The platform's day, 'YYYY-MM-DD' in Asia/Shanghai. */
export function platformToday(config: Pick<Config, 'today'>, realNow: number = Date.now()): string {
  return config.today ?? shanghaiDay(realNow);
}
