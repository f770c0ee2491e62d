import type { Locale } from '../../i18n/messages';
import { cityOfArea } from '../../org/cityNames';
import { toHalfWidth } from '../../validators/text';

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
 * The label of a colour, the one source for the screens, the export, the template and the README. The
 * reports name yellow and green after the city (非疫区返郑无症状户, 未离郑无症状户: 郑 is Zhengzhou): given the
 * deployment's home area (ColourPolicy.homeAreaCode), both languages say it that way; a province, or a
 * city whose short name is not known, gets the plain words (非疫区返回无症状户, 未离开无症状户).
 */
export function colourLabel(colour: HouseholdColour, locale: Locale, homeAreaCode?: string): string {
  const city = cityOfArea(homeAreaCode);
  if (city && colour === 'yellow')
    return locale === 'en'
      ? `returned to ${city.en} from a non-epidemic area, no symptoms`
      : `非疫区返${city.abbr}无症状户`;
  if (city && colour === 'green')
    return locale === 'en' ? `never left ${city.en}, no symptoms` : `未离${city.abbr}无症状户`;
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
const ZH_COLOUR_CHAR: Record<string, HouseholdColour> = {
  红: 'red',
  橙: 'orange',
  黄: 'yellow',
  绿: 'green',
  白: 'white',
};

/**
 * A colour as written in a ledger cell: 'red', '红', '红色', '重点关注户', '空户', '非疫区返郑无症状户' (any
 * city's words, the plain 非疫区返回无症状户 too, and the English of colourLabel), or a colour followed by
 * its meaning ('红（重点关注户）', '黄色-返郑无症状'). Undefined when it is none of them.
 */
export function parseColour(input: string): HouseholdColour | undefined {
  const s = toHalfWidth(input)
    .replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '')
    .toLowerCase();
  if (s === '') return undefined;
  const exact = COLOUR_WORDS[s];
  if (exact) return exact;
  // the words of any city's ledger: 非疫区返郑无症状户, 未离焦无症状 …
  if (/^非疫区返\p{Script=Han}无症状户?$/u.test(s)) return 'yellow';
  if (/^未离\p{Script=Han}无症状户?$/u.test(s)) return 'green';
  if (/^returnedto[a-z]+fromanon-epidemicarea,nosymptoms$/.test(s)) return 'yellow';
  if (/^neverleft[a-z]+,nosymptoms$/.test(s)) return 'green';
  const m = /^([红橙黄绿白])色?[(:·\-—_/|,、（【[]/.exec(s);
  if (m) return ZH_COLOUR_CHAR[m[1]];
  const en = /^(red|orange|yellow|green|white)[(:\-_/|,[]/.exec(s);
  return en ? (en[1] as HouseholdColour) : undefined;
}
