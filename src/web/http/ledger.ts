import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  ColourPolicy,
  ColourReason,
  ContactKind,
  HouseholdColour,
  Symptom,
  TravelStay,
} from '../../domain/ledger/colours';
import type { ResidentStatus, StoredFacts } from '../../domain/ledger/household';
import type { Marker } from '../../domain/ledger/markers';
import type { FieldChange } from '../../domain/ledger/residentChanges';
import type { ResidentForm } from '../../domain/ledger/residentForm';
import { get, patch, post } from './client';
import type { Page, Unit, UnitKind } from './types';

// The household ledger (入户台账) and door-to-door screening (入户排查): the shapes the server answers with
// (src/server/modules/ledger) and the calls.

export type { HouseholdColour, Marker, ResidentForm, ResidentStatus };

export interface LedgerDay {
  policy: ColourPolicy;
  /** the ledger's day (the demo city lives on 2020-02-05): defaults and limits of date fields use it */
  today: string;
}

export interface Resident {
  key: string;
  householdKey: string;
  name: string;
  sex: string | null;
  /** whole only for who may reveal the ID number (pii.reveal); else null, and the year is in birthYear */
  birthDate: string | null;
  birthYear: number | null;
  idType: string;
  idMasked: string | null;
  phoneMasked: string | null;
  relation: string | null;
  relationText: string | null;
  workUnit: string | null;
  notes: string | null;
  tags: string[];
  markers: Marker[];
  status: ResidentStatus;
  facts: StoredFacts;
}

/** A street or community a row stands in, named to a user whose scope lies above it (outermost first). */
export interface PlaceAbove {
  code: string;
  name: string;
  kind: UnitKind;
}

export interface Household {
  key: string;
  unit: { code: string; name: string; kind: UnitKind };
  /** the street and community, for a user above them (absent within one community) */
  within?: PlaceAbove[];
  entrance: string;
  door: string;
  floor: number;
  colour: HouseholdColour;
  derivedColour: HouseholdColour;
  reasons: ColourReason[];
  override: { colour: HouseholdColour; reason: string; at: string | null } | null;
  residentCount: number;
  markers: Record<Marker, number>;
  status: string;
}

export interface LedgerItem extends Household {
  residents: Resident[];
}

export type HistoryKind =
  | 'created'
  | 'colour'
  | 'override'
  | 'override_cleared'
  | 'moved_in'
  | 'resident_updated'
  | 'resident_moved_out'
  | 'resident_deceased'
  | 'resident_away'
  | 'resident_present'
  | 'split_in'
  | 'split_out';

export interface HistoryEntry {
  at: string;
  actor: string | null;
  kind: HistoryKind | string;
  from: HouseholdColour | null;
  to: HouseholdColour | null;
  reason: string | null;
  residentKey: string | null;
  detail: Record<string, unknown> | null;
}

export interface HouseholdDetail extends LedgerItem {
  unitPath?: string;
  history: HistoryEntry[];
}

export interface ColourTally {
  households: number;
  residents: number;
  markers: Record<Marker, number>;
}

export interface Counts {
  total: ColourTally;
  byColour: Record<HouseholdColour, ColourTally>;
}

export interface UnitCounts extends Counts {
  unit: Unit;
  children: (Counts & { unit: Unit })[];
}

export interface BuildingTile extends Household {
  names: string[];
}

export interface BuildingView {
  unit: Unit;
  truncated: boolean;
  households: BuildingTile[];
}

export interface LedgerFilter {
  unit: string;
  colour?: HouseholdColour[];
  marker?: Marker[];
  q?: string;
  campaign?: string;
  campaignStatus?: VisitStatus;
}

// ---------------------------------------------------------------------------------------------------
// Screening

export type VisitStatus = 'pending' | 'visited' | 'revisit';

export interface Campaign {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string | null;
  status: 'open' | 'closed' | string;
  createdAt: string;
  unit?: Unit;
  /** its community (and street), for a user above them */
  within?: PlaceAbove[];
}

export interface ProgressTally {
  total: number;
  visited: number;
  revisit: number;
  byColour: Partial<Record<HouseholdColour, number>>;
}

export interface CampaignProgress extends ProgressTally {
  campaign: Campaign;
  unit: Unit;
  children: (ProgressTally & { unit: Unit })[];
}

export interface Door extends LedgerItem {
  visit: { status: VisitStatus; visits: number } | null;
}

/** A place (building) of a campaign's doors, with its progress: the phone's jump to a building. */
export interface CampaignPlace {
  unit: { code: string; name: string; kind: UnitKind };
  total: number;
  visited: number;
  revisit: number;
}

/** One screening visit of a household as the desk shows it (GET /api/ledger/households/:key/visits). */
export interface Visit {
  id: string;
  at: string;
  by: { username: string; name: string } | null;
  campaign: { id: string; name: string };
  outcome: 'visited' | 'nobody_home';
  colourBefore: HouseholdColour | null;
  colourAfter: HouseholdColour | null;
  residents: (ResidentAnswer & { name: string | null })[];
  newResidents: number;
  notes: string | null;
}

/** Where a page of the ledger starts: after a row, before a row, or a jump to a page (1-based). */
export interface PageStart {
  after?: string;
  before?: string;
  page?: number;
}

/** A keyset page that can go both ways. */
export interface TwoWayPage<T> extends Page<T> {
  prev: string | null;
}

export interface LedgerCount {
  total: number;
  /** counted up to the cap: there are more */
  capped: boolean;
}

/** A stay as the door tells it: with its days, or undated (counted through the window by the server). */
export type TravelAnswer = Pick<TravelStay, 'placeCode' | 'placeName' | 'from' | 'to' | 'undated'>;

export interface ResidentAnswer {
  key: string;
  present: boolean;
  left?: 'moved_out' | 'deceased';
  temperatureC?: number;
  symptoms?: Symptom[];
  travel?: TravelAnswer[];
  contacts?: { kind: ContactKind; date: string }[];
}

export interface VisitInput {
  clientId: string;
  campaignId: string;
  householdKey: string;
  outcome: 'visited' | 'nobody_home';
  residents?: ResidentAnswer[];
  newResidents?: ResidentForm[];
  notes?: string;
}

export interface VisitResult {
  visit: string;
  outcome: string;
  colourBefore: HouseholdColour | null;
  colourAfter: HouseholdColour | null;
}

// ---------------------------------------------------------------------------------------------------
// Calls

const enc = encodeURIComponent;
const csv = (v: readonly string[] | undefined) => (v?.length ? v.join(',') : undefined);

export const ledgerKeys = {
  all: ['ledger'] as const,
  day: ['ledger', 'day'] as const,
  list: (f: LedgerFilter, start: PageStart, limit: number) => ['ledger', 'list', f, start, limit] as const,
  count: (f: LedgerFilter) => ['ledger', 'count', f] as const,
  visits: (key: string) => ['ledger', 'visits', key] as const,
  places: (id: string) => ['ledger', 'places', id] as const,
  household: (key: string) => ['ledger', 'household', key] as const,
  counts: (code: string) => ['ledger', 'counts', code] as const,
  building: (code: string) => ['ledger', 'building', code] as const,
  campaigns: ['ledger', 'campaigns'] as const,
  progress: (id: string, unit?: string) => ['ledger', 'progress', id, unit ?? ''] as const,
  doors: (id: string, unit: string | undefined, status: string | undefined, q = '') =>
    ['ledger', 'doors', id, unit ?? '', status ?? '', q] as const,
};

export const getLedgerDay = (signal?: AbortSignal) => get<LedgerDay>('/api/ledger/day', undefined, signal);

export function ledgerQuery(f: LedgerFilter) {
  return {
    unit: f.unit,
    colour: csv(f.colour),
    marker: csv(f.marker),
    q: f.q?.trim() || undefined,
    campaign: f.campaign,
    campaignStatus: f.campaign ? f.campaignStatus : undefined,
  };
}

export const listLedger = (f: LedgerFilter, start: PageStart, limit: number, signal?: AbortSignal) =>
  get<TwoWayPage<LedgerItem> & { unit: Unit }>(
    '/api/ledger/households',
    { ...ledgerQuery(f), ...start, limit },
    signal,
  );

export const countLedger = (f: LedgerFilter, signal?: AbortSignal) =>
  get<LedgerCount>('/api/ledger/households/count', ledgerQuery(f), signal);

export const listVisits = (key: string, signal?: AbortSignal) =>
  get<{ items: Visit[] }>(`/api/ledger/households/${enc(key)}/visits`, undefined, signal);

export const listCampaignPlaces = (id: string, signal?: AbortSignal) =>
  get<{ items: CampaignPlace[]; truncated: boolean }>(
    `/api/ledger/campaigns/${enc(id)}/places`,
    undefined,
    signal,
  );

export const getHousehold = (key: string, signal?: AbortSignal) =>
  get<HouseholdDetail>(`/api/ledger/households/${enc(key)}`, undefined, signal);

export const createHousehold = (body: {
  unitCode: string;
  entrance?: string;
  door: string;
  residents?: ResidentForm[];
}) => post<{ key: string }>('/api/ledger/households', body);

export const addResident = (householdKey: string, form: ResidentForm) =>
  post<{ key: string }>(`/api/ledger/households/${enc(householdKey)}/residents`, form);

/** A resident's details; `travel` is the whole list of stays as it should be (absent: left as it is). */
export const updateResident = (key: string, form: Partial<ResidentForm> & { travel?: TravelStay[] }) =>
  patch<void>(`/api/ledger/residents/${enc(key)}`, form);

export const setResidentStatus = (
  key: string,
  body: { status: ResidentStatus; date?: string; reason?: string },
) => post<void>(`/api/ledger/residents/${enc(key)}/status`, body);

export const setColour = (key: string, body: { colour: HouseholdColour | null; reason: string }) =>
  post<{ colour: HouseholdColour }>(`/api/ledger/households/${enc(key)}/colour`, body);

export const splitHousehold = (
  key: string,
  body: { residentKeys: string[]; door: string; entrance?: string; unitCode?: string; reason?: string },
) => post<{ key: string }>(`/api/ledger/households/${enc(key)}/split`, body);

export const revealResident = (key: string, field: 'idNumber' | 'phone') =>
  post<{ value: string | null }>(`/api/ledger/residents/${enc(key)}/reveal`, { field });

export const getCounts = (code: string, signal?: AbortSignal) =>
  get<UnitCounts>(`/api/ledger/counts/${enc(code)}`, undefined, signal);

export const getBuilding = (code: string, signal?: AbortSignal) =>
  get<BuildingView>(`/api/ledger/buildings/${enc(code)}`, undefined, signal);

export const listCampaigns = (signal?: AbortSignal) =>
  get<{ items: Campaign[] }>('/api/ledger/campaigns', undefined, signal);

export const createCampaign = (body: { unitCode: string; name: string; startsOn: string; endsOn?: string }) =>
  post<{ id: string; households: number }>('/api/ledger/campaigns', body);

export const closeCampaign = (id: string) => post<{ id: string }>(`/api/ledger/campaigns/${enc(id)}/close`);

export const getProgress = (id: string, unit?: string, signal?: AbortSignal) =>
  get<CampaignProgress>(`/api/ledger/campaigns/${enc(id)}`, { unit }, signal);

export const listDoors = (
  id: string,
  params: { unit?: string; status?: VisitStatus; q?: string; after?: string | null; limit?: number },
  signal?: AbortSignal,
) => get<Page<Door> & { unit: Unit }>(`/api/ledger/campaigns/${enc(id)}/doors`, params, signal);

export const recordVisit = (body: VisitInput) => post<VisitResult>('/api/ledger/visits', body);

// ---------------------------------------------------------------------------------------------------
// Hooks

export function useLedgerDay() {
  return useQuery({
    queryKey: ledgerKeys.day,
    queryFn: ({ signal }) => getLedgerDay(signal),
    staleTime: 10 * 60_000,
  });
}

export function useLedgerList(f: LedgerFilter | undefined, start: PageStart, limit = 50) {
  return useQuery({
    queryKey: ledgerKeys.list(f ?? { unit: '' }, start, limit),
    queryFn: ({ signal }) => listLedger(f as LedgerFilter, start, limit, signal),
    enabled: !!f?.unit,
    placeholderData: keepPreviousData,
  });
}

export function useLedgerCount(f: LedgerFilter | undefined) {
  return useQuery({
    queryKey: ledgerKeys.count(f ?? { unit: '' }),
    queryFn: ({ signal }) => countLedger(f as LedgerFilter, signal),
    enabled: !!f?.unit,
    placeholderData: keepPreviousData,
  });
}

export function useVisits(key: string | undefined) {
  return useQuery({
    queryKey: ledgerKeys.visits(key ?? ''),
    queryFn: ({ signal }) => listVisits(key as string, signal),
    enabled: !!key,
  });
}

export function useCampaignPlaces(id: string | undefined) {
  return useQuery({
    queryKey: ledgerKeys.places(id ?? ''),
    queryFn: ({ signal }) => listCampaignPlaces(id as string, signal),
    enabled: !!id,
  });
}

export function useHousehold(key: string | undefined) {
  return useQuery({
    queryKey: ledgerKeys.household(key ?? ''),
    queryFn: ({ signal }) => getHousehold(key as string, signal),
    enabled: !!key,
  });
}

export function useCounts(code: string | undefined) {
  return useQuery({
    queryKey: ledgerKeys.counts(code ?? ''),
    queryFn: ({ signal }) => getCounts(code as string, signal),
    enabled: !!code,
    placeholderData: keepPreviousData,
  });
}

export function useBuilding(code: string | undefined) {
  return useQuery({
    queryKey: ledgerKeys.building(code ?? ''),
    queryFn: ({ signal }) => getBuilding(code as string, signal),
    enabled: !!code,
  });
}

export function useCampaigns(enabled = true) {
  return useQuery({
    queryKey: ledgerKeys.campaigns,
    queryFn: ({ signal }) => listCampaigns(signal),
    enabled,
  });
}

export function useProgress(id: string | undefined, unit?: string) {
  return useQuery({
    queryKey: ledgerKeys.progress(id ?? '', unit),
    queryFn: ({ signal }) => getProgress(id as string, unit, signal),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

// ---------------------------------------------------------------------------------------------------
// Excel in and out (src/server/modules/ledger excel routes)

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ColumnMapping = Record<string, string | null>;

export interface RejectedRow {
  /** the sheet's row number; null for what concerns the whole sheet */
  row: number | null;
  column?: string | null;
  code: string;
  message: string;
}

export type PlanAction = 'new' | 'join' | 'update' | 'unchanged';

/** One changed field of a resident, before → after (ID numbers and phones masked). */
export type PlanChange = FieldChange;

/** What one accepted row does (src/domain/ledger/sheet/importPlan.ts). */
export interface PlanRow {
  row: number;
  action: PlanAction;
  name: string | null;
  place: { building: string; entrance: string; door: string };
  household?: { key: string; head: string | null };
  resident?: string;
  changes?: PlanChange[];
  /** the stays (去过的地方) an update adds */
  newStays?: TravelStay[];
}

export interface ImportPlanReport {
  counts: { new: number; joins: number; updates: number; unchanged: number };
  rows: PlanRow[];
  truncated: boolean;
  updateExisting: boolean;
}

export interface ImportReport {
  rows: number;
  accepted: number;
  skipped: number;
  rejected: RejectedRow[];
  households: number;
  residents: number;
  emptyHouseholds?: number;
  plan?: ImportPlanReport;
  created?: { households: number; residents: number; buildings: number; joined?: number; updated?: number };
}

export interface ImportPreview {
  sheetName: string;
  /** every worksheet of the workbook, for the user to pick another */
  sheetNames?: string[];
  /** null when no header row was found: the user names it */
  header: { rowIndex: number; headers: string[]; mapping: ColumnMapping } | null;
  fields: { field: string; label: string }[];
  /** the first rows below the header (ID numbers and phones masked), with their sheet row numbers */
  sample: ({ row: number; cells: string[] } | string[])[];
  report?: ImportReport;
  /** the mapping the unit's last import of a sheet with this header row used (pre-filled by the wizard) */
  remembered?: RememberedMapping | null;
}

export interface RememberedMapping {
  id: string;
  headerRow: number;
  headers: string[];
  /** every column of the header row: its field, or null */
  mapping: ColumnMapping;
  sheetName: string | null;
  updateExisting: boolean;
  usedAt: string;
  usedBy: string;
  uses: number;
}

/** The server's steps of an import request (GET /api/ledger/import/progress/{id}). */
export type ImportStepName = 'read' | 'check' | 'dedupe' | 'write';

export interface ImportProgress {
  step: ImportStepName;
  steps: { step: ImportStepName; state: 'waiting' | 'active' | 'done'; done: number; total: number }[];
  finished: boolean;
}

export interface ImportResult {
  imported: boolean;
  report: ImportReport;
}

export interface ImportParams {
  unit: string;
  /** the worksheet (name); default the first with data */
  sheet?: string;
  /** the header row as the preview answered it (its rowIndex) */
  headerRow?: number;
  mapping?: ColumnMapping;
  /** 更新台账中已有的居民 */
  updateExisting?: boolean;
  /** the request's progress id (a UUID), to follow its steps */
  progress?: string;
}

export function importQuery(p: ImportParams, extra: Record<string, string | undefined> = {}) {
  const params = new URLSearchParams({ unit: p.unit });
  if (p.sheet) params.set('sheet', p.sheet);
  if (p.headerRow !== undefined) params.set('headerRow', String(p.headerRow));
  if (p.mapping) params.set('mapping', JSON.stringify(p.mapping));
  if (p.updateExisting) params.set('updateExisting', '1');
  if (p.progress) params.set('progress', p.progress);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) params.set(k, v);
  return params.toString();
}

export function exportUrl(f: LedgerFilter, full: boolean): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(ledgerQuery(f))) if (v) params.set(k, v);
  if (full) params.set('full', '1');
  return `/api/ledger/export.xlsx?${params.toString()}`;
}
