import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ledgerKeys } from '../../../http/ledger';
import { useServerEvents } from '../../../shell/useServerEvents';

const TYPES = ['ledger.changed', 'screening.visit', 'screening.created'] as const;

/**
 * Live counts and progress: when the server says a household changed or a door was visited somewhere in
 * the user's scope, the ledger's queries are refreshed (once per burst of events).
 */
export function useLedgerLive(delayMs = 1500): void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useServerEvents(TYPES, () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void queryClient.invalidateQueries({ queryKey: ledgerKeys.all });
    }, delayMs);
  });
}
