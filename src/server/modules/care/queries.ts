import { type RawBuilder, sql } from 'kysely';
import type { CareItem, HelpKind } from '../../../domain/care/items';
import type { CareState } from '../../../domain/care/request';
import type { Db } from '../../db/connection';

// The SQL of care requests and household links. Every read that returns rows of a place takes the
// caller's scope condition (Scope.where) from the service: nothing here decides who may see what.

export interface RequestRow {
  region_code: string;
  id: string;
  client_id: string | null;
  household_id: string;
  unit_path: string;
  community_path: string;
  unit_code: string;
  unit_name: string;
  community_code: string | null;
  community_name: string | null;
  entrance: string;
  door: string;
  day: string;
  due_at: Date;
  urgent: boolean;
  reasons: string[];
  items: CareItem[];
  help: HelpKind[];
  note: string | null;
  source: 'worker' | 'household';
  state: CareState;
  volunteer_person_id: string | null;
  volunteer_user_id: string | null;
  volunteer_name: string | null;
  assigned_at: Date | null;
  delivered_at: Date | null;
  delivered_by: string | null;
  delivered_by_name: string | null;
  received_by: string | null;
  delivery_note: string | null;
  cancel_reason: string | null;
  created_by_name: string;
  created_at: Date;
}

export const REQUEST_COLUMNS = sql`
  r.region_code, r.id::text AS id, r.client_id::text AS client_id, r.household_id::text AS household_id,
  r.unit_path, r.community_path, u.code AS unit_code, u.name AS unit_name, c.code AS community_code,
  c.name AS community_name, r.entrance, r.door, r.day, r.due_at, r.urgent, r.reasons, r.items, r.help, r.note,
  r.source, r.state, r.volunteer_person_id::text AS volunteer_person_id,
  r.volunteer_user_id::text AS volunteer_user_id, r.volunteer_name, r.assigned_at, r.delivered_at,
  r.delivered_by::text AS delivered_by, r.delivered_by_name, r.received_by, r.delivery_note, r.cancel_reason, r.created_by_name, r.created_at`;
export const REQUEST_FROM = sql`care_requests r JOIN units u ON u.path = r.unit_path
  LEFT JOIN units c ON c.path = r.community_path`;

export async function findRequest(db: Db, regionCode: string, id: string) {
  const { rows } = await sql<RequestRow>`
    SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.region_code = ${regionCode} AND r.id = ${id}`.execute(
    db,
  );
  return rows[0];
}

export async function requestByClientId(db: Db, regionCode: string, clientId: string) {
  const { rows } = await sql<RequestRow>`
    SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM}
    WHERE r.region_code = ${regionCode} AND r.client_id = ${clientId}`.execute(db);
  return rows[0];
}

/** Requests matching `where`, by deadline (keyset on due_at, region, id), at most `limit`. */
export async function listRequests(
  db: Db,
  where: RawBuilder<boolean>,
  after: { at: Date; region: string; id: string } | undefined,
  limit: number,
) {
  const keyset = after
    ? sql<boolean>`(r.due_at, r.region_code, r.id) > (${after.at}::timestamptz, ${after.region}, ${after.id}::bigint)`
    : sql<boolean>`true`;
  const { rows } = await sql<RequestRow>`
    SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM}
    WHERE ${where} AND ${keyset}
    ORDER BY r.due_at, r.region_code, r.id LIMIT ${limit}`.execute(db);
  return rows;
}

/** A household's requests, newest first. */
export async function requestsOfHousehold(db: Db, regionCode: string, householdId: string, limit: number) {
  const { rows } = await sql<RequestRow>`
    SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM}
    WHERE r.region_code = ${regionCode} AND r.household_id = ${householdId}
    ORDER BY r.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

export interface NewRequest {
  regionCode: string;
  clientId: string | null;
  householdId: string;
  unitPath: string;
  communityPath: string;
  entrance: string;
  door: string;
  day: string;
  dueAt: Date;
  urgent: boolean;
  reasons: string[];
  items: CareItem[];
  help: string[];
  note: string | null;
  source: 'worker' | 'household';
  createdBy: string | null;
  createdByName: string;
}

/** Inserts a request; undefined when its client id was sent before (the first one stands). */
export async function insertRequest(db: Db, r: NewRequest): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO care_requests (region_code, client_id, household_id, unit_path, community_path, entrance, door, day,
      due_at, urgent, reasons, items, help, note, source, created_by, created_by_name)
    VALUES (${r.regionCode}, ${r.clientId}, ${r.householdId}, ${r.unitPath}, ${r.communityPath}, ${r.entrance},
      ${r.door}, ${r.day}, ${r.dueAt}, ${r.urgent}, ${r.reasons}::text[], ${JSON.stringify(r.items)}::jsonb,
      ${r.help}::text[], ${r.note}, ${r.source}, ${r.createdBy}, ${r.createdByName})
    ON CONFLICT (region_code, client_id) DO NOTHING
    RETURNING id::text AS id`.execute(db);
  return rows[0]?.id;
}

/** Requests of a household not delivered nor cancelled. */
export async function openRequestsOf(db: Db, regionCode: string, householdId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM care_requests
    WHERE region_code = ${regionCode} AND household_id = ${householdId} AND state IN ('open','assigned')`.execute(
    db,
  );
  return rows[0].n;
}

type Key = { region_code: string; id: string };

/**
 * Gives a request to a volunteer: from `from` states only (open, for a volunteer taking it; open or
 * assigned, for the office reassigning it). False when it was in another state (someone else was first).
 */
export async function assignRequest(
  db: Db,
  k: Key,
  from: readonly CareState[],
  v: { personId: string | null; userId: string | null; name: string },
): Promise<boolean> {
  const { rows } = await sql`
    UPDATE care_requests SET state = 'assigned', volunteer_person_id = ${v.personId},
      volunteer_user_id = ${v.userId}, volunteer_name = ${v.name}, assigned_at = platform_now(), updated_at = platform_now()
    WHERE region_code = ${k.region_code} AND id = ${k.id} AND state = ANY(${from as CareState[]}::text[])
    RETURNING id`.execute(db);
  return rows.length > 0;
}

/**
 * Marks a request delivered. `onlyVolunteer`: it must be open, or assigned to this user (a volunteer's
 * own); otherwise open or assigned to anyone (the office). An open one becomes the deliverer's. False
 * when the request was not in such a state (delivered, cancelled, or someone else's).
 */
export async function deliverRequest(
  db: Db,
  k: Key,
  d: {
    byUser: string;
    byName: string;
    receivedBy: string;
    note: string | null;
    onlyVolunteer: boolean;
    /** who delivers an open request: the volunteer themself, or nobody known (the office records it) */
    volunteer: { userId: string; name: string } | null;
  },
): Promise<boolean> {
  const mine = d.onlyVolunteer
    ? sql<boolean>`(state = 'open' OR (state = 'assigned' AND volunteer_user_id = ${d.byUser}))`
    : sql<boolean>`state IN ('open','assigned')`;
  const { rows } = await sql`
    UPDATE care_requests SET state = 'delivered', delivered_at = platform_now(), delivered_by = ${d.byUser},
      delivered_by_name = ${d.byName}, received_by = ${d.receivedBy}, delivery_note = ${d.note},
      volunteer_user_id = CASE WHEN state = 'open' THEN ${d.volunteer?.userId ?? null}::bigint ELSE volunteer_user_id END,
      volunteer_name = CASE WHEN state = 'open' THEN ${d.volunteer?.name ?? null} ELSE volunteer_name END,
      assigned_at = coalesce(assigned_at, platform_now()), updated_at = platform_now()
    WHERE region_code = ${k.region_code} AND id = ${k.id} AND ${mine}
    RETURNING id`.execute(db);
  return rows.length > 0;
}

export async function cancelRequest(db: Db, k: Key, reason: string): Promise<boolean> {
  const { rows } = await sql`
    UPDATE care_requests SET state = 'cancelled', cancel_reason = ${reason}, updated_at = platform_now()
    WHERE region_code = ${k.region_code} AND id = ${k.id} AND state IN ('open','assigned')
    RETURNING id`.execute(db);
  return rows.length > 0;
}

export function addHistory(
  db: Db,
  k: Key,
  kind: string,
  detail: Record<string, unknown>,
  by: { userId: string | null; name: string },
) {
  return sql`
    INSERT INTO care_request_history (region_code, request_id, kind, detail, by_user, by_name)
    VALUES (${k.region_code}, ${k.id}, ${kind}, ${JSON.stringify(detail)}::jsonb, ${by.userId}, ${by.name})`.execute(
    db,
  );
}

export interface HistoryRow {
  kind: string;
  detail: Record<string, unknown>;
  by_name: string;
  at: Date;
}

export async function historyOf(db: Db, k: Key) {
  const { rows } = await sql<HistoryRow>`
    SELECT kind, detail, by_name, at FROM care_request_history
    WHERE region_code = ${k.region_code} AND request_id = ${k.id} ORDER BY at, id LIMIT 200`.execute(db);
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// Counts and the day's list

export interface CountRow {
  open: number;
  overdue: number;
  assigned: number;
  late: number;
  delivered: number;
  cancelled: number;
  households: number;
}

export async function counts(db: Db, where: RawBuilder<boolean>, now: Date): Promise<CountRow> {
  const { rows } = await sql<CountRow>`
    SELECT count(*) FILTER (WHERE r.state = 'open' AND r.due_at >= ${now})::int AS open,
           count(*) FILTER (WHERE r.state = 'open' AND r.due_at < ${now})::int AS overdue,
           count(*) FILTER (WHERE r.state = 'assigned')::int AS assigned,
           count(*) FILTER (WHERE r.state = 'assigned' AND r.due_at < ${now})::int AS late,
           count(*) FILTER (WHERE r.state = 'delivered')::int AS delivered,
           count(*) FILTER (WHERE r.state = 'cancelled')::int AS cancelled,
           count(DISTINCT (r.region_code, r.household_id)) FILTER (WHERE r.state <> 'cancelled')::int AS households
    FROM care_requests r WHERE ${where}`.execute(db);
  return rows[0];
}

export interface DayListRow {
  region_code: string;
  id: string;
  household_id: string;
  community_path: string;
  items: CareItem[];
  help: HelpKind[];
}

/** One page of a day's requests (not cancelled) by community, then id: what the day's list adds up. */
export async function dayListPage(
  db: Db,
  where: RawBuilder<boolean>,
  after: { community: string; region: string; id: string } | undefined,
  limit: number,
) {
  const keyset = after
    ? sql<boolean>`(r.community_path, r.region_code, r.id) > (${after.community}, ${after.region}, ${after.id}::bigint)`
    : sql<boolean>`true`;
  const { rows } = await sql<DayListRow>`
    SELECT r.region_code, r.id::text AS id, r.household_id::text AS household_id, r.community_path, r.items, r.help
    FROM care_requests r
    WHERE ${where} AND r.state <> 'cancelled' AND ${keyset}
    ORDER BY r.community_path, r.region_code, r.id LIMIT ${limit}`.execute(db);
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// Household links

export interface LinkRow {
  region_code: string;
  household_id: string;
  unit_path: string;
  token: string;
  created_at: Date;
}

export async function linkOf(db: Db, regionCode: string, householdId: string) {
  const { rows } = await sql<LinkRow>`
    SELECT region_code, household_id::text AS household_id, unit_path, token, created_at FROM care_links
    WHERE region_code = ${regionCode} AND household_id = ${householdId}`.execute(db);
  return rows[0];
}

export async function linkByToken(db: Db, token: string) {
  const { rows } = await sql<LinkRow>`
    SELECT region_code, household_id::text AS household_id, unit_path, token, created_at FROM care_links
    WHERE token = ${token}`.execute(db);
  return rows[0];
}

/** The household's link: made with `token` when it has none; replaced by it when `replace`. */
export async function putLink(
  db: Db,
  l: { regionCode: string; householdId: string; unitPath: string; token: string; by: string | null },
  replace: boolean,
) {
  const onConflict = replace
    ? sql`DO UPDATE SET token = EXCLUDED.token, unit_path = EXCLUDED.unit_path, created_by = EXCLUDED.created_by, created_at = platform_now()`
    : sql`DO NOTHING`;
  await sql`
    INSERT INTO care_links (region_code, household_id, unit_path, token, created_by)
    VALUES (${l.regionCode}, ${l.householdId}, ${l.unitPath}, ${l.token}, ${l.by})
    ON CONFLICT (region_code, household_id) ${onConflict}`.execute(db);
}

export async function deleteLink(db: Db, regionCode: string, householdId: string) {
  await sql`DELETE FROM care_links WHERE region_code = ${regionCode} AND household_id = ${householdId}`.execute(
    db,
  );
}

/** Locks a household's link (the requests it sends are counted one at a time). */
export async function lockLink(db: Db, token: string) {
  const { rows } = await sql<LinkRow>`
    SELECT region_code, household_id::text AS household_id, unit_path, token, created_at FROM care_links
    WHERE token = ${token} FOR UPDATE`.execute(db);
  return rows[0];
}
