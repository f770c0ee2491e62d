import type { Locale } from '../../../domain/i18n/messages';
import { colourLabel, type HouseholdColour } from '../../../domain/ledger/colours';
import { parseRecordKey, type StoredFacts, summariseHousehold } from '../../../domain/ledger/household';
import type {
  Household,
  LedgerError,
  LedgerField,
  LedgerSheetResult,
  PlanCounts,
  PlannedHousehold,
  PlanRow,
  ResidentRecord,
} from '../../../domain/ledger/sheet';
import { type BulkTransaction, bulkTransaction, encodeCopy, nextIds } from '../../db/bulk';
import { uniqueViolation } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { auditAs } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { unitInScope } from '../org/service';
import { createMissingPlaces, type Place } from './importPlaces';
import { planSheet, type SheetPlan } from './importPlan';
import { updateResidents } from './importUpdates';
import { ledgerDay } from './policy';
import * as q from './queries';
import { HOUSEHOLD_PLACES } from './records';
import { householdRow, residentRow } from './rows';
import { refreshHouseholds } from './summary';
import { ledgerUploadJobs, type SheetHead } from './uploadJobs';

// The ledger import (导入台账), shared by the web and the CLI: read the sheet as the office keeps it,
// check every row (sheet/readLedger.ts), plan what each row does (importPlan.ts: a new household, joins
// the household at its door, updates a resident already in the ledger, or is refused: an ID number
// already in the ledger, a second head of household), find or create the buildings the sheet names, and
// write in one transaction — the valid rows, or nothing unless every row is valid. Nothing is ever
// half-written, and the check step writes nothing.

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
  /**
   * 更新台账中已有的居民: a row whose ID number is a living resident's at the same door updates that
   * resident (only what changed) instead of being refused
   */
  updateExisting?: boolean;
  /** told as each step begins: read, check, dedupe, places, write, done (progress, and the benchmark's split) */
  onStep?: (step: ImportStep) => void;
  /**
   * told how far the import has come, step by step: the sheet's XML read (bytes), its rows checked, the
   * de-duplication against the ledger (its parts), the rows written (the wizard's progress bar)
   */
  onProgress?: (p: ImportProgress) => void;
}

export type ImportStep = 'read' | 'check' | 'dedupe' | 'places' | 'write' | 'done';

/** The steps a user sees, in order (importProgress.ts): the write only when the import writes. */
export const PROGRESS_STEPS = ['read', 'check', 'dedupe', 'write'] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

export interface ImportProgress {
  step: ProgressStep;
  /** how much of the step is done, of total (0 of 0 when the step cannot tell) */
  done: number;
  total: number;
}

export interface RejectedRow {
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}

/** At most this many rows of the plan in a report (the counts cover every row). */
export const PLAN_ROWS_SHOWN = 5000;

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
  /** what each accepted row does: counts, and the rows (the first PLAN_ROWS_SHOWN) */
  plan: { counts: PlanCounts; rows: PlanRow[]; truncated: boolean; updateExisting: boolean };
  /** what was written (absent for a dry run, or when nothing was imported) */
  created?: { households: number; residents: number; buildings: number; joined: number; updated: number };
}

export interface ImportResult {
  imported: boolean;
  report: ImportReport;
  /** the sheet's name, the workbook's sheets, its first rows (the whole sheet stays in the sheet worker) */
  sheet: SheetHead;
  checked: LedgerSheetResult;
  errors: LedgerError[];
}

/** The unit an import goes into: one that holds households, in the actor's scope for ledger.import. */
async function targetUnit(services: Services, actor: Actor, code: string) {
  const unit = await unitInScope(services.db, actor.scope, code, 'ledger.import');
  if (!HOUSEHOLD_PLACES.has(unit.kind) || !unit.region_code) {
    throw new AppError('validation', 'error.household_place', { name: unit.name }, [
      { path: 'unit', message: `${unit.name}` },
    ]);
  }
  return unit;
}
type TargetUnit = Awaited<ReturnType<typeof targetUnit>>;

/** How many rows after the header the preview shows (importPreview.ts), and the check gives back. */
export const SAMPLE_ROWS = 12;

/**
 * Reads a sheet and checks its rows (no database but the unit), in a sheet worker: a hostile sheet
 * never stops the event loop. The onStep 'read' covers both (the worker does both); 'check' follows it.
 */
async function readSheet(services: Services, actor: Actor, opts: Omit<ImportOptions, 'mode'>) {
  const unit = await targetUnit(services, actor, opts.unitCode);
  opts.onStep?.('read');
  opts.onProgress?.({ step: 'read', done: 0, total: 0 });
  const { sheet, checked } = await ledgerUploadJobs.runReporting(opts.onProgress, 'checkLedger', opts.data, {
    sheet: opts.sheet,
    locale: actor.locale,
    headerRowIndex: opts.headerRow,
    mapping: opts.mapping,
    ledgerDay: (await ledgerDay(services)).today,
    headRows: SAMPLE_ROWS,
  });
  opts.onStep?.('check');
  return { unit, sheet, checked };
}

/** Reads, checks and plans a sheet; writes nothing (the check step, the error sheet). */
export async function checkSheet(services: Services, actor: Actor, opts: Omit<ImportOptions, 'mode'>) {
  const { unit, sheet, checked } = await readSheet(services, actor, opts);
  opts.onStep?.('dedupe');
  const planned = await planSheet(services, services.db, actor, unit, checked, {
    updateExisting: opts.updateExisting === true,
    onProgress: dedupeProgress(opts),
  });
  return {
    unit,
    sheet,
    checked,
    planned,
    households: planned.plan.households.map((p) => p.household),
    errors: planned.errors,
    idHmacs: planned.idHmacs,
  };
}

export function reportOf(
  checked: LedgerSheetResult,
  planned: SheetPlan,
  updateExisting: boolean,
  created?: ImportReport['created'],
): ImportReport {
  const households = planned.plan.households.map((p) => p.household);
  const residents = households.reduce((n, h) => n + h.residents.length, 0);
  const { rows, counts } = planned.plan;
  return {
    rows: checked.dataRows,
    accepted: residents + households.filter((h) => h.empty).reduce((n, h) => n + h.rows.length, 0),
    skipped: checked.skippedBlank + checked.skippedHeadings,
    rejected: planned.errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: e.message })),
    households: households.length,
    residents,
    emptyHouseholds: households.filter((h) => h.empty).length,
    plan: {
      counts,
      rows: rows.slice(0, PLAN_ROWS_SHOWN),
      truncated: rows.length > PLAN_ROWS_SHOWN,
      updateExisting,
    },
    ...(created ? { created } : {}),
  };
}

const isBlocked = (errors: readonly LedgerError[], mode: ImportMode) =>
  errors.some((e) => e.row === null) || (mode === 'all' && errors.length > 0);

export async function importLedger(
  services: Services,
  actor: Actor,
  opts: ImportOptions,
): Promise<ImportResult> {
  const updateExisting = opts.updateExisting === true;
  const { unit, sheet, checked } = await readSheet(services, actor, opts);
  const answer = (imported: boolean, planned: SheetPlan, created?: ImportReport['created']) => ({
    imported,
    report: reportOf(checked, planned, updateExisting, created),
    sheet,
    checked,
    errors: planned.errors,
  });
  opts.onStep?.('dedupe');
  const onDedupe = dedupeProgress(opts);
  if (opts.dryRun) {
    const planned = await planSheet(services, services.db, actor, unit, checked, {
      updateExisting,
      onProgress: onDedupe,
    });
    return answer(false, planned);
  }
  const day = await ledgerDay(services);
  // planned again inside the transaction, the doors it joins locked: what was checked is what is written.
  // Another import (or a form) that wrote one of its people or doors first makes the write fail on the
  // unique index: the transaction is rolled back and run again, and the new plan refuses those rows
  // (id.in_ledger) or joins those doors, as a check made after the other write would have.
  return bulkTransaction(
    services.db,
    async ({ tx, copy }) => {
      const planned = await planSheet(services, tx, actor, unit, checked, {
        updateExisting,
        lock: true,
        onProgress: onDedupe,
      });
      const { households } = planned.plan;
      if (isBlocked(planned.errors, opts.mode) || households.length === 0) return answer(false, planned);
      // every row already as the ledger has it: imported, nothing to write
      const work = households.some(
        (p) => !p.door || p.residents.some((r) => r.action === 'join' || r.action === 'update'),
      );
      if (!work)
        return answer(true, planned, { households: 0, residents: 0, buildings: 0, joined: 0, updated: 0 });
      const created = await load({
        services,
        actor,
        unit,
        planned,
        day,
        tx,
        copy,
        onStep: opts.onStep,
        onProgress: opts.onProgress,
      });
      opts.onStep?.('done');
      return answer(true, planned, created);
    },
    { alsoRetry: (err) => RACED_INDEXES.has(uniqueViolation(err) ?? '') },
  );
}

/** The de-duplication's progress (its parts done, of planSheet's DEDUPE_PARTS) as the import's. */
function dedupeProgress(opts: Pick<ImportOptions, 'onProgress'>) {
  const { onProgress } = opts;
  return onProgress && ((done: number, total: number) => onProgress({ step: 'dedupe', done, total }));
}

/** The rows, telling `onRow` as each is taken (by COPY, as it sends them). */
function* counted<T>(rows: Iterable<T>, onRow: () => void): Iterable<T> {
  for (const row of rows) {
    onRow();
    yield row;
  }
}

/** The unique indexes an import can lose a race on; a new plan sees the rows that won. */
const RACED_INDEXES = new Set(['residents_id_living_uq', 'households_door_uq']);

interface LoadInput {
  services: Services;
  actor: Actor;
  unit: TargetUnit;
  planned: SheetPlan;
  day: Awaited<ReturnType<typeof ledgerDay>>;
  tx: BulkTransaction['tx'];
  copy: BulkTransaction['copy'];
  onStep?: (step: ImportStep) => void;
  onProgress?: (p: ImportProgress) => void;
}

/**
 * Writes the plan: new doors become households with their residents (COPY), the residents joining a
 * household already at their door are added to it, residents already in the ledger get their changes
 * (importUpdates.ts); the households touched are summed up again and every change is in the history.
 */
async function load({ services, actor, unit, planned, day, tx, copy, onStep, onProgress }: LoadInput) {
  const regionCode = unit.region_code as string;
  const { plan, found, idHmacs } = planned;
  onStep?.('places');
  // the rows written, of the households, residents and history rows to write (told every 1,000)
  let written = 0;
  let toWrite = 0;
  const wrote = () => {
    written++;
    if (written % 1000 === 0) onProgress?.({ step: 'write', done: written, total: toWrite });
  };
  onProgress?.({ step: 'write', done: 0, total: 0 });
  // the places of the households planned (findPlaces saw the sheet's, by their key), missing buildings created
  const placeOf = new Map(planned.sheetHouseholds.map((h, i) => [h.key, found.places[i]]));
  const placed = await createMissingPlaces(
    tx,
    actor,
    unit,
    plan.households.map((p) => p.household),
    plan.households.map((p) => placeOf.get(p.household.key)),
    found.missing,
  );
  const placeByKey = new Map(plan.households.map((p, i) => [p.household.key, placed.places[i]]));
  onStep?.('write');

  const fresh: { h: Household; place: Place }[] = [];
  const joining: { householdId: string; p: PlannedHousehold; place: Place }[] = [];
  for (const p of plan.households) {
    const place = placeByKey.get(p.household.key) as Place;
    if (!p.door) fresh.push({ h: p.household, place });
    else if (p.residents.some((r) => r.action === 'join'))
      joining.push({ householdId: parseRecordKey(p.door.key)?.id as string, p, place });
  }
  const joiners = joining.flatMap(({ householdId, p, place }) =>
    p.residents.filter((r) => r.action === 'join').map((r) => ({ householdId, place, r: r.record })),
  );
  const householdIds = await nextIds(tx, 'households', fresh.length);
  const freshResidents = fresh.reduce((n, f) => n + f.h.residents.length, 0);
  const residentIds = await nextIds(tx, 'residents', freshResidents + joiners.length);
  toWrite = 2 * fresh.length + freshResidents + joiners.length;
  onProgress?.({ step: 'write', done: 0, total: toWrite });
  let next = 0;
  const residentRows = function* () {
    for (const [i, { h, place }] of fresh.entries())
      for (const r of h.residents)
        yield residentRow(
          services.protector,
          place,
          residentIds[next++],
          householdIds[i],
          r,
          'present',
          factsOf(r),
          idHmacs.get(r.row),
        );
    for (const { householdId, place, r } of joiners)
      yield residentRow(
        services.protector,
        place,
        residentIds[next++],
        householdId,
        r,
        'present',
        factsOf(r),
        idHmacs.get(r.row),
      );
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
      h.residents.map((r) => ({ status: 'present', markers: r.markers, facts: factsOf(r) })),
      day.policy,
      day.today,
    ),
  );
  // the residents' rows (sealed ID numbers and phones, pinyin) are made while the households load
  const residentsText = encodeCopy(counted(residentRows(), wrote));
  await copy(
    'households',
    q.HOUSEHOLD_LOAD_COLUMNS,
    counted(
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
      wrote,
    ),
  );
  await copy('residents', q.RESIDENT_LOAD_COLUMNS, residentsText);
  await copy(
    'household_history',
    q.HISTORY_LOAD_COLUMNS,
    counted(
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
      wrote,
    ),
  );
  await q.insertRows(
    tx,
    'household_history',
    q.HISTORY_LOAD_COLUMNS,
    joining.map(({ householdId, p }) => [
      regionCode,
      householdId,
      null,
      actor.userId,
      actor.username,
      'imported',
      null,
      null,
      null,
      JSON.stringify({ rows: p.residents.filter((r) => r.action === 'join').map((r) => r.record.row) }),
    ]),
  );
  const updated = await updateResidents(tx, services, actor, regionCode, plan.households);
  await refreshHouseholds(
    tx,
    day,
    regionCode,
    [...new Set([...joining.map((j) => j.householdId), ...updated.households])],
    { actorId: actor.userId, actorName: actor.username },
    'imported',
  );
  onProgress?.({ step: 'write', done: toWrite, total: toWrite });
  const counts = {
    households: fresh.length,
    residents: freshResidents + joiners.length,
    buildings: placed.createdBuildings,
    joined: joining.length,
    updated: updated.residents,
  };
  await auditAs(tx, actor, 'ledger.imported', {
    unitPath: unit.path,
    target: `unit:${unit.code}`,
    detail: counts,
  });
  await services.events.publish(tx, {
    type: 'ledger.changed',
    unitPath: unit.path,
    permission: 'ledger.read',
    data: { imported: counts },
  });
  return counts;
}

/** A resident's facts from the sheet: where they have been (去过的地方), kept undated when no dates. */
function factsOf(r: ResidentRecord): StoredFacts {
  return r.travel ? { travel: r.travel } : {};
}

function importedColourReason(locale: Locale, colour: HouseholdColour, homeAreaCode: string): string {
  const label = colourLabel(colour, locale, homeAreaCode);
  return locale === 'en' ? `marked ${colour} (${label}) in the imported sheet` : `导入的台账中标为${label}`;
}
