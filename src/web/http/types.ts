import type { Role } from '../../domain/access/roles';
import type { FacilityKind, UnitKind } from '../../domain/org/units';

// The shapes the server answers with (docs/api.md).

export { FACILITY_KINDS, type FacilityKind, UNIT_KINDS, type UnitKind } from '../../domain/org/units';

export interface Unit {
  code: string;
  name: string;
  officialName?: string | null;
  kind: UnitKind;
  path: string;
  depth: number;
  parentCode: string | null;
  regionCode?: string | null;
  childCount: number;
}

export interface UnitWithAncestors extends Unit {
  ancestors: Unit[];
}

/** A search hit: the unit and the names of its ancestors (root first). */
export interface UnitSearchHit extends Unit {
  trail: string[] | string;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface Facility {
  id: string | number;
  unitCode: string;
  unitName?: string;
  kind: FacilityKind | string;
  name: string;
  address?: string | null;
}

/** A grant as the server returns it; `unit` may be a full Unit or just `{ code, name }`. */
export interface Grant {
  id: string | number;
  role: Role | string;
  unit: (Pick<Unit, 'code' | 'name'> & Partial<Unit>) | null;
}

export interface Me {
  id: string | number;
  username: string;
  displayName: string;
  locale?: string;
  homeUnit?: Unit | null;
  grants: Grant[];
  permissions: string[];
  units: Unit[];
}

export interface User {
  id: string | number;
  username: string;
  displayName: string;
  homeUnit?: (Pick<Unit, 'code' | 'name'> & Partial<Unit>) | null;
  phoneMasked?: string | null;
  disabled: boolean;
  grants?: Grant[];
}

export interface RoleInfo {
  role: Role | string;
  zh: string;
  en: string;
  permissions: string[];
  mayGrant?: string[];
}

export interface AuditEntry {
  id: string | number;
  at: string;
  userId?: string | number | null;
  username?: string | null;
  action: string;
  unitPath?: string | null;
  target?: string | null;
  detail?: unknown;
  ip?: string | null;
  /** the actor's display name, when the reader may see the actor */
  actorName?: string | null;
  /** the name of the unit the entry is about */
  unitName?: string | null;
  /** names of what the entry refers to: { 'user:10': '李娜', 'unit:410105002008': '省民航社区' } */
  names?: Record<string, string>;
}

/** Some lists may come back as a bare array or as `{ items }`; read both. */
export function itemsOf<T>(data: T[] | { items: T[] } | undefined | null): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : (data.items ?? []);
}

export function trailText(trail: string[] | string | undefined | null): string {
  if (!trail) return '';
  return Array.isArray(trail) ? trail.join(' / ') : trail;
}
