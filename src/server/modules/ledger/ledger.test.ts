import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';
import { recheckColours } from './recheck';

// The ledger through its API, on a real PostgreSQL: households and residents, history, colours by hand,
// counts at every level, reveals audited, a grid worker's scope, a screening visit that turns a door red.

const A = '410105002008'; // 省民航社区
const B = '410103001001'; // 淮河社区
const PASSWORD = 'Ledger2020ok';

let t: TestApp;
const call: TestApp['call'] = (...a) => t.call(...a);
const ok: TestApp['ok'] = (...a) => t.ok(...a);
const userWith = (role: string, unitCode: string) => t.userWith(admin, role, unitCode, PASSWORD);
let admin: string;
let seq = 0;

function idNumber(sex: 'male' | 'female' = 'male') {
  const n = ++seq;
  return generateIdNumber({
    regionCode: '410105',
    birthDate: new Date(Date.UTC(1960, 0, n)).toISOString().slice(0, 10),
    sequence: sex === 'male' ? 101 : 102,
  });
}

async function unit(parentCode: string, kind: string, name: string): Promise<string> {
  return (await ok('POST', '/api/org/units', admin, { parentCode, kind, name })).code;
}

let grid1: string;
let grid2: string;
let building1: string;
let building2: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  grid1 = await unit(A, 'grid', '测试一网格');
  grid2 = await unit(A, 'grid', '测试二网格');
  building1 = await unit(grid1, 'building', '测试1号楼');
  building2 = await unit(grid2, 'building', '测试2号楼');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('households and residents', () => {
  it('registers a household with residents, masked in the list, with a history row', async () => {
    const id = idNumber();
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building1,
      entrance: '1',
      door: '302',
      residents: [
        { name: '王建国', idNumber: id, phone: '13812345678', relation: 'head', markers: ['party_member'] },
        { name: '李秀英', idNumber: idNumber('female'), relation: 'spouse', markers: ['low_income'] },
      ],
    });
    expect(key).toMatch(/^410105-\d+$/);
    const detail = await ok('GET', `/api/ledger/households/${key}`, admin);
    expect(detail).toMatchObject({ door: '302', floor: 3, colour: 'green', residentCount: 2 });
    expect(detail.markers).toMatchObject({ party_member: 1, low_income: 1 });
    expect(detail.residents[0].idMasked).toBe(`**************${id.slice(-4)}`);
    expect(detail.residents[0].phoneMasked).toBe('138****5678');
    expect(JSON.stringify(detail)).not.toContain(id);
    expect(detail.history.map((h: { kind: string }) => h.kind)).toContain('created');

    const list = await ok('GET', `/api/ledger/households?unit=${building1}`, admin);
    expect(list.items.map((h: { key: string }) => h.key)).toContain(key);
    expect(JSON.stringify(list)).not.toContain(id);
  });

  it('refuses an ID number already in the ledger, a bad ID naming the field, a taken door', async () => {
    const id = idNumber();
    await ok('POST', '/api/ledger/households', admin, {
      unitCode: building1,
      door: '401',
      residents: [{ name: '张伟', idNumber: id }],
    });
    const again = await call('POST', '/api/ledger/households', admin, {
      unitCode: building1,
      door: '402',
      residents: [{ name: '张伟', idNumber: id }],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].path).toBe('residents.0.idNumber');

    const bad = `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}`;
    const invalid = await call(
      'POST',
      '/api/ledger/households',
      admin,
      { unitCode: building1, door: '403', residents: [{ name: '张伟', idNumber: bad }] },
      'en',
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields[0]).toMatchObject({ path: 'residents.0.idNumber' });
    expect(invalid.json().error.fields[0].message).toMatch(/check/i);

    const taken = await call('POST', '/api/ledger/households', admin, { unitCode: building1, door: '401' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields[0].path).toBe('door');
    // nothing half-written: the refused households are not there
    const list = await ok('GET', `/api/ledger/households?unit=${building1}&limit=200`, admin);
    expect(list.items.filter((h: { door: string }) => ['402', '403'].includes(h.door))).toEqual([]);
  });

  it('an edit records only what changed, before and after; notes and names are kept as typed', async () => {
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building1,
      door: '402',
      residents: [
        {
          name: '侯雪梅',
          idNumber: idNumber('female'),
          phone: '13812340402',
          relation: 'head',
          workUnit: '郑州市第一人民医院',
          notes: '腿脚不便，需送菜上门',
          markers: ['low_income'],
        },
      ],
    });
    const d = await ok('GET', `/api/ledger/households/${key}`, admin);
    const r = d.residents[0];
    expect(r.notes).toBe('腿脚不便，需送菜上门');
    // the desk's form sends every field; only 工作单位 differs
    const form = {
      name: r.name,
      sex: r.sex,
      birthDate: r.birthDate,
      idType: r.idType,
      relation: r.relation,
      workUnit: '金水区人民医院',
      notes: r.notes,
      markers: r.markers,
    };
    await ok('PATCH', `/api/ledger/residents/${r.key}`, admin, form);
    const after = await ok('GET', `/api/ledger/households/${key}`, admin);
    const updated = after.history.filter((h: { kind: string }) => h.kind === 'resident_updated');
    expect(updated).toHaveLength(1);
    expect(updated[0].detail.changes).toEqual([
      { field: 'workUnit', before: '郑州市第一人民医院', after: '金水区人民医院' },
    ]);
    // sending the same again changes nothing and writes no history
    await ok('PATCH', `/api/ledger/residents/${r.key}`, admin, form);
    const again = await ok('GET', `/api/ledger/households/${key}`, admin);
    expect(again.history.filter((h: { kind: string }) => h.kind === 'resident_updated')).toHaveLength(1);
    // a new phone: named, shown masked, never in clear
    await ok('PATCH', `/api/ledger/residents/${r.key}`, admin, { phone: '13912340402' });
    const phoned = await ok('GET', `/api/ledger/households/${key}`, admin);
    const last = phoned.history.find((h: { kind: string }) => h.kind === 'resident_updated');
    expect(last.detail.changes).toEqual([{ field: 'phone', before: '138****0402', after: '139****0402' }]);
    expect(JSON.stringify(phoned.history)).not.toContain('13912340402');
    expect(phoned.residents[0].notes).toBe('腿脚不便，需送菜上门');
  });

  it('the desk records a stay told by phone, dated or not: the colour follows, the history keeps both lists', async () => {
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building1,
      door: '403',
      residents: [{ name: '孟凡', idNumber: idNumber() }],
    });
    const r = (await ok('GET', `/api/ledger/households/${key}`, admin)).residents[0];
    // a day after the ledger's day is refused, naming the stay
    const future = await call('PATCH', `/api/ledger/residents/${r.key}`, admin, {
      travel: [{ placeCode: '4201', from: '2020-02-01', to: '2099-01-01' }],
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].path).toBe('travel[0]');
    // no dates at all: kept, dated by the day it was told, and the household turns red
    await ok('PATCH', `/api/ledger/residents/${r.key}`, admin, {
      travel: [{ placeCode: '420100', placeName: '武汉市', undated: 'recent' }],
    });
    const d = await ok('GET', `/api/ledger/households/${key}`, admin);
    expect(d.colour).toBe('red');
    const stays = d.residents[0].facts.travel;
    expect(stays).toEqual([
      { placeCode: '420100', placeName: '武汉市', undated: 'recent', recordedOn: t.services.config.today },
    ]);
    const h = d.history.find((e: { kind: string }) => e.kind === 'travel_updated');
    expect(h.detail).toMatchObject({ name: '孟凡', before: [], after: stays });
    // the same list sent back (as the desk's form does) changes nothing
    await ok('PATCH', `/api/ledger/residents/${r.key}`, admin, { name: '孟凡', travel: stays });
    const again = await ok('GET', `/api/ledger/households/${key}`, admin);
    expect(again.history.filter((e: { kind: string }) => e.kind === 'travel_updated')).toHaveLength(1);
    // removed by hand (it was another 孟凡): green again, and the history says what was there
    await ok('PATCH', `/api/ledger/residents/${r.key}`, admin, { travel: [] });
    const cleared = await ok('GET', `/api/ledger/households/${key}`, admin);
    expect(cleared.colour).toBe('green');
    expect(cleared.history.find((e: { kind: string }) => e.kind === 'travel_updated').detail).toMatchObject({
      before: stays,
      after: [],
    });
  });

  it('keeps moving out and deaths as history, and an empty door is white', async () => {
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building1,
      door: '501',
      residents: [{ name: '赵桂兰', idNumber: idNumber('female'), markers: ['elderly_alone'] }],
    });
    const [resident] = (await ok('GET', `/api/ledger/households/${key}`, admin)).residents;
    await ok('POST', `/api/ledger/residents/${resident.key}/status`, admin, {
      status: 'deceased',
      date: '2020-02-01',
    });
    const after = await ok('GET', `/api/ledger/households/${key}`, admin);
    expect(after.colour).toBe('white');
    expect(after.residentCount).toBe(0);
    expect(after.residents[0].status).toBe('deceased');
    const kinds = after.history.map((h: { kind: string }) => h.kind);
    expect(kinds).toEqual(expect.arrayContaining(['resident_deceased', 'colour']));
    const colour = after.history.find((h: { kind: string }) => h.kind === 'colour');
    expect(colour).toMatchObject({ from: 'green', to: 'white', actor: 'admin' });
  });

  it('splits a household: the residents named move to a new door, both keep the history', async () => {
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building1,
      door: '601',
      residents: [
        { name: '刘强', idNumber: idNumber() },
        { name: '刘小强', idNumber: idNumber() },
      ],
    });
    const members = (await ok('GET', `/api/ledger/households/${key}`, admin)).residents;
    const { key: newKey } = await ok('POST', `/api/ledger/households/${key}/split`, admin, {
      residentKeys: [members[1].key],
      door: '602',
      reason: '分户',
    });
    const old = await ok('GET', `/api/ledger/households/${key}`, admin);
    const fresh = await ok('GET', `/api/ledger/households/${newKey}`, admin);
    expect(old.residentCount).toBe(1);
    expect(fresh.residentCount).toBe(1);
    expect(fresh.residents[0].name).toBe('刘小强');
    expect(old.history.map((h: { kind: string }) => h.kind)).toContain('split_out');
    expect(fresh.history.map((h: { kind: string }) => h.kind)).toContain('split_in');
  });

  it('sets a colour by hand only with a reason, and records who and why', async () => {
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building1,
      door: '701',
      residents: [{ name: '陈明', idNumber: idNumber() }],
    });
    const noReason = await call('POST', `/api/ledger/households/${key}/colour`, admin, {
      colour: 'red',
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('reason');
    await ok('POST', `/api/ledger/households/${key}/colour`, admin, { colour: 'red', reason: '密接者家属' });
    const d = await ok('GET', `/api/ledger/households/${key}`, admin);
    expect(d).toMatchObject({
      colour: 'red',
      derivedColour: 'green',
      override: { colour: 'red', reason: '密接者家属' },
    });
    expect(d.history[0]).toMatchObject({ kind: 'override', from: 'green', to: 'red', reason: '密接者家属' });
    await ok('POST', `/api/ledger/households/${key}/colour`, admin, { colour: null, reason: '已排除' });
    expect((await ok('GET', `/api/ledger/households/${key}`, admin)).colour).toBe('green');
  });

  it('reveals a full ID number only with the permission, and audits it', async () => {
    const id = idNumber();
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building1,
      door: '801',
      residents: [{ name: '孙丽', idNumber: id }],
    });
    const [r] = (await ok('GET', `/api/ledger/households/${key}`, admin)).residents;
    const revealed = await ok('POST', `/api/ledger/residents/${r.key}/reveal`, admin, { field: 'idNumber' });
    expect(revealed.value).toBe(id);
    const audit = await ok('GET', '/api/audit?action=pii.revealed', admin);
    expect(JSON.stringify(audit)).toContain(`resident:${r.key}`);
    const leader = await userWith('building_leader', building1);
    expect(
      (await call('POST', `/api/ledger/residents/${r.key}/reveal`, leader, { field: 'idNumber' })).statusCode,
    ).toBe(403);
  });

  it('finds households by name, initials, the last digits of an ID, and a phone', async () => {
    const id = idNumber();
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building2,
      door: '101',
      residents: [{ name: '欧阳娜娜', idNumber: id, phone: '13912340000' }],
    });
    for (const q of ['欧阳', 'oy', id.slice(-4), '13912340000', '0000']) {
      const res = await ok('GET', `/api/ledger/households?unit=${A}&q=${encodeURIComponent(q)}`, admin);
      expect(
        res.items.map((h: { key: string }) => h.key),
        q,
      ).toContain(key);
    }
    const none = await ok('GET', `/api/ledger/households?unit=${A}&q=${encodeURIComponent('欧阳锋')}`, admin);
    expect(none.items).toEqual([]);
  });
});

describe('scope', () => {
  it("shows a grid worker only the grid's households, and 404 for another grid's", async () => {
    const inGrid = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building1,
      door: '901',
      residents: [{ name: '周一', idNumber: idNumber() }],
    });
    const otherGrid = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building2,
      door: '901',
      residents: [{ name: '周二', idNumber: idNumber() }],
    });
    const worker = await userWith('grid_worker', grid1);
    expect((await call('GET', `/api/ledger/households/${inGrid.key}`, worker)).statusCode).toBe(200);
    expect((await call('GET', `/api/ledger/households/${otherGrid.key}`, worker)).statusCode).toBe(404);
    expect((await call('GET', `/api/ledger/households?unit=${grid2}`, worker)).statusCode).toBe(404);
    expect((await call('GET', `/api/ledger/households?unit=${A}`, worker)).statusCode).toBe(404);
    const list = await ok('GET', `/api/ledger/households?unit=${grid1}&limit=200`, worker);
    expect(list.items.every((h: { unit: { code: string } }) => h.unit.code === building1)).toBe(true);
    expect((await call('GET', `/api/ledger/counts/${A}`, worker)).statusCode).toBe(404);
    expect((await call('GET', `/api/ledger/counts/${B}`, admin)).statusCode).toBe(200);
  });
});

describe('counts', () => {
  it('counts by colour and marker at every level, from the households and from the community roll-up', async () => {
    const before = await ok('GET', '/api/ledger/counts/4101', admin);
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building2,
      door: '1001',
      residents: [{ name: '吴敏', idNumber: idNumber(), markers: ['disabled'] }],
    });
    const city = await ok('GET', '/api/ledger/counts/4101', admin);
    expect(city.byColour.green.households).toBe(before.byColour.green.households + 1);
    expect(city.total.markers.disabled).toBe(before.total.markers.disabled + 1);
    await ok('POST', `/api/ledger/households/${key}/colour`, admin, { colour: 'orange', reason: '居家隔离' });
    const after = await ok('GET', '/api/ledger/counts/4101', admin);
    expect(after.byColour.orange.households).toBe(city.byColour.orange.households + 1);
    expect(after.byColour.green.households).toBe(city.byColour.green.households - 1);
    // every level agrees: the city (from ledger_counts) and the community (from its households)
    const community = await ok('GET', `/api/ledger/counts/${A}`, admin);
    const district = after.children.find((c: { unit: { code: string } }) => c.unit.code === '410105');
    expect(district.total.households).toBeGreaterThanOrEqual(community.total.households);
    const street = await ok('GET', '/api/ledger/counts/410105002', admin);
    const fromStreet = street.children.find((c: { unit: { code: string } }) => c.unit.code === A);
    expect(fromStreet.byColour).toEqual(community.byColour);
    const grid = community.children.find((c: { unit: { code: string } }) => c.unit.code === grid2);
    expect(grid.byColour.orange.households).toBeGreaterThanOrEqual(1);
  });
});

describe('door-to-door screening', () => {
  it('a visit on the phone updates the residents, turns the door red, counts the progress; a replay is one visit', async () => {
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building2,
      door: '1101',
      residents: [{ name: '郑凯', idNumber: idNumber() }],
    });
    const campaign = await ok('POST', '/api/ledger/campaigns', admin, {
      unitCode: grid2,
      name: '第一轮入户排查',
      startsOn: '2020-01-28',
    });
    expect(campaign.households).toBeGreaterThanOrEqual(1);
    const worker = await userWith('grid_worker', grid2);
    const doors = await ok(
      'GET',
      `/api/ledger/campaigns/${campaign.id}/doors?unit=${grid2}&status=pending`,
      worker,
    );
    const door = doors.items.find((h: { key: string }) => h.key === key);
    expect(door.visit).toMatchObject({ status: 'pending', visits: 0 });
    const visit = {
      clientId: randomUUID(),
      campaignId: campaign.id,
      householdKey: key,
      outcome: 'visited',
      residents: [
        {
          key: door.residents[0].key,
          present: true,
          temperatureC: 36.5,
          travel: [{ placeCode: '420106', placeName: '武汉市武昌区', from: '2020-01-20', to: '2020-01-23' }],
        },
      ],
    };
    const first = await ok('POST', '/api/ledger/visits', worker, visit);
    expect(first).toMatchObject({ colourBefore: 'green', colourAfter: 'red' });
    const replay = await ok('POST', '/api/ledger/visits', worker, visit);
    expect(replay.visit).toBe(first.visit);
    const progress = await ok('GET', `/api/ledger/campaigns/${campaign.id}`, worker);
    expect(progress.visited).toBe(1);
    expect(progress.byColour.red).toBeGreaterThanOrEqual(1);
    const d = await ok('GET', `/api/ledger/households/${key}`, admin);
    expect(d.colour).toBe('red');
    expect(d.reasons[0]).toMatchObject({ code: 'travel_key_area' });

    // two weeks later the stay has left the window: the daily recheck turns the door green, as the system
    const config = t.services.config;
    const today = config.today;
    config.today = '2020-02-20';
    try {
      const r = await recheckColours(t.services);
      expect(r.changed).toBeGreaterThanOrEqual(1);
    } finally {
      config.today = today;
    }
    const later = await ok('GET', `/api/ledger/households/${key}`, admin);
    expect(later.colour).toBe('green');
    expect(later.history[0]).toMatchObject({ kind: 'colour', from: 'red', to: 'green', actor: 'system' });

    const badTemp = await call('POST', '/api/ledger/visits', worker, {
      ...visit,
      clientId: randomUUID(),
      residents: [{ key: door.residents[0].key, present: true, temperatureC: 373 }],
    });
    expect(badTemp.statusCode).toBe(400);
    // an out-of-scope worker gets a 404 for the campaign and the door
    const other = await userWith('grid_worker', grid1);
    expect(
      (await call('POST', '/api/ledger/visits', other, { ...visit, clientId: randomUUID() })).statusCode,
    ).toBe(404);
  });

  it('a stay in Wuhan told at the door without dates is kept: the door turns red and stays so for the window', async () => {
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building2,
      door: '1102',
      residents: [{ name: '武小汉', idNumber: idNumber() }],
    });
    const campaign = await ok('POST', '/api/ledger/campaigns', admin, {
      unitCode: building2,
      name: '无日期旅居',
      startsOn: '2020-02-01',
    });
    const d0 = await ok('GET', `/api/ledger/households/${key}`, admin);
    const first = await ok('POST', '/api/ledger/visits', admin, {
      clientId: randomUUID(),
      campaignId: campaign.id,
      householdKey: key,
      outcome: 'visited',
      residents: [
        { key: d0.residents[0].key, present: true, travel: [{ placeCode: '420100', placeName: '武汉市' }] },
      ],
    });
    expect(first).toMatchObject({ colourBefore: 'green', colourAfter: 'red' });
    const d = await ok('GET', `/api/ledger/households/${key}`, admin);
    expect(d.reasons[0]).toMatchObject({ code: 'travel_key_area', area: '武汉市', undated: 'unknown' });
    // kept with the day it was told (the ledger's day), so that it leaves the window by time
    expect(d.residents[0].facts.travel).toEqual([
      { placeCode: '420100', placeName: '武汉市', undated: 'unknown', recordedOn: t.services.config.today },
    ]);
    const config = t.services.config;
    const today = config.today;
    try {
      config.today = '2020-02-19';
      await recheckColours(t.services);
      expect((await ok('GET', `/api/ledger/households/${key}`, admin)).colour).toBe('red');
      config.today = '2020-02-20';
      await recheckColours(t.services);
      expect((await ok('GET', `/api/ledger/households/${key}`, admin)).colour).toBe('green');
    } finally {
      config.today = today;
    }
  });

  it('nobody home marks the door for a revisit', async () => {
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building2,
      door: '1201',
      residents: [{ name: '冯雪', idNumber: idNumber('female') }],
    });
    const campaign = await ok('POST', '/api/ledger/campaigns', admin, {
      unitCode: building2,
      name: '复查',
      startsOn: '2020-02-01',
    });
    await ok('POST', '/api/ledger/visits', admin, {
      clientId: randomUUID(),
      campaignId: campaign.id,
      householdKey: key,
      outcome: 'nobody_home',
    });
    const doors = await ok(
      'GET',
      `/api/ledger/campaigns/${campaign.id}/doors?unit=${building2}&status=revisit`,
      admin,
    );
    expect(doors.items.map((h: { key: string }) => h.key)).toEqual([key]);
  });

  it('a building leader registers a new tenant during a visit; the replay adds nobody twice', async () => {
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building1,
      door: '1301',
    });
    const campaign = await ok('POST', '/api/ledger/campaigns', admin, {
      unitCode: building1,
      name: '新租户',
      startsOn: '2020-02-01',
    });
    const leader = await userWith('building_leader', building1);
    const visit = {
      clientId: randomUUID(),
      campaignId: campaign.id,
      householdKey: key,
      outcome: 'visited',
      newResidents: [{ name: '钱新来', idNumber: idNumber() }],
    };
    const first = await ok('POST', '/api/ledger/visits', leader, visit);
    expect(first).toMatchObject({ colourBefore: 'white', colourAfter: 'green' });
    await ok('POST', '/api/ledger/visits', leader, visit);
    const d = await ok('GET', `/api/ledger/households/${key}`, admin);
    expect(d.residents.map((r: { name: string }) => r.name)).toEqual(['钱新来']);
  });
});
