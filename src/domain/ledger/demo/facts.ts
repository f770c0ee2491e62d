// The facts of a demo household — stays away, health reports, contacts, isolation — drawn to tell one
// of the stories of a Zhengzhou community in the weeks after the Spring Festival of 2020:
//
// - stayed: nobody left the city (a few went out long ago, or only to a county of the city; a few had
//   their temperature taken at the door);
// - returned: one, two or the whole family came back from their home town or from work elsewhere
//   within the window, with no symptom;
// - home_isolation: someone came back from elsewhere (or met a key person) and is isolated at home for
//   14 days that cover today;
// - key_attention: a stay in a key area within the window (Wuhan, Hubei: most of the red households of
//   the reports), a fever or symptoms, a contact with a case, or a centralised isolation.
//
// With the default policy the rules give them green, yellow, orange and red; the generator never sets a
// colour itself, it always derives it from these facts with deriveColour.

import type {
  ColourPolicy,
  Contact,
  ContactKind,
  HealthReport,
  IsolationPeriod,
  Symptom,
  TravelStay,
} from '../colours';
import { DEFAULT_FEVER_THRESHOLD_C, DEFAULT_WINDOW_DAYS } from '../colours';
import { keyAreaDuring, normaliseAreaCode } from '../keyAreas';
import { dayOf, isoOf } from './days';
import { type Place, travelPlaces } from './places';
import { type Prng, WeightedTable } from './prng';

/** What happened in a household, which the facts tell. */
export type Story = 'stayed' | 'returned' | 'home_isolation' | 'key_attention';

/** The facts of a resident, as the generator writes them (ResidentFacts with arrays it may push to). */
export interface DemoFacts {
  present?: boolean;
  health?: HealthReport[];
  travel?: TravelStay[];
  contacts?: Contact[];
  isolation?: IsolationPeriod[];
}

/** The part of a resident the stories read and write. */
export interface StoryResident {
  facts: DemoFacts;
}

/** A place that is a key area on some days of the window: a stay ending in [lastFrom, lastTo] is red. */
interface KeyPlace extends Place {
  lastFrom: number;
  lastTo: number;
}

/** Isolation and observation last 14 days, the day it starts included (days 0–13). */
const ISOLATION_DAYS = 14;

const FEVER_SYMPTOMS: readonly (readonly Symptom[])[] = [
  ['fever'],
  ['fever', 'cough'],
  ['fever', 'fatigue'],
  ['fever', 'cough', 'fatigue'],
  ['cough', 'sore_throat'],
];

/** How many days a trip lasted (the day of leaving to the day of coming back): a week or so over the festival. */
const TRIP_DAYS = new WeightedTable<number>([
  [1, 1],
  [2, 2],
  [3, 3],
  [5, 3],
  [7, 3],
  [10, 2],
  [14, 2],
  [20, 1],
]);

const CASE_CONTACTS = new WeightedTable<ContactKind>([
  ['confirmed', 6],
  ['suspected', 3],
  ['asymptomatic', 1],
]);

/**
 * Draws the facts of the stories for one policy and day: which places are key areas within the window,
 * which lie outside the home city and which inside it are worked out once, with the rules' own helpers.
 */
export class StoryTeller {
  private readonly today: number;
  private readonly since: number;
  private readonly feverC: number;
  private readonly keyPlaces: WeightedTable<KeyPlace> | undefined;
  private readonly outside: WeightedTable<Place> | undefined;
  private readonly inside: WeightedTable<Place> | undefined;
  private readonly redStories: WeightedTable<'key_area' | 'fever' | 'contact' | 'centralised'>;

  constructor(policy: ColourPolicy, today: string) {
    this.today = dayOf(today);
    this.since = this.today - (policy.windowDays ?? DEFAULT_WINDOW_DAYS);
    this.feverC = policy.feverThresholdC ?? DEFAULT_FEVER_THRESHOLD_C;
    const home = normaliseAreaCode(policy.homeAreaCode) ?? policy.homeAreaCode;
    const windowFrom = isoOf(this.since);
    const todayIso = isoOf(this.today);
    // a place is "not key" when it is no key area on any day a stay of the stories could touch
    const longAgo = isoOf(this.since - 60);
    const key: [KeyPlace, number][] = [];
    const outside: [Place, number][] = [];
    const inside: [Place, number][] = [];
    for (const [place, weight] of travelPlaces()) {
      const match = keyAreaDuring(place.code, windowFrom, todayIso, policy.keyAreas);
      if (match) {
        const lastFrom = Math.max(this.since, dayOf(match.area.from));
        key.push([{ ...place, lastFrom, lastTo: dayOf(match.date) }, weight]);
      } else if (keyAreaDuring(place.code, longAgo, todayIso, policy.keyAreas) === undefined) {
        const inHome = normaliseAreaCode(place.code)?.startsWith(home) ?? false;
        (inHome ? inside : outside).push([place, weight]);
      }
    }
    this.keyPlaces = key.length > 0 ? new WeightedTable(key) : undefined;
    this.outside = outside.length > 0 ? new WeightedTable(outside) : undefined;
    this.inside = inside.length > 0 ? new WeightedTable(inside) : undefined;
    this.redStories = new WeightedTable([
      ['key_area', this.keyPlaces ? 55 : 0],
      ['fever', 20],
      ['contact', 15],
      ['centralised', 10],
    ]);
  }

  /** Writes the facts of the story on the residents who live there (present). */
  tell(rng: Prng, story: Story, residents: readonly StoryResident[]): void {
    switch (story) {
      case 'stayed':
        this.stayed(rng, residents);
        break;
      case 'returned':
        this.returned(rng, residents);
        break;
      case 'home_isolation':
        this.homeIsolation(rng, residents);
        break;
      case 'key_attention':
        this.keyAttention(rng, residents);
        break;
    }
  }

  private stayed(rng: Prng, residents: readonly StoryResident[]): void {
    const u = rng.next();
    if (u < 0.012 && this.outside) {
      // back from a trip well before the window
      const to = this.since - rng.int(1, 30);
      this.travel(someone(rng, residents), this.outside.pick(rng), to - TRIP_DAYS.pick(rng), to);
    } else if (u < 0.017 && this.inside) {
      // a visit within the city is no travel
      const to = rng.int(this.since, this.today);
      this.travel(someone(rng, residents), this.inside.pick(rng), to - rng.int(0, 3), to);
    } else if (u < 0.02) {
      // screened at the door today: normal temperatures
      for (const r of residents) if (lives(r)) this.temperature(rng, r, this.today);
    }
  }

  private returned(rng: Prng, residents: readonly StoryResident[]): void {
    if (!this.outside) {
      // nowhere to come back from under this policy: health monitoring tells the same
      this.isolate(
        someone(rng, residents),
        'health_monitoring',
        rng.int(this.today - ISOLATION_DAYS + 1, this.today),
      );
      return;
    }
    const place = this.outside.pick(rng);
    // most came back in the last week, at the end of the (extended) holiday
    const window = this.today - this.since;
    const to = this.today - (rng.chance(0.7) ? rng.int(1, Math.min(7, window)) : rng.int(1, window));
    const from = to - TRIP_DAYS.pick(rng);
    for (const r of travellers(rng, residents, 0.45, 0.4)) this.travel(r, place, from, to);
  }

  private homeIsolation(rng: Prng, residents: readonly StoryResident[]): void {
    const start = rng.int(this.today - ISOLATION_DAYS + 1, this.today);
    const place = this.outside?.pick(rng);
    const metKeyPerson = place === undefined || rng.chance(0.2);
    const from = start - TRIP_DAYS.pick(rng);
    for (const r of travellers(rng, residents, 0.3, 0.5)) {
      if (metKeyPerson)
        r.facts.contacts = append(r.facts.contacts, { kind: 'key_person', date: isoOf(start) });
      else this.travel(r, place as Place, from, start);
      this.isolate(r, 'home', start);
    }
  }

  private keyAttention(rng: Prng, residents: readonly StoryResident[]): void {
    const story = this.redStories.pick(rng);
    if (story === 'key_area') {
      const place = (this.keyPlaces as WeightedTable<KeyPlace>).pick(rng);
      const to = rng.int(place.lastFrom, place.lastTo);
      const from = to - TRIP_DAYS.pick(rng);
      const centralised = rng.chance(0.15);
      for (const r of travellers(rng, residents, 0.45, 0.55)) {
        this.travel(r, place, from, to);
        if (rng.chance(0.7)) this.isolate(r, centralised ? 'centralised' : 'home', to);
      }
    } else if (story === 'fever') {
      const r = someone(rng, residents);
      const t = Math.round((Math.max(this.feverC, 37.3) + rng.next() * 1.6) * 10) / 10;
      r.facts.health = append(r.facts.health, {
        date: isoOf(rng.int(this.since, this.today)),
        temperatureC: Math.min(t, 41),
        symptoms: [...rng.pick(FEVER_SYMPTOMS)],
      });
    } else if (story === 'contact') {
      const date = rng.int(Math.max(this.since, this.today - ISOLATION_DAYS + 1), this.today);
      const r = someone(rng, residents);
      r.facts.contacts = append(r.facts.contacts, { kind: CASE_CONTACTS.pick(rng), date: isoOf(date) });
      this.isolate(r, rng.chance(0.5) ? 'centralised' : 'home', date);
    } else {
      const r = someone(rng, residents);
      this.isolate(r, 'centralised', rng.int(this.today - ISOLATION_DAYS + 1, this.today));
    }
  }

  private travel(r: StoryResident, place: Place, from: number, to: number): void {
    r.facts.travel = append(r.facts.travel, {
      placeCode: place.code,
      placeName: place.name,
      from: isoOf(from),
      to: isoOf(to),
    });
  }

  private isolate(r: StoryResident, kind: 'home' | 'centralised' | 'health_monitoring', from: number): void {
    r.facts.isolation = append(r.facts.isolation, {
      kind,
      from: isoOf(from),
      to: isoOf(from + ISOLATION_DAYS - 1),
    });
  }

  /** A normal temperature (36.0–36.9 °C) taken on the day. */
  private temperature(rng: Prng, r: StoryResident, day: number): void {
    r.facts.health = append(r.facts.health, { date: isoOf(day), temperatureC: 36 + rng.int(0, 9) / 10 });
  }
}

function append<T>(list: T[] | undefined, item: T): T[] {
  if (list === undefined) return [item];
  list.push(item);
  return list;
}

function lives(r: StoryResident): boolean {
  return r.facts.present !== false;
}

/** One resident who lives there (the head always does). */
function someone(rng: Prng, residents: readonly StoryResident[]): StoryResident {
  for (let tries = 0; tries < 8; tries++) {
    const r = rng.pick(residents);
    if (lives(r)) return r;
  }
  return residents.find(lives) ?? residents[0];
}

/**
 * Who went: everyone who lives there (pAll), one of them (pOne) — as often as not the head, who went to
 * work or to see the family — or two, the head and one other.
 */
function travellers(
  rng: Prng,
  residents: readonly StoryResident[],
  pAll: number,
  pOne: number,
): StoryResident[] {
  const present = residents.filter(lives);
  const u = rng.next();
  if (present.length <= 1 || u < pAll) return present;
  if (u < pAll + pOne) return [rng.chance(0.5) ? present[0] : rng.pick(present)];
  if (present.length === 2) return present;
  return [present[0], present[1 + rng.below(present.length - 1)]];
}
