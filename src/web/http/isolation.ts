import { useQuery } from '@tanstack/react-query';
import type { CheckSlot, SlotState } from '../../domain/isolation/checks';
import type { KeyPersonCategory, KeyPersonEvidence, KeyPersonSource } from '../../domain/isolation/keyPerson';
import type { EndReason, MeasureKind } from '../../domain/isolation/measures';
import type { Symptom } from '../../domain/ledger/colour/facts';
import { get, post } from './client';

// Key persons and isolation (重点人员、隔离管控): the shapes the server answers with
// (src/server/modules/isolation/views.ts, the contract in docs/api.md) and the calls.

export type { EndReason, KeyPersonCategory, KeyPersonEvidence, KeyPersonSource, MeasureKind };
export type DoorSeal = 'none' | 'seal' | 'alarm';
export const DOOR_SEALS: readonly DoorSeal[] = ['none', 'seal', 'alarm'];
export type TransferState = 'open' | 'picked_up' | 'closed';
export const TRANSFER_STATES: readonly TransferState[] = ['open', 'picked_up', 'closed'];
export type CheckWay = 'door' | 'phone';
export type Mood = 'good' | 'fair' | 'poor';

export interface Named {
  id: string;
  name: string;
}

/** A key person as lists give them: ID number and phone masked, the current measure and its day. */
export interface KeyPerson {
  id: string;
  name: string;
  idType: string;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  address: string | null;
  unitCode: string;
  unitName: string;
  residentId: string | null;
  category: KeyPersonCategory;
  source: KeyPersonSource;
  sourceRef: string | null;
  evidence: KeyPersonEvidence;
  state: 'open' | 'closed';
  measure: MeasureKind | null;
  measureId: string | null;
  /** the planned last day (inclusive) of the running measure */
  measureLastDay: string | null;
  measureStartsOn: string | null;
  /** 第 n 天 of the running measure (1 on its first day; 0 before it starts) */
  dayOfPeriod: number | null;
  responsible: Named | null;
  lastCheckedAt: string | null;
  lastTemperatureC: number | null;
  fever: boolean;
  createdAt: string;
}

export interface Measure {
  id: string;
  kind: MeasureKind;
  startsOn: string;
  plannedEnd: string;
  startedAt: string;
  responsible: Named | null;
  doctor: string | null;
  doorSeal: DoorSeal;
  site: Named | null;
  room: Named | null;
  note: string | null;
  endedOn: string | null;
  endReason: EndReason | null;
  signedOffBy: string | null;
  endNote: string | null;
}

export interface Check {
  id: string;
  clientId: string;
  keyPersonId: string;
  checkedAt: string;
  day: string;
  slot: CheckSlot;
  how: CheckWay;
  temperatureC: number | null;
  symptoms: Symptom[];
  mood: Mood | null;
  needs: string | null;
  note: string | null;
  alarming: boolean;
  by: string | null;
}

export interface Transfer {
  id: string;
  keyPersonId: string;
  name: string;
  unitName: string;
  reason: string;
  state: TransferState;
  destination: string | null;
  escort: string | null;
  pickedUpAt: string | null;
  outcome: string | null;
  openedAt: string;
  closedAt: string | null;
}

export interface HistoryEntry {
  kind: 'registered' | 'measure_started' | 'measure_ended' | 'alert' | 'transfer' | string;
  detail: Record<string, unknown>;
  by: string | null;
  at: string;
}

/** One key person's page. */
export interface KeyPersonDetail extends KeyPerson {
  feverThresholdC: number;
  measures: Measure[];
  checks: Check[];
  transfers: Transfer[];
  history: HistoryEntry[];
}

export interface KeyPersonFilter {
  unit?: string;
  category?: KeyPersonCategory;
  /** a kind, or 'none': no measure running */
  measure?: MeasureKind | 'none';
  state?: 'open' | 'closed';
  fever?: boolean;
  mine?: boolean;
  /** the last check slot past its deadline has no check */
  overdue?: boolean;
  /** the running measure's planned end is reached */
  releasable?: boolean;
  q?: string;
}

export interface MeasureInput {
  kind: MeasureKind;
  startsOn?: string;
  plannedEnd?: string;
  responsibleUserId?: string;
  doctor?: string;
  doorSeal?: DoorSeal;
  siteId?: string;
  roomId?: string;
  note?: string;
}

/** A registration: a ledger resident (residentId), or somebody typed with the unit they are at. */
export interface NewKeyPerson {
  clientId?: string;
  residentId?: string;
  unitCode?: string;
  name?: string;
  idType?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  category: KeyPersonCategory;
  source: KeyPersonSource;
  sourceRef?: string;
  evidence?: KeyPersonEvidence;
  measure?: MeasureInput;
}

export interface EndMeasureInput {
  reason: EndReason;
  on?: string;
  signedOffBy?: string;
  note?: string;
  next?: boolean;
}

export interface CheckInput {
  clientId: string;
  how: CheckWay;
  temperatureC?: number | null;
  symptoms?: Symptom[];
  mood?: Mood | null;
  needs?: string;
  note?: string;
  checkedAt?: string;
}

export interface TransferUpdate {
  state: TransferState;
  destination?: string;
  escort?: string;
  pickedUpAt?: string;
  outcome?: string;
}

export interface DueSlot {
  slot: CheckSlot;
  dueAt: string;
  state: SlotState;
}
export interface DueChecks {
  day: string;
  overdue: number;
  items: Array<KeyPerson & { slots: DueSlot[] }>;
}

export interface IsolationCountNumbers {
  persons: number;
  byCategory: Partial<Record<KeyPersonCategory, number>>;
  byMeasure: Partial<Record<MeasureKind | 'none', number>>;
  fevers: number;
  overdueChecks: number;
}
export interface IsolationCounts extends IsolationCountNumbers {
  unit: { code: string; name: string };
  children: Array<IsolationCountNumbers & { unit: { code: string; name: string } }>;
}

export interface Worker {
  id: string;
  name: string;
  role: string;
}

export interface IsolationSite {
  id: string;
  name: string;
  unitName: string;
  address: string | null;
  rooms: number;
  beds: number;
  occupied: number;
}

export interface Room {
  id: string;
  name: string;
  capacity: number;
  occupied: number;
}

export interface SiteRooms {
  id: string;
  name: string;
  rooms: Room[];
}

export interface Paged<T> {
  items: T[];
  next: string | null;
}

/** What `isolation.alert` carries (GET /api/events). */
export interface IsolationAlert {
  keyPerson: string;
  name: string;
  unitName: string;
  temperatureC: number | null;
  symptoms: Symptom[];
  transfer: string;
}

/** What became of a person of a list from above (协查名单). */
export type ListOutcome = 'matched' | 'routed' | 'already' | 'outside' | 'not_found';
export const LIST_OUTCOMES: readonly ListOutcome[] = ['matched', 'routed', 'already', 'outside', 'not_found'];

/** A list from above with its figures (found = matched + routed + already). */
export interface IsolationList {
  id: string;
  title: string;
  unitName: string;
  category: KeyPersonCategory;
  rows: number;
  receivedAt: string;
  found: number;
  matched: number;
  routed: number;
  already: number;
  /** residents outside the receiver's scope: counted, not shown */
  outside: number;
  notFound: number;
  /** checked at least once */
  reached: number;
  /** under a measure at some time */
  placed: number;
}

/** A row of a list (masked), with what became of it. */
export interface IsolationListRow {
  id: string;
  row: number;
  name: string;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  address: string | null;
  reason: string | null;
  outcome: ListOutcome;
  keyPersonId: string | null;
  unitName: string | null;
}

export interface IsolationListDetail extends IsolationList {
  items: IsolationListRow[];
}

export const ISOLATION_CHANGED = 'isolation.changed';
export const ISOLATION_ALERT = 'isolation.alert';

// ---- the calls ------------------------------------------------------------------------------------

const enc = encodeURIComponent;

export const isolationKeys = {
  all: ['isolation'] as const,
  list: (f: KeyPersonFilter, after: string | null) => ['isolation', 'list', f, after] as const,
  person: (id: string) => ['isolation', 'person', id] as const,
  transfers: (unit: string | undefined, state: string) =>
    ['isolation', 'transfers', unit ?? '', state] as const,
  counts: (unit: string) => ['isolation', 'counts', unit] as const,
  workers: (unit: string) => ['isolation', 'workers', unit] as const,
  sites: ['isolation', 'sites'] as const,
  rooms: (site: string) => ['isolation', 'rooms', site] as const,
  due: (unit: string | undefined) => ['isolation', 'due', unit ?? ''] as const,
  lists: ['isolation', 'lists'] as const,
  listDetail: (id: string, outcome: ListOutcome | undefined) =>
    ['isolation', 'lists', id, outcome ?? ''] as const,
};

/** the query of a key person list (its filters as the server reads them) */
export function keyPersonQuery(f: KeyPersonFilter) {
  return {
    unit: f.unit,
    category: f.category,
    measure: f.measure,
    state: f.state,
    fever: f.fever ? 1 : undefined,
    mine: f.mine ? 1 : undefined,
    overdue: f.overdue ? 1 : undefined,
    releasable: f.releasable ? 1 : undefined,
    q: f.q?.trim() || undefined,
  };
}

export const listKeyPersons = (f: KeyPersonFilter, after: string | null, limit = 50) =>
  get<Paged<KeyPerson>>('/api/isolation/key-persons', { ...keyPersonQuery(f), after, limit });
export const getKeyPerson = (id: string) => get<KeyPersonDetail>(`/api/isolation/key-persons/${enc(id)}`);
export const createKeyPerson = (body: NewKeyPerson) => post<KeyPerson>('/api/isolation/key-persons', body);
export const revealKeyPerson = (id: string, field: 'idNumber' | 'phone') =>
  post<{ value: string | null }>(`/api/isolation/key-persons/${enc(id)}/reveal`, { field });
export const startMeasure = (id: string, body: MeasureInput) =>
  post<Measure>(`/api/isolation/key-persons/${enc(id)}/measures`, body);
export const endMeasure = (measureId: string, body: EndMeasureInput) =>
  post<Measure>(`/api/isolation/measures/${enc(measureId)}/end`, body);
export const recordCheck = (id: string, body: CheckInput) =>
  post<Check>(`/api/isolation/key-persons/${enc(id)}/checks`, body);
export const getDueChecks = (q: { unit?: string; mine?: boolean } = {}) =>
  get<DueChecks>('/api/isolation/checks/due', { unit: q.unit, mine: q.mine ? 1 : undefined });
export const listTransfers = (q: { unit?: string; state?: TransferState | 'active' } = {}) =>
  get<{ items: Transfer[] }>('/api/isolation/transfers', q);
export const updateTransfer = (id: string, body: TransferUpdate) =>
  post<Transfer>(`/api/isolation/transfers/${enc(id)}`, body);
export const getIsolationCounts = (unit: string) => get<IsolationCounts>('/api/isolation/counts', { unit });
export const listWorkers = (unit: string) => get<{ items: Worker[] }>('/api/isolation/workers', { unit });
export const listSites = () => get<{ items: IsolationSite[] }>('/api/isolation/sites');
export const getSiteRooms = (id: string) => get<SiteRooms>(`/api/isolation/sites/${enc(id)}/rooms`);
export const addRooms = (id: string, body: { names: string[]; capacity?: number }) =>
  post<{ added: number; rooms: Room[] }>(`/api/isolation/sites/${enc(id)}/rooms`, body);

/** where a list from above is posted (the .xlsx as the body) */
export const listImportUrl = (q: { unit: string; title?: string; category?: KeyPersonCategory }) => {
  const params = new URLSearchParams({ unit: q.unit });
  if (q.title?.trim()) params.set('title', q.title.trim());
  if (q.category) params.set('category', q.category);
  return `/api/isolation/lists?${params.toString()}`;
};
export const listIsolationLists = () => get<{ items: IsolationList[] }>('/api/isolation/lists');
export const getIsolationList = (id: string, outcome?: ListOutcome) =>
  get<IsolationListDetail>(`/api/isolation/lists/${enc(id)}`, { outcome });
export const placeListRow = (rowId: string, unitCode: string) =>
  post<KeyPerson>(`/api/isolation/list-rows/${enc(rowId)}/place`, { unitCode });

// ---- hooks ----------------------------------------------------------------------------------------

export function useKeyPerson(id: string | undefined) {
  return useQuery({
    queryKey: isolationKeys.person(id ?? ''),
    queryFn: () => getKeyPerson(id as string),
    enabled: !!id,
  });
}
export function useWorkers(unit: string | undefined) {
  return useQuery({
    queryKey: isolationKeys.workers(unit ?? ''),
    queryFn: () => listWorkers(unit as string),
    enabled: !!unit,
    staleTime: 60_000,
  });
}
export function useSites(enabled = true) {
  return useQuery({ queryKey: isolationKeys.sites, queryFn: listSites, enabled });
}
export function useSiteRooms(site: string | undefined) {
  return useQuery({
    queryKey: isolationKeys.rooms(site ?? ''),
    queryFn: () => getSiteRooms(site as string),
    enabled: !!site,
  });
}
export function useTransfers(unit: string | undefined, state: TransferState | 'active') {
  return useQuery({
    queryKey: isolationKeys.transfers(unit, state),
    queryFn: () => listTransfers({ unit, state }),
  });
}
export function useIsolationCounts(unit: string | undefined) {
  return useQuery({
    queryKey: isolationKeys.counts(unit ?? ''),
    queryFn: () => getIsolationCounts(unit as string),
    enabled: !!unit,
  });
}
export function useIsolationLists() {
  return useQuery({ queryKey: isolationKeys.lists, queryFn: listIsolationLists });
}
export function useIsolationList(id: string | undefined, outcome?: ListOutcome) {
  return useQuery({
    queryKey: isolationKeys.listDetail(id ?? '', outcome),
    queryFn: () => getIsolationList(id as string, outcome),
    enabled: !!id,
  });
}
