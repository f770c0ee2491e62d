import { sql } from 'kysely';
import { attendance, staffing } from '../../../../domain/forces/attendance';
import { daysInRange, dutyConflict, MAX_RANGE_DAYS } from '../../../../domain/forces/duty';
import {
  isQualification,
  QUALIFICATION_LABELS,
  qualificationsOf,
} from '../../../../domain/forces/qualifications';
import {
  type Availability,
  type Candidate,
  DEFAULT_RULES,
  type Qualification,
  type ScheduleRules,
  type ShiftNeed,
  type ShiftPattern,
  type ShiftToFill,
} from '../../../../domain/forces/schedule';
import { autoSchedule } from '../../../../domain/forces/scheduler';
import { expandPattern } from '../../../../domain/forces/shiftPatterns';
import { type Locale, type MessageKey, translate } from '../../../../domain/i18n/messages';
import { pathPrefixes } from '../../../../domain/org/units';
import { shanghaiDayStart } from '../../../../domain/time/shanghai';
import type { Db } from '../../../db/connection';
import type { Actor } from '../../../platform/access';
import { notFound } from '../../../platform/errors';
import { registerPlaceColumn } from '../../../platform/placeColumns';
import type { Services } from '../../../platform/services';
import { unitInScope } from '../../org/service';
import { callupInScope } from './callups';
import { conflictError, fieldError } from './errors';
import * as q from './queries';

// The roster: shifts generated from each facility's pattern, filled by the auto-scheduler or by hand
// (every change a duty_events row), published so that people see their shifts on the phone.

registerPlaceColumn({ table: 'duty_shifts', column: 'unit_path', what: 'what.forces' });
registerPlaceColumn({ table: 'duty_assignments', column: 'unit_path', what: 'what.forces' });
registerPlaceColumn({ table: 'duty_events', column: 'unit_path', what: 'what.forces' });

/** What a roster operation acts on: facilities by id, every facility of a unit's subtree, or of a call-up. */
export interface RosterTarget {
  facilityIds?: string[];
  unitCode?: string;
  callupId?: string;
}

export interface Range {
  from: string;
  to: string;
}

const BATCH = 10_000;

export function checkRange(locale: Locale, range: Range) {
  if (range.to < range.from) throw fieldError(locale, 'to', 'duty.ends_before_start');
  if (daysInRange(range.from, range.to) > MAX_RANGE_DAYS)
    throw fieldError(locale, 'to', 'duty.range_too_long', { days: MAX_RANGE_DAYS });
}

/** The facilities a target names, each in the scope for the permission (else 404). */
export async function targetFacilities(
  services: Services,
  actor: Actor,
  target: RosterTarget,
  permission: 'forces.read' | 'forces.manage',
): Promise<q.FacilityRow[]> {
  const { db } = services;
  if (target.facilityIds?.length) {
    const rows = await q.facilitiesByIds(db, [...new Set(target.facilityIds)]);
    if (rows.length !== new Set(target.facilityIds).size) throw notFound();
    for (const f of rows) actor.scope.check(permission, f.unit_path);
    return rows;
  }
  if (target.callupId) {
    const c = await callupInScope(db, actor, target.callupId, permission);
    const ids = (
      await db.selectFrom('callup_places').select('facility_id').where('callup_id', '=', c.id).execute()
    ).map((r) => r.facility_id);
    return (await q.facilitiesByIds(db, ids)).filter((f) => actor.scope.allows(permission, f.unit_path));
  }
  if (target.unitCode) {
    const unit = await unitInScope(db, actor.scope, target.unitCode, permission);
    return q.facilitiesWithin(db, unit.path, actor.scope.where('f.unit_path', permission));
  }
  throw fieldError(actor.locale, 'unitCode', 'field.required');
}

// ---------------------------------------------------------------------------------------------------
// Generating shifts

/**
 * Shifts for every facility of the target on every day of the range, from its pattern. Idempotent, and
 * it follows a changed pattern: shifts still to come take the pattern's label, end and needs; those
 * the pattern no longer has are removed when nobody was ever on them, and kept (counted in `kept`)
 * when somebody was, for the office to move by hand. Shifts already over are left as they were.
 */
export async function generateShifts(
  services: Services,
  actor: Actor,
  target: RosterTarget & Range & { now?: number },
) {
  checkRange(actor.locale, target);
  const facilities = await targetFacilities(services, actor, target, 'forces.manage');
  if (!facilities.length) throw fieldError(actor.locale, 'unitCode', 'duty.no_facilities');
  const patterns = await services.db
    .selectFrom('shift_patterns')
    .select(['facility_id', 'name', 'shifts'])
    .where(
      'facility_id',
      'in',
      facilities.map((f) => f.id),
    )
    .execute();
  const byFacility = new Map(
    patterns.map((p) => [p.facility_id, { name: p.name, shifts: p.shifts } as ShiftPattern]),
  );
  const rows: Array<{
    f: string;
    path: string;
    day: string;
    label: string;
    s: Date;
    e: Date;
    needs: string;
    n: number;
  }> = [];
  const noPattern: Array<{ id: string; name: string }> = [];
  for (const f of facilities) {
    const pattern = byFacility.get(f.id);
    if (!pattern) {
      noPattern.push({ id: f.id, name: f.name });
      continue;
    }
    for (const s of expandPattern(pattern, target.from, target.to)) {
      rows.push({
        f: f.id,
        path: f.unit_path,
        day: s.day,
        label: s.label,
        s: new Date(s.start),
        e: new Date(s.end),
        needs: JSON.stringify(s.needs),
        n: s.needs.reduce((k, x) => k + x.count, 0),
      });
    }
  }
  if (facilities.length === noPattern.length)
    throw fieldError(actor.locale, 'facilityIds', 'duty.no_pattern', { facility: noPattern[0].name });
  const over = new Date(target.now ?? 0);
  let created = 0;
  let updated = 0;
  let removed = 0;
  let kept = 0;
  await services.db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      const b = rows.slice(i, i + BATCH);
      const { rows: done } = await sql<{ inserted: boolean }>`
        INSERT INTO duty_shifts AS d (facility_id, unit_path, day, label, starts_at, ends_at, needs, headcount)
        SELECT * FROM unnest(${b.map((r) => r.f)}::bigint[], ${b.map((r) => r.path)}::text[],
          ${b.map((r) => r.day)}::date[], ${b.map((r) => r.label)}::text[], ${b.map((r) => r.s)}::timestamptz[],
          ${b.map((r) => r.e)}::timestamptz[], ${b.map((r) => r.needs)}::jsonb[], ${b.map((r) => r.n)}::int[])
        ON CONFLICT (facility_id, starts_at) DO UPDATE
          SET label = EXCLUDED.label, ends_at = EXCLUDED.ends_at, needs = EXCLUDED.needs,
              headcount = EXCLUDED.headcount
          WHERE d.ends_at > ${over}
            AND (d.label, d.ends_at, d.needs, d.headcount)
                IS DISTINCT FROM (EXCLUDED.label, EXCLUDED.ends_at, EXCLUDED.needs, EXCLUDED.headcount)
        RETURNING (xmax = 0) AS inserted`.execute(tx);
      for (const r of done) {
        if (r.inserted) created++;
        else updated++;
      }
    }
    // shifts to come the pattern no longer has: removed unless somebody was ever on them
    const withPattern = facilities.filter((f) => byFacility.has(f.id)).map((f) => f.id);
    const { rows: stale } = await sql<{ id: string; used: boolean }>`
      SELECT d.id, EXISTS (SELECT 1 FROM duty_events e WHERE e.shift_id = d.id)
                   OR EXISTS (SELECT 1 FROM duty_assignments a WHERE a.shift_id = d.id) AS used
      FROM duty_shifts d
      WHERE d.facility_id = ANY(${withPattern}::bigint[])
        AND d.day BETWEEN ${target.from}::date AND ${target.to}::date
        AND d.starts_at > ${over}
        AND NOT EXISTS (
          SELECT 1 FROM unnest(${rows.map((r) => r.f)}::bigint[], ${rows.map((r) => r.s)}::timestamptz[]) AS x(f, s)
          WHERE x.f = d.facility_id AND x.s = d.starts_at)`.execute(tx);
    const unused = stale.filter((r) => !r.used).map((r) => r.id);
    kept = stale.length - unused.length;
    if (unused.length) {
      const res = await sql`DELETE FROM duty_shifts WHERE id = ANY(${unused}::bigint[])`.execute(tx);
      removed = Number(res.numAffectedRows ?? 0);
    }
  });
  return { facilities: facilities.length, shifts: rows.length, created, updated, removed, kept, noPattern };
}

// ---------------------------------------------------------------------------------------------------
// Auto-scheduling

/**
 * The area a facility draws its people from: its county or district (区县), or its own unit above that.
 * Cadres are sent down across a district (Huiji sent its bureaus' staff to checkpoints in every town), so
 * a community's checkpoint may take people from anywhere in its district the user manages; the
 * scheduler prefers the nearest (same community, then street).
 */
export function areaOf(path: string): string {
  const prefixes = pathPrefixes(path);
  return prefixes[Math.min(prefixes.length, 3) - 1];
}

/** Roots of a set of paths with nested ones dropped. */
function topRoots(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  const out: string[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (!last || !(p === last || p.startsWith(`${last}.`))) out.push(p);
  }
  return out;
}

interface CandidateRow {
  id: string;
  unit_path: string;
  skills: string[];
  is_cadre: boolean;
  is_party_member: boolean;
  availability: Availability;
  name: string;
}

/**
 * The people who may fill the shifts of these facilities: active people in scope within the facilities'
 * areas and cleared for duty (never signed up through a call-up, or trained: 上岗培训 signed off before
 * the first duty), and the approved, trained sign-ups of call-ups for these facilities.
 */
export async function candidatesFor(db: Db, actor: Actor, facilities: q.FacilityRow[]) {
  const roots = topRoots(facilities.map((f) => areaOf(f.unit_path)));
  const ids = facilities.map((f) => f.id);
  const { rows } = await sql<CandidateRow & { signup_facility: string | null }>`
    SELECT p.id, p.unit_path, p.skills, p.is_cadre, p.is_party_member, p.availability, p.name,
           NULL::bigint AS signup_facility
    FROM unnest(${roots}::text[]) r(root)
    JOIN people p ON p.unit_path >= r.root AND p.unit_path < r.root || '/'
    WHERE p.status = 'active' AND ${actor.scope.where('p.unit_path', 'forces.manage')}
      AND (NOT EXISTS (SELECT 1 FROM callup_signups s WHERE s.person_id = p.id)
           OR EXISTS (SELECT 1 FROM person_trainings t WHERE t.person_id = p.id))
    UNION ALL
    SELECT DISTINCT ON (p.id) p.id, p.unit_path, p.skills, p.is_cadre, p.is_party_member, p.availability, p.name,
           s.facility_id
    FROM callup_signups s JOIN people p ON p.id = s.person_id
    WHERE s.facility_id = ANY(${ids}::bigint[]) AND s.status = 'approved' AND s.trained_at IS NOT NULL
      AND p.status = 'active'`.execute(db);
  const pathOf = new Map(facilities.map((f) => [f.id, f.unit_path]));
  const byId = new Map<string, CandidateRow & { unitPath: string }>();
  for (const r of rows) {
    if (byId.has(r.id)) continue;
    // a volunteer signed up for a station counts as living at it: the scheduler prefers the nearest
    const near = r.signup_facility ? (pathOf.get(r.signup_facility) ?? r.unit_path) : r.unit_path;
    byId.set(r.id, { ...r, unitPath: near });
  }
  return [...byId.values()];
}

export interface UnfilledView {
  shiftId: string;
  facilityId: string;
  facility: string;
  day: string;
  label: string;
  qualification: Qualification | null;
  missing: number;
  message: string;
}

export interface AutoScheduleAnswer {
  facilities: number;
  shifts: number;
  /** shifts of the range already over, left as they were */
  skipped: number;
  candidates: number;
  needed: number;
  filled: number;
  assigned: number;
  spread: { people: number; min: number; max: number; mean: number; stddev: number };
  unfilled: UnfilledView[];
  unfilledTotal: number;
  ms: number;
  /** where the time went: loading shifts and people, the scheduler, writing the assignments (ms) */
  timings: { load: number; schedule: number; write: number };
}

function qualificationName(locale: Locale, q: Qualification | null): string {
  return q ? QUALIFICATION_LABELS[q][locale] : translate(locale, 'duty.anyone');
}

/**
 * Fills the shifts of a target's facilities in a range: loads the shifts with the people already on
 * them, the candidates with their other shifts (busy) and recent hours, runs the auto-scheduler and
 * writes its assignments and their events in one transaction, in batches through unnest. Answers the
 * share filled, the spread of hours and why each unfilled place stayed empty.
 */
export async function autoScheduleRange(
  services: Services,
  actor: Actor,
  input: RosterTarget &
    Range & {
      rules?: Partial<ScheduleRules>;
      explain?: number;
      /** shifts over by then are left as they are (nobody can be sent to the past); absent: all */
      now?: number;
    },
): Promise<AutoScheduleAnswer> {
  const started = performance.now();
  checkRange(actor.locale, input);
  const rules: ScheduleRules = { ...DEFAULT_RULES, ...(input.rules ?? {}) };
  const { db } = services;
  const facilities = await targetFacilities(services, actor, input, 'forces.manage');
  const allShifts = await q.shiftsOf(
    db,
    facilities.map((f) => f.id),
    input.from,
    input.to,
  );
  const now = input.now;
  const shiftRows = now === undefined ? allShifts : allShifts.filter((x) => x.ends_at.getTime() > now);
  const people = await candidatesFor(db, actor, facilities);
  const shiftIds = shiftRows.map((s) => s.id);
  // who is on these shifts already
  const { rows: onShifts } = await sql<{ shift_id: string; person_id: string; skill: string | null }>`
    SELECT shift_id, person_id, skill FROM duty_assignments WHERE shift_id = ANY(${shiftIds}::bigint[])`.execute(
    db,
  );
  const assignedOf = new Map<string, Array<{ personId: string; qualification: Qualification | null }>>();
  for (const a of onShifts) {
    const list = assignedOf.get(a.shift_id) ?? [];
    list.push({ personId: a.person_id, qualification: a.skill && isQualification(a.skill) ? a.skill : null });
    assignedOf.set(a.shift_id, list);
  }
  // the candidates' other shifts: busy around the range, hours of the four weeks before for balance
  const personIds = people.map((p) => p.id);
  const rangeStart = shanghaiDayStart(input.from);
  const rangeEnd = shanghaiDayStart(input.to) + 86_400_000;
  const { rows: others } = personIds.length
    ? await sql<{ person_id: string; starts_at: Date; ends_at: Date }>`
        SELECT a.person_id, s.starts_at, s.ends_at
        FROM duty_assignments a JOIN duty_shifts s ON s.id = a.shift_id
        WHERE a.person_id = ANY(${personIds}::bigint[])
          AND s.ends_at > ${new Date(rangeStart - 28 * 86_400_000)} AND s.starts_at < ${new Date(rangeEnd + 8 * 86_400_000)}
          AND NOT (s.id = ANY(${shiftIds}::bigint[]))`.execute(db)
    : { rows: [] };
  const busyOf = new Map<string, Array<{ start: number; end: number }>>();
  const hoursOf = new Map<string, number>();
  for (const o of others) {
    const start = o.starts_at.getTime();
    const end = o.ends_at.getTime();
    if (end > rangeStart - 8 * 86_400_000) {
      const list = busyOf.get(o.person_id) ?? [];
      list.push({ start, end });
      busyOf.set(o.person_id, list);
    }
    if (start < rangeStart)
      hoursOf.set(o.person_id, (hoursOf.get(o.person_id) ?? 0) + (end - start) / 3_600_000);
  }
  const candidates: Candidate[] = people.map((p) => ({
    id: p.id,
    unitPath: p.unitPath,
    qualifications: qualificationsOf({
      skills: p.skills,
      isCadre: p.is_cadre,
      isPartyMember: p.is_party_member,
    }),
    availability: (p.availability ?? {}) as Availability,
    hoursBefore: hoursOf.get(p.id) ?? 0,
    busy: busyOf.get(p.id),
  }));
  const toFill: ShiftToFill[] = shiftRows.map((s) => ({
    id: s.id,
    facilityId: s.facility_id,
    unitPath: s.unit_path,
    day: s.day,
    label: s.label,
    start: s.starts_at.getTime(),
    end: s.ends_at.getTime(),
    needs: s.needs as ShiftNeed[],
    assigned: assignedOf.get(s.id),
  }));
  const loaded = performance.now();
  const result = autoSchedule(toFill, candidates, rules);
  const scheduled = performance.now();
  const shiftById = new Map(shiftRows.map((s) => [s.id, s]));
  const list = result.assignments;
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < list.length; i += BATCH) {
      const b = list.slice(i, i + BATCH);
      await sql`
        WITH ins AS (
          INSERT INTO duty_assignments (shift_id, person_id, unit_path, skill, source)
          SELECT x.shift_id, x.person_id, s.unit_path, x.skill, 'auto'
          FROM unnest(${b.map((a) => a.shiftId)}::bigint[], ${b.map((a) => a.personId)}::bigint[],
                      ${b.map((a) => a.qualification)}::text[]) AS x(shift_id, person_id, skill)
          JOIN duty_shifts s ON s.id = x.shift_id
          ON CONFLICT (shift_id, person_id) DO NOTHING
          RETURNING id, shift_id, person_id, unit_path, skill)
        INSERT INTO duty_events (assignment_id, shift_id, unit_path, kind, person_id, by_user, detail)
        SELECT id, shift_id, unit_path, 'assigned', person_id, ${actor.userId}::bigint,
               jsonb_build_object('source', 'auto', 'skill', skill)
        FROM ins`.execute(tx);
    }
  });
  const written = performance.now();
  const explain = input.explain ?? 200;
  const unfilled = result.unfilled.slice(0, explain).map((u): UnfilledView => {
    const s = shiftById.get(u.shiftId) as q.ShiftRow;
    const base = {
      facility: s.facility_name,
      day: s.day,
      label: s.label,
      missing: u.missing,
      qualification: qualificationName(actor.locale, u.qualification),
    };
    const reasons = (['unavailable', 'overlapping', 'resting', 'overHours'] as const)
      .filter((k) => u.rejected[k] > 0)
      .map((k) => translate(actor.locale, `duty.reason.${k}` as MessageKey, { n: u.rejected[k] }))
      .join(actor.locale === 'en' ? '; ' : '；');
    const message = u.noneQualified
      ? translate(actor.locale, 'duty.unfilled.none', base)
      : translate(actor.locale, 'duty.unfilled.some', {
          ...base,
          reasons: reasons || translate(actor.locale, 'duty.unfilled.nobody'),
        });
    return {
      shiftId: u.shiftId,
      facilityId: s.facility_id,
      facility: s.facility_name,
      day: s.day,
      label: s.label,
      qualification: u.qualification,
      missing: u.missing,
      message,
    };
  });
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    facilities: facilities.length,
    shifts: shiftRows.length,
    skipped: allShifts.length - shiftRows.length,
    candidates: candidates.length,
    needed: result.needed,
    filled: result.filled,
    assigned: list.length,
    spread: {
      people: result.spread.people,
      min: r1(result.spread.min),
      max: r1(result.spread.max),
      mean: r1(result.spread.mean),
      stddev: r1(result.spread.stddev),
    },
    unfilled,
    unfilledTotal: result.unfilled.length,
    ms: Math.round(performance.now() - started),
    timings: {
      load: Math.round(loaded - started),
      schedule: Math.round(scheduled - loaded),
      write: Math.round(written - scheduled),
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Publishing and viewing

export async function publishRange(services: Services, actor: Actor, input: RosterTarget & Range) {
  checkRange(actor.locale, input);
  const facilities = await targetFacilities(services, actor, input, 'forces.manage');
  if (!facilities.length) return { published: 0 };
  const res = await services.db
    .updateTable('duty_shifts')
    .set({ published_at: new Date() })
    .where(
      'facility_id',
      'in',
      facilities.map((f) => f.id),
    )
    .where('day', '>=', input.from)
    .where('day', '<=', input.to)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return { published: Number(res.numUpdatedRows) };
}

const ms = (d: Date | null) => (d ? d.getTime() : null);

/** A shift of the roster at `now` (the duty clock): its people with their attendance, its staffing. */
function shiftView(s: q.ShiftRow, people: q.AssignmentRow[], now: number) {
  const times = {
    start: s.starts_at.getTime(),
    end: s.ends_at.getTime(),
    published: s.published_at !== null,
  };
  const records = people.map((a) => ({
    checkedInAt: ms(a.checked_in_at),
    checkedOutAt: ms(a.checked_out_at),
  }));
  return {
    id: s.id,
    facilityId: s.facility_id,
    facility: s.facility_name,
    day: s.day,
    label: s.label,
    start: s.starts_at,
    end: s.ends_at,
    needs: s.needs as ShiftNeed[],
    headcount: s.headcount,
    published: times.published,
    assigned: people.length,
    checkedIn: records.filter((r) => r.checkedInAt !== null).length,
    staffing: staffing({ ...times, headcount: s.headcount }, records, now),
    people: people.map((a, i) => ({
      assignmentId: a.id,
      personId: a.person_id,
      name: a.name,
      phoneMasked: a.phone_masked,
      qualification: a.skill,
      source: a.source,
      checkedInAt: a.checked_in_at,
      checkedOutAt: a.checked_out_at,
      attendance: attendance(times, records[i], now),
    })),
  };
}

/** A facility's roster for a range (the calendar: days × shifts with the people on each). */
export async function facilityRoster(
  services: Services,
  actor: Actor,
  input: { facilityId: string } & Range,
  now: number,
) {
  checkRange(actor.locale, input);
  const [facility] = await targetFacilities(
    services,
    actor,
    { facilityIds: [input.facilityId] },
    'forces.read',
  );
  const shifts = await q.shiftsOf(services.db, [facility.id], input.from, input.to);
  const assignments = await q.assignmentsOfShifts(
    services.db,
    shifts.map((s) => s.id),
  );
  const byShift = new Map<string, q.AssignmentRow[]>();
  for (const a of assignments) byShift.set(a.shift_id, [...(byShift.get(a.shift_id) ?? []), a]);
  const pattern = await services.db
    .selectFrom('shift_patterns')
    .select(['name', 'shifts'])
    .where('facility_id', '=', facility.id)
    .executeTakeFirst();
  return {
    facility: { id: facility.id, name: facility.name, kind: facility.kind },
    pattern: pattern ? { name: pattern.name, shifts: pattern.shifts } : null,
    shifts: shifts.map((s) => shiftView(s, byShift.get(s.id) ?? [], now)),
  };
}

/** The facilities of a unit's subtree with their shifts counted per day (the overview before a calendar). */
export async function rosterOverview(services: Services, actor: Actor, input: { unitCode: string } & Range) {
  checkRange(actor.locale, input);
  const unit = await unitInScope(services.db, actor.scope, input.unitCode, 'forces.read');
  const facilities = await q.facilitiesWithin(
    services.db,
    unit.path,
    actor.scope.where('f.unit_path', 'forces.read'),
    500,
  );
  const ids = facilities.map((f) => f.id);
  const { rows } = ids.length
    ? await sql<{
        facility_id: string;
        day: string;
        shifts: string;
        needed: string;
        assigned: string;
        published: string;
      }>`
        SELECT s.facility_id, s.day, count(*) AS shifts, sum(s.headcount) AS needed,
               sum((SELECT count(*) FROM duty_assignments a WHERE a.shift_id = s.id)) AS assigned,
               count(*) FILTER (WHERE s.published_at IS NOT NULL) AS published
        FROM duty_shifts s
        WHERE s.facility_id = ANY(${ids}::bigint[]) AND s.day BETWEEN ${input.from} AND ${input.to}
        GROUP BY s.facility_id, s.day`.execute(services.db)
    : { rows: [] };
  const days = new Map<string, typeof rows>();
  for (const r of rows) days.set(r.facility_id, [...(days.get(r.facility_id) ?? []), r]);
  return {
    unit: { code: unit.code, name: unit.name },
    facilities: facilities.map((f) => ({
      id: f.id,
      name: f.name,
      kind: f.kind,
      pattern: f.pattern_name,
      days: (days.get(f.id) ?? []).map((d) => ({
        day: d.day,
        shifts: Number(d.shifts),
        needed: Number(d.needed),
        assigned: Number(d.assigned),
        published: Number(d.published),
      })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Changes by hand: add, swap, remove (each a duty_events row)

async function shiftInScope(db: Db, actor: Actor, id: string, permission: 'forces.read' | 'forces.manage') {
  const row = await db
    .selectFrom('duty_shifts as s')
    .innerJoin('facilities as f', 'f.id', 's.facility_id')
    .select([
      's.id',
      's.facility_id',
      's.unit_path',
      's.starts_at',
      's.ends_at',
      's.needs',
      'f.name as facility_name',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  actor.scope.check(permission, row.unit_path);
  return row;
}

async function assignmentInScope(db: Db, actor: Actor, id: string) {
  const row = await db
    .selectFrom('duty_assignments')
    .select(['id', 'shift_id', 'person_id', 'unit_path', 'skill', 'checked_in_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  actor.scope.check('forces.manage', row.unit_path);
  return row;
}

function when(locale: Locale, t: number) {
  const d = new Date(t + 8 * 3_600_000).toISOString();
  return locale === 'en'
    ? `${d.slice(5, 10)} ${d.slice(11, 16)}`
    : `${d.slice(5, 7)}月${d.slice(8, 10)}日 ${d.slice(11, 16)}`;
}

/**
 * Whether a person may take a place on a shift, by the auto-scheduler's rules; throws a 409 naming the
 * conflict (field personId) when not. The person must be in reach: active, in scope or a trained
 * sign-up for the facility, and trained when they came through a call-up.
 */
async function checkPersonForShift(
  db: Db,
  actor: Actor,
  personId: string,
  shift: { id: string; facility_id: string; starts_at: Date; ends_at: Date },
  qualification: Qualification | null,
  rules: ScheduleRules,
  replacing?: string,
) {
  const p = await db
    .selectFrom('people')
    .select(['id', 'name', 'unit_path', 'status', 'skills', 'is_cadre', 'is_party_member', 'availability'])
    .where('id', '=', personId)
    .executeTakeFirst();
  const signup = await db
    .selectFrom('callup_signups')
    .select(['status', 'trained_at', 'facility_id'])
    .where('person_id', '=', personId)
    .execute();
  const forHere = signup.some(
    (s) => s.facility_id === shift.facility_id && s.status === 'approved' && s.trained_at,
  );
  if (!p || (!actor.scope.allows('forces.manage', p.unit_path) && !forHere))
    throw fieldError(actor.locale, 'personId', 'error.not_found');
  if (p.status !== 'active')
    throw conflictError(actor.locale, 'personId', 'duty.person_inactive', { name: p.name });
  if (signup.length) {
    const trained = await db
      .selectFrom('person_trainings')
      .select('id')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!trained) throw conflictError(actor.locale, 'personId', 'duty.not_trained', { name: p.name });
  }
  const already = await db
    .selectFrom('duty_assignments')
    .select('id')
    .where('shift_id', '=', shift.id)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (already) throw conflictError(actor.locale, 'personId', 'duty.already_on_shift', { name: p.name });
  const start = shift.starts_at.getTime();
  const end = shift.ends_at.getTime();
  const { rows: others } = await sql<{ starts_at: Date; ends_at: Date }>`
    SELECT s.starts_at, s.ends_at FROM duty_assignments a JOIN duty_shifts s ON s.id = a.shift_id
    WHERE a.person_id = ${personId} AND s.id <> ${shift.id}
      AND s.ends_at > ${new Date(start - 8 * 86_400_000)} AND s.starts_at < ${new Date(end + 8 * 86_400_000)}
      ${replacing ? sql`AND a.id <> ${replacing}` : sql``}`.execute(db);
  const conflict = dutyConflict(
    {
      qualifications: qualificationsOf({
        skills: p.skills,
        isCadre: p.is_cadre,
        isPartyMember: p.is_party_member,
      }),
      availability: (p.availability ?? {}) as Availability,
      shifts: others.map((o) => ({ start: o.starts_at.getTime(), end: o.ends_at.getTime() })),
    },
    { start, end },
    qualification,
    rules,
  );
  if (conflict) {
    const params: Record<string, string | number> = { name: p.name };
    if (conflict.reason === 'qualification')
      params.qualification = QUALIFICATION_LABELS[conflict.qualification][actor.locale];
    if (conflict.reason === 'overlapping' || conflict.reason === 'resting')
      params.when = when(actor.locale, conflict.with.start);
    if (conflict.reason === 'resting') params.hours = rules.minRestHours;
    if (conflict.reason === 'overHours') {
      params.hours = Math.round(conflict.hours * 10) / 10;
      params.max = conflict.max;
    }
    throw conflictError(actor.locale, 'personId', `duty.conflict.${conflict.reason}` as MessageKey, params);
  }
  return p;
}

function notOver(locale: Locale, shift: { ends_at: Date }, now: number) {
  if (shift.ends_at.getTime() <= now) throw conflictError(locale, 'shiftId', 'duty.shift_over');
}

export async function addAssignment(
  services: Services,
  actor: Actor,
  shiftId: string,
  input: { personId: string; qualification?: Qualification | null; rules?: Partial<ScheduleRules> },
  now: number,
) {
  const shift = await shiftInScope(services.db, actor, shiftId, 'forces.manage');
  notOver(actor.locale, shift, now);
  const rules = { ...DEFAULT_RULES, ...(input.rules ?? {}) };
  await checkPersonForShift(services.db, actor, input.personId, shift, input.qualification ?? null, rules);
  const id = await services.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('duty_assignments')
      .values({
        shift_id: shift.id,
        person_id: input.personId,
        unit_path: shift.unit_path,
        skill: input.qualification ?? null,
        source: 'manual',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('duty_events')
      .values({
        assignment_id: row.id,
        shift_id: shift.id,
        unit_path: shift.unit_path,
        kind: 'assigned',
        person_id: input.personId,
        by_user: actor.userId,
        detail: JSON.stringify({ source: 'manual', skill: input.qualification ?? null }),
      })
      .execute();
    return row.id;
  });
  return { id };
}

/** Puts another person on an assignment's place (调班): the same rules as the auto-scheduler. */
export async function swapAssignment(
  services: Services,
  actor: Actor,
  assignmentId: string,
  input: { personId: string; rules?: Partial<ScheduleRules> },
  now: number,
) {
  const a = await assignmentInScope(services.db, actor, assignmentId);
  const shift = await shiftInScope(services.db, actor, a.shift_id, 'forces.manage');
  notOver(actor.locale, shift, now);
  if (a.checked_in_at) throw conflictError(actor.locale, 'assignmentId', 'duty.shift_over');
  const rules = { ...DEFAULT_RULES, ...(input.rules ?? {}) };
  const skill = a.skill && isQualification(a.skill) ? a.skill : null;
  await checkPersonForShift(services.db, actor, input.personId, shift, skill, rules, a.id);
  await services.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('duty_assignments')
      .set({ person_id: input.personId, source: 'manual', check_in_client: null })
      .where('id', '=', a.id)
      .execute();
    await tx
      .insertInto('duty_events')
      .values({
        assignment_id: a.id,
        shift_id: a.shift_id,
        unit_path: a.unit_path,
        kind: 'swapped',
        person_id: input.personId,
        other_person_id: a.person_id,
        by_user: actor.userId,
        detail: JSON.stringify({ from: a.person_id, to: input.personId }),
      })
      .execute();
  });
  return { id: a.id };
}

export async function removeAssignment(services: Services, actor: Actor, assignmentId: string, now: number) {
  const a = await assignmentInScope(services.db, actor, assignmentId);
  const shift = await shiftInScope(services.db, actor, a.shift_id, 'forces.manage');
  notOver(actor.locale, shift, now);
  if (a.checked_in_at) throw conflictError(actor.locale, 'assignmentId', 'duty.shift_over');
  await services.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('duty_events')
      .values({
        assignment_id: null,
        shift_id: a.shift_id,
        unit_path: a.unit_path,
        kind: 'removed',
        person_id: a.person_id,
        by_user: actor.userId,
        detail: JSON.stringify({ assignmentId: a.id, skill: a.skill }),
      })
      .execute();
    await tx.deleteFrom('duty_assignments').where('id', '=', a.id).execute();
  });
}

/** People who could take a place on a shift (for the swap dialog): in reach, not on it, no conflict. */
export async function shiftCandidates(
  services: Services,
  actor: Actor,
  shiftId: string,
  input: { q?: string; qualification?: Qualification | null; limit: number },
) {
  const shift = await shiftInScope(services.db, actor, shiftId, 'forces.manage');
  const [facility] = await q.facilitiesByIds(services.db, [shift.facility_id]);
  const people = await candidatesFor(services.db, actor, [facility]);
  const { rows: on } = await sql<{ person_id: string }>`
    SELECT person_id FROM duty_assignments WHERE shift_id = ${shift.id}`.execute(services.db);
  const onShift = new Set(on.map((r) => r.person_id));
  const text = input.q?.trim();
  const pool = people.filter((p) => !onShift.has(p.id) && (!text || p.name.includes(text)));
  const ids = pool.map((p) => p.id);
  const start = shift.starts_at.getTime();
  const end = shift.ends_at.getTime();
  const { rows: others } = ids.length
    ? await sql<{ person_id: string; starts_at: Date; ends_at: Date }>`
        SELECT a.person_id, s.starts_at, s.ends_at FROM duty_assignments a JOIN duty_shifts s ON s.id = a.shift_id
        WHERE a.person_id = ANY(${ids}::bigint[])
          AND s.ends_at > ${new Date(start - 8 * 86_400_000)} AND s.starts_at < ${new Date(end + 8 * 86_400_000)}`.execute(
        services.db,
      )
    : { rows: [] };
  const shiftsOf = new Map<string, Array<{ start: number; end: number }>>();
  for (const o of others)
    shiftsOf.set(o.person_id, [
      ...(shiftsOf.get(o.person_id) ?? []),
      { start: o.starts_at.getTime(), end: o.ends_at.getTime() },
    ]);
  const items = [];
  for (const p of pool) {
    const quals = qualificationsOf({
      skills: p.skills,
      isCadre: p.is_cadre,
      isPartyMember: p.is_party_member,
    });
    const conflict = dutyConflict(
      {
        qualifications: quals,
        availability: (p.availability ?? {}) as Availability,
        shifts: shiftsOf.get(p.id) ?? [],
      },
      { start, end },
      input.qualification ?? null,
      DEFAULT_RULES,
    );
    if (conflict) continue;
    items.push({ id: p.id, name: p.name, qualifications: quals });
    if (items.length >= input.limit) break;
  }
  return { items };
}
