import { type RawBuilder, sql } from 'kysely';
import { addDays, UNDERSTAFFED_GRACE_MS } from '../../../../domain/forces/duty';
import { shiftLabelIn } from '../../../../domain/forces/presetNames';
import { translate } from '../../../../domain/i18n/messages';
import { shanghaiDay } from '../../../../domain/time/shanghai';
import type { Db } from '../../../db/connection';
import type { Actor } from '../../../platform/access';
import type { Services } from '../../../platform/services';
import { unitInScope } from '../../org/service';
import { checkRange, type Range, targetFacilities } from './roster';

// Hours on duty per person, per team (force_groups) and per facility; missed shifts (published, over,
// no check-in) and understaffed shifts (fewer on the roster than the shift needs, or fewer checked in
// once it has started), flagged to the unit's office on the alerts list and as 'duty.alert' events.

export type HoursBy = 'person' | 'team' | 'facility';

/** One row per assignment on the target's shifts in the range, with scheduled and worked hours. */
function dutyRows(ids: string[], range: Range, now: number) {
  const at = new Date(now);
  return sql`
    SELECT a.person_id, s.facility_id, s.id AS shift_id,
           extract(epoch FROM s.ends_at - s.starts_at) / 3600 AS scheduled,
           CASE WHEN a.checked_in_at IS NULL
                  OR coalesce(a.checked_out_at, CASE WHEN s.ends_at <= ${at} THEN s.ends_at END) IS NULL THEN 0
                ELSE greatest(0, extract(epoch FROM
                  least(s.ends_at, coalesce(a.checked_out_at, s.ends_at)) - greatest(s.starts_at, a.checked_in_at)) / 3600)
           END AS worked,
           (s.published_at IS NOT NULL AND s.ends_at <= ${at} AND a.checked_in_at IS NULL) AS missed
    FROM duty_assignments a JOIN duty_shifts s ON s.id = a.shift_id
    WHERE s.facility_id = ANY(${ids}::bigint[]) AND s.day BETWEEN ${range.from} AND ${range.to}`;
}

const r1 = (x: unknown) => Math.round(Number(x ?? 0) * 10) / 10;

export interface HoursQuery extends Range {
  unitCode?: string;
  facilityId?: string;
  by: HoursBy;
}

export async function dutyHours(services: Services, actor: Actor, query: HoursQuery, now: number) {
  checkRange(actor.locale, query);
  const { db } = services;
  const facilities = await targetFacilities(
    services,
    actor,
    query.facilityId ? { facilityIds: [query.facilityId] } : { unitCode: query.unitCode },
    'forces.read',
  );
  const ids = facilities.map((f) => f.id);
  const x = dutyRows(ids, query, now);
  if (query.by === 'person') {
    const { rows } = await sql<{
      id: string;
      name: string;
      phone_masked: string | null;
      shifts: string;
      scheduled: string;
      worked: string;
      missed: string;
    }>`
      WITH x AS (${x})
      SELECT p.id, p.name, p.phone_masked, count(*) AS shifts, sum(x.scheduled) AS scheduled,
             sum(x.worked) AS worked, count(*) FILTER (WHERE x.missed) AS missed
      FROM x JOIN people p ON p.id = x.person_id
      GROUP BY p.id
      ORDER BY sum(x.worked) DESC, sum(x.scheduled) DESC, p.id
      LIMIT 5000`.execute(db);
    return {
      by: query.by,
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        phoneMasked: r.phone_masked,
        shifts: Number(r.shifts),
        scheduled: r1(r.scheduled),
        worked: r1(r.worked),
        missed: Number(r.missed),
      })),
    };
  }
  if (query.by === 'facility') {
    const { rows } = await sql<{
      id: string;
      name: string;
      shifts: string;
      needed: string;
      assigned: string;
      scheduled: string;
      worked: string;
      missed: string;
    }>`
      WITH x AS (${x}),
      s AS (SELECT facility_id, count(*) AS shifts, sum(headcount) AS needed FROM duty_shifts
            WHERE facility_id = ANY(${ids}::bigint[]) AND day BETWEEN ${query.from} AND ${query.to}
            GROUP BY facility_id),
      a AS (SELECT facility_id, count(*) AS assigned, sum(scheduled) AS scheduled, sum(worked) AS worked,
                   count(*) FILTER (WHERE missed) AS missed FROM x GROUP BY facility_id)
      SELECT f.id, f.name, s.shifts, s.needed, a.assigned, a.scheduled, a.worked, a.missed
      FROM s JOIN facilities f ON f.id = s.facility_id LEFT JOIN a ON a.facility_id = s.facility_id
      ORDER BY f.unit_path, f.id`.execute(db);
    return {
      by: query.by,
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        shifts: Number(r.shifts),
        needed: Number(r.needed ?? 0),
        assigned: Number(r.assigned ?? 0),
        scheduled: r1(r.scheduled),
        worked: r1(r.worked),
        missed: Number(r.missed ?? 0),
      })),
    };
  }
  // teams: the branches and teams of the unit's subtree, their current members' hours at these facilities
  const root = query.unitCode
    ? (await unitInScope(db, actor.scope, query.unitCode, 'forces.read')).path
    : facilities[0].unit_path;
  const { rows } = await sql<{
    id: string;
    name: string;
    kind: string;
    members: string;
    shifts: string;
    scheduled: string;
    worked: string;
    missed: string;
  }>`
    WITH x AS (${x})
    SELECT g.id, g.name, g.kind, count(DISTINCT m.person_id) AS members, count(x.shift_id) AS shifts,
           coalesce(sum(x.scheduled), 0) AS scheduled, coalesce(sum(x.worked), 0) AS worked,
           count(*) FILTER (WHERE x.missed) AS missed
    FROM force_groups g
    JOIN force_group_members m ON m.group_id = g.id AND m.left_on IS NULL
    LEFT JOIN x ON x.person_id = m.person_id
    WHERE g.unit_path >= ${root} AND g.unit_path < ${`${root}/`} AND g.dissolved_on IS NULL
      AND ${actor.scope.where('g.unit_path', 'forces.read')}
    GROUP BY g.id
    ORDER BY g.unit_path, g.id
    LIMIT 2000`.execute(db);
  return {
    by: query.by,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      members: Number(r.members),
      shifts: Number(r.shifts),
      scheduled: r1(r.scheduled),
      worked: r1(r.worked),
      missed: Number(r.missed),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Alerts

interface AlertRow {
  kind: 'missed' | 'unassigned' | 'absent';
  shift_id: string;
  facility_id: string;
  facility: string;
  unit_path: string;
  day: string;
  label: string;
  starts_at: Date;
  ends_at: Date;
  headcount: number;
  count: string;
  person_id: string | null;
  person: string | null;
}

function alertsSql(
  scope: RawBuilder<boolean>,
  within: RawBuilder<boolean>,
  range: { from: Date; to: Date },
  now: number,
) {
  const at = new Date(now);
  const grace = new Date(now - UNDERSTAFFED_GRACE_MS);
  return sql<AlertRow>`
    (SELECT 'missed' AS kind, s.id AS shift_id, s.facility_id, f.name AS facility, s.unit_path, s.day, s.label,
            s.starts_at, s.ends_at, s.headcount, '0' AS count, p.id AS person_id, p.name AS person
     FROM duty_shifts s
     JOIN duty_assignments a ON a.shift_id = s.id
     JOIN people p ON p.id = a.person_id
     JOIN facilities f ON f.id = s.facility_id
     WHERE ${within} AND ${scope} AND s.published_at IS NOT NULL
       AND s.ends_at <= ${at} AND s.ends_at > ${range.from} AND s.starts_at < ${range.to}
       AND a.checked_in_at IS NULL
     ORDER BY s.starts_at DESC LIMIT 500)
    UNION ALL
    (SELECT CASE WHEN c.assigned < s.headcount THEN 'unassigned' ELSE 'absent' END, s.id, s.facility_id,
            f.name, s.unit_path, s.day, s.label, s.starts_at, s.ends_at, s.headcount,
            (CASE WHEN c.assigned < s.headcount THEN c.assigned ELSE c.checked_in END)::text, NULL, NULL
     FROM duty_shifts s
     JOIN facilities f ON f.id = s.facility_id
     CROSS JOIN LATERAL (
       SELECT count(*) AS assigned, count(*) FILTER (WHERE a.checked_in_at IS NOT NULL) AS checked_in
       FROM duty_assignments a WHERE a.shift_id = s.id) c
     WHERE ${within} AND ${scope} AND s.published_at IS NOT NULL
       AND s.ends_at > ${range.from} AND s.starts_at < ${range.to}
       AND (c.assigned < s.headcount OR (s.starts_at <= ${grace} AND c.checked_in < s.headcount))
     ORDER BY s.starts_at DESC LIMIT 500)`;
}

function alertMessage(locale: Actor['locale'], r: AlertRow) {
  const base = { facility: r.facility, day: r.day, label: shiftLabelIn(r.label, locale) };
  if (r.kind === 'missed') return translate(locale, 'duty.alert.missed', { ...base, name: r.person ?? '' });
  return translate(locale, 'duty.alert.understaffed', {
    ...base,
    headcount: r.headcount,
    count: Number(r.count),
    what: translate(locale, r.kind === 'unassigned' ? 'duty.alert.assigned' : 'duty.alert.checked_in'),
  });
}

function alertView(locale: Actor['locale'], r: AlertRow) {
  return {
    kind: r.kind,
    shiftId: r.shift_id,
    facilityId: r.facility_id,
    facility: r.facility,
    day: r.day,
    label: r.label,
    start: r.starts_at,
    end: r.ends_at,
    headcount: r.headcount,
    count: Number(r.count),
    person: r.person_id ? { id: r.person_id, name: r.person } : null,
    message: alertMessage(locale, r),
  };
}

/**
 * The missed and understaffed shifts of a unit's subtree for its office: published shifts of the range
 * (default: the last seven days to tomorrow) that are over with someone who never checked in, short of
 * people on the roster, or short of check-ins a quarter of an hour after their start.
 */
export async function dutyAlerts(
  services: Services,
  actor: Actor,
  query: { unitCode: string; from?: string; to?: string },
  now: number,
) {
  const unit = await unitInScope(services.db, actor.scope, query.unitCode, 'forces.read');
  const today = shanghaiDay(now);
  const from = query.from ?? addDays(today, -7);
  const to = query.to ?? addDays(today, 1);
  checkRange(actor.locale, { from, to });
  const within = sql<boolean>`(s.unit_path >= ${unit.path} AND s.unit_path < ${`${unit.path}/`})`;
  const range = {
    from: new Date(`${from}T00:00:00+08:00`),
    to: new Date(`${addDays(to, 1)}T00:00:00+08:00`),
  };
  const { rows } = await alertsSql(
    actor.scope.where('s.unit_path', 'forces.read'),
    within,
    range,
    now,
  ).execute(services.db);
  const items = rows
    .sort((a, b) => b.starts_at.getTime() - a.starts_at.getTime())
    .map((r) => alertView(actor.locale, r));
  return {
    from,
    to,
    missed: items.filter((i) => i.kind === 'missed').length,
    understaffed: items.filter((i) => i.kind !== 'missed').length,
    items,
  };
}

/**
 * Publishes a 'duty.alert' event (to the offices whose scope holds the shift) for every shift that
 * became missed or understaffed between `since` and `now`: its grace after the start or its end fell
 * in between. Run every few minutes; each shift is flagged once per threshold it crosses.
 */
export async function sweepDutyAlerts(services: Services, since: number, now: number): Promise<number> {
  const db: Db = services.db;
  const at = new Date(now);
  const { rows } = await sql<{
    shift_id: string;
    unit_path: string;
    facility: string;
    day: string;
    label: string;
    headcount: number;
    assigned: string;
    checked_in: string;
    ended: boolean;
  }>`
    SELECT s.id AS shift_id, s.unit_path, f.name AS facility, s.day, s.label, s.headcount,
           c.assigned, c.checked_in, s.ends_at <= ${at} AS ended
    FROM duty_shifts s
    JOIN facilities f ON f.id = s.facility_id
    CROSS JOIN LATERAL (
      SELECT count(*) AS assigned, count(*) FILTER (WHERE a.checked_in_at IS NOT NULL) AS checked_in
      FROM duty_assignments a WHERE a.shift_id = s.id) c
    WHERE s.published_at IS NOT NULL
      AND ((s.starts_at + interval '15 minutes' > ${new Date(since)} AND s.starts_at + interval '15 minutes' <= ${at}
            AND c.checked_in < s.headcount)
        OR (s.ends_at > ${new Date(since)} AND s.ends_at <= ${at} AND c.checked_in < c.assigned))
    LIMIT 1000`.execute(db);
  for (const r of rows) {
    await services.events.publish(db, {
      type: 'duty.alert',
      unitPath: r.unit_path,
      permission: 'forces.read',
      data: {
        shiftId: r.shift_id,
        facility: r.facility,
        day: r.day,
        label: r.label,
        kind: r.ended ? 'missed' : 'understaffed',
        headcount: r.headcount,
        assigned: Number(r.assigned),
        checkedIn: Number(r.checked_in),
      },
    });
  }
  return rows.length;
}
