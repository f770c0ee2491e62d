import { translate } from '../../../domain/i18n/messages';
import type { KeyPersonCategory } from '../../../domain/isolation/keyPerson';
import {
  END_REASONS,
  type EndReason,
  LEDGER_FACT_OF,
  MEASURE_KINDS,
  MEASURE_LABELS,
  type MeasureKind,
  nextStage,
  plannedEnd as plannedEndOf,
  releasable,
} from '../../../domain/isolation/measures';
import { recordKey } from '../../../domain/ledger/household';
import { addDays, isIsoDate } from '../../../domain/ledger/keyAreas';
import { shanghaiDayStart } from '../../../domain/time/shanghai';
import type { Db } from '../../db/connection';
import { transaction } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { platformNow } from '../../platform/clock';
import { AppError, invalidField } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { holdsRoleAbove } from '../access/service';
import { setIsolationPeriod } from '../ledger/service';
import { keyPersonInScope, measureInScope } from './access';
import { isolationPolicy } from './policy';
import * as q from './queries';
import { KEY_PERSON_EVENT, toMeasure } from './views';

// 管控措施 — measures: a key person is put under one at a time, for a period by the category's rule
// (or the dates given), with a responsible worker (专人负责), a doctor, a door seal or alarm (门磁) at
// home, or a site and room for centralised isolation. Ending it (released, transferred, moved) is
// written once, with who signed it off; the next stage of the rule (健康监测 after 居家隔离) may start the
// day after. The ledger's resident gets the period as its isolation fact: the household's colour follows.

/** Roles that answer for key persons (专人负责): grid workers and the office; a cadre gets a grid worker's grant. */
export const RESPONSIBLE_ROLES = ['grid_worker', 'unit_admin'] as const;

export interface MeasureInput {
  kind: string;
  startsOn?: string;
  plannedEnd?: string;
  responsibleUserId?: string;
  doctor?: string;
  doorSeal?: 'none' | 'seal' | 'alarm';
  siteId?: string;
  roomId?: string;
  note?: string;
}

function running(actor: Actor, kind: string) {
  const measure = MEASURE_LABELS[kind as MeasureKind]?.[actor.locale] ?? kind;
  return new AppError('conflict', 'isolation.measure_running', { measure }, [
    { path: 'kind', message: translate(actor.locale, 'isolation.measure_running', { measure }) },
  ]);
}

/**
 * Starts a measure for key person `k` inside transaction `tx`: checks the input (errors under `prefix`),
 * the site and room (locked, its capacity kept), the responsible worker; writes the measure, the person's
 * current measure, the history, and the resident's isolation fact.
 */
export async function startMeasureIn(
  tx: Db,
  services: Services,
  actor: Actor,
  k: { region_code: string; id: string },
  input: MeasureInput,
  prefix = '',
): Promise<string> {
  const at = (f: string) => (prefix ? `${prefix}.${f}` : f);
  const person = await q.findKeyPerson(tx, k.region_code, k.id);
  if (!person) throw new AppError('not_found', 'error.not_found');
  const policy = await isolationPolicy(services);
  const now = platformNow(services.config);
  if (!(MEASURE_KINDS as readonly string[]).includes(input.kind))
    throw invalidField(at('kind'), 'isolation.measure_kind', actor.locale);
  const kind = input.kind as MeasureKind;
  const startsOn = input.startsOn ?? policy.today;
  if (!isIsoDate(startsOn)) throw invalidField(at('startsOn'), 'isolation.date', actor.locale);
  const lastDay =
    input.plannedEnd ?? plannedEndOf(kind, person.category as KeyPersonCategory, startsOn, policy.rules);
  if (!isIsoDate(lastDay)) throw invalidField(at('plannedEnd'), 'isolation.date', actor.locale);
  if (lastDay < startsOn) throw invalidField(at('plannedEnd'), 'isolation.planned_end', actor.locale);

  let siteId: string | null = null;
  let roomId: string | null = null;
  if (kind === 'centralised') {
    if (!input.siteId) throw invalidField(at('siteId'), 'isolation.site_required', actor.locale);
    const site = await q.findSite(tx, input.siteId);
    if (site?.kind !== 'isolation_site') throw invalidField(at('siteId'), 'isolation.site', actor.locale);
    siteId = site.id;
    if (input.roomId) {
      // the room locked while its occupants are counted: two check-ins to its last bed cannot both win
      const room = await q.lockRoom(tx, site.id, input.roomId);
      if (!room) throw invalidField(at('roomId'), 'isolation.room', actor.locale);
      if (room.occupied >= room.capacity)
        throw new AppError('conflict', 'isolation.room_full', { capacity: room.capacity }, [
          {
            path: at('roomId'),
            message: translate(actor.locale, 'isolation.room_full', { capacity: room.capacity }),
          },
        ]);
      roomId = input.roomId;
    }
  }
  if (
    input.responsibleUserId &&
    !(await holdsRoleAbove(tx, input.responsibleUserId, person.unit_path, RESPONSIBLE_ROLES))
  )
    throw invalidField(at('responsibleUserId'), 'isolation.responsible', actor.locale);
  // none named: whoever answered for the person before, else the caller when they may answer for them
  let responsible = input.responsibleUserId ?? person.responsible_user_id ?? null;
  if (
    !responsible &&
    actor.userId &&
    (await holdsRoleAbove(tx, actor.userId, person.unit_path, RESPONSIBLE_ROLES))
  )
    responsible = actor.userId;

  // owed checks from now, or from the first day when it lies ahead
  const dayStart = new Date(shanghaiDayStart(startsOn));
  const startedAt = dayStart > now ? dayStart : now;
  if (person.measure_id) throw running(actor, person.measure ?? kind);
  const id = await q.insertMeasure(tx, {
    regionCode: k.region_code,
    keyPersonId: k.id,
    kind,
    startsOn,
    plannedEnd: lastDay,
    startedAt,
    responsibleUserId: responsible,
    doctor: input.doctor?.trim() || null,
    doorSeal: kind === 'home_isolation' || kind === 'home_observation' ? (input.doorSeal ?? 'none') : 'none',
    siteId,
    roomId,
    note: input.note?.trim() || null,
    createdBy: actor.userId,
  });
  await q.setCurrentMeasure(tx, k, { kind, id, startedAt, lastDay, responsibleUserId: responsible }, 'open');
  const measureKey = recordKey(k.region_code, id);
  await q.addHistory(
    tx,
    k,
    'measure_started',
    {
      measure: measureKey,
      kind,
      startsOn,
      plannedEnd: lastDay,
      siteId,
      roomId,
      responsibleUserId: responsible,
    },
    actor,
    now,
  );
  if (person.resident_id && person.resident_region)
    await setIsolationPeriod(tx, services, actor, recordKey(person.resident_region, person.resident_id), {
      kind: LEDGER_FACT_OF[kind],
      from: startsOn,
      ref: measureKey,
    });
  return measureKey;
}

/** Puts a key person under a measure (one at a time: a running one answers 409 naming `kind`). */
export async function startMeasure(services: Services, actor: Actor, key: string, input: MeasureInput) {
  const k = await keyPersonInScope(services.db, actor.scope, key, 'isolation.write');
  if (k.measure_id) throw running(actor, k.measure ?? input.kind);
  const measureKey = await transaction(services.db, async (tx) => {
    // the person locked: two measures started at once for one person are taken one after the other
    await q.lockKeyPerson(tx, k);
    const m = await startMeasureIn(tx, services, actor, k, input);
    await publish(services, tx, k.unit_path, key);
    return m;
  });
  const { measure } = await measureInScope(services.db, actor.scope, measureKey, 'isolation.read');
  return toMeasure(measure);
}

export interface EndInput {
  reason: string;
  on?: string;
  signedOffBy?: string;
  note?: string;
  /** start the next stage of the category's rule the day after (健康监测 after 居家隔离) */
  next?: boolean;
}

/**
 * Ends a running measure: released (on or after its planned end, signed off by whom), transferred or
 * moved. The resident's isolation fact ends that day (the colour goes back to what the rest derives);
 * released with `next`, the next stage starts the day after. Released or moved with nothing next closes
 * the case.
 */
export async function endMeasure(services: Services, actor: Actor, key: string, input: EndInput) {
  const { measure: m, person } = await measureInScope(services.db, actor.scope, key, 'isolation.write');
  const policy = await isolationPolicy(services);
  if (m.ended_on)
    throw new AppError('conflict', 'isolation.measure_ended', {}, [
      { path: 'reason', message: translate(actor.locale, 'isolation.measure_ended') },
    ]);
  if (!(END_REASONS as readonly string[]).includes(input.reason))
    throw invalidField('reason', 'isolation.end_reason', actor.locale);
  const reason = input.reason as EndReason;
  const on = input.on ?? policy.today;
  if (!isIsoDate(on)) throw invalidField('on', 'isolation.date', actor.locale);
  if (on > policy.today) throw invalidField('on', 'isolation.end_in_future', actor.locale);
  if (on < m.starts_on)
    throw new AppError('validation', 'error.validation', { detail: 'on' }, [
      {
        path: 'on',
        message: translate(actor.locale, 'isolation.end_before_start', { startsOn: m.starts_on }),
      },
    ]);
  const signedOffBy = input.signedOffBy?.trim() || null;
  if (reason === 'released') {
    if (!releasable({ plannedEnd: m.planned_end }, on))
      throw new AppError('conflict', 'isolation.not_due', { plannedEnd: m.planned_end }, [
        { path: 'on', message: translate(actor.locale, 'isolation.not_due', { plannedEnd: m.planned_end }) },
      ]);
    if (!signedOffBy) throw invalidField('signedOffBy', 'isolation.signed_off_by', actor.locale);
  }
  const next =
    reason === 'released' && input.next
      ? nextStage(m.kind as MeasureKind, person.category as KeyPersonCategory, policy.rules)
      : undefined;
  const k = { region_code: person.region_code, id: person.id };
  await transaction(services.db, async (tx) => {
    await q.lockKeyPerson(tx, k);
    const ended = await q.endMeasureRow(tx, m, {
      on,
      reason,
      signedOffBy,
      note: input.note?.trim() || null,
      by: actor.userId,
    });
    if (!ended)
      throw new AppError('conflict', 'isolation.measure_ended', {}, [
        { path: 'reason', message: translate(actor.locale, 'isolation.measure_ended') },
      ]);
    const closes = !next && reason !== 'transferred';
    await q.setCurrentMeasure(tx, k, null, closes ? 'closed' : 'open');
    await q.addHistory(
      tx,
      k,
      'measure_ended',
      { measure: key, kind: m.kind, on, reason, signedOffBy },
      actor,
      platformNow(services.config),
    );
    if (person.resident_id && person.resident_region)
      // free from the day it ends: the period covers the days before (none, when it ends on its first)
      await setIsolationPeriod(tx, services, actor, recordKey(person.resident_region, person.resident_id), {
        kind: LEDGER_FACT_OF[m.kind as MeasureKind],
        from: m.starts_on,
        to: addDays(on, -1),
        ref: key,
      });
    if (next)
      await startMeasureIn(tx, services, actor, k, {
        kind: next.kind,
        startsOn: addDays(on, 1),
        responsibleUserId: m.responsible_user_id ?? undefined,
        doctor: m.doctor ?? undefined,
      });
    await publish(services, tx, person.unit_path, recordKey(k.region_code, k.id));
  });
  const after = await measureInScope(services.db, actor.scope, key, 'isolation.read');
  return toMeasure(after.measure);
}

function publish(services: Services, tx: Db, unitPath: string, keyPerson: string) {
  return services.events.publish(tx, {
    type: KEY_PERSON_EVENT,
    unitPath,
    permission: 'isolation.read',
    data: { keyPerson },
  });
}
