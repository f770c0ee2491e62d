import { type RawBuilder, sql } from 'kysely';
import type { Permission, Role } from '../../domain/access/roles';
import { ROLE_DEFINITIONS } from '../../domain/access/roles';
import { isWithin } from '../../domain/org/units';
import { notFound } from './errors';

// The scope helper (DESIGN rule 1): what a user may see and change is the subtrees of the units their
// roles are granted on. Every place-bound query filters through `where`, every object through `check`.

export interface Grant {
  id: string;
  role: Role;
  unitId: string;
  unitPath: string;
}

/**
 * A SQL condition: the path in `column` lies in the subtree of `root` (the root itself included).
 * Labels are digits and capital letters, all above '/', and '.' (0x2E) is the only separator just below
 * it, so the subtree is exactly the byte-wise range [root, root || '/'): one btree range scan that
 * also serves ORDER BY path.
 */
export function inSubtree(column: string, root: string): RawBuilder<boolean> {
  const ref = sql.ref(column);
  return sql<boolean>`(${ref} >= ${root} AND ${ref} < ${`${root}/`})`;
}

export class Scope {
  constructor(readonly grants: readonly Grant[]) {}

  /** The smallest set of subtree roots in which the user holds a permission. */
  roots(permission: Permission): string[] {
    const paths = this.grants
      .filter((g) => ROLE_DEFINITIONS[g.role].permissions.includes(permission))
      .map((g) => g.unitPath)
      .sort();
    return paths.filter((p, i) => !paths.slice(0, i).some((q) => isWithin(p, q)));
  }

  /** Whether the user holds the permission anywhere. */
  can(permission: Permission): boolean {
    return this.roots(permission).length > 0;
  }

  /** Whether the permission holds at a path. */
  allows(permission: Permission, path: string): boolean {
    return this.roots(permission).some((r) => isWithin(path, r));
  }

  /** Throws not_found (never forbidden: no existence leak) when the path lies outside the scope. */
  check(permission: Permission, path: string | undefined | null): string {
    if (!path || !this.allows(permission, path)) throw notFound();
    return path;
  }

  /** A SQL condition: `column` (a materialised path) lies in the permission's subtrees. One btree range each. */
  where(column: string, permission: Permission): RawBuilder<boolean> {
    const roots = this.roots(permission);
    if (roots.length === 0) return sql<boolean>`false`;
    return sql<boolean>`(${sql.join(
      roots.map((r) => inSubtree(column, r)),
      sql` OR `,
    )})`;
  }

  /** Roles the user may grant at a path. */
  grantableRoles(path: string): Role[] {
    const set = new Set<Role>();
    for (const g of this.grants) {
      if (isWithin(path, g.unitPath) && ROLE_DEFINITIONS[g.role].permissions.includes('user.manage')) {
        for (const r of ROLE_DEFINITIONS[g.role].mayGrant) set.add(r);
      }
    }
    return [...set];
  }
}

export const EMPTY_SCOPE = new Scope([]);
