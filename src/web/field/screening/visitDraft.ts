import type { ContactKind, Symptom } from '../../../domain/ledger/colours';
import type { ResidentAnswer, ResidentForm, ResidentStatus, VisitInput } from '../../http/ledger';

// The door form's state, and the visit it becomes. Pure, so that it can be tested without a browser.

export type Presence = 'present' | 'away' | 'moved_out' | 'deceased';

/** How the days of a stay are known: typed dates, "within the window" (近14天内) or not at all (日期不详). */
export type StayDates = 'exact' | 'recent' | 'unknown';

export interface TravelDraft {
  id: number;
  /** a common place's code, or 'other'; '' until the worker taps one (nothing is chosen for them) */
  place: string;
  code: string;
  name: string;
  /** '' until chosen */
  dates: StayDates | '';
  from: string;
  to: string;
}

export interface ContactDraft {
  id: number;
  /** '' until the worker taps one */
  kind: ContactKind | '';
  date: string;
}

export function newTravelDraft(id: number): TravelDraft {
  return { id, place: '', code: '', name: '', dates: '', from: '', to: '' };
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
} & (
  | { what: 'travel'; field: 'place' | 'code' | 'dates' | 'from' }
  | { what: 'contact'; field: 'kind' | 'date' }
);

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
      const stay = (field: 'place' | 'code' | 'dates' | 'from') =>
        out.push({ resident, index, what: 'travel', field });
      if (s.place === '') stay('place');
      else if (s.place === 'other' && s.code.trim() === '') stay('code');
      if (s.dates === '') stay('dates');
      else if (s.dates === 'exact' && s.from === '') stay('from');
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
  const travel = d.travel.map((s) => ({
    placeCode: s.place === 'other' ? s.code.trim() : s.place,
    ...(s.name.trim() ? { placeName: s.name.trim() } : {}),
    ...(s.dates === 'exact'
      ? { from: s.from, ...(s.to && s.to !== s.from ? { to: s.to } : {}) }
      : { undated: s.dates === 'recent' ? ('recent' as const) : ('unknown' as const) }),
  }));
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
