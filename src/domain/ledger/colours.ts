// 五色 — the five household colours of the ledger (入户台账), and the rules that derive a household's
// colour from what is known about its residents. Pure, no I/O: the server recomputes and stores the
// colour, the web shows it, the demo generator and the importer use the same rules.
//
// The method is the "four levels, five colours" (四级五色) of 省民航社区, 花园路街道, 金水区, Zhengzhou
// (source 000, "省民航社区：疫情台账上的'五色旗'"): "按红色、橙色、黄色、绿色、白色来区分标记重点关注户、
// 居家隔离户、非疫区返郑无症状户、未离郑无症状户、空户", each household of the ledger in one colour,
// "动态更新着手里的这本'账'" — kept up to date as facts change. The reports give the colours and their
// meaning, not the decision rules; the rules below are how this product reads them (issue 3), each one
// documented where it is applied and configurable per deployment through ColourPolicy.

import type { Locale } from '../i18n/messages';
import { toHalfWidth } from '../validators/text';
import {
  addDays,
  earlierDate,
  isIsoDate,
  type KeyArea,
  keyAreaDuring,
  laterDate,
  normaliseAreaCode,
  validateKeyAreaList,
} from './keyAreas';

// ---------------------------------------------------------------------------------------------------
// The colours as data

export const HOUSEHOLD_COLOURS = ['red', 'orange', 'yellow', 'green', 'white'] as const;
export type HouseholdColour = (typeof HOUSEHOLD_COLOURS)[number];

/** The colours a finding about a resident can give (green is "no finding", white "nobody there"). */
export type AttentionColour = 'red' | 'orange' | 'yellow';

export interface ColourInfo {
  code: HouseholdColour;
  /** the colour's own name: 红 / red */
  name: Record<Locale, string>;
  /** the kind of household it marks, as in the reports: 重点关注户 / key attention */
  label: Record<Locale, string>;
  /** fill of a tile, tag or map area */
  fill: string;
  /** text on the fill (contrast ≥ 4.5:1, WCAG AA) */
  text: string;
  /** outline, so that a white (or yellow) tile shows on a white page (contrast ≥ 3:1 against white) */
  border: string;
  /** red 4 > orange 3 > yellow 2 > green 1; white 0 stands apart: it only means nobody lives there */
  severity: number;
}

export const COLOURS: Record<HouseholdColour, ColourInfo> = {
  red: {
    code: 'red',
    name: { 'zh-CN': '红', en: 'red' },
    label: { 'zh-CN': '重点关注户', en: 'key attention' },
    fill: '#CF1322',
    text: '#FFFFFF',
    border: '#820014',
    severity: 4,
  },
  orange: {
    code: 'orange',
    name: { 'zh-CN': '橙', en: 'orange' },
    label: { 'zh-CN': '居家隔离户', en: 'home isolation' },
    fill: '#FA8C16',
    text: '#1F1F1F',
    border: '#AD4E00',
    severity: 3,
  },
  yellow: {
    code: 'yellow',
    name: { 'zh-CN': '黄', en: 'yellow' },
    label: { 'zh-CN': '非疫区返回无症状户', en: 'returned from a non-epidemic area, no symptoms' },
    fill: '#FADB14',
    text: '#1F1F1F',
    border: '#AD8B00',
    severity: 2,
  },
  green: {
    code: 'green',
    name: { 'zh-CN': '绿', en: 'green' },
    label: { 'zh-CN': '未离开无症状户', en: 'never left, no symptoms' },
    fill: '#52C41A',
    text: '#1F1F1F',
    border: '#237804',
    severity: 1,
  },
  white: {
    code: 'white',
    name: { 'zh-CN': '白', en: 'white' },
    label: { 'zh-CN': '空户', en: 'empty' },
    fill: '#FFFFFF',
    text: '#1F1F1F',
    border: '#8C8C8C',
    severity: 0,
  },
};

/**
 * The label of a colour. The reports name yellow and green after the city (非疫区返郑无症状户, 未离郑无症状户:
 * 郑 is Zhengzhou); given the city's one-character abbreviation, the zh-CN label says it the same way.
 */
export function colourLabel(colour: HouseholdColour, locale: Locale, cityAbbr?: string): string {
  const abbr = cityAbbr?.trim();
  if (locale === 'zh-CN' && abbr) {
    if (colour === 'yellow') return `非疫区返${abbr}无症状户`;
    if (colour === 'green') return `未离${abbr}无症状户`;
  }
  return COLOURS[colour].label[locale];
}

/** Whether `a` is more severe than `b` (red > orange > yellow > green > white). */
export function isMoreSevere(a: HouseholdColour, b: HouseholdColour): boolean {
  return COLOURS[a].severity > COLOURS[b].severity;
}

/** For sorting, most severe first: [...].sort(compareColours) puts red first and white last. */
export function compareColours(a: HouseholdColour, b: HouseholdColour): number {
  return COLOURS[b].severity - COLOURS[a].severity;
}

export function isHouseholdColour(s: unknown): s is HouseholdColour {
  return typeof s === 'string' && (HOUSEHOLD_COLOURS as readonly string[]).includes(s);
}

const COLOUR_WORDS: Record<string, HouseholdColour> = {};
for (const c of HOUSEHOLD_COLOURS) {
  const info = COLOURS[c];
  const zhLabel = info.label['zh-CN'];
  for (const w of [
    c,
    info.name['zh-CN'],
    `${info.name['zh-CN']}色`,
    zhLabel,
    zhLabel.replace(/户$/, ''),
    info.label.en,
  ]) {
    COLOUR_WORDS[w.toLowerCase().replace(/\s/g, '')] = c;
  }
}
for (const [w, c] of Object.entries({
  非疫区返郑无症状户: 'yellow',
  非疫区返郑无症状: 'yellow',
  未离郑无症状户: 'green',
  未离郑无症状: 'green',
} as const)) {
  COLOUR_WORDS[w] = c;
}
const ZH_COLOUR_CHAR: Record<string, HouseholdColour> = {
  红: 'red',
  橙: 'orange',
  黄: 'yellow',
  绿: 'green',
  白: 'white',
};

/**
 * A colour as written in a ledger cell: 'red', '红', '红色', '重点关注户', '空户', '非疫区返郑无症状户', or a
 * colour followed by its meaning ('红（重点关注户）', '黄色-返郑无症状'). Undefined when it is none of them.
 */
export function parseColour(input: string): HouseholdColour | undefined {
  const s = toHalfWidth(input)
    .replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '')
    .toLowerCase();
  if (s === '') return undefined;
  const exact = COLOUR_WORDS[s];
  if (exact) return exact;
  const m = /^([红橙黄绿白])色?[(:·\-—_/|,、（【[]/.exec(s);
  if (m) return ZH_COLOUR_CHAR[m[1]];
  const en = /^(red|orange|yellow|green|white)[(:\-_/|,[]/.exec(s);
  return en ? (en[1] as HouseholdColour) : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Facts about a household, as the screening (入户排查) and the isolation module record them

/**
 * Symptoms asked at the door, after the national diagnosis and treatment guideline (诊疗方案): mainly
 * fever, dry cough, fatigue; some first lose smell or taste; a few have a stuffy or runny nose, sore
 * throat, conjunctivitis, muscle pain, diarrhoea. 'other' is any other discomfort (其他不适).
 */
export const SYMPTOMS = [
  'fever',
  'cough',
  'fatigue',
  'loss_of_smell_taste',
  'shortness_of_breath',
  'sore_throat',
  'nasal_congestion',
  'conjunctivitis',
  'muscle_pain',
  'diarrhoea',
  'other',
] as const;
export type Symptom = (typeof SYMPTOMS)[number];

export const SYMPTOM_LABELS: Record<Symptom, Record<Locale, string>> = {
  fever: { 'zh-CN': '发热', en: 'fever' },
  cough: { 'zh-CN': '干咳/咳嗽', en: 'cough' },
  fatigue: { 'zh-CN': '乏力', en: 'fatigue' },
  loss_of_smell_taste: { 'zh-CN': '嗅觉、味觉减退', en: 'loss of smell or taste' },
  shortness_of_breath: { 'zh-CN': '气促/呼吸困难', en: 'shortness of breath' },
  sore_throat: { 'zh-CN': '咽痛', en: 'sore throat' },
  nasal_congestion: { 'zh-CN': '鼻塞、流涕', en: 'stuffy or runny nose' },
  conjunctivitis: { 'zh-CN': '结膜炎', en: 'conjunctivitis' },
  muscle_pain: { 'zh-CN': '肌痛', en: 'muscle pain' },
  diarrhoea: { 'zh-CN': '腹泻', en: 'diarrhoea' },
  other: { 'zh-CN': '其他不适', en: 'other discomfort' },
};

/** One screening answer about a resident's health on a day (at the door, by phone, or a twice-daily check). */
export interface HealthReport {
  date: string;
  symptoms?: readonly Symptom[];
  /** body temperature in °C, when measured */
  temperatureC?: number;
}

/**
 * A stay away from home: where (a GB/T 2260 division code, as precise as known: '4201', '420106'; or an
 * ISO 3166 country code in capitals, 'KR', for abroad) and the days (inclusive; `to` absent = one day).
 */
export interface TravelStay {
  placeCode: string;
  /** as the resident said it, for display: '武汉市武昌区' */
  placeName?: string;
  from: string;
  to?: string;
}

/** Whom a resident met: a confirmed case, a suspected case, an asymptomatic infection, or a key person. */
export const CONTACT_KINDS = ['confirmed', 'suspected', 'asymptomatic', 'key_person'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CONTACT_KIND_LABELS: Record<ContactKind, Record<Locale, string>> = {
  confirmed: { 'zh-CN': '确诊病例', en: 'confirmed case' },
  suspected: { 'zh-CN': '疑似病例', en: 'suspected case' },
  asymptomatic: { 'zh-CN': '无症状感染者', en: 'asymptomatic infection' },
  key_person: { 'zh-CN': '重点人员', en: 'key person' },
};

export interface Contact {
  kind: ContactKind;
  /** the (last) day they met */
  date: string;
}

/** Isolation states, set by the isolation module; 'none' is the same as no period at all. */
export const ISOLATION_KINDS = ['none', 'home', 'centralised', 'health_monitoring'] as const;
export type IsolationKind = (typeof ISOLATION_KINDS)[number];
export type ActiveIsolationKind = Exclude<IsolationKind, 'none'>;

export const ISOLATION_KIND_LABELS: Record<IsolationKind, Record<Locale, string>> = {
  none: { 'zh-CN': '无', en: 'none' },
  home: { 'zh-CN': '居家隔离', en: 'home isolation' },
  centralised: { 'zh-CN': '集中隔离', en: 'centralised isolation' },
  health_monitoring: { 'zh-CN': '健康监测', en: 'health monitoring' },
};

/** A period of isolation or monitoring, inclusive; `to` absent while it has no planned end. */
export interface IsolationPeriod {
  kind: IsolationKind;
  from?: string;
  to?: string;
}

export interface ResidentFacts {
  /** the resident's id, echoed in the reasons; the reasons always carry the index in `residents` */
  id?: string;
  /**
   * Whether the resident lives in the household now (常住). False for people on the register who live
   * elsewhere, moved out or died. Default true. Someone in centralised isolation still lives here.
   */
  present?: boolean;
  health?: readonly HealthReport[];
  travel?: readonly TravelStay[];
  contacts?: readonly Contact[];
  /** periods planned or past are fine: only a period that covers `today` counts */
  isolation?: readonly IsolationPeriod[];
}

export interface HouseholdFacts {
  residents: readonly ResidentFacts[];
}

// ---------------------------------------------------------------------------------------------------
// The policy a deployment sets

export interface ColourPolicy {
  /**
   * The deployment's own city (or county): its GB/T 2260 code, '4101' or '410100' for 郑州市. A stay
   * outside it is "left the city" (离郑); a stay inside it is not travel.
   */
  homeAreaCode: string;
  /** the key areas with their dates (see keyAreas.ts) */
  keyAreas: readonly KeyArea[];
  /** how many days back a stay, a contact or a symptom counts; default 14 */
  windowDays?: number;
  /** a temperature at or above this is a fever; default 37.3 °C, the checkpoint threshold */
  feverThresholdC?: number;
  /** the colour each active isolation gives; default centralised red, home orange, health monitoring yellow */
  isolationColours?: Partial<Record<ActiveIsolationKind, AttentionColour>>;
  /**
   * The colour a contact with a key person (not a case) gives within the window, or null to leave it out
   * of the colour. Default null: the rules name contacts with confirmed and suspected cases only.
   */
  keyPersonContactColour?: AttentionColour | null;
}

export const DEFAULT_WINDOW_DAYS = 14;
export const DEFAULT_FEVER_THRESHOLD_C = 37.3;
export const DEFAULT_ISOLATION_COLOURS: Readonly<Record<ActiveIsolationKind, AttentionColour>> = {
  centralised: 'red',
  home: 'orange',
  health_monitoring: 'yellow',
};

export interface PolicyIssue {
  field:
    | 'homeAreaCode'
    | 'keyAreas'
    | 'windowDays'
    | 'feverThresholdC'
    | 'isolationColours'
    | 'keyPersonContactColour';
  code: string;
  /** for keyAreas: the entry */
  index?: number;
}

const ATTENTION_COLOURS: readonly string[] = ['red', 'orange', 'yellow'];

/** Checks a deployment's policy; an empty result means it is good. */
export function validateColourPolicy(policy: ColourPolicy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const home = typeof policy.homeAreaCode === 'string' ? policy.homeAreaCode.trim() : '';
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(home) || normaliseAreaCode(home) === undefined) {
    issues.push({ field: 'homeAreaCode', code: 'policy.home_area' });
  }
  if (!Array.isArray(policy.keyAreas as unknown))
    issues.push({ field: 'keyAreas', code: 'policy.key_areas' });
  else {
    for (const i of validateKeyAreaList(policy.keyAreas))
      issues.push({ field: 'keyAreas', code: i.code, index: i.index });
  }
  const w = policy.windowDays;
  if (w !== undefined && !(Number.isInteger(w) && w >= 1 && w <= 366)) {
    issues.push({ field: 'windowDays', code: 'policy.window_days' });
  }
  const f = policy.feverThresholdC;
  if (f !== undefined && !(Number.isFinite(f) && f >= 36 && f <= 40)) {
    issues.push({ field: 'feverThresholdC', code: 'policy.fever_threshold' });
  }
  for (const [k, c] of Object.entries(policy.isolationColours ?? {})) {
    if (
      !['home', 'centralised', 'health_monitoring'].includes(k) ||
      (c !== undefined && !ATTENTION_COLOURS.includes(c))
    ) {
      issues.push({ field: 'isolationColours', code: 'policy.isolation_colour' });
    }
  }
  const k = policy.keyPersonContactColour;
  if (k !== undefined && k !== null && !ATTENTION_COLOURS.includes(k)) {
    issues.push({ field: 'keyPersonContactColour', code: 'policy.key_person_contact_colour' });
  }
  return issues;
}

/**
 * The first day that still counts on `today`: a stay, contact or symptom counts when its (last) day is at
 * most `windowDays` days before today. With 14, on 2020-02-14 a return on 2020-01-31 still counts — the
 * fourteenth day after it, as a 14-day observation counted from the day after the last exposure — and on
 * 2020-02-15 it no longer does.
 */
export function windowStart(today: string, windowDays = DEFAULT_WINDOW_DAYS): string {
  return addDays(today, -windowDays);
}

// ---------------------------------------------------------------------------------------------------
// Reasons: why a household has its colour, as machine codes with their parameters

interface ResidentRef {
  /** index in facts.residents */
  residentIndex: number;
  residentId?: string;
}

export type ColourReason =
  | { code: 'nobody_present'; colour: 'white' }
  | { code: 'stayed_no_symptoms'; colour: 'green' }
  | (ResidentRef & { code: 'symptom'; colour: AttentionColour; date: string; symptoms: Symptom[] })
  | (ResidentRef & { code: 'fever'; colour: AttentionColour; date: string; temperatureC: number })
  | (ResidentRef & {
      code: 'contact_case';
      colour: AttentionColour;
      date: string;
      contact: Exclude<ContactKind, 'key_person'>;
    })
  | (ResidentRef & { code: 'contact_key_person'; colour: AttentionColour; date: string })
  | (ResidentRef & {
      code: 'travel_key_area';
      colour: AttentionColour;
      /** the last day of the stay on which the place was a key area */
      date: string;
      placeCode: string;
      placeName?: string;
      areaCode: string;
      /** the key area's name: '武汉市' */
      area: string;
    })
  | (ResidentRef & {
      code: 'centralised_isolation' | 'home_isolation' | 'health_monitoring';
      colour: AttentionColour;
      from: string;
      to?: string;
    })
  | (ResidentRef & {
      code: 'returned_from_outside';
      colour: AttentionColour;
      /** the last day of the stay within the window */
      date: string;
      placeCode: string;
      placeName?: string;
    })
  | { code: 'override'; colour: HouseholdColour; reason: string; by: string; at: string };

export type ColourReasonCode = ColourReason['code'];

/** Short titles of the reasons, for a tag or a list; the UI fills in who, where and when. */
export const REASON_TITLES: Record<ColourReasonCode, Record<Locale, string>> = {
  nobody_present: { 'zh-CN': '无人居住', en: 'nobody lives here' },
  stayed_no_symptoms: { 'zh-CN': '未离开，无症状', en: 'nobody left, no symptoms' },
  symptom: { 'zh-CN': '有症状', en: 'symptoms' },
  fever: { 'zh-CN': '体温异常（发热）', en: 'fever (temperature)' },
  contact_case: { 'zh-CN': '接触过确诊/疑似病例', en: 'contact with a confirmed or suspected case' },
  contact_key_person: { 'zh-CN': '接触过重点人员', en: 'contact with a key person' },
  travel_key_area: { 'zh-CN': '重点地区旅居史', en: 'stay in a key area' },
  centralised_isolation: { 'zh-CN': '集中隔离中', en: 'in centralised isolation' },
  home_isolation: { 'zh-CN': '居家隔离中', en: 'in home isolation' },
  health_monitoring: { 'zh-CN': '健康监测中', en: 'under health monitoring' },
  returned_from_outside: { 'zh-CN': '外地返回，无症状', en: 'returned from elsewhere, no symptoms' },
  override: { 'zh-CN': '人工标注', en: 'set by hand' },
};

/** The colour rules give; `reasons` explain it (never empty), `milder` are findings it outranks. */
export interface DerivedColour {
  colour: HouseholdColour;
  reasons: ColourReason[];
  milder: ColourReason[];
}

// ---------------------------------------------------------------------------------------------------
// Checking the facts

export interface FactIssue {
  /** where: 'residents[0].travel[1].from' */
  path: string;
  code:
    | 'fact.date'
    | 'fact.range'
    | 'fact.place'
    | 'fact.symptom'
    | 'fact.temperature'
    | 'fact.kind'
    | 'fact.shape';
}

const COUNTRY_CODE = /^[A-Z]{2,3}$/;

/** Whether a travel place is a division code or a country code (see TravelStay). */
export function isPlaceCode(s: unknown): s is string {
  return typeof s === 'string' && (normaliseAreaCode(s) !== undefined || COUNTRY_CODE.test(s));
}

function arrayOrEmpty<T>(a: readonly T[] | undefined): readonly T[] {
  return a ?? [];
}

/**
 * Checks a household's facts: real dates, ranges in order, known symptoms and kinds, a plausible
 * temperature (30–45 °C; 373 is a missing dot, not a fever), known place codes. The server validates
 * what it stores with this; deriveColour refuses facts that fail it rather than give a wrong colour.
 */
export function validateHouseholdFacts(facts: HouseholdFacts): FactIssue[] {
  const issues: FactIssue[] = [];
  if (!facts || !Array.isArray(facts.residents as unknown))
    return [{ path: 'residents', code: 'fact.shape' }];
  const date = (v: unknown, path: string) => {
    if (!isIsoDate(v)) issues.push({ path, code: 'fact.date' });
    return isIsoDate(v);
  };
  facts.residents.forEach((r, i) => {
    const at = `residents[${i}]`;
    if (typeof (r as unknown) !== 'object' || r === null) {
      issues.push({ path: at, code: 'fact.shape' });
      return;
    }
    arrayOrEmpty(r.health).forEach((h, j) => {
      const p = `${at}.health[${j}]`;
      date(h.date, `${p}.date`);
      arrayOrEmpty(h.symptoms).forEach((s, k) => {
        if (!(SYMPTOMS as readonly string[]).includes(s))
          issues.push({ path: `${p}.symptoms[${k}]`, code: 'fact.symptom' });
      });
      const t = h.temperatureC;
      if (t !== undefined && !(typeof t === 'number' && Number.isFinite(t) && t >= 30 && t <= 45)) {
        issues.push({ path: `${p}.temperatureC`, code: 'fact.temperature' });
      }
    });
    arrayOrEmpty(r.travel).forEach((s, j) => {
      const p = `${at}.travel[${j}]`;
      if (!isPlaceCode(s.placeCode)) issues.push({ path: `${p}.placeCode`, code: 'fact.place' });
      const fromOk = date(s.from, `${p}.from`);
      if (s.to !== undefined && date(s.to, `${p}.to`) && fromOk && s.to < s.from) {
        issues.push({ path: `${p}.to`, code: 'fact.range' });
      }
    });
    arrayOrEmpty(r.contacts).forEach((c, j) => {
      const p = `${at}.contacts[${j}]`;
      if (!(CONTACT_KINDS as readonly string[]).includes(c.kind))
        issues.push({ path: `${p}.kind`, code: 'fact.kind' });
      date(c.date, `${p}.date`);
    });
    arrayOrEmpty(r.isolation).forEach((s, j) => {
      const p = `${at}.isolation[${j}]`;
      if (!(ISOLATION_KINDS as readonly string[]).includes(s.kind)) {
        issues.push({ path: `${p}.kind`, code: 'fact.kind' });
        return;
      }
      if (s.kind === 'none') return;
      const fromOk = date(s.from, `${p}.from`);
      if (s.to !== undefined && date(s.to, `${p}.to`) && fromOk && s.to < (s.from as string)) {
        issues.push({ path: `${p}.to`, code: 'fact.range' });
      }
    });
  });
  return issues;
}

// ---------------------------------------------------------------------------------------------------
// The rules

const ISOLATION_REASON = {
  centralised: 'centralised_isolation',
  home: 'home_isolation',
  health_monitoring: 'health_monitoring',
} as const;

interface Context {
  today: string;
  since: string;
  home: string;
  keyAreas: readonly KeyArea[];
  feverC: number;
  isolationColours: Record<ActiveIsolationKind, AttentionColour>;
  keyPersonContactColour: AttentionColour | null;
}

/** Keeps one reason per key, the one with the latest date. */
function keepLatest(
  found: Map<string, ColourReason & { date: string }>,
  key: string,
  r: ColourReason & { date: string },
) {
  const had = found.get(key);
  if (had === undefined || r.date > had.date) found.set(key, r);
}

function residentFindings(r: ResidentFacts, residentIndex: number, ctx: Context): ColourReason[] {
  const ref: ResidentRef = r.id === undefined ? { residentIndex } : { residentIndex, residentId: r.id };
  const dated = new Map<string, ColourReason & { date: string }>();
  const inWindow = (d: string) => ctx.since <= d && d <= ctx.today;

  // Rule R1 (red, 重点关注): a symptom (fever, cough … any answer but "none") or a temperature at or above
  // the fever threshold (37.3 °C) in a health report within the window. The reports' checkpoints and
  // doors all "measure the temperature, ask about the body" (测量人员体温，询问身体情况, source 000).
  for (const h of arrayOrEmpty(r.health)) {
    if (!inWindow(h.date)) continue;
    if (h.symptoms && h.symptoms.length > 0) {
      keepLatest(dated, 'symptom', {
        ...ref,
        code: 'symptom',
        colour: 'red',
        date: h.date,
        symptoms: [...h.symptoms],
      });
    }
    if (h.temperatureC !== undefined && h.temperatureC >= ctx.feverC) {
      keepLatest(dated, 'fever', {
        ...ref,
        code: 'fever',
        colour: 'red',
        date: h.date,
        temperatureC: h.temperatureC,
      });
    }
  }

  // Rule R2 (red): a contact with a confirmed or suspected case (or an asymptomatic infection, which the
  // rules of the time treated as a case) within the window — "跟谁接触过?" at the door. A contact with a key
  // person gives the policy's keyPersonContactColour (default: none).
  for (const c of arrayOrEmpty(r.contacts)) {
    if (!inWindow(c.date)) continue;
    if (c.kind === 'key_person') {
      if (ctx.keyPersonContactColour !== null) {
        keepLatest(dated, 'contact_key_person', {
          ...ref,
          code: 'contact_key_person',
          colour: ctx.keyPersonContactColour,
          date: c.date,
        });
      }
    } else {
      keepLatest(dated, `contact_case|${c.kind}`, {
        ...ref,
        code: 'contact_case',
        colour: 'red',
        date: c.date,
        contact: c.kind,
      });
    }
  }

  // Rule R3 (red) and R5 (yellow): travel, "您近期去过哪?". Only the days of a stay within the window count
  // (from windowStart to today; days after today are not yet travelled). A stay that met a key area on one
  // of those days, within the area's own dates, is red (武汉返郑人员, source 000). Any other stay outside the
  // home city is yellow: returned from a non-epidemic area (非疫区返郑, source 000); green needs a household
  // where nobody left (未离郑). A stay inside the home city is not travel — unless the place is itself on the
  // key-area list (a district of the home city can be one), which R3 checks first.
  for (const s of arrayOrEmpty(r.travel)) {
    const from = laterDate(s.from, ctx.since);
    const to = earlierDate(s.to ?? s.from, ctx.today);
    if (from > to) continue;
    const match = keyAreaDuring(s.placeCode, from, to, ctx.keyAreas);
    if (match) {
      const reason: ColourReason = {
        ...ref,
        code: 'travel_key_area',
        colour: 'red',
        date: match.date,
        placeCode: s.placeCode,
        ...(s.placeName === undefined ? {} : { placeName: s.placeName }),
        areaCode: match.area.code,
        area: match.area.name,
      };
      keepLatest(dated, `travel_key_area|${match.area.code}`, reason);
    } else if (!(normaliseAreaCode(s.placeCode)?.startsWith(ctx.home) ?? false)) {
      keepLatest(dated, `returned_from_outside|${s.placeCode}`, {
        ...ref,
        code: 'returned_from_outside',
        colour: 'yellow',
        date: to,
        placeCode: s.placeCode,
        ...(s.placeName === undefined ? {} : { placeName: s.placeName }),
      });
    }
  }

  // Rule R4 (orange, 居家隔离户): a home isolation period that covers today (from ≤ today ≤ to, `to` absent =
  // not yet ended). Centralised isolation (集中隔离, the resident taken to a site: the household is one of
  // key attention) and health monitoring (健康监测, the mildest measure, after isolation) give the policy's
  // isolationColours, by default red and yellow. A period planned for later or already over gives nothing.
  const isolation: ColourReason[] = [];
  for (const p of arrayOrEmpty(r.isolation)) {
    if (p.kind === 'none' || p.from === undefined) continue;
    if (!(p.from <= ctx.today && (p.to === undefined || ctx.today <= p.to))) continue;
    const code = ISOLATION_REASON[p.kind];
    if (isolation.some((x) => x.code === code)) continue;
    isolation.push({
      ...ref,
      code,
      colour: ctx.isolationColours[p.kind],
      from: p.from,
      ...(p.to === undefined ? {} : { to: p.to }),
    });
  }

  return [...dated.values(), ...isolation];
}

function contextOf(policy: ColourPolicy, today: string): Context {
  if (!isIsoDate(today)) throw new RangeError(`today is not a YYYY-MM-DD date: ${String(today)}`);
  const issues = validateColourPolicy(policy);
  if (issues.length > 0) {
    throw new RangeError(`invalid colour policy: ${issues.map((i) => `${i.field} ${i.code}`).join(', ')}`);
  }
  const windowDays = policy.windowDays ?? DEFAULT_WINDOW_DAYS;
  return {
    today,
    since: windowStart(today, windowDays),
    home: normaliseAreaCode(policy.homeAreaCode) as string,
    keyAreas: policy.keyAreas,
    feverC: policy.feverThresholdC ?? DEFAULT_FEVER_THRESHOLD_C,
    isolationColours: { ...DEFAULT_ISOLATION_COLOURS, ...policy.isolationColours },
    keyPersonContactColour: policy.keyPersonContactColour ?? null,
  };
}

/**
 * The colour of a household on `today` (a reporting day, 'YYYY-MM-DD', Asia/Shanghai) from the facts of
 * its residents, and the reasons for it. Exactly one colour:
 *
 * - W  white (空户) when no resident lives there (none, or every one `present: false`); nothing else is
 *      looked at.
 * - Otherwise each resident who lives there is checked against the rules R1–R5 (in residentFindings),
 *   each finding giving a colour; the household takes the most severe one (red > orange > yellow), so
 *   red wins over orange, and a finding can only make a household more severe, never milder.
 * - G  green (未离开无症状户) when there is no finding: nobody left the city within the window, no symptom,
 *      no case contact, no isolation.
 *
 * Throws a RangeError on a malformed `today`, policy or facts (see validateHouseholdFacts): the caller
 * validates what it stores, and a wrong date must not quietly give a wrong colour.
 */
export function deriveColour(facts: HouseholdFacts, policy: ColourPolicy, today: string): DerivedColour {
  const ctx = contextOf(policy, today);
  const issues = validateHouseholdFacts(facts);
  if (issues.length > 0) {
    throw new RangeError(`invalid household facts: ${issues.map((i) => `${i.path} ${i.code}`).join(', ')}`);
  }
  const findings: ColourReason[] = [];
  let present = 0;
  facts.residents.forEach((r, i) => {
    if (r.present === false) return;
    present++;
    findings.push(...residentFindings(r, i, ctx));
  });
  if (present === 0)
    return { colour: 'white', reasons: [{ code: 'nobody_present', colour: 'white' }], milder: [] };
  if (findings.length === 0) {
    return { colour: 'green', reasons: [{ code: 'stayed_no_symptoms', colour: 'green' }], milder: [] };
  }
  // most severe first; within a colour, by resident and then in the order of the rules (sort is stable)
  findings.sort((a, b) => compareColours(a.colour, b.colour));
  const colour = findings[0].colour;
  return {
    colour,
    reasons: findings.filter((f) => f.colour === colour),
    milder: findings.filter((f) => f.colour !== colour),
  };
}

// ---------------------------------------------------------------------------------------------------
// Overrides by hand, and the history of changes

/** A colour set by hand (a worker who knows better than the facts), with the mandatory reason. */
export interface ColourOverride {
  colour: HouseholdColour;
  reason: string;
  /** user id of who set it */
  by: string;
  /** when: an ISO 8601 instant with its offset ('2020-02-03T09:30:00+08:00', or toISOString()) */
  at: string;
}

export interface OverrideIssue {
  field: 'colour' | 'reason' | 'by' | 'at';
  code: 'override.colour' | 'override.reason_required' | 'override.by_required' | 'override.at';
}

/** The colour a household shows: what the rules derive, or the override by hand when there is one. */
export interface EffectiveColour {
  ok: true;
  colour: HouseholdColour;
  source: 'rules' | 'override';
  /** what the rules say, kept to show beside an override ("set red by hand; the rules say green") */
  derived: DerivedColour;
  override?: ColourOverride;
  /** why it shows this colour: the override, or the rules' reasons */
  reasons: ColourReason[];
}

export type OverrideResult = EffectiveColour | { ok: false; errors: OverrideIssue[] };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Whether `s` is an ISO 8601 instant with an offset. */
export function isInstant(s: unknown): s is string {
  return typeof s === 'string' && INSTANT.test(s) && Number.isFinite(Date.parse(s));
}

/** Checks an override: a colour, a reason that is not blank, who, and when. */
export function validateOverride(o: ColourOverride): OverrideIssue[] {
  const issues: OverrideIssue[] = [];
  if (!isHouseholdColour(o.colour)) issues.push({ field: 'colour', code: 'override.colour' });
  if (typeof o.reason !== 'string' || o.reason.trim() === '') {
    issues.push({ field: 'reason', code: 'override.reason_required' });
  }
  if (typeof o.by !== 'string' || o.by.trim() === '')
    issues.push({ field: 'by', code: 'override.by_required' });
  if (!isInstant(o.at)) issues.push({ field: 'at', code: 'override.at' });
  return issues;
}

/**
 * Rule O: an override by hand replaces the derived colour — any colour, white included — while it stands;
 * it needs a reason that is not blank (a validation error otherwise). Without one, the derived colour.
 */
export function applyOverride(derived: DerivedColour, override?: ColourOverride): OverrideResult {
  if (override === undefined) {
    return { ok: true, colour: derived.colour, source: 'rules', derived, reasons: derived.reasons };
  }
  const errors = validateOverride(override);
  if (errors.length > 0) return { ok: false, errors };
  const o: ColourOverride = { ...override, reason: override.reason.trim(), by: override.by.trim() };
  return {
    ok: true,
    colour: o.colour,
    source: 'override',
    derived,
    override: o,
    reasons: [{ code: 'override', colour: o.colour, reason: o.reason, by: o.by, at: o.at }],
  };
}

/** Why a colour changed: the rules (with their reasons) or a person (with their words). */
export type ColourChangeWhy =
  | { kind: 'rules'; reasons: readonly ColourReason[] }
  | { kind: 'manual'; text: string };

/** A row of the household's colour history (append-only; DESIGN.md rule 2). */
export interface ColourChange {
  /** null for the first colour of a new household */
  from: HouseholdColour | null;
  to: HouseholdColour;
  why: ColourChangeWhy;
  /** user id, or 'system' for a recomputation by the rules */
  who: string;
  /** ISO 8601 instant */
  when: string;
}

/** The user id recorded when the rules, not a person, change a colour. */
export const SYSTEM_ACTOR = 'system';

/**
 * Builds a history row: from, to, why (a person's words, or the rules' reasons), who, when. A blank
 * manual reason is kept as the empty string here — validate with applyOverride before.
 */
export function colourChange(
  from: HouseholdColour | null,
  to: HouseholdColour,
  reason: string | readonly ColourReason[],
  by: string,
  at: string,
): ColourChange {
  const why: ColourChangeWhy =
    typeof reason === 'string'
      ? { kind: 'manual', text: reason.trim() }
      : { kind: 'rules', reasons: [...reason] };
  return { from, to, why, who: by, when: at };
}

/**
 * The history row to write when a household's shown colour becomes `next`, or undefined when it stays
 * the same (no change, no row). An override records its reason and its author; the rules record their
 * reasons and `who` (SYSTEM_ACTOR when a recomputation, the worker when their screening caused it).
 */
export function nextColourChange(
  current: HouseholdColour | null,
  next: EffectiveColour,
  who: string,
  when: string,
): ColourChange | undefined {
  if (current === next.colour) return undefined;
  if (next.source === 'override' && next.override) {
    return colourChange(current, next.colour, next.override.reason, next.override.by, when);
  }
  return colourChange(current, next.colour, next.reasons, who, when);
}
