import type { Locale } from '../../i18n/messages';

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
 *
 * A stay is never dropped for want of dates. When the resident cannot give the first day (`from`
 * absent: "近14天内去过" or "日期不详"), the stay counts as lasting through the whole window up to its last
 * day: `to` when known (a return date, 返郑日期), else the day it was recorded (`recordedOn`: the door
 * asks "where have you been in the last 14 days?"), else today. So an undated stay in a key area is red
 * for a full window after it was recorded, and leaves the window by time like any other stay.
 */
export interface TravelStay {
  placeCode: string;
  /** as the resident said it, for display: '武汉市武昌区' */
  placeName?: string;
  /** the first day; absent when the resident could not say (see `undated`) */
  from?: string;
  to?: string;
  /** what was said instead of dates: within the last window of days (近14天内), or not known (日期不详) */
  undated?: UndatedStay;
  /** the day the stay was recorded (a visit, a form, an import): the last day an undated stay can be */
  recordedOn?: string;
}

export const UNDATED_STAYS = ['recent', 'unknown'] as const;
export type UndatedStay = (typeof UNDATED_STAYS)[number];

export const UNDATED_STAY_LABELS: Record<UndatedStay, Record<Locale, string>> = {
  recent: { 'zh-CN': '近14天内，日期记不清', en: 'within the last 14 days, no dates' },
  unknown: { 'zh-CN': '日期不详', en: 'dates unknown' },
};

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
  /** the isolation module's measure this period stands for ('410105-12'), when it set it */
  ref?: string;
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
