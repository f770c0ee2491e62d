import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';

// Courtyard gates against the real PostgreSQL: passes from the ledger, the rule at the gate with its
// reason, replays by clientId (also sent at once), who is still out, visitors sealed, counts, scope.

const A = '410105002008'; // 省民航社区
const B = '410103001001'; // 淮河社区
const PASSWORD = 'Gates2020ok';

let t: TestApp;
let admin: string;
let gate: string;
let courtyard: string;
let household: { key: string; residents: { key: string; name: string }[] };
let seq = 0;

const idNumber = () =>
  generateIdNumber({ regionCode: '410105', birthDate: `1971-05-0${(++seq % 9) + 1}`, sequence: 400 + seq });

async function addHousehold(unitCode: string, door: string, names: string[]) {
  const { key } = await t.ok('POST', '/api/ledger/households', admin, {
    unitCode,
    door,
    residents: names.map((name, i) => ({
      name,
      idNumber: idNumber(),
      phone: `1390371${String(++seq).padStart(4, '0')}`,
      workUnit: i === 0 ? '郑州市第一人民医院' : undefined,
    })),
  });
  const detail = await t.ok('GET', `/api/ledger/households/${key}`, admin);
  return {
    key,
    residents: detail.residents.map((r: { key: string; name: string }) => ({ key: r.key, name: r.name })),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  courtyard = (
    await t.ok('POST', '/api/org/units', admin, { parentCode: A, kind: 'courtyard', name: '测试小区' })
  ).code;
  const b1 = (
    await t.ok('POST', '/api/org/units', admin, { parentCode: courtyard, kind: 'building', name: '1号楼' })
  ).code;
  household = await addHousehold(b1, '101', ['王秀英', '李建国', '李小明']);
  await addHousehold(b1, '102', ['张伟']);
  gate = (await t.ok('POST', '/api/gates', admin, { unitCode: courtyard, name: '东门' })).id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const scan = (residentKey: string, direction: 'out' | 'in', clientId = randomUUID(), cookie = admin) =>
  t.call('POST', `/api/gates/${gate}/scans`, cookie, {
    clientId,
    householdKey: household.key,
    residentKey,
    direction,
  });

describe('courtyard gates', () => {
  it('sets up a gate only at a community, grid or courtyard', async () => {
    const b = (
      await t.ok('POST', '/api/org/units', admin, { parentCode: courtyard, kind: 'building', name: '9号楼' })
    ).code;
    const res = await t.call('POST', '/api/gates', admin, { unitCode: b, name: '楼门' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('unitCode');
  });

  it('issues one pass per household from the ledger, once', async () => {
    expect(await t.ok('POST', `/api/gates/${gate}/passes`, admin)).toEqual({ issued: 2, households: 2 });
    expect(await t.ok('POST', `/api/gates/${gate}/passes`, admin)).toEqual({ issued: 0, households: 2 });
    const passes = await t.ok(
      'GET',
      `/api/gates/${gate}/passes?building=${encodeURIComponent('1号楼')}`,
      admin,
    );
    expect(passes.items).toHaveLength(2);
    expect(passes.items[0]).toMatchObject({ building: '1号楼', door: '101' });
    expect(passes.items[0].token).toMatch(/^[2-9A-Z]{10}$/);
  });

  it('lets one person of the household out, refuses the second with the reason, and a replay answers the first', async () => {
    const { items } = await t.ok('GET', `/api/gates/${gate}/passes`, admin);
    const token = items.find((p: { householdKey: string }) => p.householdKey === household.key).token;
    const at = await t.ok('GET', `/api/gates/${gate}/household?token=${token.toLowerCase()}`, admin);
    expect(at.residents.map((r: { mayGoOut: boolean }) => r.mayGoOut)).toEqual([true, true, true]);

    const clientId = randomUUID();
    const first = await t.call('POST', `/api/gates/${gate}/scans`, admin, {
      clientId,
      token,
      residentKey: household.residents[0].key,
      direction: 'out',
    });
    expect(first.statusCode).toBe(201);
    const again = await t.call('POST', `/api/gates/${gate}/scans`, admin, {
      clientId,
      token,
      residentKey: household.residents[0].key,
      direction: 'out',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);

    const refusedId = randomUUID();
    const second = await scan(household.residents[1].key, 'out', refusedId);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(/^本户今日已出行 1 人（王秀英 \d\d:\d\d 出）$/);
    // the refusal's replay answers the same refusal, and is not a second refusal
    const secondAgain = await scan(household.residents[1].key, 'out', refusedId);
    expect(secondAgain.statusCode).toBe(409);
    expect(secondAgain.json().error.message).toBe(second.json().error.message);
    const en = await t.call(
      'POST',
      `/api/gates/${gate}/scans`,
      admin,
      {
        clientId: randomUUID(),
        householdKey: household.key,
        residentKey: household.residents[2].key,
        direction: 'out',
      },
      'en',
    );
    expect(en.json().error.message).toMatch(/already gone out today: 1 \(王秀英 out \d\d:\d\d\)/);
  });

  it('shows who is still out, by building, with the phone masked, and counts at every level', async () => {
    const out = await t.ok('GET', `/api/gates/${gate}/out`, admin);
    expect(out.total).toBe(1);
    expect(out.buildings[0].building).toBe('1号楼');
    expect(out.buildings[0].people[0]).toMatchObject({
      name: '王秀英',
      door: '101',
      workUnit: '郑州市第一人民医院',
    });
    expect(out.buildings[0].people[0].phoneMasked).toMatch(/\*/);
    expect(await t.ok('GET', `/api/gates/counts?unit=${courtyard}`, admin)).toMatchObject({
      outNow: 1,
      outs: 1,
      refused: 2,
    });
    // every level above sums its gates (the demo city's own gate in 省民航社区 among them)
    for (const unit of [A, '410105', '4101']) {
      const c = await t.ok('GET', `/api/gates/counts?unit=${unit}`, admin);
      expect(c.gates.find((x: { gateId: string }) => x.gateId === gate)).toMatchObject({
        outNow: 1,
        outs: 1,
        refused: 2,
      });
      expect(c.outNow).toBe(c.gates.reduce((s: number, x: { outNow: number }) => s + x.outNow, 0));
    }
    // back in: no one is out
    expect((await scan(household.residents[0].key, 'in')).statusCode).toBe(201);
    expect((await t.ok('GET', `/api/gates/${gate}/out`, admin)).total).toBe(0);
    expect(await t.ok('GET', `/api/gates/counts?unit=${courtyard}`, admin)).toMatchObject({
      outNow: 0,
      ins: 1,
    });
    const day = await t.ok('GET', `/api/gates/${gate}/scans`, admin);
    expect(day.items.filter((s: { outcome: string }) => s.outcome === 'refused')[0].reason).toMatch(
      /本户今日已出行/,
    );
  });

  it('lets a work-certificate holder out daily', async () => {
    await t.ok('POST', `/api/gates/${gate}/exemptions`, admin, {
      residentKey: household.residents[1].key,
      kind: 'work_certificate',
    });
    expect((await scan(household.residents[1].key, 'out')).statusCode).toBe(201);
    expect((await scan(household.residents[1].key, 'out')).statusCode).toBe(409); // not back in yet
    expect((await scan(household.residents[1].key, 'in')).statusCode).toBe(201);
  });

  it('answers parallel requests of one clientId with one scan', async () => {
    const other = await addHousehold(
      (
        await t.ok('POST', '/api/org/units', admin, {
          parentCode: courtyard,
          kind: 'building',
          name: '2号楼',
        })
      ).code,
      '201',
      ['赵敏'],
    );
    await t.ok('POST', `/api/gates/${gate}/passes`, admin);
    const clientId = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.call('POST', `/api/gates/${gate}/scans`, admin, {
          clientId,
          householdKey: other.key,
          residentKey: other.residents[0].key,
          direction: 'out',
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM gate_scans WHERE client_id = ${clientId}`.execute(t.services.db);
    expect(rows[0].n).toBe(1);
  });

  it('registers a visitor by real name, the ID number sealed, replay-safe', async () => {
    const clientId = randomUUID();
    const body = {
      clientId,
      householdKey: household.key,
      name: '刘访客',
      idNumber: generateIdNumber({ regionCode: '410102', birthDate: '1990-01-02', sequence: 11 }),
      phone: '13812345678',
      temperatureC: 36.4,
    };
    const first = await t.call('POST', `/api/gates/${gate}/visitors`, admin, body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      name: '刘访客',
      building: '1号楼',
      door: '101',
      temperatureC: 36.4,
    });
    expect(first.json().idMasked).not.toContain('19900102');
    expect((await t.call('POST', `/api/gates/${gate}/visitors`, admin, body)).json().id).toBe(
      first.json().id,
    );
    const { rows } = await sql<{
      id_enc: Buffer | null;
    }>`SELECT id_enc FROM gate_visitors WHERE client_id = ${clientId}`.execute(t.services.db);
    expect(rows[0].id_enc?.toString('latin1')).not.toContain(body.idNumber);
    const bad = await t.call('POST', `/api/gates/${gate}/visitors`, admin, {
      ...body,
      clientId: randomUUID(),
      idNumber: '123',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('idNumber');
    expect((await t.ok('GET', `/api/gates/${gate}/visitors`, admin)).items).toHaveLength(1);
  });

  it('answers 404 to a user of another community, and lists only what is in scope', async () => {
    const other = await t.userWith(admin, 'unit_admin', B, PASSWORD);
    for (const url of [
      `/api/gates/${gate}`,
      `/api/gates/${gate}/out`,
      `/api/gates/${gate}/passes`,
      `/api/gates/${gate}/visitors`,
    ])
      expect((await t.call('GET', url, other)).statusCode, url).toBe(404);
    expect((await scan(household.residents[2].key, 'in', randomUUID(), other)).statusCode).toBe(404);
    expect((await t.ok('GET', '/api/gates', other)).items).toEqual([]);
    const guard = await t.userWith(admin, 'volunteer', courtyard, PASSWORD);
    expect((await t.ok('GET', '/api/gates', guard)).items.map((g: { id: string }) => g.id)).toEqual([gate]);
    expect(
      (await t.call('PUT', `/api/gates/${gate}/rule`, guard, { personsPerHousehold: 2, everyDays: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      await t.ok('PUT', `/api/gates/${gate}/rule`, admin, { personsPerHousehold: 2, everyDays: 1 }),
    ).toMatchObject({
      rule: { personsPerHousehold: 2, everyDays: 1 },
    });
  });
});
