import { type RawBuilder, sql } from 'kysely';
import { translate } from '../../../domain/i18n/messages';
import { checkKeyPersonForm } from '../../../domain/isolation/forms';
import type { KeyPersonEvidence } from '../../../domain/isolation/keyPerson';
import { parseRecordKey, recordKey } from '../../../domain/ledger/household';
import { transaction } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { auditAs } from '../../platform/audit';
import { platformNow } from '../../platform/clock';
import { AppError, invalidField } from '../../platform/errors';
import { inSubtree } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { idNumberIndex, protectIdNumber, protectPhone } from '../ledger/protect';
import { communityPathOf, residentByIdNumber, residentIdentity } from '../ledger/service';
import { unitInScope } from '../org/service';
import { keyPersonInScope } from './access';
import { lastPassedSlot } from './counts';
import { type MeasureInput, startMeasureIn } from './measures';
import { isolationPolicy } from './policy';
import * as q from './queries';
import { KEY_PERSON_EVENT, toCheck, toKeyPerson, toMeasure, toTransfer } from './views';

// 重点人员 — key persons: registered from a ledger resident or as somebody not yet in the ledger (linked
// at once when their ID number is a resident's in the caller's scope), one open case per person, each
// change a history row; the list, one person's page, and the audited reveal of an ID number or phone.

export interface NewKeyPersonInput {
  clientId?: string;
  residentId?: string;
  unitCode?: string;
  name?: string;
  idType?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  category: string;
  source: string;
  sourceRef?: string;
  evidence?: KeyPersonEvidence;
  measure?: MeasureInput;
}

function alreadyKeyPerson(actor: Actor, existing: { region_code: string; id: string; name: string }) {
  return new AppError('conflict', 'isolation.already_key_person', { name: existing.name }, [
    {
      path: 'idNumber',
      message: translate(actor.locale, 'isolation.already_key_person', { name: existing.name }),
    },
  ]);
}

/** Registers a key person (and, when given, the measure they are put under), in one transaction. */
export async function createKeyPerson(services: Services, actor: Actor, input: NewKeyPersonInput) {
  const { db, protector } = services;
  const policy = await isolationPolicy(services);
  const now = platformNow(services.config);

  let identity: Omit<
    q.NewKeyPerson,
    'category' | 'source' | 'sourceRef' | 'evidence' | 'createdBy' | 'clientId' | 'createdAt'
  >;
  let name: string;
  if (input.residentId) {
    const r = await residentIdentity(db, actor.scope, input.residentId);
    actor.scope.check('isolation.write', r.unit_path);
    const checked = checkKeyPersonForm({ name: r.name, category: input.category, source: input.source }, now);
    if (!checked.ok) throw invalidField(checked.issues[0].path, checked.issues[0].code, actor.locale);
    name = r.name;
    identity = {
      regionCode: r.regionCode,
      unitPath: r.unit_path,
      communityPath: communityPathOf(r.unit_path),
      residentRegion: r.regionCode,
      residentId: r.id,
      name,
      idType: r.id_type,
      idEnc: r.id_enc,
      idHmac: r.id_hmac,
      idMasked: r.id_masked,
      idTail: r.id_tail,
      phoneEnc: r.phone_enc,
      phoneHmac: r.phone_hmac,
      phoneMasked: r.phone_masked,
      phoneTail: r.phone_tail,
      address: input.address?.trim() || null,
    };
  } else {
    const checked = checkKeyPersonForm(input, now);
    if (!checked.ok) throw invalidField(checked.issues[0].path, checked.issues[0].code, actor.locale);
    if (!input.unitCode) throw invalidField('unitCode', 'isolation.unit_required', actor.locale);
    const unit = await unitInScope(db, actor.scope, input.unitCode, 'isolation.write');
    const v = checked.value;
    name = v.name;
    // somebody of the ledger after all: linked to the resident, who lives where the ledger says
    const resident = v.idNumber ? await residentByIdNumber(services, actor.scope, v.idNumber) : undefined;
    if (resident) return createKeyPerson(services, actor, { ...input, residentId: resident.key });
    const id = v.idNumber
      ? protectIdNumber(protector, v.idNumber, idNumberIndex(protector, v.idNumber))
      : null;
    const phone = v.phone ? protectPhone(protector, v.phone) : null;
    identity = {
      regionCode: unit.region_code ?? unit.code.slice(0, 6),
      unitPath: unit.path,
      communityPath: communityPathOf(unit.path),
      residentRegion: null,
      residentId: null,
      name,
      idType: input.idType?.trim() || 'resident_id',
      idEnc: id?.enc ?? null,
      idHmac: id?.hmac ?? null,
      idMasked: id?.masked ?? null,
      idTail: id?.tail ?? null,
      phoneEnc: phone?.enc ?? null,
      phoneHmac: phone?.hmac ?? null,
      phoneMasked: phone?.masked ?? null,
      phoneTail: phone?.tail ?? null,
      address: input.address?.trim() || null,
    };
  }

  if (input.clientId) {
    const first = await q.keyPersonByClientId(db, identity.regionCode, input.clientId);
    if (first) return { created: false, keyPerson: toKeyPerson(first, policy.today) };
  }
  const existing = await q.openCaseOf(db, {
    idHmac: identity.idHmac,
    resident: identity.residentId ? { region: identity.regionCode, id: identity.residentId } : undefined,
  });
  if (existing) throw alreadyKeyPerson(actor, existing);

  const key = await transaction(db, async (tx) => {
    const id = await q.insertKeyPerson(tx, {
      ...identity,
      clientId: input.clientId ?? null,
      category: input.category,
      source: input.source,
      sourceRef: input.sourceRef?.trim() || null,
      evidence: (input.evidence ?? {}) as Record<string, unknown>,
      createdBy: actor.userId,
      createdAt: now,
    });
    if (!id) return undefined; // the same client id won a race: its first answer stands
    const k = { region_code: identity.regionCode, id };
    await q.addHistory(
      tx,
      k,
      'registered',
      { category: input.category, source: input.source, name },
      actor,
      now,
    );
    if (input.measure) await startMeasureIn(tx, services, actor, k, input.measure, 'measure');
    await services.events.publish(tx, {
      type: KEY_PERSON_EVENT,
      unitPath: identity.unitPath,
      permission: 'isolation.read',
      data: { keyPerson: recordKey(identity.regionCode, id) },
    });
    return recordKey(identity.regionCode, id);
  });
  if (!key && input.clientId) {
    const first = await q.keyPersonByClientId(db, identity.regionCode, input.clientId);
    if (first) return { created: false, keyPerson: toKeyPerson(first, policy.today) };
  }
  const row = await keyPersonInScope(db, actor.scope, key as string, 'isolation.read');
  return { created: true, keyPerson: toKeyPerson(row, policy.today) };
}

export interface KeyPersonQuery {
  unit?: string;
  category?: string;
  measure?: string;
  state?: 'open' | 'closed';
  fever?: boolean;
  mine?: boolean;
  /** the last check slot past its deadline has no check */
  overdue?: boolean;
  /** the running measure may be released today (its planned end reached) */
  releasable?: boolean;
  q?: string;
  after?: string;
  limit?: number;
}

/** Key persons of the caller's scope, newest first (keyset on id), with the filters of the desk. */
export async function listKeyPersons(services: Services, actor: Actor, query: KeyPersonQuery) {
  const { db } = services;
  const conds: RawBuilder<boolean>[] = [actor.scope.where('k.unit_path', 'isolation.read')];
  if (query.unit) {
    const unit = await unitInScope(db, actor.scope, query.unit, 'isolation.read');
    conds.push(inSubtree('k.unit_path', unit.path));
  }
  if (query.category) conds.push(sql<boolean>`k.category = ${query.category}`);
  if (query.measure === 'none') conds.push(sql<boolean>`k.measure IS NULL`);
  else if (query.measure) conds.push(sql<boolean>`k.measure = ${query.measure}`);
  conds.push(sql<boolean>`k.state = ${query.state ?? 'open'}`);
  if (query.fever) conds.push(sql<boolean>`k.fever`);
  if (query.mine) conds.push(sql<boolean>`k.responsible_user_id = ${actor.userId}`);
  const { today } = await isolationPolicy(services);
  if (query.overdue) {
    const slot = lastPassedSlot(today, platformNow(services.config).getTime());
    conds.push(sql<boolean>`(k.measure IS NOT NULL AND k.measure_started_at < ${slot.due}
      AND (k.last_checked_at IS NULL OR k.last_checked_at < ${slot.begins}))`);
  }
  if (query.releasable) conds.push(sql<boolean>`(k.measure IS NOT NULL AND k.measure_last_day <= ${today})`);
  if (query.q) {
    const text = query.q.trim();
    conds.push(
      /^\d{4}$/.test(text)
        ? sql<boolean>`(k.id_tail = ${text} OR k.phone_tail = ${text})`
        : sql<boolean>`k.name LIKE ${`%${text.replace(/[%_\\]/g, '\\$&')}%`}`,
    );
  }
  if (query.after) {
    if (!/^\d{1,18}$/.test(query.after)) throw invalidField('after', 'error.validation', actor.locale);
    conds.push(sql<boolean>`k.id < ${query.after}`);
  }
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const { rows } = await sql<q.KeyPersonRow>`
    SELECT ${q.KEY_PERSON_COLUMNS} FROM ${q.KEY_PERSON_FROM}
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY k.id DESC LIMIT ${limit + 1}`.execute(db);
  const items = rows.slice(0, limit);
  return {
    items: items.map((k) => toKeyPerson(k, today)),
    next: rows.length > limit ? items[items.length - 1].id : null,
  };
}

/** One key person's page: the person, their measures, checks, transfers and history. */
export async function getKeyPerson(services: Services, actor: Actor, key: string) {
  const { db } = services;
  const k = await keyPersonInScope(db, actor.scope, key, 'isolation.read');
  const [measures, checks, transfers, history, policy] = await Promise.all([
    q.measuresOf(db, k.region_code, k.id),
    q.checksOf(db, k.region_code, k.id),
    q.transfersOf(db, k.region_code, k.id),
    q.historyOf(db, k.region_code, k.id),
    isolationPolicy(services),
  ]);
  return {
    ...toKeyPerson(k, policy.today),
    feverThresholdC: policy.feverThresholdC,
    measures: measures.map(toMeasure),
    checks: checks.map(toCheck),
    transfers: transfers.map(toTransfer),
    history: history.map((h) => ({ kind: h.kind, detail: h.detail, by: h.by_name, at: h.at })),
  };
}

/** The full ID number or phone of a key person: pii.reveal at their place; audited. */
export async function revealKeyPerson(
  services: Services,
  actor: Actor,
  key: string,
  field: 'idNumber' | 'phone',
) {
  const k = await keyPersonInScope(services.db, actor.scope, key, 'isolation.read');
  if (!actor.scope.allows('pii.reveal', k.unit_path)) throw new AppError('forbidden', 'error.forbidden');
  const { rows } = await q.sealedOf(services.db, k.region_code, k.id);
  const value = field === 'idNumber' ? rows[0]?.id_enc : rows[0]?.phone_enc;
  await auditAs(services.db, actor, 'pii.revealed', {
    unitPath: k.unit_path,
    target: `key_person:${key}`,
    detail: { field },
  });
  return { value: value ? services.protector.decrypt(value) : null };
}

/**
 * A person a checkpoint handed over, arrived at their community (移交): registered as a key person there
 * (back from a key area, or a fever), the checkpoint's stays as the evidence; an open case already stands.
 * Answers the key person's id.
 */
export async function keyPersonFromHandover(
  services: Services,
  actor: Actor,
  h: {
    residentId: string;
    reason: string;
    handover: string;
    travel: { placeCode: string; from?: string; to?: string }[];
  },
): Promise<string> {
  try {
    const made = await createKeyPerson(services, actor, {
      residentId: h.residentId,
      category: h.reason === 'fever' ? 'fever' : 'key_area',
      source: 'checkpoint',
      sourceRef: `handover:${h.handover}`,
      evidence: { travel: h.travel.map((s) => ({ placeCode: s.placeCode, from: s.from, to: s.to })) },
    });
    return made.keyPerson.id;
  } catch (e) {
    const k = parseRecordKey(h.residentId);
    const open = k && (await q.openCaseOf(services.db, { resident: { region: k.regionCode, id: k.id } }));
    if (e instanceof AppError && e.code === 'conflict' && open) return recordKey(open.region_code, open.id);
    throw e;
  }
}
