import type { Locale } from '../i18n/messages';

// 生活保障 — what a household that cannot go out asks for: goods (rice, flour, oil, vegetables, medicine…)
// counted in the units a community office and a supermarket use (斤, 袋, 桶, 盒), and help that is not
// goods (三送: meals, books, psychological support; a visit to the doctor, an errand). Pure, no I/O.

/** Units of the goods: 斤 (500 g), 袋, 桶, 盒, 件, 份. */
export const CARE_UNITS = ['jin', 'bag', 'bucket', 'box', 'piece', 'portion'] as const;
export type CareUnit = (typeof CARE_UNITS)[number];

export const UNIT_LABELS: Record<CareUnit, Record<Locale, string>> = {
  jin: { 'zh-CN': '斤', en: 'jin (500 g)' },
  bag: { 'zh-CN': '袋', en: 'bag' },
  bucket: { 'zh-CN': '桶', en: 'jug' },
  box: { 'zh-CN': '盒', en: 'box' },
  piece: { 'zh-CN': '件', en: 'piece' },
  portion: { 'zh-CN': '份', en: 'portion' },
};

export const ITEM_KINDS = [
  'rice',
  'flour',
  'oil',
  'vegetables',
  'meat',
  'eggs',
  'milk',
  'noodles',
  'medicine',
  'necessities',
  'other',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface ItemKindInfo {
  kind: ItemKind;
  label: Record<Locale, string>;
  /** the units it may be asked in, the usual one first (the default) */
  units: readonly CareUnit[];
  /** the name is required (which medicine; what else), or only a precision (东北大米, 青菜) */
  nameRequired: boolean;
}

const info = (
  kind: ItemKind,
  zh: string,
  en: string,
  units: readonly CareUnit[],
  nameRequired = false,
): ItemKindInfo => ({ kind, label: { 'zh-CN': zh, en }, units, nameRequired });

/** The kinds of goods, in the order the day's list prints them (粮油 first, as the reports collect them). */
export const ITEM_KIND_INFO: Record<ItemKind, ItemKindInfo> = {
  rice: info('rice', '大米', 'rice', ['jin', 'bag']),
  flour: info('flour', '面粉', 'flour', ['jin', 'bag']),
  oil: info('oil', '食用油', 'cooking oil', ['bucket']),
  vegetables: info('vegetables', '蔬菜', 'vegetables', ['jin', 'portion']),
  meat: info('meat', '肉类', 'meat', ['jin']),
  eggs: info('eggs', '鸡蛋', 'eggs', ['jin', 'box']),
  milk: info('milk', '牛奶', 'milk', ['box']),
  noodles: info('noodles', '面条/方便面', 'noodles', ['bag', 'box']),
  medicine: info('medicine', '药品', 'medicine', ['box', 'piece'], true),
  necessities: info('necessities', '生活用品', 'daily necessities', ['piece', 'bag', 'box']),
  other: info('other', '其他', 'other', ['piece', 'bag', 'box', 'jin', 'portion'], true),
};

/** Help that is not goods: 三送 (送餐, 送书, 心理疏导), a visit to the doctor, an errand, anything else. */
export const HELP_KINDS = ['meals', 'books', 'counselling', 'medical', 'errand', 'other'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

export const HELP_LABELS: Record<HelpKind, Record<Locale, string>> = {
  meals: { 'zh-CN': '送餐', en: 'meals delivered' },
  books: { 'zh-CN': '送书', en: 'books' },
  counselling: { 'zh-CN': '心理疏导', en: 'psychological support' },
  medical: { 'zh-CN': '就医协助', en: 'help to see a doctor' },
  errand: { 'zh-CN': '代办事项', en: 'an errand' },
  other: { 'zh-CN': '其他帮助', en: 'other help' },
};

export function isItemKind(s: unknown): s is ItemKind {
  return typeof s === 'string' && (ITEM_KINDS as readonly string[]).includes(s);
}

export function isCareUnit(s: unknown): s is CareUnit {
  return typeof s === 'string' && (CARE_UNITS as readonly string[]).includes(s);
}

export function isHelpKind(s: unknown): s is HelpKind {
  return typeof s === 'string' && (HELP_KINDS as readonly string[]).includes(s);
}

/** An item as stored: quantity in the unit, to one decimal (半斤 = 0.5); name null when none. */
export interface CareItem {
  kind: ItemKind;
  quantity: number;
  unit: CareUnit;
  name: string | null;
}

/** '大米 10斤', '药品（硝苯地平）2盒', 'rice 10 jin (500 g)' */
export function itemText(item: CareItem, locale: Locale): string {
  const kind = ITEM_KIND_INFO[item.kind].label[locale];
  const unit = UNIT_LABELS[item.unit][locale];
  if (locale === 'en') return `${kind}${item.name ? ` (${item.name})` : ''} ${item.quantity} ${unit}`;
  return `${kind}${item.name ? `（${item.name}）` : ''}${item.quantity}${unit}`;
}
