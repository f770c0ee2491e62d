import { normaliseIdNumber } from '../validators/idNumber';
import { validatePhone } from '../validators/phone';
import { removeSpaces, toHalfWidth } from '../validators/text';
import { placeKey } from './sheet/households';

// What people type into a search box over the ledger (the desk's, the phone's door list), read as what
// they have in hand: an ID number pasted from a list, a phone number, the last four digits the masked
// forms show, a name in pinyin (full or initials) or in characters, a door ('401', '1-401', '3号楼1单元401')
// or a building ('3号楼', '3栋', '三号楼'). Pure: the server turns each into an indexed condition.

export interface DoorTerm {
  /** the building as placeKey reads it ('3号楼', '3栋', '三号楼' → '3'); undefined: any building */
  building?: string;
  /** the entrance (单元) as stored ('1'); undefined: any entrance */
  entrance?: string;
  /** the door number ('401'); undefined: the whole building */
  door?: string;
}

export type SearchTerm =
  /** a whole ID number (18 characters, X upper-cased): found through the blind index */
  | { kind: 'idNumber'; idNumber: string }
  /** a whole phone number (normalised) */
  | { kind: 'phone'; phone: string }
  /** four digits (or three and X): the end of an ID number or phone, or a door number */
  | { kind: 'tail'; tail: string; door?: DoorTerm }
  /** latin letters: pinyin, full (zhoumingde) or initials (zmd), lower-case */
  | { kind: 'pinyin'; letters: string }
  /** a door or a building (within a community: doors are not indexed across a district) */
  | { kind: 'door'; door: DoorTerm }
  /** the start of a name in characters */
  | { kind: 'name'; name: string };

const CN_NUMBER = '[零〇一二两三四五六七八九十百]+';
const NUMBER = `(?:\\d{1,4}|${CN_NUMBER})`;
// 3号楼 / 3栋 / 3幢 / 三号楼 / 第3栋, 1单元 / 1门, 401 / 401室 / 401号
const BUILDING = `(?:第?(${NUMBER})(?:号楼|栋|幢|楼))`;
const ENTRANCE = `(?:第?(${NUMBER})(?:单元|门))`;
const DOOR = '(\\d{1,5}[A-Za-z]?)(?:室|号|户)?';
const WRITTEN_PLACE = new RegExp(`^${BUILDING}?[-—]?${ENTRANCE}?[-—]?(?:${DOOR})?$`);
// 3-1-401 (building-entrance-door) and 1-401 (entrance-door), as offices write them
const DASHED_3 = /^(\d{1,4})[-—](\d{1,2})[-—](\d{1,5})$/;
const DASHED_2 = /^(\d{1,2})[-—](\d{1,5})$/;

function entranceKey(s: string | undefined): string | undefined {
  return s === undefined ? undefined : placeKey('unit', s);
}

/** A door or building as written ('3号楼1单元401', '1-401', '3-1-401', '3栋'); undefined when it is not one. */
export function parseDoor(text: string): DoorTerm | undefined {
  const s = removeSpaces(toHalfWidth(text));
  if (s === '') return undefined;
  let m = DASHED_3.exec(s);
  if (m) return { building: placeKey('building', m[1]), entrance: entranceKey(m[2]), door: m[3] };
  m = DASHED_2.exec(s);
  if (m) return { entrance: entranceKey(m[1]), door: m[2] };
  m = WRITTEN_PLACE.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return undefined;
  return {
    ...(m[1] !== undefined ? { building: placeKey('building', m[1]) } : {}),
    ...(m[2] !== undefined ? { entrance: entranceKey(m[2]) } : {}),
    ...(m[3] !== undefined ? { door: m[3].toUpperCase() } : {}),
  };
}

/** Reads a search box's text; undefined for blank text. */
export function parseSearchText(text: string): SearchTerm | undefined {
  const s = toHalfWidth(text).trim();
  if (s === '') return undefined;
  const compact = removeSpaces(s);
  const id = normaliseIdNumber(s);
  if (/^\d{17}[\dX]$/.test(id)) return { kind: 'idNumber', idNumber: id };
  if (/^\d{4}$|^\d{3}[Xx]$/.test(compact)) {
    const tail = compact.toUpperCase();
    return /^\d{4}$/.test(tail) ? { kind: 'tail', tail, door: { door: tail } } : { kind: 'tail', tail };
  }
  if (/^[\d\s+()-]{7,}$/.test(s)) {
    const phone = validatePhone(s);
    if (phone.ok) return { kind: 'phone', phone: phone.value };
  }
  if (/^[a-z][a-z\s']*$/i.test(s)) return { kind: 'pinyin', letters: s.replace(/[\s']/g, '').toLowerCase() };
  const door = parseDoor(s);
  if (door) return { kind: 'door', door };
  return { kind: 'name', name: s };
}
