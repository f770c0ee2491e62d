// Residents grouped into households by their place (building, unit, door), and the checks that need the
// whole household: one colour per household, and an empty household (空户) with nobody listed in it.
// Pure, no I/O.

import type { Locale } from '../../i18n/messages';
import { COLOURS, type HouseholdColour } from '../colours';
import { MARKERS, type Marker } from '../markers';
import type { ColumnRef, GroupField, LedgerField } from './headers';
import { type LedgerError, type LedgerErrorCode, ledgerMessage, rowList } from './messages';
import type { EmptyHouseholdRecord, HouseholdPlace, LedgerRecord, ResidentRecord } from './validateRow';

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** A Chinese numeral up to 999 (三, 十二, 二十, 一百零五) as a number; undefined when it is not one. */
export function chineseNumber(s: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(s)) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch === '百' || ch === '十') {
      total += (digit ?? 1) * (ch === '百' ? 100 : 10);
      digit = undefined;
    } else if (digit !== undefined && digit !== 0) {
      return undefined; // 二三: not a number
    } else digit = DIGIT[ch];
  }
  return total + (digit ?? 0);
}

const SUFFIX: Record<GroupField, RegExp> = {
  building: /(?:号楼|号院|栋|幢|座|楼|号|#)$/,
  unit: /(?:单元|单)$/,
  door: /(?:室|号|户|房)$/,
};

/**
 * The part of a place that tells households apart, so that '1号楼', '1栋', '一号楼' and '01' are one
 * building and '2单元', '二单元' and '2' one unit: the value (already normalised by normaliseCode) without
 * a leading 第 and its kind's suffix, a Chinese numeral as digits, leading zeros dropped.
 */
export function placeKey(kind: GroupField, value: string): string {
  const s = value.replace(/^第/, '').replace(SUFFIX[kind], '') || value;
  const n = chineseNumber(s);
  if (n !== undefined) return String(n);
  return /^\d+$/.test(s) ? String(Number(s)) : s;
}

/** The key of a household: its building, unit and door keys. */
export function householdKey(p: HouseholdPlace): string {
  return `${placeKey('building', p.building)}|${placeKey('unit', p.unit)}|${placeKey('door', p.door)}`;
}

export interface Household extends HouseholdPlace {
  key: string;
  /** the sheet rows of the household, in order */
  rows: number[];
  residents: ResidentRecord[];
  /** marked empty (空户), nobody listed */
  empty: boolean;
  /** the colour the sheet gives (white for an empty household); undefined when the rules are to derive it */
  colour?: HouseholdColour;
  /** every marker one of its residents carries, in the canonical order */
  markers: Marker[];
}

export interface GroupContext {
  columns: Partial<Record<LedgerField, ColumnRef>>;
  locale: Locale;
}

export interface Grouped {
  /** in the order of their first row */
  households: Household[];
  /** one colour per household, an empty household with nobody in it; by row */
  errors: LedgerError[];
  /** the rows those errors reject, left out of households */
  rejectedRows: Set<number>;
}

/**
 * Groups accepted rows into households by place. Rejects the rows that contradict their household: a
 * resident whose colour differs from the household's first colour (colour.conflict, naming that row),
 * and an empty-household row at a place where residents are listed (household.empty_conflict, naming
 * their rows). The households are built from the remaining rows.
 */
export function groupHouseholds(records: readonly LedgerRecord[], ctx: GroupContext): Grouped {
  const byKey = new Map<string, LedgerRecord[]>();
  for (const r of [...records].sort((a, b) => a.row - b.row)) {
    const key = householdKey(r);
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }

  const errors: LedgerError[] = [];
  const rejectedRows = new Set<number>();
  const reject = (
    row: number,
    field: LedgerField,
    code: LedgerErrorCode,
    params: Record<string, string | number>,
  ) => {
    const col = ctx.columns[field];
    errors.push({
      row,
      column: col?.label ?? null,
      columnIndex: col?.index ?? null,
      code,
      message: ledgerMessage(ctx.locale, code, params),
    });
    rejectedRows.add(row);
  };

  const households: Household[] = [];
  for (const [key, list] of byKey) {
    const residents = list.filter((r): r is ResidentRecord => r.kind === 'resident');
    const empties = list.filter((r): r is EmptyHouseholdRecord => r.kind === 'empty_household');
    if (residents.length > 0) {
      for (const e of empties) {
        const field = ctx.columns.empty ? 'empty' : ctx.columns.name ? 'name' : 'door';
        reject(e.row, field, 'household.empty_conflict', {
          rows: rowList(
            ctx.locale,
            residents.map((r) => r.row),
          ),
        });
      }
    }
    const first = residents.find((r) => r.colour !== undefined);
    for (const r of residents) {
      if (first?.colour && r.colour && r.colour !== first.colour) {
        reject(r.row, 'colour', 'colour.conflict', {
          row: first.row,
          expected: COLOURS[first.colour].name[ctx.locale],
          value: COLOURS[r.colour].name[ctx.locale],
        });
      }
    }
    const kept = list.filter((r) => !rejectedRows.has(r.row));
    if (kept.length === 0) continue;
    const keptResidents = kept.filter((r): r is ResidentRecord => r.kind === 'resident');
    const empty = keptResidents.length === 0;
    const markers = new Set(keptResidents.flatMap((r) => r.markers));
    households.push({
      key,
      building: kept[0].building,
      unit: kept[0].unit,
      door: kept[0].door,
      rows: kept.map((r) => r.row),
      residents: keptResidents,
      empty,
      ...(empty ? { colour: 'white' as const } : first?.colour ? { colour: first.colour } : {}),
      markers: MARKERS.filter((m) => markers.has(m)),
    });
  }
  households.sort((a, b) => a.rows[0] - b.rows[0]);
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { households, errors, rejectedRows };
}
