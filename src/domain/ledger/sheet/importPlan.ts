// The import plan (导入计划): what each accepted row of a ledger sheet will do to the ledger — a new
// household, joining a household already at that door, updating a resident already in the ledger (with
// "update residents already in the ledger"), or nothing (already so) — and the rows it refuses: a person
// already in the ledger, a second head of household (户主) in one household, counting the sheet and the
// ledger together. Pure, no I/O: the server finds the doors and the residents, this decides.

import type { Locale } from '../../i18n/messages';
import { maskIdNumber } from '../../validators/idNumber';
import { maskPhone } from '../../validators/phone';
import type { TravelStay } from '../colour/facts';
import type { StoredFacts } from '../household';
import { type FieldChange, type ResidentSnapshot, residentChanges } from '../residentChanges';
import type { ColumnRef, LedgerField } from './headers';
import type { Household } from './households';
import { type LedgerError, type LedgerErrorCode, type LedgerMessageKey, ledgerMessage } from './messages';
import { type SealedRow, sheetResident } from './sheetResident';
import type { ResidentRecord } from './validateRow';

export type PlanAction = 'new' | 'join' | 'update' | 'unchanged';

/** A living resident (present or away) of a household already in the ledger. */
export interface LedgerResident extends ResidentSnapshot {
  /** the resident's record key */
  key: string;
  /** what the ledger holds of their health and movements (the stays an update adds to) */
  facts?: StoredFacts;
}

/** A household already in the ledger at the door a sheet household names. */
export interface LedgerDoor {
  /** the household's record key */
  key: string;
  /** its place as the ledger has it */
  building: string;
  entrance: string;
  door: string;
  residents: readonly LedgerResident[];
}

export interface PlanContext {
  locale: Locale;
  columns: Partial<Record<LedgerField, ColumnRef>>;
  /** the fields the sheet has a column for */
  given: ReadonlySet<LedgerField>;
  /**
   * rows whose ID number is already a living resident's in the ledger → where, as the message names it:
   * '' for a place outside the user's scope, which is never named (issue 11)
   */
  inLedger: ReadonlyMap<number, string>;
  /** each row's ID number's blind index (hex), for the rows with one */
  idKeys: ReadonlyMap<number, string>;
  /** each row's phone's blind index (hex), for the rows with one */
  phoneKeys: ReadonlyMap<number, string>;
  /** "update residents already in the ledger" (更新台账中已有的居民) */
  updateExisting: boolean;
}

export interface PlannedResident {
  record: ResidentRecord;
  action: PlanAction;
  /** for update and unchanged: the resident in the ledger */
  existing?: LedgerResident;
  /** for update: the fields that change */
  changes: FieldChange[];
  /** for update and unchanged: the resident as they will be */
  after?: ResidentSnapshot;
  /** for update: the sheet's stays (去过的地方) the ledger does not hold yet, added to theirs */
  newStays?: TravelStay[];
}

export interface PlannedHousehold {
  /** the sheet's household, its residents and rows those that were not refused */
  household: Household;
  /** the household already at its door, when there is one */
  door?: LedgerDoor;
  residents: PlannedResident[];
}

/** One row of the plan, as the check step lists it. */
export interface PlanRow {
  row: number;
  action: PlanAction;
  /** the resident's name (null for an empty household row, 空户) */
  name: string | null;
  /** where: the door in the ledger for a household already there, else as the sheet has it */
  place: { building: string; entrance: string; door: string };
  /** the household already in the ledger (join, update, unchanged), with its head */
  household?: { key: string; head: string | null };
  /** the resident already in the ledger (update, unchanged) */
  resident?: string;
  changes?: FieldChange[];
  /** the stays an update adds */
  newStays?: TravelStay[];
}

export interface PlanCounts {
  /** rows that make a new household or are residents of one */
  new: number;
  /** rows that join a household already in the ledger */
  joins: number;
  /** rows that update a resident already in the ledger */
  updates: number;
  /** rows that change nothing (the resident is in the ledger as the row has them) */
  unchanged: number;
}

export interface ImportPlan {
  /** the households with anything left to do or to count, in sheet order */
  households: PlannedHousehold[];
  /** every planned row, by row */
  rows: PlanRow[];
  counts: PlanCounts;
  /** the rows the plan refuses, by row */
  errors: LedgerError[];
}

function headWhere(locale: Locale, row: number | null): string {
  if (row === null) return locale === 'en' ? 'in the ledger' : '台账中';
  return locale === 'en' ? `row ${row}` : `第 ${row} 行`;
}

/**
 * Plans the import of the households a sheet gives (readLedgerSheet), `doors[i]` being the household
 * already in the ledger at households[i]'s door, if any. For each resident row:
 * - its ID number is a living resident's: with updateExisting and that resident at the same door, an
 *   update (only the fields that differ; 'unchanged' when none does); else refused (id.in_ledger), as
 *   always;
 * - no ID number, and the door already has a resident of that name without one: the same, or refused
 *   (resident.in_household) without updateExisting — they cannot be told apart;
 * - otherwise it joins the household at the door, or makes a new one.
 * Then one head of household (户主) per household: the ledger's head first, then the sheet's in row order;
 * every further head is refused (household.second_head, on the relation column), naming the head.
 */
/** The sheet's stays the ledger does not hold yet: the same place ending the same day is the same stay. */
export function staysToAdd(held: readonly TravelStay[], given: readonly TravelStay[]): TravelStay[] {
  const same = (a: TravelStay, b: TravelStay) =>
    a.placeCode === b.placeCode && (a.to ?? a.from) === (b.to ?? b.from);
  return given.filter((s) => !held.some((h) => same(h, s)));
}

export function planImport(
  households: readonly Household[],
  doors: readonly (LedgerDoor | undefined)[],
  ctx: PlanContext,
): ImportPlan {
  const errors: LedgerError[] = [];
  const refuse = (
    row: number,
    field: LedgerField,
    code: LedgerErrorCode,
    params: Record<string, string>,
    key: LedgerMessageKey = code,
  ) => {
    const col = ctx.columns[field] ?? ctx.columns.name;
    errors.push({
      row,
      column: col?.label ?? null,
      columnIndex: col?.index ?? null,
      code,
      message: ledgerMessage(ctx.locale, key, params),
    });
  };
  const sealedOf = (r: ResidentRecord): SealedRow => {
    const id = ctx.idKeys.get(r.row);
    const phone = ctx.phoneKeys.get(r.row);
    return {
      ...(id && r.idNumber ? { idNumber: { key: id, masked: maskIdNumber(r.idNumber) } } : {}),
      ...(phone && r.phone ? { phone: { key: phone, masked: maskPhone(r.phone) } } : {}),
    };
  };

  const planned: PlannedHousehold[] = [];
  households.forEach((h, i) => {
    const door = h.door === '' ? undefined : doors[i];
    const claimed = new Set<string>();
    const residents: PlannedResident[] = [];
    for (const r of h.residents) {
      const idKey = ctx.idKeys.get(r.row);
      let existing: LedgerResident | undefined;
      if (idKey && ctx.inLedger.has(r.row)) {
        existing = door?.residents.find((x) => x.idNumber?.key === idKey);
        if (!ctx.updateExisting || !existing || claimed.has(existing.key)) {
          // at this very door, the option would update them: say so
          const place = ctx.inLedger.get(r.row) ?? '';
          const here =
            existing && !ctx.updateExisting
              ? 'id.in_ledger.same_door'
              : place
                ? 'id.in_ledger'
                : 'id.in_ledger.unnamed';
          refuse(r.row, 'idNumber', 'id.in_ledger', { place }, here);
          continue;
        }
      } else if (door) {
        // a resident registered without an ID number: the same name at the same door is the same person
        existing = door.residents.find((x) => !x.idNumber && x.name === r.name && !claimed.has(x.key));
        if (existing && !ctx.updateExisting) {
          refuse(r.row, 'name', 'resident.in_household', { name: r.name });
          continue;
        }
      }
      if (existing) {
        claimed.add(existing.key);
        const after = sheetResident(existing, r, sealedOf(r), ctx.given);
        const changes = residentChanges(existing, after);
        // the sheet's stays the ledger does not hold yet are added (never dropped)
        const newStays = staysToAdd(existing.facts?.travel ?? [], r.travel ?? []);
        residents.push({
          record: r,
          action: changes.length || newStays.length ? 'update' : 'unchanged',
          existing,
          changes,
          after,
          ...(newStays.length ? { newStays } : {}),
        });
      } else residents.push({ record: r, action: door ? 'join' : 'new', changes: [] });
    }

    // one head per household: the ledger's (kept or updated), then the sheet's in row order
    const finalRelation = (p: PlannedResident) => (p.after ? p.after.relation : p.record.relation) ?? null;
    const updatedKeys = new Set(residents.flatMap((p) => (p.existing ? [p.existing.key] : [])));
    const ledgerHeads = (door?.residents ?? []).filter(
      (x) => x.relation === 'head' && !updatedKeys.has(x.key),
    );
    const sheetHeads = residents
      .filter((p) => finalRelation(p) === 'head')
      .sort((a, b) => Number(b.existing?.relation === 'head') - Number(a.existing?.relation === 'head'));
    const first = ledgerHeads[0]
      ? { name: ledgerHeads[0].name, row: null, planned: undefined }
      : sheetHeads[0]
        ? {
            name: sheetHeads[0].existing?.name ?? sheetHeads[0].record.name,
            row: sheetHeads[0].existing?.relation === 'head' ? null : sheetHeads[0].record.row,
            planned: sheetHeads[0],
          }
        : undefined;
    const refused = new Set<number>();
    for (const p of sheetHeads) {
      if (!first || p === first.planned) continue;
      refuse(p.record.row, 'relation', 'household.second_head', {
        name: first.name,
        where: headWhere(ctx.locale, first.row),
      });
      refused.add(p.record.row);
    }
    const kept = residents.filter((p) => !refused.has(p.record.row));
    if (!h.empty && kept.length === 0) return;
    const rows = new Set(kept.map((p) => p.record.row));
    planned.push({
      household: {
        ...h,
        rows: h.empty ? h.rows : h.rows.filter((r) => rows.has(r)),
        residents: kept.map((p) => p.record),
      },
      ...(door ? { door } : {}),
      residents: kept,
    });
  });

  const rows: PlanRow[] = [];
  const counts: PlanCounts = { new: 0, joins: 0, updates: 0, unchanged: 0 };
  for (const p of planned) {
    const { household: h, door } = p;
    const place = door
      ? { building: door.building, entrance: door.entrance, door: door.door }
      : { building: h.building, entrance: h.unit, door: h.door };
    const head = door ? (door.residents.find((x) => x.relation === 'head')?.name ?? null) : null;
    const household = door ? { household: { key: door.key, head } } : {};
    if (h.empty) {
      const action: PlanAction = door ? 'unchanged' : 'new';
      for (const row of h.rows) rows.push({ row, action, name: null, place, ...household });
    }
    for (const r of p.residents) {
      rows.push({
        row: r.record.row,
        action: r.action,
        name: r.record.name,
        place,
        ...household,
        ...(r.existing ? { resident: r.existing.key } : {}),
        ...(r.action === 'update' ? { changes: r.changes } : {}),
        ...(r.newStays ? { newStays: r.newStays } : {}),
      });
    }
  }
  rows.sort((a, b) => a.row - b.row);
  for (const r of rows) {
    if (r.action === 'new') counts.new++;
    else if (r.action === 'join') counts.joins++;
    else if (r.action === 'update') counts.updates++;
    else counts.unchanged++;
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { households: planned, rows, counts, errors };
}
