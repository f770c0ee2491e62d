import type { Permission } from '../../../domain/access/roles';
import type { Locale } from '../../../domain/i18n/messages';
import { translate } from '../../../domain/i18n/messages';
import type { HouseholdColour } from '../../../domain/ledger/colours';
import { parseRecordKey, recordKey, type StoredFacts } from '../../../domain/ledger/household';
import { MARKERS, type Marker } from '../../../domain/ledger/markers';
import { checkResidentForm, type ResidentForm } from '../../../domain/ledger/residentForm';
import type { ResidentRecord } from '../../../domain/ledger/sheet/validateRow';
import { shownBirth } from '../../../domain/privacy/birth';
import { remaskIdNumber } from '../../../domain/validators/idNumber';
import { nextIds } from '../../db/bulk';
import type { Db } from '../../db/connection';
import { uniqueViolation } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { AppError, type FieldError, notFound } from '../../platform/errors';
import { registerPlaceColumn } from '../../platform/placeColumns';
import type { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { unitsAtPaths } from '../org/service';
import { outOfScopeMatches } from './idMatches';
import { idNumberIndex } from './protect';
import * as q from './queries';
import { residentRow } from './rows';
import type { Who } from './summary';

// The ledger's records: households and residents as the API shows them, found in the user's scope,
// and the helpers every change shares (errors naming fields, history rows, events, moving in).

registerPlaceColumn({ table: 'households', column: 'unit_path', what: 'what.households' });
registerPlaceColumn({ table: 'households', column: 'community_path', what: 'what.households' });
registerPlaceColumn({ table: 'residents', column: 'unit_path', what: 'what.households' });

/** The kinds of unit a household may stand in: a building, or a courtyard, grid or village for bungalows. */
export const HOUSEHOLD_PLACES = new Set(['village', 'grid', 'courtyard', 'building']);

// ---------------------------------------------------------------------------------------------------
// Views

export function toHousehold(h: q.HouseholdRow) {
  return {
    key: recordKey(h.region_code, h.id),
    unit: { code: h.unit_code, name: h.unit_name, kind: h.unit_kind },
    entrance: h.entrance,
    door: h.door,
    floor: h.floor,
    colour: h.colour as HouseholdColour,
    derivedColour: h.derived_colour as HouseholdColour,
    reasons: h.colour_reasons as unknown[],
    override: h.override_colour
      ? { colour: h.override_colour as HouseholdColour, reason: h.override_reason ?? '', at: h.override_at }
      : null,
    residentCount: h.resident_count,
    markers: Object.fromEntries(MARKERS.map((m) => [m, h[m]])) as Record<Marker, number>,
    status: h.status,
  };
}
export type HouseholdView = ReturnType<typeof toHousehold>;

/**
 * A resident as `scope` may see them: the ID number masked (last four), and the birth date whole only
 * with pii.reveal where the resident lives, else its year (issue 11: the date fills the mask's gap).
 */
export function toResident(r: q.ResidentRow, scope: Scope) {
  return {
    key: recordKey(r.region_code, r.id),
    householdKey: recordKey(r.region_code, r.household_id),
    name: r.name,
    sex: r.sex,
    ...shownBirth(r.birth_date, scope.allows('pii.reveal', r.unit_path)),
    idType: r.id_type,
    idMasked: remaskIdNumber(r.id_masked),
    phoneMasked: r.phone_masked,
    relation: r.relation,
    relationText: r.relation_text,
    workUnit: r.work_unit,
    notes: r.notes,
    tags: r.tags,
    markers: r.markers,
    status: r.status,
    facts: r.facts as StoredFacts,
  };
}
export type ResidentView = ReturnType<typeof toResident>;

// ---------------------------------------------------------------------------------------------------
// Reading

/** A household the actor may act on with `permission`; 404 for anything else (no existence leak). */
export async function householdInScope(db: Db, scope: Scope, key: string, permission: Permission) {
  const k = parseRecordKey(key);
  const row = k ? await q.findHousehold(db, k.regionCode, k.id) : undefined;
  if (!row) throw notFound();
  scope.check(permission, row.unit_path);
  return row;
}

export async function residentInScope(db: Db, scope: Scope, key: string, permission: Permission) {
  const k = parseRecordKey(key);
  const row = k ? await q.findResident(db, k.regionCode, k.id) : undefined;
  if (!row) throw notFound();
  scope.check(permission, row.unit_path);
  return row;
}

/** path labels of a street (街道/乡镇) and of a community (社区/村) */
const STREET_DEPTH = 4;
const COMMUNITY_DEPTH = 5;

export interface PlaceAbove {
  code: string;
  name: string;
  kind: string;
}

/**
 * What a row of the ledger must name for this user to know where it is: nothing when their scope lies
 * within one community; its community when their scope is a street; its street and community above
 * that ('长兴路街道 淮河社区' before '1号楼 1单元 401'). Answers a function from a household row to the
 * names, outermost first.
 */
export async function placesAbove(
  db: Db,
  scope: Scope,
  rows: readonly Pick<q.HouseholdRow, 'community_path' | 'unit_path'>[],
): Promise<(h: Pick<q.HouseholdRow, 'community_path' | 'unit_path'>) => PlaceAbove[]> {
  const depth = Math.min(...scope.roots('ledger.read').map((r) => r.split('.').length));
  const levels = [
    depth < STREET_DEPTH ? STREET_DEPTH : 0,
    depth < COMMUNITY_DEPTH ? COMMUNITY_DEPTH : 0,
  ].filter(Boolean);
  if (levels.length === 0 || rows.length === 0) return () => [];
  const pathAt = (h: Pick<q.HouseholdRow, 'community_path'>, n: number) =>
    h.community_path.split('.').slice(0, n).join('.');
  const paths = new Set(rows.flatMap((h) => levels.map((n) => pathAt(h, n))));
  const units = new Map((await unitsAtPaths(db, [...paths])).map((u) => [u.path, u]));
  return (h) =>
    levels
      .map((n) => pathAt(h, n))
      .filter((p) => p !== h.unit_path)
      .map((p) => units.get(p))
      .filter((u) => u !== undefined)
      .map((u) => ({ code: u.code, name: u.name, kind: u.kind }));
}

/** Residents of the given households (one region each), grouped by household key. */
export async function residentsByHousehold(db: Db, scope: Scope, households: readonly q.HouseholdRow[]) {
  const byRegion = new Map<string, string[]>();
  for (const h of households) byRegion.set(h.region_code, [...(byRegion.get(h.region_code) ?? []), h.id]);
  const out = new Map<string, ResidentView[]>();
  for (const [region, ids] of byRegion) {
    for (const r of await q.residentsOf(db, region, ids)) {
      const v = toResident(r, scope);
      out.set(v.householdKey, [...(out.get(v.householdKey) ?? []), v]);
    }
  }
  return out;
}

export function formErrors(errors: { field: string; message: string }[], prefix = ''): AppError {
  const fields: FieldError[] = errors.map((e) => ({ path: `${prefix}${e.field}`, message: e.message }));
  return new AppError(
    'validation',
    'error.validation',
    { detail: fields.map((f) => `${f.path}: ${f.message}`).join('; ') },
    fields,
  );
}

export function conflict(
  locale: Locale,
  key: Parameters<typeof translate>[1],
  params: Record<string, string>,
  path: string,
) {
  return new AppError('conflict', key, params, [{ path, message: translate(locale, key, params) }]);
}

/** Checks residents typed into a form and that their ID numbers are not already in the ledger. */
export async function checkResidents(
  services: Services,
  actor: Actor,
  forms: readonly ResidentForm[],
  prefix: string,
) {
  const records: ResidentRecord[] = [];
  const errors: { field: string; message: string }[] = [];
  forms.forEach((f, i) => {
    const r = checkResidentForm(f, actor.locale);
    if (r.ok) records.push(r.record);
    else for (const e of r.errors) errors.push({ field: `${prefix}${i}.${e.field}`, message: e.message });
  });
  if (errors.length) throw formErrors(errors);
  const ids = records
    .filter((r) => r.idNumber)
    .map((r) => idNumberIndex(services.protector, r.idNumber as string));
  const taken = await q.livingIdHmacs(services.db, ids);
  // matches outside the scope: audited and limited per hour (issue 11); the answer names no place
  const outside = [...taken.values()].filter((path) => !actor.scope.allows('ledger.read', path));
  await outOfScopeMatches(services, actor, outside.length, 'form', outside[0] ?? '');
  records.forEach((r, i) => {
    if (r.idNumber && taken.has(idNumberIndex(services.protector, r.idNumber).toString('hex'))) {
      errors.push({
        field: `${prefix}${i}.idNumber`,
        message: translate(actor.locale, 'error.id_in_ledger'),
      });
    }
  });
  if (errors.length)
    throw new AppError(
      'conflict',
      'error.id_in_ledger',
      {},
      errors.map((e) => ({ path: e.field, message: e.message })),
    );
  return records;
}

/**
 * Runs a write that may lose the race for an ID number (two requests checked it free, the other wrote
 * first: residents_id_living_uq). Then `recheck`, the check made before the write, runs again and throws
 * its 409 naming the resident's field; should it pass, the database's refusal stands (a 409 too).
 */
export async function namingTakenIds<T>(work: () => Promise<T>, recheck: () => Promise<unknown>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (uniqueViolation(err) === 'residents_id_living_uq') await recheck();
    throw err;
  }
}

export function whoOf(actor: Actor): Who {
  return { actorId: actor.userId, actorName: actor.username };
}

export async function publishChange(
  services: Services,
  tx: Db,
  unitPath: string,
  data: Record<string, unknown>,
) {
  await services.events.publish(tx, { type: 'ledger.changed', unitPath, permission: 'ledger.read', data });
}

/** The community (社区/村) of a path: its first five labels (province.city.county.town.village). */
export function communityPathOf(path: string): string {
  return path.split('.').slice(0, 5).join('.');
}

/** Residents (checked by checkResidents) move into a household, in the caller's transaction; history rows. */
export async function moveIn(
  tx: Db,
  services: Services,
  actor: Actor,
  h: { region_code: string; id: string; unit_path: string },
  records: readonly ResidentRecord[],
): Promise<string[]> {
  const ids = await nextIds(tx, 'residents', records.length);
  const place = { regionCode: h.region_code, unitPath: h.unit_path };
  await q.insertRows(
    tx,
    'residents',
    q.RESIDENT_LOAD_COLUMNS,
    records.map((r, i) => residentRow(services.protector, place, ids[i], h.id, r)),
  );
  for (const [i, r] of records.entries())
    await history(tx, actor, h, ids[i], 'moved_in', null, { name: r.name });
  return ids.map((id) => recordKey(h.region_code, id));
}

export function history(
  tx: Db,
  actor: Actor,
  h: { region_code: string; id: string },
  residentId: string | null,
  kind: string,
  reason: string | null,
  detail: Record<string, unknown>,
) {
  return q.insertRows(tx, 'household_history', q.HISTORY_LOAD_COLUMNS, [
    [
      h.region_code,
      h.id,
      residentId,
      actor.userId,
      actor.username,
      kind,
      null,
      null,
      reason,
      JSON.stringify(detail),
    ],
  ]);
}
