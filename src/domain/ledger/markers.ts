// 标注 — the markers drawn on top of a household's colour in the ledger and on the building view. Pure, no
// I/O. From 省民航社区 (source 000): "再用党旗、星星之类的把党员、楼栋长等志愿者标注起来。对咱的低保、残疾
// 家庭用红心给标注起来" — flags and stars so that helpers can be found, red hearts so that the families who
// need help get it. Issue 3 adds elderly people living alone and the immobile (hearts): who needs help,
// and who must be sampled at the door later (上门采样; source 004: an immobile woman tested at home).

import type { Locale } from '../i18n/messages';
import { toHalfWidth } from '../validators/text';

export const MARKERS = [
  'party_member',
  'building_leader',
  'volunteer',
  'low_income',
  'disabled',
  'elderly_alone',
  'immobile',
] as const;
export type Marker = (typeof MARKERS)[number];

/**
 * How a marker is drawn: each marker its own symbol, told apart at a glance (issue 10) — the party flag
 * and the star of the reports for party members and building leaders, a badge for volunteers; the red
 * heart of the reports for low-income families, a wheelchair for the disabled, a house for the elderly
 * living alone, a bed for the immobile.
 */
export type MarkerSymbol = 'flag' | 'star' | 'badge' | 'red_heart' | 'wheelchair' | 'home' | 'bed';

export interface MarkerInfo {
  code: Marker;
  label: Record<Locale, string>;
  symbol: MarkerSymbol;
  /** helpers to be found (flags, stars), or people who need help (hearts) */
  group: 'helper' | 'needs_help';
  /** must be sampled at the door in mass testing (上门采样) */
  doorSampling: boolean;
}

export const MARKER_INFO: Record<Marker, MarkerInfo> = {
  party_member: {
    code: 'party_member',
    label: { 'zh-CN': '党员', en: 'party member' },
    symbol: 'flag',
    group: 'helper',
    doorSampling: false,
  },
  building_leader: {
    code: 'building_leader',
    label: { 'zh-CN': '楼栋长', en: 'building leader' },
    symbol: 'star',
    group: 'helper',
    doorSampling: false,
  },
  volunteer: {
    code: 'volunteer',
    label: { 'zh-CN': '志愿者', en: 'volunteer' },
    symbol: 'badge',
    group: 'helper',
    doorSampling: false,
  },
  low_income: {
    code: 'low_income',
    label: { 'zh-CN': '低保', en: 'low income (dibao)' },
    symbol: 'red_heart',
    group: 'needs_help',
    doorSampling: false,
  },
  disabled: {
    code: 'disabled',
    label: { 'zh-CN': '残疾', en: 'disabled' },
    symbol: 'wheelchair',
    group: 'needs_help',
    doorSampling: false,
  },
  elderly_alone: {
    code: 'elderly_alone',
    label: { 'zh-CN': '独居老人', en: 'elderly, living alone' },
    symbol: 'home',
    group: 'needs_help',
    doorSampling: false,
  },
  immobile: {
    code: 'immobile',
    label: { 'zh-CN': '行动不便', en: 'immobile' },
    symbol: 'bed',
    group: 'needs_help',
    doorSampling: true,
  },
};

export function isMarker(s: unknown): s is Marker {
  return typeof s === 'string' && (MARKERS as readonly string[]).includes(s);
}

const MARKER_WORDS: Record<string, Marker> = {};
for (const m of MARKERS) {
  MARKER_WORDS[m] = m;
  MARKER_WORDS[MARKER_INFO[m].label['zh-CN']] = m;
  MARKER_WORDS[MARKER_INFO[m].label.en.replace(/\s/g, '').toLowerCase()] = m;
}
for (const [w, m] of Object.entries({
  中共党员: 'party_member',
  共产党员: 'party_member',
  中共预备党员: 'party_member',
  预备党员: 'party_member',
  楼长: 'building_leader',
  楼院长: 'building_leader',
  单元长: 'building_leader',
  志愿: 'volunteer',
  低保户: 'low_income',
  最低生活保障: 'low_income',
  残疾人: 'disabled',
  残障: 'disabled',
  独居: 'elderly_alone',
  独居老年人: 'elderly_alone',
  行动不便者: 'immobile',
  卧床: 'immobile',
  失能: 'immobile',
} as const)) {
  MARKER_WORDS[w] = m;
}

/** One marker as written in a ledger cell: '党员', '中共党员', '楼长', '低保户', 'volunteer' … */
export function parseMarker(input: string): Marker | undefined {
  const s = toHalfWidth(input)
    .replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '')
    .toLowerCase();
  return s === '' ? undefined : MARKER_WORDS[s];
}

/**
 * The markers of a cell that lists several ('党员、低保', '志愿者/楼栋长', '残疾,独居老人'): the known ones in
 * canonical order, each once, and the parts that are not markers (for the importer to report).
 */
export function parseMarkers(input: string): { markers: Marker[]; unknown: string[] } {
  const found = new Set<Marker>();
  const unknown: string[] = [];
  for (const chunk of toHalfWidth(input).split(/[,，、;；/|\n]+/)) {
    if (chunk.trim() === '') continue;
    // 'party member' as a whole, else '党员 志愿者' as words
    const whole = parseMarker(chunk);
    for (const part of whole ? [chunk] : chunk.trim().split(/\s+/)) {
      const m = whole ?? parseMarker(part);
      if (m) found.add(m);
      else unknown.push(part.trim());
    }
  }
  return { markers: MARKERS.filter((m) => found.has(m)), unknown };
}

/** The part of a resident that householdMarkers reads. */
export interface MarkedResident {
  markers?: readonly Marker[];
  /** lives in the household now (default true); those who do not are left out */
  present?: boolean;
}

/** A marker of a household: how many of its residents carry it, and which (indexes in the list given). */
export interface HouseholdMarker {
  marker: Marker;
  symbol: MarkerSymbol;
  count: number;
  residentIndexes: number[];
  /** set on the household itself (a 低保户 is granted to the family), not only on residents */
  onHousehold: boolean;
}

/**
 * A household's markers from its residents' (and its own: a low-income grant is a family's): each
 * marker once, in the canonical order of MARKERS (flags and stars first, then hearts), with the count of
 * residents who carry it. Residents who do not live there (present: false) are left out: a party member
 * who moved away cannot be found at this door.
 */
export function householdMarkers(
  residents: readonly MarkedResident[],
  own: readonly Marker[] = [],
): HouseholdMarker[] {
  const by = new Map<Marker, number[]>();
  residents.forEach((r, i) => {
    if (r.present === false) return;
    for (const m of new Set(r.markers ?? [])) {
      if (!isMarker(m)) continue;
      const list = by.get(m) ?? [];
      list.push(i);
      by.set(m, list);
    }
  });
  const onHousehold = new Set(own.filter(isMarker));
  return MARKERS.filter((m) => by.has(m) || onHousehold.has(m)).map((m) => {
    const residentIndexes = by.get(m) ?? [];
    return {
      marker: m,
      symbol: MARKER_INFO[m].symbol,
      count: residentIndexes.length,
      residentIndexes,
      onHousehold: onHousehold.has(m),
    };
  });
}
