import { validatePhone } from '../../../domain/validators/phone';
import type { Services } from '../../platform/services';
import { phoneIndex } from './protect';
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
