// A person who serves (人员名册): the input a form or an API call gives, and the one validator that both the
// form and a row of an imported sheet go through (personSheet.ts), so that every error names the field
// (or, through the sheet's column map, the column). Pure, no I/O.

import { z } from 'zod';
import { type Locale, type MessageKey, translate } from '../i18n/messages';
import { parseSex } from '../ledger/sheet/values';
import { normaliseDate } from '../sheets/normalise';
import { normaliseIdNumber, validateIdNumber } from '../validators/idNumber';
import { validatePhone } from '../validators/phone';
import { removeSpaces, toHalfWidth } from '../validators/text';
import { type Availability, SKILLS, type Skill } from './schedule';

/** What a person is, beside the skills: 下沉干部, 党员 (双报到), 志愿者. At least one. */
export const PERSON_STANDINGS = ['cadre', 'party_member', 'volunteer'] as const;
export type PersonStanding = (typeof PERSON_STANDINGS)[number];

export const STANDING_LABELS: Record<PersonStanding, Record<Locale, string>> = {
  cadre: { 'zh-CN': '干部', en: 'cadre' },
  party_member: { 'zh-CN': '党员', en: 'party member' },
  volunteer: { 'zh-CN': '志愿者', en: 'volunteer' },
};

const STANDING_WORDS: Record<string, PersonStanding> = {
  干部: 'cadre',
  下沉干部: 'cadre',
  机关干部: 'cadre',
  cadre: 'cadre',
  党员: 'party_member',
  共产党员: 'party_member',
  中共党员: 'party_member',
  报到党员: 'party_member',
  预备党员: 'party_member',
  partymember: 'party_member',
  party: 'party_member',
  志愿者: 'volunteer',
  志愿: 'volunteer',
  volunteer: 'volunteer',
};

export const SKILL_LABELS: Record<Skill, Record<Locale, string>> = {
  medical: { 'zh-CN': '医疗', en: 'medical' },
  police: { 'zh-CN': '警务', en: 'police' },
  transport: { 'zh-CN': '交通', en: 'transport' },
  driving: { 'zh-CN': '驾驶', en: 'driving' },
  disinfection: { 'zh-CN': '消杀', en: 'disinfection' },
  publicity: { 'zh-CN': '宣传', en: 'publicity' },
  registration: { 'zh-CN': '登记', en: 'registration' },
  logistics: { 'zh-CN': '后勤', en: 'logistics' },
  psychology: { 'zh-CN': '心理疏导', en: 'psychology' },
};

const SKILL_WORDS: Record<string, Skill> = {
  ...Object.fromEntries(
    SKILLS.flatMap((s) => [
      [s, s],
      [SKILL_LABELS[s]['zh-CN'], s],
    ]),
  ),
  医护: 'medical',
  医生: 'medical',
  护士: 'medical',
  医务: 'medical',
  采样: 'medical',
  公安: 'police',
  民警: 'police',
  辅警: 'police',
  交通运输: 'transport',
  交警: 'transport',
  司机: 'driving',
  开车: 'driving',
  消毒: 'disinfection',
  消杀消毒: 'disinfection',
  宣讲: 'publicity',
  信息登记: 'registration',
  后勤保障: 'logistics',
  心理: 'psychology',
  心理咨询: 'psychology',
};

const wordKey = (s: string) => removeSpaces(toHalfWidth(s)).toLowerCase();
/** splits 干部、党员 / 医疗,驾驶 / 医疗 驾驶 into words */
export const splitWords = (s: string) =>
  toHalfWidth(s)
    .split(/[、,，;；/|\s]+/)
    .map((w) => w.trim())
    .filter(Boolean);

export function parseStanding(word: string): PersonStanding | undefined {
  return STANDING_WORDS[wordKey(word)];
}

export function parseSkill(word: string): Skill | undefined {
  return SKILL_WORDS[wordKey(word)];
}

// ---------------------------------------------------------------------------------------------------
// The API's input

const text = (max: number) => z.string().max(max * 4);
const availability = z
  .object({
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
    parts: z
      .array(z.enum(['day', 'night']))
      .max(2)
      .optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    maxHoursPerWeek: z.number().int().min(1).max(168).optional(),
  })
  .strict();

/**
 * A person as a form or a caller sends it. Shapes only: what the values mean (a valid phone, an ID number
 * that matches the sex given…) is checked by checkPerson, whose errors name the field in the user's language.
 */
export const personInput = z.object({
  unitCode: z.string().min(2).max(24),
  name: text(50),
  sex: z.string().max(10).nullish(),
  birthDate: z.string().max(20).nullish(),
  phone: z.string().max(40).nullish(),
  idNumber: z.string().max(40).nullish(),
  isCadre: z.boolean().optional(),
  isPartyMember: z.boolean().optional(),
  isVolunteer: z.boolean().optional(),
  homeWorkUnit: text(100).nullish(),
  sentDownOn: z.string().max(20).nullish(),
  partyBranch: text(100).nullish(),
  reportedOn: z.string().max(20).nullish(),
  skills: z.array(z.string().max(20)).max(20).optional(),
  availability: availability.optional(),
  residentKey: z
    .string()
    .regex(/^\d{6}-\d{1,18}$/)
    .nullish(),
  notes: text(500).nullish(),
});
export type PersonInput = z.infer<typeof personInput>;

/** The fields checkPerson names in its errors ('standing': the three flags together). */
export type PersonField = Exclude<keyof PersonInput, 'availability'> | 'standing';

/** A person as checked: values normalised, birth date and sex taken from the ID number when absent. */
export interface PersonValue {
  unitCode: string;
  name: string;
  sex: 'M' | 'F' | null;
  birthDate: string | null;
  phone: string | null;
  idNumber: string | null;
  isCadre: boolean;
  isPartyMember: boolean;
  isVolunteer: boolean;
  homeWorkUnit: string | null;
  sentDownOn: string | null;
  partyBranch: string | null;
  reportedOn: string | null;
  skills: Skill[];
  availability: Availability;
  residentKey: string | null;
  notes: string | null;
}

export interface PersonError {
  field: PersonField;
  message: string;
}

export type PersonCheck = { ok: true; value: PersonValue } | { ok: false; errors: PersonError[] };

/** A draft: what checkPerson reads. Dates may be Dates or numbers when they come from a sheet. */
export type PersonDraft = Partial<Omit<PersonInput, 'birthDate' | 'sentDownOn' | 'reportedOn'>> & {
  birthDate?: unknown;
  sentDownOn?: unknown;
  reportedOn?: unknown;
  /** words the caller could not read as skills (a sheet's 技能 column), reported on 'skills' */
  unknownSkills?: string[];
  /** words the caller could not read as standings (a sheet's 类别 column), reported on 'standing' */
  unknownStandings?: string[];
};

const LIMITS = { name: 50, homeWorkUnit: 100, partyBranch: 100, notes: 500 } as const;

function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const ID_MESSAGES: Record<string, MessageKey> = {
  'id.length': 'forces.id_length',
  'id.chars': 'forces.id_chars',
  'id.checksum': 'forces.id_checksum',
  'id.birth_date': 'forces.id_birth_date',
  'id.region': 'forces.id_region',
};

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
/** free text as typed (names, units, notes): only its ends are trimmed, never rewritten */
const clean = (v: string | null | undefined) => {
  const s = (v ?? '').trim();
  return s === '' ? null : s;
};

/** Checks a person typed into a form, sent by a caller or read from a row of a sheet. */
export function checkPerson(draft: PersonDraft, locale: Locale, today: Date = new Date()): PersonCheck {
  const errors: PersonError[] = [];
  const fail = (field: PersonField, key: MessageKey, params: Record<string, string | number> = {}) =>
    errors.push({ field, message: translate(locale, key, params) });
  const todayText = localDay(today);

  const name = clean(draft.name);
  if (!name) fail('name', 'forces.name_required');
  for (const f of ['name', 'homeWorkUnit', 'partyBranch', 'notes'] as const) {
    const v = clean(draft[f]);
    if (v && [...v].length > LIMITS[f]) fail(f, 'forces.too_long', { max: LIMITS[f] });
  }
  const unitCode = clean(draft.unitCode)?.toUpperCase() ?? '';
  if (!unitCode) fail('unitCode', 'forces.unit_required');

  // ID number first: it gives the birth date and sex when they are left blank.
  let idNumber: string | null = null;
  let idBirth: string | undefined;
  let idSex: 'M' | 'F' | undefined;
  if (!blank(draft.idNumber)) {
    const raw = String(draft.idNumber);
    const r = validateIdNumber(normaliseIdNumber(raw), { today });
    if (r.ok) {
      idNumber = r.value;
      idBirth = r.birthDate;
      idSex = r.sex === 'male' ? 'M' : 'F';
    } else {
      fail(
        'idNumber',
        r.excelMangled ? 'forces.id_excel_number' : (ID_MESSAGES[r.code] ?? 'forces.id_length'),
      );
    }
  }

  let sex: 'M' | 'F' | null = idSex ?? null;
  if (!blank(draft.sex)) {
    const raw = String(draft.sex).trim();
    const s = raw === 'M' || raw === 'F' ? raw : parseSex(raw) === 'male' ? 'M' : parseSex(raw) ? 'F' : null;
    if (!s) fail('sex', 'forces.sex_invalid');
    else if (idSex && s !== idSex) fail('sex', 'forces.sex_id_mismatch');
    else sex = s;
  }

  const date = (field: 'birthDate' | 'sentDownOn' | 'reportedOn'): string | null => {
    const v = draft[field];
    if (blank(v)) return null;
    const d = normaliseDate(v);
    if (d?.length !== 10) {
      fail(field, field === 'birthDate' ? 'forces.birth_invalid' : 'forces.date_invalid');
      return null;
    }
    if (d > todayText) {
      fail(field, 'forces.date_future');
      return null;
    }
    return d;
  };
  let birthDate = date('birthDate');
  if (birthDate && idBirth && birthDate !== idBirth) fail('birthDate', 'forces.birth_id_mismatch');
  birthDate = birthDate ?? idBirth ?? null;
  const sentDownOn = date('sentDownOn');
  const reportedOn = date('reportedOn');

  let phone: string | null = null;
  if (!blank(draft.phone)) {
    const r = validatePhone(String(draft.phone));
    if (r.ok) phone = r.value;
    else fail('phone', 'forces.phone_invalid');
  }

  for (const word of draft.unknownStandings ?? []) fail('standing', 'forces.standing_unknown', { word });
  const isCadre = !!draft.isCadre;
  const isPartyMember = !!draft.isPartyMember;
  const isVolunteer = !!draft.isVolunteer;
  if (!isCadre && !isPartyMember && !isVolunteer && !draft.unknownStandings?.length)
    fail('standing', 'forces.standing_required');

  const skills: Skill[] = [];
  const unknown = [...(draft.unknownSkills ?? [])];
  for (const s of draft.skills ?? []) {
    const skill = parseSkill(s);
    if (skill) {
      if (!skills.includes(skill)) skills.push(skill);
    } else unknown.push(s);
  }
  const known = SKILLS.map((s) => SKILL_LABELS[s][locale]).join(locale === 'en' ? ', ' : '、');
  for (const word of unknown) fail('skills', 'forces.skill_unknown', { word, known });

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      unitCode,
      name: name as string,
      sex,
      birthDate,
      phone,
      idNumber,
      isCadre,
      isPartyMember,
      isVolunteer,
      homeWorkUnit: clean(draft.homeWorkUnit),
      sentDownOn,
      partyBranch: clean(draft.partyBranch),
      reportedOn,
      skills,
      availability: draft.availability ?? {},
      residentKey: clean(draft.residentKey),
      notes: clean(draft.notes),
    },
  };
}

/** A sheet's 类别 cell (干部、党员) as the three flags, and the words it could not read. */
export function parseStandings(cell: string): {
  isCadre: boolean;
  isPartyMember: boolean;
  isVolunteer: boolean;
  unknown: string[];
} {
  const out = { isCadre: false, isPartyMember: false, isVolunteer: false, unknown: [] as string[] };
  for (const w of splitWords(cell)) {
    const s = parseStanding(w);
    if (s === 'cadre') out.isCadre = true;
    else if (s === 'party_member') out.isPartyMember = true;
    else if (s === 'volunteer') out.isVolunteer = true;
    else out.unknown.push(w);
  }
  return out;
}

/** The standings of a person as words of the locale (干部、党员). */
export function standingsText(
  p: { isCadre: boolean; isPartyMember: boolean; isVolunteer: boolean },
  locale: Locale,
): string {
  const words: string[] = [];
  if (p.isCadre) words.push(STANDING_LABELS.cadre[locale]);
  if (p.isPartyMember) words.push(STANDING_LABELS.party_member[locale]);
  if (p.isVolunteer) words.push(STANDING_LABELS.volunteer[locale]);
  return words.join(locale === 'en' ? ', ' : '、');
}
