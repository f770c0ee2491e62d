import { ALLOWED_PARENTS, isLocalKind, LOCAL_KINDS, type LocalKind } from '../../../domain/org/units';
import type { Unit, UnitKind, UnitWithAncestors } from '../../http/types';

// Which units a community creates below itself, and where they may hang: the same table the server checks.
export type CreatedKind = LocalKind;
export { ALLOWED_PARENTS };
export const isCreatedKind = isLocalKind;

/** The kinds that may be created directly under a unit of this kind. */
export function creatableUnder(kind: UnitKind): CreatedKind[] {
  return LOCAL_KINDS.filter((k) => ALLOWED_PARENTS[k].includes(kind));
}

/** The community (社区/村) a unit belongs to: itself when it is one, else its village ancestor. */
export function communityOf(unit: UnitWithAncestors): Unit | undefined {
  if (unit.kind === 'village') return unit;
  return (unit.ancestors ?? []).find((a) => a.kind === 'village');
}

/** A grid can only hang under its community, so moving one within the community changes nothing. */
export function canMove(kind: UnitKind): boolean {
  return kind === 'courtyard' || kind === 'building';
}
