import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { CARE_CHANGED, careKeys } from '../../http/care';
import { useServerEvents } from '../../shell/useServerEvents';

const TYPES = [CARE_CHANGED] as const;

/**
 * Live board: when the server says a request changed somewhere in the user's scope (a household asked
 * through its link, a volunteer took or delivered one), the care queries are refreshed, once per burst.
 */
export function useCareLive(delayMs = 500): void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useServerEvents(TYPES, () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void queryClient.invalidateQueries({ queryKey: careKeys.all });
    }, delayMs);
  });
}
