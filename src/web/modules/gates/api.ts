import { api, get, post } from '../../http/client';

// Courtyard gates: the shapes the server answers with (src/server/modules/gates) and the calls.

export interface GateRule {
  personsPerHousehold: number;
  everyDays: number;
}
export interface GateCounts {
  outNow: number;
  outs: number;
  ins: number;
  refused: number;
  visitors: number;
}
export interface Gate {
  id: string;
  name: string;
  unit: { code: string; name: string };
  rule: GateRule;
  status: string;
}
export interface GateDetail extends Gate {
  today: string;
  counts: GateCounts;
  exemptions: {
    id: string;
    residentKey: string;
    householdKey: string;
    name: string;
    kind: string;
    note: string;
    until: string | null;
  }[];
}
export interface Pass {
  id: string;
  householdKey: string;
  building: string;
  door: string;
  token: string;
}
export interface HouseholdAtGate {
  householdKey: string;
  token: string;
  building: string;
  door: string;
  residents: {
    key: string;
    name: string;
    phoneMasked: string | null;
    exempt: boolean;
    out: { at: string } | null;
    mayGoOut: boolean;
    refusal: string | null;
  }[];
}
export interface Scan {
  id: string;
  name: string;
  building: string | null;
  door: string | null;
  direction: 'out' | 'in';
  outcome: 'allowed' | 'refused';
  exempt: boolean;
  reason: string | null;
  at: string;
}
export interface OutPerson {
  residentKey: string;
  householdKey: string;
  name: string;
  door: string;
  phoneMasked: string | null;
  workUnit: string | null;
  outAt: string;
}
export interface Visitor {
  id: string;
  householdKey: string;
  building: string;
  door: string;
  name: string;
  idMasked: string | null;
  phoneMasked: string | null;
  temperatureC: number | null;
  at: string;
}

export const gateKeys = {
  all: ['gates'] as const,
  gate: (id: string) => ['gates', id] as const,
};

export const listGates = (unit?: string) => get<{ items: Gate[] }>('/api/gates', { unit });
export const getGate = (id: string) => get<GateDetail>(`/api/gates/${id}`);
export const createGate = (body: { unitCode: string; name: string } & Partial<GateRule>) =>
  post<GateDetail>('/api/gates', body);
export const setRule = (id: string, rule: GateRule) =>
  api<GateDetail>(`/api/gates/${id}/rule`, { method: 'PUT', body: rule });
export const listPasses = (id: string, building?: string) =>
  get<{ gate: Gate; buildings: string[]; items: Pass[] }>(`/api/gates/${id}/passes`, { building });
export const issuePasses = (id: string) =>
  post<{ issued: number; households: number }>(`/api/gates/${id}/passes`);
export const householdAtGate = (id: string, by: { token?: string; householdKey?: string }) =>
  get<HouseholdAtGate>(`/api/gates/${id}/household`, by);
// a scan is posted from the phone through the field's offline queue (field/gates/FieldGate.tsx)
export const dayScans = (id: string) => get<{ day: string; items: Scan[] }>(`/api/gates/${id}/scans`);
export const whoIsOut = (id: string) =>
  get<{ total: number; buildings: { building: string; people: OutPerson[] }[] }>(`/api/gates/${id}/out`);
export const postVisitor = (
  id: string,
  body: {
    clientId: string;
    householdKey: string;
    name: string;
    idNumber?: string;
    phone?: string;
    temperatureC?: number;
  },
) => post<Visitor>(`/api/gates/${id}/visitors`, body);
export const dayVisitors = (id: string) =>
  get<{ day: string; items: Visitor[] }>(`/api/gates/${id}/visitors`);
export const addExemption = (id: string, residentKey: string) =>
  post<{ id: string }>(`/api/gates/${id}/exemptions`, { residentKey, kind: 'work_certificate' });
export const revealPhone = (residentKey: string) =>
  post<{ value: string | null }>(`/api/ledger/residents/${residentKey}/reveal`, { field: 'phone' });
