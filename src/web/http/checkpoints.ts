import { useQuery } from '@tanstack/react-query';
import { cachedReference } from '../field/offline/reference';
import { api, get, post } from './client';

// Checkpoints (卡点, 防疫服务站): the shapes the server answers with (src/server/modules/checkpoints, the
// contract in docs/api.md) and the calls. A passage from the phone is posted through
// field/checkpoints/passageApi.ts only, through the field's offline queue.

// the checkpoints' vocabulary, from the domain's rules (one home for the server and the screens)
import type { CodeColour, Outcome, Step, TravelInput, VehicleKind } from '../../domain/checkpoints/passage';

export {
  CODE_COLOURS,
  type CodeColour,
  OUTCOMES,
  type Outcome,
  STEPS,
  type Step,
  VEHICLE_KINDS,
  type VehicleKind,
} from '../../domain/checkpoints/passage';
export type Direction = 'in' | 'out';
export const HANDOVER_STATES = ['waiting', 'overdue', 'arrived', 'not_arrived'] as const;
export type HandoverState = (typeof HANDOVER_STATES)[number];

export interface CheckpointFacility {
  id: string;
  name: string;
  unitCode: string;
  unitName: string;
  address: string | null;
  steps: Step[];
  publicToken: string;
}

export interface CheckpointDetail extends CheckpointFacility {
  shift: { id: string; name: string; startsAt: string; endsAt: string } | null;
}

export interface Reference {
  keyAreas: Array<{ code?: string; placeCode?: string; name?: string; placeName?: string }>;
  windowDays: number;
  feverThresholdC: number;
  transferFacilities: Array<{ id: string; name: string; kind: string }>;
}

export type { TravelInput } from '../../domain/checkpoints/passage';

export interface PersonInput {
  name: string;
  idType?: string;
  idNumber?: string;
  phone?: string;
  temperatureC?: number;
  travel?: TravelInput[];
  healthCode?: CodeColour | null;
  itineraryCode?: CodeColour | null;
  destinationUnitCode?: string;
  destinationAddress?: string;
  /** the person of a self-registration being confirmed (index in its people): no need to retype them */
  registrationPerson?: number;
}

export interface VehicleInput {
  plate: string;
  kind: VehicleKind;
  from?: string;
  to?: string;
  cargo?: string;
}

export interface PassageBody {
  clientId: string;
  facilityId: string;
  direction: Direction;
  occurredAt?: string;
  vehicle?: VehicleInput;
  people: PersonInput[];
  steps?: Array<{ step: Step; by?: string }>;
  outcome: Outcome;
  transferFacilityId?: string;
  registrationCode?: string;
}

export interface PassagePerson {
  id: string;
  name: string;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  fromKeyArea: boolean;
  fever: boolean;
  handoverId?: string | null;
  temperatureC?: number | null;
  healthCode?: CodeColour | null;
  itineraryCode?: CodeColour | null;
  destinationUnitName?: string | null;
  destinationAddress?: string | null;
}

export interface PassageAnswer {
  id: string;
  clientId: string;
  facilityId: string;
  occurredAt: string;
  direction: Direction;
  outcome: Outcome;
  fromKeyArea: boolean;
  fever: boolean;
  people: PassagePerson[];
}

export interface PassageRow {
  id: string;
  occurredAt: string;
  direction: Direction;
  plate: string | null;
  vehicleKind: VehicleKind | null;
  peopleCount: number;
  names: string[];
  outcome: Outcome;
  fromKeyArea: boolean;
  fever: boolean;
  facilityName: string;
}

export interface PassageDetail extends PassageAnswer {
  facilityName?: string;
  vehicle?: (VehicleInput & { kind: VehicleKind }) | null;
  steps?: Array<{ step: Step; by?: string | null; at?: string | null }>;
  transferFacilityName?: string | null;
}

export interface PassageFilters {
  facility?: string;
  unit?: string;
  day?: string;
  outcome?: Outcome;
  fromKeyArea?: boolean;
  plate?: string;
  q?: string;
}

export interface CountNumbers {
  vehicles: number;
  people: number;
  fromKeyAreas: number;
  persuadedBack: number;
  handedOver: number;
  fevers: number;
  in?: { vehicles: number; people: number };
  out?: { vehicles: number; people: number };
}

export interface Counts extends CountNumbers {
  children?: Array<CountNumbers & { code: string; name: string; kind: string }>;
  shifts?: Array<CountNumbers & { name: string }>;
}

export interface RegistrationDraft {
  code: string;
  direction: Direction | null;
  vehicle: VehicleInput | null;
  people: Array<{
    name: string;
    idType?: string | null;
    idNumberMasked: string | null;
    phoneMasked: string | null;
    temperatureC?: number | null;
    travel?: TravelInput[];
    healthCode?: CodeColour | null;
    itineraryCode?: CodeColour | null;
    destinationUnitCode?: string | null;
    destinationUnitName?: string | null;
    destinationAddress?: string | null;
  }>;
  expiresAt: string;
}

export interface Handover {
  id: string;
  name: string;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  from: string | null;
  reason: 'key_area' | 'fever';
  passageAt: string;
  facilityName: string;
  destinationUnitName: string;
  destinationUnitCode?: string;
  destinationAddress: string | null;
  state: HandoverState;
  dueAt: string;
  residentId?: string | null;
  note?: string | null;
}

export interface HandoverCounts {
  waiting: number;
  overdue: number;
  arrived: number;
  notArrived: number;
}

export interface Paged<T> {
  items: T[];
  next: string | null;
}

// ---- the calls ------------------------------------------------------------------------------------

export const checkpointKeys = {
  all: ['checkpoints'] as const,
  facilities: (unit?: string) => ['checkpoints', 'facilities', unit ?? ''] as const,
  facility: (id: string) => ['checkpoints', 'facility', id] as const,
  reference: ['checkpoints', 'reference'] as const,
  passages: (f: PassageFilters, after: string | null) => ['checkpoints', 'passages', f, after] as const,
  passage: (id: string) => ['checkpoints', 'passage', id] as const,
  counts: (unit: string | undefined, facility: string | undefined, day: string) =>
    ['checkpoints', 'counts', unit ?? '', facility ?? '', day] as const,
  handovers: (unit: string | undefined, state: string, after: string | null) =>
    ['checkpoints', 'handovers', unit ?? '', state, after] as const,
  handoverCounts: (unit: string | undefined) => ['checkpoints', 'handoverCounts', unit ?? ''] as const,
};

export const listFacilities = (unit?: string) =>
  get<{ items: CheckpointFacility[] }>('/api/checkpoints/facilities', { unit });
export const getFacility = (id: string) =>
  get<CheckpointDetail>(`/api/checkpoints/facilities/${encodeURIComponent(id)}`);
export const putSteps = (id: string, steps: Step[]) =>
  api<CheckpointFacility>(`/api/checkpoints/facilities/${encodeURIComponent(id)}/steps`, {
    method: 'PUT',
    body: { steps },
  });
export const getReference = () => get<Reference>('/api/checkpoints/reference');

/** the query of a passage list (its filters as the server reads them) */
export function passageQuery(f: PassageFilters) {
  return {
    facility: f.facility,
    unit: f.facility ? undefined : f.unit,
    day: f.day,
    outcome: f.outcome,
    fromKeyArea: f.fromKeyArea ? true : undefined,
    plate: f.plate?.trim() || undefined,
    q: f.q?.trim() || undefined,
  };
}
export const listPassages = (f: PassageFilters, after: string | null, limit = 50) =>
  get<Paged<PassageRow>>('/api/checkpoints/passages', { ...passageQuery(f), after, limit });
export const getPassage = (id: string) =>
  get<PassageDetail>(`/api/checkpoints/passages/${encodeURIComponent(id)}`);
export function passagesExportUrl(f: PassageFilters, reveal: boolean): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(passageQuery(f)))
    if (v !== undefined && v !== '') params.set(k, String(v));
  if (reveal) params.set('reveal', 'true');
  return `/api/checkpoints/passages/export?${params.toString()}`;
}
export const getCounts = (q: { unit?: string; facility?: string; day: string }) =>
  get<Counts>('/api/checkpoints/counts', q);

export const getRegistration = (code: string, facility: string) =>
  get<RegistrationDraft>(`/api/checkpoints/registrations/${encodeURIComponent(code)}`, { facility });

export const listHandovers = (unit: string | undefined, state: string, after: string | null) =>
  get<Paged<Handover>>('/api/checkpoints/handovers', { unit, state: state || undefined, after });
export const getHandoverCounts = (unit: string | undefined) =>
  get<HandoverCounts>('/api/checkpoints/handovers/counts', { unit });
/** arrived: linked to a ledger resident, or added as one to a household (the ledger recomputes its colour) */
export const confirmArrived = (id: string, body: { residentId: string } | { householdKey: string }) =>
  post<Handover>(`/api/checkpoints/handovers/${encodeURIComponent(id)}/arrived`, body);
export const reportNotArrived = (id: string, note?: string) =>
  post<Handover>(`/api/checkpoints/handovers/${encodeURIComponent(id)}/not-arrived`, note ? { note } : {});

// ---- the public self-registration (no login) -------------------------------------------------------

export interface PublicCheckpoint {
  name: string;
  address: string | null;
  /** The deployment's window of stays (days), as the staff's phone asks. */
  windowDays: number;
}
export interface RegistrationBody {
  clientId: string;
  direction?: Direction;
  vehicle?: VehicleInput;
  people: PersonInput[];
}
export interface RegistrationAnswer {
  code: string;
  expiresAt: string;
}
export const getPublicCheckpoint = (token: string) =>
  get<PublicCheckpoint>(`/api/public/checkpoints/${encodeURIComponent(token)}`);
export const postRegistration = (token: string, body: RegistrationBody) =>
  post<RegistrationAnswer>(`/api/public/checkpoints/${encodeURIComponent(token)}/registrations`, body, {
    noAuthRedirect: true,
  });

// ---- hooks ----------------------------------------------------------------------------------------

export function useCheckpointFacilities(unit?: string) {
  return useQuery({ queryKey: checkpointKeys.facilities(unit), queryFn: () => listFacilities(unit) });
}
/** A checkpoint as the phone shows it; the copy kept on the phone when the network is gone. */
export function useCheckpointFacility(id: string | undefined) {
  return useQuery({
    queryKey: checkpointKeys.facility(id ?? ''),
    queryFn: () => cachedReference(`checkpoint.${id}`, () => getFacility(id as string)),
    enabled: !!id,
    networkMode: 'always',
  });
}
/** The key areas, window and threshold the phone checks with; kept on the phone for a dead network. */
export function useCheckpointReference() {
  return useQuery({
    queryKey: checkpointKeys.reference,
    queryFn: () => cachedReference('checkpoint.reference', getReference),
    staleTime: 3_600_000,
    networkMode: 'always',
  });
}
export function usePublicCheckpoint(token: string) {
  return useQuery({
    queryKey: ['public-checkpoint', token],
    queryFn: () => getPublicCheckpoint(token),
    retry: false,
  });
}
