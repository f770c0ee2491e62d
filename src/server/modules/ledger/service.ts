import { translate } from '../../../domain/i18n/messages';
import type { HouseholdColour } from '../../../domain/ledger/colours';
import {
  parseRecordKey,
  recordKey,
  type StoredFacts,
  summariseHousehold,
} from '../../../domain/ledger/household';
import type { ResidentForm } from '../../../domain/ledger/residentForm';
import type { ResidentRecord } from '../../../domain/ledger/sheet/validateRow';
import { shownHistoryDetail } from '../../../domain/privacy/history';
import { nextIds } from '../../db/bulk';
import type { Db } from '../../db/connection';
import { transaction } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { platformNow } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { unitInScope } from '../org/service';
import { type LedgerDay, ledgerDay } from './policy';
import * as q from './queries';
import {
  checkResidents,
  communityPathOf,
  conflict,
  HOUSEHOLD_PLACES,
  history,
  householdInScope,
  namingTakenIds,
  placesAbove,
  publishChange,
  toHousehold,
  toResident,
  whoOf,
} from './records';
import { householdRow, residentRow } from './rows';
import { refreshHouseholds } from './summary';

// Households: read in the user's scope, created at a door, split, coloured by hand — with history.
// The module's other services are exported from here too (the routes and other modules call this file).

export async function getHousehold(db: Db, scope: Scope, key: string) {
  const h = await householdInScope(db, scope, key, 'ledger.read');
  const residents = await q.residentsOf(db, h.region_code, [h.id]);
  const history = await q.historyOf(db, h.region_code, h.id, 200);
  const unit = await unitInScope(db, scope, h.unit_code, 'org.read').catch(() => undefined);
  const within = await placesAbove(db, scope, [h]);
  return {
    ...toHousehold(h),
    within: within(h),
    unitPath: unit?.path,
    residents: residents.map((r) => toResident(r, scope)),
    history: history.map((e) => ({
      at: e.at,
      actor: e.actor_name,
      kind: e.kind,
      from: e.from_colour,
      to: e.to_colour,
      reason: e.reason,
      residentKey: e.resident_id ? recordKey(h.region_code, e.resident_id) : null,
      detail: shownHistoryDetail(e.detail, scope.allows('pii.reveal', h.unit_path)),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Writing

export interface NewHouseholdInput {
  unitCode: string;
  entrance?: string;
  door: string;
  residents?: ResidentForm[];
}

/** A new household at a door, with its residents (or none: an empty household, white). */
export async function createHousehold(services: Services, actor: Actor, input: NewHouseholdInput) {
  const unit = await householdPlace(services, actor, input.unitCode);
  const forms = input.residents ?? [];
  const records = await checkResidents(services, actor, forms, 'residents.');
  const day = await ledgerDay(services);
  const door = { entrance: (input.entrance ?? '').trim(), door: input.door.trim() };
  return namingTakenIds(
    async () => {
      const h = await transaction(services.db, (tx) =>
        insertHousehold(tx, services, actor, unit, door, records, day),
      );
      return h.key;
    },
    // lost the race for an ID number to another request: the check, again, names the resident
    () => checkResidents(services, actor, forms, 'residents.'),
  );
}

/** The unit a household may stand in, in the actor's scope (409 on unitCode for any other kind). */
async function householdPlace(services: Services, actor: Actor, unitCode: string) {
  const unit = await unitInScope(services.db, actor.scope, unitCode, 'ledger.write');
  if (!HOUSEHOLD_PLACES.has(unit.kind) || !unit.region_code) {
    throw conflict(actor.locale, 'error.household_place', { name: unit.name }, 'unitCode');
  }
  return unit as typeof unit & { region_code: string };
}

/** Writes a household at a free door with its residents and its 'created' history row, in `tx`. */
async function insertHousehold(
  tx: Db,
  services: Services,
  actor: Actor,
  unit: Awaited<ReturnType<typeof householdPlace>>,
  at: { entrance: string; door: string },
  records: readonly ResidentRecord[],
  day: LedgerDay,
) {
  const { entrance, door } = at;
  const regionCode = unit.region_code;
  const taken = await tx
    .selectFrom('households')
    .select('id')
    .where('region_code', '=', regionCode)
    .where('unit_id', '=', unit.id)
    .where('entrance', '=', entrance)
    .where('door', '=', door)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (taken && door !== '') throw conflict(actor.locale, 'error.door_taken', { door }, 'door');
  const [id] = await nextIds(tx, 'households', 1);
  const summary = summariseHousehold(
    records.map((r) => ({ status: 'present', markers: r.markers, facts: {} })),
    day.policy,
    day.today,
  );
  const place = {
    regionCode,
    unitId: unit.id,
    unitPath: unit.path,
    communityPath: communityPathOf(unit.path),
  };
  await q.insertRows(tx, 'households', q.HOUSEHOLD_LOAD_COLUMNS, [
    householdRow({ ...place, id, entrance, door, summary }),
  ]);
  const residentIds = await nextIds(tx, 'residents', records.length);
  await q.insertRows(
    tx,
    'residents',
    q.RESIDENT_LOAD_COLUMNS,
    records.map((r, i) => residentRow(services.protector, place, residentIds[i], id, r)),
  );
  await q.insertRows(tx, 'household_history', q.HISTORY_LOAD_COLUMNS, [
    [
      regionCode,
      id,
      null,
      actor.userId,
      actor.username,
      'created',
      null,
      summary.derived.colour,
      null,
      JSON.stringify({ residents: records.length }),
    ],
  ]);
  await publishChange(services, tx, unit.path, { household: recordKey(regionCode, id) });
  return { key: recordKey(regionCode, id), regionCode, id, unitPath: unit.path };
}

/**
 * A household splits (分户): the residents named move to a new household at another door (of the same
 * place, or of another place in scope). Both keep the history. One transaction: the household is locked
 * and its members read again under the lock, so that a second split of the same residents sent at the
 * same moment waits, then finds them gone (409) instead of making a household without residents.
 */
export async function splitHousehold(
  services: Services,
  actor: Actor,
  key: string,
  input: { residentKeys: string[]; unitCode?: string; entrance?: string; door: string; reason?: string },
) {
  const h = await householdInScope(services.db, actor.scope, key, 'ledger.write');
  const ids = input.residentKeys.map((k) => parseRecordKey(k));
  const unit = await householdPlace(services, actor, input.unitCode ?? h.unit_code);
  const day = await ledgerDay(services);
  const reason = input.reason?.trim() || null;
  return transaction(services.db, async (tx) => {
    const locked = await tx
      .selectFrom('households')
      .select('id')
      .where('region_code', '=', h.region_code)
      .where('id', '=', h.id)
      .where('status', '=', 'active')
      .forUpdate()
      .executeTakeFirst();
    const members = locked ? await q.residentsOf(tx, h.region_code, [h.id]) : [];
    const moving = members.filter((m) => ids.some((k) => k?.regionCode === m.region_code && k.id === m.id));
    if (moving.length === 0 || moving.length !== input.residentKeys.length) {
      throw conflict(actor.locale, 'error.split_residents', {}, 'residentKeys');
    }
    const door = { entrance: (input.entrance ?? h.entrance).trim(), door: input.door.trim() };
    const t = await insertHousehold(tx, services, actor, unit, door, [], day);
    await tx
      .updateTable('residents')
      .set({
        household_id: t.id,
        region_code: t.regionCode,
        unit_path: t.unitPath,
        updated_at: new Date(),
      })
      .where('region_code', '=', h.region_code)
      .where(
        'id',
        'in',
        moving.map((m) => m.id),
      )
      .execute();
    await tx
      .updateTable('households')
      .set({ split_from: h.id })
      .where('region_code', '=', t.regionCode)
      .where('id', '=', t.id)
      .execute();
    const target = { region_code: t.regionCode, id: t.id };
    for (const m of moving) {
      await history(tx, actor, h, m.id, 'split_out', reason, { name: m.name, to: t.key });
      await history(tx, actor, target, m.id, 'split_in', reason, { name: m.name, from: key });
    }
    await refreshHouseholds(tx, day, h.region_code, [h.id], whoOf(actor), 'split');
    await refreshHouseholds(tx, day, t.regionCode, [t.id], whoOf(actor), 'split');
    await publishChange(services, tx, h.unit_path, { household: key });
    return t.key;
  });
}

/** Sets the colour by hand, with the mandatory reason; null clears the override (the rules decide again). */
export async function setColourOverride(
  services: Services,
  actor: Actor,
  key: string,
  input: { colour: HouseholdColour | null; reason: string },
) {
  const h = await householdInScope(services.db, actor.scope, key, 'ledger.write');
  const reason = input.reason.trim();
  if (reason === '') {
    throw new AppError('validation', 'error.override_reason', {}, [
      { path: 'reason', message: translate(actor.locale, 'error.override_reason') },
    ]);
  }
  return transaction(services.db, async (tx) => {
    const colour = input.colour ?? (h.derived_colour as HouseholdColour);
    await tx
      .updateTable('households')
      .set({
        override_colour: input.colour,
        override_reason: input.colour ? reason : null,
        override_by: input.colour ? actor.userId : null,
        override_at: input.colour ? platformNow(services.config) : null,
        colour,
        updated_at: new Date(),
      })
      .where('region_code', '=', h.region_code)
      .where('id', '=', h.id)
      .execute();
    await q.insertRows(tx, 'household_history', q.HISTORY_LOAD_COLUMNS, [
      [
        h.region_code,
        h.id,
        null,
        actor.userId,
        actor.username,
        input.colour ? 'override' : 'override_cleared',
        h.colour,
        colour,
        reason,
        '{}',
      ],
    ]);
    await publishChange(services, tx, h.unit_path, { household: key, colour });
    return { colour };
  });
}

/**
 * A household as the care module reads it (生活保障; it never reads the ledger's tables): the row (its
 * place, door and marker counts) and the isolation periods of the residents who live there. Not scoped:
 * the caller checks the household's place, or found it by a link of its own. Undefined when unknown or
 * closed.
 */
export async function householdForCare(db: Db, key: string) {
  const k = parseRecordKey(key);
  const household = k ? await q.findHousehold(db, k.regionCode, k.id) : undefined;
  if (household?.status !== 'active') return undefined;
  const residents = (await q.residentsOf(db, household.region_code, [household.id]))
    .filter((r) => r.status === 'present')
    .map((r) => ({ isolation: ((r.facts ?? {}) as StoredFacts).isolation ?? [] }));
  return { household, residents };
}

export { householdForGate, householdsForGate, type RosterHousehold } from './gateRoster';
export { residentIdentity, residentsByIdHmacs, setIsolationPeriod } from './isolationFacts';
export { residentNames } from './names';
export type { HouseholdView, ResidentView } from './records';
export { communityPathOf, householdInScope, residentInScope, toHousehold, toResident } from './records';
export { addResident, endResidence, revealResident, updateResident } from './residents';
export { residentByIdNumber, searchFilter } from './search';
