import { replayedDay, replayedNow } from '../../domain/time/clock';
import type { Config } from '../config';

// The platform clock: "now" and "today" as the platform lives them, the one clock every module asks (the
// ledger's day, forces' dates and duty clock, and the modules to come: checkpoints, isolation, testing,
// daily reports). A deployment lives in real time, today in Asia/Shanghai (DESIGN rule 7). A
// demonstration or a training replays a day (Config.today, WANGGE_TODAY; the demo city's 2020-02-05): its
// clock reads that day at the real time of day (domain/time/clock.ts), so that what a user sees stamped
// (the household history, a visit, a check-in, an export's title) lies on the day the city lives on, not
// on the machine's. Column defaults read the same clock in SQL (platform_now(),
// migrations/006_platform_clock.ts). The web is told the day by GET /api/clock. The audit log keeps the
// true time (a record of security events is never replayed): see docs/architecture.md.

/** The instant the platform's clock reads. */
export function platformNow(config: Pick<Config, 'today'>, realNow: number = Date.now()): Date {
  return new Date(replayedNow(config.today, realNow));
}

/** The platform's day, 'YYYY-MM-DD' in Asia/Shanghai. */
export function platformToday(config: Pick<Config, 'today'>, realNow: number = Date.now()): string {
  return replayedDay(config.today, realNow);
}
