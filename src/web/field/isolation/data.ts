import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_FEVER_THRESHOLD } from '../../../domain/isolation/checks';
import { cachedReference, isUnreachable, peekReference, saveReferences } from '../offline/reference';
import { useQueuedWrites } from '../offline/useQueue';
import { fieldIsolationKeys, getDueChecks, getFeverThreshold, getKeptClock } from './api';
import { CHECK_KIND, type DueRow, dueRows, queuedChecks } from './dueList';
import { platformInstant } from './platformTime';

// What the health-check screens read, each kept on the phone (offline/reference.ts) for a round
// without a network.

const THRESHOLD_KEY = 'isolation.feverThreshold';

/** The platform's clock, kept on the phone. */
export function useKeptClock() {
  return useQuery({
    queryKey: fieldIsolationKeys.clock,
    queryFn: ({ signal }) => cachedReference('isolation.clock', () => getKeptClock(signal)),
    staleTime: 10 * 60_000,
    networkMode: 'always',
  });
}

/** The platform's instant now, read again every half minute. */
export function usePlatformNow(): () => number {
  const clock = useKeptClock();
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => tick((n) => n + 1), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return () => platformInstant(clock.data, Date.now());
}

/** Today's checks due (kept on the phone), merged with the checks waiting in the queue. */
export function useDueRows(): {
  rows: DueRow[] | undefined;
  day: string | undefined;
  truncated: boolean;
  error: unknown;
  isPending: boolean;
  refetch: () => Promise<unknown>;
} {
  const query = useQuery({
    queryKey: fieldIsolationKeys.due,
    queryFn: ({ signal }) => cachedReference('isolation.due', () => getDueChecks(signal)),
    networkMode: 'always',
  });
  const writes = useQueuedWrites();
  const queued = queuedChecks(writes);
  const now = usePlatformNow();
  // a check that left the queue (sent, refused): the list is asked for again
  const waitingKey = writes
    .filter((w) => w.kind === CHECK_KIND && w.state === 'pending')
    .map((w) => w.clientId)
    .join(' ');
  const seen = useRef(waitingKey);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (seen.current === waitingKey) return;
    seen.current = waitingKey;
    void queryClient.invalidateQueries({ queryKey: fieldIsolationKeys.due });
  }, [waitingKey, queryClient]);
  return {
    rows: query.data ? dueRows(query.data, queued, now()) : undefined,
    day: query.data?.day,
    truncated: !!query.data?.truncated,
    error: query.error,
    isPending: query.isPending,
    refetch: query.refetch,
  };
}

/**
 * The deployment's fever threshold (the server's feverThresholdC), asked through a key person's page and
 * kept on the phone; without a network, the one kept, else 37.3 °C.
 */
export function useFeverThreshold(keyPersonId: string | undefined) {
  return useQuery({
    queryKey: fieldIsolationKeys.threshold(keyPersonId ?? ''),
    queryFn: async ({ signal }) => {
      try {
        const value = await getFeverThreshold(keyPersonId as string, signal);
        await saveReferences([[THRESHOLD_KEY, value]]);
        return value;
      } catch (err) {
        if (!isUnreachable(err)) throw err;
        return (await peekReference<number>(THRESHOLD_KEY)) ?? DEFAULT_FEVER_THRESHOLD;
      }
    },
    enabled: !!keyPersonId,
    staleTime: 3_600_000,
    retry: false,
    networkMode: 'always',
  });
}
