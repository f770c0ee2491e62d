import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dutyNow } from '../../../../domain/forces/duty';
import { shanghaiDay } from '../../../../domain/forces/shiftPatterns';
import { createTestApp, type TestApp } from '../../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../../testing/services';

// Attendance on the roster read (GET /api/forces/roster), on the duty clock of the demo (2020-02-05 at
// today's time of day): who came late and by how much, who is absent (缺岗), who came on time, who
// checked out; a shift full (满员) only by the people there, the roster counted before it starts.

const SMH = '410105002008'; // 省民航社区 of the demo city
const PASSWORD = 'Roster2020ok';
const MINUTE = 60_000;

let t: TestApp;
let admin: string;
let office: string;
let today: string;
let people: string[];

interface Person {
  personId: string;
  name: string;
  attendance: { state: string; lateMinutes: number | null };
}
interface Shift {
  id: string;
  day: string;
  start: string;
  staffing: Record<string, unknown>;
  people: Person[];
}

/** Shanghai clock time of an instant */
const hhmm = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

/** A checkpoint of 省民航社区 with one shift a day, generated over a range and published. */
async function post(name: string, shift: { start: string; end: string; count: number }, days: string[]) {
  const id = (await t.ok('POST', '/api/org/facilities', admin, { unitCode: SMH, kind: 'checkpoint', name }))
    .id;
  await t.ok('PUT', `/api/forces/facilities/${id}/pattern`, office, {
    name,
    shifts: [{ label: '值守', ...shift, needs: [{ qualification: null, count: shift.count }] }],
  });
  const range = { facilityIds: [id], from: days[0], to: days[days.length - 1] };
  await t.ok('POST', '/api/forces/roster/generate', office, range);
  await t.ok('POST', '/api/forces/roster/publish', office, range);
  return { id, range };
}

async function roster(facilityId: string, range: { from: string; to: string }): Promise<Shift[]> {
  return (
    await t.ok('GET', `/api/forces/roster?facilityId=${facilityId}&from=${range.from}&to=${range.to}`, office)
  ).shifts;
}

/** Puts people on a shift as the roster had them (over or not), with their check-in and check-out. */
async function onShift(
  shiftId: string,
  rows: Array<{ person: string; in?: Date | null; out?: Date | null }>,
): Promise<void> {
  for (const r of rows)
    await sql`INSERT INTO duty_assignments (shift_id, person_id, unit_path, source, checked_in_at, checked_out_at)
              SELECT id, ${r.person}, unit_path, 'manual', ${r.in ?? null}, ${r.out ?? null}
              FROM duty_shifts WHERE id = ${shiftId}`.execute(t.services.db);
}

const byId = (shift: Shift) => new Map(shift.people.map((p) => [p.personId, p.attendance]));

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  office = await t.userWith(admin, 'unit_admin', SMH, PASSWORD);
  ({ today } = await t.ok('GET', '/api/ledger/day', admin));
  const { rows } = await sql<{ id: string }>`
    SELECT p.id FROM people p JOIN units u ON u.code = ${SMH}
    WHERE p.unit_path >= u.path AND p.unit_path < u.path || '/' AND p.status = 'active' AND p.user_id IS NULL
    ORDER BY p.id LIMIT 4`.execute(t.services.db);
  people = rows.map((r) => r.id);
  expect(people).toHaveLength(4);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('attendance on the roster read', () => {
  it('reads a shift that is over: late by minutes, absent, on time and checked out; full only by who came', async () => {
    const yesterday = addDays(today, -1);
    const tomorrow = addDays(today, 1);
    const { id, range } = await post('考勤测试岗', { start: '16:00', end: '24:00', count: 3 }, [
      yesterday,
      today,
      tomorrow,
    ]);
    const shifts = await roster(id, range);
    const past = shifts.find((s) => s.day === yesterday) as Shift;
    const next = shifts.find((s) => s.day === tomorrow) as Shift;
    const [late, absent, onTime, fourth] = people;
    await onShift(past.id, [
      { person: late, in: at(yesterday, '21:48') },
      { person: absent },
      { person: onTime, in: at(yesterday, '15:50'), out: at(yesterday, '23:59') },
    ]);
    await onShift(next.id, [{ person: late }, { person: absent }, { person: fourth }]);

    let read = await roster(id, range);
    let over = read.find((s) => s.id === past.id) as Shift;
    expect(Object.fromEntries(byId(over))).toEqual({
      [late]: { state: 'present', lateMinutes: 5 * 60 + 48 },
      [absent]: { state: 'absent', lateMinutes: null },
      [onTime]: { state: 'checked_out', lateMinutes: null },
    });
    // three on the roster for three places, two came: not full
    expect(over.staffing).toEqual({
      phase: 'over',
      needed: 3,
      assigned: 3,
      present: 2,
      short: 1,
      full: false,
    });

    // before it starts: the roster counts, nobody is expected yet, and it is never full
    const before = read.find((s) => s.id === next.id) as Shift;
    expect(before.staffing).toEqual({
      phase: 'before',
      needed: 3,
      assigned: 3,
      present: 0,
      short: 0,
      full: false,
    });
    expect(before.people.every((p) => p.attendance.state === 'upcoming')).toBe(true);

    // the third came after all, within the grace: on time, and the shift was full
    await sql`UPDATE duty_assignments SET checked_in_at = ${at(yesterday, '16:03')}
              WHERE shift_id = ${past.id} AND person_id = ${absent}`.execute(t.services.db);
    read = await roster(id, range);
    over = read.find((s) => s.id === past.id) as Shift;
    expect(byId(over).get(absent)).toEqual({ state: 'present', lateMinutes: null });
    expect(over.staffing).toMatchObject({ present: 3, short: 0, full: true });
  });

  it('reads a running shift from a real check-in on the phone: late by the minutes since its start, the other absent', async () => {
    // the demo volunteer of 省民航社区, who logs in on the phone
    const phone = await t.login('smh_zhiyuanzhe', 'Wangge2020');
    const volunteer = (await t.ok('GET', '/api/duty/mine', phone)).person.id as string;
    // a shift that began two hours ago on the duty clock and runs two more
    const start = Math.floor(dutyNow(today) / MINUTE) * MINUTE - 120 * MINUTE;
    const day = shanghaiDay(start);
    const { id, range } = await post(
      '考勤测试卡点',
      { start: hhmm(start), end: hhmm(start + 240 * MINUTE), count: 2 },
      [day],
    );
    const shift = (await roster(id, range)).find((s) => Date.parse(s.start) === start) as Shift;
    await onShift(shift.id, [{ person: volunteer }, { person: people[3] }]);
    const mine = await t.ok('GET', '/api/duty/mine', phone);
    const assignment = mine.shifts.find((s: { shiftId: string }) => s.shiftId === shift.id).assignmentId;
    await t.ok('POST', `/api/duty/assignments/${assignment}/check-in`, phone, { clientId: randomUUID() });

    const running = (await roster(id, range)).find((s) => s.id === shift.id) as Shift;
    const seen = byId(running);
    expect(seen.get(volunteer)?.state).toBe('present');
    // checked in now, two hours (and the seconds of this minute) after the start
    expect(seen.get(volunteer)?.lateMinutes).toBeGreaterThanOrEqual(120);
    expect(seen.get(volunteer)?.lateMinutes).toBeLessThanOrEqual(121);
    expect(seen.get(people[3])).toEqual({ state: 'absent', lateMinutes: null });
    expect(running.staffing).toEqual({
      phase: 'running',
      needed: 2,
      assigned: 2,
      present: 1,
      short: 1,
      full: false,
    });
  });
});
