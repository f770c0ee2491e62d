import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATTERN_PRESETS } from '../../../../domain/forces/shiftPatterns';
import { createTestApp, type TestApp } from '../../../testing/app';
import { signUpWithCode } from '../../../testing/callups';
import { TEST_ADMIN_PASSWORD } from '../../../testing/services';

// The places of a call-up under a crowd: sign-ups and approvals sent all at once (several requests in
// flight together, each its own transaction on the real PostgreSQL). Places are never approved past
// what a station has, a pending sign-up takes no place, and the waiting list (候补) is in order.

const PASSWORD = 'Places2020ok';

let t: TestApp;
let office: string;
let token: string;
let callupId: string;
let station: string; // 2 places
let gate: string; // 1 place

interface Answer {
  id: string;
  status: string;
  facility: string;
  again: boolean;
  waitlist: number | null;
}
interface Signup {
  id: string;
  status: string;
  facilityId: string;
  waitlist: number | null;
  person: { name: string };
}

const pattern = {
  name: '两班',
  shifts: PATTERN_PRESETS.two_day.shifts.map((s) => ({ ...s, needs: [{ qualification: null, count: 1 }] })),
};

const signUp = (body: Record<string, unknown> & { phone: string }) => signUpWithCode(t, token, body);

async function signups(): Promise<Signup[]> {
  return (await t.ok('GET', `/api/forces/callups/${callupId}/signups`, office)).items;
}

/** The waiting list of a station as the desk reads it: positions of the pending sign-ups in order. */
function waitlistOf(list: Signup[], facilityId: string) {
  return list.filter((s) => s.status === 'applied' && s.facilityId === facilityId).map((s) => s.waitlist);
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  const { rows } = await sql<{ code: string }>`
    SELECT code FROM units WHERE kind = 'village' AND code LIKE '410105%' ORDER BY code LIMIT 1`.execute(
    t.services.db,
  );
  const unitCode = rows[0].code;
  office = await t.userWith(admin, 'unit_admin', unitCode, PASSWORD);
  const facility = (name: string) =>
    t.ok('POST', '/api/org/facilities', admin, { unitCode, kind: 'checkpoint', name });
  station = (await facility('并发测试服务站')).id;
  gate = (await facility('并发测试卡点')).id;
  const { today } = await t.ok('GET', '/api/ledger/day', admin);
  ({ id: callupId, token } = await t.ok('POST', '/api/forces/callups', office, {
    unitCode,
    title: '并发报名测试',
    startsOn: today,
    pattern,
    places: [
      { facilityId: station, needed: 2 },
      { facilityId: gate, needed: 1 },
    ],
  }));
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('places and the waiting list under parallel sign-ups', () => {
  it('takes every sign-up sent at once, three within the places and the rest on the waiting lists in order', async () => {
    const people = Array.from({ length: 8 }, (_, i) => ({
      clientId: randomUUID(),
      name: `并发${i + 1}`,
      phone: `1390371${String(2000 + i)}`,
      // three ask for the station, the others take what is given
      facilityId: i < 3 ? station : null,
    }));
    const [first, second] = people;
    // each phone has its code first (the proof of a person), then every form is sent at once
    const codes = new Map<string, string>();
    for (const p of people) {
      const sent = await t.call('POST', `/api/public/callups/${token}/codes`, undefined, { phone: p.phone });
      codes.set(p.phone, sent.json().devCode);
    }
    const send = (p: (typeof people)[number]) =>
      t.call('POST', `/api/public/callups/${token}/signups`, undefined, { ...p, code: codes.get(p.phone) });
    const all = await Promise.all([
      ...people.map((p) => send(p)),
      send(first), // the same form sent twice (a retry): the same sign-up
      send({ ...second, clientId: randomUUID() }), // the same phone again: the same sign-up
    ]);
    expect(all.map((r) => r.statusCode).every((c) => c === 200 || c === 201)).toBe(true);
    const answers: Answer[] = all.map((r) => r.json());
    expect(new Set(answers.map((a) => a.id)).size).toBe(8);
    expect(answers[8].id).toBe(answers[0].id);
    expect(answers[9]).toMatchObject({ id: answers[1].id });
    expect(all.filter((r) => r.statusCode === 201)).toHaveLength(8);
    const stored = await t.services.db
      .selectFrom('callup_signups')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('callup_id', '=', callupId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(8);

    // the places left (3) hold the first pending sign-ups; the others wait, numbered 1, 2, … per station
    const byName = new Map(answers.slice(0, 8).map((a, i) => [people[i].name, a]));
    expect(answers.slice(0, 8).filter((a) => a.waitlist === null)).toHaveLength(3);
    const list = await signups();
    for (const [facilityId, places] of [
      [station, 2],
      [gate, 1],
    ] as const) {
      const here = waitlistOf(list, facilityId);
      expect(here.length).toBeGreaterThanOrEqual(places);
      expect(here).toEqual([
        ...Array(places).fill(null),
        ...Array.from({ length: here.length - places }, (_, i) => i + 1),
      ]);
    }
    // nothing approved yet: each answer told the volunteer what the desk shows now
    for (const s of list) expect(byName.get(s.person.name)?.waitlist).toBe(s.waitlist);
    expect(list.filter((s) => s.facilityId === station).length).toBeGreaterThanOrEqual(3);

    const page = await t.ok('GET', `/api/public/callups/${token}`, undefined);
    expect(page).toMatchObject({ capacity: 3, remaining: 3, pending: 8, next: 'waitlist' });
  });

  it('approves no more than the places when every sign-up is approved at once', async () => {
    const before = await signups();
    const decisions = await Promise.all(
      before.map((s) =>
        t.call('POST', `/api/forces/signups/${s.id}/decision`, office, { decision: 'approved' }),
      ),
    );
    const approved = decisions.filter((r) => r.statusCode === 200).map((r) => r.json() as Signup);
    const refused = decisions.filter((r) => r.statusCode === 409);
    expect(approved).toHaveLength(3);
    expect(refused).toHaveLength(5);
    expect(refused.every((r) => r.json().error.fields[0].path === 'facilityId')).toBe(true);
    expect(approved.filter((s) => s.facilityId === station)).toHaveLength(2);
    expect(approved.filter((s) => s.facilityId === gate)).toHaveLength(1);

    const detail = await t.ok('GET', `/api/forces/callups/${callupId}`, office);
    expect(detail).toMatchObject({ capacity: 3, approved: 3, applied: 5 });
    for (const p of detail.places) expect(p.approved).toBe(p.needed);
    // no place left: everyone pending waits, in the order they came
    const list = await signups();
    for (const facilityId of [station, gate]) {
      const here = waitlistOf(list, facilityId);
      expect(here).toEqual(here.map((_, i) => i + 1));
    }
    expect(await t.ok('GET', `/api/public/callups/${token}`, undefined)).toMatchObject({
      remaining: 0,
      next: 'full',
    });
    const late = await signUp({ clientId: randomUUID(), name: '迟到者', phone: '13903713000' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('conflict');
  });

  it('moves the waiting list up when an approved volunteer is let go', async () => {
    const list = await signups();
    const leaving = list.find((s) => s.status === 'approved' && s.facilityId === station) as Signup;
    await t.ok('POST', `/api/forces/signups/${leaving.id}/decision`, office, { decision: 'rejected' });
    const after = await signups();
    const waiting = waitlistOf(after, station);
    expect(waiting[0]).toBeNull(); // the first in line now holds the place left
    expect(waiting.slice(1)).toEqual(waiting.slice(1).map((_, i) => i + 1));
    const page = await t.ok('GET', `/api/public/callups/${token}`, undefined);
    expect(page).toMatchObject({ remaining: 1, next: 'waitlist' });
    expect(page.places.find((p: { facilityId: string }) => p.facilityId === gate)).toMatchObject({
      remaining: 0,
      next: 'full',
    });
    // a volunteer asking for the full gate is told so, naming the field
    const full = await signUp({
      clientId: randomUUID(),
      name: '晚来',
      phone: '13903713001',
      facilityId: gate,
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.fields[0].path).toBe('facilityId');
    // the place left is approved once only, however many approvals race for it
    const pending = after.filter((s) => s.status === 'applied' && s.facilityId === station);
    const race = await Promise.all(
      pending.map((s) =>
        t.call('POST', `/api/forces/signups/${s.id}/decision`, office, { decision: 'approved' }),
      ),
    );
    expect(race.filter((r) => r.statusCode === 200)).toHaveLength(1);
    const detail = await t.ok('GET', `/api/forces/callups/${callupId}`, office);
    expect(detail.places.map((p: { approved: number; needed: number }) => p.approved - p.needed)).toEqual([
      0, 0,
    ]);
  });
});
