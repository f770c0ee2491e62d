import type { TravelStay } from '../../../../domain/ledger/colours';
import { COMMON_PLACES } from './places';

// A stay away from home as a form holds it (the phone's door form and the desk's resident form), and the
// stay it becomes. Pure, so that it can be tested without a browser.

/** How the days of a stay are known: typed dates, "within the window" (近14天内) or not at all (日期不详). */
export type StayDates = 'exact' | 'recent' | 'unknown';
export const STAY_DATES: readonly StayDates[] = ['exact', 'recent', 'unknown'];

export interface TravelDraft {
  id: number;
  /** a common place's code, or 'other'; '' until the user taps one (nothing is chosen for them) */
  place: string;
  code: string;
  name: string;
  /** '' until chosen */
  dates: StayDates | '';
  from: string;
  to: string;
  /** kept from the stay the draft was made of: the day an undated stay was told */
  recordedOn?: string;
}

export type StayProblem = 'place' | 'code' | 'dates' | 'from';

export function newTravelDraft(id: number): TravelDraft {
  return { id, place: '', code: '', name: '', dates: '', from: '', to: '' };
}

/** A stay kept in the ledger, as a form edits it. */
export function draftOfStay(s: TravelStay, id: number): TravelDraft {
  const common = COMMON_PLACES.some((p) => p.code === s.placeCode);
  return {
    id,
    place: common ? s.placeCode : 'other',
    code: common ? '' : s.placeCode,
    name: s.placeName ?? '',
    dates: s.from ? 'exact' : (s.undated ?? 'unknown'),
    from: s.from ?? '',
    to: s.to ?? '',
    ...(s.recordedOn ? { recordedOn: s.recordedOn } : {}),
  };
}

/** What is missing from a stay: its place, its code (另选地区), its dates or its first day. */
export function stayProblems(s: TravelDraft): StayProblem[] {
  const out: StayProblem[] = [];
  if (s.place === '') out.push('place');
  else if (s.place === 'other' && s.code.trim() === '') out.push('code');
  if (s.dates === '') out.push('dates');
  else if (s.dates === 'exact' && s.from === '') out.push('from');
  return out;
}

/** The stay a finished draft stands for (stayProblems is empty): dated, or undated as told. */
export function stayOf(s: TravelDraft): TravelStay {
  return {
    placeCode: s.place === 'other' ? s.code.trim() : s.place,
    ...(s.name.trim() ? { placeName: s.name.trim() } : {}),
    ...(s.dates === 'exact'
      ? { from: s.from, ...(s.to && s.to !== s.from ? { to: s.to } : {}) }
      : {
          undated: s.dates === 'recent' ? ('recent' as const) : ('unknown' as const),
          ...(s.recordedOn ? { recordedOn: s.recordedOn } : {}),
        }),
  };
}
