import type { ContactKind, Symptom } from '../../../domain/ledger/colours';
import type { ResidentAnswer, ResidentForm, ResidentStatus, VisitInput } from '../../http/ledger';

// The door form's state, and the visit it becomes. Pure, so that it can be tested without a browser.

export type Presence = 'present' | 'away' | 'moved_out' | 'deceased';

export interface TravelDraft {
  id: number;
  /** a common place's code, or 'other' */
  place: string;
  code: string;
  name: string;
  from: string;
  to: string;
}

export interface ContactDraft {
  id: number;
  kind: ContactKind;
  date: string;
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
  const travel = d.travel
    .filter((s) => s.from && (s.place !== 'other' || s.code.trim()))
    .map((s) => ({
      placeCode: s.place === 'other' ? s.code.trim() : s.place,
      ...(s.name.trim() ? { placeName: s.name.trim() } : {}),
      from: s.from,
      ...(s.to && s.to !== s.from ? { to: s.to } : {}),
    }));
  if (travel.length) a.travel = travel;
  const contacts = d.contacts.filter((c) => c.date).map((c) => ({ kind: c.kind, date: c.date }));
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
