import { sql } from 'kysely';
import { type Locale, type MessageKey, translate } from '../../../domain/i18n/messages';
import { KEY_PERSON_CATEGORIES } from '../../../domain/isolation/keyPerson';
import type { ListRow, ListSheetError } from '../../../domain/isolation/listSheet';
import { recordKey } from '../../../domain/ledger/household';
import { rowErrorText } from '../../../domain/sheets/rowErrors';
import { sniffNotSheet } from '../../../domain/uploads/fileKind';
import { nextIds } from '../../db/bulk';
import type { Db } from '../../db/connection';
import { transaction } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { platformNow, platformToday } from '../../platform/clock';
import { AppError, invalidField, notFound } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { looksLikeZip } from '../../sheets/zip';
import { dayDate } from '../forces/people';
import { idNumberIndex, protectIdNumber, protectPhone } from '../ledger/protect';
import { communityPathOf, residentsByIdHmacs } from '../ledger/service';
import { unitInScope } from '../org/service';
import { createKeyPerson } from './keyPersons';
import { type CheckedList, listSheetJobs } from './listSheetJobs';
import { KEY_PERSON_EVENT } from './views';

// 协查名单 — lists sent down from above: the sheet checked in a sheet worker (every row, or nothing: a row
// error names its row and column), then each person matched to the ledger by the blind index of the ID
// number; found in the receiver's scope: registered as a key person where they live; not in the ledger:
// routed to the unit whose name the address holds (a community, then a courtyard in it) and registered
// there; already a key person: noted; a resident outside the receiver's scope: counted, not shown; nobody
// to route to: "not found" (查找落地), for the receiver to place by hand. Everything in one transaction, in
// bulk (one statement per table), so a 10,000-row list is one round of statements, not 10,000.

export const MAX_LIST_ROWS = 20_000;

type Outcome = 'matched' | 'routed' | 'already' | 'outside' | 'not_found';

function fileError(locale: Locale, key: MessageKey = 'error.import_not_xlsx', params = {}) {
  return new AppError('validation', 'error.validation', { detail: 'file' }, [
    { path: 'file', message: translate(locale, key, params) },
  ]);
}

function rejected(locale: Locale, errors: ListSheetError[]): AppError {
  const rows = new Set(errors.map((e) => e.row));
  return new AppError(
    'validation',
    'forces.import_rejected',
    { count: rows.size },
    errors.slice(0, 500).map((e) => ({
      path: e.row === null ? 'file' : `rows.${e.row}.${e.field}`,
      ...(e.row === null ? {} : { row: e.row }),
      ...(e.column === null ? {} : { column: e.column }),
      message: rowErrorText(locale, e),
    })),
  );
}

async function checkRows(services: Services, actor: Actor, data: Buffer): Promise<ListRow[]> {
  if (!looksLikeZip(data)) {
    const kind = sniffNotSheet(data);
    throw kind ? fileError(actor.locale, `upload.not_sheet.${kind}`) : fileError(actor.locale);
  }
  let checked: CheckedList;
  try {
    checked = await listSheetJobs.run('checkList', data, {
      locale: actor.locale,
      today: dayDate(platformToday(services.config)),
      maxRows: MAX_LIST_ROWS + 21,
    });
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation') throw fileError(actor.locale, e.key, e.params);
    throw e;
  }
  if (checked.outcome === 'too_many')
    throw fileError(actor.locale, 'isolation.list_too_many', { max: MAX_LIST_ROWS });
  if (checked.outcome === 'empty' || (checked.read.count === 0 && !checked.read.errors.length))
    throw fileError(actor.locale, 'isolation.list_empty');
  if (checked.read.errors.length) throw rejected(actor.locale, checked.read.errors);
  return checked.read.rows;
}

interface Place {
  path: string;
  name: string;
  kind: string;
}

/** The communities and courtyards under a unit (the receiver's), the places an address may name. */
async function placesUnder(db: Db, root: string): Promise<Place[]> {
  const { rows } = await sql<Place>`
    SELECT path, name, kind FROM units
    WHERE (path = ${root} OR (path >= ${`${root}.`} AND path < ${`${root}/`})) AND kind IN ('village', 'courtyard')`.execute(
    db,
  );
  return rows;
}

/** The unit an address names: the community whose name it holds (the longest), then a courtyard of it. */
export function routeByAddress(address: string | undefined, places: readonly Place[]): string | undefined {
  if (!address) return undefined;
  const holds = (p: Place) => p.name.length >= 2 && address.includes(p.name);
  const community = places
    .filter((p) => p.kind === 'village' && holds(p))
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!community) return undefined;
  const courtyard = places
    .filter((p) => p.kind === 'courtyard' && p.path.startsWith(`${community.path}.`) && holds(p))
    .sort((a, b) => b.name.length - a.name.length)[0];
  return (courtyard ?? community).path;
}

export interface ListImportInput {
  unitCode: string;
  title: string;
  category: string;
  data: Buffer;
}

/** Imports a list from above at a unit of the caller's scope: every row placed, or nothing written. */
export async function importList(services: Services, actor: Actor, input: ListImportInput) {
  const { db, protector } = services;
  const unit = await unitInScope(db, actor.scope, input.unitCode, 'isolation.write');
  if (!(KEY_PERSON_CATEGORIES as readonly string[]).includes(input.category))
    throw invalidField('category', 'isolation.category', actor.locale);
  const rows = await checkRows(services, actor, input.data);
  const now = platformNow(services.config);
  const regionOfUnit = unit.region_code ?? unit.code.slice(0, 6);

  // matched to the ledger by the blind index of the ID number
  const hmacs = rows.map((r) => (r.idNumber ? idNumberIndex(protector, r.idNumber) : null));
  const residents = await residentsByIdHmacs(
    db,
    hmacs.filter((h): h is Buffer => h !== null),
  );
  const residentOf = new Map(residents.map((r) => [r.id_hmac.toString('hex'), r]));
  // open cases already: by the ID number's blind index
  const { rows: open } = await sql<{ id_hmac: Buffer; region_code: string; id: string }>`
    SELECT id_hmac, region_code, id::text AS id FROM key_persons
    WHERE state = 'open' AND id_hmac = ANY(${hmacs.filter((h): h is Buffer => h !== null)}::bytea[])`.execute(
    db,
  );
  const openOf = new Map(open.map((o) => [o.id_hmac.toString('hex'), o]));
  const places = await placesUnder(db, unit.path);

  const plans = rows.map((r, i) => {
    const hmac = hmacs[i];
    const hex = hmac?.toString('hex');
    const already = hex ? openOf.get(hex) : undefined;
    const resident = hex ? residentOf.get(hex) : undefined;
    let outcome: Outcome;
    let placePath: string | null = null;
    if (already) outcome = 'already';
    else if (resident && !actor.scope.allows('isolation.write', resident.unit_path)) outcome = 'outside';
    else if (resident) {
      outcome = 'matched';
      placePath = resident.unit_path;
    } else {
      placePath = routeByAddress(r.address, places) ?? null;
      outcome = placePath ? 'routed' : 'not_found';
    }
    const id = r.idNumber ? protectIdNumber(protector, r.idNumber, hmac ?? undefined) : null;
    const phone = r.phone ? protectPhone(protector, r.phone) : null;
    return { r, outcome, placePath, resident, already, id, phone };
  });

  const listId = await transaction(db, async (tx) => {
    const { rows: made } = await sql<{ id: string }>`
      INSERT INTO isolation_lists (unit_path, title, category, rows, created_by, received_at)
      VALUES (${unit.path}, ${input.title.trim()}, ${input.category}, ${rows.length}, ${actor.userId}, ${now})
      RETURNING id::text AS id`.execute(tx);
    const listId = made[0].id;
    const sourceRef = `list:${listId}`;
    // the key persons, in one statement; their region: the resident's, or the receiver's
    const toCreate = plans.filter((p) => p.outcome === 'matched' || p.outcome === 'routed');
    const created = new Map<number, { region: string; id: string }>();
    if (toCreate.length) {
      const col = <T>(f: (p: (typeof toCreate)[number]) => T) => toCreate.map(f);
      // the ids drawn first: each row knows its key person without relying on the order of RETURNING
      const ids = await nextIds(tx, 'key_persons', toCreate.length);
      const regions = col((p) => p.resident?.region_code ?? regionOfUnit);
      await sql`
        INSERT INTO key_persons (region_code, id, unit_path, community_path, resident_region, resident_id, name, id_type,
          id_enc, id_hmac, id_masked, id_tail, phone_enc, phone_hmac, phone_masked, phone_tail, address, category,
          source, source_ref, evidence, created_by, created_at)
        SELECT region_code, id, unit_path, community_path, resident_region, resident_id, name, 'resident_id', id_enc, id_hmac,
          id_masked, id_tail, phone_enc, phone_hmac, phone_masked, phone_tail, address, ${input.category}, 'list',
          ${sourceRef}, jsonb_build_object('note', reason), ${actor.userId}, ${now}::timestamptz
        FROM unnest(
          ${regions}::text[],
          ${ids}::bigint[],
          ${col((p) => p.placePath)}::text[],
          ${col((p) => communityPathOf(p.placePath as string))}::text[],
          ${col((p) => p.resident?.region_code ?? null)}::text[],
          ${col((p) => p.resident?.id ?? null)}::bigint[],
          ${col((p) => p.resident?.name ?? p.r.name)}::text[],
          ${col((p) => p.resident?.id_enc ?? p.id?.enc ?? null)}::bytea[],
          ${col((p) => p.resident?.id_hmac ?? p.id?.hmac ?? null)}::bytea[],
          ${col((p) => p.resident?.id_masked ?? p.id?.masked ?? null)}::text[],
          ${col((p) => p.resident?.id_tail ?? p.id?.tail ?? null)}::text[],
          ${col((p) => p.resident?.phone_enc ?? p.phone?.enc ?? null)}::bytea[],
          ${col((p) => p.resident?.phone_hmac ?? p.phone?.hmac ?? null)}::bytea[],
          ${col((p) => p.resident?.phone_masked ?? p.phone?.masked ?? null)}::text[],
          ${col((p) => p.resident?.phone_tail ?? p.phone?.tail ?? null)}::text[],
          ${col((p) => p.r.address ?? null)}::text[],
          ${col((p) => p.r.reason ?? null)}::text[]
        ) AS n(region_code, id, unit_path, community_path, resident_region, resident_id, name, id_enc, id_hmac,
          id_masked, id_tail, phone_enc, phone_hmac, phone_masked, phone_tail, address, reason)`.execute(tx);
      for (const [i, p] of toCreate.entries()) created.set(p.r.row, { region: regions[i], id: ids[i] });
      await sql`
        INSERT INTO key_person_history (region_code, key_person_id, kind, detail, by_user, by_name, at)
        SELECT r, i, 'registered', jsonb_build_object('category', ${input.category}::text, 'source', 'list', 'list', ${listId}::bigint),
          ${actor.userId}, ${actor.username}, ${now}::timestamptz
        FROM unnest(${regions}::text[], ${ids}::bigint[]) AS x(r, i)`.execute(tx);
    }
    const key = (p: (typeof plans)[number]) =>
      created.get(p.r.row) ?? (p.already ? { region: p.already.region_code, id: p.already.id } : undefined);
    await sql`
      INSERT INTO isolation_list_rows (list_id, row_no, name, id_enc, id_hmac, id_masked, phone_enc, phone_hmac,
        phone_masked, address, reason, outcome, key_person_region, key_person_id, unit_path)
      SELECT ${listId}, * FROM unnest(
        ${plans.map((p) => p.r.row)}::int[], ${plans.map((p) => p.r.name)}::text[],
        ${plans.map((p) => p.id?.enc ?? null)}::bytea[], ${plans.map((p) => p.id?.hmac ?? null)}::bytea[],
        ${plans.map((p) => p.id?.masked ?? null)}::text[], ${plans.map((p) => p.phone?.enc ?? null)}::bytea[],
        ${plans.map((p) => p.phone?.hmac ?? null)}::bytea[], ${plans.map((p) => p.phone?.masked ?? null)}::text[],
        ${plans.map((p) => p.r.address ?? null)}::text[], ${plans.map((p) => p.r.reason ?? null)}::text[],
        ${plans.map((p) => p.outcome)}::text[], ${plans.map((p) => key(p)?.region ?? null)}::text[],
        ${plans.map((p) => key(p)?.id ?? null)}::bigint[],
        ${plans.map((p) => (p.outcome === 'outside' ? null : p.placePath))}::text[]
      )`.execute(tx);
    await services.events.publish(tx, {
      type: KEY_PERSON_EVENT,
      unitPath: unit.path,
      permission: 'isolation.read',
      data: { list: listId },
    });
    return listId;
  });
  return getList(services, actor, listId);
}

interface ListRowStats {
  id: string;
  unit_path: string;
  unit_name: string;
  title: string;
  category: string;
  rows: number;
  received_at: Date;
  matched: number;
  routed: number;
  already: number;
  outside: number;
  not_found: number;
  reached: number;
  placed: number;
}

/** A list's figures: found (matched, routed, already), reached (checked once), placed under a measure, not found. */
const LIST_STATS = sql`
  l.id::text AS id, l.unit_path, u.name AS unit_name, l.title, l.category, l.rows, l.received_at,
  (SELECT count(*) FILTER (WHERE outcome = 'matched')::int FROM isolation_list_rows r WHERE r.list_id = l.id) AS matched,
  (SELECT count(*) FILTER (WHERE outcome = 'routed')::int FROM isolation_list_rows r WHERE r.list_id = l.id) AS routed,
  (SELECT count(*) FILTER (WHERE outcome = 'already')::int FROM isolation_list_rows r WHERE r.list_id = l.id) AS already,
  (SELECT count(*) FILTER (WHERE outcome = 'outside')::int FROM isolation_list_rows r WHERE r.list_id = l.id) AS outside,
  (SELECT count(*) FILTER (WHERE outcome = 'not_found')::int FROM isolation_list_rows r WHERE r.list_id = l.id) AS not_found,
  (SELECT count(*)::int FROM key_persons k WHERE k.source_ref = 'list:' || l.id AND k.last_checked_at IS NOT NULL) AS reached,
  (SELECT count(DISTINCT k.id)::int FROM key_persons k JOIN isolation_measures m
     ON m.region_code = k.region_code AND m.key_person_id = k.id
   WHERE k.source_ref = 'list:' || l.id) AS placed`;

function toList(l: ListRowStats) {
  return {
    id: l.id,
    title: l.title,
    unitName: l.unit_name,
    category: l.category,
    rows: l.rows,
    receivedAt: l.received_at,
    found: l.matched + l.routed + l.already,
    matched: l.matched,
    routed: l.routed,
    already: l.already,
    outside: l.outside,
    notFound: l.not_found,
    reached: l.reached,
    placed: l.placed,
  };
}

export async function listLists(services: Services, actor: Actor) {
  const { rows } = await sql<ListRowStats>`
    SELECT ${LIST_STATS} FROM isolation_lists l JOIN units u ON u.path = l.unit_path
    WHERE ${actor.scope.where('l.unit_path', 'isolation.read')}
    ORDER BY l.id DESC LIMIT 100`.execute(services.db);
  return { items: rows.map(toList) };
}

async function listInScope(
  services: Services,
  actor: Actor,
  id: string,
  permission: 'isolation.read' | 'isolation.write',
) {
  if (!/^\d{1,18}$/.test(id)) throw notFound();
  const { rows } = await sql<ListRowStats>`
    SELECT ${LIST_STATS} FROM isolation_lists l JOIN units u ON u.path = l.unit_path WHERE l.id = ${id}`.execute(
    services.db,
  );
  const l = rows[0];
  if (!l) throw notFound();
  actor.scope.check(permission, l.unit_path);
  return l;
}

/** A list with its rows (masked), by row; `outcome` filters them (not_found: the ones to chase). */
export async function getList(
  services: Services,
  actor: Actor,
  id: string,
  query: { outcome?: Outcome } = {},
) {
  const l = await listInScope(services, actor, id, 'isolation.read');
  const { rows } = await sql<{
    id: string;
    row_no: number;
    name: string;
    id_masked: string | null;
    phone_masked: string | null;
    address: string | null;
    reason: string | null;
    outcome: Outcome;
    key_person_region: string | null;
    key_person_id: string | null;
    unit_name: string | null;
  }>`
    SELECT r.id::text AS id, r.row_no, r.name, r.id_masked, r.phone_masked, r.address, r.reason, r.outcome,
      r.key_person_region, r.key_person_id::text AS key_person_id, u.name AS unit_name
    FROM isolation_list_rows r LEFT JOIN units u ON u.path = r.unit_path
    WHERE r.list_id = ${l.id} ${query.outcome ? sql`AND r.outcome = ${query.outcome}` : sql``}
    ORDER BY r.row_no LIMIT 1000`.execute(services.db);
  return {
    ...toList(l),
    items: rows.map((r) => ({
      id: r.id,
      row: r.row_no,
      name: r.name,
      idNumberMasked: r.id_masked,
      phoneMasked: r.phone_masked,
      address: r.address,
      reason: r.reason,
      outcome: r.outcome,
      // a resident outside the receiver's scope: nothing more is said
      keyPersonId:
        r.outcome !== 'outside' && r.key_person_region && r.key_person_id
          ? recordKey(r.key_person_region, r.key_person_id)
          : null,
      unitName: r.outcome === 'outside' ? null : r.unit_name,
    })),
  };
}

/** Places a person not found (查找落地) at a unit of the caller's scope: registered as a key person there. */
export async function placeListRow(services: Services, actor: Actor, rowId: string, unitCode: string) {
  if (!/^\d{1,18}$/.test(rowId)) throw notFound();
  const { rows } = await sql<{
    id: string;
    list_id: string;
    name: string;
    outcome: Outcome;
    id_enc: Buffer | null;
    phone_enc: Buffer | null;
    address: string | null;
    reason: string | null;
  }>`
    SELECT id::text AS id, list_id::text AS list_id, name, outcome, id_enc, phone_enc, address, reason
    FROM isolation_list_rows WHERE id = ${rowId}`.execute(services.db);
  const r = rows[0];
  if (!r) throw notFound();
  const l = await listInScope(services, actor, r.list_id, 'isolation.write');
  if (r.outcome !== 'not_found')
    throw new AppError('conflict', 'isolation.list_row_done', {}, [
      { path: 'unitCode', message: translate(actor.locale, 'isolation.list_row_done') },
    ]);
  const unit = await unitInScope(services.db, actor.scope, unitCode, 'isolation.write');
  const made = await createKeyPerson(services, actor, {
    unitCode: unit.code,
    name: r.name,
    idNumber: r.id_enc ? services.protector.decrypt(r.id_enc) : undefined,
    phone: r.phone_enc ? services.protector.decrypt(r.phone_enc) : undefined,
    address: r.address ?? undefined,
    category: l.category,
    source: 'list',
    sourceRef: `list:${l.id}`,
    evidence: r.reason ? { note: r.reason } : {},
  });
  const k = made.keyPerson;
  const [region, id] = k.id.split('-');
  await sql`
    UPDATE isolation_list_rows SET outcome = 'routed', key_person_region = ${region}, key_person_id = ${id},
      unit_path = ${unit.path}, decided_at = now()
    WHERE id = ${r.id} AND outcome = 'not_found'`.execute(services.db);
  return k;
}
