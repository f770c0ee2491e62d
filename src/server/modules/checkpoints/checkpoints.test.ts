import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';

// Checkpoints through the API on a real PostgreSQL: passages registered (validated field by field,
// replay-safe by clientId even with 20 identical posts at once), key areas and fevers by the ledger's
// rules, the counts kept by the trigger at the facility, per shift and up the tree (parallel posts, no
// deadlock), and a station of another district that sees none of it.

const CXL = '410108004'; // 长兴路街道, 惠济区
const HUAIHE = '410103001001'; // 淮河社区, 二七区
const PASSWORD = 'Kadian2020ok';

let t: TestApp;
let admin: string;
let staff: string; // checkpoint staff of 长兴路街道
let outsider: string; // checkpoint staff of 淮河社区
let facility: string;
let otherFacility: string;
let community: string; // a community of 长兴路街道
let seq = 0;

function idNumber() {
  const n = ++seq;
  return generateIdNumber({
    regionCode: '410108',
    birthDate: new Date(Date.UTC(1970, 0, 1 + n)).toISOString().slice(0, 10),
    sequence: n % 1000,
  });
}

function passage(extra: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    facilityId: facility,
    direction: 'in',
    vehicle: { plate: '豫A12345', kind: 'car' },
    people: [{ name: '张三', idNumber: idNumber(), phone: '13800138000', temperatureC: 36.5 }],
    steps: [{ step: 'stop' }, { step: 'measure' }, { step: 'register' }],
    outcome: 'released',
    ...extra,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  staff = await t.userWith(admin, 'checkpoint_staff', CXL, PASSWORD);
  outsider = await t.userWith(admin, 'checkpoint_staff', HUAIHE, PASSWORD);
  facility = (
    await t.ok('POST', '/api/org/facilities', admin, {
      unitCode: CXL,
      kind: 'checkpoint',
      name: '测试卡点甲',
    })
  ).id;
  otherFacility = (
    await t.ok('POST', '/api/org/facilities', admin, {
      unitCode: HUAIHE,
      kind: 'checkpoint',
      name: '测试卡点乙',
    })
  ).id;
  const { rows } = await sql<{ code: string }>`
    SELECT code FROM units WHERE code LIKE ${`${CXL}%`} AND length(code) = 12 ORDER BY code LIMIT 1`.execute(
    t.services.db,
  );
  community = rows[0].code;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('checkpoints', () => {
  it('lists the checkpoints in scope with their steps and public token', async () => {
    const list = await t.ok('GET', '/api/checkpoints/facilities', staff);
    const mine = list.items.find((f: { id: string }) => f.id === facility);
    expect(mine.steps).toEqual(['stop', 'inspect', 'measure', 'register', 'inform', 'disinfect', 'report']);
    expect(mine.publicToken).toMatch(/^[0-9a-f]{32}$/);
    expect(list.items.some((f: { id: string }) => f.id === otherFacility)).toBe(false);
    expect((await t.call('GET', `/api/checkpoints/facilities/${otherFacility}`, staff)).statusCode).toBe(404);
    const one = await t.ok('GET', `/api/checkpoints/facilities/${facility}`, staff);
    expect(one.shift).toBeNull();
    const ref = await t.ok('GET', '/api/checkpoints/reference', staff);
    expect(ref.feverThresholdC).toBe(37.3);
    expect(ref.keyAreas.length).toBeGreaterThan(0);
  });

  it('registers a passage, masks the numbers, and answers a replay with the first passage', async () => {
    const body = passage();
    const res = await t.call('POST', '/api/checkpoints/passages', staff, body);
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p.people[0].idNumberMasked).toMatch(/^\*+\d{3}[\dX]$/);
    expect(p.people[0].phoneMasked).not.toContain('13800138000');
    expect(res.body).not.toContain(body.people[0].idNumber);
    expect(p.fromKeyArea).toBe(false);
    expect(p.steps.map((s: { step: string }) => s.step)).toEqual(['stop', 'measure', 'register']);
    const again = await t.call('POST', '/api/checkpoints/passages', staff, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(p.id);
    const detail = await t.ok('GET', `/api/checkpoints/passages/${p.id}`, staff);
    expect(detail.people).toHaveLength(1);
    expect((await t.call('GET', `/api/checkpoints/passages/${p.id}`, outsider)).statusCode).toBe(404);
  });

  it('gives one passage for 20 identical posts at once', async () => {
    const body = passage();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => t.call('POST', '/api/checkpoints/passages', staff, body)),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 200)).toHaveLength(19);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM checkpoint_passages WHERE client_id = ${body.clientId}`.execute(
      t.services.db,
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses bad input naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ vehicle: { plate: 'ABC', kind: 'car' } }, 'vehicle.plate'],
      [{ people: [{ name: '李四', idNumber: '410108199001011234' }] }, 'people.0.idNumber'],
      [{ people: [{ name: '甲' }, { name: '乙', temperatureC: 373 }] }, 'people.1.temperatureC'],
      [{ outcome: 'transferred' }, 'transferFacilityId'],
      [{ people: [] }, 'people'],
      [{ occurredAt: '2099-01-01T00:00:00Z' }, 'occurredAt'],
      [{ people: [{ name: '丙', travel: [{ place: 'Wuhan' }] }] }, 'people.0.travel.0.place'],
      [{ people: [{ name: '丁', destinationUnitCode: '999999999999' }] }, 'people.0.destinationUnitCode'],
    ];
    for (const [extra, field] of cases) {
      const res = await t.call('POST', '/api/checkpoints/passages', staff, passage(extra));
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const out = await t.call(
      'POST',
      '/api/checkpoints/passages',
      staff,
      passage({ facilityId: otherFacility }),
    );
    expect(out.statusCode).toBe(404);
  });

  it('tells who is from a key area (an undated stay counts) and who has a fever', async () => {
    const p = await t.ok(
      'POST',
      '/api/checkpoints/passages',
      staff,
      passage({
        people: [
          { name: '王五', travel: [{ place: '420106', placeName: '武汉市武昌区' }], temperatureC: 36.6 },
          { name: '赵六', temperatureC: 37.3 },
          {
            name: '孙七',
            temperatureC: 37.2,
            travel: [{ place: '4403', from: '2020-01-20', to: '2020-01-28' }],
          },
        ],
        outcome: 'persuaded_back',
      }),
    );
    expect(p.people.map((x: { fromKeyArea: boolean }) => x.fromKeyArea)).toEqual([true, false, false]);
    expect(p.people.map((x: { fever: boolean }) => x.fever)).toEqual([false, true, false]);
    expect(p.people[0].keyArea.name).toBe('武汉市');
    expect(p.fromKeyArea).toBe(true);
    expect(p.fever).toBe(true);
  });

  it('keeps the counts per facility and up the tree under parallel posts', async () => {
    const before = await t.ok('GET', `/api/checkpoints/counts?facility=${facility}`, staff);
    const streetBefore = await t.ok('GET', `/api/checkpoints/counts?unit=${CXL}`, staff);
    const districtBefore = await t.ok('GET', '/api/checkpoints/counts?unit=410108', admin);
    const bodies = Array.from({ length: 24 }, (_, i) =>
      passage({
        direction: i % 3 === 0 ? 'out' : 'in',
        people: [{ name: '甲' }, { name: '乙', temperatureC: i % 4 === 0 ? 38.1 : 36.4 }],
      }),
    );
    const answers = await Promise.all(
      bodies.map((b) => t.call('POST', '/api/checkpoints/passages', staff, b)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 201));
    const after = await t.ok('GET', `/api/checkpoints/counts?facility=${facility}`, staff);
    expect(after.vehicles - before.vehicles).toBe(24);
    expect(after.people - before.people).toBe(48);
    expect(after.fevers - before.fevers).toBe(6);
    expect(after.out.vehicles - before.out.vehicles).toBe(8);
    expect(after.in.people - before.in.people).toBe(32);
    expect(after.shifts.length).toBe(1);
    const street = await t.ok('GET', `/api/checkpoints/counts?unit=${CXL}`, staff);
    expect(street.vehicles - streetBefore.vehicles).toBe(24);
    const district = await t.ok('GET', '/api/checkpoints/counts?unit=410108', admin);
    expect(district.vehicles - districtBefore.vehicles).toBe(24);
    const child = district.children.find((c: { code: string }) => c.code === CXL);
    const childBefore = districtBefore.children.find((c: { code: string }) => c.code === CXL);
    expect(child.vehicles - (childBefore?.vehicles ?? 0)).toBe(24);
    expect((await t.call('GET', `/api/checkpoints/counts?unit=${CXL}`, outsider)).statusCode).toBe(404);
    // the trigger's sums equal the passages'
    const { rows } = await sql<{ a: number; b: number }>`
      SELECT (SELECT sum(people_count)::int FROM checkpoint_passages WHERE facility_id = ${facility}) AS a,
             (SELECT sum(people)::int FROM checkpoint_counts WHERE facility_id = ${facility}) AS b`.execute(
      t.services.db,
    );
    expect(rows[0].a).toBe(rows[0].b);
  });

  it('lists passages newest first with filters and a cursor, in scope only', async () => {
    const first = await t.ok('GET', `/api/checkpoints/passages?facility=${facility}&limit=5`, staff);
    expect(first.items).toHaveLength(5);
    expect(first.next).toBeTruthy();
    const second = await t.ok(
      'GET',
      `/api/checkpoints/passages?facility=${facility}&limit=5&after=${first.next}`,
      staff,
    );
    expect(second.items[0].occurredAt <= first.items[4].occurredAt).toBe(true);
    expect(new Set([...first.items, ...second.items].map((i: { id: string }) => i.id)).size).toBe(10);
    const key = await t.ok('GET', `/api/checkpoints/passages?unit=${CXL}&fromKeyArea=true`, staff);
    expect(key.items.length).toBeGreaterThan(0);
    expect(key.items.every((i: { fromKeyArea: boolean }) => i.fromKeyArea)).toBe(true);
    const back = await t.ok(
      'GET',
      `/api/checkpoints/passages?facility=${facility}&outcome=persuaded_back`,
      staff,
    );
    expect(back.items.every((i: { outcome: string }) => i.outcome === 'persuaded_back')).toBe(true);
    const none = await t.ok('GET', '/api/checkpoints/passages', outsider);
    expect(none.items.some((i: { facilityId: string }) => i.facilityId === facility)).toBe(false);
    const plate = await t.ok('GET', `/api/checkpoints/passages?facility=${facility}&plate=a123`, staff);
    expect(plate.items.length).toBeGreaterThan(0);
    const byPhone = await t.ok('GET', `/api/checkpoints/passages?facility=${facility}&q=8000`, staff);
    expect(byPhone.items.length).toBeGreaterThan(0);
    const byName = await t.ok('GET', `/api/checkpoints/passages?facility=${facility}&q=王五`, staff);
    expect(byName.items.length).toBe(1);
  });

  it('sets the steps of a checkpoint (unit_admin), not as staff', async () => {
    const cxlAdmin = await t.userWith(admin, 'unit_admin', CXL, PASSWORD);
    const f = await t.ok('PUT', `/api/checkpoints/facilities/${facility}/steps`, cxlAdmin, {
      steps: ['measure', 'stop', 'register'],
    });
    expect(f.steps).toEqual(['measure', 'stop', 'register']); // the station's order, kept
    expect(
      (await t.call('PUT', `/api/checkpoints/facilities/${facility}/steps`, staff, { steps: [] })).statusCode,
    ).toBe(403);
    expect(community).toBeTruthy();
  });

  it('hands over people from key areas and with fevers to their community, which sees them at once', async () => {
    const office = await t.userWith(admin, 'unit_admin', community, PASSWORD);
    const p = await t.ok(
      'POST',
      '/api/checkpoints/passages',
      staff,
      passage({
        people: [
          {
            name: '周八',
            idNumber: idNumber(),
            phone: '13900001111',
            travel: [{ place: '4201' }],
            destinationUnitCode: community,
            destinationAddress: '3号楼',
          },
          { name: '吴九', temperatureC: 38.2, destinationUnitCode: community },
          { name: '郑十', temperatureC: 36.5, destinationUnitCode: community },
          { name: '冯十一', travel: [{ place: '4201' }] },
        ],
        outcome: 'handed_over',
      }),
    );
    expect(p.people.map((x: { handoverId?: string }) => Boolean(x.handoverId))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const list = await t.ok('GET', '/api/checkpoints/handovers?state=waiting', office);
    const mine = list.items.filter((h: { passageId: string }) => h.passageId === p.id);
    expect(mine.map((h: { reason: string }) => h.reason).sort()).toEqual(['fever', 'key_area']);
    expect(mine[0].idNumberMasked ?? '').not.toMatch(/^\d{17}/);
    // the sending checkpoint sees them too; another district does not
    const sent = await t.ok('GET', '/api/checkpoints/handovers', staff);
    expect(sent.items.some((h: { passageId: string }) => h.passageId === p.id)).toBe(true);
    const other = await t.ok('GET', '/api/checkpoints/handovers', outsider);
    expect(other.items.some((h: { passageId: string }) => h.passageId === p.id)).toBe(false);
    const counts = await t.ok('GET', `/api/checkpoints/handovers/counts?unit=${community}`, office);
    expect(counts.waiting).toBeGreaterThanOrEqual(2);
    const keyArea = mine.find((h: { reason: string }) => h.reason === 'key_area');
    const fever = mine.find((h: { reason: string }) => h.reason === 'fever');
    // staff may not decide; the outsider does not see it
    expect(
      (await t.call('POST', `/api/checkpoints/handovers/${keyArea.id}/arrived`, staff, {})).statusCode,
    ).toBe(403);
    // arrival without a resident or household names residentId
    const bad = await t.call('POST', `/api/checkpoints/handovers/${keyArea.id}/arrived`, office, {});
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('residentId');
    // arrival adds the person to a household through the ledger: the household turns red from the travel
    const { rows } = await sql<{ code: string }>`
      SELECT code FROM units WHERE path LIKE ${`%${community}.%`} AND kind = 'building' ORDER BY code LIMIT 1`.execute(
      t.services.db,
    );
    const household = await t.ok('POST', '/api/ledger/households', office, {
      unitCode: rows[0].code,
      door: `9${++seq}01`,
      residents: [{ name: '户主', idNumber: idNumber() }],
    });
    const arrived = await t.ok('POST', `/api/checkpoints/handovers/${keyArea.id}/arrived`, office, {
      householdKey: household.key,
    });
    expect(arrived.state).toBe('arrived');
    expect(arrived.residentId).toBeTruthy();
    const detail = await t.ok('GET', `/api/ledger/households/${household.key}`, office);
    expect(detail.colour ?? detail.household?.colour).toBe('red');
    const again = await t.call('POST', `/api/checkpoints/handovers/${keyArea.id}/arrived`, office, {
      householdKey: household.key,
    });
    expect(again.statusCode).toBe(409);
    const gone = await t.ok('POST', `/api/checkpoints/handovers/${fever.id}/not-arrived`, office, {
      note: '电话未接',
    });
    expect(gone.state).toBe('not_arrived');
    expect(gone.note).toBe('电话未接');
  });

  it('shows a hand-over past its due time as overdue', async () => {
    const office = await t.userWith(admin, 'unit_admin', community, PASSWORD);
    const now = new Date((await t.ok('GET', '/api/clock', staff)).now);
    const p = await t.ok(
      'POST',
      '/api/checkpoints/passages',
      staff,
      passage({
        occurredAt: new Date(now.getTime() - 30 * 3_600_000).toISOString(),
        people: [{ name: '陈逾期', temperatureC: 38.5, destinationUnitCode: community }],
        outcome: 'handed_over',
      }),
    );
    const overdue = await t.ok('GET', '/api/checkpoints/handovers?state=overdue', office);
    expect(overdue.items.some((h: { passageId: string }) => h.passageId === p.id)).toBe(true);
    const waiting = await t.ok('GET', '/api/checkpoints/handovers?state=waiting', office);
    expect(waiting.items.some((h: { passageId: string }) => h.passageId === p.id)).toBe(false);
  });

  it('takes a self-registration by QR code, replay-safe, and confirms it with a passage', async () => {
    const { items } = await t.ok('GET', '/api/checkpoints/facilities', staff);
    const token = items.find((f: { id: string }) => f.id === facility).publicToken;
    const board = (await t.call('GET', `/api/public/checkpoints/${token}`, undefined)).json();
    expect(board.name).toBe('测试卡点甲');
    // the traveller is asked for the same window of stays as the staff's phone
    expect(board.windowDays).toBe((await t.ok('GET', '/api/checkpoints/reference', staff)).windowDays);
    expect(board.windowDays).toBeGreaterThan(0);
    expect((await t.call('GET', '/api/public/checkpoints/0000000000000000', undefined)).statusCode).toBe(404);
    const id = idNumber();
    const body = {
      clientId: randomUUID(),
      vehicle: { plate: '鄂A88888', kind: 'car' },
      people: [
        {
          name: '钱自报',
          idNumber: id,
          phone: '13700001234',
          travel: [{ place: '4201' }],
          destinationUnitCode: community,
        },
      ],
    };
    const first = await t.call('POST', `/api/public/checkpoints/${token}/registrations`, undefined, body);
    expect(first.statusCode, first.body).toBe(201);
    const { code } = first.json();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const again = await t.call('POST', `/api/public/checkpoints/${token}/registrations`, undefined, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().code).toBe(code);
    const badPlate = await t.call('POST', `/api/public/checkpoints/${token}/registrations`, undefined, {
      ...body,
      clientId: randomUUID(),
      vehicle: { plate: 'XYZ', kind: 'car' },
    });
    expect(badPlate.json().error.fields[0].path).toBe('vehicle.plate');
    expect(
      (await t.call('GET', `/api/checkpoints/registrations/${code}?facility=${otherFacility}`, outsider))
        .statusCode,
    ).toBe(404);
    const draft = await t.ok(
      'GET',
      `/api/checkpoints/registrations/${code.toLowerCase()}?facility=${facility}`,
      staff,
    );
    expect(draft.people[0].idNumberMasked).not.toContain(id.slice(0, 10));
    expect(JSON.stringify(draft)).not.toContain(id);
    const p = await t.ok('POST', '/api/checkpoints/passages', staff, {
      clientId: randomUUID(),
      facilityId: facility,
      direction: draft.direction,
      vehicle: draft.vehicle,
      people: draft.people.map((x: Record<string, unknown>) => ({
        name: x.name,
        registrationPerson: x.registrationPerson,
        travel: x.travel,
        temperatureC: 36.4,
        destinationUnitCode: x.destinationUnitCode,
      })),
      outcome: 'handed_over',
      registrationCode: code,
    });
    expect(p.people[0].idNumberMasked).toBe(draft.people[0].idNumberMasked);
    expect(p.people[0].handoverId).toBeTruthy();
    expect(
      (await t.call('GET', `/api/checkpoints/registrations/${code}?facility=${facility}`, staff)).statusCode,
    ).toBe(404);
    // an expired registration is refused when read
    const late = await t.call('POST', `/api/public/checkpoints/${token}/registrations`, undefined, {
      ...body,
      clientId: randomUUID(),
    });
    await sql`UPDATE checkpoint_registrations SET expires_at = now() - interval '1 minute' WHERE code = ${late.json().code}`.execute(
      t.services.db,
    );
    expect(
      (await t.call('GET', `/api/checkpoints/registrations/${late.json().code}?facility=${facility}`, staff))
        .statusCode,
    ).toBe(404);
  });

  it('exports the list as xlsx, masked unless revealed, and audits it', async () => {
    const cxlAdmin = await t.userWith(admin, 'unit_admin', CXL, PASSWORD);
    const res = await t.call('GET', `/api/checkpoints/passages/export?facility=${facility}`, cxlAdmin);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(
      (await t.call('GET', `/api/checkpoints/passages/export?facility=${facility}`, staff)).statusCode,
    ).toBe(403);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE action = 'data.exported' AND target LIKE 'checkpoints:%'`.execute(
      t.services.db,
    );
    expect(rows[0].n).toBeGreaterThan(0);
  });
});
