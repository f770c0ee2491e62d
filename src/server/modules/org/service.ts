import type { Permission } from '../../../domain/access/roles';
import type { Locale } from '../../../domain/i18n/messages';
import { translate } from '../../../domain/i18n/messages';
import { pinyinInitials, unitSearchText } from '../../../domain/org/initials';
import {
  type FacilityKind,
  isLocalKind,
  isWithin,
  type LocalKind,
  localUnitCode,
  mayContain,
  normaliseUnitCode,
  pathLabel,
  pathPrefixes,
  UNIT_KIND_LABELS,
  type UnitKind,
} from '../../../domain/org/units';
import type { Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { auditAs } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { firstOccupant, movePlacePaths, registerPlaceColumn } from '../../platform/placeColumns';
import type { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import * as q from './queries';

registerPlaceColumn({ table: 'facilities', column: 'unit_path', what: 'what.facilities' });

export interface Unit {
  code: string;
  name: string;
  officialName: string | null;
  kind: UnitKind;
  path: string;
  depth: number;
  parentCode: string | null;
  regionCode: string | null;
  childCount: number;
}

export function toUnit(r: q.UnitRow): Unit {
  return {
    code: r.code,
    name: r.name,
    officialName: r.official_name,
    kind: r.kind as UnitKind,
    path: r.path,
    depth: r.depth,
    parentCode: r.parent_code,
    regionCode: r.region_code,
    childCount: r.child_count,
  };
}

/** A unit by code (short forms 41, 4101 accepted) when it lies in the scope for the permission; else 404. */
export async function unitInScope(
  db: Db,
  scope: Scope,
  code: string,
  permission: Permission = 'org.read',
): Promise<q.UnitRow> {
  const normalised = normaliseUnitCode(code);
  const row = normalised ? await q.findUnit(db, normalised) : undefined;
  if (!row) throw notFound();
  scope.check(permission, row.path);
  return row;
}

/**
 * Units at the given paths, root first: the names along a trail or of the units roles are granted on.
 * Not scoped: the names and codes of official places and grids are no secret to a signed-in user.
 */
export async function unitsAtPaths(db: Db, paths: string[]): Promise<Unit[]> {
  return (await q.unitsAtPaths(db, paths)).map(toUnit);
}

/**
 * Names of units by code and by path, and of facilities by id, in one query each: what an audit entry
 * refers to. Not scoped, like unitsAtPaths.
 */
export async function placeNames(db: Db, refs: { codes: string[]; paths: string[]; facilityIds: string[] }) {
  const [byCode, byPath, facilities] = await Promise.all([
    q.unitNamesByCodes(db, refs.codes),
    q.unitsAtPaths(db, refs.paths),
    q.facilityNamesByIds(db, refs.facilityIds),
  ]);
  return {
    units: new Map(byCode.map((u) => [u.code, u.name])),
    paths: new Map(byPath.map((u) => [u.path, u.name])),
    facilities: new Map(facilities.map((f) => [String(f.id), f.name])),
  };
}

export async function getUnit(db: Db, scope: Scope, code: string) {
  const row = await unitInScope(db, scope, code);
  const ancestors = await q.unitsAtPaths(db, pathPrefixes(row.path).slice(0, -1));
  return { ...toUnit(row), ancestors: ancestors.map(toUnit) };
}

export async function listChildren(
  db: Db,
  scope: Scope,
  code: string,
  after: string | undefined,
  limit: number,
) {
  const parent = await unitInScope(db, scope, code);
  const rows = await q.childrenOf(db, parent.id, after, limit + 1);
  const items = rows.slice(0, limit).map(toUnit);
  return { items, next: rows.length > limit ? items[items.length - 1].code : null };
}

/** Units in scope matching a name, pinyin initials or code; each with the names of its ancestors. */
export async function searchUnits(db: Db, scope: Scope, text: string, limit: number) {
  const rows = await q.searchUnits(db, scope, text.trim(), limit);
  const prefixes = [...new Set(rows.flatMap((r) => pathPrefixes(r.path).slice(0, -1)))];
  const names = new Map((await q.unitsAtPaths(db, prefixes)).map((a) => [a.path, a.name]));
  return {
    items: rows.map((r) => ({
      ...toUnit(r),
      trail: pathPrefixes(r.path)
        .slice(0, -1)
        .map((p) => names.get(p) ?? ''),
    })),
  };
}

function kindError(locale: Locale, kind: UnitKind, parentKind: UnitKind) {
  return new AppError(
    'validation',
    'error.unit_kind_parent',
    {
      kind: UNIT_KIND_LABELS[kind][locale],
      parentKind: UNIT_KIND_LABELS[parentKind][locale],
    },
    [
      {
        path: 'parentCode',
        message: translate(locale, 'error.unit_kind_parent', {
          kind: UNIT_KIND_LABELS[kind][locale],
          parentKind: UNIT_KIND_LABELS[parentKind][locale],
        }),
      },
    ],
  );
}

/** The community (village-level unit) a path lies in, if any. */
async function communityOf(db: Db, path: string): Promise<q.UnitRow | undefined> {
  const labels = pathPrefixes(path);
  // province.city.county.town.village: the community is the fifth label.
  if (labels.length < 5) return undefined;
  const [row] = await q.unitsAtPaths(db, [labels[4]]);
  return row?.kind === 'village' ? row : undefined;
}

/** Creates a grid, courtyard or building under a unit of the actor's scope. */
export function createUnit(
  services: Services,
  actor: Actor,
  input: { parentCode: string; kind: LocalKind; name: string },
) {
  return services.db.transaction().execute((tx) => createUnitIn(tx, services, actor, input));
}

/**
 * Many units of one kind under one parent at once, inside the caller's transaction (the demo city and
 * the benchmarks build thousands of buildings): numbers reserved in one step, rows inserted in batches.
 * Not audited one by one: the caller records what it did.
 */
export async function createUnitsIn(
  tx: Db,
  actor: Actor,
  input: { parentCode: string; kind: LocalKind; names: string[] },
): Promise<{ id: string; code: string; path: string }[]> {
  const parent = await unitInScope(tx, actor.scope, input.parentCode, 'org.write');
  const community = await communityOf(tx, parent.path);
  if (!mayContain(parent.kind, input.kind) || !community)
    throw kindError(actor.locale, input.kind, parent.kind as UnitKind);
  if (input.names.length === 0) return [];
  const first = await q.reserveLocalNumbers(tx, community.id, input.kind, input.names.length);
  const units = input.names.map((raw, i) => {
    const name = raw.trim();
    const code = localUnitCode(community.code, input.kind, first + i);
    return {
      code,
      parent_id: parent.id,
      kind: input.kind,
      name,
      path: `${parent.path}.${pathLabel(code, community.code)}`,
      depth: parent.depth + 1,
      region_code: parent.region_code,
      initials: pinyinInitials(name),
      search_text: unitSearchText(name),
    };
  });
  const ids = await q.insertUnits(tx, units);
  return units.map((u, i) => ({ id: ids[i], code: u.code, path: u.path }));
}

/** createUnit inside the caller's transaction (an import that creates the buildings its sheet names). */
export async function createUnitIn(
  tx: Db,
  services: Services,
  actor: Actor,
  input: { parentCode: string; kind: LocalKind; name: string },
) {
  {
    const parent = await unitInScope(tx, actor.scope, input.parentCode, 'org.write');
    if (!mayContain(parent.kind, input.kind))
      throw kindError(actor.locale, input.kind, parent.kind as UnitKind);
    const community = await communityOf(tx, parent.path);
    if (!community) throw kindError(actor.locale, input.kind, parent.kind as UnitKind);
    const n = await q.nextLocalNumber(tx, community.id, input.kind);
    const code = localUnitCode(community.code, input.kind, n);
    const name = input.name.trim();
    const path = `${parent.path}.${pathLabel(code, community.code)}`;
    await q.insertUnit(tx, {
      code,
      parent_id: parent.id,
      kind: input.kind,
      name,
      path,
      depth: parent.depth + 1,
      region_code: parent.region_code,
      initials: pinyinInitials(name),
      search_text: unitSearchText(name),
    });
    await services.events.publish(tx, {
      type: 'unit.created',
      unitPath: path,
      permission: 'org.read',
      data: { code },
    });
    await auditAs(tx, actor, 'unit.created', {
      unitPath: path,
      target: `unit:${code}`,
      detail: { kind: input.kind, name },
    });
    return toUnit((await q.findUnit(tx, code)) as q.UnitRow);
  }
}

function assertLocal(locale: Locale, row: q.UnitRow) {
  if (!isLocalKind(row.kind)) {
    throw new AppError('validation', 'error.unit_official', { name: row.name }, [
      { path: 'code', message: translate(locale, 'error.unit_official', { name: row.name }) },
    ]);
  }
}

/** Renames and/or moves a grid, courtyard or building (moves stay within its community). */
export async function updateUnit(
  services: Services,
  actor: Actor,
  code: string,
  input: { name?: string; parentCode?: string },
) {
  return services.db.transaction().execute(async (tx) => {
    const unit = await unitInScope(tx, actor.scope, code, 'org.write');
    assertLocal(actor.locale, unit);
    if (input.name !== undefined) {
      const name = input.name.trim();
      await q.renameUnit(tx, unit.id, name, pinyinInitials(name), unitSearchText(name));
    }
    if (input.parentCode !== undefined && normaliseUnitCode(input.parentCode) !== unit.parent_code) {
      const parent = await unitInScope(tx, actor.scope, input.parentCode, 'org.write');
      if (isWithin(parent.path, unit.path)) {
        throw new AppError('validation', 'error.move_into_self', {}, [
          { path: 'parentCode', message: translate(actor.locale, 'error.move_into_self') },
        ]);
      }
      if (!mayContain(parent.kind, unit.kind as LocalKind))
        throw kindError(actor.locale, unit.kind as UnitKind, parent.kind as UnitKind);
      const [from, to] = [await communityOf(tx, unit.path), await communityOf(tx, parent.path)];
      if (!from || from.id !== to?.id) {
        throw new AppError('validation', 'error.move_outside_community', {}, [
          { path: 'parentCode', message: translate(actor.locale, 'error.move_outside_community') },
        ]);
      }
      const newPath = `${parent.path}.${pathLabel(unit.code, from.code)}`;
      await q.moveSubtree(tx, unit.id, parent.id, unit.path, newPath, parent.depth + 1 - unit.depth);
      await movePlacePaths(tx, unit.path, newPath);
    }
    const row = (await q.findUnit(tx, unit.code)) as q.UnitRow;
    await services.events.publish(tx, {
      type: 'unit.updated',
      unitPath: row.path,
      permission: 'org.read',
      data: { code: row.code },
    });
    await auditAs(tx, actor, 'unit.updated', {
      unitPath: row.path,
      target: `unit:${row.code}`,
      detail: {
        ...(input.name !== undefined ? { name: { from: unit.name, to: row.name } } : {}),
        ...(row.path !== unit.path ? { parent: { from: unit.parent_code, to: row.parent_code } } : {}),
      },
    });
    return toUnit(row);
  });
}

/** Deletes a grid, courtyard or building that holds nothing (no sub-units, facilities, users, …). */
export async function deleteUnit(services: Services, actor: Actor, code: string) {
  await services.db.transaction().execute(async (tx) => {
    const unit = await unitInScope(tx, actor.scope, code, 'org.write');
    assertLocal(actor.locale, unit);
    const occupant = unit.child_count > 0 ? 'what.children' : (await firstOccupant(tx, unit.path))?.what;
    if (occupant) {
      throw new AppError('conflict', 'error.unit_not_empty', {
        name: unit.name,
        what: translate(actor.locale, occupant),
      });
    }
    await q.deleteUnit(tx, unit.id);
    await services.events.publish(tx, {
      type: 'unit.deleted',
      unitPath: unit.path,
      permission: 'org.read',
      data: { code: unit.code },
    });
    await auditAs(tx, actor, 'unit.deleted', {
      unitPath: unit.path,
      target: `unit:${unit.code}`,
      detail: {
        kind: unit.kind,
        name: unit.name,
      },
    });
  });
}

// Facilities 设施: checkpoints, testing sites, isolation sites, hospitals, fever clinics, warehouses.

export function toFacility(f: q.FacilityRow) {
  return {
    id: f.id,
    kind: f.kind as FacilityKind,
    name: f.name,
    address: f.address,
    unitCode: f.unit_code,
    unitName: f.unit_name,
  };
}

export async function listFacilities(db: Db, scope: Scope, code: string) {
  const unit = await unitInScope(db, scope, code);
  return { items: (await q.facilitiesUnder(db, unit.path, 500)).map(toFacility) };
}

async function facilityInScope(db: Db, scope: Scope, id: string) {
  const f = await q.findFacility(db, id);
  if (!f) throw notFound();
  scope.check('facility.write', f.unit_path);
  return f;
}

export async function createFacility(
  services: Services,
  actor: Actor,
  input: { unitCode: string; kind: FacilityKind; name: string; address?: string | null },
) {
  const unit = await unitInScope(services.db, actor.scope, input.unitCode, 'facility.write');
  const { id } = await q.insertFacility(services.db, {
    unit_id: unit.id,
    unit_path: unit.path,
    kind: input.kind,
    name: input.name.trim(),
    address: input.address?.trim() || null,
  });
  await auditAs(services.db, actor, 'facility.created', {
    unitPath: unit.path,
    target: `facility:${id}`,
    detail: {
      kind: input.kind,
      name: input.name.trim(),
    },
  });
  return toFacility((await q.findFacility(services.db, id)) as q.FacilityRow);
}

export async function updateFacility(
  services: Services,
  actor: Actor,
  id: string,
  input: { kind?: FacilityKind; name?: string; address?: string | null },
) {
  const before = await facilityInScope(services.db, actor.scope, id);
  await q.updateFacility(services.db, id, input);
  await auditAs(services.db, actor, 'facility.updated', {
    unitPath: before.unit_path,
    target: `facility:${id}`,
    detail: {
      fields: Object.keys(input),
    },
  });
  return toFacility((await q.findFacility(services.db, id)) as q.FacilityRow);
}

export async function deleteFacility(services: Services, actor: Actor, id: string) {
  const facility = await facilityInScope(services.db, actor.scope, id);
  await q.deleteFacility(services.db, id);
  await auditAs(services.db, actor, 'facility.deleted', {
    unitPath: facility.unit_path,
    target: `facility:${id}`,
    detail: {
      kind: facility.kind,
      name: facility.name,
    },
  });
}
