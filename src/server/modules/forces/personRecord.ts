import type { Kysely } from 'kysely';
import type { Availability } from '../../../domain/forces/schedule';
import { personInitials, personPinyin } from '../../../domain/org/initials';
import { maskIdNumber } from '../../../domain/validators/idNumber';
import { maskPhone } from '../../../domain/validators/phone';
import type { Database } from '../../db/schema';
import { uniqueViolation } from '../../db/transaction';
import type { PersonalDataProtector } from '../../platform/personalData';

// A row of the registry of people who serve, as stored: the phone and ID number sealed, with a blind
// index and a masked form (DESIGN rule 3). The blind indexes are those of the ledger's residents, so a
// person can be matched to the resident they are. The caller checks scope and input; this only writes.

export interface NewPerson {
  unitId: string;
  unitPath: string;
  name: string;
  sex?: 'M' | 'F' | null;
  birthDate?: string | null;
  /** normalised (validators/phone) */
  phone?: string | null;
  /** valid and normalised (validators/idNumber) */
  idNumber?: string | null;
  isCadre?: boolean;
  isPartyMember?: boolean;
  isVolunteer?: boolean;
  homeWorkUnit?: string | null; // 原单位
  sentDownOn?: string | null; // 下沉
  partyBranch?: string | null;
  reportedOn?: string | null; // 双报到
  skills?: readonly string[];
  availability?: Availability;
  residentKey?: string | null;
  userId?: string | null;
  notes?: string | null;
}

/**
 * A write that lost the race for a phone or ID number: another request checked it free too and wrote
 * first (one active person per phone and per ID number: migration 007). Run again, the check finds the
 * other person and names the field.
 */
export function lostContactRace(err: unknown): boolean {
  const index = uniqueViolation(err);
  return index === 'people_phone_active_uq' || index === 'people_id_active_uq';
}

export function personPhoneIndex(p: PersonalDataProtector, phone: string): Buffer {
  return p.blindIndex('resident.phone', phone);
}

export function personIdIndex(p: PersonalDataProtector, idNumber: string): Buffer {
  return p.blindIndex('resident.id', idNumber.toUpperCase());
}

/** The columns a person is searched by besides the name: pinyin initials and full pinyin. */
export function nameColumns(name: string) {
  return { name, initials: personInitials(name), pinyin: personPinyin(name) };
}

/** The columns of a person's phone and ID number, sealed. */
export function sealContact(p: PersonalDataProtector, phone?: string | null, idNumber?: string | null) {
  const id = idNumber?.toUpperCase();
  return {
    phone_enc: phone ? p.encrypt(phone) : null,
    phone_hmac: phone ? personPhoneIndex(p, phone) : null,
    phone_masked: phone ? maskPhone(phone) : null,
    id_enc: id ? p.encrypt(id) : null,
    id_hmac: id ? personIdIndex(p, id) : null,
    id_masked: id ? maskIdNumber(id) : null,
  };
}

/** Inserts a person; returns the new id. */
export async function insertPerson(
  db: Kysely<Database>,
  protector: PersonalDataProtector,
  person: NewPerson,
): Promise<string> {
  const row = await db
    .insertInto('people')
    .values({
      unit_id: person.unitId,
      unit_path: person.unitPath,
      ...nameColumns(person.name),
      sex: person.sex ?? null,
      birth_date: person.birthDate ?? null,
      ...sealContact(protector, person.phone, person.idNumber),
      is_cadre: person.isCadre ?? false,
      is_party_member: person.isPartyMember ?? false,
      is_volunteer: person.isVolunteer ?? false,
      home_work_unit: person.homeWorkUnit ?? null,
      sent_down_on: person.sentDownOn ?? null,
      party_branch: person.partyBranch ?? null,
      reported_on: person.reportedOn ?? null,
      skills: [...(person.skills ?? [])],
      availability: JSON.stringify(person.availability ?? {}),
      resident_key: person.residentKey ?? null,
      user_id: person.userId ?? null,
      notes: person.notes ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The active person with this phone, if any (a volunteer who signs up twice is one person). */
export async function personIdByPhone(
  db: Kysely<Database>,
  protector: PersonalDataProtector,
  phone: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('phone_hmac', '=', personPhoneIndex(protector, phone))
    .where('status', '=', 'active')
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}
