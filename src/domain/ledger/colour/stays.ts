import type { TravelStay } from './facts';

/**
 * A stay as the ledger keeps it. A stay given without its first day (the resident could not say when)
 * is kept, never dropped: it is marked with what was said (默认 日期不详) and the day it was recorded, so
 * that the rules count it through the window up to that day (see TravelStay).
 */
export function stayAsRecorded(s: TravelStay, today: string): TravelStay {
  if (s.from !== undefined) return s;
  return { ...s, undated: s.undated ?? 'unknown', recordedOn: s.recordedOn ?? today };
}
