// 卡点、防疫服务站 — the rules of a passage at a checkpoint (通行登记): what a registration must hold, who
// in it is from a key area or has a fever, and who becomes a hand-over to a community. Pure, no I/O.
//
// "From a key area" and "fever" are the ledger's own rules (domain/ledger/colour): a passage's people are
// put through deriveColour as one-person households on the day of the passage, and a person is from a
// key area when the ledger would make them red for a stay in one (rule R3: the key-area list, its dates
// and the window; an undated stay counts through the whole window, never dropped), and has a fever when
// the ledger would make them red for the temperature (rule R1: at or above the deployment's threshold).

import {
  type ColourPolicy,
  type ColourReason,
  DEFAULT_FEVER_THRESHOLD_C,
  deriveColour,
  isPlaceCode,
  type TravelStay,
} from '../ledger/colours';
import { isIsoDate } from '../ledger/keyAreas';
import { CHECKED_ID_TYPES, ID_TYPES, type IdType } from '../ledger/sheet/values';
import { validateIdNumber } from '../validators/idNumber';
import { validatePhone } from '../validators/phone';
import { validatePlate } from '../validators/plate';

/** The seven steps at a station: 拦停、检查、测量、登记、宣讲、消杀、报告. */
export const STEPS = ['stop', 'inspect', 'measure', 'register', 'inform', 'disinfect', 'report'] as const;
export type Step = (typeof STEPS)[number];

/** 放行, 劝返, 移交社区, 转运 (an isolation site or a fever clinic, named). */
export const OUTCOMES = ['released', 'persuaded_back', 'handed_over', 'transferred'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const VEHICLE_KINDS = ['car', 'truck', 'bus', 'motorbike', 'other'] as const;
export type VehicleKind = (typeof VEHICLE_KINDS)[number];

/** A health code or an itinerary code as shown (健康码, 行程码). */
export const CODE_COLOURS = ['green', 'yellow', 'red'] as const;
export type CodeColour = (typeof CODE_COLOURS)[number];

/** Facilities a passage may be transferred to (转运). */
export const TRANSFER_KINDS = ['isolation_site', 'fever_clinic', 'designated_hospital'] as const;

/** People in one vehicle at most (a coach with its driver). */
export const MAX_VEHICLE_PEOPLE = 60;
/** People walking through together at most. */
export const MAX_FOOT_PEOPLE = 20;
/** How long before now a passage queued offline may have happened. */
export const MAX_QUEUED_DAYS = 3;
/** A hand-over is due at the community within this many hours unless the deployment says otherwise. */
export const HANDOVER_DUE_HOURS = 24;
/** A self-registration waits for the staff this long. */
export const REGISTRATION_TTL_MINUTES = 120;
/** A body temperature outside this range is a typing mistake (373 for 37.3), not a measurement. */
export const TEMPERATURE_RANGE = { min: 34, max: 43 } as const;

export interface TravelInput {
  /** a GB/T 2260 division code ('4201', '420106') or a country code ('KR') */
  place: string;
  /** as said, for display */
  placeName?: string;
  from?: string;
  to?: string;
}

export interface PersonInput {
  name: string;
  idType?: string;
  idNumber?: string;
  phone?: string;
  temperatureC?: number;
  travel?: TravelInput[];
  healthCode?: string | null;
  itineraryCode?: string | null;
  destinationUnitCode?: string;
  destinationAddress?: string;
}

export interface VehicleInput {
  plate: string;
  kind: string;
  from?: string;
  to?: string;
  cargo?: string;
}

export interface PassageInput {
  direction: string;
  occurredAt?: string;
  vehicle?: VehicleInput | null;
  people: PersonInput[];
  steps?: { step: string; by?: string }[];
  outcome?: string;
  transferFacilityId?: string;
}

export interface CheckedPerson {
  name: string;
  idType: IdType;
  idNumber?: string;
  phone?: string;
  temperatureC?: number;
  travel: TravelStay[];
  healthCode: CodeColour | null;
  itineraryCode: CodeColour | null;
  destinationUnitCode?: string;
  destinationAddress?: string;
}

export interface CheckedPassage {
  direction: Direction;
  occurredAt: Date;
  vehicle: { plate: string; kind: VehicleKind; from?: string; to?: string; cargo?: string } | null;
  people: CheckedPerson[];
  steps: { step: Step; by?: string }[];
  outcome?: Outcome;
  transferFacilityId?: string;
}

/** A problem with a field, named by its path in the body ('vehicle.plate', 'people.1.temperatureC'). */
export interface PassageIssue {
  path: string;
  code:
    | 'checkpoint.plate'
    | 'checkpoint.vehicle_kind'
    | 'checkpoint.id_number'
    | 'checkpoint.id_type'
    | 'checkpoint.phone'
    | 'checkpoint.temperature'
    | 'checkpoint.place'
    | 'checkpoint.date'
    | 'checkpoint.code_colour'
    | 'checkpoint.occurred_at'
    | 'checkpoint.people_count'
    | 'checkpoint.direction'
    | 'checkpoint.step'
    | 'checkpoint.outcome'
    | 'checkpoint.transfer_required';
}

const trimmed = (s: string | undefined | null) => {
  const t = s?.trim();
  return t ? t : undefined;
};

function codeColour(v: string | null | undefined, path: string, issues: PassageIssue[]): CodeColour | null {
  if (v === undefined || v === null || v === '') return null;
  if ((CODE_COLOURS as readonly string[]).includes(v)) return v as CodeColour;
  issues.push({ path, code: 'checkpoint.code_colour' });
  return null;
}

/** Checks and normalises the people of a passage or a self-registration (their paths: `people.N.…`). */
export function checkPeople(people: readonly PersonInput[], today: string, issues: PassageIssue[]) {
  const out: CheckedPerson[] = [];
  const todayDate = new Date(`${today}T12:00:00+08:00`);
  people.forEach((p, i) => {
    const at = `people.${i}`;
    const idType = (p.idType ?? 'resident_id') as IdType;
    if (!(ID_TYPES as readonly string[]).includes(idType))
      issues.push({ path: `${at}.idType`, code: 'checkpoint.id_type' });
    let idNumber = trimmed(p.idNumber);
    if (idNumber !== undefined && CHECKED_ID_TYPES.has(idType)) {
      const r = validateIdNumber(idNumber, { today: todayDate });
      if (r.ok) idNumber = r.value;
      else issues.push({ path: `${at}.idNumber`, code: 'checkpoint.id_number' });
    }
    let phone = trimmed(p.phone);
    if (phone !== undefined) {
      const r = validatePhone(phone);
      if (r.ok) phone = r.value;
      else issues.push({ path: `${at}.phone`, code: 'checkpoint.phone' });
    }
    const t = p.temperatureC;
    if (t !== undefined && !(Number.isFinite(t) && t >= TEMPERATURE_RANGE.min && t <= TEMPERATURE_RANGE.max))
      issues.push({ path: `${at}.temperatureC`, code: 'checkpoint.temperature' });
    const travel: TravelStay[] = [];
    (p.travel ?? []).forEach((s, j) => {
      const tp = `${at}.travel.${j}`;
      const place = s.place?.trim() ?? '';
      if (!isPlaceCode(place)) issues.push({ path: `${tp}.place`, code: 'checkpoint.place' });
      for (const k of ['from', 'to'] as const) {
        const d = s[k];
        if (d !== undefined && (!isIsoDate(d) || d > today))
          issues.push({ path: `${tp}.${k}`, code: 'checkpoint.date' });
      }
      if (s.from && s.to && isIsoDate(s.from) && isIsoDate(s.to) && s.to < s.from)
        issues.push({ path: `${tp}.to`, code: 'checkpoint.date' });
      // an undated stay is kept, recorded today: it counts through the whole window (issue 10)
      const stay: TravelStay = { placeCode: place };
      if (s.placeName?.trim()) stay.placeName = s.placeName.trim();
      if (s.from) stay.from = s.from;
      if (s.to) stay.to = s.to;
      if (!s.from) {
        stay.undated = 'unknown';
        stay.recordedOn = today;
      }
      travel.push(stay);
    });
    const person: CheckedPerson = {
      name: p.name.trim(),
      idType,
      travel,
      healthCode: codeColour(p.healthCode, `${at}.healthCode`, issues),
      itineraryCode: codeColour(p.itineraryCode, `${at}.itineraryCode`, issues),
    };
    if (idNumber !== undefined) person.idNumber = idNumber.toUpperCase();
    if (phone !== undefined) person.phone = phone;
    if (t !== undefined) person.temperatureC = Math.round(t * 10) / 10;
    const dest = trimmed(p.destinationUnitCode);
    if (dest !== undefined) person.destinationUnitCode = dest;
    const addr = trimmed(p.destinationAddress);
    if (addr !== undefined) person.destinationAddress = addr;
    out.push(person);
  });
  return out;
}

/**
 * Checks a passage: a valid plate (GA 36) and kind for a vehicle; 1..60 people in a vehicle, 1..20 on
 * foot; ID numbers (GB 11643 for the checked types), phones, temperatures, travel places and dates;
 * known steps and outcome; a transfer names its facility; the time not in the future (a minute of
 * clock drift allowed) and not older than three days. `now` is the platform's instant.
 */
export function checkPassage(
  input: PassageInput,
  now: Date,
  today: string,
  opts: { outcomeRequired?: boolean } = {},
): { ok: true; value: CheckedPassage } | { ok: false; issues: PassageIssue[] } {
  const issues: PassageIssue[] = [];
  if (!(DIRECTIONS as readonly string[]).includes(input.direction))
    issues.push({ path: 'direction', code: 'checkpoint.direction' });
  let occurredAt = now;
  if (input.occurredAt !== undefined) {
    const t = new Date(input.occurredAt);
    const ms = t.getTime();
    if (Number.isNaN(ms) || ms > now.getTime() + 60_000 || ms < now.getTime() - MAX_QUEUED_DAYS * 86_400_000)
      issues.push({ path: 'occurredAt', code: 'checkpoint.occurred_at' });
    else occurredAt = t;
  }
  let vehicle: CheckedPassage['vehicle'] = null;
  if (input.vehicle) {
    const plate = validatePlate(input.vehicle.plate ?? '');
    if (!plate.ok) issues.push({ path: 'vehicle.plate', code: 'checkpoint.plate' });
    if (!(VEHICLE_KINDS as readonly string[]).includes(input.vehicle.kind))
      issues.push({ path: 'vehicle.kind', code: 'checkpoint.vehicle_kind' });
    vehicle = {
      plate: plate.ok ? plate.value : '',
      kind: input.vehicle.kind as VehicleKind,
    };
    for (const k of ['from', 'to', 'cargo'] as const) {
      const v = trimmed(input.vehicle[k]);
      if (v !== undefined) vehicle[k] = v;
    }
  }
  const max = vehicle ? MAX_VEHICLE_PEOPLE : MAX_FOOT_PEOPLE;
  if (input.people.length < 1 || input.people.length > max)
    issues.push({ path: 'people', code: 'checkpoint.people_count' });
  const people = checkPeople(input.people.slice(0, max), today, issues);
  const steps: CheckedPassage['steps'] = [];
  (input.steps ?? []).forEach((s, i) => {
    if (!(STEPS as readonly string[]).includes(s.step))
      issues.push({ path: `steps.${i}.step`, code: 'checkpoint.step' });
    else if (!steps.some((x) => x.step === s.step))
      steps.push({ step: s.step as Step, ...(trimmed(s.by) ? { by: trimmed(s.by) } : {}) });
  });
  let outcome: Outcome | undefined;
  if (input.outcome !== undefined) {
    if (!(OUTCOMES as readonly string[]).includes(input.outcome))
      issues.push({ path: 'outcome', code: 'checkpoint.outcome' });
    else outcome = input.outcome as Outcome;
  } else if (opts.outcomeRequired) issues.push({ path: 'outcome', code: 'checkpoint.outcome' });
  if (outcome === 'transferred' && !input.transferFacilityId)
    issues.push({ path: 'transferFacilityId', code: 'checkpoint.transfer_required' });
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    value: {
      direction: input.direction as Direction,
      occurredAt,
      vehicle,
      people,
      steps,
      ...(outcome ? { outcome } : {}),
      ...(outcome === 'transferred' && input.transferFacilityId
        ? { transferFacilityId: input.transferFacilityId }
        : {}),
    },
  };
}

export interface PersonAssessment {
  fromKeyArea: boolean;
  /** the key area the person's stay lay in (the most specific, the latest) */
  keyArea: { code: string; name: string; placeCode: string; placeName?: string } | null;
  fever: boolean;
}

/**
 * Whether a person is from a key area and has a fever on `day` (the passage's reporting day), by the
 * ledger's rules and the deployment's policy (see the head of this file).
 */
export function assessPerson(
  p: Pick<CheckedPerson, 'travel' | 'temperatureC'>,
  policy: ColourPolicy,
  day: string,
): PersonAssessment {
  const derived = deriveColour(
    {
      residents: [
        {
          travel: p.travel,
          health: p.temperatureC === undefined ? [] : [{ date: day, temperatureC: p.temperatureC }],
        },
      ],
    },
    policy,
    day,
  );
  const all: ColourReason[] = [...derived.reasons, ...derived.milder];
  const travel = all.find((r) => r.code === 'travel_key_area') as
    | (ColourReason & { areaCode: string; area: string; placeCode: string; placeName?: string })
    | undefined;
  return {
    fromKeyArea: travel !== undefined,
    keyArea: travel
      ? {
          code: travel.areaCode,
          name: travel.area,
          placeCode: travel.placeCode,
          ...(travel.placeName ? { placeName: travel.placeName } : {}),
        }
      : null,
    fever: all.some((r) => r.code === 'fever'),
  };
}

/** The fever threshold of a policy (37.3 °C unless the deployment sets another). */
export function feverThreshold(policy: ColourPolicy): number {
  return policy.feverThresholdC ?? DEFAULT_FEVER_THRESHOLD_C;
}

export type HandoverReason = 'key_area' | 'fever';

/** Why a person becomes a hand-over to their destination community, or null: key area first, then fever. */
export function handoverReason(a: PersonAssessment): HandoverReason | null {
  if (a.fromKeyArea) return 'key_area';
  if (a.fever) return 'fever';
  return null;
}

export const HANDOVER_STATES = ['waiting', 'arrived', 'not_arrived'] as const;
export type HandoverState = (typeof HANDOVER_STATES)[number];
/** What a list shows: a waiting hand-over past its due time is overdue (computed when read, no job). */
export type HandoverView = HandoverState | 'overdue';

export function handoverView(state: HandoverState, dueAt: Date, now: Date): HandoverView {
  return state === 'waiting' && dueAt.getTime() < now.getTime() ? 'overdue' : state;
}

/** Characters of a registration code: no 0/O, 1/I (read aloud and typed at the roadside). */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

/** A registration code from random bytes (at least CODE_LENGTH of them). */
export function registrationCode(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new RangeError('need 6 random bytes');
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[bytes[i] % CODE_ALPHABET.length];
  return s;
}

/** A code as typed (lower case, spaces, O for 0 …) in its stored form, or undefined if it cannot be one. */
export function normaliseRegistrationCode(s: string): string | undefined {
  const v = s.replace(/\s+/g, '').toUpperCase();
  if (v.length !== CODE_LENGTH) return undefined;
  for (const c of v) if (!CODE_ALPHABET.includes(c)) return undefined;
  return v;
}

/** The counts a passage adds to its facility's day and shift. */
export interface PassageCounts {
  vehicles: number;
  people: number;
  fromKeyAreas: number;
  fevers: number;
  persuadedBack: number;
  handedOver: number;
}
