import { type RawBuilder, sql } from 'kysely';
import { addDays, checkInVerdict, dutyState, mondayOf, workedHours } from '../../../../domain/forces/duty';
import type { Locale } from '../../../../domain/i18n/messages';
import { shanghaiDay, shanghaiDayStart } from '../../../../domain/time/shanghai';
import type { Db } from '../../../db/connection';
import { notFound } from '../../../platform/errors';
import type { Services } from '../../../platform/services';
import { conflictError } from './errors';

// A person's own duty on the phone: their published shifts, check-in and check-out at the facility.
// These act only on the caller's own person (people.user_id = the user); anything else answers 404.

interface MineRow {
  id: string;
  shift_id: string;
  facility_id: string;
  facility_name: string;
  address: string | null;
  day: string;
  label: string;
  starts_at: Date;
  ends_at: Date;
  skill: string | null;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
}

const ms = (d: Date | null) => (d ? d.getTime() : null);

function view(r: MineRow, now: number) {
  const times = {
    start: r.starts_at.getTime(),
    end: r.ends_at.getTime(),
    checkedInAt: ms(r.checked_in_at),
    checkedOutAt: ms(r.checked_out_at),
  };
  return {
    assignmentId: r.id,
    shiftId: r.shift_id,
    facilityId: r.facility_id,
    facility: r.facility_name,
    address: r.address,
    day: r.day,
    label: r.label,
    start: r.starts_at,
    end: r.ends_at,
    qualification: r.skill,
    checkedInAt: r.checked_in_at,
    checkedOutAt: r.checked_out_at,
    state: dutyState(times, now),
    hours: workedHours(times, now),
  };
}

async function personOfUser(db: Db, userId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'name', 'unit_path'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** The caller's published shifts from today (and a night shift still running) to seven days on, with hours. */
export async function myDuty(services: Services, userId: string, now: number) {
  const person = await personOfUser(services.db, userId);
  if (!person)
    return { person: null, today: shanghaiDay(now), shifts: [], hours: { week: 0, month: 0, total: 0 } };
  const today = shanghaiDay(now);
  const { rows } = await sql<MineRow>`
    SELECT a.id, a.shift_id, s.facility_id, f.name AS facility_name, f.address, s.day, s.label, s.starts_at,
           s.ends_at, a.skill, a.checked_in_at, a.checked_out_at
    FROM duty_assignments a
    JOIN duty_shifts s ON s.id = a.shift_id
    JOIN facilities f ON f.id = s.facility_id
    WHERE a.person_id = ${person.id} AND s.published_at IS NOT NULL
      AND s.ends_at > ${new Date(shanghaiDayStart(today))} AND s.day <= ${addDays(today, 7)}
    ORDER BY s.starts_at
    LIMIT 100`.execute(services.db);
  const { rows: done } = await sql<MineRow>`
    SELECT a.id, a.shift_id, s.facility_id, '' AS facility_name, NULL AS address, s.day, s.label, s.starts_at,
           s.ends_at, a.skill, a.checked_in_at, a.checked_out_at
    FROM duty_assignments a JOIN duty_shifts s ON s.id = a.shift_id
    WHERE a.person_id = ${person.id} AND a.checked_in_at IS NOT NULL`.execute(services.db);
  const monday = mondayOf(today);
  const firstOfMonth = `${today.slice(0, 8)}01`;
  const hours = { week: 0, month: 0, total: 0 };
  for (const r of done) {
    const h = view(r, now).hours;
    hours.total += h;
    if (r.day >= monday) hours.week += h;
    if (r.day >= firstOfMonth) hours.month += h;
  }
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    person: { id: person.id, name: person.name },
    today,
    shifts: rows.map((r) => view(r, now)),
    hours: { week: r1(hours.week), month: r1(hours.month), total: r1(hours.total) },
  };
}

/** The caller's own assignment on a published shift, locked for the change; 404 otherwise. */
async function ownAssignment(tx: Db, userId: string, assignmentId: string) {
  const { rows } = await sql<
    MineRow & { unit_path: string; person_id: string; check_in_client: string | null }
  >`
    SELECT a.id, a.shift_id, s.facility_id, f.name AS facility_name, f.address, s.day, s.label, s.starts_at,
           s.ends_at, a.skill, a.checked_in_at, a.checked_out_at, a.unit_path, a.person_id, a.check_in_client
    FROM duty_assignments a
    JOIN people p ON p.id = a.person_id
    JOIN duty_shifts s ON s.id = a.shift_id
    JOIN facilities f ON f.id = s.facility_id
    WHERE a.id = ${assignmentId} AND p.user_id = ${userId} AND s.published_at IS NOT NULL
    FOR UPDATE OF a`.execute(tx);
  if (!rows[0]) throw notFound();
  return rows[0];
}

function clock(t: Date) {
  return new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

/** Check-in at the facility: from 30 minutes before the start to the end; a replay answers the same. */
export async function checkIn(
  services: Services,
  locale: Locale,
  userId: string,
  assignmentId: string,
  clientId: string,
  now: number,
) {
  return services.db.transaction().execute(async (tx) => {
    const a = await ownAssignment(tx, userId, assignmentId);
    if (a.checked_in_at) return view(a, now);
    const verdict = checkInVerdict({ start: a.starts_at.getTime(), end: a.ends_at.getTime() }, now);
    if (verdict === 'early')
      throw conflictError(locale, 'assignmentId', 'duty.check_in_early', { start: clock(a.starts_at) });
    if (verdict === 'ended') throw conflictError(locale, 'assignmentId', 'duty.check_in_ended');
    const at = new Date(now);
    await tx
      .updateTable('duty_assignments')
      .set({ checked_in_at: at, check_in_client: clientId })
      .where('id', '=', a.id)
      .execute();
    await tx
      .insertInto('duty_events')
      .values({
        assignment_id: a.id,
        shift_id: a.shift_id,
        unit_path: a.unit_path,
        kind: 'checked_in',
        person_id: a.person_id,
        by_user: userId,
        at,
        detail: JSON.stringify({ clientId }),
      })
      .execute();
    return view({ ...a, checked_in_at: at }, now);
  });
}

/** Check-out: after a check-in; a second one answers the first. */
export async function checkOut(
  services: Services,
  locale: Locale,
  userId: string,
  assignmentId: string,
  clientId: string,
  now: number,
) {
  return services.db.transaction().execute(async (tx) => {
    const a = await ownAssignment(tx, userId, assignmentId);
    if (a.checked_out_at) return view(a, now);
    if (!a.checked_in_at) throw conflictError(locale, 'assignmentId', 'duty.check_out_first_in');
    const at = new Date(Math.max(now, a.checked_in_at.getTime()));
    await tx.updateTable('duty_assignments').set({ checked_out_at: at }).where('id', '=', a.id).execute();
    await tx
      .insertInto('duty_events')
      .values({
        assignment_id: a.id,
        shift_id: a.shift_id,
        unit_path: a.unit_path,
        kind: 'checked_out',
        person_id: a.person_id,
        by_user: userId,
        at,
        detail: JSON.stringify({ clientId }),
      })
      .execute();
    return view({ ...a, checked_out_at: at }, now);
  });
}

/**
 * The duty shift a user is checked in to at a facility at an instant (checked in, not checked out before
 * it, the shift running then), or null: what a checkpoint passage records as its shift (issue 13).
 */
export async function checkedInShiftAt(
  db: Db,
  userId: string,
  facilityId: string,
  at: Date,
): Promise<{ id: string; name: string; startsAt: Date; endsAt: Date } | null> {
  const { rows } = await checkedInShiftSql(userId, facilityId, at).execute(db);
  const r = rows[0];
  return r ? { id: String(r.id), name: r.label, startsAt: r.starts_at, endsAt: r.ends_at } : null;
}

/**
 * The same question as a statement (id, label, starts_at, ends_at; at most one row), for a module that
 * asks it inside its own statement (a checkpoint passage is written in one round trip).
 */
export function checkedInShiftSql(userId: string, facilityId: string | RawBuilder<unknown>, at: Date) {
  return sql<{ id: string; label: string; starts_at: Date; ends_at: Date }>`
    SELECT s.id, s.label, s.starts_at, s.ends_at
    FROM people p
    JOIN duty_assignments a ON a.person_id = p.id
    JOIN duty_shifts s ON s.id = a.shift_id
    WHERE p.user_id = ${userId} AND s.facility_id = ${facilityId}
      AND a.checked_in_at IS NOT NULL AND a.checked_in_at <= ${at}
      AND (a.checked_out_at IS NULL OR a.checked_out_at >= ${at})
      AND s.starts_at <= ${new Date(at.getTime() + 30 * 60_000)} AND s.ends_at >= ${at}
    ORDER BY s.starts_at DESC
    LIMIT 1`;
}
