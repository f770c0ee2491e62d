import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Duty } from '../../domain/forces/duties';
import type { GroupRole } from '../../domain/forces/groupKinds';
import type { PersonInput, PersonStanding } from '../../domain/forces/person';
import type { Availability, Skill } from '../../domain/forces/schedule';
import { api, get, patch, post } from './client';
import type { Page, UnitKind } from './types';

// The forces registry, organisation and 包保 (src/server/modules/forces): shapes and calls.

export type { Duty, GroupRole, PersonInput, PersonStanding, Skill };

export interface Person {
  id: string;
  unit: { code: string; name: string };
  name: string;
  sex: 'M' | 'F' | null;
  /** whole only with pii.reveal where the person serves; else null, and the year is in birthYear */
  birthDate: string | null;
  birthYear: number | null;
  phoneMasked: string | null;
  idMasked: string | null;
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
  user: { id: string; username: string | null } | null;
  status: 'active' | 'left';
  notes: string | null;
}

export type RecordKind = 'party_application' | 'commendation' | 'outstanding' | 'underperforming';

export interface PersonRecord {
  id: string;
  kind: RecordKind;
  onDate: string;
  title: string;
  evidence: { duty?: { hours: number; shifts: number; missed: number }; tasks?: string[]; note?: string };
  status: 'proposed' | 'approved' | 'rejected';
  createdBy: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface PersonDetail extends Person {
  trainings: { id: string; training: string; passedOn: string; signedBy: string | null }[];
  records: PersonRecord[];
  groups: {
    groupId: string;
    name: string;
    kind: string;
    role: GroupRole;
    joinedOn: string;
    leftOn: string | null;
    dissolvedOn: string | null;
  }[];
  responsibilities: {
    id: string;
    duty: Duty;
    since: string;
    until: string | null;
    unit: { code: string; name: string; kind: UnitKind };
  }[];
  duty: { shifts: number; hours: number; missed: number; upcoming: number };
}

export interface PeopleFilter {
  unit?: string;
  standing?: PersonStanding;
  skill?: Skill;
  status?: 'active' | 'left' | 'all';
  q?: string;
}

export interface GroupKind {
  key: string;
  label: { 'zh-CN': string; en: string };
  party: boolean;
  branch: boolean;
  builtin: boolean;
}

export interface Group {
  id: string;
  kind: string;
  kindLabel: { 'zh-CN': string; en: string };
  party: boolean;
  branch: boolean;
  name: string;
  unit: { code: string; name: string };
  facility: { id: string; name: string | null } | null;
  parentId: string | null;
  setUpOn: string;
  dissolvedOn: string | null;
  notes: string | null;
  members: number;
}

export interface GroupNode extends Group {
  leaders: { personId: string; name: string; role: GroupRole }[];
  children: GroupNode[];
}

export interface GroupMember {
  id: string;
  personId: string;
  name: string;
  phoneMasked: string | null;
  isCadre: boolean;
  isPartyMember: boolean;
  isVolunteer: boolean;
  skills: Skill[];
  role: GroupRole;
  joinedOn: string;
  leftOn: string | null;
}

export interface GroupDetail extends Group {
  parent: { id: string; name: string } | null;
  children: Group[];
  memberList: GroupMember[];
}

export interface Responsible {
  id: string;
  personId: string;
  name: string;
  phoneMasked: string | null;
  duty: Duty;
  since: string;
}

export interface ResponsibilityView {
  unit: { code: string; name: string; kind: UnitKind; answerable: boolean; responsible: Responsible[] };
  children: {
    code: string;
    name: string;
    kind: UnitKind;
    childCount: number;
    answerable: boolean;
    responsible: Responsible[];
    unanswered: boolean;
  }[];
  next: string | null;
  below: {
    byKind: Partial<Record<UnitKind, { total: number; unanswered: number }>>;
    unanswered: number;
    total: number;
  };
}

export interface ImportResult {
  imported: number;
  rows: number;
}

export const forcesKeys = {
  all: ['forces'] as const,
  people: (f: PeopleFilter, after: string | null | undefined, limit: number) =>
    ['forces', 'people', f, after ?? '', limit] as const,
  person: (id: string) => ['forces', 'person', id] as const,
  groups: (unit: string | undefined, dissolved: boolean) =>
    ['forces', 'groups', unit ?? '', dissolved] as const,
  group: (id: string) => ['forces', 'group', id] as const,
  kinds: ['forces', 'kinds'] as const,
  responsibility: (code: string, after?: string | null, limit?: number) =>
    ['forces', 'responsibility', code, after ?? '', limit ?? 0] as const,
};

const enc = encodeURIComponent;
const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });

export const listPeople = (f: PeopleFilter, after?: string | null, limit = 50, signal?: AbortSignal) =>
  get<Page<Person>>('/api/forces/people', { ...f, after, limit }, signal);
export const getPerson = (id: string, signal?: AbortSignal) =>
  get<PersonDetail>(`/api/forces/people/${enc(id)}`, undefined, signal);
export const createPerson = (body: PersonInput) => post<Person>('/api/forces/people', body);
export const updatePerson = (id: string, body: Partial<PersonInput>) =>
  patch<Person>(`/api/forces/people/${enc(id)}`, body);
export const leavePerson = (id: string) => post<Person>(`/api/forces/people/${enc(id)}/leave`, {});
export const revealPerson = (id: string, field: 'phone' | 'idNumber') =>
  post<{ value: string | null }>(`/api/forces/people/${enc(id)}/reveal`, { field });
export const addTraining = (id: string, body: { training: string; passedOn?: string }) =>
  post(`/api/forces/people/${enc(id)}/trainings`, body);
export const linkResident = (id: string) =>
  post<{ residentKey: string | null; householdKey: string | null }>(
    `/api/forces/people/${enc(id)}/link-resident`,
    {},
  );
export const linkUser = (id: string, userId: string | null) =>
  post<Person>(`/api/forces/people/${enc(id)}/link-user`, { userId });
export const addRecord = (
  id: string,
  body: { kind: RecordKind; title: string; onDate?: string; tasks?: string[]; note?: string },
) => post<PersonRecord>(`/api/forces/people/${enc(id)}/records`, body);
export const decideRecord = (id: string, recordId: string, decision: 'approved' | 'rejected') =>
  post(`/api/forces/people/${enc(id)}/records/decide`, { recordId, decision });

export const peopleImportUrl = (unit: string) => `/api/forces/people/import?unit=${enc(unit)}`;
export const peopleErrorSheetUrl = (unit: string) => `/api/forces/people/import/errors?unit=${enc(unit)}`;
export function peopleExportUrl(f: PeopleFilter & { unit: string }): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, String(v));
  return `/api/forces/people/export.xlsx?${params}`;
}

export const listKinds = (signal?: AbortSignal) =>
  get<{ items: GroupKind[] }>('/api/forces/group-kinds', undefined, signal);
export const setKinds = (kinds: { key: string; zh: string; en: string; party: boolean }[]) =>
  put<{ items: GroupKind[] }>('/api/forces/group-kinds', { kinds });
export const listGroups = (unit: string | undefined, includeDissolved: boolean, signal?: AbortSignal) =>
  get<{ items: GroupNode[]; truncated: boolean }>('/api/forces/groups', { unit, includeDissolved }, signal);
export const getGroup = (id: string, signal?: AbortSignal) =>
  get<GroupDetail>(`/api/forces/groups/${enc(id)}`, undefined, signal);
export const createGroup = (body: {
  unitCode?: string;
  facilityId?: string;
  parentId?: string | null;
  kind: string;
  name: string;
  setUpOn?: string;
  notes?: string;
}) => post<GroupDetail>('/api/forces/groups', body);
export const updateGroup = (
  id: string,
  body: { name?: string; notes?: string | null; parentId?: string | null },
) => patch<GroupDetail>(`/api/forces/groups/${enc(id)}`, body);
export const dissolveGroup = (id: string, on?: string) =>
  post<GroupDetail>(`/api/forces/groups/${enc(id)}/dissolve`, on ? { on } : {});
export const addMember = (id: string, body: { personId: string; role: GroupRole; joinedOn?: string }) =>
  post<GroupDetail>(`/api/forces/groups/${enc(id)}/members`, body);
export const removeMember = (id: string, personId: string) =>
  post<GroupDetail>(`/api/forces/groups/${enc(id)}/members/leave`, { personId });

export const getResponsibility = (
  code: string,
  after?: string | null,
  limit = 100,
  signal?: AbortSignal,
  below = true,
) =>
  get<ResponsibilityView>(
    `/api/forces/responsibility/${enc(code)}`,
    { after, limit, below: below ? 1 : 0 },
    signal,
  );
export const assignResponsibility = (body: {
  unitCode: string;
  personId: string;
  duty: Duty;
  since?: string;
}) => post('/api/forces/responsibilities', body);
export const endResponsibility = (id: string) => post(`/api/forces/responsibilities/${enc(id)}/end`, {});

export function usePeople(f: PeopleFilter, after: string | null | undefined, limit = 50, enabled = true) {
  return useQuery({
    queryKey: forcesKeys.people(f, after, limit),
    queryFn: ({ signal }) => listPeople(f, after, limit, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: forcesKeys.person(id ?? ''),
    queryFn: ({ signal }) => getPerson(id as string, signal),
    enabled: !!id,
  });
}

export function useGroups(unit: string | undefined, includeDissolved = false) {
  return useQuery({
    queryKey: forcesKeys.groups(unit, includeDissolved),
    queryFn: ({ signal }) => listGroups(unit, includeDissolved, signal),
    enabled: !!unit,
  });
}

export function useGroup(id: string | undefined) {
  return useQuery({
    queryKey: forcesKeys.group(id ?? ''),
    queryFn: ({ signal }) => getGroup(id as string, signal),
    enabled: !!id,
  });
}

export function useGroupKinds() {
  return useQuery({
    queryKey: forcesKeys.kinds,
    queryFn: ({ signal }) => listKinds(signal),
    staleTime: 300_000,
  });
}

export function useResponsibility(
  code: string | undefined,
  after?: string | null,
  limit = 100,
  enabled = true,
  below = true,
) {
  return useQuery({
    queryKey: [...forcesKeys.responsibility(code ?? '', after, limit), below],
    queryFn: ({ signal }) => getResponsibility(code as string, after, limit, signal, below),
    enabled: !!code && enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
