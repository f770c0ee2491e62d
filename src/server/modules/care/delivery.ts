import { type RawBuilder, sql } from 'kysely';
import { checkDelivery } from '../../../domain/care/request';
import { shanghaiDay, shanghaiDayStart } from '../../../domain/time/shanghai';
import { transaction } from '../../db/transaction';
import { platformNow } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { personInScope } from '../forces/people';
import { requestInScope } from './access';
import { closed, conflict, type Doer, issuesError, publishChange } from './common';
import * as q from './queries';
import { getRequest } from './requests';
import { toRequest } from './views';

// 派单、接单、送达 — the office gives a request to a volunteer of the forces registry (reassigning one on its
// way is allowed); a volunteer takes an open one on the phone (of two at once, one wins: the other gets
// 409 naming who has it); the volunteer marks their own delivered, with who received it (an open one
// they carried up becomes theirs); the office may record a delivery too. Sending the same delivery again
// (the phone's queue replays) answers the request as delivered, not an error.

/**
 * Gives a request to a person of the forces registry whom the caller sees (forces.read at their place)
 * and who still serves; their login, when they have one, sees it among their tasks.
 */
export async function assignRequest(
  services: Services,
  actor: Doer,
  key: string,
  input: { personId: string },
) {
  const { db } = services;
  const r = await requestInScope(db, actor.scope, key, 'care.manage');
  if (r.state === 'delivered' || r.state === 'cancelled') throw closed(actor.locale, r.state);
  const person = /^\d{1,18}$/.test(input.personId)
    ? await personInScope(db, actor.scope, input.personId, 'forces.read').catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'not_found') return undefined;
        throw e;
      })
    : undefined;
  if (!person) throw issuesError(actor.locale, [{ path: 'personId', code: 'care.volunteer_unknown' }]);
  if (person.status !== 'active')
    throw issuesError(actor.locale, [{ path: 'personId', code: 'care.volunteer_left' }]);
  await transaction(db, async (tx) => {
    const ok = await q.assignRequest(tx, r, ['open', 'assigned'], {
      personId: person.id,
      userId: person.user_id,
      name: person.name,
    });
    if (!ok) {
      const now = await q.findRequest(tx, r.region_code, r.id);
      throw closed(actor.locale, now?.state === 'cancelled' ? 'cancelled' : 'delivered');
    }
    await q.addHistory(
      tx,
      r,
      r.state === 'assigned' ? 'reassigned' : 'assigned',
      { personId: person.id, name: person.name, before: r.volunteer_name },
      { userId: actor.userId, name: actor.displayName },
    );
    await publishChange(services, tx, r.unit_path, { request: key, state: 'assigned' });
  });
  return getRequest(services, actor, key);
}

/** A volunteer takes an open request (care.deliver at its place); taking it again is no error. */
export async function takeRequest(services: Services, actor: Doer, key: string) {
  const { db } = services;
  const r = await requestInScope(db, actor.scope, key, 'care.deliver');
  const now = platformNow(services.config);
  const mine = (x: q.RequestRow) => x.state === 'assigned' && x.volunteer_user_id === actor.userId;
  if (mine(r)) return toRequest(r, now, actor.locale);
  const refuse = (x: q.RequestRow) =>
    x.state === 'assigned'
      ? conflict(actor.locale, 'care.taken', 'state', { name: x.volunteer_name ?? '' })
      : closed(actor.locale, x.state === 'open' ? 'assigned' : x.state);
  if (r.state !== 'open') throw refuse(r);
  const taken = await transaction(db, async (tx) => {
    const ok = await q.assignRequest(tx, r, ['open'], {
      personId: null,
      userId: actor.userId,
      name: actor.displayName,
    });
    if (!ok) return false;
    await q.addHistory(tx, r, 'taken', {}, { userId: actor.userId, name: actor.displayName });
    await publishChange(services, tx, r.unit_path, { request: key, state: 'assigned' });
    return true;
  });
  const after = await requestInScope(db, actor.scope, key, 'care.deliver');
  if (!taken && !mine(after)) throw refuse(after);
  return toRequest(after, now, actor.locale);
}

/**
 * Marks a request delivered with who received it: `volunteer` — the caller's own task (or an open one,
 * which becomes theirs), care.deliver; `office` — any request on its way or open, care.manage.
 */
export async function deliverRequest(
  services: Services,
  actor: Doer,
  key: string,
  input: { receivedBy: string; note?: string },
  as: 'volunteer' | 'office',
) {
  const { db } = services;
  const permission = as === 'volunteer' ? 'care.deliver' : 'care.manage';
  const r = await requestInScope(db, actor.scope, key, permission);
  const checked = checkDelivery(input);
  if (!checked.ok) throw issuesError(actor.locale, checked.issues);
  const now = platformNow(services.config);
  const again = (x: q.RequestRow) => x.state === 'delivered' && x.delivered_by === actor.userId;
  if (again(r)) return toRequest(r, now, actor.locale);
  const refuse = (x: q.RequestRow) =>
    x.state === 'assigned'
      ? conflict(actor.locale, 'care.not_yours', 'state', { name: x.volunteer_name ?? '' })
      : closed(actor.locale, x.state === 'open' ? 'delivered' : x.state);
  const done = await transaction(db, async (tx) => {
    const ok = await q.deliverRequest(tx, r, {
      byUser: actor.userId,
      byName: actor.displayName,
      receivedBy: checked.value.receivedBy,
      note: checked.value.note,
      onlyVolunteer: as === 'volunteer',
      volunteer: as === 'volunteer' ? { userId: actor.userId, name: actor.displayName } : null,
    });
    if (!ok) return false;
    await q.addHistory(
      tx,
      r,
      'delivered',
      { receivedBy: checked.value.receivedBy, note: checked.value.note, as },
      { userId: actor.userId, name: actor.displayName },
    );
    await publishChange(services, tx, r.unit_path, { request: key, state: 'delivered' });
    return true;
  });
  const after = await requestInScope(db, actor.scope, key, permission);
  if (!done && !again(after)) throw refuse(after);
  return toRequest(after, now, actor.locale);
}

/**
 * A volunteer's phone: their tasks on their way and those they delivered today, and the open requests
 * of their place they may take (today's and overdue ones, the most urgent first).
 */
export async function myTasks(services: Services, actor: Doer) {
  const now = platformNow(services.config);
  const today = shanghaiDay(now.getTime());
  const where = actor.scope.where('r.unit_path', 'care.deliver');
  const mine = await q.listRequests(
    services.db,
    sql<boolean>`${where} AND r.volunteer_user_id = ${actor.userId}
      AND (r.state = 'assigned' OR (r.state = 'delivered' AND r.delivered_at >= ${new Date(shanghaiDayStart(today))}))` as RawBuilder<boolean>,
    undefined,
    200,
  );
  const open = await q.listRequests(
    services.db,
    sql<boolean>`${where} AND r.state = 'open' AND r.day <= ${today}` as RawBuilder<boolean>,
    undefined,
    100,
  );
  return {
    day: today,
    mine: mine.map((r) => toRequest(r, now, actor.locale)),
    open: open.map((r) => toRequest(r, now, actor.locale)),
  };
}
