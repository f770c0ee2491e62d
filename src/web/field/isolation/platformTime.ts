import { replayedNow } from '../../../domain/time/clock';

// The platform's "now" on a phone without a network. The server's clock (GET /api/clock) is kept on the
// phone with the phone's own time when it was heard; a check is stamped with the platform's instant, so
// that one made offline counts for its own slot when it is sent later, and so that a demonstration that
// replays a day (WANGGE_TODAY) gets checks on that day, not on the phone's.

export interface KeptClock {
  /** the platform's day, 'YYYY-MM-DD' */
  today: string;
  /** the platform's instant (ISO) when it was asked */
  now: string;
  /** the phone's instant (ms) when the answer came */
  phoneAt: number;
}

const DAY_MS = 86_400_000;

/**
 * The platform's instant (ms) at the phone's instant `phoneNow`: the phone's time set right by the
 * difference seen when the clock was kept; a replayed day (a difference of a day or more) keeps its day
 * at the phone's time of day. Without a kept clock, the phone's time.
 */
export function platformInstant(kept: KeptClock | undefined, phoneNow: number): number {
  if (!kept) return phoneNow;
  const serverAt = Date.parse(kept.now);
  if (Number.isNaN(serverAt)) return phoneNow;
  const offset = serverAt - kept.phoneAt;
  if (Math.abs(offset) >= DAY_MS) return replayedNow(kept.today, phoneNow);
  return phoneNow + offset;
}
