// A resident as a newer version of the ledger sheet has them (更新台账中已有的居民): the sheet's values laid
// over the ledger's, for the import plan to compare with residentChanges. A field the sheet has no column
// for, and a blank cell, leave the ledger's value alone; an ID number or a phone comes sealed (blind index
// and mask), never in clear. Pure, no I/O.

import { MARKERS, type Marker } from '../markers';
import type { ProtectedValue, ResidentSnapshot } from '../residentChanges';
import type { LedgerField } from './headers';
import type { ResidentRecord } from './validateRow';

/** The row's ID number and phone as sealed values (blind index and mask), computed by the caller. */
export interface SealedRow {
  idNumber?: ProtectedValue;
  phone?: ProtectedValue;
}

/**
 * The markers a sheet speaks of: every marker when it has a markers column (人员类别), else those with a
 * column of their own (党员 ✓). A marker the sheet cannot speak of is kept as the ledger has it.
 */
export function markersSpokenOf(given: ReadonlySet<LedgerField>): Set<Marker> {
  return new Set(given.has('markers') ? MARKERS : MARKERS.filter((m) => given.has(m)));
}

/**
 * The resident after the sheet's row: `given` is the set of fields the sheet maps. Sex and birth date
 * follow an ID number column too (they are read from it), the ID type a new ID number. Markers: those the sheet speaks of are set as
 * the row has them, the others kept; tags (words of the markers column that are no marker) are replaced
 * when the sheet has a markers column.
 */
export function sheetResident(
  before: ResidentSnapshot,
  row: ResidentRecord,
  sealed: SealedRow,
  given: ReadonlySet<LedgerField>,
): ResidentSnapshot {
  const pick = <T>(has: boolean, value: T | null | undefined, kept: T | null | undefined) =>
    has && value !== undefined && value !== null && value !== '' ? value : (kept ?? null);
  const spoken = markersSpokenOf(given);
  const had = new Set(before.markers ?? []);
  const has = new Set(row.markers ?? []);
  const relationGiven = given.has('relation') && !!row.relation;
  return {
    name: pick(given.has('name'), row.name, before.name) ?? before.name,
    sex: pick(given.has('sex') || given.has('idNumber'), row.sex, before.sex),
    birthDate: pick(given.has('birthDate') || given.has('idNumber'), row.birthDate, before.birthDate),
    // the type follows a new ID number, or a column of its own
    idType:
      (sealed.idNumber && sealed.idNumber.key !== before.idNumber?.key) || given.has('idType')
        ? (row.idType ?? before.idType ?? null)
        : (before.idType ?? null),
    idNumber: sealed.idNumber ?? before.idNumber ?? null,
    phone: (given.has('phone') && sealed.phone) || before.phone || null,
    relation: relationGiven ? (row.relation ?? null) : (before.relation ?? null),
    relationText: relationGiven ? (row.relationText ?? null) : (before.relationText ?? null),
    workUnit: pick(given.has('workUnit'), row.workUnit, before.workUnit),
    notes: pick(given.has('notes'), row.notes, before.notes),
    markers: MARKERS.filter((m) => (spoken.has(m) ? has.has(m) : had.has(m))),
    tags: given.has('markers') ? [...(row.tags ?? [])] : [...(before.tags ?? [])],
  };
}
