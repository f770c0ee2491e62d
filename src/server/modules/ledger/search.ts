import { recordKey } from '../../../domain/ledger/household';
import { validatePhone } from '../../../domain/validators/phone';
import type { Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { idNumberIndex, phoneIndex } from './protect';
import type * as q from './queries';

// The ledger's search box understands what people type: digits are the end of an ID number or a
// phone (the last four, as the masked forms show them), a whole mobile number is one phone, latin
// letters are pinyin initials (zw → 张伟), anything else is the start of a name.
export function parseSearch(text: string, services: Services): q.LedgerFilter['search'] {
  const s = text.trim();
  if (s === '') return undefined;
  if (/^\d{4}[\dXx]?$|^\d{3}[Xx]$/.test(s))
    return { idTail: s.slice(-4).toUpperCase(), phoneTail: s.slice(-4) };
  const phone = validatePhone(s);
  if (phone.ok)
    return { phone: { tail: phone.value.slice(-4), hmac: phoneIndex(services.protector, phone.value) } };
  if (/^[a-z]+$/i.test(s)) return { initials: s.toLowerCase() };
  return { name: s };
}

/**
 * The living resident (present or away) with this ID number, where the scope may read the ledger: how
 * another module (the forces registry) finds the resident a person is. Undefined when there is none.
 */
export async function residentByIdNumber(services: Services, scope: Scope, idNumber: string) {
  const row = await services.db
    .selectFrom('residents')
    .select(['region_code', 'id', 'household_id', 'name'])
    .where('id_hmac', '=', idNumberIndex(services.protector, idNumber))
    .where('status', 'in', ['present', 'away'])
    .where(scope.where('unit_path', 'ledger.read'))
    .orderBy('id')
    .executeTakeFirst();
  return row
    ? {
        key: recordKey(row.region_code, row.id),
        householdKey: recordKey(row.region_code, row.household_id),
        name: row.name,
      }
    : undefined;
}
