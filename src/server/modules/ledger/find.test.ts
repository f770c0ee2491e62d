import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import * as m005 from '../../db/migrations/005_search_pinyin';
import { DEMO_PASSWORD } from '../../setup/demo';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';

// Seeing and finding (issue 10): the city command reads screening across its scope, every row above a
// community names its community (and street), a household's visits on the desk, search by what people
// have (a whole ID number, full pinyin and initials, a door, a building), the ledger's pages and total.

const A = '410105002008'; // 省民航社区 (花园路街道, 金水区)
const STREET_A = '410105002'; // 花园路街道
const B = '410103001001'; // 淮河社区
const PASSWORD = 'Finding2020ok';

let t: TestApp;
const call: TestApp['call'] = (...a) => t.call(...a);
const ok: TestApp['ok'] = (...a) => t.ok(...a);
let admin: string;
let command: string; // zhihuibu: 指挥部, granted on 郑州市
let huaihe: string; // huaihe_admin: another community
let seq = 0;

function idNumber() {
  const n = ++seq;
  return generateIdNumber({
    regionCode: '410105',
    birthDate: new Date(Date.UTC(1947, 2, n)).toISOString().slice(0, 10),
    sequence: 300 + n,
  });
}

async function unit(parentCode: string, kind: string, name: string): Promise<string> {
  return (await ok('POST', '/api/org/units', admin, { parentCode, kind, name })).code;
}

const keys = (page: { items: { key: string }[] }) => page.items.map((h) => h.key);

let grid: string;
let building: string; // 88号楼, in a grid of its own under 省民航社区
let household: string; // 88号楼 1单元 401: 晁梦蝶 and 晁思远
let dreamer: { key: string; id: string };
let campaign: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  command = await t.login('zhihuibu', DEMO_PASSWORD);
  huaihe = await t.login('huaihe_admin', DEMO_PASSWORD);
  grid = await unit(A, 'grid', '查找网格');
  building = await unit(grid, 'building', '88号楼');
  const id = idNumber();
  household = (
    await ok('POST', '/api/ledger/households', admin, {
      unitCode: building,
      entrance: '1',
      door: '401',
      residents: [
        { name: '晁梦蝶', idNumber: id, phone: '13903710088', relation: 'head' },
        { name: '晁思远', idNumber: idNumber(), relation: 'son' },
      ],
    })
  ).key;
  const detail = await ok('GET', `/api/ledger/households/${household}`, admin);
  dreamer = { key: detail.residents[0].key, id };
  for (const door of ['402', '501', '502']) {
    await ok('POST', '/api/ledger/households', admin, {
      unitCode: building,
      entrance: '1',
      door,
      residents: [{ name: `邻居${door}`, idNumber: idNumber() }],
    });
  }
  campaign = (
    await ok('POST', '/api/ledger/campaigns', admin, {
      unitCode: building,
      name: '第二轮入户排查',
      startsOn: '2020-02-01',
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the command reads screening across its scope', () => {
  it('lists the campaign, its progress, doors, places and visits; writes no visit; another community gets 404', async () => {
    // a knock with nobody home, then a visit that changes nothing (the household stays green)
    await ok('POST', '/api/ledger/visits', admin, {
      clientId: randomUUID(),
      campaignId: campaign,
      householdKey: household,
      outcome: 'nobody_home',
    });
    await ok('POST', '/api/ledger/visits', admin, {
      clientId: randomUUID(),
      campaignId: campaign,
      householdKey: household,
      outcome: 'visited',
      residents: [{ key: dreamer.key, present: true, temperatureC: 36.4 }],
    });

    const list = await ok('GET', '/api/ledger/campaigns', command);
    const mine = list.items.find((c: { id: string }) => c.id === campaign);
    expect(mine.within.map((u: { code: string }) => u.code)).toEqual([STREET_A, A]);
    const progress = await ok('GET', `/api/ledger/campaigns/${campaign}`, command);
    expect(progress).toMatchObject({ total: 4, visited: 1, revisit: 0 });
    const doors = await ok('GET', `/api/ledger/campaigns/${campaign}/doors`, command);
    expect(doors.items).toHaveLength(4);
    const door = doors.items.find((h: { key: string }) => h.key === household);
    expect(door.visit).toMatchObject({ status: 'visited', visits: 2 });
    // above a street: the row names its street and community
    expect(door.within.map((u: { code: string }) => u.code)).toEqual([STREET_A, A]);
    const places = await ok('GET', `/api/ledger/campaigns/${campaign}/places`, command);
    expect(places.items).toEqual([
      { unit: { code: building, name: '88号楼', kind: 'building' }, total: 4, visited: 1, revisit: 0 },
    ]);
    const visits = await ok('GET', `/api/ledger/households/${household}/visits`, command);
    expect(visits.items.map((v: { outcome: string }) => v.outcome)).toEqual(['visited', 'nobody_home']);

    // reading is not visiting: the command may not record a visit
    const write = await call('POST', '/api/ledger/visits', command, {
      clientId: randomUUID(),
      campaignId: campaign,
      householdKey: household,
      outcome: 'nobody_home',
    });
    expect(write.statusCode).toBe(403);

    // a user of another community: 404 for the campaign, its doors, places, the household and its visits
    for (const url of [
      `/api/ledger/campaigns/${campaign}`,
      `/api/ledger/campaigns/${campaign}/doors`,
      `/api/ledger/campaigns/${campaign}/places`,
      `/api/ledger/households/${household}`,
      `/api/ledger/households/${household}/visits`,
    ]) {
      expect((await call('GET', url, huaihe)).statusCode, url).toBe(404);
    }
    const theirs = await ok('GET', '/api/ledger/campaigns', huaihe);
    expect(theirs.items.map((c: { id: string }) => c.id)).not.toContain(campaign);
  });

  it('names the community to a street, both to a city, nothing within a community', async () => {
    const street = await t.login('huayuanlu_admin', DEMO_PASSWORD);
    const community = await t.login('smh_admin', DEMO_PASSWORD);
    const within = async (cookie: string) =>
      (await ok('GET', `/api/ledger/households/${household}`, cookie)).within.map(
        (u: { code: string }) => u.code,
      );
    expect(await within(command)).toEqual([STREET_A, A]);
    expect(await within(street)).toEqual([A]);
    expect(await within(community)).toEqual([]);
    const names = await ok('GET', `/api/ledger/households?unit=${building}`, command);
    const streetName = (await ok('GET', `/api/org/units/${STREET_A}`, admin)).name;
    const communityName = (await ok('GET', `/api/org/units/${A}`, admin)).name;
    expect(names.items[0].within.map((u: { name: string }) => u.name)).toEqual([streetName, communityName]);
  });
});

describe("a household's visits", () => {
  it('shows every visit: who, when, outcome, temperatures, symptoms, travel, contacts, notes, also those that changed nothing', async () => {
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building,
      entrance: '2',
      door: '101',
      residents: [{ name: '司马青', idNumber: idNumber() }],
    });
    const round = await ok('POST', '/api/ledger/campaigns', admin, {
      unitCode: building,
      name: '发热排查',
      startsOn: '2020-02-02',
    });
    const worker = await t.userWith(admin, 'grid_worker', grid, PASSWORD);
    const resident = (await ok('GET', `/api/ledger/households/${key}`, admin)).residents[0].key;
    const knock = (body: object) =>
      ok('POST', '/api/ledger/visits', worker, {
        clientId: randomUUID(),
        campaignId: round.id,
        householdKey: key,
        ...body,
      });
    await knock({ outcome: 'nobody_home' });
    await knock({ outcome: 'visited', residents: [{ key: resident, present: true, temperatureC: 36.6 }] });
    await knock({
      outcome: 'visited',
      notes: '腿脚不便，需送菜上门',
      residents: [
        {
          key: resident,
          present: true,
          temperatureC: 38.2,
          symptoms: ['fever', 'cough'],
          travel: [{ placeCode: '420100', placeName: '武汉市', from: '2020-01-20', to: '2020-01-22' }],
          contacts: [{ kind: 'key_person', date: '2020-01-25' }],
        },
      ],
    });
    const { items } = await ok('GET', `/api/ledger/households/${key}/visits`, admin);
    expect(items).toHaveLength(3);
    const [fever, quiet, nobody] = items;
    expect(fever).toMatchObject({
      outcome: 'visited',
      campaign: { id: round.id, name: '发热排查' },
      colourBefore: 'green',
      colourAfter: 'red',
      notes: '腿脚不便，需送菜上门',
      residents: [
        {
          key: resident,
          name: '司马青',
          present: true,
          temperatureC: 38.2,
          symptoms: ['fever', 'cough'],
          travel: [{ placeCode: '420100', placeName: '武汉市', from: '2020-01-20', to: '2020-01-22' }],
          contacts: [{ kind: 'key_person', date: '2020-01-25' }],
        },
      ],
    });
    expect(fever.by.username).toMatch(/^t_grid_worker_/);
    expect(new Date(fever.at).getTime()).toBeGreaterThanOrEqual(new Date(quiet.at).getTime());
    // a visit that changed nothing is shown all the same
    expect(quiet).toMatchObject({ outcome: 'visited', colourBefore: 'green', colourAfter: 'green' });
    expect(quiet.residents[0]).toMatchObject({ name: '司马青', temperatureC: 36.6 });
    expect(nobody).toMatchObject({ outcome: 'nobody_home', residents: [], notes: null });
    // the history (colour changes) knows only the one that changed the colour
    const history = (await ok('GET', `/api/ledger/households/${key}`, admin)).history;
    expect(history.filter((h: { kind: string }) => h.kind === 'colour')).toHaveLength(1);
  });
});

describe('search by what people have', () => {
  it('finds a whole ID number pasted from a list, across the city; out of scope it finds nothing', async () => {
    const pasted = ` ${dreamer.id.slice(0, 6)} ${dreamer.id.slice(6, 14)} ${dreamer.id.slice(14).toLowerCase()} `;
    for (const [who, unitCode] of [
      [admin, building],
      [admin, '4101'],
      [command, '4101'],
    ] as const) {
      const res = await ok(
        'GET',
        `/api/ledger/households?unit=${unitCode}&q=${encodeURIComponent(pasted)}`,
        who,
      );
      expect(keys(res), unitCode).toEqual([household]);
    }
    // the same ID number in another community's ledger: nothing (and A itself is not theirs)
    const theirs = await ok('GET', `/api/ledger/households?unit=${B}&q=${dreamer.id}`, huaihe);
    expect(theirs.items).toEqual([]);
    expect((await call('GET', `/api/ledger/households?unit=${A}&q=${dreamer.id}`, huaihe)).statusCode).toBe(
      404,
    );
    // one digit wrong: nobody
    const wrong = `${dreamer.id.slice(0, 10)}${(Number(dreamer.id[10]) + 1) % 10}${dreamer.id.slice(11)}`;
    expect((await ok('GET', `/api/ledger/households?unit=4101&q=${wrong}`, admin)).items).toEqual([]);
  });

  it('finds residents by full pinyin and by initials, across a district', async () => {
    for (const q of ['chaomengdie', 'chaomeng', 'ChaoMengDie', 'cmd', 'cm']) {
      const res = await ok('GET', `/api/ledger/households?unit=410105&q=${q}`, admin);
      expect(keys(res), q).toContain(household);
    }
    const bySon = await ok('GET', `/api/ledger/households?unit=${building}&q=chaosiyuan`, admin);
    expect(keys(bySon)).toEqual([household]);
    expect((await ok('GET', `/api/ledger/households?unit=${building}&q=chaoxx`, admin)).items).toEqual([]);
    // a new name, a new pinyin
    const son = (await ok('GET', `/api/ledger/households/${household}`, admin)).residents.find(
      (r: { name: string }) => r.name === '晁思远',
    );
    await ok('PATCH', `/api/ledger/residents/${son.key}`, admin, { name: '晁远方' });
    expect(keys(await ok('GET', `/api/ledger/households?unit=${building}&q=chaoyuanfang`, admin))).toEqual([
      household,
    ]);
    expect((await ok('GET', `/api/ledger/households?unit=${building}&q=chaosiyuan`, admin)).items).toEqual(
      [],
    );
  });

  it('finds residents by the start of their name across a district and the city: in scope, in order, paged both ways', async () => {
    // 仉 is a surname the demo city does not have; 𠀾 lies beyond the BMP (two UTF-16 units, one character)
    const tower = await unit(grid, 'building', '89号楼');
    const made: string[] = [];
    for (const [door, name] of [
      ['602', '仉明'],
      ['601', '仉秀英'],
      ['701', '仉秀兰'],
      ['502', '仉丽'],
      ['501', '𠀾明'],
    ]) {
      const h = await ok('POST', '/api/ledger/households', admin, {
        unitCode: tower,
        entrance: '1',
        door,
        residents: [{ name, idNumber: idNumber() }],
      });
      made.push(h.key);
    }
    // the ledger's order (door), not the order of the names or of their writing
    const inOrder = keys(await ok('GET', `/api/ledger/households?unit=${tower}&limit=200`, admin));
    const search = (u: string, q: string, extra = '') =>
      `/api/ledger/households?unit=${u}&q=${encodeURIComponent(q)}${extra}`;
    for (const u of ['410105', '4101']) {
      const all = inOrder.filter((k) => k !== made[4]);
      expect(keys(await ok('GET', search(u, '仉', '&limit=200'), admin)), u).toEqual(all);
      expect(keys(await ok('GET', search(u, '仉秀', '&limit=200'), admin))).toEqual(
        inOrder.filter((k) => k === made[1] || k === made[2]),
      );
      expect(keys(await ok('GET', search(u, '仉秀英'), admin))).toEqual([made[1]]);
      expect((await ok('GET', search(u, '仉秀梅'), admin)).items).toEqual([]);
      expect(keys(await ok('GET', search(u, '𠀾'), admin))).toEqual([made[4]]);
      expect(keys(await ok('GET', search(u, '𠀾明'), admin))).toEqual([made[4]]);
      // pages of one, after and before a row, a jump; the total
      const first = await ok('GET', search(u, '仉', '&limit=1'), admin);
      expect(keys(first)).toEqual(all.slice(0, 1));
      expect(first.prev).toBeNull();
      const second = await ok('GET', search(u, '仉', `&limit=1&after=${first.next}`), admin);
      expect(keys(second)).toEqual(all.slice(1, 2));
      const third = await ok('GET', search(u, '仉', `&limit=1&after=${second.next}`), admin);
      expect(keys(third)).toEqual(all.slice(2, 3));
      expect(keys(await ok('GET', search(u, '仉', `&limit=1&before=${third.prev}`), admin))).toEqual(
        all.slice(1, 2),
      );
      expect(keys(await ok('GET', search(u, '仉', '&limit=1&page=4'), admin))).toEqual(all.slice(3, 4));
      const count = `/api/ledger/households/count?unit=${u}&q=${encodeURIComponent('仉')}`;
      expect(await ok('GET', count, admin)).toEqual({ total: 4, capped: false });
    }
    // a colour filters the households found
    expect((await ok('GET', search('4101', '仉', '&colour=red'), admin)).items).toEqual([]);
    // a resident who moved out is no longer found by name; their household has nobody else
    const gone = (await ok('GET', `/api/ledger/households/${made[3]}`, admin)).residents[0];
    await ok('POST', `/api/ledger/residents/${gone.key}/status`, admin, { status: 'moved_out' });
    expect(keys(await ok('GET', search('4101', '仉丽'), admin))).toEqual([]);
    // another community's user: nothing of 省民航社区 from their own unit, 404 for it
    expect(keys(await ok('GET', search(B, '仉'), huaihe))).toEqual([]);
    expect((await call('GET', search(A, '仉'), huaihe)).statusCode).toBe(404);
  });

  it('finds people of the forces registry by full pinyin, initials and a whole ID number', async () => {
    const idNo = idNumber();
    const person = await ok('POST', '/api/forces/people', admin, {
      unitCode: building,
      name: '欧阳明月',
      idNumber: idNo,
      isVolunteer: true,
    });
    for (const q of ['ouyangmingyue', 'ouyang', 'oymy', idNo]) {
      const res = await ok('GET', `/api/forces/people?unit=${A}&q=${encodeURIComponent(q)}`, admin);
      expect(
        res.items.map((p: { id: string }) => p.id),
        q,
      ).toContain(person.id);
    }
    // renamed: the pinyin follows the name
    await ok('PATCH', `/api/forces/people/${person.id}`, admin, { name: '司徒明月' });
    const renamed = await ok('GET', `/api/forces/people?unit=${A}&q=situ`, admin);
    expect(renamed.items.map((p: { id: string }) => p.id)).toContain(person.id);
    expect((await ok('GET', `/api/forces/people?unit=${A}&q=ouyangmingyue`, admin)).items).toEqual([]);
  });

  it('finds a door or a building within a community, and says so above it', async () => {
    for (const q of ['401', '1-401', '88号楼1单元401', '88-1-401']) {
      const res = await ok('GET', `/api/ledger/households?unit=${grid}&q=${encodeURIComponent(q)}`, admin);
      expect(keys(res), q).toEqual([household]);
    }
    const buildingHits = await ok(
      'GET',
      `/api/ledger/households?unit=${A}&q=${encodeURIComponent('88栋')}`,
      admin,
    );
    expect(buildingHits.items.length).toBeGreaterThanOrEqual(4);
    expect(buildingHits.items.every((h: { unit: { code: string } }) => h.unit.code === building)).toBe(true);
    // the campaign's door list on the phone: a name, a door
    const byName = await ok(
      'GET',
      `/api/ledger/campaigns/${campaign}/doors?q=${encodeURIComponent('晁')}`,
      admin,
    );
    expect(keys(byName)).toEqual([household]);
    const byDoor = await ok('GET', `/api/ledger/campaigns/${campaign}/doors?q=502`, admin);
    expect(byDoor.items.map((h: { door: string }) => h.door)).toEqual(['502']);
    const above = await call('GET', `/api/ledger/households?unit=${STREET_A}&q=401`, admin);
    expect(above.statusCode).toBe(400);
    expect(above.json().error.fields).toEqual([{ path: 'q', message: expect.stringContaining('社区') }]);
  });
});

describe("the ledger's pages", () => {
  it('pages after and before a row, jumps to a page, counts the total', async () => {
    const base = `/api/ledger/households?unit=${building}&limit=2`;
    const all = keys(await ok('GET', `/api/ledger/households?unit=${building}&limit=200`, admin));
    expect(all.length).toBeGreaterThanOrEqual(5);
    const first = await ok('GET', base, admin);
    expect(first.prev).toBeNull();
    expect(keys(first)).toEqual(all.slice(0, 2));
    const second = await ok('GET', `${base}&after=${first.next}`, admin);
    expect(keys(second)).toEqual(all.slice(2, 4));
    const back = await ok('GET', `${base}&before=${second.prev}`, admin);
    expect(keys(back)).toEqual(all.slice(0, 2));
    expect(back.prev).toBeNull();
    expect(back.next).not.toBeNull();
    const jumped = await ok('GET', `${base}&page=2`, admin);
    expect(keys(jumped)).toEqual(all.slice(2, 4));
    expect(jumped.prev).not.toBeNull();

    const count = await ok('GET', `/api/ledger/households/count?unit=${building}`, admin);
    expect(count).toEqual({ total: all.length, capped: false });
    const searched = await ok('GET', `/api/ledger/households/count?unit=${building}&q=chao`, admin);
    expect(searched).toEqual({ total: 1, capped: false });
    const city = await ok('GET', '/api/ledger/households/count?unit=4101&colour=green', admin);
    const counts = await ok('GET', '/api/ledger/counts/4101', admin);
    expect(city.total).toBe(counts.byColour.green.households);

    const deep = await call('GET', `${base}&page=100000`, admin);
    expect(deep.statusCode).toBe(400);
    expect(deep.json().error.fields[0].path).toBe('page');
    expect((await call('GET', `${base}&page=2&after=${first.next}`, admin)).statusCode).toBe(400);
    expect((await call('GET', `/api/ledger/households/count?unit=${B}`, command)).statusCode).toBe(200);
    expect((await call('GET', `/api/ledger/households/count?unit=${A}`, huaihe)).statusCode).toBe(404);
  });
});

describe('the pinyin columns on an existing ledger (migration 005)', () => {
  it('fills the residents and people already there', async () => {
    const db = t.services.db;
    await m005.down(db as never);
    await m005.up(db as never);
    const r = await db
      .selectFrom('residents')
      .select(['name', 'initials', 'pinyin'])
      .where('name', '=', '晁梦蝶')
      .executeTakeFirstOrThrow();
    expect(r).toEqual({ name: '晁梦蝶', initials: 'cmd', pinyin: 'chaomengdie' });
    const empty = await db
      .selectFrom('residents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('pinyin', '=', '')
      .where('name', '<>', '')
      .executeTakeFirstOrThrow();
    expect(Number(empty.n)).toBe(0);
    const p = await db
      .selectFrom('people')
      .select(['initials', 'pinyin'])
      .where('name', '=', '司徒明月')
      .executeTakeFirstOrThrow();
    expect(p).toEqual({ initials: 'stmy', pinyin: 'situmingyue' });
  });
});
