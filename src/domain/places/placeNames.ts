// Where a resident has been, read from words as a ledger sheet writes them (去过的地方, 旅居地: '湖北省武汉市',
// '武汉', '湖北武汉武昌区', '孝感、黄冈', '韩国'): each place becomes a GB/T 2260 code (or an ISO 3166 code
// abroad), the code the colour rules and the key-area list speak. A place is read from its start: a
// province (its full or short name), then a city within it, then a county; or a city or county alone when
// its name is the country's only one. What follows the deepest match ('武汉市汉口火车站') is kept only in
// the place's name. Words that say "nowhere" (无, 未外出) are no place. Pure, no I/O: the table of names
// comes from resources/places (tools/divisions/build-places.ts).

import { removeSpaces, toHalfWidth } from '../validators/text';

export interface FoundPlace {
  /** 420100, 420106, 'KR' */
  code: string;
  /** the words as written, for display: '湖北省武汉市' */
  name: string;
}

export type PlaceReading =
  | { ok: true; places: FoundPlace[] }
  /** `text` is the part that is no place known, or names several (朝阳区: Beijing or Changchun) */
  | { ok: false; text: string; reason: 'unknown' | 'ambiguous' };

/** Abroad, as residents name it most (ISO 3166 alpha-2): the places of the reports' time and the neighbours. */
const COUNTRIES: Record<string, string> = {
  韩国: 'KR',
  日本: 'JP',
  美国: 'US',
  意大利: 'IT',
  伊朗: 'IR',
  英国: 'GB',
  法国: 'FR',
  德国: 'DE',
  西班牙: 'ES',
  泰国: 'TH',
  新加坡: 'SG',
  马来西亚: 'MY',
  越南: 'VN',
  缅甸: 'MM',
  俄罗斯: 'RU',
  澳大利亚: 'AU',
  加拿大: 'CA',
  新西兰: 'NZ',
  印度尼西亚: 'ID',
  菲律宾: 'PH',
};

/** What a cell says for "nowhere": no stay. */
const NOWHERE = /^(?:无|否|没有|没去过|无外出|未外出|未离开|未离[\u4e00-\u9fa5]|不涉及|\/|-|—|--)$/;

// the ethnic groups in the names of autonomous prefectures and counties, to find their short names
const ETHNIC =
  /(?:土家|苗|朝鲜|侗|布依|彝|藏|羌|傣|景颇|傈僳|白|哈尼|壮|回|哈萨克|蒙古|柯尔克孜|黎|畲|瑶|纳西|普米|独龙|怒|拉祜|佤|仡佬|水|满|达斡尔|鄂温克|鄂伦春|锡伯|塔吉克|土|撒拉|保安|东乡|裕固|毛南|仫佬|各)族/;

/** The names a place is written by: its own, and the short one (湖北, 武汉, 恩施, 内蒙古). */
export function placeAliases(name: string): string[] {
  const out = new Set([name]);
  const ethnic = ETHNIC.exec(name);
  if (ethnic && ethnic.index >= 2) out.add(name.slice(0, ethnic.index));
  const short = name.replace(/(?:特别行政区|自治区|自治州|自治县|省|市|地区|盟|区|县|旗)$/, '');
  // a one-character short name (the 县 of 滑县) is too easily part of another word
  if (short.length >= 2 && short !== name) out.add(short);
  return [...out];
}

interface Entry {
  code: string;
  name: string;
}

export interface PlaceTable {
  /** alias → the entries written so, by level (2: province, 4: city, 6: county) */
  readonly byAlias: ReadonlyMap<string, Entry[]>;
  /** the longest alias, for reading the start of words */
  readonly longest: number;
}

/** The table of the lines `code<TAB>name` (comment lines start with '#'). */
export function placeTable(lines: Iterable<string>): PlaceTable {
  const byAlias = new Map<string, Entry[]>();
  let longest = 0;
  for (const line of lines) {
    if (line === '' || line.startsWith('#')) continue;
    const [code, name] = line.split('\t');
    if (!/^\d{6}$/.test(code) || !name) continue;
    for (const alias of placeAliases(name)) {
      byAlias.set(alias, [...(byAlias.get(alias) ?? []), { code, name }]);
      longest = Math.max(longest, alias.length);
    }
  }
  return { byAlias, longest };
}

/** The short code of a place: 420000 → 42, 420100 → 4201, 420106 → 420106. */
function shortCode(code: string): string {
  return code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
}

/** The places the start of `text` names, longest name first, within `under` (a short code) when given. */
function startMatches(t: PlaceTable, text: string, under: string | undefined) {
  for (let n = Math.min(t.longest, text.length); n >= 2; n--) {
    const entries = (t.byAlias.get(text.slice(0, n)) ?? []).filter(
      (e) => under === undefined || (e.code.startsWith(under) && shortCode(e.code) !== under),
    );
    if (entries.length) return { length: n, entries };
  }
  return undefined;
}

/** One place: province, city, county as far as the words go. */
function readOne(t: PlaceTable, words: string): FoundPlace | 'unknown' | 'ambiguous' {
  const country = Object.keys(COUNTRIES).find((c) => words.startsWith(c));
  if (country) return { code: COUNTRIES[country], name: words };
  let rest = words;
  let under: string | undefined;
  let found: Entry | undefined;
  for (;;) {
    const m = startMatches(t, rest, under);
    if (!m) break;
    // the same words naming a place and one inside it (北京市 the province and 北京 ...): the broader one
    const levels = new Set(m.entries.map((e) => shortCode(e.code).length));
    const broadest = Math.min(...levels);
    const at = m.entries.filter((e) => shortCode(e.code).length === broadest);
    if (at.length > 1) {
      if (found) break; // a county named twice in one city cannot be: stop at the city
      return 'ambiguous';
    }
    found = at[0];
    under = shortCode(found.code);
    rest = rest.slice(m.length);
    if (under.length === 6 || rest === '') break;
  }
  return found ? { code: found.code, name: words } : 'unknown';
}

/**
 * The places of a cell: none for a blank or "nowhere" (无, 未外出), else each part (split at 、，,;；/ and
 * line breaks) read by readOne. The first part that is no known place, or names several, is answered.
 */
export function readPlaces(t: PlaceTable, cell: string): PlaceReading {
  const text = toHalfWidth(cell).trim();
  if (text === '' || NOWHERE.test(removeSpaces(text))) return { ok: true, places: [] };
  const places: FoundPlace[] = [];
  for (const part of text.split(/[、,;/\n]+/)) {
    const words = removeSpaces(part);
    if (words === '' || NOWHERE.test(words)) continue;
    const one = readOne(t, words);
    if (typeof one === 'string') return { ok: false, text: part.trim(), reason: one };
    if (!places.some((p) => p.code === one.code)) places.push(one);
  }
  return { ok: true, places };
}
