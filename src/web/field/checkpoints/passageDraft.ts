import type {
  CodeColour,
  Direction,
  Outcome,
  PassageBody,
  PersonInput,
  RegistrationDraft,
  Step,
  TravelInput,
  VehicleKind,
} from '../../http/checkpoints';
import { COMMON_PLACES } from '../../modules/ledger/common/places';
import {
  newTravelDraft,
  type StayProblem,
  stayOf,
  stayProblems,
  type TravelDraft,
} from '../../modules/ledger/common/stayDraft';
import { parseTemperature } from '../screening/visitDraft';
import type { Destination } from './memory';

// The checkpoint form's state and the passage it becomes (the body of POST /api/checkpoints/passages).
// Pure, so that it can be tested without a browser.

export const FEVER_C = 37.3;

export interface PersonDraft {
  id: number;
  name: string;
  idNumber: string;
  phone: string;
  temperature: string;
  travel: TravelDraft[];
  healthCode: CodeColour | null;
  itineraryCode: CodeColour | null;
  destination: Destination | null;
  destinationAddress: string;
  /** a person of the self-registration being confirmed: their ID number and phone stay on the server */
  registrationPerson?: number;
  idNumberMasked?: string | null;
  phoneMasked?: string | null;
}

export interface PassageDraft {
  direction: Direction;
  onFoot: boolean;
  plate: string;
  vehicleKind: VehicleKind;
  people: PersonDraft[];
  /** the steps ticked, in the station's order */
  steps: Step[];
  registrationCode?: string;
}

export function newPerson(id: number, like?: PersonDraft): PersonDraft {
  return {
    id,
    name: '',
    idNumber: '',
    phone: '',
    temperature: '',
    // a passenger travels with the driver: the same places and destination unless changed
    travel: like ? like.travel.map((s, i) => ({ ...s, id: id * 100 + i })) : [],
    healthCode: null,
    itineraryCode: null,
    destination: like?.destination ?? null,
    destinationAddress: like?.destinationAddress ?? '',
  };
}

export function newDraft(direction: Direction): PassageDraft {
  return { direction, onFoot: false, plate: '', vehicleKind: 'car', people: [newPerson(1)], steps: [] };
}

/** a temperature at or above the threshold (37.3 °C) */
export function isFever(temperature: string, threshold = FEVER_C): boolean {
  const t = parseTemperature(temperature);
  return t !== undefined && t >= threshold;
}

function travelDraftOf(s: TravelInput, id: number): TravelDraft {
  const common = COMMON_PLACES.some((p) => p.code === s.place);
  return {
    ...newTravelDraft(id),
    place: common ? s.place : 'other',
    code: common ? '' : s.place,
    name: s.placeName ?? '',
    dates: s.from ? 'exact' : 'unknown',
    from: s.from ?? '',
    to: s.to ?? '',
  };
}

function travelOf(s: TravelDraft): TravelInput {
  const stay = stayOf(s);
  return {
    place: stay.placeCode,
    ...(stay.placeName ? { placeName: stay.placeName } : {}),
    ...(stay.from ? { from: stay.from } : {}),
    ...(stay.to ? { to: stay.to } : {}),
  };
}

/** The form filled from a traveller's self-registration: the worker measures and releases. */
export function draftFromRegistration(reg: RegistrationDraft, fallback: Direction): PassageDraft {
  return {
    direction: reg.direction ?? fallback,
    onFoot: !reg.vehicle,
    plate: reg.vehicle?.plate ?? '',
    vehicleKind: reg.vehicle?.kind ?? 'car',
    registrationCode: reg.code,
    steps: [],
    people: reg.people.map((p, i) => ({
      id: i + 1,
      name: p.name,
      idNumber: '',
      phone: '',
      temperature: p.temperatureC != null ? String(p.temperatureC) : '',
      travel: (p.travel ?? []).map((s, j) => travelDraftOf(s, (i + 1) * 100 + j)),
      healthCode: p.healthCode ?? null,
      itineraryCode: p.itineraryCode ?? null,
      destination: p.destinationUnitCode
        ? { code: p.destinationUnitCode, name: p.destinationUnitName ?? p.destinationUnitCode }
        : null,
      destinationAddress: p.destinationAddress ?? '',
      registrationPerson: i,
      idNumberMasked: p.idNumberMasked,
      phoneMasked: p.phoneMasked,
    })),
  };
}

export type Problem =
  | { what: 'plate' }
  | { what: 'people' }
  | { what: 'name'; person: number }
  | { what: 'temperature'; person: number }
  | { what: 'travel'; person: number; index: number; field: StayProblem };

/** What keeps the passage from being sent: no plate on a vehicle, a person without a name, a stay unfinished. */
export function draftProblems(d: PassageDraft): Problem[] {
  const out: Problem[] = [];
  if (!d.onFoot && d.plate.trim() === '') out.push({ what: 'plate' });
  if (d.people.length === 0) out.push({ what: 'people' });
  d.people.forEach((p, person) => {
    if (p.name.trim() === '') out.push({ what: 'name', person });
    if (p.temperature.trim() !== '' && parseTemperature(p.temperature) === undefined)
      out.push({ what: 'temperature', person });
    p.travel.forEach((s, index) => {
      for (const field of stayProblems(s)) out.push({ what: 'travel', person, index, field });
    });
  });
  return out;
}

function personOf(p: PersonDraft): PersonInput {
  const out: PersonInput = { name: p.name.trim() };
  if (p.registrationPerson !== undefined) out.registrationPerson = p.registrationPerson;
  if (p.idNumber.trim()) out.idNumber = p.idNumber.trim();
  if (p.phone.trim()) out.phone = p.phone.trim();
  const t = parseTemperature(p.temperature);
  if (t !== undefined) out.temperatureC = t;
  if (p.travel.length) out.travel = p.travel.map(travelOf);
  if (p.healthCode) out.healthCode = p.healthCode;
  if (p.itineraryCode) out.itineraryCode = p.itineraryCode;
  if (p.destination) out.destinationUnitCode = p.destination.code;
  if (p.destinationAddress.trim()) out.destinationAddress = p.destinationAddress.trim();
  return out;
}

/** The body of the passage (draftProblems is empty). */
export function passageBody(
  d: PassageDraft,
  base: { clientId: string; facilityId: string; outcome: Outcome; transferFacilityId?: string },
): PassageBody {
  const body: PassageBody = {
    clientId: base.clientId,
    facilityId: base.facilityId,
    direction: d.direction,
    people: d.people.map(personOf),
    steps: d.steps.map((step) => ({ step })),
    outcome: base.outcome,
  };
  if (!d.onFoot) body.vehicle = { plate: d.plate.trim(), kind: d.vehicleKind };
  if (base.outcome === 'transferred' && base.transferFacilityId)
    body.transferFacilityId = base.transferFacilityId;
  if (d.registrationCode) body.registrationCode = d.registrationCode;
  return body;
}
