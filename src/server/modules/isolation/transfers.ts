import { type RawBuilder, sql } from 'kysely';
import { translate } from '../../../domain/i18n/messages';
import { transaction } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { platformNow } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { inSubtree } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { unitInScope } from '../org/service';
import { transferInScope } from './access';
import * as q from './queries';
import { KEY_PERSON_EVENT, toTransfer } from './views';

// 转运 — transfers to a fever clinic or a designated hospital, opened by an alarming check: where to, who
// escorts, when picked up, the outcome; open → picked up → closed, each step a history row. Closing the
// last one ends the person's fever flag.

const STATES = ['open', 'picked_up', 'closed'] as const;
type TransferState = (typeof STATES)[number];

export async function listTransfers(
  services: Services,
  actor: Actor,
  query: { unit?: string; state?: TransferState | 'active' },
) {
  const conds: RawBuilder<boolean>[] = [actor.scope.where('t.unit_path', 'isolation.read')];
  if (query.unit) {
    const unit = await unitInScope(services.db, actor.scope, query.unit, 'isolation.read');
    conds.push(inSubtree('t.unit_path', unit.path));
  }
  if (query.state === 'active') conds.push(sql<boolean>`t.state <> 'closed'`);
  else if (query.state) conds.push(sql<boolean>`t.state = ${query.state}`);
  const rows = await q.listTransfers(services.db, sql.join(conds, sql` AND `) as RawBuilder<boolean>, 200);
  return { items: rows.map(toTransfer) };
}

export interface TransferUpdate {
  state: string;
  destination?: string;
  escort?: string;
  pickedUpAt?: string;
  outcome?: string;
}

/** Moves a transfer on (never back): destination, escort, pick-up time, outcome; closed, it cannot change. */
export async function updateTransfer(services: Services, actor: Actor, key: string, input: TransferUpdate) {
  const t = await transferInScope(services.db, actor.scope, key, 'isolation.write');
  const closed = () =>
    new AppError('conflict', 'isolation.transfer_closed', {}, [
      { path: 'state', message: translate(actor.locale, 'isolation.transfer_closed') },
    ]);
  if (t.state === 'closed') throw closed();
  const to = input.state as TransferState;
  if (!STATES.includes(to) || STATES.indexOf(to) < STATES.indexOf(t.state))
    throw new AppError('validation', 'error.validation', { detail: 'state' }, [
      { path: 'state', message: translate(actor.locale, 'isolation.transfer_state') },
    ]);
  const pickedUpAt = input.pickedUpAt
    ? new Date(input.pickedUpAt)
    : to !== 'open'
      ? (t.picked_up_at ?? platformNow(services.config))
      : null;
  if (pickedUpAt && Number.isNaN(pickedUpAt.getTime()))
    throw new AppError('validation', 'error.validation', { detail: 'pickedUpAt' }, [
      { path: 'pickedUpAt', message: translate(actor.locale, 'isolation.date') },
    ]);
  const person = { region_code: t.region_code, id: t.key_person_id };
  await transaction(services.db, async (tx) => {
    const ok = await q.updateTransfer(tx, t, {
      state: to,
      destination: input.destination?.trim() || t.destination,
      escort: input.escort?.trim() || t.escort,
      pickedUpAt,
      outcome: input.outcome?.trim() || t.outcome,
      at: platformNow(services.config),
    });
    if (!ok) throw closed();
    await q.addHistory(
      tx,
      person,
      'transfer',
      { transfer: key, state: to, destination: input.destination, outcome: input.outcome },
      actor,
      platformNow(services.config),
    );
    if (to === 'closed') await q.clearFeverWhenNoTransfer(tx, person);
    await services.events.publish(tx, {
      type: KEY_PERSON_EVENT,
      unitPath: t.unit_path,
      permission: 'isolation.read',
      data: { transfer: key },
    });
  });
  const after = await transferInScope(services.db, actor.scope, key, 'isolation.read');
  return toTransfer(after);
}
