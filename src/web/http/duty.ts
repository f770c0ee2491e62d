import { useQuery } from '@tanstack/react-query';
import type { Attendance, Staffing } from '../../domain/forces/attendance';
import type { DutyState } from '../../domain/forces/duty';
import type {
  Availability,
  Qualification,
  ShiftNeed,
  ShiftPattern,
  Skill,
} from '../../domain/forces/schedule';
import { api, get, post } from './client';
import type { Page } from './types';

// Call-ups (招募令), rosters and duty: the shapes the server answers with (src/server/modules/forces/duty)
// and the calls.

export type { Attendance, DutyState, Qualification, ShiftPattern, Skill, Staffing };

export interface Requirements {
  skills?: Skill[];
  minAge?: number | null;
  maxAge?: number | null;
  notes?: string | null;
}

export interface Callup {
  id: string;
  unit: { code: string; name: string };
  title: string;
  description: string | null;
  requirements: Requirements;
  startsOn: string;
  endsOn: string | null;
  pattern: ShiftPattern;
  token: string;
  status: 'open' | 'closed';
  createdAt: string;
  capacity: number;
  applied: number;
  approved: number;
  trained: number;
}

export interface CallupPlace {
  facilityId: string;
  facility: string;
  kind: string;
  needed: number;
  applied: number;
  approved: number;
  trained: number;
  /** places not taken by an approval */
  left: number;
  /** pending sign-ups beyond the places left (候补) */
  waiting: number;
}

export interface CallupDetail extends Callup {
  places: CallupPlace[];
}

export interface Signup {
  id: string;
  callupId: string;
  person: {
    id: string;
    name: string;
    phoneMasked: string | null;
    idMasked: string | null;
    skills: string[];
    sex: string | null;
    birthDate: string | null;
    birthYear: number | null;
    hasLogin: boolean;
  };
  facilityId: string | null;
  facility: string | null;
  status: 'applied' | 'approved' | 'rejected' | 'withdrawn';
  /** pending beyond the station's places left: position on its waiting list (候补第 N 位) */
  waitlist: number | null;
  appliedAt: string;
  decidedAt: string | null;
  trainedAt: string | null;
  badgeNo: string | null;
  gearIssuedAt: string | null;
  meals: boolean;
}

export interface CallupInput {
  unitCode: string;
  title: string;
  description?: string | null;
  requirements?: Requirements;
  startsOn: string;
  endsOn?: string | null;
  pattern: ShiftPattern;
  places: Array<{ facilityId: string; needed: number }>;
}

export interface PublicCallup {
  title: string;
  description: string | null;
  unit: string;
  requirements: Requirements;
  startsOn: string;
  endsOn: string | null;
  shifts: Array<{ label: string; start: string; end: string }>;
  capacity: number;
  /** places not taken by an approval (剩余名额) */
  remaining: number;
  pending: number;
  /** where a sign-up would go now: a place, the waiting list, or nowhere */
  next: SignupNext;
  places: Array<{
    facilityId: string;
    name: string;
    address: string | null;
    needed: number;
    remaining: number;
    pending: number;
    next: SignupNext;
  }>;
}

export type SignupNext = 'place' | 'waitlist' | 'full';

export interface SignupInput {
  clientId: string;
  name: string;
  phone: string;
  idNumber?: string | null;
  skills?: Skill[];
  availability?: Availability;
  facilityId?: string | null;
  /** the code sent to the phone (sendSignupCode) */
  code: string;
}

/** A code sent to the phone about to sign up; `devCode` only from the demo's dev sender. */
export interface CodeAnswer {
  sentTo: string;
  expiresInSeconds: number;
  resendInSeconds: number;
  devCode?: string;
}

export interface SignupAnswer {
  id: string;
  status: string;
  facility: string | null;
  again: boolean;
  /** position on the station's waiting list (候补), or null */
  waitlist: number | null;
}

export interface Preset {
  key: 'two_day' | 'three_shifts' | 'four_shifts';
  label: string;
  pattern: ShiftPattern;
}

export interface RosterPerson {
  assignmentId: string;
  personId: string;
  name: string;
  phoneMasked: string | null;
  qualification: Qualification | null;
  source: 'auto' | 'manual';
  checkedInAt: string | null;
  checkedOutAt: string | null;
  /** on the duty clock, at the time of the read */
  attendance: Attendance;
}

export interface RosterShift {
  id: string;
  facilityId: string;
  facility: string;
  day: string;
  label: string;
  start: string;
  end: string;
  needs: ShiftNeed[];
  headcount: number;
  published: boolean;
  assigned: number;
  checkedIn: number;
  /** the roster before the start, the people there from it: full (满员) only by them */
  staffing: Staffing;
  people: RosterPerson[];
}

export interface FacilityRoster {
  facility: { id: string; name: string; kind: string };
  pattern: ShiftPattern | null;
  shifts: RosterShift[];
}

export interface RosterOverview {
  unit: { code: string; name: string };
  facilities: Array<{
    id: string;
    name: string;
    kind: string;
    pattern: string | null;
    days: Array<{ day: string; shifts: number; needed: number; assigned: number; published: number }>;
  }>;
}

export interface AutoScheduleAnswer {
  facilities: number;
  shifts: number;
  /** shifts of the range already over, left as they were */
  skipped: number;
  candidates: number;
  needed: number;
  filled: number;
  assigned: number;
  spread: { people: number; min: number; max: number; mean: number; stddev: number };
  unfilled: Array<{
    shiftId: string;
    facilityId: string;
    facility: string;
    day: string;
    label: string;
    qualification: Qualification | null;
    missing: number;
    message: string;
  }>;
  unfilledTotal: number;
  ms: number;
}

export type HoursBy = 'person' | 'team' | 'facility';

export interface HoursRow {
  id: string;
  name: string;
  phoneMasked?: string | null;
  kind?: string;
  members?: number;
  needed?: number;
  assigned?: number;
  shifts: number;
  scheduled: number;
  worked: number;
  missed: number;
}

export interface DutyAlert {
  kind: 'missed' | 'unassigned' | 'absent';
  shiftId: string;
  facilityId: string;
  facility: string;
  day: string;
  label: string;
  start: string;
  end: string;
  headcount: number;
  count: number;
  person: { id: string; name: string } | null;
  message: string;
}

export interface MyShift {
  assignmentId: string;
  shiftId: string;
  facilityId: string;
  facility: string;
  address: string | null;
  day: string;
  label: string;
  start: string;
  end: string;
  qualification: Qualification | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  state: DutyState;
  hours: number;
}

export interface MyDuty {
  person: { id: string; name: string } | null;
  today: string;
  shifts: MyShift[];
  hours: { week: number; month: number; total: number };
}

export type Target = {
  facilityIds?: string[];
  unitCode?: string;
  callupId?: string;
  from: string;
  to: string;
};

export const dutyKeys = {
  all: ['duty'] as const,
  callups: (unitCode?: string) => ['duty', 'callups', unitCode ?? ''] as const,
  callup: (id: string) => ['duty', 'callup', id] as const,
  signups: (id: string) => ['duty', 'signups', id] as const,
  roster: (facilityId: string, from: string, to: string) => ['duty', 'roster', facilityId, from, to] as const,
  overview: (unitCode: string, from: string, to: string) => ['duty', 'overview', unitCode, from, to] as const,
  hours: (unitCode: string, facilityId: string | undefined, from: string, to: string, by: HoursBy) =>
    ['duty', 'hours', unitCode, facilityId ?? '', from, to, by] as const,
  alerts: (unitCode: string) => ['duty', 'alerts', unitCode] as const,
  presets: ['duty', 'presets'] as const,
  mine: ['duty', 'mine'] as const,
  publicCallup: (token: string) => ['duty', 'public', token] as const,
};

const enc = encodeURIComponent;

export function useCallups(unitCode: string | undefined) {
  return useQuery({
    queryKey: dutyKeys.callups(unitCode),
    queryFn: ({ signal }) => get<Page<Callup>>('/api/forces/callups', { unitCode, limit: 200 }, signal),
  });
}

export function useCallup(id: string) {
  return useQuery({
    queryKey: dutyKeys.callup(id),
    queryFn: ({ signal }) => get<CallupDetail>(`/api/forces/callups/${enc(id)}`, undefined, signal),
  });
}

export function useSignups(id: string) {
  return useQuery({
    queryKey: dutyKeys.signups(id),
    queryFn: ({ signal }) =>
      get<Page<Signup>>(`/api/forces/callups/${enc(id)}/signups`, { limit: 500 }, signal),
  });
}

export const createCallup = (body: CallupInput) =>
  post<{ id: string; token: string }>('/api/forces/callups', body);
export const closeCallup = (id: string) => post<CallupDetail>(`/api/forces/callups/${enc(id)}/close`);
export const decideSignup = (id: string, decision: 'approved' | 'rejected') =>
  post<Signup>(`/api/forces/signups/${enc(id)}/decision`, { decision });
export const trainSignup = (id: string) => post<Signup>(`/api/forces/signups/${enc(id)}/training`, {});
export const updateSignupKit = (
  id: string,
  body: { badgeNo?: string | null; gearIssued?: boolean; meals?: boolean },
) => api<Signup>(`/api/forces/signups/${enc(id)}`, { method: 'PATCH', body });
export const createSignupAccount = (id: string, body: { username: string; password: string }) =>
  post<{ userId: string; username: string }>(`/api/forces/signups/${enc(id)}/account`, body);

export function usePresets() {
  return useQuery({
    queryKey: dutyKeys.presets,
    queryFn: ({ signal }) => get<{ items: Preset[] }>('/api/forces/patterns/presets', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const putPattern = (facilityId: string, pattern: ShiftPattern) =>
  api<unknown>(`/api/forces/facilities/${enc(facilityId)}/pattern`, { method: 'PUT', body: pattern });

export function useOverview(unitCode: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: dutyKeys.overview(unitCode ?? '', from, to),
    queryFn: ({ signal }) =>
      get<RosterOverview>('/api/forces/roster/overview', { unitCode, from, to }, signal),
    enabled: !!unitCode && !!from,
  });
}

export function useRoster(facilityId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: dutyKeys.roster(facilityId ?? '', from, to),
    queryFn: ({ signal }) => get<FacilityRoster>('/api/forces/roster', { facilityId, from, to }, signal),
    enabled: !!facilityId && !!from,
    // attendance moves with the clock (awaited → absent, on duty → over): read again every minute
    refetchInterval: 60_000,
  });
}

export const generateShifts = (t: Target) =>
  post<{
    facilities: number;
    shifts: number;
    created: number;
    updated: number;
    removed: number;
    kept: number;
  }>('/api/forces/roster/generate', t);
export const autoSchedule = (t: Target) => post<AutoScheduleAnswer>('/api/forces/roster/auto', t);
export const publishRoster = (t: Target) => post<{ published: number }>('/api/forces/roster/publish', t);

export const shiftCandidates = (shiftId: string, q: string, qualification?: Qualification | null) =>
  get<{ items: Array<{ id: string; name: string; qualifications: Qualification[] }> }>(
    `/api/forces/shifts/${enc(shiftId)}/candidates`,
    { q, qualification: qualification ?? undefined },
  );
export const addAssignment = (shiftId: string, personId: string, qualification?: Qualification | null) =>
  post<{ id: string }>(`/api/forces/shifts/${enc(shiftId)}/assignments`, { personId, qualification });
export const swapAssignment = (assignmentId: string, personId: string) =>
  post<{ id: string }>(`/api/forces/assignments/${enc(assignmentId)}/swap`, { personId });
export const removeAssignment = (assignmentId: string) =>
  api<void>(`/api/forces/assignments/${enc(assignmentId)}`, { method: 'DELETE' });

export function useHours(
  unitCode: string | undefined,
  facilityId: string | undefined,
  from: string,
  to: string,
  by: HoursBy,
) {
  return useQuery({
    queryKey: dutyKeys.hours(unitCode ?? '', facilityId, from, to, by),
    queryFn: ({ signal }) =>
      get<{ by: HoursBy; items: HoursRow[] }>(
        '/api/forces/duty/hours',
        { unitCode, facilityId, from, to, by },
        signal,
      ),
    enabled: !!unitCode && !!from,
  });
}

export function useAlerts(unitCode: string | undefined) {
  return useQuery({
    queryKey: dutyKeys.alerts(unitCode ?? ''),
    queryFn: ({ signal }) =>
      get<{ from: string; to: string; missed: number; understaffed: number; items: DutyAlert[] }>(
        '/api/forces/duty/alerts',
        { unitCode },
        signal,
      ),
    enabled: !!unitCode,
  });
}

export function exportUrl(kind: 'roster' | 'hours', q: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
  return `${kind === 'roster' ? '/api/forces/roster/export.xlsx' : '/api/forces/duty/hours/export.xlsx'}?${params}`;
}

// ---- the phone

export function useMyDuty() {
  return useQuery({
    queryKey: dutyKeys.mine,
    queryFn: ({ signal }) => get<MyDuty>('/api/duty/mine', undefined, signal),
    refetchInterval: 60_000,
  });
}

export const checkIn = (assignmentId: string, clientId: string) =>
  post<MyShift>(`/api/duty/assignments/${enc(assignmentId)}/check-in`, { clientId });
export const checkOut = (assignmentId: string, clientId: string) =>
  post<MyShift>(`/api/duty/assignments/${enc(assignmentId)}/check-out`, { clientId });

export function usePublicCallup(token: string) {
  return useQuery({
    queryKey: dutyKeys.publicCallup(token),
    queryFn: ({ signal }) => get<PublicCallup>(`/api/public/callups/${enc(token)}`, undefined, signal),
    retry: false,
  });
}

export const sendSignupCode = (token: string, phone: string) =>
  post<CodeAnswer>(`/api/public/callups/${enc(token)}/codes`, { phone }, { noAuthRedirect: true });

export const signUp = (token: string, body: SignupInput) =>
  post<SignupAnswer>(`/api/public/callups/${enc(token)}/signups`, body, { noAuthRedirect: true });
