import { parseRecordKey } from '../../../domain/ledger/household';
import type { TrackedField } from '../../../domain/ledger/residentChanges';
import type { PlannedHousehold } from '../../../domain/ledger/sheet';
import { personInitials, personPinyin } from '../../../domain/org/initials';
import type { Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import type { Services } from '../../platform/services';
import { protectIdNumber, protectPhone } from './protect';
import * as q from './queries';

// Residents already in the ledger updated by an imported sheet (更新台账中已有的居民): each resident's
// changed fields only, and one history row per resident naming those fields with their values before and
// after (ID numbers and phones masked, never in clear); the sheet's stays (去过的地方) the ledger did not
// hold added to theirs, with a travel_updated row; in the import's transaction.

/** The columns each field writes. */
const COLUMNS: Record<TrackedField, readonly string[]> = {
  name: ['name', 'initials', 'pinyin'],
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
        pinyin: personPinyin(after.name),
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
      // the sheet's stays the ledger did not hold are added to the resident's, never dropped
      const stays = planned.newStays ?? [];
      const before = existing.facts?.travel ?? [];
      if (stays.length) set.facts = JSON.stringify({ ...existing.facts, travel: [...before, ...stays] });
      await tx
        .updateTable('residents')
        .set(set)
        .where('region_code', '=', key.regionCode)
        .where('id', '=', key.id)
        .execute();
      const row = (kind: string, detail: object) =>
        history.push([
          regionCode,
          household.id,
          key.id,
          actor.userId,
          actor.username,
          kind,
          null,
          null,
          null,
          JSON.stringify({ name: after.name, source: 'import', row: r.row, ...detail }),
        ]);
      if (changes.length) row('resident_updated', { changes });
      if (stays.length) row('travel_updated', { before, after: [...before, ...stays] });
      touched.add(household.id);
      residents++;
    }
  }
  for (let i = 0; i < history.length; i += 1000)
    await q.insertRows(tx, 'household_history', q.HISTORY_LOAD_COLUMNS, history.slice(i, i + 1000));
  return { households: [...touched], residents };
}
