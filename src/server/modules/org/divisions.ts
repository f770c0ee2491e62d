import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { divisionNames } from '../../../domain/org/divisionNames';
import { normaliseUnitCode, officialKindOf, type UnitKind } from '../../../domain/org/units';
import type { Database } from '../../db/schema';

// Official divisions (行政区划) down to village/community level, imported into `units` from the extract
// of one province in resources/divisions/<pp>.tsv.gz (built by tools/divisions/build-extract.ts from
// the NBS statistical division codes; format in tools/divisions/README.md).

export interface DivisionRecord {
  code: string; // 410000, 410100, 410105, 410105002, 410105002008
  officialName: string; // as in the list: 省民航社区居民委员会
}

export interface ImportDivisionsOptions {
  province: string; // '41' or '410000'
  city?: string; // '4101' or '410100': the province unit, that city and everything under it
}

export interface ImportDivisionsResult {
  inserted: number;
  updated: number;
  unchanged: number;
  villages: number; // village-level units (村/社区) in the import
}

const EXTRACT_DIR = new URL('../../../../resources/divisions/', import.meta.url);
const BATCH_SIZE = 5_000;
const LEVEL_ORDER: readonly UnitKind[] = ['province', 'city', 'county', 'town', 'village'];

/** The two-digit code of a province given as '41' or '410000'. */
function provinceCodeOf(input: string): string {
  const code = normaliseUnitCode(input);
  if (!code || officialKindOf(code) !== 'province')
    throw new Error(`not a province code: ${input} (41 for 河南省)`);
  return code.slice(0, 2);
}

/** The extract of one province ('41' or '410000'): every unit, sorted by code. */
export async function readDivisionExtract(
  province: string,
  dir: URL = EXTRACT_DIR,
): Promise<DivisionRecord[]> {
  const pp = provinceCodeOf(province);
  const file = new URL(`${pp}.tsv.gz`, dir);
  let gz: Buffer;
  try {
    gz = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    throw new Error(
      `No division extract for province ${pp}: ${file.pathname} is missing. ` +
        `Build it with: node --import tsx tools/divisions/build-extract.ts --province ${pp} (see tools/divisions/README.md)`,
    );
  }
  return parseDivisionExtract((await promisify(gunzip)(gz)).toString('utf8'), `${pp}.tsv.gz`);
}

/** Lines `code<TAB>officialName`; lines starting with # are comments. */
export function parseDivisionExtract(text: string, source = 'extract'): DivisionRecord[] {
  const records: DivisionRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const code = line.slice(0, tab);
    const officialName = line.slice(tab + 1).trim();
    if (tab < 0 || !officialKindOf(code) || !/^\d+$/.test(code) || officialName === '') {
      throw new Error(
        `${source}, line ${i + 1}: expected code<TAB>official name, got ${JSON.stringify(line)}`,
      );
    }
    records.push({ code, officialName });
  }
  return records;
}

/** The code of the parent of an official unit (codes are hierarchical: 410105002008 → 410105002). */
export function parentDivisionCode(code: string): string | null {
  const kind = officialKindOf(code);
  if (kind === 'village') return code.slice(0, 9);
  if (kind === 'town') return code.slice(0, 6);
  if (kind === 'county') return `${code.slice(0, 4)}00`;
  if (kind === 'city') return `${code.slice(0, 2)}0000`;
  return null;
}

interface DivisionRow {
  code: string;
  parentCode: string | null;
  kind: UnitKind;
  name: string;
  officialName: string;
  regionCode: string | null;
  initials: string;
  searchText: string;
}

/** The units to import, with their parent codes and names, top level first (parent before child). */
function divisionRows(records: DivisionRecord[], opts: ImportDivisionsOptions): DivisionRow[] {
  const provinceCode = `${provinceCodeOf(opts.province)}0000`;
  let selected = records;
  if (opts.city !== undefined) {
    const cityCode = normaliseUnitCode(opts.city);
    if (!cityCode || officialKindOf(cityCode) !== 'city' || !cityCode.startsWith(provinceCode.slice(0, 2))) {
      throw new Error(`not a city of province ${provinceCode}: ${opts.city}`);
    }
    const prefix = cityCode.slice(0, 4);
    selected = records.filter((r) => r.code === provinceCode || r.code.startsWith(prefix));
    if (!selected.some((r) => r.code === cityCode))
      throw new Error(`city ${cityCode} is not in the extract of ${provinceCode}`);
  }

  const codes = new Set<string>();
  const rows: DivisionRow[] = [];
  for (const { code, officialName } of selected) {
    if (codes.has(code)) continue;
    codes.add(code);
    const kind = officialKindOf(code) as UnitKind;
    const parentCode = parentDivisionCode(code);
    const names = divisionNames(officialName);
    rows.push({
      code,
      parentCode,
      kind,
      name: names.name,
      officialName: officialName.trim(),
      // the county-level code (GB/T 2260) that shards regional data; none for province and city
      regionCode: kind === 'province' || kind === 'city' ? null : code.slice(0, 6),
      initials: names.initials,
      searchText: names.searchText,
    });
  }
  if (!codes.has(provinceCode)) throw new Error(`province ${provinceCode} is not in the extract`);
  for (const row of rows) {
    if (row.parentCode && !codes.has(row.parentCode)) {
      throw new Error(
        `division ${row.code} ${row.officialName}: its parent ${row.parentCode} is not in the extract`,
      );
    }
  }
  const rank = (kind: UnitKind) => LEVEL_ORDER.indexOf(kind);
  return rows.sort((a, b) => rank(a.kind) - rank(b.kind) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Rows of one level, in batches; a level's parents are all in the levels before it. */
function* batchesByLevel(rows: DivisionRow[]): Generator<DivisionRow[]> {
  for (const kind of LEVEL_ORDER) {
    const level = rows.filter((r) => r.kind === kind);
    for (let i = 0; i < level.length; i += BATCH_SIZE) yield level.slice(i, i + BATCH_SIZE);
  }
}

/**
 * Upserts one batch by code. The parent's id, path and depth come from the parent's row (already in
 * `units`); a unit whose parent is missing fails on path NOT NULL rather than becoming a root.
 * A row is only written when something changed. `xmax = 0` tells an inserted row from an updated one.
 */
async function upsertBatch(
  db: Kysely<Database>,
  batch: DivisionRow[],
): Promise<{ inserted: number; updated: number }> {
  const col = <K extends keyof DivisionRow>(key: K) => batch.map((r) => r[key]);
  const { rows } = await sql<{ inserted: number; updated: number }>`
    WITH input AS (
      SELECT *
      FROM unnest(
        ${col('code')}::text[], ${col('parentCode')}::text[], ${col('kind')}::text[], ${col('name')}::text[],
        ${col('officialName')}::text[], ${col('regionCode')}::text[], ${col('initials')}::text[],
        ${col('searchText')}::text[]
      ) AS u(code, parent_code, kind, name, official_name, region_code, initials, search_text)
    ),
    written AS (
      INSERT INTO units (code, parent_id, kind, name, official_name, path, depth, region_code, initials, search_text)
      SELECT u.code, p.id, u.kind, u.name, u.official_name,
             CASE WHEN u.parent_code IS NULL THEN u.code ELSE p.path || '.' || u.code END,
             CASE WHEN u.parent_code IS NULL THEN 0 ELSE p.depth + 1 END,
             u.region_code, u.initials, u.search_text
      FROM input u
      LEFT JOIN units p ON p.code = u.parent_code
      ON CONFLICT (code) DO UPDATE SET
        parent_id = EXCLUDED.parent_id,
        kind = EXCLUDED.kind,
        name = EXCLUDED.name,
        official_name = EXCLUDED.official_name,
        path = EXCLUDED.path,
        depth = EXCLUDED.depth,
        region_code = EXCLUDED.region_code,
        initials = EXCLUDED.initials,
        search_text = EXCLUDED.search_text,
        updated_at = now()
      WHERE (units.parent_id, units.kind, units.name, units.official_name, units.path, units.depth,
             units.region_code, units.initials, units.search_text)
        IS DISTINCT FROM
            (EXCLUDED.parent_id, EXCLUDED.kind, EXCLUDED.name, EXCLUDED.official_name, EXCLUDED.path,
             EXCLUDED.depth, EXCLUDED.region_code, EXCLUDED.initials, EXCLUDED.search_text)
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted,
           count(*) FILTER (WHERE NOT inserted)::int AS updated
    FROM written`.execute(db);
  return rows[0];
}

/**
 * Imports the official divisions of a province (or of one city of it) into `units`: idempotent upsert by
 * code, parent before child, in bulk batches, in one transaction. A second run reports everything as
 * unchanged.
 */
export async function importDivisions(
  db: Kysely<Database>,
  opts: ImportDivisionsOptions,
): Promise<ImportDivisionsResult> {
  const rows = divisionRows(await readDivisionExtract(opts.province), opts);
  const result: ImportDivisionsResult = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    villages: rows.filter((r) => r.kind === 'village').length,
  };
  await db.transaction().execute(async (trx) => {
    for (const batch of batchesByLevel(rows)) {
      const { inserted, updated } = await upsertBatch(trx, batch);
      result.inserted += inserted;
      result.updated += updated;
      result.unchanged += batch.length - inserted - updated;
    }
  });
  return result;
}
