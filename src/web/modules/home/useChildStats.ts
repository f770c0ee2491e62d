import { useChildren } from '../../http/org';
import type { UnitKind } from '../../http/types';

export const STATS_LIMIT = 100;

/** Counts over the first page of a unit's children: how many of each kind, and their own children. */
export function useChildStats(code: string | undefined) {
  const query = useChildren(code, null, STATS_LIMIT);
  const items = query.data?.items ?? [];
  const byKind = new Map<UnitKind, number>();
  let grandchildren = 0;
  for (const u of items) {
    byKind.set(u.kind, (byKind.get(u.kind) ?? 0) + 1);
    grandchildren += u.childCount ?? 0;
  }
  return { ...query, byKind, grandchildren, partial: !!query.data?.next };
}
