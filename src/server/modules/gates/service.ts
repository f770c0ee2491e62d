import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Permission } from '../../../domain/access/roles';
import {
  type Decision,
  decideOut,
  type GateRule,
  type Refusal,
  shanghaiClock,
  windowStart,
} from '../../../domain/gates/rule';
import { type Locale, translate } from '../../../domain/i18n/messages';
import { parseRecordKey, recordKey } from '../../../domain/ledger/household';
import { isWithin } from '../../../domain/org/units';
import { validateIdNumber } from '../../../domain/validators/idNumber';
import { validatePhone } from '../../../domain/validators/phone';
import type { Db } from '../../db/connection';
import { transaction } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { platformNow, platformToday } from '../../platform/clock';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { registerPlaceColumn } from '../../platform/placeColumns';
import type { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { protectIdNumber, protectPhone } from '../ledger/protect';
import { householdForGate, householdsForGate, residentInScope } from '../ledger/service';
import { unitInScope } from '../org/service';
import * as q from './queries';

// Courtyard gates (小区门岗): docs/architecture.md, "Courtyard gates". Routes validate, call these, shape.

registerPlaceColumn({ table: 'gates', column: 'unit_path', what: 'what.facilities' });
registerPlaceColumn({ table: 'gate_passes', column: 'unit_path', what: 'what.households' });
registerPlaceColumn({ table: 'gate_out', column: 'unit_path', what: 'what.households' });
registerPlaceColumn({ table: 'gate_out_counts', column: 'unit_path', what: 'what.households' });
registerPlaceColumn({ table: 'gate_scans', column: 'unit_path', what: 'what.households' });
registerPlaceColumn({ table: 'gate_scans', column: 'gate_path', what: 'what.facilities' });
registerPlaceColumn({ table: 'gate_visitors', column: 'unit_path', what: 'what.households' });
registerPlaceColumn({ table: 'gate_visitors', column: 'gate_path', what: 'what.facilities' });
registerPlaceColumn({ table: 'gate_exemptions', column: 'unit_path', what: 'what.households' });
registerPlaceColumn({ table: 'gate_day_counts', column: 'gate_path', what: 'what.facilities' });

const GATE_KINDS = new Set(['village', 'grid', 'courtyard']);
/** The households one gate covers at most (a large residential area has a few thousand). */
export const MAX_HOUSEHOLDS = 6000;
const TOKEN_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A pass token: 10 characters without 0/O or 1/I (50 bits), short enough to type at the gate. */
export function newPassToken(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)];
  return s;
}

/** A gate the actor may act on with `permission`; 404 for anything else. */
export async function gateInScope(db: Db, scope: Scope, id: string, permission: Permission) {
  const g = await q.findGate(db, id);
  if (!g) throw notFound();
  scope.check(permission, g.unit_path);
  return g;
}

function toGate(g: q.GateRow) {
  return {
    id: g.id,
    name: g.name,
    unit: { code: g.unit_code, name: g.unit_name },
    rule: { personsPerHousehold: g.persons_per_household, everyDays: g.every_days },
    status: g.status,
  };
}

export async function listGates(services: Services, scope: Scope, unit: string | undefined) {
  const root = unit ? (await unitInScope(services.db, scope, unit, 'gate.read')).path : undefined;
  const rows = await q.gatesUnder(services.db, scope.where('g.unit_path', 'gate.read'), root);
  return { items: rows.map(toGate) };
}

export async function createGate(
  services: Services,
  actor: Actor,
  input: { unitCode: string; name: string } & Partial<GateRule>,
) {
  const unit = await unitInScope(services.db, actor.scope, input.unitCode, 'gate.manage');
  if (!GATE_KINDS.has(unit.kind)) throw invalidField('unitCode', 'gate.unit_kind', actor.locale);
  const row = await services.db
    .insertInto('gates')
    .values({
      unit_id: unit.id,
      unit_path: unit.path,
      name: input.name,
      persons_per_household: input.personsPerHousehold ?? 1,
      every_days: input.everyDays ?? 2,
      created_by: actor.userId,
      updated_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getGate(services, actor.scope, row.id);
}

export async function getGate(services: Services, scope: Scope, id: string) {
  const g = await gateInScope(services.db, scope, id, 'gate.read');
  const today = platformToday(services.config);
  const [exemptions, counts] = await Promise.all([
    q.exemptionsOf(services.db, g.id),
    q.countsUnder(services.db, g.unit_path, today),
  ]);
  return {
    ...toGate(g),
    today,
    counts: gateCounts(counts, g.id),
    exemptions: exemptions.map((e) => ({
      id: e.id,
      residentKey: recordKey(e.region_code, e.resident_id),
      householdKey: recordKey(e.region_code, e.household_id),
      name: e.name,
      kind: e.kind,
      note: e.note,
      until: e.until,
    })),
  };
}

function gateCounts(c: Awaited<ReturnType<typeof q.countsUnder>>, gateId?: string) {
  const pick = <T extends { gate_id: string }>(rows: T[]) =>
    gateId ? rows.filter((r) => r.gate_id === gateId) : rows;
  const days = pick(c.days);
  return {
    outNow: pick(c.out).reduce((s, r) => s + r.out_now, 0),
    outs: days.reduce((s, r) => s + r.outs, 0),
    ins: days.reduce((s, r) => s + r.ins, 0),
    refused: days.reduce((s, r) => s + r.refused, 0),
    visitors: days.reduce((s, r) => s + r.visitors, 0),
  };
}

export async function setRule(services: Services, actor: Actor, id: string, rule: GateRule) {
  const g = await gateInScope(services.db, actor.scope, id, 'gate.manage');
  await services.db
    .updateTable('gates')
    .set({
      persons_per_household: rule.personsPerHousehold,
      every_days: rule.everyDays,
      updated_by: actor.userId,
      updated_at: new Date(),
    })
    .where('id', '=', g.id)
    .execute();
  return getGate(services, actor.scope, id);
}

/** Counts at any level of the tree: people out now and the day's movements, with each gate's own. */
export async function countsAt(services: Services, scope: Scope, unitCode: string, day: string | undefined) {
  const unit = await unitInScope(services.db, scope, unitCode, 'gate.read');
  const d = day ?? platformToday(services.config);
  const c = await q.countsUnder(services.db, unit.path, d);
  const ids = [...new Set([...c.out.map((r) => r.gate_id), ...c.days.map((r) => r.gate_id)])];
  return {
    unit: unit.code,
    day: d,
    ...gateCounts(c),
    gates: ids.map((gateId) => ({ gateId, ...gateCounts(c, gateId) })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Passes

/** Issues a pass to every active household under the gate that has none; answers how many were issued. */
export async function issuePasses(services: Services, actor: Actor, id: string) {
  const g = await gateInScope(services.db, actor.scope, id, 'gate.manage');
  const households = await householdsForGate(services.db, g.unit_path, MAX_HOUSEHOLDS);
  let issued = 0;
  for (let i = 0; i < households.length; i += 500) {
    const chunk = households.slice(i, i + 500);
    const res = await services.db
      .insertInto('gate_passes')
      .values(
        chunk.map((h) => ({
          gate_id: g.id,
          region_code: h.regionCode,
          household_id: h.id,
          unit_path: h.unitPath,
          building: h.building,
          door: h.door,
          token: newPassToken(),
          issued_by: actor.userId,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['gate_id', 'region_code', 'household_id']).where('status', '=', 'active').doNothing(),
      )
      .executeTakeFirst();
    issued += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return { issued, households: households.length };
}

export async function listPasses(services: Services, scope: Scope, id: string, building: string | undefined) {
  const g = await gateInScope(services.db, scope, id, 'gate.read');
  const rows = await q.passesOf(services.db, g.id, building, MAX_HOUSEHOLDS);
  const buildings = [...new Set(rows.map((r) => r.building))];
  return {
    gate: toGate(g),
    buildings,
    items: rows.map((p) => ({
      id: p.id,
      householdKey: recordKey(p.region_code, p.household_id),
      building: p.building,
      door: p.door,
      token: p.token,
    })),
  };
}

/** The household at the gate: its residents, who of them is out, exemptions, and whether one more may go out. */
export async function householdAtGate(
  services: Services,
  scope: Scope,
  id: string,
  by: { token?: string; householdKey?: string },
  locale: Locale,
) {
  const g = await gateInScope(services.db, scope, id, 'gate.scan');
  const pass = await passFor(services.db, g, by, locale);
  const h = await householdForGate(services.db, pass.region_code, pass.household_id);
  if (!h) throw notFound();
  const today = platformToday(services.config);
  const [outings, out, exemptions] = await Promise.all([
    q.outingsSince(services.db, g.id, pass.region_code, pass.household_id, windowStart(ruleOf(g), today)),
    q.outOfHousehold(services.db, g.id, pass.region_code, pass.household_id),
    q.exemptionsOf(services.db, g.id),
  ]);
  const exempt = new Set(
    exemptions
      .filter((e) => !e.until || e.until >= today)
      .map((e) => recordKey(e.region_code, e.resident_id)),
  );
  const outOf = new Map(out.map((o) => [recordKey(o.region_code, o.resident_id), o]));
  return {
    gate: toGate(g),
    householdKey: h.key,
    token: pass.token,
    building: pass.building,
    door: pass.door,
    residents: h.residents.map((r) => {
      const o = outOf.get(r.key);
      const decision = decideOut({
        rule: ruleOf(g),
        today,
        outings: outings.map(toOuting),
        exempt: exempt.has(r.key),
        outSince: o ? { name: o.name, at: o.out_at.toISOString() } : undefined,
      });
      return {
        key: r.key,
        name: r.name,
        phoneMasked: r.phoneMasked,
        exempt: exempt.has(r.key),
        out: o ? { at: o.out_at } : null,
        mayGoOut: decision.allowed,
        refusal: decision.allowed ? null : refusalText(decision.refusal, locale),
      };
    }),
  };
}

/** The pass a scan names (its token, or the household picked from the list); 400 naming the field. */
async function passFor(db: Db, g: q.GateRow, by: { token?: string; householdKey?: string }, locale: Locale) {
  if (by.token) {
    const p = await q.passByToken(db, by.token.trim().toUpperCase());
    if (p?.status !== 'active') throw invalidField('token', 'gate.pass_unknown', locale);
    if (p.gate_id !== g.id) throw invalidField('token', 'gate.pass_wrong_gate', locale);
    return p;
  }
  const k = by.householdKey ? parseRecordKey(by.householdKey) : undefined;
  const p = k ? await q.passOfHousehold(db, g.id, k.regionCode, k.id) : undefined;
  if (!p) throw invalidField(by.householdKey ? 'householdKey' : 'token', 'gate.pass_unknown', locale);
  return p;
}

const ruleOf = (g: q.GateRow): GateRule => ({
  personsPerHousehold: g.persons_per_household,
  everyDays: g.every_days,
});
const toOuting = (o: q.OutingRow) => ({
  residentId: o.resident_id,
  name: o.name,
  at: o.at.toISOString(),
  day: o.day,
  exempt: o.exempt,
});

/** The refusal as the guard reads it: 本户今日已出行 1 人（王秀英 07:42 出）. */
export function refusalText(r: Refusal, locale: Locale): string {
  if (r.kind === 'already_out')
    return translate(locale, 'gate.refused_already_out', { name: r.name, time: shanghaiClock(r.at) });
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const who = r.used
    .map((u) => translate(locale, 'gate.went_out', { name: u.name, time: shanghaiClock(u.at) }))
    .join(sep);
  if (r.today) return translate(locale, 'gate.refused_today', { count: r.used.length, who });
  const days = [...new Set(r.used.map((u) => u.day.slice(5)))].join(sep);
  return translate(locale, 'gate.refused_window', {
    days,
    count: r.used.length,
    who,
    next: r.nextDay.slice(5),
  });
}

// ---------------------------------------------------------------------------------------------------
// Scans

export interface ScanInput {
  clientId: string;
  token?: string;
  householdKey?: string;
  residentKey: string;
  direction: 'out' | 'in';
}

function toScan(s: q.ScanRow, locale: Locale) {
  return {
    id: s.id,
    clientId: s.client_id,
    householdKey: recordKey(s.region_code, s.household_id),
    residentKey: recordKey(s.region_code, s.resident_id),
    name: s.name,
    building: s.building,
    door: s.door,
    direction: s.direction,
    outcome: s.outcome,
    exempt: s.exempt,
    reason: s.reason ? refusalText(s.reason as Refusal, locale) : null,
    at: s.at,
  };
}

/** A refused scan is kept (with its reason) and answered as 409 with the reason; so is its replay. */
function refused(s: q.ScanRow, locale: Locale): AppError {
  const reason = refusalText(s.reason as Refusal, locale);
  return new AppError('conflict', 'gate.refused', { reason }, [{ path: 'residentKey', message: reason }]);
}

/**
 * A scan at the gate (DESIGN rule 4): the same clientId again answers the first result (the scan, or its
 * refusal), never a second scan. The household's pass row is locked for the decision, so two people of
 * one household scanned at once cannot both use a one-person quota.
 */
export async function scan(services: Services, actor: Actor, id: string, input: ScanInput) {
  const g = await gateInScope(services.db, actor.scope, id, 'gate.scan');
  const replay = await q.scanByClientId(services.db, input.clientId);
  if (replay) return answerReplay(replay, g.id, actor.locale);
  const pass = await passFor(services.db, g, input, actor.locale);
  const h = await householdForGate(services.db, pass.region_code, pass.household_id);
  const resident = h?.residents.find((r) => r.key === input.residentKey);
  if (!h || !resident) throw invalidField('residentKey', 'gate.resident_not_in_household', actor.locale);
  const now = platformNow(services.config);
  const today = platformToday(services.config);
  const result = await transaction(services.db, async (tx) => {
    await sql`SELECT 1 FROM gate_passes WHERE id = ${pass.id} FOR UPDATE`.execute(tx);
    const again = await q.scanByClientId(tx, input.clientId);
    if (again) return { replay: again };
    let decision: Decision = { allowed: true, exempt: false };
    if (input.direction === 'out') {
      const [outings, out, exemptions] = await Promise.all([
        q.outingsSince(tx, g.id, pass.region_code, pass.household_id, windowStart(ruleOf(g), today)),
        q.outOfHousehold(tx, g.id, pass.region_code, pass.household_id),
        q.exemptionsOf(tx, g.id),
      ]);
      const mine = out.find((o) => o.resident_id === resident.id);
      decision = decideOut({
        rule: ruleOf(g),
        today,
        outings: outings.map(toOuting),
        exempt: exemptions.some(
          (e) =>
            e.region_code === resident.regionCode &&
            e.resident_id === resident.id &&
            (!e.until || e.until >= today),
        ),
        outSince: mine ? { name: mine.name, at: mine.out_at.toISOString() } : undefined,
      });
    }
    const row = await tx
      .insertInto('gate_scans')
      .values({
        client_id: input.clientId,
        gate_id: g.id,
        gate_path: g.unit_path,
        pass_id: pass.id,
        region_code: pass.region_code,
        household_id: pass.household_id,
        resident_id: resident.id,
        unit_path: pass.unit_path,
        name: resident.name,
        direction: input.direction,
        outcome: decision.allowed ? 'allowed' : 'refused',
        exempt: decision.allowed && decision.exempt,
        reason: decision.allowed ? null : JSON.stringify(decision.refusal),
        at: now,
        day: today,
        scanned_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (decision.allowed && input.direction === 'out') {
      await tx
        .insertInto('gate_out')
        .values({
          gate_id: g.id,
          region_code: pass.region_code,
          resident_id: resident.id,
          household_id: pass.household_id,
          unit_path: pass.unit_path,
          building: pass.building,
          door: pass.door,
          name: resident.name,
          phone_masked: resident.phoneMasked,
          work_unit: resident.workUnit,
          out_at: now,
          scan_id: row.id,
        })
        .execute();
    } else if (input.direction === 'in') {
      await tx
        .deleteFrom('gate_out')
        .where('gate_id', '=', g.id)
        .where('region_code', '=', pass.region_code)
        .where('resident_id', '=', resident.id)
        .execute();
    }
    return { created: row.id };
  });
  const s = await q.scanByClientId(services.db, input.clientId);
  if (!s) throw notFound();
  if ('replay' in result) return answerReplay(s, g.id, actor.locale);
  if (s.outcome === 'refused') throw refused(s, actor.locale);
  return { status: 201, body: toScan(s, actor.locale) };
}

function answerReplay(s: q.ScanRow & { gate_id: string }, gateId: string, locale: Locale) {
  if (s.gate_id !== gateId) throw notFound();
  if (s.outcome === 'refused') throw refused(s, locale);
  return { status: 200, body: toScan(s, locale) };
}

export async function dayScans(
  services: Services,
  scope: Scope,
  id: string,
  day: string | undefined,
  locale: Locale,
) {
  const g = await gateInScope(services.db, scope, id, 'gate.read');
  const d = day ?? platformToday(services.config);
  const rows = await q.scansOfDay(services.db, g.id, d, 2000);
  return { day: d, items: rows.map((s) => toScan(s, locale)) };
}

/** Who is still out, by building: name, phone (masked; the ledger reveals it, audited), workplace. */
export async function whoIsOut(services: Services, scope: Scope, id: string) {
  const g = await gateInScope(services.db, scope, id, 'gate.read');
  const rows = await q.stillOut(services.db, g.id, 10_000);
  const buildings: { building: string; people: unknown[] }[] = [];
  for (const r of rows) {
    let b = buildings[buildings.length - 1];
    if (!b || b.building !== r.building) {
      b = { building: r.building, people: [] };
      buildings.push(b);
    }
    b.people.push({
      residentKey: recordKey(r.region_code, r.resident_id),
      householdKey: recordKey(r.region_code, r.household_id),
      name: r.name,
      door: r.door,
      phoneMasked: r.phone_masked,
      workUnit: r.work_unit,
      outAt: r.out_at,
    });
  }
  return { total: rows.length, buildings };
}

// ---------------------------------------------------------------------------------------------------
// Exemptions

export async function addExemption(
  services: Services,
  actor: Actor,
  id: string,
  input: { residentKey: string; kind: 'work_certificate' | 'other'; note?: string; until?: string | null },
) {
  const g = await gateInScope(services.db, actor.scope, id, 'gate.manage');
  const k = parseRecordKey(input.residentKey);
  if (!k) throw invalidField('residentKey', 'gate.resident_not_in_household', actor.locale);
  // the resident, through the ledger (in the office's scope): their household must lie under the gate
  const r = await residentInScope(services.db, actor.scope, input.residentKey, 'ledger.read').catch(() => {
    throw invalidField('residentKey', 'gate.household_not_under_gate', actor.locale);
  });
  if (!isWithin(r.unit_path, g.unit_path) || r.status !== 'present')
    throw invalidField('residentKey', 'gate.household_not_under_gate', actor.locale);
  const resident = { householdId: r.household_id, unitPath: r.unit_path, name: r.name };
  const row = await services.db
    .insertInto('gate_exemptions')
    .values({
      gate_id: g.id,
      region_code: k.regionCode,
      resident_id: k.id,
      household_id: resident.householdId,
      unit_path: resident.unitPath,
      name: resident.name,
      kind: input.kind,
      note: input.note ?? '',
      until: input.until ?? null,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}

export async function revokeExemption(services: Services, actor: Actor, id: string, exemptionId: string) {
  const g = await gateInScope(services.db, actor.scope, id, 'gate.manage');
  const res = await services.db
    .updateTable('gate_exemptions')
    .set({ revoked_at: new Date() })
    .where('id', '=', exemptionId)
    .where('gate_id', '=', g.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!res.numUpdatedRows) throw notFound();
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------------
// Visitors

export interface VisitorInput {
  clientId: string;
  householdKey: string;
  name: string;
  idNumber?: string;
  phone?: string;
  temperatureC?: number;
  reason?: string;
}

function toVisitor(v: q.VisitorRow) {
  return {
    id: v.id,
    clientId: v.client_id,
    householdKey: recordKey(v.region_code, v.household_id),
    building: v.building,
    door: v.door,
    name: v.name,
    idMasked: v.id_masked,
    phoneMasked: v.phone_masked,
    temperatureC: v.temperature_c === null ? null : Number(v.temperature_c),
    reason: v.reason,
    at: v.at,
  };
}

/** A visitor registered by real name (DESIGN rule 3 for the ID number and phone); replay-safe by clientId. */
export async function registerVisitor(services: Services, actor: Actor, id: string, input: VisitorInput) {
  const g = await gateInScope(services.db, actor.scope, id, 'gate.scan');
  const replay = await q.visitorByClientId(services.db, input.clientId);
  if (replay) {
    if (replay.gate_id !== g.id) throw notFound();
    return { status: 200, body: toVisitor(replay) };
  }
  if (input.idNumber && !validateIdNumber(input.idNumber).ok)
    throw invalidField('idNumber', 'field.invalid', actor.locale);
  if (input.phone && !validatePhone(input.phone).ok)
    throw invalidField('phone', 'field.invalid', actor.locale);
  if (!input.idNumber && !input.phone) throw invalidField('idNumber', 'gate.id_or_phone', actor.locale);
  const k = parseRecordKey(input.householdKey);
  const pass = k ? await q.passOfHousehold(services.db, g.id, k.regionCode, k.id) : undefined;
  if (!pass) throw invalidField('householdKey', 'gate.household_not_under_gate', actor.locale);
  const idv = input.idNumber ? protectIdNumber(services.protector, input.idNumber) : undefined;
  const phone = input.phone ? protectPhone(services.protector, input.phone) : undefined;
  const inserted = await services.db
    .insertInto('gate_visitors')
    .values({
      client_id: input.clientId,
      gate_id: g.id,
      gate_path: g.unit_path,
      region_code: pass.region_code,
      household_id: pass.household_id,
      unit_path: pass.unit_path,
      building: pass.building,
      door: pass.door,
      name: input.name,
      id_enc: idv?.enc ?? null,
      id_hmac: idv?.hmac ?? null,
      id_masked: idv?.masked ?? null,
      id_tail: idv?.tail ?? null,
      phone_enc: phone?.enc ?? null,
      phone_hmac: phone?.hmac ?? null,
      phone_masked: phone?.masked ?? null,
      phone_tail: phone?.tail ?? null,
      temperature_c: input.temperatureC ?? null,
      reason: input.reason ?? '',
      at: platformNow(services.config),
      day: platformToday(services.config),
      registered_by: actor.userId,
    })
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  const v = await q.visitorByClientId(services.db, input.clientId);
  if (!v || v.gate_id !== g.id) throw notFound();
  return { status: inserted ? 201 : 200, body: toVisitor(v) };
}

export async function dayVisitors(services: Services, scope: Scope, id: string, day: string | undefined) {
  const g = await gateInScope(services.db, scope, id, 'gate.read');
  const d = day ?? platformToday(services.config);
  return { day: d, items: (await q.visitorsOfDay(services.db, g.id, d, 2000)).map(toVisitor) };
}
