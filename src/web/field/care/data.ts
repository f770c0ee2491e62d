import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { careKeys, getCareTasks } from '../../http/care';
import { cachedReference } from '../offline/reference';
import { useQueuedWrites } from '../offline/useQueue';
import { DELIVER_KIND, TAKE_KIND, type TaskRow, taskRows } from './tasks';

/**
 * The volunteer's tasks and the open requests (kept on the phone for a round without a network), with
 * the takes and deliveries waiting in the queue; asked again whenever one of those leaves the queue.
 */
export function useCareTasks(): {
  mine: TaskRow[] | undefined;
  open: TaskRow[] | undefined;
  day: string | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => Promise<unknown>;
} {
  const query = useQuery({
    queryKey: careKeys.tasks,
    queryFn: ({ signal }) => cachedReference('care.tasks', () => getCareTasks(signal)),
    networkMode: 'always',
    refetchInterval: 60_000,
  });
  const writes = useQueuedWrites();
  const waitingKey = writes
    .filter((w) => (w.kind === TAKE_KIND || w.kind === DELIVER_KIND) && w.state === 'pending')
    .map((w) => w.clientId)
    .join(' ');
  const seen = useRef(waitingKey);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (seen.current === waitingKey) return;
    seen.current = waitingKey;
    void queryClient.invalidateQueries({ queryKey: careKeys.tasks });
  }, [waitingKey, queryClient]);
  const rows = query.data ? taskRows(query.data, writes) : undefined;
  return {
    mine: rows?.mine,
    open: rows?.open,
    day: query.data?.day,
    error: query.error,
    isPending: query.isPending,
    refetch: query.refetch,
  };
}
