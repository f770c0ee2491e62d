// Finding the header row of a sheet and mapping its columns to fields, for any import: the caller gives
// its fields and the words offices use for each (a synonym table), and says which header rows it can use.
// The header row is looked for below titles, dates and "filled in by" rows; each header cell is matched
// exactly or, when short, by a word it holds (户主身份证号码 holds 身份证号码); the user may correct the
// mapping. Pure, no I/O.
//
// Rows and columns here are 0-based indexes into the sheet's 2-D array (rows[0] is sheet row 1,
// rows[r][0] is column A).

import { removeSpaces, toHalfWidth } from '../validators/text';
import { cellText } from './normalise';

/**
 * A header cell in the form synonyms are compared in: half-width, no spaces or line breaks, lower-case,
 * without what offices add around the word — '（必填）', '(18位)', '【选填】', a '*' or '※' before or after,
 * a trailing colon, a leading '1.' — so '* 身份证号码\n（必填）' and '身份证号码' compare equal.
 */
export function normaliseHeader(v: unknown): string {
  return removeSpaces(toHalfWidth(cellText(v)))
    .replace(/\([^()]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕|<[^>]*>/g, '')
    .replace(/^(?:\d{1,2}[.、)])?[*※★☆]*/, '')
    .replace(/(?:必填|选填)?[*※★☆:]*$/, '')
    .toLowerCase();
}

/**
 * A header as the sheet shows it, for messages: its own characters, white space and line breaks
 * collapsed, none beside Chinese or full-width characters ('身份证号码\n（必填）' → '身份证号码（必填）').
 */
export function headerText(v: unknown): string {
  return cellText(v)
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, ' ')
    .trim()
    .replace(/ ?([^\x20-\x7e]) ?/g, '$1');
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA' (the letters Excel shows above its columns). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The name of a column in messages: its header text, or its letter when the header is blank. */
export function columnLabel(headers: readonly string[], column: number): string {
  return headers[column] || columnLetter(column);
}

export interface HeaderMatch<F extends string> {
  field: F;
  /** the header is one of the field's words (rather than holding one: 户主身份证号码) */
  exact: boolean;
}

/** The field a header cell names, if any. */
export type HeaderMatcher<F extends string> = (v: unknown) => HeaderMatch<F> | undefined;

/** A header longer than this is a sentence (a title, a note), not a column name, unless it matches exactly. */
const MAX_CONTAINING_HEADER = 10;

/**
 * The matcher of a synonym table: a header is a field's when it is one of its words (the first field
 * in `fields` order wins a word two fields share), or, when it is at most 10 characters, when it holds
 * one of 2 characters or more (the longest word held wins; single characters such as 栋 or 室 only
 * match whole). Matching ignores spaces, full width, case and '（必填）'/'*' (normaliseHeader).
 */
export function headerMatcher<F extends string>(
  fields: readonly F[],
  synonyms: Readonly<Record<F, readonly string[]>>,
): HeaderMatcher<F> {
  const exactWords = new Map<string, F>();
  const contained: { word: string; field: F }[] = [];
  for (const field of fields) {
    for (const w of synonyms[field]) {
      const word = normaliseHeader(w);
      if (!exactWords.has(word)) exactWords.set(word, field);
      if (word.length >= 2) contained.push({ word, field });
    }
  }
  contained.sort((a, b) => b.word.length - a.word.length);
  return (v) => {
    const h = normaliseHeader(v);
    if (h === '') return undefined;
    const exact = exactWords.get(h);
    if (exact) return { field: exact, exact: true };
    if (h.length > MAX_CONTAINING_HEADER) return undefined;
    const hit = contained.find((c) => h.includes(c.word));
    return hit ? { field: hit.field, exact: false } : undefined;
  };
}

/** Column index → field; one column per field. Keys are 0-based column indexes (0 = column A). */
export type ColumnMapping<F extends string> = Readonly<Record<number, F>>;

export interface UnmappedColumn {
  column: number;
  header: string;
  /**
   * unknown: the header names no field; taken: it names a field another column has (the first exact
   * match wins, then the leftmost); ignored: the user set it aside
   */
  reason: 'unknown' | 'taken' | 'ignored';
}

export interface HeaderProposal<F extends string> {
  /** index of the header row in the rows given (sheet row rowIndex + 1) */
  rowIndex: number;
  /** each column's header as the sheet shows it (line breaks and padding spaces removed), '' when blank */
  headers: string[];
  mapping: ColumnMapping<F>;
  /** columns with a header that are not mapped, for the mapping step to show */
  unmapped: UnmappedColumn[];
}

function unmappedColumns<F extends string>(
  headers: readonly string[],
  mapping: ColumnMapping<F>,
  match: HeaderMatcher<F>,
  ignored: ReadonlySet<number> = new Set(),
): UnmappedColumn[] {
  const out: UnmappedColumn[] = [];
  headers.forEach((header, column) => {
    if (header === '' || mapping[column] !== undefined) return;
    const reason = ignored.has(column) ? 'ignored' : match(header) ? 'taken' : 'unknown';
    out.push({ column, header, reason });
  });
  return out;
}

/**
 * The mapping a header row suggests: each cell matched to a field; when two columns name the same
 * field, an exact word beats a containing one (联系电话 over 紧急联系人电话), then the leftmost wins.
 */
export function proposeMapping<F extends string>(
  headerRow: readonly unknown[],
  rowIndex: number,
  match: HeaderMatcher<F>,
): HeaderProposal<F> {
  const headers = Array.from(headerRow, (v) => headerText(v));
  const candidates: { column: number; match: HeaderMatch<F> }[] = [];
  for (let column = 0; column < headerRow.length; column++) {
    const m = match(headerRow[column]);
    if (m) candidates.push({ column, match: m });
  }
  candidates.sort((a, b) => Number(b.match.exact) - Number(a.match.exact) || a.column - b.column);
  const mapping: Record<number, F> = {};
  const taken = new Set<F>();
  for (const { column, match: m } of candidates) {
    if (taken.has(m.field)) continue;
    taken.add(m.field);
    mapping[column] = m.field;
  }
  return { rowIndex, headers, mapping, unmapped: unmappedColumns(headers, mapping, match) };
}

/** field → column of a mapping */
export function fieldColumns<F extends string>(mapping: ColumnMapping<F>): Partial<Record<F, number>> {
  const out: Partial<Record<F, number>> = {};
  for (const [column, field] of Object.entries(mapping) as [string, F][]) out[field] = Number(column);
  return out;
}

/**
 * Finds the header row among the first maxScan rows, below the title, the date and "filled in by" rows
 * and any group-header row: the row naming the most fields among those the caller can use (isUsable:
 * the ledger needs a name and an ID number or a door); the first such row on a tie. Undefined when no
 * row qualifies (the user then picks the header row and maps the columns by hand).
 */
export function findHeaderRow<F extends string>(
  rows: readonly (readonly unknown[])[],
  match: HeaderMatcher<F>,
  isUsable: (fields: Partial<Record<F, number>>) => boolean,
  maxScan = 20,
): HeaderProposal<F> | undefined {
  let best: { proposal: HeaderProposal<F>; score: number } | undefined;
  for (let r = 0; r < Math.min(rows.length, maxScan); r++) {
    const proposal = proposeMapping(rows[r] ?? [], r, match);
    const fields = fieldColumns(proposal.mapping);
    if (!isUsable(fields)) continue;
    const score = Object.keys(fields).length;
    if (!best || score > best.score) best = { proposal, score };
  }
  return best?.proposal;
}

/**
 * The user's corrections over a proposal (the mapping step): each column given takes that field, or is
 * set aside with null; a field taken here is released from the column the proposal gave it to; the
 * other columns keep the proposal. Throws a RangeError for a negative column or an unknown field.
 */
export function applyMapping<F extends string>(
  proposal: HeaderProposal<F>,
  corrections: Readonly<Record<number, F | null>>,
  isField: (s: unknown) => s is F,
  match: HeaderMatcher<F>,
): HeaderProposal<F> {
  const entries = Object.entries(corrections).map(([k, field]) => {
    const column = Number(k);
    if (!Number.isInteger(column) || column < 0) throw new RangeError(`not a column index: ${k}`);
    if (field !== null && !isField(field)) throw new RangeError(`not a field: ${String(field)}`);
    return { column, field: field as F | null };
  });
  const claimed = new Set(entries.flatMap((e) => (e.field === null ? [] : [e.field])));
  const mapping: Record<number, F> = {};
  for (const [k, field] of Object.entries(proposal.mapping) as [string, F][]) {
    if (!claimed.has(field)) mapping[Number(k)] = field;
  }
  const ignored = new Set<number>();
  for (const { column, field } of entries) {
    delete mapping[column];
    if (field === null) ignored.add(column);
  }
  const seen = new Set<F>();
  for (const { column, field } of entries) {
    if (field === null) continue;
    if (seen.has(field)) throw new RangeError(`field mapped to two columns: ${field}`);
    seen.add(field);
    mapping[column] = field;
  }
  return { ...proposal, mapping, unmapped: unmappedColumns(proposal.headers, mapping, match, ignored) };
}

/** Where a field's values are in the sheet: the column's index and its name for messages. */
export interface ColumnRef {
  index: number;
  /** the header as the sheet shows it, or the column letter when the header is blank */
  label: string;
}

/** The column of each mapped field, for row errors. */
export function columnRefs<F extends string>(
  proposal: Pick<HeaderProposal<F>, 'headers' | 'mapping'>,
): Partial<Record<F, ColumnRef>> {
  const out: Partial<Record<F, ColumnRef>> = {};
  for (const [k, field] of Object.entries(proposal.mapping) as [string, F][]) {
    const index = Number(k);
    out[field] = { index, label: columnLabel(proposal.headers, index) };
  }
  return out;
}

/** A row's cells by field, per the mapping. */
export type MappedRow<F extends string> = Partial<Record<F, unknown>>;

/** A row's cells by field, the mapping read once for many rows. */
export function rowMapper<F extends string>(
  mapping: ColumnMapping<F>,
): (row: readonly unknown[]) => MappedRow<F> {
  const entries = Object.entries(mapping).map(([k, field]) => [Number(k), field as F] as const);
  return (row) => {
    const out: MappedRow<F> = {};
    for (const [column, field] of entries) out[field] = row[column];
    return out;
  };
}
