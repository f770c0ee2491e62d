import type { ContactKind, Symptom } from '../../../domain/ledger/colours';
import type { ResidentAnswer, ResidentForm, ResidentStatus, VisitInput } from '../../http/ledger';
import {
  type StayProblem,
  stayOf,
  stayProblems,
  type TravelDraft,
} from '../../modules/ledger/common/stayDraft';

export { newTravelDraft, type StayDates, type TravelDraft } from '../../modules/ledger/common/stayDraft';

// The door form's state, and the visit it becomes. Pure, so that it can be tested without a browser.

export type Presence = 'present' | 'away' | 'moved_out' | 'deceased';

export interface ContactDraft {
  id: number;
  /** '' until the worker taps one */
  kind: ContactKind | '';
  date: string;
}

export function newContactDraft(id: number): ContactDraft {
  return { id, kind: '', date: '' };
}

/** A part of the door form left unfinished: the visit is not sent until it is done or removed. */
export type DraftProblem = {
  /** index of the resident in the form */
  resident: number;
  /** index of the stay or the contact */
  index: number;
} & ({ what: 'travel'; field: StayProblem } | { what: 'contact'; field: 'kind' | 'date' });

/**
 * What keeps the visit from being sent: a stay without its place, its code (另选地区) or its dates (a
 * date, 近14天内 or 日期不详), a contact without its kind or day. Nothing the worker began is dropped
 * silently: either it is finished, or removed by hand.
 */
export function draftProblems(residents: readonly ResidentDraft[]): DraftProblem[] {
  const out: DraftProblem[] = [];
  residents.forEach((d, resident) => {
    if (d.presence === 'moved_out' || d.presence === 'deceased') return;
    d.travel.forEach((s, index) => {
      for (const field of stayProblems(s)) out.push({ resident, index, what: 'travel', field });
    });
    d.contacts.forEach((c, index) => {
      if (c.kind === '') out.push({ resident, index, what: 'contact', field: 'kind' });
      if (c.date === '') out.push({ resident, index, what: 'contact', field: 'date' });
    });
  });
  return out;
}

export interface ResidentDraft {
  key: string;
  presence: Presence;
  temperature: string;
  symptoms: Symptom[];
  travel: TravelDraft[];
  contacts: ContactDraft[];
}

export interface NewResidentDraft {
  id: number;
  name: string;
  sex: string;
  relation: string;
  idNumber: string;
  phone: string;
}

export function draftOf(r: { key: string; status: ResidentStatus }): ResidentDraft {
  return {
    key: r.key,
    presence: r.status === 'away' ? 'away' : 'present',
    temperature: '',
    symptoms: [],
    travel: [],
    contacts: [],
  };
}

/** A temperature as typed ('36.5', '36,5'); undefined when blank or not a number. */
export function parseTemperature(text: string): number | undefined {
  const s = text.trim().replace(',', '.');
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function answerOf(d: ResidentDraft): ResidentAnswer {
  const a: ResidentAnswer = { key: d.key, present: d.presence === 'present' };
  if (d.presence === 'moved_out' || d.presence === 'deceased') {
    a.left = d.presence;
    return a;
  }
  const temp = parseTemperature(d.temperature);
  if (temp !== undefined) a.temperatureC = temp;
  if (d.symptoms.length) a.symptoms = d.symptoms;
  // every stay and contact goes as entered (draftProblems stops an unfinished one before this)
  const travel = d.travel.map(stayOf);
  if (travel.length) a.travel = travel;
  const contacts = d.contacts.map((c) => ({ kind: c.kind as ContactKind, date: c.date }));
  if (contacts.length) a.contacts = contacts;
  return a;
}

function formOf(n: NewResidentDraft): ResidentForm {
  const f: ResidentForm = { name: n.name.trim() };
  if (n.sex) f.sex = n.sex;
  if (n.relation) f.relation = n.relation;
  if (n.idNumber.trim()) f.idNumber = n.idNumber.trim();
  if (n.phone.trim()) f.phone = n.phone.trim();
  return f;
}

export function visitOf(
  base: { clientId: string; campaignId: string; householdKey: string },
  outcome: 'visited' | 'nobody_home',
  residents: ResidentDraft[],
  newResidents: NewResidentDraft[],
  notes: string,
): VisitInput {
  if (outcome === 'nobody_home')
    return { ...base, outcome, ...(notes.trim() ? { notes: notes.trim() } : {}) };
  const fresh = newResidents.filter((n) => n.name.trim()).map(formOf);
  return {
    ...base,
    outcome,
    residents: residents.map(answerOf),
    ...(fresh.length ? { newResidents: fresh } : {}),
    ...(notes.trim() ? { notes: notes.trim() } : {}),
  };
}

/**
 * The door form as kept on the phone (localStorage) while it is being filled in: a reload, a closed app
 * or a dead battery does not lose it, and its client UUID stays the same, so that a form sent before the
 * reload and sent again after it is still one visit (DESIGN rule 4).
 */
export interface KeptDraft {
  clientId: string;
  residents: ResidentDraft[];
  newResidents: NewResidentDraft[];
  notes: string;
}

export const keptDraftKey = (campaignId: string, householdKey: string) =>
  `wangge.field.visit.${campaignId}.${householdKey}`;

/** The kept form, fitted to the household's residents as they are now (a new one starts blank). */
export function keptDraftOf(
  raw: string | null,
  residents: readonly { key: string; status: ResidentStatus }[],
): KeptDraft | undefined {
  if (!raw) return undefined;
  try {
    const kept = JSON.parse(raw) as Partial<KeptDraft>;
    if (typeof kept?.clientId !== 'string' || !Array.isArray(kept.residents)) return undefined;
    const byKey = new Map(kept.residents.map((d) => [d?.key, d]));
    return {
      clientId: kept.clientId,
      residents: residents.map((r) => byKey.get(r.key) ?? draftOf(r)),
      newResidents: Array.isArray(kept.newResidents) ? kept.newResidents : [],
      notes: typeof kept.notes === 'string' ? kept.notes : '',
    };
  } catch {
    return undefined;
  }
}
