import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ISOLATION_CHANGED, isolationKeys } from '../../http/isolation';
import { useServerEvents } from '../../shell/useServerEvents';

const TYPES = [ISOLATION_CHANGED] as const;

/**
 * Live lists: when the server says a key person, a check or a transfer changed somewhere in the user's
 * scope, the isolation queries are refreshed (once per burst of events).
 */
export function useIsolationLive(delayMs = 500): void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useServerEvents(TYPES, () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void queryClient.invalidateQueries({ queryKey: isolationKeys.all });
    }, delayMs);
  });
}
