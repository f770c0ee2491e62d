import { useInfiniteQuery } from '@tanstack/react-query';
import { get } from './client';
import type { AuditEntry, Page } from './types';

export const listAudit = (
  params: { action?: string; after?: string | null; limit?: number },
  signal?: AbortSignal,
) => get<Page<AuditEntry>>('/api/audit', params, signal);

/** Audit entries, newest first, loaded page by page ("load more"). */
export function useAudit(action: string | undefined, limit = 50) {
  return useInfiniteQuery({
    queryKey: ['audit', action ?? ''],
    queryFn: ({ pageParam, signal }) => listAudit({ action, after: pageParam, limit }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
