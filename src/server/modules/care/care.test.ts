import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDayStart } from '../../../domain/time/shanghai';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { Scope } from '../../platform/scope';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';
import { seedDemoCare } from './service';

// Care for those who cannot go out (生活保障) through the API on a real PostgreSQL (the demo city on
// 2020-02-05): a worker asks for a red-heart or an isolated household, and not for others; two volunteers
// taking one request at once, one wins; the volunteer delivers with who received it, replays answer the
// same; overdue is computed when read; the household's link shows its own requests and nothing else, and
// holds at five waiting even when sent together; the day's list adds up, as JSON and xlsx (audited);
// another grid, another district and the public see nothing (404).

const SMH = '410105002008'; // 省民航社区
const G01 = '410105002008G01';
const G02 = '410105002008G02';
const HUAIHE = '410103001001'; // 淮河社区, 二七区
const PASSWORD = 'Care2020okay';

let t: TestApp;
let admin: string;
let office: string; // 省民航社区's office
let worker: string; // the grid worker of G01
let otherWorker: string; // the grid worker of G02
let outsider: string; // 淮河社区's office
let command: string; // the city's command centre
let seq = 0;

function idNumber() {
  const n = ++seq;
  return generateIdNumber({
    regionCode: '410105',
    birthDate: new Date(Date.UTC(1945, 0, 1 + n * 11)).toISOString().slice(0, 10),
    sequence: (n * 17) % 1000,
  });
}

async function building(grid = G01): Promise<string> {
  return (
    await t.ok('POST', '/api/org/units', admin, {
      parentCode: grid,
      kind: 'building',
      name: `保障${++seq}号楼`,
    })
  ).code;
}

/** A household of one resident (marked, or not) in a fresh building (or the one given). */
async function household(opts: { grid?: string; markers?: string[]; unit?: string } = {}) {
  const unitCode = opts.unit ?? (await building(opts.grid));
  const { key } = await t.ok('POST', '/api/ledger/households', admin, {
    unitCode,
    entrance: '2',
    door: `${100 + ++seq}`,
    residents: [{ name: `住户${seq}`, idNumber: idNumber(), markers: opts.markers ?? [] }],
  });
  const detail = await t.ok('GET', `/api/ledger/households/${key}`, admin);
  return { key: key as string, resident: detail.residents[0].key as string, unit: unitCode };
}

const redHeart = (opts: { grid?: string; unit?: string } = {}) =>
  household({ ...opts, markers: ['low_income'] });

async function ask(cookie: string, householdKey: string, body: Record<string, unknown> = {}) {
  return t.call('POST', '/api/care/requests', cookie, {
    clientId: randomUUID(),
    householdKey,
    items: [
      { kind: 'rice', quantity: 10 },
      { kind: 'oil', quantity: 1 },
    ],
    ...body,
  });
}

/** A user holding one role at a unit: their id and cookie. */
async function user(role: string, unitCode: string) {
  const username = `care_${role}_${++seq}`;
  const u = await t.ok('POST', '/api/access/users', admin, {
    username,
    displayName: `志愿者${seq}`,
    password: PASSWORD,
    homeUnitCode: unitCode,
  });
  await t.ok('POST', `/api/access/users/${u.id}/grants`, admin, { role, unitCode });
  return { id: u.id as string, name: `志愿者${seq}`, cookie: await t.login(username, PASSWORD) };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  office = await t.userWith(admin, 'unit_admin', SMH, PASSWORD);
  worker = await t.userWith(admin, 'grid_worker', G01, PASSWORD);
  otherWorker = await t.userWith(admin, 'grid_worker', G02, PASSWORD);
  outsider = await t.userWith(admin, 'unit_admin', HUAIHE, PASSWORD);
  command = await t.userWith(admin, 'command', '410100', PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('asking for a household', () => {
  it('a worker asks for a red-heart household: due at 20:00, on the board; the same clientId answers the first', async () => {
    const h = await redHeart();
    const clientId = randomUUID();
    const res = await ask(worker, h.key, {
      clientId,
      items: [
        { kind: 'rice', quantity: 10 },
        { kind: 'medicine', quantity: 2, unit: 'box', name: '硝苯地平' },
      ],
      help: ['meals'],
      note: '放门口',
    });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      householdKey: h.key,
      reasons: ['low_income'],
      day: '2020-02-05',
      dueAt: new Date(shanghaiDayStart('2020-02-05') + 20 * 3_600_000).toISOString(),
      state: 'open',
      source: 'worker',
      items: [
        { kind: 'rice', quantity: 10, unit: 'jin', name: null },
        { kind: 'medicine', quantity: 2, unit: 'box', name: '硝苯地平' },
      ],
      help: ['meals'],
      community: { code: SMH },
      volunteer: null,
    });
    expect(r.address).toMatch(/号楼 2单元 \d+$/);
    const again = await ask(worker, h.key, { clientId, items: [{ kind: 'flour', quantity: 1 }] });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(r.id);
    expect(again.json().items).toHaveLength(2);

    const board = await t.ok('GET', `/api/care/requests?unit=${G01}`, office);
    expect(board.day).toBe('2020-02-05');
    expect(board.items.filter((x: { id: string }) => x.id === r.id)).toHaveLength(1);
    const mine = await t.ok('GET', `/api/care/requests?household=${h.key}`, worker);
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([r.id]);
    const detail = await t.ok('GET', `/api/care/requests/${r.id}`, command);
    expect(detail.history).toMatchObject([{ kind: 'created', detail: { source: 'worker' } }]);
  });

  it('not for a household that is neither isolated nor red-heart (409 on householdKey); yes once under home isolation', async () => {
    const h = await household();
    const refused = await ask(worker, h.key);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields[0].path).toBe('householdKey');
    expect(refused.json().error.message).toContain('不在生活保障范围内');

    await t.ok('POST', '/api/isolation/key-persons', worker, {
      residentId: h.resident,
      category: 'key_area',
      source: 'screening',
      measure: { kind: 'home_isolation', startsOn: '2020-02-05' },
    });
    const res = await ask(worker, h.key);
    expect(res.statusCode).toBe(201);
    expect(res.json().reasons).toEqual(['isolated']);
    const care = await t.ok('GET', `/api/care/households/${h.key}`, worker);
    expect(care).toMatchObject({ eligible: true, reasons: ['isolated'], hasLink: false, link: null });
    expect(care.requests).toHaveLength(1);
  });

  it('names every bad field (400), in the caller’s language', async () => {
    const h = await redHeart();
    const res = await ask(worker, h.key, {
      items: [
        { kind: 'rice', quantity: 0 },
        { kind: 'oil', quantity: 1, unit: 'jin' },
        { kind: 'medicine', quantity: 1 },
      ],
      day: '2020-02-20',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'items.0.quantity',
      'items.1.unit',
      'items.2.name',
      'day',
    ]);
    const en = await t.call(
      'POST',
      '/api/care/requests',
      worker,
      { householdKey: h.key, items: [], help: [] },
      'en',
    );
    expect(en.statusCode).toBe(400);
    expect(en.json().error.fields[0]).toEqual({
      path: 'items',
      message: 'ask for at least one item or one kind of help',
    });
  });
});

describe('scope', () => {
  it('another grid, another district: 404 for the household, the request, the day’s list; their lists do not show it', async () => {
    const h = await redHeart();
    const r = (await ask(worker, h.key)).json();
    expect((await ask(otherWorker, h.key)).statusCode).toBe(404);
    expect((await ask(outsider, h.key)).statusCode).toBe(404);
    for (const cookie of [otherWorker, outsider]) {
      expect((await t.call('GET', `/api/care/requests/${r.id}`, cookie)).statusCode).toBe(404);
      expect((await t.call('GET', `/api/care/households/${h.key}`, cookie)).statusCode).toBe(404);
      expect(
        (await t.call('POST', `/api/care/requests/${r.id}/cancel`, cookie, { reason: '测试' })).statusCode,
      ).toBe(404);
      const list = await t.ok('GET', '/api/care/requests', cookie);
      expect(list.items.some((x: { id: string }) => x.id === r.id)).toBe(false);
      expect((await t.call('GET', `/api/care/day-list?unit=${h.unit}`, cookie)).statusCode).toBe(404);
    }
    expect((await t.call('GET', `/api/care/day-list?unit=${SMH}`, outsider)).statusCode).toBe(404);
    // the command centre reads, but may not ask or assign
    expect((await t.call('GET', `/api/care/requests/${r.id}`, command)).statusCode).toBe(200);
    expect((await ask(command, h.key)).statusCode).toBe(403);
    // no session at all
    expect((await t.call('GET', `/api/care/requests/${r.id}`, undefined)).statusCode).toBe(401);
  });
});

describe('volunteers', () => {
  it('two volunteers take the same request at once: one wins, the other gets 409 naming who has it', async () => {
    const [v1, v2] = [await user('volunteer', SMH), await user('volunteer', SMH)];
    const r = (await ask(worker, (await redHeart()).key)).json();
    const open = await t.ok('GET', '/api/care/tasks', v1.cookie);
    expect(open.open.some((x: { id: string }) => x.id === r.id)).toBe(true);

    const answers = await Promise.all(
      [v1, v2].map((v) => t.call('POST', `/api/care/tasks/${r.id}/take`, v.cookie)),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const winner = answers[0].statusCode === 200 ? v1 : v2;
    const loser = winner === v1 ? v2 : v1;
    const lost = answers.find((a) => a.statusCode === 409);
    expect(lost?.json().error.message).toContain(winner.name);
    // taking it again is no error for the winner
    expect((await t.call('POST', `/api/care/tasks/${r.id}/take`, winner.cookie)).statusCode).toBe(200);

    const mine = await t.ok('GET', '/api/care/tasks', winner.cookie);
    expect(mine.mine.map((x: { id: string }) => x.id)).toContain(r.id);
    expect(mine.open.some((x: { id: string }) => x.id === r.id)).toBe(false);
    expect((await t.ok('GET', '/api/care/tasks', loser.cookie)).mine).toEqual([]);

    // the loser cannot mark it delivered; the winner can, naming who received it; a replay answers the same
    const notYours = await t.call('POST', `/api/care/tasks/${r.id}/delivered`, loser.cookie, {
      receivedBy: '本人',
    });
    expect(notYours.statusCode).toBe(409);
    expect(notYours.json().error.message).toContain(winner.name);
    expect(
      (await t.call('POST', `/api/care/tasks/${r.id}/delivered`, winner.cookie, { receivedBy: ' ' })).json()
        .error.fields[0].path,
    ).toBe('receivedBy');
    const done = await t.ok('POST', `/api/care/tasks/${r.id}/delivered`, winner.cookie, {
      receivedBy: '家属 李某',
      note: '放在门口，已电话告知',
    });
    expect(done).toMatchObject({
      state: 'delivered',
      receivedBy: '家属 李某',
      volunteer: { name: winner.name, userId: winner.id },
      deliveredBy: winner.name,
    });
    const replay = await t.call('POST', `/api/care/tasks/${r.id}/delivered`, winner.cookie, {
      receivedBy: '家属 李某',
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().deliveredAt).toBe(done.deliveredAt);
    // delivered, it cannot be cancelled
    const cancel = await t.call('POST', `/api/care/requests/${r.id}/cancel`, office, { reason: '不需要了' });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().error.message).toContain('已送达');
    const history = (await t.ok('GET', `/api/care/requests/${r.id}`, office)).history.map(
      (x: { kind: string }) => x.kind,
    );
    expect(history).toEqual(['created', 'taken', 'delivered']);
    // delivered today: still on the winner's phone
    expect((await t.ok('GET', '/api/care/tasks', winner.cookie)).mine[0]).toMatchObject({
      id: r.id,
      state: 'delivered',
    });
  });

  it('the office assigns a person of the registry; their login sees it; a person of another district is the field’s fault', async () => {
    const v = await user('volunteer', SMH);
    const person = await t.ok('POST', '/api/forces/people', office, {
      unitCode: SMH,
      name: v.name,
      isVolunteer: true,
    });
    await t.ok('POST', `/api/forces/people/${person.id}/link-user`, office, { userId: v.id });
    const elsewhere = await t.ok('POST', '/api/forces/people', outsider, {
      unitCode: HUAIHE,
      name: `淮河志愿者${++seq}`,
      isVolunteer: true,
    });
    const r = (await ask(worker, (await redHeart()).key)).json();

    const wrong = await t.call('POST', `/api/care/requests/${r.id}/assign`, office, {
      personId: elsewhere.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('personId');
    const assigned = await t.ok('POST', `/api/care/requests/${r.id}/assign`, office, { personId: person.id });
    expect(assigned).toMatchObject({
      state: 'assigned',
      volunteer: { personId: person.id, userId: v.id, name: v.name },
    });
    expect((await t.ok('GET', '/api/care/tasks', v.cookie)).mine.map((x: { id: string }) => x.id)).toEqual([
      r.id,
    ]);
    // another volunteer cannot take it now
    const other = await user('volunteer', SMH);
    expect((await t.call('POST', `/api/care/tasks/${r.id}/take`, other.cookie)).statusCode).toBe(409);
    // the office records the delivery itself
    const done = await t.ok('POST', `/api/care/requests/${r.id}/delivered`, office, { receivedBy: '本人' });
    expect(done).toMatchObject({ state: 'delivered', volunteer: { name: v.name } });
  });

  it('a request nobody took by its deadline is overdue when read; taken late, it is late', async () => {
    const h = await redHeart();
    const r = (await ask(worker, h.key)).json();
    const [region, id] = r.id.split('-');
    // the deadline passes (the clock is not ours to move: the row's deadline is)
    await sql`UPDATE care_requests SET due_at = platform_now() - interval '1 minute' WHERE region_code = ${region} AND id = ${id}`.execute(
      t.services.db,
    );
    expect((await t.ok('GET', `/api/care/requests/${r.id}`, office)).state).toBe('overdue');
    const overdue = await t.ok('GET', `/api/care/requests?unit=${h.unit}&state=overdue`, office);
    expect(overdue.items.map((x: { id: string }) => x.id)).toEqual([r.id]);
    expect(await t.ok('GET', `/api/care/counts?unit=${h.unit}`, office)).toMatchObject({
      open: 0,
      overdue: 1,
      households: 1,
    });
    const v = await user('volunteer', SMH);
    const taken = await t.ok('POST', `/api/care/tasks/${r.id}/take`, v.cookie);
    expect(taken).toMatchObject({ state: 'assigned', late: true });
    expect(await t.ok('GET', `/api/care/counts?unit=${h.unit}`, office)).toMatchObject({
      overdue: 0,
      assigned: 1,
      late: 1,
    });
  });

  it('the office cancels with a reason; a cancelled request cannot be taken', async () => {
    const r = (await ask(worker, (await redHeart()).key)).json();
    const noReason = await t.call('POST', `/api/care/requests/${r.id}/cancel`, office, { reason: ' ' });
    expect(noReason.json().error.fields[0].path).toBe('reason');
    const cancelled = await t.ok('POST', `/api/care/requests/${r.id}/cancel`, office, {
      reason: '住户已自行购买',
    });
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelReason: '住户已自行购买' });
    const v = await user('volunteer', SMH);
    expect((await t.call('POST', `/api/care/tasks/${r.id}/take`, v.cookie)).statusCode).toBe(409);
  });
});

describe('the household’s link', () => {
  it('shows one household’s own requests and nothing else; another household’s token shows none of them', async () => {
    const h1 = await redHeart();
    const h2 = await redHeart();
    const byWorker = (await ask(worker, h1.key)).json();
    const otherHousehold = (await ask(worker, h2.key)).json();
    const link1 = await t.ok('POST', `/api/care/households/${h1.key}/link`, worker, {});
    const link2 = await t.ok('POST', `/api/care/households/${h2.key}/link`, worker, {});
    expect(link1.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(link2.token).not.toBe(link1.token);
    // asking again gives the same link
    expect((await t.ok('POST', `/api/care/households/${h1.key}/link`, worker, {})).token).toBe(link1.token);

    const clientId = randomUUID();
    const body = { clientId, items: [{ kind: 'vegetables', quantity: 3, name: '青菜' }], help: ['books'] };
    const asked = await t.call('POST', `/api/public/care/${link1.token}/requests`, undefined, body);
    expect(asked.statusCode).toBe(201);
    const mine = asked.json();
    expect(mine).toMatchObject({ state: 'open', items: [{ kind: 'vegetables', quantity: 3, unit: 'jin' }] });
    expect(mine).not.toHaveProperty('householdKey');
    // the same clientId again: the first
    const replay = await t.call('POST', `/api/public/care/${link1.token}/requests`, undefined, body);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(mine.id);
    // another household's link with that clientId learns nothing of it
    expect(
      (await t.call('POST', `/api/public/care/${link2.token}/requests`, undefined, body)).statusCode,
    ).toBe(404);

    const page1 = await t.ok('GET', `/api/public/care/${link1.token}`, undefined);
    expect(page1).toMatchObject({ eligible: true, today: '2020-02-05' });
    expect(page1).not.toHaveProperty('reasons');
    expect(page1.address).toMatch(/2单元/);
    expect(page1.requests.map((x: { id: string }) => x.id).sort()).toEqual([byWorker.id, mine.id].sort());
    const page2 = await t.ok('GET', `/api/public/care/${link2.token}`, undefined);
    expect(page2.requests.map((x: { id: string }) => x.id)).toEqual([otherHousehold.id]);
    for (const id of [byWorker.id, mine.id]) expect(JSON.stringify(page2)).not.toContain(id);
    // no names of workers or residents on the public page
    expect(JSON.stringify(page1)).not.toMatch(/住户\d|grid_worker/);

    // the worker sees the household's request on the board, from the household
    const seen = await t.ok('GET', `/api/care/requests/${mine.id}`, worker);
    expect(seen).toMatchObject({ source: 'household', householdKey: h1.key });
    // a new link: the old token stops at once; taken back: the new one stops too
    const renewed = await t.ok('POST', `/api/care/households/${h1.key}/link`, worker, { renew: true });
    expect(renewed.token).not.toBe(link1.token);
    expect((await t.call('GET', `/api/public/care/${link1.token}`, undefined)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/public/care/${renewed.token}`, undefined)).statusCode).toBe(200);
    expect((await t.call('DELETE', `/api/care/households/${h1.key}/link`, worker)).statusCode).toBe(204);
    expect((await t.call('GET', `/api/public/care/${renewed.token}`, undefined)).statusCode).toBe(404);
    // another grid's worker cannot give or see the link
    expect((await t.call('POST', `/api/care/households/${h2.key}/link`, otherWorker, {})).statusCode).toBe(
      404,
    );
    // the command centre sees that there is a link, not its token
    expect(await t.ok('GET', `/api/care/households/${h2.key}`, command)).toMatchObject({
      hasLink: true,
      link: null,
    });
  });

  it('holds at five waiting requests even when seven are sent at once', async () => {
    const h = await redHeart();
    const { token } = await t.ok('POST', `/api/care/households/${h.key}/link`, office, {});
    const answers = await Promise.all(
      Array.from({ length: 7 }, () =>
        t.call('POST', `/api/public/care/${token}/requests`, undefined, {
          clientId: randomUUID(),
          items: [{ kind: 'rice', quantity: 5 }],
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 201, 201, 201, 409, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json().error.message).toContain('5 个需求未送达');
    expect((await t.ok('GET', `/api/care/counts?unit=${h.unit}`, office)).open).toBe(5);
  });

  it('refuses a link for a household the care does not cover, and an unknown token is 404', async () => {
    const h = await household();
    expect((await t.call('POST', `/api/care/households/${h.key}/link`, worker, {})).statusCode).toBe(409);
    expect((await t.call('GET', `/api/public/care/${'x'.repeat(32)}`, undefined)).statusCode).toBe(404);
  });
});

describe('the day’s list', () => {
  it('adds up what, how much, for how many households; cancelled requests are left out; xlsx, audited', async () => {
    const unit = await building();
    const [a, b, c] = [await redHeart({ unit }), await redHeart({ unit }), await redHeart({ unit })];
    await ask(worker, a.key, {
      items: [
        { kind: 'rice', quantity: 10 },
        { kind: 'oil', quantity: 1 },
      ],
    });
    await ask(worker, a.key, { items: [{ kind: 'rice', quantity: 5 }], help: ['meals'] });
    await ask(worker, b.key, {
      items: [
        { kind: 'rice', quantity: 2.5 },
        { kind: 'medicine', quantity: 2, unit: 'box', name: '布洛芬' },
      ],
      help: ['meals', 'counselling'],
    });
    const gone = (await ask(worker, c.key, { items: [{ kind: 'flour', quantity: 20 }] })).json();
    await t.ok('POST', `/api/care/requests/${gone.id}/cancel`, office, { reason: '重复提交' });
    // tomorrow's request is tomorrow's list
    await ask(worker, c.key, { items: [{ kind: 'flour', quantity: 5 }], day: '2020-02-06' });

    const list = await t.ok('GET', `/api/care/day-list?unit=${unit}`, office);
    expect(list).toMatchObject({ day: '2020-02-05', requests: 3, households: 2 });
    expect(list.communities).toHaveLength(1);
    expect(list.communities[0]).toMatchObject({ code: SMH, name: '省民航社区', requests: 3 });
    expect(list.lines).toEqual([
      { kind: 'rice', unit: 'jin', name: null, quantity: 17.5, households: 2 },
      { kind: 'oil', unit: 'bucket', name: null, quantity: 1, households: 1 },
      { kind: 'medicine', unit: 'box', name: '布洛芬', quantity: 2, households: 1 },
    ]);
    expect(list.help).toEqual([
      { kind: 'meals', households: 2 },
      { kind: 'counselling', households: 1 },
    ]);
    const tomorrow = await t.ok('GET', `/api/care/day-list?unit=${unit}&day=2020-02-06`, office);
    expect(tomorrow.lines).toEqual([{ kind: 'flour', unit: 'jin', name: null, quantity: 5, households: 1 }]);

    const res = await t.call('GET', `/api/care/day-list/export?unit=${unit}`, office);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('生活物资清单'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[1]).toEqual(['社区', '物品', '数量', '单位', '户数']);
    expect(rows.slice(2)).toEqual([
      ['省民航社区', '大米', 17.5, '斤', 2],
      ['省民航社区', '食用油', 1, '桶', 1],
      ['省民航社区', '药品（布洛芬）', 2, '盒', 1],
      ['省民航社区', '送餐', undefined, undefined, 2],
      ['省民航社区', '心理疏导', undefined, undefined, 1],
    ]);
    const { rows: audited } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE action = 'data.exported' AND target = ${`care:day-list:${unit}`}`.execute(
      t.services.db,
    );
    expect(audited[0].n).toBe(1);
    // a grid worker may read the list but not export it
    expect((await t.call('GET', `/api/care/day-list?unit=${unit}`, worker)).statusCode).toBe(200);
    expect((await t.call('GET', `/api/care/day-list/export?unit=${unit}`, worker)).statusCode).toBe(403);
  });
});

describe('the demo city', () => {
  it('seedDemoCare makes requests delivered, on their way, waiting and overdue in 省民航社区 and 长兴路街道', async () => {
    const root = await t.services.db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('code', '=', '410000')
      .executeTakeFirstOrThrow();
    const actor = {
      scope: new Scope([{ id: '0', role: 'system_admin', unitId: root.id, unitPath: root.path }]),
      locale: 'zh-CN' as const,
      userId: null,
      username: 'demo',
    };
    const { requests } = await seedDemoCare(t.services, actor);
    expect(requests).toBeGreaterThanOrEqual(8);
    const states = async (unit: string) =>
      new Set(
        (await t.ok('GET', `/api/care/requests?unit=${unit}&limit=200`, admin)).items
          .filter((x: { createdBy: string }) => x.createdBy === '社区工作人员')
          .map((x: { state: string }) => x.state),
      );
    expect([...(await states(SMH))].sort()).toEqual(['assigned', 'delivered', 'open', 'overdue']);
    expect((await states('410108004')).has('delivered')).toBe(true);
    // the demo volunteer's phone has its task
    const volunteer = await t.login('smh_zhiyuanzhe', 'Wangge2020');
    expect((await t.ok('GET', '/api/care/tasks', volunteer)).mine.length).toBeGreaterThan(0);
  });
});
