// What an edit changed in a resident's details, field by field with before and after, for the
// household's history (变更记录). Only the fields that changed are named. ID numbers and phones are
// compared by their keyed hash and shown masked, never in clear. Pure, no I/O.

/** The fields of a resident the history follows, in the order the form shows them. */
export const TRACKED_FIELDS = [
  'name',
  'sex',
  'birthDate',
  'idType',
  'idNumber',
  'phone',
  'relation',
  'workUnit',
  'notes',
  'markers',
  'tags',
] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

/** A protected value (ID number, phone): compared by `key` (the blind index), shown as `masked`. */
export interface ProtectedValue {
  key: string;
  masked: string;
}

/** A resident's details as the history compares them; absent and '' both mean "not given". */
export interface ResidentSnapshot {
  name: string;
  sex?: string | null;
  birthDate?: string | null;
  idType?: string | null;
  idNumber?: ProtectedValue | null;
  phone?: ProtectedValue | null;
  relation?: string | null;
  /** the sheet's own word for a relation that is no known one ('外甥'): shown instead of 'other' */
  relationText?: string | null;
  workUnit?: string | null;
  notes?: string | null;
  markers?: readonly string[];
  tags?: readonly string[];
}

export type ChangeValue = string | string[] | null;

export interface FieldChange {
  field: TrackedField;
  before: ChangeValue;
  after: ChangeValue;
}

function shown(s: ResidentSnapshot, f: TrackedField): ChangeValue {
  switch (f) {
    case 'idNumber':
    case 'phone':
      return s[f]?.masked || null;
    case 'relation':
      return s.relationText || s.relation || null;
    case 'markers':
    case 'tags':
      return [...(s[f] ?? [])];
    default:
      return s[f] || null;
  }
}

function compared(s: ResidentSnapshot, f: TrackedField): string {
  switch (f) {
    case 'idNumber':
    case 'phone':
      return s[f]?.key ?? '';
    case 'markers':
    case 'tags':
      return [...(s[f] ?? [])].sort().join('\u0000');
    default: {
      const v = shown(s, f);
      return typeof v === 'string' ? v : '';
    }
  }
}

/** The fields that differ between two snapshots, with before and after as shown to users. */
export function residentChanges(before: ResidentSnapshot, after: ResidentSnapshot): FieldChange[] {
  return TRACKED_FIELDS.filter((f) => compared(before, f) !== compared(after, f)).map((field) => ({
    field,
    before: shown(before, field),
    after: shown(after, field),
  }));
}
