import { parseRecordKey } from '../../../domain/ledger/household';
import type { TrackedField } from '../../../domain/ledger/residentChanges';
import type { PlannedHousehold } from '../../../domain/ledger/sheet';
import { personInitials } from '../../../domain/org/initials';
import type { Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import type { Services } from '../../platform/services';
import { protectIdNumber, protectPhone } from './protect';
import * as q from './queries';

// Residents already in the ledger updated by an imported sheet (更新台账中已有的居民): each resident's
// changed fields only, and one history row per resident naming those fields with their values before and
// after (ID numbers and phones masked, never in clear), in the import's transaction.

/** The columns each field writes. */
const COLUMNS: Record<TrackedField, readonly string[]> = {
  name: ['name', 'initials'],
  sex: ['sex'],
  birthDate: ['birth_date'],
  idType: ['id_type'],
  idNumber: ['id_type', 'id_enc', 'id_hmac', 'id_masked', 'id_tail'],
  phone: ['phone_enc', 'phone_hmac', 'phone_masked', 'phone_tail'],
  relation: ['relation', 'relation_text'],
  workUnit: ['work_unit'],
  notes: ['notes'],
  tags: ['tags'],
  markers: ['markers'],
};

/** Writes the updates of the plan; answers the households touched and how many residents changed. */
export async function updateResidents(
  tx: Db,
  services: Services,
  actor: Actor,
  regionCode: string,
  households: readonly PlannedHousehold[],
): Promise<{ households: string[]; residents: number }> {
  const touched = new Set<string>();
  const history: q.LoadRow[] = [];
  let residents = 0;
  for (const p of households) {
    for (const planned of p.residents) {
      if (planned.action !== 'update' || !planned.existing || !planned.after) continue;
      const { record: r, existing, changes, after } = planned;
      const key = parseRecordKey(existing.key);
      const household = p.door && parseRecordKey(p.door.key);
      if (!key || !household) continue;
      const id = r.idNumber ? protectIdNumber(services.protector, r.idNumber) : undefined;
      const phone = r.phone ? protectPhone(services.protector, r.phone) : undefined;
      const values: Record<string, unknown> = {
        name: after.name,
        initials: personInitials(after.name),
        sex: after.sex,
        birth_date: after.birthDate,
        id_type: after.idType,
        id_enc: id?.enc,
        id_hmac: id?.hmac,
        id_masked: id?.masked,
        id_tail: id?.tail,
        phone_enc: phone?.enc,
        phone_hmac: phone?.hmac,
        phone_masked: phone?.masked,
        phone_tail: phone?.tail,
        relation: after.relation,
        relation_text: after.relationText,
        work_unit: after.workUnit,
        notes: after.notes,
        tags: after.tags,
        markers: after.markers,
      };
      const set: Record<string, unknown> = { updated_at: new Date() };
      for (const c of changes) for (const column of COLUMNS[c.field]) set[column] = values[column];
      await tx
        .updateTable('residents')
        .set(set)
        .where('region_code', '=', key.regionCode)
        .where('id', '=', key.id)
        .execute();
      history.push([
        regionCode,
        household.id,
        key.id,
        actor.userId,
        actor.username,
        'resident_updated',
        null,
        null,
        null,
        JSON.stringify({
          name: after.name,
          source: 'import',
          row: r.row,
          changes,
        }),
      ]);
      touched.add(household.id);
      residents++;
    }
  }
  for (let i = 0; i < history.length; i += 1000)
    await q.insertRows(tx, 'household_history', q.HISTORY_LOAD_COLUMNS, history.slice(i, i + 1000));
  return { households: [...touched], residents };
}
