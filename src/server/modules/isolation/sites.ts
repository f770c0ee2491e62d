import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../platform/access';
import { invalidField, notFound } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { usersWithRoleAbove } from '../access/service';
import { unitInScope } from '../org/service';
import { RESPONSIBLE_ROLES } from './measures';
import * as q from './queries';

// 集中隔离点 — isolation sites (facilities of kind isolation_site) with their rooms and occupancy. A site
// usually belongs to the district above the communities that send people to it: a user sees the sites in
// their scope and those of the units above it.

/** The ancestors of the user's roots (and the roots): the places whose sites a community may send to. */
function ancestorPaths(roots: readonly string[]): string[] {
  const out = new Set<string>();
  for (const r of roots) {
    const labels = r.split('.');
    for (let i = 1; i <= labels.length; i++) out.add(labels.slice(0, i).join('.'));
  }
  return [...out];
}

export async function listSites(services: Services, actor: Actor) {
  const roots = actor.scope.roots('isolation.read');
  const where = sql<boolean>`(${actor.scope.where('f.unit_path', 'isolation.read')} OR f.unit_path = ANY(${ancestorPaths(roots)}::text[]))`;
  const sites = await q.sitesWhere(services.db, where as RawBuilder<boolean>);
  return {
    items: sites.map((s) => ({
      id: s.id,
      name: s.name,
      unitName: s.unit_name,
      address: s.address,
      rooms: s.rooms,
      beds: s.beds,
      occupied: s.occupied,
    })),
  };
}

async function visibleSite(services: Services, actor: Actor, id: string) {
  const site = await q.findSite(services.db, id);
  if (site?.kind !== 'isolation_site') throw notFound();
  const roots = actor.scope.roots('isolation.read');
  if (!actor.scope.allows('isolation.read', site.unit_path) && !ancestorPaths(roots).includes(site.unit_path))
    throw notFound();
  return site;
}

export async function siteRooms(services: Services, actor: Actor, id: string) {
  const site = await visibleSite(services, actor, id);
  return { id: site.id, name: site.name, rooms: await q.roomsOf(services.db, site.id) };
}

/** Adds rooms to a site (facility.write where the site is): names one by one, each with a capacity. */
export async function addRooms(
  services: Services,
  actor: Actor,
  id: string,
  input: { names: string[]; capacity?: number },
) {
  const site = await q.findSite(services.db, id);
  if (site?.kind !== 'isolation_site') throw notFound();
  actor.scope.check('facility.write', site.unit_path);
  const names = [...new Set(input.names.map((n) => n.trim()).filter(Boolean))];
  if (!names.length) throw invalidField('names', 'field.required', actor.locale);
  const added = await q.insertRooms(services.db, site.id, names, input.capacity ?? 1);
  return { added, rooms: await q.roomsOf(services.db, site.id) };
}

/** Who may be the responsible worker (专人负责) of a place: grid workers and offices answering for it. */
export async function workersFor(services: Services, actor: Actor, unitCode: string) {
  const unit = await unitInScope(services.db, actor.scope, unitCode, 'isolation.read');
  const rows = await usersWithRoleAbove(services.db, unit.path, RESPONSIBLE_ROLES);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.display_name, role: r.role })),
  };
}
