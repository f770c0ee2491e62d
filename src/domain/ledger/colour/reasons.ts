import type { Locale } from '../../i18n/messages';
import type { ContactKind, Symptom, UndatedStay } from './facts';
import type { AttentionColour, HouseholdColour } from './palette';

// ---------------------------------------------------------------------------------------------------
// Reasons: why a household has its colour, as machine codes with their parameters

export interface ResidentRef {
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
      /** the stay had no first day: counted through the window (see TravelStay) */
      undated?: UndatedStay;
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
      undated?: UndatedStay;
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
