import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';

// Key persons and isolation through the API on a real PostgreSQL (the demo city on 2020-02-05): a
// resident put under home isolation turns the household orange and back when released; checks with the
// fever rule open a transfer; replays answer the first; one open case per person even when sent at once;
// the counts up the tree; a grid worker of another grid, and another district, see nothing (404).

const SMH = '410105002008'; // 省民航社区
const G01 = '410105002008G01';
const G02 = '410105002008G02';
const HUAIHE = '410103001001'; // 淮河社区, 二七区
const PASSWORD = 'Geli2020okay';

let t: TestApp;
let admin: string;
let office: string; // 省民航社区's office
let worker: string; // the grid worker of G01
let otherWorker: string; // the grid worker of G02
let outsider: string; // 淮河社区's office
let seq = 0;

function idNumber(region = '420106') {
  const n = ++seq;
  return generateIdNumber({
    regionCode: region,
    birthDate: new Date(Date.UTC(1975, 0, 1 + n * 3)).toISOString().slice(0, 10),
    sequence: (n * 7) % 1000,
  });
}

/** A fresh building under G01 with one household of one resident; answers the household and resident keys. */
async function household(grid = G01) {
  const building = await t.ok('POST', '/api/org/units', admin, {
    parentCode: grid,
    kind: 'building',
    name: `隔离测试${++seq}号楼`,
  });
  const { key } = await t.ok('POST', '/api/ledger/households', admin, {
    unitCode: building.code,
    door: '101',
    residents: [{ name: `居民${seq}`, idNumber: idNumber('410105'), phone: '13800002222' }],
  });
  const detail = await t.ok('GET', `/api/ledger/households/${key}`, admin);
  return { key, resident: detail.residents[0].key as string, building: building.code as string };
}

const colourOf = async (key: string) => (await t.ok('GET', `/api/ledger/households/${key}`, admin)).colour;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  office = await t.userWith(admin, 'unit_admin', SMH, PASSWORD);
  worker = await t.userWith(admin, 'grid_worker', G01, PASSWORD);
  otherWorker = await t.userWith(admin, 'grid_worker', G02, PASSWORD);
  outsider = await t.userWith(admin, 'unit_admin', HUAIHE, PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the demo city', () => {
  it('has key persons under each measure in 省民航社区, with checks, and a fever transfer picked up', async () => {
    const counts = await t.ok('GET', `/api/isolation/counts?unit=${SMH}`, office);
    for (const m of ['home_isolation', 'home_observation', 'centralised', 'health_monitoring'])
      expect(counts.byMeasure[m], m).toBeGreaterThan(0);
    const transfers = await t.ok('GET', '/api/isolation/transfers', office);
    expect(transfers.items.some((x: { state: string }) => x.state === 'picked_up')).toBe(true);
    const list = await t.ok('GET', `/api/isolation/key-persons?unit=${SMH}&measure=home_isolation`, office);
    const person = await t.ok('GET', `/api/isolation/key-persons/${list.items[0].id}`, office);
    expect(person.checks.length).toBeGreaterThan(0);
    const sites = await t.ok('GET', '/api/isolation/sites', office);
    const site = sites.items.find((x: { name: string }) => x.name === '金水区集中隔离点');
    expect(site).toMatchObject({ rooms: 20, beds: 20 });
    expect(site.occupied).toBeGreaterThan(0);
    // the 长兴路街道's communities count up to the street
    const street = await t.ok('GET', '/api/isolation/counts?unit=410108004', admin);
    expect(street.persons).toBeGreaterThan(0);
    // a list sent down to 长兴路街道: four found, one routed by the address, one to chase
    const lists = await t.ok('GET', '/api/isolation/lists', admin);
    expect(lists.items.find((l: { title: string }) => l.title === '2月4日上级下发协查名单')).toMatchObject({
      rows: 6,
      matched: 4,
      routed: 1,
      notFound: 1,
    });
  });
});

describe('key persons and measures', () => {
  it('home isolation turns the household orange; not released before its day; moved away, the colour comes back', async () => {
    const h = await household();
    expect(await colourOf(h.key)).toBe('green');
    const res = await t.call('POST', '/api/isolation/key-persons', worker, {
      residentId: h.resident,
      category: 'key_area',
      source: 'screening',
      evidence: { travel: [{ placeCode: '420106', placeName: '武汉市武昌区', to: '2020-02-01' }] },
      measure: { kind: 'home_isolation', startsOn: '2020-02-05', doorSeal: 'alarm' },
    });
    expect(res.statusCode).toBe(201);
    const k = res.json();
    expect(k).toMatchObject({
      residentId: h.resident,
      measure: 'home_isolation',
      measureStartsOn: '2020-02-05',
      measureLastDay: '2020-02-18',
      dayOfPeriod: 1,
      category: 'key_area',
    });
    expect(k.idNumberMasked).toMatch(/^\**\d*\*+\d{3}[\dX]$/);
    expect(k.responsible?.name).toContain('grid_worker');
    expect(await colourOf(h.key)).toBe('orange');

    // not yet due: 409 naming the day, nothing changed
    const early = await t.call('POST', `/api/isolation/measures/${k.measureId}/end`, worker, {
      reason: 'released',
      signedOffBy: '王医生',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.fields[0].path).toBe('on');
    expect(early.json().error.message).toContain('2020-02-18');
    const future = await t.call('POST', `/api/isolation/measures/${k.measureId}/end`, worker, {
      reason: 'released',
      on: '2020-02-18',
      signedOffBy: '王医生',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].path).toBe('on');
    expect(await colourOf(h.key)).toBe('orange');

    // moved elsewhere the day it began: no isolation day left in the ledger, the household is green again
    const ended = await t.ok('POST', `/api/isolation/measures/${k.measureId}/end`, worker, {
      reason: 'moved',
      note: '回原籍',
    });
    expect(ended).toMatchObject({ endedOn: '2020-02-05', endReason: 'moved' });
    expect(await colourOf(h.key)).toBe('green');
    const again = await t.call('POST', `/api/isolation/measures/${k.measureId}/end`, worker, {
      reason: 'moved',
    });
    expect(again.statusCode).toBe(409);
    const detail = await t.ok('GET', `/api/isolation/key-persons/${k.id}`, office);
    expect(detail.state).toBe('closed');
    expect(detail.measure).toBeNull();
    expect(detail.history.map((e: { kind: string }) => e.kind)).toEqual([
      'registered',
      'measure_started',
      'measure_ended',
    ]);
    const history = (await t.ok('GET', `/api/ledger/households/${h.key}`, admin)).history.map(
      (e: { kind: string }) => e.kind,
    );
    expect(history.filter((x: string) => x === 'isolation_updated')).toHaveLength(2);
  });

  it('a measure from the past released on its last day (signed off): 14 + 7 starts health monitoring, the household yellow', async () => {
    const h = await household();
    const k = await t.ok('POST', '/api/isolation/key-persons', office, {
      residentId: h.resident,
      category: 'key_area',
      source: 'checkpoint',
      measure: { kind: 'home_isolation', startsOn: '2020-01-22' },
    });
    expect(k.measureLastDay).toBe('2020-02-04');
    expect(k.dayOfPeriod).toBe(15);
    expect(await colourOf(h.key)).toBe('orange');
    const unsigned = await t.call('POST', `/api/isolation/measures/${k.measureId}/end`, office, {
      reason: 'released',
      on: '2020-02-04',
    });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().error.fields[0].path).toBe('signedOffBy');
    const released = await t.ok('POST', `/api/isolation/measures/${k.measureId}/end`, office, {
      reason: 'released',
      on: '2020-02-04',
      signedOffBy: '社区医生',
      next: true,
    });
    expect(released.endedOn).toBe('2020-02-04');
    const after = await t.ok('GET', `/api/isolation/key-persons/${k.id}`, office);
    expect(after.state).toBe('open');
    expect(after.measure).toBe('health_monitoring');
    expect(
      after.measures.map((m: { kind: string; startsOn: string; plannedEnd: string }) => [
        m.kind,
        m.startsOn,
        m.plannedEnd,
      ]),
    ).toEqual([
      ['home_isolation', '2020-01-22', '2020-02-04'],
      ['health_monitoring', '2020-02-05', '2020-02-11'],
    ]);
    // health monitoring is yellow by the ledger's rules
    expect(await colourOf(h.key)).toBe('yellow');
  });

  it('centralised isolation needs a site; a room holds no more than its beds', async () => {
    const site = await t.ok('POST', '/api/org/facilities', admin, {
      unitCode: '410105',
      kind: 'isolation_site',
      name: '金水区集中隔离点',
    });
    const rooms = await t.ok('POST', `/api/isolation/sites/${site.id}/rooms`, admin, {
      names: ['101', '102'],
    });
    expect(rooms.added).toBe(2);
    const room101 = rooms.rooms.find((r: { name: string }) => r.name === '101').id;
    // the community's office sees the district's site (above it), not another district's
    expect(
      (await t.ok('GET', '/api/isolation/sites', office)).items.map((s: { name: string }) => s.name),
    ).toContain('金水区集中隔离点');
    expect((await t.call('GET', `/api/isolation/sites/${site.id}/rooms`, outsider)).statusCode).toBe(404);

    const h = await household();
    const noSite = await t.call('POST', '/api/isolation/key-persons', office, {
      residentId: h.resident,
      category: 'close_contact',
      source: 'list',
      measure: { kind: 'centralised' },
    });
    expect(noSite.statusCode).toBe(400);
    expect(noSite.json().error.fields[0].path).toBe('measure.siteId');
    // nothing half-written: the person was not registered
    expect(
      (
        await t.ok('GET', `/api/isolation/key-persons?q=${encodeURIComponent('居民')}&limit=200`, office)
      ).items.some((i: { residentId: string }) => i.residentId === h.resident),
    ).toBe(false);

    const placed = await t.ok('POST', '/api/isolation/key-persons', office, {
      residentId: h.resident,
      category: 'close_contact',
      source: 'list',
      measure: { kind: 'centralised', siteId: site.id, roomId: room101 },
    });
    expect(placed.measure).toBe('centralised');
    expect(await colourOf(h.key)).toBe('red');
    const h2 = await household();
    const full = await t.call('POST', '/api/isolation/key-persons', office, {
      residentId: h2.resident,
      category: 'close_contact',
      source: 'list',
      measure: { kind: 'centralised', siteId: site.id, roomId: room101 },
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.fields[0].path).toBe('measure.roomId');
    const occupancy = await t.ok('GET', `/api/isolation/sites/${site.id}/rooms`, office);
    expect(occupancy.rooms.find((r: { name: string }) => r.name === '101').occupied).toBe(1);
  });

  it('somebody not in the ledger is registered at a unit; their ID number links them when it is a resident’s', async () => {
    const stranger = await t.call('POST', '/api/isolation/key-persons', office, {
      unitCode: G01,
      name: '外来人员甲',
      idNumber: idNumber(),
      phone: '13900001111',
      category: 'inbound',
      source: 'walk_in',
    });
    expect(stranger.statusCode).toBe(201);
    expect(stranger.json()).toMatchObject({
      residentId: null,
      unitCode: G01,
      measure: null,
      phoneMasked: '139****1111',
    });
    const missingUnit = await t.call('POST', '/api/isolation/key-persons', office, {
      name: '外来人员乙',
      category: 'inbound',
      source: 'walk_in',
    });
    expect(missingUnit.statusCode).toBe(400);
    expect(missingUnit.json().error.fields[0].path).toBe('unitCode');
    const badId = await t.call(
      'POST',
      '/api/isolation/key-persons',
      office,
      {
        unitCode: G01,
        name: '外来人员丙',
        idNumber: '420106198001011234',
        category: 'inbound',
        source: 'walk_in',
      },
      'en',
    );
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.fields[0]).toMatchObject({
      path: 'idNumber',
      message: expect.stringMatching(/ID number/),
    });

    // a resident's ID number typed by hand: linked to the resident, at the resident's place
    const h = await household();
    const detail = await t.ok('GET', `/api/ledger/households/${h.key}`, admin);
    const reveal = await t.ok('POST', `/api/ledger/residents/${h.resident}/reveal`, admin, {
      field: 'idNumber',
    });
    const linked = await t.ok('POST', '/api/isolation/key-persons', office, {
      unitCode: SMH,
      name: detail.residents[0].name,
      idNumber: reveal.value,
      category: 'fever',
      source: 'walk_in',
    });
    expect(linked.residentId).toBe(h.resident);
    expect(linked.unitCode).toBe(h.building);
  });

  it('one open case per person: six registrations at once, one 201 and five 409; a replay answers the first', async () => {
    const h = await household();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.call('POST', '/api/isolation/key-persons', office, {
          residentId: h.resident,
          category: 'close_contact',
          source: 'list',
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const conflict = answers.find((a) => a.statusCode === 409)?.json();
    expect(conflict.error.fields[0].path).toMatch(/^(idNumber|residentId)$/);

    const clientId = randomUUID();
    const body = { clientId, unitCode: G01, name: '重放甲', category: 'other', source: 'walk_in' };
    const first = await t.call('POST', '/api/isolation/key-persons', worker, body);
    const again = await t.call('POST', '/api/isolation/key-persons', worker, body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
  });
});

describe('from a checkpoint', () => {
  it('a traveller handed over by a checkpoint and arrived is a key person of the community', async () => {
    const h = await household();
    const facility = await t.ok('POST', '/api/org/facilities', admin, {
      unitCode: SMH,
      kind: 'checkpoint',
      name: `移交测试卡点${++seq}`,
    });
    const passage = await t.ok('POST', '/api/checkpoints/passages', admin, {
      clientId: randomUUID(),
      facilityId: facility.id,
      direction: 'in',
      people: [{ name: '返郑旅客', travel: [{ place: '4201' }], destinationUnitCode: h.building }],
      outcome: 'handed_over',
    });
    const handover = passage.people[0].handoverId;
    const arrived = await t.ok('POST', `/api/checkpoints/handovers/${handover}/arrived`, office, {
      householdKey: h.key,
    });
    expect(arrived.keyPersonId).toMatch(/^\d{6}-\d+$/);
    const k = await t.ok('GET', `/api/isolation/key-persons/${arrived.keyPersonId}`, office);
    expect(k).toMatchObject({
      category: 'key_area',
      source: 'checkpoint',
      sourceRef: `handover:${handover}`,
      residentId: arrived.residentId,
      measure: null,
    });
    expect(k.evidence.travel[0].placeCode).toBe('4201');
  });
});

describe('twice-daily checks and transfers', () => {
  it('a check at 38.1 °C opens a transfer and flags a fever; a replay of the check answers the first', async () => {
    const h = await household();
    const k = await t.ok('POST', '/api/isolation/key-persons', worker, {
      residentId: h.resident,
      category: 'key_area',
      source: 'screening',
      measure: { kind: 'home_isolation' },
    });
    const normal = await t.call('POST', `/api/isolation/key-persons/${k.id}/checks`, worker, {
      clientId: randomUUID(),
      how: 'door',
      temperatureC: 36.6,
      mood: 'good',
      needs: '需要买米',
    });
    expect(normal.statusCode).toBe(201);
    expect(normal.json()).toMatchObject({ alarming: false, temperatureC: 36.6, needs: '需要买米' });

    const clientId = randomUUID();
    const fever = await t.call('POST', `/api/isolation/key-persons/${k.id}/checks`, worker, {
      clientId,
      how: 'phone',
      temperatureC: 38.1,
      symptoms: ['cough'],
    });
    expect(fever.statusCode).toBe(201);
    expect(fever.json().alarming).toBe(true);
    const replay = await t.call('POST', `/api/isolation/key-persons/${k.id}/checks`, worker, {
      clientId,
      how: 'phone',
      temperatureC: 38.1,
      symptoms: ['cough'],
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(fever.json().id);

    const detail = await t.ok('GET', `/api/isolation/key-persons/${k.id}`, office);
    expect(detail.fever).toBe(true);
    expect(detail.lastTemperatureC).toBe(38.1);
    expect(detail.checks).toHaveLength(2);
    expect(detail.transfers).toHaveLength(1);
    expect(detail.transfers[0]).toMatchObject({ state: 'open', reason: expect.stringContaining('38.1') });

    // the office sees it among the active transfers, moves it on and closes it: the fever flag ends
    const active = await t.ok('GET', '/api/isolation/transfers?state=active', office);
    expect(active.items.map((x: { id: string }) => x.id)).toContain(detail.transfers[0].id);
    const picked = await t.ok('POST', `/api/isolation/transfers/${detail.transfers[0].id}`, office, {
      state: 'picked_up',
      destination: '郑州市第六人民医院发热门诊',
      escort: '120 急救车',
    });
    expect(picked).toMatchObject({ state: 'picked_up', destination: '郑州市第六人民医院发热门诊' });
    expect(picked.pickedUpAt).not.toBeNull();
    const back = await t.call('POST', `/api/isolation/transfers/${detail.transfers[0].id}`, office, {
      state: 'open',
    });
    expect(back.statusCode).toBe(400);
    await t.ok('POST', `/api/isolation/transfers/${detail.transfers[0].id}`, office, {
      state: 'closed',
      outcome: '排除，返回居家隔离',
    });
    expect((await t.ok('GET', `/api/isolation/key-persons/${k.id}`, office)).fever).toBe(false);
  });

  it('refuses a bad check field by field, in the caller’s language, and writes nothing', async () => {
    const k = await t.ok('POST', '/api/isolation/key-persons', worker, {
      unitCode: G01,
      name: '测温乙',
      category: 'inbound',
      source: 'walk_in',
      measure: { kind: 'home_observation' },
    });
    const bad = await t.call(
      'POST',
      `/api/isolation/key-persons/${k.id}/checks`,
      worker,
      { clientId: randomUUID(), how: 'wechat', temperatureC: 373, symptoms: ['sneezing'] },
      'en',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'how',
      'temperatureC',
      'symptoms.0',
    ]);
    expect(bad.json().error.fields[1].message).toMatch(/34 and 43/);
    expect((await t.ok('GET', `/api/isolation/key-persons/${k.id}`, worker)).checks).toHaveLength(0);
  });

  it('filters the people whose last slot went unchecked, and those due for release', async () => {
    const k = await t.ok('POST', '/api/isolation/key-persons', worker, {
      unitCode: G01,
      name: '漏测戊',
      category: 'key_area',
      source: 'walk_in',
      measure: { kind: 'home_isolation', startsOn: '2020-01-20' },
    });
    // owed checks from when the measure was entered (now); three days earlier, yesterday's went unchecked
    const overdue = () => t.ok('GET', `/api/isolation/key-persons?unit=${G01}&overdue=1&limit=200`, worker);
    expect((await overdue()).items.map((i: { id: string }) => i.id)).not.toContain(k.id);
    const [region, id] = k.id.split('-');
    await sql`UPDATE key_persons SET measure_started_at = measure_started_at - interval '3 days'
      WHERE region_code = ${region} AND id = ${id}`.execute(t.services.db);
    expect((await overdue()).items.map((i: { id: string }) => i.id)).toContain(k.id);
    const counts = await t.ok('GET', `/api/isolation/counts?unit=${G01}`, worker);
    expect(counts.overdueChecks).toBeGreaterThan(0);
    // 14 days from 20 January ended on 2 February: releasable today
    const releasable = await t.ok(
      'GET',
      `/api/isolation/key-persons?unit=${G01}&releasable=1&limit=200`,
      worker,
    );
    expect(releasable.items.map((i: { id: string }) => i.id)).toContain(k.id);
  });

  it('lists a worker’s checks due with both slots of today', async () => {
    const k = await t.ok('POST', '/api/isolation/key-persons', worker, {
      unitCode: G01,
      name: '待测丙',
      category: 'inbound',
      source: 'walk_in',
      measure: { kind: 'home_observation', startsOn: '2020-02-03' },
    });
    // owed from when it was entered: moved three days back, both of today's slots are owed
    const [region, id] = k.id.split('-');
    await sql`UPDATE key_persons SET measure_started_at = measure_started_at - interval '3 days'
      WHERE region_code = ${region} AND id = ${id}`.execute(t.services.db);
    const due = await t.ok('GET', '/api/isolation/checks/due', worker);
    expect(due.day).toBe('2020-02-05');
    const mine = due.items.find((i: { id: string }) => i.id === k.id);
    expect(mine.slots.map((s: { slot: string }) => s.slot)).toEqual(['am', 'pm']);
    for (const s of mine.slots) expect(['due', 'overdue', 'later']).toContain(s.state);
    // the overdue come first
    const rank = (i: { slots: { state: string }[] }) => (i.slots.some((s) => s.state === 'overdue') ? 0 : 1);
    const ranks = due.items.map(rank);
    expect([...ranks].sort()).toEqual(ranks);
    // the other grid's worker does not answer for this person
    const other = await t.ok('GET', '/api/isolation/checks/due', otherWorker);
    expect(other.items.map((i: { id: string }) => i.id)).not.toContain(k.id);
  });
});

describe('counts and scope', () => {
  it('counts by category and measure up the tree, kept by the trigger', async () => {
    const before = await t.ok('GET', `/api/isolation/counts?unit=${SMH}`, office);
    const street = await t.ok('GET', '/api/isolation/counts?unit=410105002', admin);
    const h = await household();
    await t.ok('POST', '/api/isolation/key-persons', office, {
      residentId: h.resident,
      category: 'secondary_contact',
      source: 'list',
      measure: { kind: 'home_isolation' },
    });
    const after = await t.ok('GET', `/api/isolation/counts?unit=${SMH}`, office);
    expect(after.persons).toBe(before.persons + 1);
    expect(after.byCategory.secondary_contact).toBe(before.byCategory.secondary_contact + 1);
    expect(after.byMeasure.home_isolation).toBe(before.byMeasure.home_isolation + 1);
    const g01 = after.children.find((c: { unit: { code: string } }) => c.unit.code === G01);
    expect(g01.persons).toBeGreaterThan(0);
    const streetAfter = await t.ok('GET', '/api/isolation/counts?unit=410105002', admin);
    expect(streetAfter.persons).toBe(street.persons + 1);
    expect(streetAfter.byMeasure.home_isolation).toBe(street.byMeasure.home_isolation + 1);
    const community = streetAfter.children.find((c: { unit: { code: string } }) => c.unit.code === SMH);
    expect(community.persons).toBe(after.persons);
  });

  it('a grid worker sees the key persons of their grid only; another district sees none (404)', async () => {
    const h = await household(G01);
    const k = await t.ok('POST', '/api/isolation/key-persons', office, {
      residentId: h.resident,
      category: 'key_area',
      source: 'list',
      measure: { kind: 'home_isolation' },
    });
    expect((await t.call('GET', `/api/isolation/key-persons/${k.id}`, worker)).statusCode).toBe(200);
    expect((await t.call('GET', `/api/isolation/key-persons/${k.id}`, otherWorker)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/isolation/key-persons/${k.id}`, outsider)).statusCode).toBe(404);
    expect(
      (
        await t.call('POST', `/api/isolation/key-persons/${k.id}/checks`, otherWorker, {
          clientId: randomUUID(),
          how: 'door',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.call('POST', `/api/isolation/measures/${k.measureId}/end`, outsider, { reason: 'moved' }))
        .statusCode,
    ).toBe(404);
    const list = await t.ok('GET', '/api/isolation/key-persons?limit=200', otherWorker);
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(k.id);
    expect((await t.ok('GET', '/api/isolation/key-persons?limit=200', outsider)).items).toEqual([]);
    expect((await t.call('GET', `/api/isolation/counts?unit=${SMH}`, outsider)).statusCode).toBe(404);
    // the responsible worker must answer for the place: G02's worker cannot be named for G01
    const users = await t.ok('GET', `/api/isolation/workers?unit=${h.building}`, office);
    expect(users.items.length).toBeGreaterThan(0);
  });

  it('reveals a key person’s ID number with pii.reveal, audited', async () => {
    const id = idNumber();
    const k = await t.ok('POST', '/api/isolation/key-persons', office, {
      unitCode: G01,
      name: '揭示丁',
      idNumber: id,
      category: 'inbound',
      source: 'walk_in',
    });
    const list = await t.call('GET', '/api/isolation/key-persons?limit=200', office);
    expect(list.body).not.toContain(id);
    expect(
      (await t.ok('POST', `/api/isolation/key-persons/${k.id}/reveal`, office, { field: 'idNumber' })).value,
    ).toBe(id);
    const audit = await t.ok('GET', '/api/audit?action=pii.revealed&limit=5', admin);
    expect(JSON.stringify(audit)).toContain(`key_person:${k.id}`);
  });
});
