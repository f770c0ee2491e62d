import { type RawBuilder, sql } from 'kysely';
import {
  type CareReason,
  type CareRequestForm,
  type CheckedCareRequest,
  careReasons,
  checkCareRequest,
} from '../../../domain/care/request';
import { translate } from '../../../domain/i18n/messages';
import { parseRecordKey, recordKey } from '../../../domain/ledger/household';
import { shanghaiDay } from '../../../domain/time/shanghai';
import type { Db } from '../../db/connection';
import { transaction } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { platformNow } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import { inSubtree } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { householdForCare } from '../ledger/service';
import { unitInScope } from '../org/service';
import { requestInScope } from './access';
import { closed, conflict, type Doer, issuesError, publishChange } from './common';
import * as q from './queries';
import { toRequest } from './views';

// 生活保障 — requests of households that cannot go out: asked for by their worker (here) or by the household
// through its link (links.ts); listed by deadline for the office's board, counted, cancelled with a reason.
// Each change is a history row. Households are read through the ledger's service, never its tables.

/** A household of the ledger as care reads it, with why it may ask today ([] when it may not). */
export async function careHousehold(services: Services, key: string, now: Date) {
  const found = await householdForCare(services.db, key);
  if (!found) return undefined;
  const h = found.household;
  const reasons: CareReason[] = careReasons(
    { markers: h, residents: found.residents },
    shanghaiDay(now.getTime()),
  );
  return { household: h, reasons };
}
type CareHousehold = NonNullable<Awaited<ReturnType<typeof careHousehold>>>;

/**
 * Writes a checked request for a household, with its history row and the event, in one transaction;
 * `inside` runs first in it (the household link counts its open requests under a lock). Answers the
 * request's key, or undefined when its client id was sent before (the first one stands).
 */
export async function insertChecked(
  services: Services,
  h: CareHousehold,
  v: CheckedCareRequest,
  by: { clientId: string | null; source: 'worker' | 'household'; userId: string | null; name: string },
  inside?: (tx: Db) => Promise<void>,
): Promise<string | undefined> {
  const { household } = h;
  return transaction(services.db, async (tx) => {
    if (inside) await inside(tx);
    const id = await q.insertRequest(tx, {
      regionCode: household.region_code,
      clientId: by.clientId,
      householdId: household.id,
      unitPath: household.unit_path,
      communityPath: household.community_path,
      entrance: household.entrance,
      door: household.door,
      day: v.day,
      dueAt: new Date(v.dueAt),
      urgent: v.urgent,
      reasons: h.reasons,
      items: v.items,
      help: v.help,
      note: v.note,
      source: by.source,
      createdBy: by.userId,
      createdByName: by.name,
    });
    if (!id) return undefined;
    const k = { region_code: household.region_code, id };
    await q.addHistory(
      tx,
      k,
      'created',
      { source: by.source, items: v.items.length, help: v.help, due: new Date(v.dueAt).toISOString() },
      { userId: by.userId, name: by.name },
    );
    await publishChange(services, tx, household.unit_path, {
      request: recordKey(k.region_code, id),
      state: 'open',
    });
    return recordKey(k.region_code, id);
  });
}

export interface NewRequestInput extends CareRequestForm {
  clientId?: string;
  householdKey: string;
}

/**
 * A request made by the household's worker (care.manage at its place): checked, the household one that
 * may ask (isolated or red-heart, else 409 on householdKey), replay-safe by clientId.
 */
export async function createRequest(services: Services, actor: Doer, input: NewRequestInput) {
  const { db } = services;
  const now = platformNow(services.config);
  const h = await careHousehold(services, input.householdKey, now);
  if (!h) throw notFound();
  actor.scope.check('care.manage', h.household.unit_path);
  const region = h.household.region_code;
  const replay = async () => {
    const first = input.clientId ? await q.requestByClientId(db, region, input.clientId) : undefined;
    if (!first) return undefined;
    if (first.household_id !== h.household.id)
      throw conflict(actor.locale, 'unique.care_requests_region_code_client_id_key', 'clientId');
    return { created: false, request: toRequest(first, now, actor.locale) };
  };
  const again = await replay();
  if (again) return again;
  const checked = checkCareRequest(input, now.getTime());
  if (!checked.ok) throw issuesError(actor.locale, checked.issues);
  if (h.reasons.length === 0) throw conflict(actor.locale, 'care.not_eligible', 'householdKey');
  const key = await insertChecked(services, h, checked.value, {
    clientId: input.clientId ?? null,
    source: 'worker',
    userId: actor.userId,
    name: actor.displayName,
  });
  if (!key) {
    const first = await replay();
    if (first) return first;
    throw notFound();
  }
  const row = await requestInScope(db, actor.scope, key, 'care.manage');
  return { created: true, request: toRequest(row, now, actor.locale) };
}

// ---------------------------------------------------------------------------------------------------
// Reading

export type RequestFilter = 'open' | 'overdue' | 'assigned' | 'late' | 'delivered' | 'cancelled' | 'active';

export interface RequestQuery {
  unit?: string;
  day?: string;
  state?: RequestFilter;
  household?: string;
  after?: string;
  limit?: number;
}

function stateCondition(state: RequestFilter, now: Date): RawBuilder<boolean> {
  switch (state) {
    case 'open':
      return sql<boolean>`(r.state = 'open' AND r.due_at >= ${now})`;
    case 'overdue':
      return sql<boolean>`(r.state = 'open' AND r.due_at < ${now})`;
    case 'late':
      return sql<boolean>`(r.state = 'assigned' AND r.due_at < ${now})`;
    case 'active':
      return sql<boolean>`r.state IN ('open','assigned')`;
    default:
      return sql<boolean>`r.state = ${state}`;
  }
}

/** The conditions of a list or its counts: scope, place, day (today unless a household is asked for), state. */
async function conditions(services: Services, actor: Actor, query: RequestQuery, now: Date) {
  const conds: RawBuilder<boolean>[] = [actor.scope.where('r.unit_path', 'care.read')];
  if (query.unit) {
    const unit = await unitInScope(services.db, actor.scope, query.unit, 'care.read');
    conds.push(inSubtree('r.unit_path', unit.path));
  }
  if (query.household) {
    const k = parseRecordKey(query.household);
    if (!k) throw invalid(actor, 'household');
    conds.push(sql<boolean>`(r.region_code = ${k.regionCode} AND r.household_id = ${k.id})`);
  }
  const day = query.day ?? (query.household ? undefined : shanghaiDay(now.getTime()));
  if (day) conds.push(sql<boolean>`r.day = ${day}`);
  if (query.state) conds.push(stateCondition(query.state, now));
  return { conds, day: day ?? null };
}

function invalid(actor: Actor, path: string) {
  return new AppError('validation', 'error.validation', { detail: path }, [
    { path, message: translate(actor.locale, 'field.invalid') },
  ]);
}

const encodeCursor = (r: { due_at: Date; region_code: string; id: string }) =>
  Buffer.from(`${r.due_at.toISOString()}|${r.region_code}|${r.id}`).toString('base64url');

function decodeCursor(actor: Actor, s: string) {
  const [at, region, id] = Buffer.from(s, 'base64url').toString().split('|');
  const when = new Date(at ?? '');
  if (Number.isNaN(when.getTime()) || !/^\d{6}$/.test(region ?? '') || !/^\d{1,18}$/.test(id ?? ''))
    throw invalid(actor, 'after');
  return { at: when, region: region as string, id: id as string };
}

/** The day's requests of the caller's scope (or one household's), by deadline: the overdue ones come first. */
export async function listRequests(services: Services, actor: Actor, query: RequestQuery) {
  const now = platformNow(services.config);
  const { conds, day } = await conditions(services, actor, query, now);
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const after = query.after ? decodeCursor(actor, query.after) : undefined;
  const rows = await q.listRequests(
    services.db,
    sql.join(conds, sql` AND `) as RawBuilder<boolean>,
    after,
    limit + 1,
  );
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    day,
    items: items.map((r) => toRequest(r, now, actor.locale)),
    next: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

/** How many of the day's requests wait, are overdue, on their way (late), delivered, cancelled; households. */
export async function requestCounts(
  services: Services,
  actor: Actor,
  query: { unit?: string; day?: string },
) {
  const now = platformNow(services.config);
  const { conds, day } = await conditions(services, actor, query, now);
  const c = await q.counts(services.db, sql.join(conds, sql` AND `) as RawBuilder<boolean>, now);
  return { day, ...c };
}

/** One request with its history. */
export async function getRequest(services: Services, actor: Actor, key: string) {
  const r = await requestInScope(services.db, actor.scope, key, 'care.read');
  const history = await q.historyOf(services.db, r);
  return {
    ...toRequest(r, platformNow(services.config), actor.locale),
    history: history.map((h) => ({ kind: h.kind, detail: h.detail, by: h.by_name, at: h.at })),
  };
}

/** A household's care: why it may ask, its link (to who may give one), its latest requests. */
export async function householdCare(services: Services, actor: Actor, key: string) {
  const now = platformNow(services.config);
  const h = await careHousehold(services, key, now);
  if (!h) throw notFound();
  const path = actor.scope.check('care.read', h.household.unit_path);
  const hh = h.household;
  const [link, requests] = await Promise.all([
    q.linkOf(services.db, hh.region_code, hh.id),
    q.requestsOfHousehold(services.db, hh.region_code, hh.id, 50),
  ]);
  return {
    householdKey: recordKey(hh.region_code, hh.id),
    unit: { code: hh.unit_code, name: hh.unit_name },
    entrance: hh.entrance,
    door: hh.door,
    reasons: h.reasons,
    eligible: h.reasons.length > 0,
    hasLink: Boolean(link),
    link:
      link && actor.scope.allows('care.manage', path)
        ? { token: link.token, createdAt: link.created_at }
        : null,
    requests: requests.map((r) => toRequest(r, now, actor.locale)),
  };
}

// ---------------------------------------------------------------------------------------------------
// Cancelling

/** Cancels a request not yet delivered (care.manage), with the reason; 409 once delivered or cancelled. */
export async function cancelRequest(services: Services, actor: Doer, key: string, input: { reason: string }) {
  const r = await requestInScope(services.db, actor.scope, key, 'care.manage');
  const reason = input.reason.trim();
  if (reason === '' || reason.length > 200)
    throw issuesError(actor.locale, [{ path: 'reason', code: 'care.cancel_reason' }]);
  if (r.state === 'delivered' || r.state === 'cancelled') throw closed(actor.locale, r.state);
  await transaction(services.db, async (tx) => {
    if (!(await q.cancelRequest(tx, r, reason))) {
      const now = await q.findRequest(tx, r.region_code, r.id);
      throw closed(actor.locale, now?.state === 'delivered' ? 'delivered' : 'cancelled');
    }
    await q.addHistory(tx, r, 'cancelled', { reason }, { userId: actor.userId, name: actor.displayName });
    await publishChange(services, tx, r.unit_path, { request: key, state: 'cancelled' });
  });
  return getRequest(services, actor, key);
}
