import type { Locale } from '../i18n/messages';

// 重点人员 — a key person: why they are watched (category) and how the case came (source).

/** 重点人员类别: back from a key area, close contact, secondary contact, inbound traveller, fever, other */
export const KEY_PERSON_CATEGORIES = [
  'key_area',
  'close_contact',
  'secondary_contact',
  'inbound',
  'fever',
  'other',
] as const;
export type KeyPersonCategory = (typeof KEY_PERSON_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<KeyPersonCategory, Record<Locale, string>> = {
  key_area: { 'zh-CN': '重点地区返回', en: 'back from a key area' },
  close_contact: { 'zh-CN': '密切接触者', en: 'close contact' },
  secondary_contact: { 'zh-CN': '密接的密接', en: 'secondary contact' },
  inbound: { 'zh-CN': '外地来（返）人员', en: 'inbound traveller' },
  fever: { 'zh-CN': '发热人员', en: 'fever' },
  other: { 'zh-CN': '其他', en: 'other' },
};

/** Where the case came from: a checkpoint hand-over, a screening visit, a list from above (协查名单), walked in */
export const KEY_PERSON_SOURCES = ['checkpoint', 'screening', 'list', 'walk_in', 'other'] as const;
export type KeyPersonSource = (typeof KEY_PERSON_SOURCES)[number];

export const SOURCE_LABELS: Record<KeyPersonSource, Record<Locale, string>> = {
  checkpoint: { 'zh-CN': '卡点移交', en: 'checkpoint hand-over' },
  screening: { 'zh-CN': '入户排查', en: 'screening visit' },
  list: { 'zh-CN': '上级协查名单', en: 'list from above' },
  walk_in: { 'zh-CN': '主动报告', en: 'walked in' },
  other: { 'zh-CN': '其他', en: 'other' },
};

/** The evidence of a case: where they travelled, whom they met and when. */
export interface KeyPersonEvidence {
  /** places and days, as the ledger's stays: a division code, days inclusive */
  travel?: { placeCode: string; placeName?: string; from?: string; to?: string }[];
  /** contact with whom (a name or a case number), the last day they met */
  contactWith?: string;
  contactOn?: string;
  /** anything else said */
  note?: string;
}
