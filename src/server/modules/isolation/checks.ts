import { type RawBuilder, sql } from 'kysely';
import { translate } from '../../../domain/i18n/messages';
import {
  CHECK_SLOTS,
  type CheckSlot,
  isAlarming,
  type SlotState,
  slotDue,
  slotOf,
  slotState,
} from '../../../domain/isolation/checks';
import { checkCheckForm } from '../../../domain/isolation/forms';
import { SYMPTOM_LABELS, type Symptom } from '../../../domain/ledger/colour/facts';
import { recordKey } from '../../../domain/ledger/household';
import { transaction } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { platformNow } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { inSubtree } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { unitInScope } from '../org/service';
import { keyPersonInScope } from './access';
import { isolationPolicy } from './policy';
import * as q from './queries';
import { ALERT_EVENT, KEY_PERSON_EVENT, toCheck, toKeyPerson } from './views';

// 每日两次健康监测 — the twice-daily checks: recorded at the door or by phone (from the field queue, with the
// phone's client id: a replay answers the first check), the fever rule applied at once (an alert to the
// office and the command above it, and a transfer opened), and the list of checks due for a worker.

export interface CheckInput {
  clientId: string;
  how: string;
  temperatureC?: number | null;
  symptoms?: string[];
  mood?: string | null;
  needs?: string;
  note?: string;
  checkedAt?: string;
}

/** Records a check; the same clientId again answers the first check (created false). */
export async function recordCheck(services: Services, actor: Actor, key: string, input: CheckInput) {
  const { db } = services;
  const k = await keyPersonInScope(db, actor.scope, key, 'isolation.write');
  const first = await q.checkByClientId(db, k.region_code, input.clientId);
  if (first) return { created: false, check: toCheck(first) };
  const now = platformNow(services.config).getTime();
  const issues = checkCheckForm(input, now);
  if (issues.length) {
    const fields = issues.map((i) => ({ path: i.path, message: translate(actor.locale, i.code) }));
    throw new AppError(
      'validation',
      'error.validation',
      { detail: fields.map((f) => f.path).join(', ') },
      fields,
    );
  }
  const policy = await isolationPolicy(services);
  const checkedAt = new Date(input.checkedAt ? Date.parse(input.checkedAt) : now);
  const { day, slot } = slotOf(checkedAt.getTime());
  const temperatureC = input.temperatureC ?? null;
  const symptoms = [...new Set(input.symptoms ?? [])];
  const alarming = isAlarming({ temperatureC, symptoms }, policy.feverThresholdC);
  const person = { region_code: k.region_code, id: k.id };
  const checkId = await transaction(db, async (tx) => {
    const id = await q.insertCheck(tx, {
      regionCode: k.region_code,
      clientId: input.clientId,
      keyPersonId: k.id,
      measureId: k.measure_id,
      checkedAt,
      day,
      slot,
      how: input.how,
      temperatureC,
      symptoms,
      mood: input.mood ?? null,
      needs: input.needs?.trim() || null,
      note: input.note?.trim() || null,
      alarming,
      byUser: actor.userId,
      byName: actor.username,
    });
    if (!id) return undefined; // the same client id won a race
    await q.noteCheck(tx, person, { checkedAt, temperatureC, alarming });
    if (alarming) {
      const reason =
        temperatureC !== null && temperatureC >= policy.feverThresholdC
          ? translate('zh-CN', 'isolation.alert_fever', {
              name: k.name,
              temperature: temperatureC.toFixed(1),
            })
          : translate('zh-CN', 'isolation.alert_symptom', {
              name: k.name,
              symptoms: symptoms.map((s) => SYMPTOM_LABELS[s as Symptom]?.['zh-CN'] ?? s).join('、'),
            });
      const transfer = await q.insertTransfer(tx, {
        regionCode: k.region_code,
        keyPersonId: k.id,
        unitPath: k.unit_path,
        checkId: id,
        reason,
        openedAt: new Date(now),
      });
      await q.addHistory(
        tx,
        person,
        'alert',
        { check: recordKey(k.region_code, id), temperatureC, symptoms },
        actor,
        new Date(now),
      );
      // the office and the command above it hear of it at once: every user with isolation.read there
      await services.events.publish(tx, {
        type: ALERT_EVENT,
        unitPath: k.unit_path,
        permission: 'isolation.read',
        data: {
          keyPerson: key,
          name: k.name,
          unitName: k.unit_name,
          temperatureC,
          symptoms,
          transfer: recordKey(k.region_code, transfer),
        },
      });
    }
    await services.events.publish(tx, {
      type: KEY_PERSON_EVENT,
      unitPath: k.unit_path,
      permission: 'isolation.read',
      data: { keyPerson: key },
    });
    return id;
  });
  const row = await q.checkByClientId(db, k.region_code, input.clientId);
  if (!row) throw new AppError('not_found', 'error.not_found');
  return { created: checkId !== undefined, check: toCheck(row) };
}

const ORDER: Record<SlotState, number> = { overdue: 0, due: 1, later: 2, done: 3 };
/** The most the due list answers: a worker answers for tens of people, an office for hundreds. */
const DUE_LIMIT = 1000;

/**
 * Today's checks due: the key persons under a measure of the caller (mine) or of a unit in scope, each
 * with the morning's and afternoon's state (done, due, overdue, later), the overdue first.
 */
export async function dueChecks(services: Services, actor: Actor, query: { unit?: string; mine?: boolean }) {
  const { db } = services;
  const now = platformNow(services.config);
  const policy = await isolationPolicy(services);
  const today = policy.today;
  const conds: RawBuilder<boolean>[] = [actor.scope.where('k.unit_path', 'isolation.read')];
  if (query.unit) {
    const unit = await unitInScope(db, actor.scope, query.unit, 'isolation.read');
    conds.push(inSubtree('k.unit_path', unit.path));
  }
  if (query.mine ?? !query.unit) conds.push(sql<boolean>`k.responsible_user_id = ${actor.userId}`);
  const persons = await q.measuredPersons(
    db,
    sql.join(conds, sql` AND `) as RawBuilder<boolean>,
    now,
    DUE_LIMIT,
  );
  const checks = await q.checksOnDay(db, today, persons);
  const done = new Map<string, { slot: string; temperatureC: number | null }[]>();
  for (const c of checks) {
    const k = `${c.region_code}-${c.key_person_id}`;
    const list = done.get(k) ?? [];
    list.push({ slot: c.slot, temperatureC: c.temperature_c === null ? null : Number(c.temperature_c) });
    done.set(k, list);
  }
  const items = persons.map((p) => {
    const key = recordKey(p.region_code, p.id);
    const mine = done.get(key) ?? [];
    // a slot is owed when the measure had started before it was due
    const startedAt = (p.measure_started_at as Date).getTime();
    const slots = CHECK_SLOTS.filter((s) => startedAt < slotDue(today, s)).map((slot: CheckSlot) => ({
      slot,
      dueAt: new Date(slotDue(today, slot)),
      state: slotState(
        today,
        slot,
        mine.some((c) => c.slot === slot),
        now.getTime(),
      ),
    }));
    return { ...toKeyPerson(p, today), slots };
  });
  const urgency = (i: (typeof items)[number]) => Math.min(...i.slots.map((s) => ORDER[s.state]), 3);
  items.sort((a, b) => urgency(a) - urgency(b) || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    day: today,
    items,
    overdue: items.filter((i) => i.slots.some((s) => s.state === 'overdue')).length,
    truncated: persons.length >= DUE_LIMIT,
  };
}
