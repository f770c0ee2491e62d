import type { Locale } from '../../../domain/i18n/messages';
import { colourLabel, type HouseholdColour } from '../../../domain/ledger/colours';
import { summariseHousehold } from '../../../domain/ledger/household';
import {
  type Household,
  type LedgerError,
  type LedgerField,
  type LedgerSheetResult,
  ledgerMessage,
  placeKey,
  readLedgerSheet,
} from '../../../domain/ledger/sheet';
import { isWithin } from '../../../domain/org/units';
import { bulkTransaction, nextIds } from '../../db/bulk';
import type { Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { auditAs } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { createUnitsIn, unitInScope, unitsAtPaths } from '../org/service';
import { readWorkbook, type WorkbookSheet } from './excel/readWorkbook';
import { ledgerDay } from './policy';
import { idNumberIndex } from './protect';
import * as q from './queries';
import { communityPathOf, HOUSEHOLD_PLACES } from './records';
import { householdRow, residentRow } from './rows';
import { refreshHouseholds } from './summary';

// The ledger import (导入台账), shared by the web and the CLI: read the sheet as the office keeps it,
// check every row (sheet/readLedger.ts), refuse ID numbers already in the ledger, find or create the
// buildings the sheet names, and load households and residents with COPY in one transaction — the
// valid rows, or nothing unless every row is valid. Nothing is ever half-written.

export type ImportMode = 'valid' | 'all';

export interface ImportOptions {
  unitCode: string;
  data: Buffer;
  mode: ImportMode;
  dryRun?: boolean;
  /** the header row the user chose (0-based) */
  headerRow?: number;
  /** the user's corrections to the mapping: column index → field, or null to ignore the column */
  mapping?: Record<number, LedgerField | null>;
  /** the worksheet to read (name or 0-based position) */
  sheet?: string | number;
  /** told as each step begins: read, check, dedupe, places, write, done (progress, and the benchmark's split) */
  onStep?: (step: ImportStep) => void;
}

export type ImportStep = 'read' | 'check' | 'dedupe' | 'places' | 'write' | 'done';

export interface RejectedRow {
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}

export interface ImportReport {
  /** the sheet's rows below the header, blank and heading rows included */
  rows: number;
  /** rows that passed every check */
  accepted: number;
  /** blank rows and section headings */
  skipped: number;
  rejected: RejectedRow[];
  households: number;
  residents: number;
  emptyHouseholds: number;
  /** what was written (absent for a dry run, or when nothing was imported) */
  created?: { households: number; residents: number; buildings: number; joined: number };
}

export interface ImportResult {
  imported: boolean;
  report: ImportReport;
  sheet: WorkbookSheet;
  checked: LedgerSheetResult;
  errors: LedgerError[];
}

/** The unit an import goes into: one that holds households, in the actor's scope for ledger.import. */
async function targetUnit(db: Db, actor: Actor, code: string) {
  const unit = await unitInScope(db, actor.scope, code, 'ledger.import');
  if (!HOUSEHOLD_PLACES.has(unit.kind) || !unit.region_code) {
    throw new AppError('validation', 'error.household_place', { name: unit.name }, [
      { path: 'unit', message: `${unit.name}` },
    ]);
  }
  return unit;
}

/** Reads and checks a sheet, and rejects the rows whose ID number is already in the ledger. */
export async function checkSheet(services: Services, actor: Actor, opts: Omit<ImportOptions, 'mode'>) {
  const unit = await targetUnit(services.db, actor, opts.unitCode);
  opts.onStep?.('read');
  const sheet = await readWorkbook(opts.data, { sheet: opts.sheet });
  opts.onStep?.('check');
  const checked = readLedgerSheet(sheet.rows, sheet.merges, {
    locale: actor.locale,
    headerRowIndex: opts.headerRow,
    mapping: opts.mapping,
  });
  opts.onStep?.('dedupe');
  const inLedger = await alreadyInLedger(services, actor, checked);
  const households = checked.households
    .map((h) => ({ ...h, residents: h.residents.filter((r) => !inLedger.rows.has(r.row)) }))
    .filter((h) => h.empty || h.residents.length > 0);
  const errors = [...checked.errors, ...inLedger.errors].sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.columnIndex ?? 0) - (b.columnIndex ?? 0),
  );
  return { unit, sheet, checked, households, errors, idHmacs: inLedger.hmacByRow };
}

async function alreadyInLedger(services: Services, actor: Actor, checked: LedgerSheetResult) {
  const withId = checked.households.flatMap((h) => h.residents.filter((r) => r.idNumber));
  const hmacs = withId.map((r) => idNumberIndex(services.protector, r.idNumber as string));
  const found = await q.livingIdHmacs(services.db, hmacs);
  const rows = new Set<number>();
  const errors: LedgerError[] = [];
  const hmacByRow = new Map(withId.map((r, i) => [r.row, hmacs[i]]));
  if (found.size === 0) return { rows, errors, hmacByRow };
  const units = await unitsAtPaths(services.db, [...new Set(found.values())]);
  const idColumn = checked.header
    ? Object.entries(checked.header.mapping).find(([, f]) => f === 'idNumber')
    : undefined;
  withId.forEach((r, i) => {
    const path = found.get(hmacs[i].toString('hex'));
    if (!path) return;
    rows.add(r.row);
    const unit = units.find((u) => u.path === path);
    const place =
      unit && actor.scope.allows('ledger.read', path)
        ? unit.name
        : actor.locale === 'en'
          ? 'another jurisdiction'
          : '其他辖区';
    errors.push({
      row: r.row,
      column: idColumn && checked.header ? (checked.header.headers[Number(idColumn[0])] ?? null) : null,
      columnIndex: idColumn ? Number(idColumn[0]) : null,
      code: 'id.in_ledger',
      message: ledgerMessage(actor.locale, 'id.in_ledger', { place }),
    });
  });
  return { rows, errors, hmacByRow };
}

export function reportOf(
  checked: LedgerSheetResult,
  households: Household[],
  errors: LedgerError[],
  created?: ImportReport['created'],
): ImportReport {
  const residents = households.reduce((n, h) => n + h.residents.length, 0);
  return {
    rows: checked.dataRows,
    accepted: residents + households.filter((h) => h.empty).length,
    skipped: checked.skippedBlank + checked.skippedHeadings,
    rejected: errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: e.message })),
    households: households.length,
    residents,
    emptyHouseholds: households.filter((h) => h.empty).length,
    ...(created ? { created } : {}),
  };
}

export async function importLedger(
  services: Services,
  actor: Actor,
  opts: ImportOptions,
): Promise<ImportResult> {
  const { unit, sheet, checked, households, errors, idHmacs } = await checkSheet(services, actor, opts);
  const blocked = errors.some((e) => e.row === null) || (opts.mode === 'all' && errors.length > 0);
  if (opts.dryRun || blocked || households.length === 0) {
    return { imported: false, report: reportOf(checked, households, errors), sheet, checked, errors };
  }
  const created = await load(services, actor, unit, households, idHmacs, opts.onStep);
  opts.onStep?.('done');
  return { imported: true, report: reportOf(checked, households, errors, created), sheet, checked, errors };
}

type TargetUnit = Awaited<ReturnType<typeof targetUnit>>;

/** Writes the households (new doors) and residents (new doors, and doors already in the ledger). */
async function load(
  services: Services,
  actor: Actor,
  unit: TargetUnit,
  households: Household[],
  idHmacs: ReadonlyMap<number, Buffer>,
  onStep?: (step: ImportStep) => void,
) {
  const day = await ledgerDay(services);
  const regionCode = unit.region_code as string;
  return bulkTransaction(services.db, async ({ tx, copy }) => {
    onStep?.('places');
    const places = await placesFor(tx, actor, unit, households);
    onStep?.('write');
    // doors already in the ledger take the new residents; the others become new households
    const existing = await existingDoors(tx, regionCode, [...new Set(places.map((p) => p.unitId))]);
    const joining: { householdId: string; h: Household; place: Place }[] = [];
    const fresh: { h: Household; place: Place }[] = [];
    households.forEach((h, i) => {
      const id = existing.get(`${places[i].unitId}|${h.unit}|${h.door}`);
      if (id && h.door !== '') joining.push({ householdId: id, h, place: places[i] });
      else fresh.push({ h, place: places[i] });
    });
    const householdIds = await nextIds(tx, 'households', fresh.length);
    const residentCount = households.reduce((n, h) => n + h.residents.length, 0);
    const residentIds = await nextIds(tx, 'residents', residentCount);
    let next = 0;
    const residentRows = function* () {
      for (const [i, { h, place }] of fresh.entries()) {
        for (const r of h.residents)
          yield residentRow(
            services.protector,
            place,
            residentIds[next++],
            householdIds[i],
            r,
            'present',
            {},
            idHmacs.get(r.row),
          );
      }
      for (const { householdId, h, place } of joining) {
        for (const r of h.residents)
          yield residentRow(
            services.protector,
            place,
            residentIds[next++],
            householdId,
            r,
            'present',
            {},
            idHmacs.get(r.row),
          );
      }
    };
    const sheetColour = (h: Household, derived: HouseholdColour) =>
      h.colour && h.colour !== derived
        ? {
            colour: h.colour,
            reason: importedColourReason(actor.locale, h.colour, day.policy.homeAreaCode),
            by: actor.userId,
          }
        : undefined;
    const summaries = fresh.map(({ h }) =>
      summariseHousehold(
        h.residents.map((r) => ({ status: 'present', markers: r.markers, facts: {} })),
        day.policy,
        day.today,
      ),
    );
    await copy(
      'households',
      q.HOUSEHOLD_LOAD_COLUMNS,
      fresh.map(({ h, place }, i) =>
        householdRow({
          ...place,
          id: householdIds[i],
          entrance: h.unit,
          door: h.door,
          summary: summaries[i],
          override: sheetColour(h, summaries[i].derived.colour),
        }),
      ),
    );
    await copy('residents', q.RESIDENT_LOAD_COLUMNS, residentRows());
    await copy(
      'household_history',
      q.HISTORY_LOAD_COLUMNS,
      fresh.map(({ h }, i) => {
        const derived = summaries[i].derived.colour;
        const o = sheetColour(h, derived);
        return [
          regionCode,
          householdIds[i],
          null,
          actor.userId,
          actor.username,
          'imported',
          null,
          o?.colour ?? derived,
          o?.reason ?? null,
          JSON.stringify({ rows: h.rows }),
        ];
      }),
    );
    for (const { householdId, h } of joining) {
      await q.insertRows(tx, 'household_history', q.HISTORY_LOAD_COLUMNS, [
        [
          regionCode,
          householdId,
          null,
          actor.userId,
          actor.username,
          'imported',
          null,
          null,
          null,
          JSON.stringify({ rows: h.rows }),
        ],
      ]);
    }
    await refreshHouseholds(
      tx,
      day,
      regionCode,
      [...new Set(joining.map((j) => j.householdId))],
      { actorId: actor.userId, actorName: actor.username },
      'imported',
    );
    const counts = {
      households: fresh.length,
      residents: residentCount,
      buildings: places.createdBuildings,
      joined: new Set(joining.map((j) => j.householdId)).size,
    };
    await auditAs(tx, actor, 'ledger.imported', {
      unitPath: unit.path,
      target: `unit:${unit.code}`,
      detail: counts,
    });
    await services.events.publish(tx, {
      type: 'ledger.changed',
      unitPath: unit.path,
      data: { imported: counts },
    });
    return counts;
  });
}

function importedColourReason(locale: Locale, colour: HouseholdColour, homeAreaCode: string): string {
  const label = colourLabel(colour, locale, homeAreaCode);
  return locale === 'en' ? `marked ${colour} (${label}) in the imported sheet` : `导入的台账中标为${label}`;
}

interface Place {
  regionCode: string;
  unitId: string;
  unitPath: string;
  communityPath: string;
}

/**
 * The unit of each household: the building the sheet names, found by its name among the buildings under
 * the target unit ('3号楼', '3栋' and '三号楼' are one) or created there; the target unit itself when the
 * sheet names no building, or when the target is a building.
 */
async function placesFor(tx: Db, actor: Actor, unit: TargetUnit, households: Household[]) {
  const own: Place = {
    regionCode: unit.region_code as string,
    unitId: unit.id,
    unitPath: unit.path,
    communityPath: communityPathOf(unit.path),
  };
  const result = households.map(() => own) as Place[] & { createdBuildings: number };
  result.createdBuildings = 0;
  if (unit.kind === 'building' || households.every((h) => h.building === '')) return result;
  const buildings = await tx
    .selectFrom('units')
    .select(['id', 'code', 'name', 'path', 'region_code'])
    .where('kind', '=', 'building')
    .where((eb) => eb.and([eb('path', '>', `${unit.path}.`), eb('path', '<', `${unit.path}/`)]))
    .execute();
  const byKey = new Map<string, Place>();
  for (const b of buildings) {
    if (!isWithin(b.path, unit.path)) continue;
    const k = placeKey('building', b.name);
    if (!byKey.has(k)) byKey.set(k, { ...own, unitId: b.id, unitPath: b.path });
  }
  // the buildings the sheet names that are not there yet, created together, named as the sheet has them
  const missing = new Map<string, string>();
  for (const h of households) {
    const k = placeKey('building', h.building);
    if (h.building !== '' && !byKey.has(k) && !missing.has(k))
      missing.set(k, /^\d+$/.test(h.building) ? `${h.building}号楼` : h.building);
  }
  const created = await createUnitsIn(tx, actor, {
    parentCode: unit.code,
    kind: 'building',
    names: [...missing.values()],
  });
  [...missing.keys()].forEach((k, i) => {
    byKey.set(k, { ...own, unitId: created[i].id, unitPath: created[i].path });
  });
  result.createdBuildings = created.length;
  households.forEach((h, i) => {
    if (h.building !== '') result[i] = byKey.get(placeKey('building', h.building)) as Place;
  });
  return result;
}

/** Active households at doors of these units: `${unitId}|${entrance}|${door}` → id. */
async function existingDoors(tx: Db, regionCode: string, unitIds: string[]) {
  const rows = unitIds.length
    ? await tx
        .selectFrom('households')
        .select(['id', 'unit_id', 'entrance', 'door'])
        .where('region_code', '=', regionCode)
        .where('unit_id', 'in', unitIds)
        .where('status', '=', 'active')
        .execute()
    : [];
  return new Map(rows.map((r) => [`${r.unit_id}|${r.entrance}|${r.door}`, r.id]));
}
