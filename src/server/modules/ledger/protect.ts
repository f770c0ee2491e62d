import { maskIdNumber } from '../../../domain/validators/idNumber';
import { maskPhone } from '../../../domain/validators/phone';
import type { PersonalDataProtector } from '../../platform/personalData';

// A resident's ID number and phone as stored (DESIGN rule 3): sealed, a blind index for exact lookup
// and de-duplication, a masked form for lists, and the last four characters for "the last digits".

export interface ProtectedValue {
  enc: Buffer;
  hmac: Buffer;
  masked: string;
  tail: string;
}

/** The blind index of an ID number (normalised: upper-case X), shared by the lookup and the import. */
export function idNumberIndex(p: PersonalDataProtector, idNumber: string): Buffer {
  return p.blindIndex('resident.id', idNumber.toUpperCase());
}

export function phoneIndex(p: PersonalDataProtector, phone: string): Buffer {
  return p.blindIndex('resident.phone', phone);
}

/** `hmac`: the blind index when the caller has it already (the import looked it up). */
export function protectIdNumber(p: PersonalDataProtector, idNumber: string, hmac?: Buffer): ProtectedValue {
  const v = idNumber.toUpperCase();
  return { enc: p.encrypt(v), hmac: hmac ?? idNumberIndex(p, v), masked: maskIdNumber(v), tail: v.slice(-4) };
}

export function protectPhone(p: PersonalDataProtector, phone: string): ProtectedValue {
  return {
    enc: p.encrypt(phone),
    hmac: phoneIndex(p, phone),
    masked: maskPhone(phone),
    tail: phone.slice(-4),
  };
}
