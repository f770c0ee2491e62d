import { useQuery } from '@tanstack/react-query';
import { get } from './client';

/** The platform clock as the server reads it (a demonstration replays a day: WANGGE_TODAY). */
export interface PlatformClock {
  /** the platform's day, 'YYYY-MM-DD' in Asia/Shanghai */
  today: string;
  /** the platform's instant (ISO): the replayed day at the real time of day, or the real time */
  now: string;
}

export const getClock = (signal?: AbortSignal) => get<PlatformClock>('/api/clock', undefined, signal);

/** The platform's day, for the screens of every module (the ledger's day endpoint reads the same clock). */
export function usePlatformClock() {
  return useQuery({
    queryKey: ['platform', 'clock'],
    queryFn: ({ signal }) => getClock(signal),
    staleTime: 10 * 60_000,
  });
}
