import { useQuery } from '@tanstack/react-query';
import type { DayListHelp, DayListLine } from '../../domain/care/consolidate';
import type { CareItem, CareUnit, HelpKind, ItemKind } from '../../domain/care/items';
import type { CareReason, CareView } from '../../domain/care/request';
import { del, get, post } from './client';

// 生活保障 (care for those who cannot go out): the shapes the server answers with (src/server/modules/care,
// the contract in docs/api.md) and the calls. The volunteer's take and delivery go through the field's
// offline queue (field/care/api.ts); the household's own page calls the public routes here.

export type { CareItem, CareReason, CareUnit, CareView, HelpKind, ItemKind };

export interface CareRequest {
  id: string;
  clientId: string | null;
  householdKey: string;
  unit: { code: string; name: string };
  community: { code: string; name: string } | null;
  entrance: string;
  door: string;
  address: string;
  reasons: CareReason[];
  day: string;
  dueAt: string;
  urgent: boolean;
  items: CareItem[];
  help: HelpKind[];
  note: string | null;
  source: 'worker' | 'household';
  state: CareView;
  late: boolean;
  volunteer: { personId: string | null; userId: string | null; name: string } | null;
  assignedAt: string | null;
  deliveredAt: string | null;
  deliveredBy: string | null;
  receivedBy: string | null;
  deliveryNote: string | null;
  cancelReason: string | null;
  createdBy: string | null;
  createdAt: string;
}

export type CareHistoryKind = 'created' | 'assigned' | 'reassigned' | 'taken' | 'delivered' | 'cancelled';

export interface CareRequestDetail extends CareRequest {
  history: { kind: CareHistoryKind; detail: Record<string, unknown> | null; by: string | null; at: string }[];
}

/** The board's state filter (the server's `state`): `active` is waiting or on its way. */
export const CARE_FILTERS = [
  'active',
  'open',
  'overdue',
  'assigned',
  'late',
  'delivered',
  'cancelled',
] as const;
export type CareFilter = (typeof CARE_FILTERS)[number];

export interface CareListQuery {
  unit?: string;
  day?: string;
  state?: CareFilter;
  household?: string;
}

export interface CareCounts {
  day: string | null;
  open: number;
  overdue: number;
  assigned: number;
  late: number;
  delivered: number;
  cancelled: number;
  households: number;
}

/** What a request asks for, as the worker's form and the household's page send it. */
export interface CareAsk {
  items?: { kind: string; quantity: number; unit?: string; name?: string | null }[];
  help?: string[];
  note?: string | null;
  day?: string;
  dueAt?: string;
  urgent?: boolean;
}

export interface DayListPart {
  requests: number;
  households: number;
  lines: DayListLine[];
  help: DayListHelp[];
}

export interface CareDayList extends DayListPart {
  day: string;
  unit: { code: string; name: string };
  communities: (DayListPart & { code: string | null; name: string })[];
}

export interface HouseholdCare {
  householdKey: string;
  unit: { code: string; name: string };
  entrance: string;
  door: string;
  reasons: CareReason[];
  eligible: boolean;
  hasLink: boolean;
  /** the token, only for who may give links (care.manage) */
  link: { token: string; createdAt: string } | null;
  requests: CareRequest[];
}

export interface CareLink {
  householdKey: string;
  token: string;
  createdAt: string;
}

export interface CareTasks {
  day: string;
  mine: CareRequest[];
  open: CareRequest[];
}

/** A request as the household's own page shows it: no ids of people, no workers' names. */
export interface PublicCareRequest {
  id: string;
  clientId: string | null;
  day: string;
  dueAt: string;
  urgent: boolean;
  items: CareItem[];
  help: HelpKind[];
  note: string | null;
  state: CareView;
  volunteerName: string | null;
  deliveredAt: string | null;
  receivedBy: string | null;
  createdAt: string;
}

export interface PublicHousehold {
  address: string;
  today: string;
  eligible: boolean;
  maxOpen: number;
  requests: PublicCareRequest[];
}

/** The server's event when a request changes (GET /api/events). */
export const CARE_CHANGED = 'care.changed';

// ---- the calls ------------------------------------------------------------------------------------

const enc = encodeURIComponent;

export const careKeys = {
  all: ['care'] as const,
  list: (q: CareListQuery, after: string | null) => ['care', 'list', q, after] as const,
  counts: (unit: string, day: string) => ['care', 'counts', unit, day] as const,
  request: (id: string) => ['care', 'request', id] as const,
  dayList: (unit: string, day: string) => ['care', 'day-list', unit, day] as const,
  household: (key: string) => ['care', 'household', key] as const,
  tasks: ['care', 'tasks'] as const,
  publicPage: (token: string) => ['care-public', token] as const,
};

export const listCareRequests = (q: CareListQuery, after: string | null, limit = 50) =>
  get<{ day: string | null; items: CareRequest[]; next: string | null }>('/api/care/requests', {
    ...q,
    after,
    limit,
  });
export const getCareCounts = (q: { unit?: string; day?: string }) => get<CareCounts>('/api/care/counts', q);
export const getCareRequest = (id: string) => get<CareRequestDetail>(`/api/care/requests/${enc(id)}`);
export const createCareRequest = (body: CareAsk & { clientId?: string; householdKey: string }) =>
  post<CareRequest>('/api/care/requests', body);
export const assignCareRequest = (id: string, personId: string) =>
  post<CareRequestDetail>(`/api/care/requests/${enc(id)}/assign`, { personId });
export const deliverCareRequest = (id: string, body: { receivedBy: string; note?: string }) =>
  post<CareRequest>(`/api/care/requests/${enc(id)}/delivered`, body);
export const cancelCareRequest = (id: string, reason: string) =>
  post<CareRequestDetail>(`/api/care/requests/${enc(id)}/cancel`, { reason });

export const getCareDayList = (unit: string, day: string) =>
  get<CareDayList>('/api/care/day-list', { unit, day });
export const careDayListExportUrl = (unit: string, day: string) =>
  `/api/care/day-list/export?unit=${enc(unit)}&day=${enc(day)}`;

export const getHouseholdCare = (key: string) => get<HouseholdCare>(`/api/care/households/${enc(key)}`);
export const giveCareLink = (key: string, renew = false) =>
  post<CareLink>(`/api/care/households/${enc(key)}/link`, renew ? { renew: true } : {});
export const takeCareLinkBack = (key: string) => del(`/api/care/households/${enc(key)}/link`);

export const getCareTasks = (signal?: AbortSignal) => get<CareTasks>('/api/care/tasks', undefined, signal);

/** The household's own page: the address of its QR code (under the field app, no login). */
export const careLinkUrl = (token: string, origin = window.location.origin) =>
  `${origin}/field/care/${enc(token)}`;
export const getPublicHousehold = (token: string) => get<PublicHousehold>(`/api/public/care/${enc(token)}`);
export const postPublicRequest = (token: string, body: CareAsk & { clientId: string }) =>
  post<PublicCareRequest>(`/api/public/care/${enc(token)}/requests`, body, { noAuthRedirect: true });

// ---- hooks ----------------------------------------------------------------------------------------

export function useHouseholdCare(key: string | undefined) {
  return useQuery({
    queryKey: careKeys.household(key ?? ''),
    queryFn: () => getHouseholdCare(key as string),
    enabled: !!key,
    retry: false,
  });
}

export function usePublicHousehold(token: string) {
  return useQuery({
    queryKey: careKeys.publicPage(token),
    queryFn: () => getPublicHousehold(token),
    retry: false,
  });
}
