// The demo city's households and residents, generated: pure, deterministic (a seed gives the same
// households on every run) and fast enough for the benchmarks' 12 million residents. Households are laid
// out door by door in buildings (building → entrance 单元 → floor → door 101, 102, 201 …), with residents
// composed as families are (composition.ts), named (names.ts), given unique valid ID numbers
// (idNumbers.ts), phones, work units and markers, and facts that tell what happened to them around the
// Spring Festival of 2020 (facts.ts). Each household's colour is derived from those facts by the ledger's
// own rules (deriveColour, once per distinct set of facts: colourMemo.ts); the mix of stories is chosen
// so that the colours come out in the proportions of an early-February Zhengzhou community, and can be
// changed.

import type { Sex } from '../../validators/idNumber';
import { type ColourPolicy, type HouseholdColour, validateColourPolicy } from '../colours';
import { DEMO_KEY_AREAS, isIsoDate } from '../keyAreas';
import type { Marker } from '../markers';
import type { IdType, Relation } from '../sheet/values';
import { ColourMemo } from './colourMemo';
import { composeHousehold, HOUSEHOLD_SIZES, type Member } from './composition';
import { DAY_RANGE, dayOf, isoOf, yearOf } from './days';
import { addMarker, personalMarkers } from './demoMarkers';
import { type DemoFacts, type Story, StoryTeller } from './facts';
import { IdNumberAllocator, type RegionIdNumbers } from './idNumbers';
import { pickName } from './names';
import { pickMobile } from './phones';
import { henanOrigins, otherProvinceOrigins } from './places';
import { Prng, WeightedTable } from './prng';
import { pickWorkUnit } from './workUnits';

export interface DemoResident {
  name: string;
  sex: Sex;
  /** 'YYYY-MM-DD', as in the ID number */
  birthDate: string;
  idType: IdType;
  /** 18 characters, valid (GB 11643), its birth date and sex those of the resident; unique per allocator */
  idNumber: string;
  /** a mobile number; most people of 16 and over have one (the key is there, undefined, when not) */
  phone?: string;
  relation: Relation;
  /** 学生, 退休, 个体, an employer …; undefined for small children (the key is there) */
  workUnit?: string;
  /** in the canonical order of MARKERS */
  markers: Marker[];
  /** what the screening knows; `present: false` for the few registered here who live elsewhere */
  facts: DemoFacts;
}

export interface DemoHousehold {
  /** 1-based index of the building */
  building: number;
  /** the entrance 单元: '1', '2' … */
  entrance: string;
  /** the door 门牌: floor × 100 + n, '101', '302' … */
  door: string;
  floor: number;
  /** nobody lives there (空户): no residents, white */
  empty: boolean;
  /** derived from the residents' facts by deriveColour, never drawn */
  colour: HouseholdColour;
  /** head first */
  residents: DemoResident[];
}

export interface BuildingLayout {
  entrances: number;
  floors: number;
  doorsPerFloor: number;
}

/** Shares of doors by colour; green is the rest. */
export type DemoMix = Partial<Record<'white' | 'yellow' | 'orange' | 'red', number>>;

export interface DemoHouseholdOptions {
  seed: number;
  /** 6-digit county code: the address code of most residents' ID numbers ('410105', 金水区) */
  regionCode: string;
  /** how many residents to generate in all; the last household is cut to reach it exactly */
  residents: number;
  /** the ledger's day, 'YYYY-MM-DD': ages, the window and the isolation periods are counted from it */
  today: string;
  /** default: the city of regionCode ('4101' for a Zhengzhou district) and DEMO_KEY_AREAS */
  policy?: ColourPolicy;
  /** default 3 entrances × 6 floors × 2 doors */
  buildings?: BuildingLayout;
  /** default DEFAULT_MIX */
  mix?: DemoMix;
  /**
   * The ID numbers already given, to share between runs that may use the same address codes (several
   * communities of one district): numbers never repeat within one allocator. Default: a new one.
   */
  ids?: IdNumberAllocator;
}

/**
 * Early February 2020 in a Zhengzhou community, by doors: 5% empty, about 9% back from elsewhere within
 * 14 days, 1.5% in home isolation, 0.4% of key attention (Wuhan, fever, contact with a case), the rest
 * (about 84%) never left. The reports give no shares; these are plausible, and a parameter.
 */
export const DEFAULT_MIX: Readonly<Required<DemoMix>> = {
  white: 0.05,
  yellow: 0.09,
  orange: 0.015,
  red: 0.004,
};

export const DEFAULT_BUILDING_LAYOUT: Readonly<BuildingLayout> = {
  entrances: 3,
  floors: 6,
  doorsPerFloor: 2,
};

/** Shares of residents whose ID number was issued here, elsewhere in Henan, in another province. */
const ORIGIN_ADULT = { home: 0.82, henan: 0.12 } as const;
const ORIGIN_CHILD = { home: 0.95, henan: 0.04 } as const;

/** The story of each door: empty, or what happened to the household (see facts.ts). */
type DoorStory = Story | 'empty';

function checkOptions(opts: DemoHouseholdOptions): void {
  if (!Number.isInteger(opts.seed)) throw new RangeError(`seed must be an integer: ${opts.seed}`);
  if (!/^\d{6}$/.test(opts.regionCode))
    throw new RangeError(`regionCode must be 6 digits: ${opts.regionCode}`);
  if (!(Number.isInteger(opts.residents) && opts.residents >= 0)) {
    throw new RangeError(`residents must be an integer ≥ 0: ${opts.residents}`);
  }
  if (!isIsoDate(opts.today) || opts.today < '1990-01-01' || opts.today > '2100-12-31') {
    throw new RangeError(`today must be a YYYY-MM-DD date in 1990–2100: ${opts.today}`);
  }
  const b = opts.buildings;
  if (b !== undefined) {
    for (const [k, max] of [
      ['entrances', 99],
      ['floors', 99],
      ['doorsPerFloor', 99],
    ] as const) {
      const v = b[k];
      if (!(Number.isInteger(v) && v >= 1 && v <= max))
        throw new RangeError(`buildings.${k} must be 1..${max}: ${v}`);
    }
  }
  if (opts.policy !== undefined) {
    const issues = validateColourPolicy(opts.policy);
    if (issues.length > 0) {
      throw new RangeError(`invalid colour policy: ${issues.map((i) => `${i.field} ${i.code}`).join(', ')}`);
    }
  }
}

function doorStories(mix: DemoMix | undefined): WeightedTable<DoorStory> {
  const m = { ...DEFAULT_MIX, ...mix };
  let sum = 0;
  for (const [k, v] of Object.entries(m)) {
    if (!(Number.isFinite(v) && v >= 0 && v <= 1)) throw new RangeError(`mix.${k} must be in 0..1: ${v}`);
    sum += v;
  }
  if (sum > 1 + 1e-9) throw new RangeError(`the mix adds up to more than 1: ${sum}`);
  if (m.white >= 1) throw new RangeError('mix.white must be below 1: nobody would live anywhere');
  return new WeightedTable<DoorStory>([
    ['empty', m.white],
    ['key_attention', m.red],
    ['home_isolation', m.orange],
    ['returned', m.yellow],
    ['stayed', Math.max(0, 1 - sum)],
  ]);
}

/**
 * Generates households until `residents` residents are placed: building after building, entrance after
 * entrance, floor after floor. Deterministic: the same options give the same households. Options are
 * checked at once (a RangeError), the households come as they are iterated.
 */
export function generateHouseholds(opts: DemoHouseholdOptions): Generator<DemoHousehold, void, undefined> {
  checkOptions(opts);
  const stories = doorStories(opts.mix);
  const policy: ColourPolicy = opts.policy ?? {
    homeAreaCode: opts.regionCode.slice(0, 4),
    keyAreas: DEMO_KEY_AREAS,
  };
  const teller = new StoryTeller(policy, opts.today);
  const layout = opts.buildings ?? DEFAULT_BUILDING_LAYOUT;
  const ids = opts.ids ?? new IdNumberAllocator();
  ids.region(opts.regionCode); // a RangeError now for an implausible code
  return households(opts, policy, stories, teller, layout, ids);
}

function* households(
  opts: DemoHouseholdOptions,
  policy: ColourPolicy,
  stories: WeightedTable<DoorStory>,
  teller: StoryTeller,
  layout: BuildingLayout,
  ids: IdNumberAllocator,
): Generator<DemoHousehold, void, undefined> {
  const rng = new Prng(opts.seed);
  const today = dayOf(opts.today);
  const people = new People(rng, today, opts.regionCode, ids);
  const doors: { floor: number; door: string }[] = [];
  for (let floor = 1; floor <= layout.floors; floor++) {
    for (let n = 1; n <= layout.doorsPerFloor; n++) doors.push({ floor, door: String(floor * 100 + n) });
  }
  const colours = new ColourMemo(policy, opts.today);
  const members: Member[] = [];
  let left = opts.residents;
  for (let building = 1; left > 0; building++) {
    for (let e = 1; e <= layout.entrances && left > 0; e++) {
      const entrance = String(e);
      const batch: DemoHousehold[] = [];
      for (let d = 0; d < doors.length && left > 0; d++) {
        const story = stories.pick(rng);
        const residents: DemoResident[] = [];
        if (story !== 'empty') {
          const size = Math.min(HOUSEHOLD_SIZES.pick(rng), left);
          composeHousehold(rng, size, members);
          people.household(members, residents);
          teller.tell(rng, story, residents);
          left -= size;
        }
        batch.push({
          building,
          entrance,
          door: doors[d].door,
          floor: doors[d].floor,
          empty: residents.length === 0,
          colour: colours.colourOf(residents),
          residents,
        });
      }
      people.appointBuildingLeader();
      yield* batch;
    }
  }
}

/** Turns composed members into residents: birth date, ID number, name, phone, work unit, markers. */
class People {
  private readonly homeIds: RegionIdNumbers;
  private readonly henan: WeightedTable<string>;
  private readonly other: WeightedTable<string>;
  private leader: DemoResident | undefined;
  private leaderScore = -1;

  constructor(
    private readonly rng: Prng,
    private readonly today: number,
    regionCode: string,
    private readonly ids: IdNumberAllocator,
  ) {
    this.homeIds = ids.region(regionCode);
    this.henan = henanOrigins(regionCode);
    this.other = otherProvinceOrigins(regionCode);
  }

  /** The residents of one household, in `out` (head first). */
  household(members: readonly Member[], out: DemoResident[]): void {
    const rng = this.rng;
    for (const m of members) out.push(this.resident(m));
    const head = out[0];
    // 独居老人: someone of 65 or more living alone
    if (members.length === 1 && members[0].age >= 65) addMarker(head.markers, 'elderly_alone');
    // 低保: granted to the family; the ledger marks it on the head. More often where someone is disabled
    // or an old person lives alone.
    const needy = out.some((r) => r.markers.includes('disabled') || r.markers.includes('elderly_alone'));
    if (rng.chance(needy ? 0.06 : 0.016)) addMarker(head.markers, 'low_income');
  }

  private resident(m: Member): DemoResident {
    const rng = this.rng;
    const birth = Math.max(DAY_RANGE.min, this.today - Math.floor((m.age + rng.next()) * 365.2425));
    const regionIds = this.origin(m.age);
    const idNumber = regionIds.next(birth, m.sex);
    const birthDay = regionIds.lastDay;
    // a grown child on the register who studies or works in another city does not live here
    const away =
      (m.relation === 'son' || m.relation === 'daughter') && m.age >= 18 && m.age <= 35 && rng.chance(0.08);
    const age = m.age;
    const resident: DemoResident = {
      name: pickName(rng, m.surname, m.sex, yearOf(birthDay)),
      sex: m.sex,
      birthDate: isoOf(birthDay),
      idType: 'resident_id',
      idNumber,
      phone: age >= 16 && rng.chance(age < 75 ? 0.97 : 0.6) ? pickMobile(rng) : undefined,
      relation: m.relation,
      workUnit: away ? (age <= 22 ? '外地上学' : '外地务工') : pickWorkUnit(rng, age, m.sex),
      markers: personalMarkers(rng, age),
      facts: away ? { present: false } : {},
    };
    if (!away && age >= 18) this.consider(resident, age);
    return resident;
  }

  private origin(age: number): RegionIdNumbers {
    const shares = age < 18 ? ORIGIN_CHILD : ORIGIN_ADULT;
    const u = this.rng.next();
    if (u < shares.home) return this.homeIds;
    return this.ids.region(
      u < shares.home + shares.henan ? this.henan.pick(this.rng) : this.other.pick(this.rng),
    );
  }

  /** 楼栋长 of the entrance whose households were made since the last call: see `consider`. */
  appointBuildingLeader(): void {
    if (this.leader) addMarker(this.leader.markers, 'building_leader');
    this.leader = undefined;
    this.leaderScore = -1;
  }

  /**
   * Keeps the best candidate for building leader of the entrance: an adult who lives there, preferably
   * of 30–70 and a party member (building leaders were mostly retired cadres and party members).
   */
  private consider(r: DemoResident, age: number): void {
    const score =
      (age >= 30 && age <= 70 ? 2 : 0) + (r.markers[0] === 'party_member' ? 1 : 0) + this.rng.next();
    if (score > this.leaderScore) {
      this.leader = r;
      this.leaderScore = score;
    }
  }
}
