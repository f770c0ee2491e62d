import type { Unit } from '../http/types';

/** Whether `unit` lies in the subtree of `root` (materialised paths, DESIGN rule 1). */
export function isWithin(unit: Pick<Unit, 'path'>, root: Pick<Unit, 'path'>): boolean {
  return unit.path === root.path || unit.path.startsWith(`${root.path}.`);
}

/** A safe in-app redirect target from a `next` query parameter. */
export function safeNext(next: string | null, fallback: string): string {
  if (!next?.startsWith('/') || next.startsWith('//')) return fallback;
  return next;
}
