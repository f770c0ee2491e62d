import type { Writable } from 'node:stream';
import { type RawBuilder, sql } from 'kysely';
import { asciiFileName, exportFileName } from '../../../domain/exports/fileNames';
import type { Locale } from '../../../domain/i18n/messages';
import { translate } from '../../../domain/i18n/messages';
import { recordKey } from '../../../domain/ledger/household';
import { shanghaiDay } from '../../../domain/time/shanghai';
import type { Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { auditAs } from '../../platform/audit';
import { platformNow } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import { inSubtree } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { createLedgerExport } from '../../sheets/exportSheet';
import { idNumberIndex, phoneIndex } from '../ledger/protect';
import { unitInScope, unitsAtPaths } from '../org/service';
import * as q from './queries';
import { checkpointInScope } from './service';

// Counts of a day at every level, the list of passages (filters, search, keyset) and its export.

function numbers(r?: q.CountRow) {
  return {
    passages: r?.passages ?? 0,
    vehicles: r?.vehicles ?? 0,
    people: r?.people ?? 0,
    fromKeyAreas: r?.key_area_people ?? 0,
    persuadedBack: r?.persuaded_back ?? 0,
    handedOver: r?.handed_over ?? 0,
    fevers: r?.fever_people ?? 0,
    in: { vehicles: r?.in_vehicles ?? 0, people: r?.in_people ?? 0 },
    out: { vehicles: r?.out_vehicles ?? 0, people: r?.out_people ?? 0 },
  };
}

function add(a: q.CountRow | undefined, b: q.CountRow): q.CountRow {
  if (!a) return { ...b };
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof q.CountRow)[])
    if (typeof b[k] === 'number') out[k] = (a[k] ?? 0) + b[k];
  return out;
}

const ZERO: q.CountRow = {
  passages: 0,
  vehicles: 0,
  people: 0,
  key_area_people: 0,
  fever_people: 0,
  persuaded_back: 0,
  handed_over: 0,
  in_vehicles: 0,
  in_people: 0,
  out_vehicles: 0,
  out_people: 0,
};

const pick = (r: q.CountRow): q.CountRow => {
  const o = { ...ZERO };
  for (const k of Object.keys(ZERO) as (keyof q.CountRow)[]) o[k] = Number(r[k] ?? 0);
  return o;
};

/** The counts of a facility for a day, in total and per shift; or of a unit's subtree, per child. */
export async function counts(
  services: Services,
  actor: Actor,
  query: { unit?: string; facility?: string; day?: string },
) {
  const { db } = services;
  const day = query.day ?? shanghaiDay(platformNow(services.config).getTime());
  if (query.facility) {
    const f = await checkpointInScope(db, actor.scope, query.facility);
    const rows = await q.facilityCounts(db, f.id, day);
    let total: q.CountRow | undefined;
    for (const r of rows) total = add(total, pick(r));
    const noShift = translate(actor.locale, 'checkpoint.no_shift');
    return {
      day,
      facility: { id: f.id, name: f.name },
      ...numbers(total),
      shifts: rows.map((r) => ({
        id: r.shift_key === '0' ? null : r.shift_key,
        name: r.shift_key === '0' ? noShift : (r.shift_name ?? ''),
        ...numbers(pick(r)),
      })),
    };
  }
  const unit = query.unit
    ? await unitInScope(db, actor.scope, query.unit, 'checkpoint.register')
    : await firstRoot(db, actor.scope);
  const depth = unit.path.split('.').length;
  const rows = await q.subtreeCounts(db, unit.path, day, depth + 1);
  let total: q.CountRow | undefined;
  const byChild = new Map<string, q.CountRow>();
  const byFacility = new Map<string, q.CountRow>();
  for (const raw of rows) {
    const r = pick(raw);
    total = add(total, r);
    if (raw.facility_id) byFacility.set(raw.facility_id, add(byFacility.get(raw.facility_id), r));
    else byChild.set(raw.child_path, add(byChild.get(raw.child_path), r));
  }
  const children = await unitsAtPaths(db, [...byChild.keys()]);
  const facilities = byFacility.size
    ? (
        await sql<{ id: string; name: string }>`
          SELECT id::text AS id, name FROM facilities WHERE id = ANY(${[...byFacility.keys()]}::bigint[])`.execute(
          db,
        )
      ).rows
    : [];
  return {
    day,
    unit: { code: unit.code, name: unit.name, kind: unit.kind },
    ...numbers(total),
    children: [
      ...children
        .map((u) => ({ code: u.code, name: u.name, kind: u.kind as string, ...numbers(byChild.get(u.path)) }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      ...facilities.map((f) => ({
        code: null,
        facilityId: f.id,
        name: f.name,
        kind: 'checkpoint',
        ...numbers(byFacility.get(f.id)),
      })),
    ],
  };
}

async function firstRoot(db: Db, scope: Scope) {
  const root = scope.roots('checkpoint.register')[0];
  if (!root) throw new AppError('forbidden', 'error.forbidden');
  const { rows } = await sql<{ code: string }>`SELECT code FROM units WHERE path = ${root}`.execute(db);
  return unitInScope(db, scope, rows[0]?.code ?? '', 'checkpoint.register');
}

// ---------------------------------------------------------------------------------------------------
// The list

export interface PassageQuery {
  facility?: string;
  unit?: string;
  day?: string;
  outcome?: string;
  fromKeyArea?: boolean;
  plate?: string;
  q?: string;
  after?: string;
  limit?: number;
}

interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at}|${c.id}`).toString('base64url');
}

function decodeCursor(s: string): Cursor | undefined {
  const [at, id] = Buffer.from(s, 'base64url').toString().split('|');
  if (!at || !id || !/^\d{1,18}$/.test(id) || Number.isNaN(new Date(at).getTime())) return undefined;
  return { at, id };
}

/** The conditions of a list query, scope first (DESIGN rule 1). */
async function conditions(services: Services, actor: Actor, query: PassageQuery) {
  const { db, protector } = services;
  const conds: RawBuilder<boolean>[] = [actor.scope.where('p.unit_path', 'checkpoint.register')];
  let facilityName: string | undefined;
  let placeName: string | undefined;
  if (query.facility) {
    const f = await checkpointInScope(db, actor.scope, query.facility);
    conds.push(sql<boolean>`p.facility_id = ${f.id}`);
    facilityName = f.name;
  } else if (query.unit) {
    const unit = await unitInScope(db, actor.scope, query.unit, 'checkpoint.register');
    conds.push(inSubtree('p.unit_path', unit.path));
    placeName = unit.name;
  }
  if (query.day) conds.push(sql<boolean>`p.day = ${query.day}`);
  if (query.outcome) conds.push(sql<boolean>`p.outcome = ${query.outcome}`);
  if (query.fromKeyArea) conds.push(sql<boolean>`p.key_area_people > 0`);
  if (query.plate) {
    const plate = query.plate.replace(/\s+/g, '').toUpperCase();
    conds.push(sql<boolean>`p.plate LIKE ${`%${plate.replace(/[\\%_]/g, '\\$&')}%`}`);
  }
  const text = query.q?.trim();
  if (text) {
    const digits = text.toUpperCase();
    const person = (cond: RawBuilder<boolean>) =>
      sql<boolean>`EXISTS (SELECT 1 FROM checkpoint_people pp
        WHERE pp.region_code = p.region_code AND pp.passage_id = p.id AND ${cond})`;
    if (/^\d{17}[\dX]$/.test(digits))
      conds.push(person(sql<boolean>`pp.id_hmac = ${idNumberIndex(protector, digits)}`));
    else if (/^1\d{10}$/.test(digits))
      conds.push(person(sql<boolean>`pp.phone_hmac = ${phoneIndex(protector, digits)}`));
    else if (/^\d{3}[\dX]$|^\d{4,}X?$/.test(digits)) {
      const tail = digits.slice(-4);
      conds.push(person(sql<boolean>`(pp.id_tail = ${tail} OR pp.phone_tail = ${tail})`));
    } else {
      conds.push(sql<boolean>`array_to_string(p.names, ' ') LIKE ${`%${text.replace(/[\\%_]/g, '\\$&')}%`}`);
    }
  }
  return { conds, facilityName, placeName };
}

interface ListRow {
  region_code: string;
  id: string;
  occurred_at: Date;
  direction: string;
  plate: string | null;
  vehicle_kind: string | null;
  people_count: number;
  names: string[];
  outcome: string;
  key_area_people: number;
  fever_people: number;
  facility_id: string;
  facility_name: string;
  shift_name: string | null;
  by_name: string;
}

async function page(db: Db, conds: RawBuilder<boolean>[], after: Cursor | undefined, limit: number) {
  const all = [...conds];
  if (after)
    all.push(sql<boolean>`(p.occurred_at, p.id) < (${new Date(after.at)}::timestamptz, ${after.id}::bigint)`);
  const { rows } = await sql<ListRow>`
    SELECT p.region_code, p.id::text AS id, p.occurred_at, p.direction, p.plate, p.vehicle_kind, p.people_count,
           p.names, p.outcome, p.key_area_people, p.fever_people, p.facility_id::text AS facility_id,
           f.name AS facility_name, p.shift_name, p.by_name
    FROM checkpoint_passages p JOIN facilities f ON f.id = p.facility_id
    WHERE ${sql.join(all, sql` AND `)}
    ORDER BY p.occurred_at DESC, p.id DESC
    LIMIT ${limit}`.execute(db);
  return rows;
}

export async function listPassages(services: Services, actor: Actor, query: PassageQuery) {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const after = query.after ? decodeCursor(query.after) : undefined;
  if (query.after && !after)
    throw new AppError('validation', 'error.validation', { detail: 'after' }, [
      { path: 'after', message: translate(actor.locale, 'field.invalid') },
    ]);
  const { conds } = await conditions(services, actor, query);
  const rows = await page(services.db, conds, after, limit + 1);
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({
      id: recordKey(r.region_code, r.id),
      occurredAt: r.occurred_at,
      direction: r.direction,
      plate: r.plate,
      vehicleKind: r.vehicle_kind,
      peopleCount: r.people_count,
      names: r.names,
      outcome: r.outcome,
      fromKeyArea: r.key_area_people > 0,
      fever: r.fever_people > 0,
      facilityId: r.facility_id,
      facilityName: r.facility_name,
      shiftName: r.shift_name,
      by: r.by_name,
    })),
    next: more && last ? encodeCursor({ at: last.occurred_at.toISOString(), id: last.id }) : null,
  };
}

const EXPORT_PAGE = 500;
const EXPORT_LIMIT = 100_000;

const HEADERS: Record<string, Record<Locale, string>> = {
  occurredAt: { 'zh-CN': '时间', en: 'Time' },
  facility: { 'zh-CN': '卡点', en: 'Checkpoint' },
  shift: { 'zh-CN': '班次', en: 'Shift' },
  direction: { 'zh-CN': '方向', en: 'Direction' },
  plate: { 'zh-CN': '车牌号', en: 'Plate' },
  vehicleKind: { 'zh-CN': '车辆类型', en: 'Vehicle' },
  name: { 'zh-CN': '姓名', en: 'Name' },
  idNumber: { 'zh-CN': '身份证号', en: 'ID number' },
  phone: { 'zh-CN': '手机号', en: 'Phone' },
  temperature: { 'zh-CN': '体温（℃）', en: 'Temperature (°C)' },
  travel: { 'zh-CN': '14天旅居史', en: 'Travel' },
  keyArea: { 'zh-CN': '重点地区', en: 'Key area' },
  fever: { 'zh-CN': '发热', en: 'Fever' },
  destination: { 'zh-CN': '目的地', en: 'Destination' },
  outcome: { 'zh-CN': '处置', en: 'Outcome' },
  by: { 'zh-CN': '登记人', en: 'Registered by' },
};

const OUTCOME_LABELS: Record<string, Record<Locale, string>> = {
  released: { 'zh-CN': '放行', en: 'released' },
  persuaded_back: { 'zh-CN': '劝返', en: 'persuaded back' },
  handed_over: { 'zh-CN': '移交社区', en: 'handed over' },
  transferred: { 'zh-CN': '转运', en: 'transferred' },
};
const DIRECTION_LABELS: Record<string, Record<Locale, string>> = {
  in: { 'zh-CN': '进', en: 'in' },
  out: { 'zh-CN': '出', en: 'out' },
};
const VEHICLE_LABELS: Record<string, Record<Locale, string>> = {
  car: { 'zh-CN': '小客车', en: 'car' },
  truck: { 'zh-CN': '货车', en: 'truck' },
  bus: { 'zh-CN': '客车', en: 'bus' },
  motorbike: { 'zh-CN': '摩托车', en: 'motorbike' },
  other: { 'zh-CN': '其他', en: 'other' },
};

/**
 * An export of the list (the same filters) as xlsx through the one sheet layer, one row per person:
 * masked, or in full for who may reveal them (`reveal`, pii.reveal at the place); audited either way.
 */
export async function preparePassageExport(
  services: Services,
  actor: Actor,
  query: PassageQuery & { reveal: boolean },
) {
  const { conds, facilityName, placeName } = await conditions(services, actor, query);
  const scopePath = actor.scope.roots('checkpoint.register')[0] ?? '';
  const where = query.facility ? 'facility' : 'unit';
  if (!actor.scope.can('data.export')) throw new AppError('forbidden', 'error.forbidden');
  if (query.reveal && !actor.scope.can('pii.reveal')) throw new AppError('forbidden', 'error.forbidden');
  // revealing needs pii.reveal over every row: the rows are limited to its subtrees
  if (query.reveal) conds.push(actor.scope.where('p.unit_path', 'pii.reveal'));
  conds.push(actor.scope.where('p.unit_path', 'data.export'));
  const day = query.day ?? shanghaiDay(platformNow(services.config).getTime());
  const what = facilityName ?? placeName ?? '';
  const title = translate(actor.locale, 'checkpoint.export_title', { facility: what });
  const parts = [title, query.day ?? day];
  await auditAs(services.db, actor, 'data.exported', {
    unitPath: scopePath,
    target: `checkpoints:${where}:${query.facility ?? query.unit ?? ''}`,
    detail: {
      full: query.reveal,
      day: query.day ?? null,
      outcome: query.outcome ?? null,
      fromKeyArea: query.fromKeyArea ?? null,
      q: query.q ? 'number' : null,
    },
  });
  return {
    fileName: exportFileName(parts),
    asciiName: asciiFileName(['checkpoint-passages', query.day ?? day]),
    write: (out: Writable) =>
      writePassages(services, actor.locale, `${title} ${query.day ?? ''}`.trim(), conds, query.reveal, out),
  };
}

async function writePassages(
  services: Services,
  locale: Locale,
  title: string,
  conds: RawBuilder<boolean>[],
  reveal: boolean,
  out: Writable,
) {
  const h = (k: string) => HEADERS[k][locale];
  const sheet = createLedgerExport(out, {
    locale,
    title,
    sheetName: locale === 'en' ? 'Passages' : '通行登记',
    columns: [
      { key: 'occurredAt', header: h('occurredAt'), width: 18 },
      { key: 'facility', header: h('facility'), width: 18 },
      { key: 'shift', header: h('shift'), width: 8 },
      { key: 'direction', header: h('direction'), width: 6 },
      { key: 'plate', header: h('plate'), width: 12, text: true },
      { key: 'vehicleKind', header: h('vehicleKind'), width: 8 },
      { key: 'name', header: h('name'), width: 10 },
      { key: 'idNumber', header: h('idNumber'), width: 20, text: true },
      { key: 'phone', header: h('phone'), width: 14, text: true },
      { key: 'temperature', header: h('temperature'), width: 8 },
      { key: 'travel', header: h('travel'), width: 20 },
      { key: 'keyArea', header: h('keyArea'), width: 10 },
      { key: 'fever', header: h('fever'), width: 6 },
      { key: 'destination', header: h('destination'), width: 20 },
      { key: 'outcome', header: h('outcome'), width: 10 },
      { key: 'by', header: h('by'), width: 10 },
    ],
  });
  const yes = locale === 'en' ? 'yes' : '是';
  let rows = 0;
  let after: Cursor | undefined;
  for (;;) {
    const list = await page(services.db, conds, after, EXPORT_PAGE);
    if (list.length === 0) break;
    const byRegion = new Map<string, string[]>();
    for (const r of list) byRegion.set(r.region_code, [...(byRegion.get(r.region_code) ?? []), r.id]);
    const people = new Map<string, q.PersonRow[]>();
    const sealed = new Map<string, { id_enc: Buffer | null; phone_enc: Buffer | null }>();
    for (const [region, ids] of byRegion) {
      for (const p of await q.peopleOf(services.db, region, ids)) {
        const k = recordKey(region, p.passage_id);
        people.set(k, [...(people.get(k) ?? []), p]);
      }
      if (reveal)
        for (const s of await q.sealedPeopleOf(services.db, region, ids))
          sealed.set(recordKey(region, s.id), s);
    }
    for (const r of list) {
      const base = {
        occurredAt: new Date(r.occurred_at.getTime() + 8 * 3_600_000)
          .toISOString()
          .slice(0, 16)
          .replace('T', ' '),
        facility: r.facility_name,
        shift: r.shift_name,
        direction: DIRECTION_LABELS[r.direction]?.[locale] ?? r.direction,
        plate: r.plate,
        vehicleKind: r.vehicle_kind ? (VEHICLE_LABELS[r.vehicle_kind]?.[locale] ?? r.vehicle_kind) : null,
        outcome: OUTCOME_LABELS[r.outcome]?.[locale] ?? r.outcome,
        by: r.by_name,
      };
      for (const p of people.get(recordKey(r.region_code, r.id)) ?? []) {
        const s = sealed.get(recordKey(r.region_code, p.id));
        sheet.addRow({
          ...base,
          name: p.name,
          idNumber: s?.id_enc ? services.protector.decrypt(s.id_enc) : p.id_masked,
          phone: s?.phone_enc ? services.protector.decrypt(s.phone_enc) : p.phone_masked,
          temperature: p.temperature_c === null ? null : Number(p.temperature_c),
          travel: p.travel.map((t) => t.placeName ?? t.placeCode),
          keyArea: p.key_area?.name ?? null,
          fever: p.fever ? yes : null,
          destination: p.destination_address,
        });
        rows++;
      }
    }
    if (rows >= EXPORT_LIMIT) break;
    const last = list[list.length - 1];
    after = { at: last.occurred_at.toISOString(), id: last.id };
  }
  await sheet.finish();
  return rows;
}
