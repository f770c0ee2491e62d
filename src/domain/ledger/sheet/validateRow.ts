// One row of a ledger sheet, mapped to fields, checked and turned into a clean record — a resident, or
// an empty household (空户) — or into the list of what is wrong with it, each with its row, column and a
// message that says how to put it right. Pure, no I/O.

import type { Locale } from '../../i18n/messages';
import { type PlaceTable, readPlaces } from '../../places/placeNames';
import {
  cellText,
  freeText,
  isBlankCell,
  normaliseCode,
  normaliseDate,
  normaliseIdCell,
  normaliseName,
  normaliseText,
} from '../../sheets/normalise';
import { looksLikeExcelMangled, type Sex, validateIdNumber } from '../../validators/idNumber';
import { validatePhone } from '../../validators/phone';
import { toHalfWidth } from '../../validators/text';
import { type HouseholdColour, parseColour, type TravelStay } from '../colours';
import { MARKERS, type Marker, parseMarkers } from '../markers';
import { type ColumnRef, type LedgerField, type MappedRow, PERSON_FIELDS } from './headers';
import { type LedgerError, type LedgerErrorCode, type LedgerMessageKey, ledgerMessage } from './messages';
import { placeholderOf } from './placeholders';
import {
  CHECKED_ID_TYPES,
  type IdType,
  parseEmptyFlag,
  parseFlag,
  parseIdType,
  parseMarkerFlag,
  parseRelation,
  parseSex,
  type Relation,
  SEX_LABELS,
} from './values';

/** Where a household is: building 楼栋, unit 单元, door 门牌 (normalised; '' when the sheet has none). */
export interface HouseholdPlace {
  building: string;
  unit: string;
  door: string;
}

export interface ResidentRecord extends HouseholdPlace {
  kind: 'resident';
  /** the row number in the sheet (1-based) */
  row: number;
  name: string;
  /** from the ID number when there is one, else from the sex column */
  sex?: Sex;
  /** 'YYYY-MM-DD' from the ID number, else from the birth-date column ('YYYY-MM' if it gives only a month) */
  birthDate?: string;
  idType: IdType;
  /** normalised: 18 characters, upper-case X, for the checked types; upper-case letters and digits otherwise */
  idNumber?: string;
  /** the first number of the phone cell, canonical (validatePhone) */
  phone?: string;
  /** further numbers in the same cell ('138…/139…') */
  otherPhones?: string[];
  relation?: Relation;
  /** the sheet's word for the relation when it is not a known one (relation is then 'other') */
  relationText?: string;
  workUnit?: string;
  /** from the markers' own columns and the markers column, in the canonical order */
  markers: Marker[];
  /** words of the markers column that are no marker (退役军人, 孕妇), kept as written */
  tags?: string[];
  /** the household's colour as the sheet gives it on this row */
  colour?: HouseholdColour;
  notes?: string;
  /** where the resident has been (去过的地方), each stay ending on the date back when given (返回日期) */
  travel?: TravelStay[];
}

export interface EmptyHouseholdRecord extends HouseholdPlace {
  kind: 'empty_household';
  row: number;
  colour: 'white';
  notes?: string;
}

export type LedgerRecord = ResidentRecord | EmptyHouseholdRecord;

export interface RowContext {
  /** the row number in the sheet (1-based), for the errors */
  row: number;
  /** the column of each mapped field (columnRefs in headers.ts) */
  columns: Partial<Record<LedgerField, ColumnRef>>;
  locale: Locale;
  /** the day ID numbers and birth dates must not be after; defaults to now */
  today?: Date;
  /**
   * The row's own cells, before merged and "same as above" cells were filled in (defaults to the cells
   * given): whether a row is blank, or names a door of its own, is judged on what the row itself holds.
   */
  own?: MappedRow;
  /** the country's place names, for a sheet with a column of places been (去过的地方) */
  places?: PlaceTable;
  /** the ledger's day 'YYYY-MM-DD': the last day a stay can end, the day an undated one is recorded */
  ledgerDay?: string;
}

export type RowResult =
  /** nothing in any mapped column (or only an ID type, which templates pre-fill) */
  | { kind: 'blank' }
  /** no person and no household of its own: a section heading ('3号楼', '一单元'), a footnote */
  | { kind: 'heading' }
  | { kind: 'accepted'; record: LedgerRecord }
  /** idNumber: the row's ID number when it is valid, for the check for duplicates in the file */
  | { kind: 'rejected'; errors: LedgerError[]; idNumber?: string };

/** longest values kept, in characters */
export const MAX_LENGTH = { name: 50, place: 50, workUnit: 100, notes: 500 } as const;

/** How Excel's General format shows a long number: 410105198001011000 → '4.10105E+17'. */
export function excelShownNumber(n: number): string {
  return n
    .toExponential(5)
    .replace(/\.?0+e/, 'e')
    .replace('e', 'E');
}

/** Today's local calendar date, 'YYYY-MM-DD'. */
function isoLocalDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Parenthesised words without digits ('(本人)', '（儿子）'), and Chinese labels ('手机：'), around numbers. */
const PHONE_NOISE = /[(][^()\d]*[)]|[\u3400-\u9fff]+:?/g;
const PHONE_SEPARATORS = /[/,，、;；|\n]+|\s{2,}/;

/** The numbers of a phone cell: one, or several ('138…/139…', '138…、0371-…'). */
function phoneParts(v: unknown): string[] {
  return toHalfWidth(cellText(v))
    .replace(PHONE_NOISE, ' ')
    .split(PHONE_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

class RowChecker {
  readonly errors: LedgerError[] = [];
  constructor(private readonly ctx: RowContext) {}

  error(
    field: LedgerField | undefined,
    code: LedgerErrorCode,
    params: Record<string, string | number> = {},
    key: LedgerMessageKey = code,
  ): void {
    const col = field === undefined ? undefined : this.ctx.columns[field];
    this.errors.push({
      row: this.ctx.row,
      column: col?.label ?? null,
      columnIndex: col?.index ?? null,
      code,
      message: ledgerMessage(this.ctx.locale, key, params),
    });
  }

  /** the text, or undefined (and an error) when it is longer than max */
  limited(field: LedgerField, text: string, max: number): string | undefined {
    if (text === '') return undefined;
    if ([...text].length <= max) return text;
    this.error(field, 'text.too_long', { max });
    return undefined;
  }
}

function placeOf(cells: MappedRow): HouseholdPlace {
  return {
    building: normaliseCode(cells.building),
    unit: normaliseCode(cells.unit),
    door: normaliseCode(cells.door),
  };
}

function hasPlace(p: HouseholdPlace): boolean {
  return p.building !== '' || p.unit !== '' || p.door !== '';
}

/** the field to blame when the household cannot be placed: the door column, else the building column */
function placeField(ctx: RowContext): LedgerField | undefined {
  return (['door', 'building', 'unit'] as const).find((f) => ctx.columns[f] !== undefined);
}

function checkPlace(check: RowChecker, ctx: RowContext, place: HouseholdPlace): void {
  if (!hasPlace(place)) check.error(placeField(ctx), 'location.required');
  for (const f of ['building', 'unit', 'door'] as const) {
    if ([...place[f]].length > MAX_LENGTH.place) check.error(f, 'text.too_long', { max: MAX_LENGTH.place });
  }
}

/**
 * The fields whose placeholder (无, /, —, 空户) is read as a blank cell: those about a person, the ID type
 * and a colour that is no colour. The place (building, unit, door: a '/' there is a unit of its own, and
 * blanks are filled from above), the notes (kept as typed) and the 空户 column keep what they hold.
 */
const PLACEHOLDER_FIELDS: ReadonlySet<LedgerField> = new Set([...PERSON_FIELDS, 'idType', 'colour']);

/** The row with every placeholder of those fields as a blank cell (the row itself when there is none). */
function withoutPlaceholders(cells: MappedRow): MappedRow {
  let out: MappedRow | undefined;
  for (const f of Object.keys(cells) as LedgerField[]) {
    const v = cells[f];
    if (v === null || v === undefined || !PLACEHOLDER_FIELDS.has(f)) continue;
    const text = cellText(v);
    if (placeholderOf(text) === undefined) continue;
    if (f === 'colour' && parseColour(text) !== undefined) continue; // 空户 as a colour: white
    out ??= { ...cells };
    out[f] = null;
  }
  return out ?? cells;
}

/** the fields of the row that say something about a person (a yes/no marker column only when yes) */
function personFields(own: MappedRow): LedgerField[] {
  return PERSON_FIELDS.filter((f) => {
    const v = own[f];
    if (isBlankCell(v)) return false;
    if ((MARKERS as readonly string[]).includes(f)) return parseFlag(cellText(v));
    return true;
  });
}

function emptyHousehold(
  cells: MappedRow,
  ctx: RowContext,
  place: HouseholdPlace,
  colourText: string,
  colour: HouseholdColour | undefined,
  people: readonly LedgerField[],
): RowResult {
  const check = new RowChecker(ctx);
  if (people.length > 0) check.error(people[0], 'household.empty_with_person');
  if (colourText !== '' && colour !== 'white')
    check.error('colour', 'colour.empty_household', { value: colourText });
  checkPlace(check, ctx, place);
  const notes = check.limited('notes', freeText(cells.notes), MAX_LENGTH.notes);
  if (check.errors.length > 0) return { kind: 'rejected', errors: check.errors };
  return {
    kind: 'accepted',
    record: { kind: 'empty_household', row: ctx.row, ...place, colour: 'white', ...(notes ? { notes } : {}) },
  };
}

interface IdCheck {
  idType: IdType;
  idNumber?: string;
  birthDate?: string;
  sex?: Sex;
}

function checkId(check: RowChecker, cells: MappedRow, ctx: RowContext): IdCheck {
  const typeText = normaliseText(cells.idType);
  const parsedType = typeText === '' ? 'resident_id' : parseIdType(typeText);
  if (parsedType === undefined) check.error('idType', 'id_type.invalid', { value: typeText });
  const idType = parsedType ?? 'other';
  const raw = cells.idNumber;
  if (isBlankCell(raw) || parsedType === undefined) return { idType };

  const text = normaliseIdCell(raw);
  // A JS number from a numeric cell: Excel kept 15 significant digits, an 18-digit ID lost its last three.
  const numeric = typeof raw === 'number' && Math.abs(raw) >= 1e15;
  if (numeric || looksLikeExcelMangled(text)) {
    check.error('idNumber', 'id.excel_number', { shown: numeric ? excelShownNumber(raw) : cellText(raw) });
    return { idType };
  }
  if (!CHECKED_ID_TYPES.has(idType)) {
    if (/^[A-Z0-9]{5,20}$/.test(text.toUpperCase())) return { idType, idNumber: text.toUpperCase() };
    check.error('idNumber', 'id.format');
    return { idType };
  }
  const result = validateIdNumber(text, { today: ctx.today });
  if (result.ok) return { idType, idNumber: result.value, birthDate: result.birthDate, sex: result.sex };
  const key = result.code === 'id.length' && /^\d{15}$/.test(text) ? 'id.length.15' : result.code;
  check.error('idNumber', result.code, { length: [...text].length }, key);
  return { idType };
}

function checkSex(
  check: RowChecker,
  cells: MappedRow,
  ctx: RowContext,
  idSex: Sex | undefined,
): Sex | undefined {
  const text = normaliseText(cells.sex);
  if (text === '') return idSex;
  const sex = parseSex(text);
  if (sex === undefined) check.error('sex', 'sex.invalid', { value: text });
  else if (idSex !== undefined && sex !== idSex)
    check.error('sex', 'sex.id_mismatch', { value: text, expected: SEX_LABELS[idSex][ctx.locale] });
  return idSex ?? sex;
}

function checkBirthDate(
  check: RowChecker,
  cells: MappedRow,
  ctx: RowContext,
  idBirth: string | undefined,
): string | undefined {
  const raw = cells.birthDate;
  if (isBlankCell(raw)) return idBirth;
  const date = normaliseDate(raw);
  const today = isoLocalDate(ctx.today ?? new Date());
  if (date === undefined || date < '1900' || date > today.slice(0, date.length)) {
    check.error('birthDate', 'birth_date.invalid', { value: cellText(raw) });
    return idBirth;
  }
  if (idBirth !== undefined && !idBirth.startsWith(date)) {
    check.error('birthDate', 'birth_date.id_mismatch', { value: date, expected: idBirth });
  }
  return idBirth ?? date;
}

function checkPhone(check: RowChecker, cells: MappedRow): string[] {
  if (isBlankCell(cells.phone)) return [];
  const parts = phoneParts(cells.phone);
  const phones: string[] = [];
  for (const part of parts) {
    const r = validatePhone(part);
    if (!r.ok) {
      check.error('phone', 'phone.format');
      return [];
    }
    if (!phones.includes(r.value)) phones.push(r.value);
  }
  if (phones.length === 0) check.error('phone', 'phone.format');
  return phones;
}

/**
 * Where the resident has been: each place of the places-been cell (readPlaces), ending on the date back
 * when the sheet gives one. The first day is not asked by sheets: a stay is kept undated (日期不详) with
 * the ledger's day as the day it was recorded, so that the rules count it through the window (TravelStay).
 * A place that is no known one, a date back without a place, a date that is none or is after the ledger's
 * day, are errors: a stay is never dropped.
 */
function checkTravel(check: RowChecker, cells: MappedRow, ctx: RowContext): TravelStay[] {
  const placeText = freeText(cells.travelPlace);
  const rawDate = cells.travelDate;
  const today = ctx.ledgerDay ?? isoLocalDate(ctx.today ?? new Date());
  let to: string | undefined;
  if (!isBlankCell(rawDate)) {
    to = normaliseDate(rawDate);
    if (to === undefined || to.length !== 10) {
      check.error('travelDate', 'travel.date_invalid', { value: cellText(rawDate) });
      to = undefined;
    } else if (to > today) {
      check.error('travelDate', 'travel.date_future', { value: to, today });
      to = undefined;
    }
  }
  if (placeText === '') {
    if (!isBlankCell(rawDate))
      check.error(ctx.columns.travelPlace ? 'travelPlace' : 'travelDate', 'travel.place_required', {
        value: cellText(rawDate),
      });
    return [];
  }
  if (!ctx.places) throw new Error('validateRow: a places-been column needs the place names (ctx.places)');
  const read = readPlaces(ctx.places, placeText);
  if (!read.ok) {
    const code = read.reason === 'ambiguous' ? 'travel.place_ambiguous' : 'travel.place_unknown';
    check.error('travelPlace', code, { value: read.text });
    return [];
  }
  return read.places.map((p) => ({
    placeCode: p.code,
    placeName: p.name,
    ...(to ? { to } : {}),
    undated: 'unknown' as const,
    recordedOn: today,
  }));
}

function readMarkers(cells: MappedRow): { markers: Marker[]; tags: string[] } {
  const found = new Set<Marker>();
  for (const m of MARKERS) {
    if (cells[m] !== undefined && parseMarkerFlag(m, cellText(cells[m]))) found.add(m);
  }
  const list = normaliseText(cells.markers);
  const tags: string[] = [];
  if (list !== '') {
    const parsed = parseMarkers(list);
    for (const m of parsed.markers) found.add(m);
    // '无' or '否' in the list column means none
    for (const t of parsed.unknown) if (parseFlag(t) && !tags.includes(t)) tags.push(t);
  }
  return { markers: MARKERS.filter((m) => found.has(m)), tags };
}

/**
 * Checks one mapped row (cells after merged and "same as above" cells were filled in) and says what it
 * is:
 * - blank: nothing in any mapped column (judged on ctx.own) — skipped;
 * - an empty household 空户: marked so (an 空户 column saying yes, 空户/（空户）/空/暂无人员 in the name
 *   column, or white as its colour with no name), or a door of its own with nobody on the row; its place
 *   is required and no person may be given. A placeholder (placeholders.ts: 无, /, —, 暂无) in a person's
 *   column is a blank cell, so a placeholder name is nobody and an empty household's row of '/' is empty;
 * - a heading: no person and no door of its own ('3号楼' alone on a row) — skipped;
 * - a resident: a name and a place are required; the ID number is checked (length, characters, check
 *   character, birth date, region; an ID Excel stored as a number is explained), its sex and birth date
 *   must agree with the sex and birth-date columns; the phone, sex, ID type, colour are checked; the
 *   relation and the markers read.
 */
export function validateRow(given: MappedRow, ctx: RowContext): RowResult {
  const givenOwn = ctx.own ?? given;
  const filled = (Object.keys(givenOwn) as LedgerField[]).filter(
    (f) => f !== 'idType' && !isBlankCell(givenOwn[f]),
  );
  if (filled.length === 0) return { kind: 'blank' };

  // a placeholder (（空户）, 无, /, —) is no value: a placeholder name is no resident, and one that says
  // nobody lives here marks the row an empty household
  const placeholderName = placeholderOf(cellText(given.name));
  const cells = withoutPlaceholders(given);
  const own = ctx.own ? withoutPlaceholders(ctx.own) : cells;
  const place = placeOf(cells);
  const name = normaliseName(cells.name);
  const colourText = normaliseText(cells.colour);
  const colour = colourText === '' ? undefined : parseColour(colourText);
  const people = personFields(own);
  const markedEmpty =
    parseEmptyFlag(cellText(cells.empty)) ||
    placeholderName === 'empty' ||
    (colour === 'white' && name === '');

  if (markedEmpty) return emptyHousehold(cells, ctx, place, colourText, colour, people);
  if (people.length === 0) {
    // nobody on the row: an empty household at a door of its own (or, in a sheet without doors, at a
    // building of its own), unless a colour other than white says people live there
    const ownDoor = !isBlankCell(own.door);
    const ownPlace =
      ownDoor || (ctx.columns.door === undefined && (!isBlankCell(own.building) || !isBlankCell(own.unit)));
    if (ownPlace && colour === undefined && colourText === '')
      return emptyHousehold(cells, ctx, place, colourText, colour, people);
    if (!ownPlace) return { kind: 'heading' };
  }

  const check = new RowChecker(ctx);
  if (name === '') check.error('name', 'name.required');
  // the name as typed is kept; the normalised one only tells a placeholder or a blank
  const okName = check.limited('name', freeText(cells.name), MAX_LENGTH.name);
  checkPlace(check, ctx, place);
  const id = checkId(check, cells, ctx);
  const sex = checkSex(check, cells, ctx, id.sex);
  const birthDate = checkBirthDate(check, cells, ctx, id.birthDate);
  const phones = checkPhone(check, cells);
  const relation = parseRelation(freeText(cells.relation));
  const workUnit = check.limited('workUnit', freeText(cells.workUnit), MAX_LENGTH.workUnit);
  const notes = check.limited('notes', freeText(cells.notes), MAX_LENGTH.notes);
  const { markers, tags } = readMarkers(cells);
  const travel = checkTravel(check, cells, ctx);
  if (colourText !== '' && colour === undefined)
    check.error('colour', 'colour.invalid', { value: colourText });
  if (colour === 'white') check.error('colour', 'colour.white_with_residents');

  if (check.errors.length > 0 || okName === undefined) {
    return { kind: 'rejected', errors: check.errors, ...(id.idNumber ? { idNumber: id.idNumber } : {}) };
  }
  const record: ResidentRecord = {
    kind: 'resident',
    row: ctx.row,
    ...place,
    name: okName,
    idType: id.idType,
    markers,
  };
  if (sex) record.sex = sex;
  if (birthDate) record.birthDate = birthDate;
  if (id.idNumber) record.idNumber = id.idNumber;
  if (phones.length > 0) record.phone = phones[0];
  if (phones.length > 1) record.otherPhones = phones.slice(1);
  if (relation) record.relation = relation.relation;
  if (relation?.text) record.relationText = relation.text;
  if (workUnit) record.workUnit = workUnit;
  if (tags.length > 0) record.tags = tags;
  if (colour) record.colour = colour;
  if (notes) record.notes = notes;
  if (travel.length > 0) record.travel = travel;
  return { kind: 'accepted', record };
}
