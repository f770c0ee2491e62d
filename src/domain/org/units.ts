import type { Locale } from '../i18n/messages';

// The tree: province 省 > city 市 > county 区县 > town 街道/乡镇 > village 社区/村 (official divisions with
// national codes) > grid 网格 > courtyard 小区/楼院 > building 楼栋 (created by the community).

export const OFFICIAL_KINDS = ['province', 'city', 'county', 'town', 'village'] as const;
export const LOCAL_KINDS = ['grid', 'courtyard', 'building'] as const;
export const UNIT_KINDS = [...OFFICIAL_KINDS, ...LOCAL_KINDS] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export type LocalKind = (typeof LOCAL_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, Record<Locale, string>> = {
  province: { 'zh-CN': '省', en: 'province' },
  city: { 'zh-CN': '市', en: 'city' },
  county: { 'zh-CN': '区县', en: 'county' },
  town: { 'zh-CN': '街道/乡镇', en: 'street/town' },
  village: { 'zh-CN': '社区/村', en: 'community/village' },
  grid: { 'zh-CN': '网格', en: 'grid' },
  courtyard: { 'zh-CN': '小区/楼院', en: 'courtyard' },
  building: { 'zh-CN': '楼栋', en: 'building' },
};

/** Where a community may put the units it creates (bungalow villages have buildings straight under a grid). */
export const ALLOWED_PARENTS: Record<LocalKind, readonly UnitKind[]> = {
  grid: ['village'],
  courtyard: ['village', 'grid'],
  building: ['village', 'grid', 'courtyard'],
};

export function isLocalKind(kind: string): kind is LocalKind {
  return (LOCAL_KINDS as readonly string[]).includes(kind);
}

export function mayContain(parentKind: string, childKind: LocalKind): boolean {
  return (ALLOWED_PARENTS[childKind] as readonly string[]).includes(parentKind);
}

/** Letter of the code of a unit a community creates: 410105002008G03, …Y01, …B0012. */
export const LOCAL_CODE_LETTER: Record<LocalKind, string> = { grid: 'G', courtyard: 'Y', building: 'B' };

export function localUnitCode(communityCode: string, kind: LocalKind, n: number): string {
  return `${communityCode}${LOCAL_CODE_LETTER[kind]}${String(n).padStart(kind === 'building' ? 4 : 2, '0')}`;
}

/** The label of a unit in the materialised path: its code, or for local units the part after the community. */
export function pathLabel(code: string, communityCode: string | undefined): string {
  return communityCode && code.startsWith(communityCode) && code.length > communityCode.length
    ? code.slice(communityCode.length)
    : code;
}

const OFFICIAL_CODE = /^(\d{6}|\d{9}|\d{12})$/;
const LOCAL_CODE = /^\d{12}[GYB]\d{2,6}$/;

/**
 * A unit code as typed in a URL or a sheet: '41' and '4101' are the province and city in their short
 * forms (GB/T 2260 pads them to six digits: 410000, 410100). Returns undefined when it cannot be a code.
 */
export function normaliseUnitCode(input: string): string | undefined {
  const s = input.trim().toUpperCase();
  if (/^\d{2}$/.test(s)) return `${s}0000`;
  if (/^\d{4}$/.test(s)) return `${s}00`;
  if (OFFICIAL_CODE.test(s) || LOCAL_CODE.test(s)) return s;
  return undefined;
}

/** The official kind a code's length implies (province 410000, city 410100, county 410105 …). */
export function officialKindOf(code: string): UnitKind | undefined {
  if (code.length === 12) return 'village';
  if (code.length === 9) return 'town';
  if (code.length !== 6) return undefined;
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

export const FACILITY_KINDS = [
  'checkpoint', // 卡点/防疫服务站
  'testing_site', // 采样点
  'isolation_site', // 集中隔离点/医学观察点
  'designated_hospital', // 定点医院
  'fever_clinic', // 发热门诊
  'warehouse', // 物资仓库
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

export const FACILITY_KIND_LABELS: Record<FacilityKind, Record<Locale, string>> = {
  checkpoint: { 'zh-CN': '卡点/防疫服务站', en: 'checkpoint / service station' },
  testing_site: { 'zh-CN': '采样点', en: 'testing site' },
  isolation_site: { 'zh-CN': '隔离点', en: 'isolation site' },
  designated_hospital: { 'zh-CN': '定点医院', en: 'designated hospital' },
  fever_clinic: { 'zh-CN': '发热门诊', en: 'fever clinic' },
  warehouse: { 'zh-CN': '物资仓库', en: 'warehouse' },
};

/** Every ancestor path of a path, root first, the path itself last: 'a.b.c' → ['a', 'a.b', 'a.b.c']. */
export function pathPrefixes(path: string): string[] {
  const labels = path.split('.');
  return labels.map((_, i) => labels.slice(0, i + 1).join('.'));
}

/** Whether `path` lies in the subtree of `root` (itself included). */
export function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}.`);
}
