import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dutyNow } from '../../../../domain/forces/duty';
import { PATTERN_PRESETS, shanghaiDay } from '../../../../domain/forces/shiftPatterns';
import { createTestApp, type TestApp } from '../../../testing/app';
import { signUpWithCode } from '../../../testing/callups';
import { TEST_ADMIN_PASSWORD } from '../../../testing/services';

// Call-ups, rosters and duty through the API on a real PostgreSQL: a call-up and its public sign-ups
// (replay-safe, one per phone, a waiting list beyond the places left, refused once approvals fill it),
// approval and training, shifts generated and auto-scheduled, published, a volunteer's own shifts and
// check-in/out, hours, missed and understaffed shifts; and a community office of another community that
// sees none of it. Parallel sign-ups are in callupPlaces.test.ts, attendance on the roster in
// rosterAttendance.test.ts, beside this file.

const B = '410103001001'; // 淮河社区
const PASSWORD = 'Duty2020okay';

let t: TestApp;
const call: TestApp['call'] = (...a) => t.call(...a);
const ok: TestApp['ok'] = (...a) => t.ok(...a);
/** a community office: a unit administrator at the unit */
const office = (unitCode: string) => t.userWith(admin, 'unit_admin', unitCode, PASSWORD);
let admin: string;
let seq = 0;
let C: string; // a community of 金水区 with nobody in the registry: only the call-up's volunteers serve there
let officeC: string;
let officeB: string;
let facility: string;
let policeStation: string;
let callupId: string;
let token: string;
let today: string;
const signups: string[] = [];

const volunteerPattern = {
  name: '三班倒',
  shifts: PATTERN_PRESETS.three_shifts.shifts.map((s) => ({
    ...s,
    needs: [{ qualification: null, count: 1 }],
  })),
};

function signup(body: Record<string, unknown> & { phone: string }) {
  return signUpWithCode(t, token, { clientId: randomUUID(), ...body });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  const { rows } = await sql<{ code: string }>`
    SELECT u.code FROM units u
    WHERE u.kind = 'village' AND u.code LIKE '410105%'
      AND NOT EXISTS (SELECT 1 FROM people p WHERE p.unit_path >= u.path AND p.unit_path < u.path || '/')
    ORDER BY u.code DESC LIMIT 1`.execute(t.services.db);
  C = rows[0].code;
  officeC = await office(C);
  officeB = await office(B);
  facility = (
    await ok('POST', '/api/org/facilities', admin, {
      unitCode: C,
      kind: 'checkpoint',
      name: '测试防疫服务站',
    })
  ).id;
  policeStation = (
    await ok('POST', '/api/org/facilities', admin, {
      unitCode: C,
      kind: 'checkpoint',
      name: '测试入市口卡点',
    })
  ).id;
  ({ today } = await ok('GET', '/api/ledger/day', admin));
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('call-ups and public sign-ups', () => {
  it('creates a call-up with places, and answers errors naming the field', async () => {
    const bad = await call('POST', '/api/forces/callups', officeC, {
      unitCode: C,
      title: '招募',
      startsOn: today,
      pattern: {
        name: 'x',
        shifts: [{ label: '早', start: '8:00', end: '18:00', needs: [{ qualification: null, count: 1 }] }],
      },
      places: [{ facilityId: facility, needed: 3 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('pattern.shifts.0.start');
    const outside = await call('POST', '/api/forces/callups', officeB, {
      unitCode: B,
      title: '招募',
      startsOn: today,
      pattern: volunteerPattern,
      places: [{ facilityId: facility, needed: 3 }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0].path).toBe('places.0.facilityId');

    const created = await ok('POST', '/api/forces/callups', officeC, {
      unitCode: C,
      title: '测试社区招募志愿者',
      description: '防疫服务站，三班倒',
      requirements: { minAge: 18, maxAge: 60, notes: '现场培训合格后上岗' },
      startsOn: today,
      pattern: volunteerPattern,
      places: [{ facilityId: facility, needed: 3 }],
    });
    callupId = created.id;
    token = created.token;
    expect(token.length).toBeGreaterThanOrEqual(20);
    const detail = await ok('GET', `/api/forces/callups/${callupId}`, officeC);
    expect(detail).toMatchObject({ capacity: 3, applied: 0, status: 'open' });
    expect(detail.places[0]).toMatchObject({ facility: '测试防疫服务站', needed: 3, applied: 0 });
    // the facility took the call-up's pattern
    const pattern = await ok('GET', `/api/forces/facilities/${facility}/pattern`, officeC);
    expect(pattern.pattern.shifts).toHaveLength(3);
  });

  it('shows the public page without login, and 404 for an unknown token', async () => {
    const page = await ok('GET', `/api/public/callups/${token}`, undefined);
    expect(page).toMatchObject({ title: '测试社区招募志愿者', capacity: 3, remaining: 3 });
    expect(JSON.stringify(page)).not.toContain(C);
    expect((await call('GET', '/api/public/callups/AAAAAAAAAAAAAAAAAAAAAA', undefined)).statusCode).toBe(404);
  });

  it('takes sign-ups replay-safe, one per phone, refuses a bad phone by field; beyond the places, a waiting list', async () => {
    const badPhone = await signup({ name: '王芳', phone: '12345' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.fields[0].path).toBe('phone');

    const clientId = randomUUID();
    const { devCode } = (
      await call('POST', `/api/public/callups/${token}/codes`, undefined, { phone: '13800138001' })
    ).json();
    const body = { clientId, name: '王芳', phone: '13800138001', skills: ['registration'], code: devCode };
    const first = await call('POST', `/api/public/callups/${token}/signups`, undefined, body);
    expect(first.statusCode).toBe(201);
    // sent again (the answer was lost): its code is spent, and the first answer comes back
    const replay = await call('POST', `/api/public/callups/${token}/signups`, undefined, body);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(first.json().id);
    const samePhone = await signup({ name: '王芳', phone: '138 0013 8001' });
    expect(samePhone.json()).toMatchObject({ id: first.json().id, again: true });
    signups.push(first.json().id);
    for (const [name, phone] of [
      ['李强', '13800138002'],
      ['赵磊', '13800138003'],
    ]) {
      const res = await signup({ name, phone, facilityId: facility });
      expect(res.statusCode).toBe(201);
      signups.push(res.json().id);
    }
    // three pending for three places: a pending sign-up takes no place, the fourth waits (候补)
    const page = await ok('GET', `/api/public/callups/${token}`, undefined);
    expect(page).toMatchObject({ capacity: 3, remaining: 3, pending: 3, next: 'waitlist' });
    expect(page.places[0]).toMatchObject({ remaining: 3, pending: 3, next: 'waitlist' });
    const fourth = await signup({ name: '孙丽', phone: '13800138004' });
    expect(fourth.statusCode).toBe(201);
    expect(fourth.json()).toMatchObject({ status: 'applied', facility: '测试防疫服务站', waitlist: 1 });
    const detail = await ok('GET', `/api/forces/callups/${callupId}`, officeC);
    expect(detail).toMatchObject({ applied: 4 });
    expect(detail.places[0]).toMatchObject({ needed: 3, applied: 4, approved: 0, left: 3, waiting: 1 });
    const list = await ok('GET', `/api/forces/callups/${callupId}/signups`, officeC);
    expect(list.items.map((s: { waitlist: number | null }) => s.waitlist)).toEqual([null, null, null, 1]);
    expect(list.items[0].person.phoneMasked).toBe('138****8001');
    expect(JSON.stringify(list)).not.toContain('13800138001');
  });

  it('approves, signs off training, records badge, gear and meals', async () => {
    const early = await call('POST', `/api/forces/signups/${signups[0]}/training`, officeC, {});
    expect(early.statusCode).toBe(409);
    for (const id of signups) {
      expect(
        (await ok('POST', `/api/forces/signups/${id}/decision`, officeC, { decision: 'approved' })).status,
      ).toBe('approved');
    }
    for (const id of signups.slice(0, 2)) {
      const s = await ok('POST', `/api/forces/signups/${id}/training`, officeC, {});
      // on the duty clock: the replayed day, not the machine's
      expect(shanghaiDay(Date.parse(s.trainedAt))).toBe(today);
    }
    const kit = await ok('PATCH', `/api/forces/signups/${signups[0]}`, officeC, {
      badgeNo: 'ZY-001',
      gearIssued: true,
      meals: true,
    });
    expect(kit).toMatchObject({ badgeNo: 'ZY-001', meals: true });
    expect(kit.gearIssuedAt).toBeTruthy();
    const detail = await ok('GET', `/api/forces/callups/${callupId}`, officeC);
    expect(detail).toMatchObject({ approved: 3, trained: 2, applied: 1 });
    expect(detail.places[0]).toMatchObject({ approved: 3, trained: 2, left: 0, waiting: 1 });
    // approvals fill the places: the one waiting stays on the list, the link takes nobody more
    const fourth = (await ok('GET', `/api/forces/callups/${callupId}/signups?status=applied`, officeC)).items;
    expect(fourth).toMatchObject([{ person: { name: '孙丽' }, waitlist: 1 }]);
    const refused = await call('POST', `/api/forces/signups/${fourth[0].id}/decision`, officeC, {
      decision: 'approved',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('名额已满');
    expect(await ok('GET', `/api/public/callups/${token}`, undefined)).toMatchObject({
      remaining: 0,
      next: 'full',
    });
    const full = await signup({ name: '周敏', phone: '13800138005' });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toContain('名额已满');
  });

  it('counts approvals only: a later sign-up approved first takes the place, the earlier one is refused', async () => {
    const small = await ok('POST', '/api/forces/callups', officeC, {
      unitCode: C,
      title: '测试社区补充招募',
      startsOn: today,
      pattern: volunteerPattern,
      places: [{ facilityId: facility, needed: 1 }],
    });
    const join = (name: string, phone: string) =>
      signUpWithCode(t, small.token, { clientId: randomUUID(), name, phone });
    const first = (await join('钱敏', '13800138011')).json().id;
    const second = await join('冯涛', '13800138012'); // one place, one pending before: the waiting list
    expect(second.statusCode).toBe(201);
    expect(second.json().waitlist).toBe(1);
    await ok('POST', `/api/forces/signups/${first}/decision`, officeC, { decision: 'rejected' });
    // the first rejected, the second moves up into the place
    const moved = await ok('GET', `/api/forces/callups/${small.id}/signups?status=applied`, officeC);
    expect(moved.items).toMatchObject([{ id: second.json().id, waitlist: null }]);
    const ok2 = await ok('POST', `/api/forces/signups/${second.json().id}/decision`, officeC, {
      decision: 'approved',
    });
    expect(ok2.status).toBe('approved');
    // rejected before, approved now: no place left
    const again = await call('POST', `/api/forces/signups/${first}/decision`, officeC, {
      decision: 'approved',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].path).toBe('facilityId');
    expect(again.json().error.message).toContain('名额已满');
    // approving again where it holds the place is no change
    await ok('POST', `/api/forces/signups/${second.json().id}/decision`, officeC, { decision: 'approved' });
    expect(await ok('GET', `/api/forces/callups/${small.id}`, officeC)).toMatchObject({
      approved: 1,
      applied: 0,
    });
  });

  it('lets another community office see nothing of it', async () => {
    expect((await call('GET', `/api/forces/callups/${callupId}`, officeB)).statusCode).toBe(404);
    expect((await call('GET', `/api/forces/callups/${callupId}/signups`, officeB)).statusCode).toBe(404);
    expect(
      (await call('POST', `/api/forces/signups/${signups[0]}/decision`, officeB, { decision: 'rejected' }))
        .statusCode,
    ).toBe(404);
    const list = await ok('GET', '/api/forces/callups', officeB);
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(callupId);
    expect(
      (await ok('GET', '/api/forces/callups', officeC)).items.map((c: { id: string }) => c.id),
    ).toContain(callupId);
  });
});

describe('rosters', () => {
  let from: string;
  let to: string;
  let roster: {
    shifts: Array<{
      id: string;
      start: string;
      end: string;
      day: string;
      headcount: number;
      people: Array<{ assignmentId: string; personId: string; name: string }>;
    }>;
  };
  const logins = new Map<string, string>(); // person id → cookie

  it('refuses a pattern with a bad field, naming shifts.N.field', async () => {
    const res = await call('PUT', `/api/forces/facilities/${policeStation}/pattern`, officeC, {
      name: '三班倒',
      shifts: [
        { label: '夜班', start: '00:00', end: '08:00', needs: [{ qualification: 'police', count: 1 }] },
        { label: '白班', start: '07:00', end: '16:00', needs: [{ qualification: 'police', count: 1 }] },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('shifts.1.start');
    await ok('PUT', `/api/forces/facilities/${policeStation}/pattern`, officeC, {
      name: '卡点一班',
      shifts: [
        { label: '白班', start: '08:00', end: '16:00', needs: [{ qualification: 'police', count: 1 }] },
      ],
    });
  });

  it('generates shifts idempotently', async () => {
    from = addDays(today, -1);
    to = addDays(today, 5);
    const first = await ok('POST', '/api/forces/roster/generate', officeC, { unitCode: C, from, to });
    expect(first).toMatchObject({ facilities: 2, shifts: 28, created: 28 });
    const again = await ok('POST', '/api/forces/roster/generate', officeC, { unitCode: C, from, to });
    expect(again.created).toBe(0);
    expect(
      (await call('POST', '/api/forces/roster/generate', officeB, { unitCode: C, from, to })).statusCode,
    ).toBe(404);
  });

  it('auto-schedules only trained volunteers, and explains the places it cannot fill', async () => {
    const res = await ok('POST', '/api/forces/roster/auto', officeC, { unitCode: C, from, to });
    // shifts already over (yesterday's, today's gone by) are left alone: nobody is sent to the past
    const now = dutyNow(today);
    const all = [
      ...(await ok('GET', `/api/forces/roster?facilityId=${facility}&from=${from}&to=${to}`, officeC)).shifts,
      ...(await ok('GET', `/api/forces/roster?facilityId=${policeStation}&from=${from}&to=${to}`, officeC))
        .shifts,
    ];
    const over = all.filter((s: { end: string }) => Date.parse(s.end) <= now);
    expect(over.length).toBeGreaterThanOrEqual(4);
    expect(res.skipped).toBe(over.length);
    expect(res.shifts).toBe(28 - over.length);
    expect(res.needed).toBe(res.shifts);
    expect(res.candidates).toBe(2); // the third volunteer has no training signed off yet
    expect(over.every((s: { people: unknown[] }) => s.people.length === 0)).toBe(true);
    // the police station: nobody has the qualification
    const police = res.unfilled.filter((u: { facilityId: string }) => u.facilityId === policeStation);
    expect(police).toHaveLength(
      all.filter(
        (s: { facilityId: string; end: string }) => s.facilityId === policeStation && Date.parse(s.end) > now,
      ).length,
    );
    expect(police[0].message).toContain('没有人具备此资质');
    roster = await ok('GET', `/api/forces/roster?facilityId=${facility}&from=${from}&to=${to}`, officeC);
    const names = new Set(roster.shifts.flatMap((s) => s.people.map((p) => p.name)));
    expect(names.has('赵磊')).toBe(false);
    // nobody on two overlapping shifts, and at least 8 hours between two shifts of one person
    const byPerson = new Map<string, Array<{ start: number; end: number }>>();
    for (const s of roster.shifts)
      for (const p of s.people)
        byPerson.set(p.personId, [
          ...(byPerson.get(p.personId) ?? []),
          { start: Date.parse(s.start), end: Date.parse(s.end) },
        ]);
    for (const list of byPerson.values()) {
      list.sort((a, b) => a.start - b.start);
      for (let i = 1; i < list.length; i++)
        expect(list[i].start - list[i - 1].end).toBeGreaterThanOrEqual(8 * 3_600_000);
    }
    expect(res.spread.people).toBe(2);
  });

  it('refuses an untrained volunteer by hand, then takes them once trained; a swap names its conflict', async () => {
    const third = (await ok('GET', `/api/forces/callups/${callupId}/signups`, officeC)).items[2];
    const later = roster.shifts.filter((s) => Date.parse(s.start) > dutyNow(today) + 86_400_000);
    let empty = later.find((s) => s.people.length === 0);
    if (!empty) {
      // every place taken: take someone off a shift by hand (kept in the shift's history)
      empty = later[later.length - 1];
      expect(
        (await call('DELETE', `/api/forces/assignments/${empty.people[0].assignmentId}`, officeB)).statusCode,
      ).toBe(404);
      expect(
        (await call('DELETE', `/api/forces/assignments/${empty.people[0].assignmentId}`, officeC)).statusCode,
      ).toBe(204);
      const removed = await t.services.db
        .selectFrom('duty_events')
        .select(['kind', 'person_id'])
        .where('shift_id', '=', empty.id)
        .where('kind', '=', 'removed')
        .execute();
      expect(removed).toHaveLength(1);
    }
    const refused = await call('POST', `/api/forces/shifts/${empty?.id}/assignments`, officeC, {
      personId: third.person.id,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields[0].path).toBe('personId');
    expect(refused.json().error.message).toContain('培训');
    await ok('POST', `/api/forces/signups/${signups[2]}/training`, officeC, {});
    await ok('POST', `/api/forces/shifts/${empty?.id}/assignments`, officeC, { personId: third.person.id });
    // a second run fills what it can around the people already on shifts
    const again = await ok('POST', '/api/forces/roster/auto', officeC, { facilityIds: [facility], from, to });
    expect(again.candidates).toBe(3);
    roster = await ok('GET', `/api/forces/roster?facilityId=${facility}&from=${from}&to=${to}`, officeC);
    // a person on the shift right before cannot swap in: too little rest (or overlap)
    const sorted = [...roster.shifts].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const k = sorted.findIndex(
      (s, i) =>
        i > 0 &&
        Date.parse(s.start) > dutyNow(today) + 86_400_000 &&
        s.people.length &&
        sorted[i - 1].people.length &&
        sorted[i - 1].people[0].personId !== s.people[0].personId,
    );
    expect(k).toBeGreaterThan(0);
    const swap = await call(
      'POST',
      `/api/forces/assignments/${sorted[k].people[0].assignmentId}/swap`,
      officeC,
      {
        personId: sorted[k - 1].people[0].personId,
      },
    );
    expect(swap.statusCode).toBe(409);
    expect(swap.json().error.fields[0].path).toBe('personId');
    expect(swap.json().error.message).toMatch(/休息不足|重叠/);
    expect(
      (
        await call('POST', `/api/forces/assignments/${sorted[k].people[0].assignmentId}/swap`, officeB, {
          personId: third.person.id,
        })
      ).statusCode,
    ).toBe(404);
    const events = await t.services.db
      .selectFrom('duty_events')
      .select('kind')
      .where('shift_id', '=', empty?.id as string)
      .execute();
    expect(events.map((e) => e.kind)).toContain('assigned');
  });

  it('publishes; a volunteer sees only published own shifts and checks in and out of their own only', async () => {
    // logins for the three volunteers (the fourth still waits)
    const list = (await ok('GET', `/api/forces/callups/${callupId}/signups?status=approved`, officeC)).items;
    for (const [i, s] of list.entries()) {
      const username = `duty_vol_${i}_${seq++}`;
      await ok('POST', `/api/forces/signups/${s.id}/account`, officeC, { username, password: PASSWORD });
      logins.set(s.person.id, await t.login(username, PASSWORD));
    }
    const someone = [...logins.values()][0];
    expect((await ok('GET', '/api/duty/mine', someone)).shifts).toHaveLength(0); // nothing published yet
    const published = await ok('POST', '/api/forces/roster/publish', officeC, { unitCode: C, from, to });
    expect(published.published).toBe(28);
    roster = await ok('GET', `/api/forces/roster?facilityId=${facility}&from=${from}&to=${to}`, officeC);
    const now = dutyNow(today);
    let current = roster.shifts.find((s) => Date.parse(s.start) <= now && now < Date.parse(s.end));
    if (!current?.people.length) {
      // the scheduler left the running shift empty (the week is short of hands): put someone there by hand
      await ok('POST', `/api/forces/shifts/${current?.id}/assignments`, officeC, {
        personId: [...logins.keys()][0],
        rules: { minRestHours: 0, maxHoursPerWeek: 168 },
      });
      roster = await ok('GET', `/api/forces/roster?facilityId=${facility}&from=${from}&to=${to}`, officeC);
      current = roster.shifts.find((s) => Date.parse(s.start) <= now && now < Date.parse(s.end));
    }
    expect(current?.people.length).toBe(1);
    const person = current?.people[0] as { assignmentId: string; personId: string };
    const cookie = logins.get(person.personId) as string;
    const mine = await ok('GET', '/api/duty/mine', cookie);
    const here = mine.shifts.find((s: { assignmentId: string }) => s.assignmentId === person.assignmentId);
    expect(here).toMatchObject({ facility: '测试防疫服务站', state: 'open' });
    // someone else's assignment: 404
    const other = [...logins.entries()].find(([id]) => id !== person.personId)?.[1] as string;
    const stolen = await call('POST', `/api/duty/assignments/${person.assignmentId}/check-in`, other, {
      clientId: randomUUID(),
    });
    expect(stolen.statusCode).toBe(404);
    expect(
      (
        await call('POST', `/api/duty/assignments/${person.assignmentId}/check-in`, officeC, {
          clientId: randomUUID(),
        })
      ).statusCode,
    ).toBe(404);
    // out before in
    const outFirst = await call('POST', `/api/duty/assignments/${person.assignmentId}/check-out`, cookie, {
      clientId: randomUUID(),
    });
    expect(outFirst.statusCode).toBe(409);
    const clientId = randomUUID();
    const checkedIn = await ok('POST', `/api/duty/assignments/${person.assignmentId}/check-in`, cookie, {
      clientId,
    });
    expect(checkedIn.state).toBe('on_duty');
    const replay = await ok('POST', `/api/duty/assignments/${person.assignmentId}/check-in`, cookie, {
      clientId,
    });
    expect(replay.checkedInAt).toBe(checkedIn.checkedInAt);
    // a shift two days on is not open yet
    const later = mine.shifts.find((s: { start: string }) => Date.parse(s.start) > now + 2 * 86_400_000);
    if (later) {
      const early = await call('POST', `/api/duty/assignments/${later.assignmentId}/check-in`, cookie, {
        clientId: randomUUID(),
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toContain('30 分钟');
    }
    // worked hours count from the start: pretend the check-in was at the start of the shift
    await t.services.db
      .updateTable('duty_assignments')
      .set({ checked_in_at: new Date(Date.parse(current?.start as string)) })
      .where('id', '=', person.assignmentId)
      .execute();
    const out = await ok('POST', `/api/duty/assignments/${person.assignmentId}/check-out`, cookie, {
      clientId: randomUUID(),
    });
    expect(out.state).toBe('done');
    const worked = Math.round(((now - Date.parse(current?.start as string)) / 3_600_000) * 10) / 10;
    expect(out.hours).toBeCloseTo(worked, 0);

    const hours = await ok('GET', `/api/forces/duty/hours?unitCode=${C}&from=${from}&to=${to}`, officeC);
    const row = hours.items.find((h: { id: string }) => h.id === person.personId);
    expect(row.worked).toBeCloseTo(worked, 0);
    expect(row.scheduled).toBeGreaterThanOrEqual(8);
    const byFacility = await ok(
      'GET',
      `/api/forces/duty/hours?unitCode=${C}&from=${from}&to=${to}&by=facility`,
      officeC,
    );
    expect(byFacility.items.find((f: { id: string }) => f.id === facility).shifts).toBe(21);
    expect(
      (await call('GET', `/api/forces/duty/hours?unitCode=${C}&from=${from}&to=${to}`, officeB)).statusCode,
    ).toBe(404);
  });

  it("flags missed shifts (yesterday's, nobody checked in) and understaffed ones to the office", async () => {
    // yesterday's night shift had been rostered before it ran (as an earlier run would have): nobody came
    const night = roster.shifts.find((s) => s.day === from) as (typeof roster.shifts)[number];
    await t.services.db
      .insertInto('duty_assignments')
      .values({ shift_id: night.id, person_id: [...logins.keys()][0], unit_path: '', source: 'auto' })
      .execute();
    await sql`UPDATE duty_assignments a SET unit_path = s.unit_path FROM duty_shifts s
              WHERE s.id = a.shift_id AND a.shift_id = ${night.id}`.execute(t.services.db);
    const alerts = await ok('GET', `/api/forces/duty/alerts?unitCode=${C}`, officeC);
    expect(alerts.missed).toBeGreaterThanOrEqual(1);
    type Alert = { kind: string; facility: string; day: string; label: string };
    const items: Alert[] = alerts.items;
    // the police station: nobody to put there, on every day of the range up to tomorrow
    expect(
      items
        .filter((a) => a.facility === '测试入市口卡点')
        .map((a) => `${a.kind} ${a.day}`)
        .sort(),
    ).toEqual([from, today, addDays(today, 1)].map((d) => `unassigned ${d}`));
    // yesterday was over before the roster was made: day and evening shifts empty, the night one missed
    expect(
      items
        .filter((a) => a.facility === '测试防疫服务站' && a.day === from)
        .map((a) => `${a.kind} ${a.label}`)
        .sort(),
    ).toEqual(['absent 夜班', 'missed 夜班', 'unassigned 中班', 'unassigned 白班']);
    expect(alerts.understaffed).toBe(items.filter((a) => a.kind !== 'missed').length);
    const missed = alerts.items.find((a: { kind: string }) => a.kind === 'missed');
    expect(missed.message).toContain('未签到');
    const b = await ok('GET', `/api/forces/duty/alerts?unitCode=${B}`, officeB);
    expect(JSON.stringify(b)).not.toContain('测试防疫服务站');
    expect((await call('GET', `/api/forces/duty/alerts?unitCode=${C}`, officeB)).statusCode).toBe(404);
    expect(
      (await call('GET', `/api/forces/roster?facilityId=${facility}&from=${from}&to=${to}`, officeB))
        .statusCode,
    ).toBe(404);
  });

  it('exports the roster and the hours as xlsx, audited', async () => {
    const roster = await call(
      'GET',
      `/api/forces/roster/export.xlsx?unitCode=${C}&from=${from}&to=${to}`,
      officeC,
    );
    expect(roster.statusCode).toBe(200);
    expect(roster.headers['content-type']).toContain('spreadsheetml');
    expect(roster.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // named by what it holds: the unit and the days; printed landscape with the header on every page
    const unitName = (await ok('GET', `/api/org/units/${C}`, officeC)).name;
    expect(decodeURIComponent(String(roster.headers['content-disposition']).split("UTF-8''")[1])).toBe(
      `排班表-${unitName}-${from}至${to}.xlsx`,
    );
    expect(String(roster.headers['content-disposition'])).toContain(
      `filename="roster-${C}-${from}-${to}.xlsx"`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(roster.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:1' });
    const hours = await call(
      'GET',
      `/api/forces/duty/hours/export.xlsx?unitCode=${C}&from=${from}&to=${to}&by=team`,
      officeC,
    );
    expect(hours.statusCode).toBe(200);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select('target')
      .where('action', '=', 'data.exported')
      .where('target', 'like', 'roster:%')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });
});

describe('a changed pattern', () => {
  it('reshapes the shifts still to come; a shift with people on it stays for the office to move', async () => {
    const site = (
      await ok('POST', '/api/org/facilities', admin, {
        unitCode: C,
        kind: 'testing_site',
        name: '测试核酸采样点',
      })
    ).id;
    const anyone = (p: typeof PATTERN_PRESETS.three_shifts) => ({
      name: p.name,
      shifts: p.shifts.map((x) => ({ ...x, needs: [{ qualification: null, count: 2 }] })),
    });
    await ok('PUT', `/api/forces/facilities/${site}/pattern`, officeC, anyone(PATTERN_PRESETS.three_shifts));
    const range = { facilityIds: [site], from: addDays(today, 10), to: addDays(today, 11) };
    expect(await ok('POST', '/api/forces/roster/generate', officeC, range)).toMatchObject({
      created: 6,
      updated: 0,
      removed: 0,
      kept: 0,
    });
    const before = await ok(
      'GET',
      `/api/forces/roster?facilityId=${site}&from=${range.from}&to=${range.to}`,
      officeC,
    );
    const evening = before.shifts.find(
      (s: { day: string; label: string }) => s.day === range.from && s.label === '中班',
    );
    const person = (await t.services.db.selectFrom('people').select('id').executeTakeFirstOrThrow()).id;
    await sql`INSERT INTO duty_assignments (shift_id, person_id, unit_path, source)
              SELECT id, ${person}, unit_path, 'manual' FROM duty_shifts WHERE id = ${evening.id}`.execute(
      t.services.db,
    );

    // two day shifts now (8:00–13:00, 13:00–18:00): 8:00 is reshaped, 13:00 is new, night and evening go
    await ok('PUT', `/api/forces/facilities/${site}/pattern`, officeC, anyone(PATTERN_PRESETS.two_day));
    expect(await ok('POST', '/api/forces/roster/generate', officeC, range)).toMatchObject({
      created: 2,
      updated: 2,
      removed: 3,
      kept: 1,
    });
    const after = await ok(
      'GET',
      `/api/forces/roster?facilityId=${site}&from=${range.from}&to=${range.to}`,
      officeC,
    );
    expect(after.shifts.map((s: { day: string; label: string }) => `${s.day} ${s.label}`).sort()).toEqual(
      [
        `${range.from} 上午班`,
        `${range.from} 下午班`,
        `${range.from} 中班`,
        `${range.to} 上午班`,
        `${range.to} 下午班`,
      ].sort(),
    );
    const morning = after.shifts.find((s: { label: string }) => s.label === '上午班');
    expect(Date.parse(morning.end) - Date.parse(morning.start)).toBe(5 * 3_600_000);
    // once more: nothing to do, the evening shift with its person still there
    expect(await ok('POST', '/api/forces/roster/generate', officeC, range)).toMatchObject({
      created: 0,
      updated: 0,
      removed: 0,
      kept: 1,
    });
    expect(
      (await call('POST', '/api/forces/roster/generate', officeB, { ...range, facilityIds: [site] }))
        .statusCode,
    ).toBe(404);
  });
});

describe('the demo', () => {
  it("has the report's call-up at 长兴路街道 and a published roster for the demo's week", async () => {
    const list = await ok('GET', '/api/forces/callups?unitCode=410108004', admin);
    const c = list.items.find((x: { title: string }) => x.title.startsWith('长兴路街道招募志愿者'));
    expect(c).toMatchObject({ capacity: 6, approved: 5, trained: 4 });
    const shifts = await t.services.db
      .selectFrom('duty_shifts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('published_at', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(shifts.n)).toBeGreaterThanOrEqual(42);
  });

  it('shows the demo checkpoint worker and volunteer their shifts on the phone', async () => {
    const counts: number[] = [];
    for (const username of ['changxinglu_kadian', 'smh_zhiyuanzhe']) {
      const mine = await ok('GET', '/api/duty/mine', await t.login(username, 'Wangge2020'));
      expect(mine.person).not.toBeNull();
      counts.push(mine.shifts.length);
    }
    expect(counts.some((n) => n > 0)).toBe(true);
  });
});
