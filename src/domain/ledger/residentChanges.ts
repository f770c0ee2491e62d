// What a newer version of a resident's details changes (a sheet imported with "update residents already
// in the ledger"): only the fields that differ, each with its value before and after, for the update and
// for the history (DESIGN rule 2). An ID number or a phone never appears in clear: they are compared by
// their blind index and shown masked. A blank cell never erases what the ledger holds. Pure, no I/O.

import { MARKERS, type Marker } from './markers';
import type { LedgerField } from './sheet/headers';
import type { ResidentRecord } from './sheet/validateRow';

/** The fields an update may change, in the order they are listed. */
export const CHANGEABLE_FIELDS = [
  'name',
  'sex',
  'birthDate',
  'idNumber',
  'phone',
  'relation',
  'workUnit',
  'markers',
  'tags',
  'notes',
] as const;
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];

export type ChangeValue = string | readonly string[] | null;

/** One field changed: before and after (ID numbers and phones masked; relations and markers as codes). */
export interface FieldChange {
  field: ChangeableField;
  from: ChangeValue;
  to: ChangeValue;
}

/** A secret value as the ledger keeps it: its blind index (hex) to compare, its masked form to show. */
export interface SealedValue {
  key: string;
  masked: string;
}

/** A resident as the ledger holds them, as far as an update looks. */
export interface ResidentSnapshot {
  name: string;
  sex: string | null;
  birthDate: string | null;
  idNumber: SealedValue | null;
  phone: SealedValue | null;
  /** a relation code; 'other' with the sheet's word in relationText */
  relation: string | null;
  relationText: string | null;
  workUnit: string | null;
  notes: string | null;
  tags: readonly string[];
  markers: readonly string[];
}

/** The row's ID number and phone as sealed values (blind index and mask), computed by the caller. */
export interface SealedRow {
  idNumber?: SealedValue;
  phone?: SealedValue;
}

/**
 * The markers a sheet speaks of: every marker when it has a markers column (人员类别), else those with a
 * column of their own (党员 ✓). A marker the sheet cannot speak of is kept as the ledger has it.
 */
export function markersSpokenOf(given: ReadonlySet<LedgerField>): Set<Marker> {
  return new Set(given.has('markers') ? MARKERS : MARKERS.filter((m) => given.has(m)));
}

function relationOf(relation: string | null | undefined, text: string | null | undefined): string | null {
  if (!relation) return null;
  return relation === 'other' && text ? text : relation;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The changes a checked sheet row (or form) brings to a resident. `given` is the set of fields the sheet
 * maps: a field it has no column for, and a blank cell, leave the ledger's value alone. Markers: those the
 * sheet speaks of (markersSpokenOf) are set as the row has them, the others kept. Tags (words of the
 * markers column that are no marker) are replaced when the sheet has a markers column.
 */
export function residentChanges(
  before: ResidentSnapshot,
  row: ResidentRecord,
  sealed: SealedRow,
  given: ReadonlySet<LedgerField>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const text = (field: ChangeableField, from: string | null, to: string | null | undefined) => {
    if (to === undefined || to === null || to === '' || to === from) return;
    changes.push({ field, from, to });
  };
  if (given.has('name')) text('name', before.name, row.name);
  if (given.has('sex') || given.has('idNumber')) text('sex', before.sex, row.sex);
  if (given.has('birthDate') || given.has('idNumber')) text('birthDate', before.birthDate, row.birthDate);
  if (sealed.idNumber && sealed.idNumber.key !== before.idNumber?.key)
    changes.push({ field: 'idNumber', from: before.idNumber?.masked ?? null, to: sealed.idNumber.masked });
  if (given.has('phone') && sealed.phone && sealed.phone.key !== before.phone?.key)
    changes.push({ field: 'phone', from: before.phone?.masked ?? null, to: sealed.phone.masked });
  if (given.has('relation'))
    text(
      'relation',
      relationOf(before.relation, before.relationText),
      relationOf(row.relation, row.relationText),
    );
  if (given.has('workUnit')) text('workUnit', before.workUnit, row.workUnit);

  const spoken = markersSpokenOf(given);
  if (spoken.size > 0) {
    const had = new Set(before.markers);
    const has = new Set(row.markers);
    const after = MARKERS.filter((m) => (spoken.has(m) ? has.has(m) : had.has(m)));
    const was = MARKERS.filter((m) => had.has(m));
    if (!sameList(was, after)) changes.push({ field: 'markers', from: was, to: after });
  }
  if (given.has('markers')) {
    const tags = row.tags ?? [];
    if (!sameList(before.tags, tags)) changes.push({ field: 'tags', from: [...before.tags], to: tags });
  }
  if (given.has('notes')) text('notes', before.notes, row.notes);
  return changes;
}

/** The resident's details after the changes (the relation split back into code and text). */
export function applyChanges(
  before: ResidentSnapshot,
  row: ResidentRecord,
  changes: readonly FieldChange[],
): Omit<ResidentSnapshot, 'idNumber' | 'phone'> {
  const changed = new Set(changes.map((c) => c.field));
  const markers = changes.find((c) => c.field === 'markers')?.to as readonly string[] | undefined;
  return {
    name: changed.has('name') ? row.name : before.name,
    sex: changed.has('sex') ? (row.sex ?? null) : before.sex,
    birthDate: changed.has('birthDate') ? (row.birthDate ?? null) : before.birthDate,
    relation: changed.has('relation') ? (row.relation ?? null) : before.relation,
    relationText: changed.has('relation') ? (row.relationText ?? null) : before.relationText,
    workUnit: changed.has('workUnit') ? (row.workUnit ?? null) : before.workUnit,
    notes: changed.has('notes') ? (row.notes ?? null) : before.notes,
    tags: changed.has('tags') ? (row.tags ?? []) : before.tags,
    markers: markers ?? before.markers,
  };
}
