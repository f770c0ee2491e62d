import {
  type CustomGroupKind,
  customGroupKinds,
  findGroupKind,
  GROUP_KINDS_SETTING,
  GROUP_ROLE_LABELS,
  type GroupKindDef,
  type GroupRole,
  groupKinds,
  isBuiltinKind,
  mayNest,
  roleProblem,
} from '../../../domain/forces/groupKinds';
import { translate } from '../../../domain/i18n/messages';
import type { Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { platformToday } from '../../platform/clock';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { registerPlaceColumn } from '../../platform/placeColumns';
import type { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { unitInScope } from '../org/service';
import { fieldError, personForAssignment, publishForces } from './people';
import * as q from './queries';

// Organisation: temporary party branches (临时党支部) at a facility or a unit, with their secretary, deputies
// and members, the teams under them (突击队, 志愿服务队, 劝导队, 消杀队), pioneer posts and responsibility zones,
// and any kind a deployment defines. Members come and go with dates (left_on), a group is dissolved on a day.

registerPlaceColumn({ table: 'force_groups', column: 'unit_path', what: 'what.forces' });

// ---------------------------------------------------------------------------------------------------
// Kinds

export async function customKinds(db: Db): Promise<CustomGroupKind[]> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', GROUP_KINDS_SETTING)
    .executeTakeFirst();
  const parsed = customGroupKinds.safeParse(row?.value ?? []);
  return parsed.success ? parsed.data : [];
}

export async function listKinds(services: Services) {
  return { items: groupKinds(await customKinds(services.db)) };
}

/** The deployment's own kinds; set by whoever manages forces at the top of the tree. */
export async function setCustomKinds(services: Services, actor: Actor, kinds: CustomGroupKind[]) {
  if (!actor.scope.roots('forces.manage').some((p) => !p.includes('.'))) throw forbidden();
  const bad = kinds.findIndex(
    (k, i) => isBuiltinKind(k.key) || kinds.findIndex((o) => o.key === k.key) !== i,
  );
  if (bad >= 0) throw fieldError(actor, `kinds.${bad}.key`, 'forces.kind_key_invalid');
  await services.db
    .insertInto('settings')
    .values({ key: GROUP_KINDS_SETTING, value: JSON.stringify(kinds), updated_by: actor.userId })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ value: JSON.stringify(kinds), updated_by: actor.userId, updated_at: new Date() }),
    )
    .execute();
  return listKinds(services);
}

async function kindOf(services: Services, actor: Actor, key: string): Promise<GroupKindDef> {
  const kind = findGroupKind(key, await customKinds(services.db));
  if (!kind) throw fieldError(actor, 'kind', 'forces.group_kind_unknown');
  return kind;
}

// ---------------------------------------------------------------------------------------------------
// Views

function toGroup(g: q.GroupRow, kinds: GroupKindDef[]) {
  const kind = kinds.find((k) => k.key === g.kind);
  return {
    id: g.id,
    kind: g.kind,
    kindLabel: kind?.label ?? { 'zh-CN': g.kind, en: g.kind },
    party: kind?.party ?? false,
    branch: kind?.branch ?? false,
    name: g.name,
    unit: { code: g.unit_code, name: g.unit_name },
    facility: g.facility_id ? { id: g.facility_id, name: g.facility_name } : null,
    parentId: g.parent_id,
    setUpOn: g.set_up_on,
    dissolvedOn: g.dissolved_on,
    notes: g.notes,
    members: g.members,
  };
}
type GroupView = ReturnType<typeof toGroup> & {
  leaders: { personId: string; name: string; role: string }[];
  children: GroupView[];
};

/** A group the scope allows `permission` on; 404 otherwise. */
export async function groupInScope(
  db: Db,
  scope: Scope,
  id: string,
  permission: 'forces.read' | 'forces.manage',
) {
  const g = await q.findGroup(db, id);
  if (!g) throw notFound();
  scope.check(permission, g.unit_path);
  return g;
}

/**
 * The organisation chart in scope: branches with the teams under them, and groups on their own. Bounded
 * (500 groups); a team whose branch is out of the list stands on its own.
 */
export async function listGroups(
  services: Services,
  scope: Scope,
  query: { unit?: string; kind?: string; includeDissolved?: boolean },
) {
  const root = query.unit
    ? (await unitInScope(services.db, scope, query.unit, 'forces.read')).path
    : undefined;
  const kinds = groupKinds(await customKinds(services.db));
  const rows = await q.listGroups(
    services.db,
    scope,
    { root, kind: query.kind, includeDissolved: !!query.includeDissolved },
    501,
  );
  const shown = rows.slice(0, 500);
  const leaders = await q.leadersOf(
    services.db,
    shown.map((g) => g.id),
  );
  const views = new Map<string, GroupView>(
    shown.map((g) => [
      g.id,
      {
        ...toGroup(g, kinds),
        leaders: leaders
          .filter((l) => l.group_id === g.id)
          .map((l) => ({ personId: l.person_id, name: l.name, role: l.role })),
        children: [],
      },
    ]),
  );
  const top: GroupView[] = [];
  for (const v of views.values()) {
    const parent = v.parentId ? views.get(v.parentId) : undefined;
    if (parent) parent.children.push(v);
    else top.push(v);
  }
  return { items: top, truncated: rows.length > 500 };
}

export async function getGroup(services: Services, scope: Scope, id: string) {
  const g = await groupInScope(services.db, scope, id, 'forces.read');
  const kinds = groupKinds(await customKinds(services.db));
  const [members, children, parent] = await Promise.all([
    q.membersOf(services.db, id),
    q.childGroupsOf(services.db, id),
    g.parent_id ? q.findGroup(services.db, g.parent_id) : undefined,
  ]);
  return {
    ...toGroup(g, kinds),
    parent:
      parent && scope.allows('forces.read', parent.unit_path) ? { id: parent.id, name: parent.name } : null,
    children: children.filter((c) => scope.allows('forces.read', c.unit_path)).map((c) => toGroup(c, kinds)),
    memberList: members.map((m) => ({
      id: m.id,
      personId: m.person_id,
      name: m.name,
      phoneMasked: m.phone_masked,
      isCadre: m.is_cadre,
      isPartyMember: m.is_party_member,
      isVolunteer: m.is_volunteer,
      skills: m.skills,
      role: m.role,
      joinedOn: m.joined_on,
      leftOn: m.left_on,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Writing

export interface NewGroupInput {
  unitCode?: string;
  facilityId?: string;
  parentId?: string | null;
  kind: string;
  name: string;
  setUpOn?: string;
  notes?: string | null;
}

async function parentFor(
  services: Services,
  actor: Actor,
  kind: GroupKindDef,
  parentId: string,
  self?: string,
) {
  const parent = /^\d{1,18}$/.test(parentId) ? await q.findGroup(services.db, parentId) : undefined;
  const parentKind = parent ? findGroupKind(parent.kind, await customKinds(services.db)) : undefined;
  if (
    !parent ||
    parent.id === self ||
    !actor.scope.allows('forces.manage', parent.unit_path) ||
    !parentKind ||
    !mayNest(parentKind, kind) ||
    parent.dissolved_on
  )
    throw fieldError(actor, 'parentId', 'forces.group_parent_invalid');
  return parent;
}

/** Sets up a group at a unit or at a facility of the actor's scope (the facility's unit holds it). */
export async function createGroup(services: Services, actor: Actor, input: NewGroupInput) {
  let place: { id: string; path: string };
  let facilityId: string | null = null;
  if (input.facilityId) {
    const f = await q.findFacility(services.db, input.facilityId);
    if (!f) throw notFound();
    actor.scope.check('forces.manage', f.unit_path);
    place = { id: f.unit_id, path: f.unit_path };
    facilityId = f.id;
  } else if (input.unitCode) {
    const u = await unitInScope(services.db, actor.scope, input.unitCode, 'forces.manage');
    place = { id: u.id, path: u.path };
  } else throw fieldError(actor, 'unitCode', 'forces.group_place_required');
  const kind = await kindOf(services, actor, input.kind);
  const parent = input.parentId ? await parentFor(services, actor, kind, input.parentId) : undefined;
  const setUpOn = input.setUpOn ?? platformToday(services.config);
  if (setUpOn > platformToday(services.config)) throw fieldError(actor, 'setUpOn', 'forces.date_future');
  const id = await services.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('force_groups')
      .values({
        unit_id: place.id,
        unit_path: place.path,
        facility_id: facilityId,
        parent_id: parent?.id ?? null,
        kind: kind.key,
        name: input.name.trim(),
        set_up_on: setUpOn,
        notes: input.notes?.trim() || null,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await publishForces(services, tx, place.path, { group: id });
    return id;
  });
  return getGroup(services, actor.scope, id);
}

/** Renames a group, changes its notes, or puts it under another branch (null: on its own). */
export async function updateGroup(
  services: Services,
  actor: Actor,
  id: string,
  input: { name?: string; notes?: string | null; parentId?: string | null },
) {
  const g = await groupInScope(services.db, actor.scope, id, 'forces.manage');
  const kind = await kindOf(services, actor, g.kind);
  const parent = input.parentId ? await parentFor(services, actor, kind, input.parentId, id) : undefined;
  await services.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('force_groups')
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.notes !== undefined ? { notes: input.notes?.trim() || null } : {}),
        ...(input.parentId !== undefined ? { parent_id: parent?.id ?? null } : {}),
      })
      .where('id', '=', id)
      .execute();
    await publishForces(services, tx, g.unit_path, { group: id });
  });
  return getGroup(services, actor.scope, id);
}

/** Dissolves a group on a day (撤销): kept, with its members' memberships ending that day. */
export async function dissolveGroup(services: Services, actor: Actor, id: string, input: { on?: string }) {
  const g = await groupInScope(services.db, actor.scope, id, 'forces.manage');
  if (g.dissolved_on) throw fieldError(actor, 'on', 'forces.group_dissolved', {}, 'conflict');
  const on = input.on ?? platformToday(services.config);
  if (on < g.set_up_on) throw fieldError(actor, 'on', 'forces.group_dates');
  if (on > platformToday(services.config)) throw fieldError(actor, 'on', 'forces.date_future');
  await services.db.transaction().execute(async (tx) => {
    await tx.updateTable('force_groups').set({ dissolved_on: on }).where('id', '=', id).execute();
    await tx
      .updateTable('force_group_members')
      .set({ left_on: on })
      .where('group_id', '=', id)
      .where('left_on', 'is', null)
      .execute();
    await publishForces(services, tx, g.unit_path, { group: id });
  });
  return getGroup(services, actor.scope, id);
}

/** A person joins a group in a role; a party body's secretary and deputies must be party members. */
export async function addMember(
  services: Services,
  actor: Actor,
  id: string,
  input: { personId: string; role: GroupRole; joinedOn?: string },
) {
  const g = await groupInScope(services.db, actor.scope, id, 'forces.manage');
  if (g.dissolved_on) throw fieldError(actor, 'personId', 'forces.group_dissolved', {}, 'conflict');
  const person = await personForAssignment(services.db, actor, input.personId);
  const kind = await kindOf(services, actor, g.kind);
  const problem = roleProblem(kind, input.role, person.is_party_member);
  if (problem === 'role_not_for_kind')
    throw fieldError(actor, 'role', 'forces.role_not_for_kind', {
      kind: kind.label[actor.locale],
      role: GROUP_ROLE_LABELS[input.role][actor.locale],
    });
  if (problem === 'role_needs_party') throw fieldError(actor, 'role', 'forces.role_needs_party');
  const joinedOn = input.joinedOn ?? platformToday(services.config);
  if (joinedOn > platformToday(services.config)) throw fieldError(actor, 'joinedOn', 'forces.date_future');
  await services.db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('force_group_members')
      .select('id')
      .where('group_id', '=', id)
      .where('person_id', '=', person.id)
      .where('left_on', 'is', null)
      .executeTakeFirst();
    if (current) throw fieldError(actor, 'personId', 'forces.already_member', {}, 'conflict');
    await tx
      .insertInto('force_group_members')
      .values({ group_id: id, person_id: person.id, role: input.role, joined_on: joinedOn })
      .execute();
    await publishForces(services, tx, g.unit_path, { group: id });
  });
  return getGroup(services, actor.scope, id);
}

/** A member leaves the group on a day (the membership is kept, with left_on). */
export async function removeMember(
  services: Services,
  actor: Actor,
  id: string,
  input: { personId: string; on?: string },
) {
  const g = await groupInScope(services.db, actor.scope, id, 'forces.manage');
  const on = input.on ?? platformToday(services.config);
  const res = /^\d{1,18}$/.test(input.personId)
    ? await services.db.transaction().execute(async (tx) => {
        const r = await tx
          .updateTable('force_group_members')
          .set({ left_on: on })
          .where('group_id', '=', id)
          .where('person_id', '=', input.personId)
          .where('left_on', 'is', null)
          .executeTakeFirst();
        if (r.numUpdatedRows > 0n) await publishForces(services, tx, g.unit_path, { group: id });
        return r.numUpdatedRows;
      })
    : 0n;
  if (res === 0n)
    throw new AppError('validation', 'error.validation', { detail: 'personId' }, [
      { path: 'personId', message: translate(actor.locale, 'forces.not_member') },
    ]);
  return getGroup(services, actor.scope, id);
}
