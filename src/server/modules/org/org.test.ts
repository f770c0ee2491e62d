import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../setup/demo';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';

let t: TestApp;
let admin: string;
let smh: string; // unit admin of 省民航社区
let huaihe: string; // unit admin of 淮河社区
let grid: string; // grid worker of 省民航 grid 1

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  smh = await t.login('smh_admin', DEMO_PASSWORD);
  huaihe = await t.login('huaihe_admin', DEMO_PASSWORD);
  grid = await t.login('smh_grid1', DEMO_PASSWORD);
});
afterAll(async () => t?.close());

const api = (cookie: string, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, headers: { cookie }, payload });

describe('the jurisdiction tree', () => {
  it('holds Zhengzhou with its real codes, short codes accepted', async () => {
    const city = await api(admin, 'GET', '/api/org/units/4101');
    expect(city.json()).toMatchObject({ code: '410100', kind: 'city', path: '410000.410100' });
    const smhUnit = await api(admin, 'GET', '/api/org/units/410105002008');
    expect(smhUnit.json()).toMatchObject({
      name: '省民航社区',
      officialName: '省民航社区居民委员会',
      kind: 'village',
      regionCode: '410105',
    });
    expect(smhUnit.json().ancestors.map((a: { code: string }) => a.code)).toEqual([
      '410000',
      '410100',
      '410105',
      '410105002',
    ]);
    const villages = await t.services.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'village')
      .where('path', 'like', '410000.410100.%')
      .executeTakeFirstOrThrow();
    expect(Number(villages.n)).toBe(3306);
  });

  it('lists children in keyset pages', async () => {
    const first = await api(admin, 'GET', '/api/org/units/410105/children?limit=5');
    expect(first.json().items).toHaveLength(5);
    const second = await api(
      admin,
      'GET',
      `/api/org/units/410105/children?limit=5&after=${first.json().next}`,
    );
    expect(second.json().items[0].code > first.json().items[4].code).toBe(true);
  });

  it('finds units by pinyin initials, name or code, only within scope', async () => {
    const byInitials = await api(smh, 'GET', '/api/org/search?q=smh');
    expect(byInitials.json().items[0]).toMatchObject({ code: '410105002008', name: '省民航社区' });
    expect(byInitials.json().items[0].trail).toEqual(['河南省', '郑州市', '金水区', '花园路街道']);
    expect(
      (await api(admin, 'GET', '/api/org/search?q=淮河社区'))
        .json()
        .items.map((u: { code: string }) => u.code),
    ).toContain('410103001001');
    expect((await api(admin, 'GET', '/api/org/search?q=410105002')).json().items[0].code).toBe('410105002');
    expect((await api(huaihe, 'GET', '/api/org/search?q=smh')).json().items).toEqual([]);
    // two characters, the commonest search in Chinese: name pieces and initials alike
    expect(
      (await api(admin, 'GET', '/api/org/search?q=民航')).json().items.map((u: { code: string }) => u.code),
    ).toContain('410105002008');
    expect((await api(smh, 'GET', '/api/org/search?q=sm')).json().items[0].code).toBe('410105002008');
  });

  it('answers 404 for units outside the caller scope', async () => {
    expect((await api(smh, 'GET', '/api/org/units/410103001001')).statusCode).toBe(404);
    expect((await api(grid, 'GET', '/api/org/units/410105002008')).statusCode).toBe(404);
    expect((await api(huaihe, 'GET', '/api/org/units/410105002008/children')).statusCode).toBe(404);
    expect((await api(smh, 'GET', '/api/org/units/not-a-code')).statusCode).toBe(404);
  });
});

describe('grids, courtyards and buildings', () => {
  it('lets a community create, rename, move and delete its units', async () => {
    const g = await api(smh, 'POST', '/api/org/units', {
      parentCode: '410105002008',
      kind: 'grid',
      name: '第五网格',
    });
    expect(g.statusCode).toBe(201);
    expect(g.json()).toMatchObject({
      code: '410105002008G05',
      kind: 'grid',
      path: '410000.410100.410105.410105002.410105002008.G05',
    });
    const yard = (
      await api(smh, 'POST', '/api/org/units', {
        parentCode: g.json().code,
        kind: 'courtyard',
        name: '民航新村',
      })
    ).json();
    const b = (
      await api(smh, 'POST', '/api/org/units', { parentCode: yard.code, kind: 'building', name: '9号楼' })
    ).json();
    expect(b.code).toMatch(/^410105002008B\d{4}$/);

    const renamed = await api(smh, 'PATCH', `/api/org/units/${b.code}`, { name: '九号楼' });
    expect(renamed.json().name).toBe('九号楼');
    expect(
      (await api(smh, 'GET', '/api/org/search?q=jhl')).json().items.map((u: { code: string }) => u.code),
    ).toContain(b.code);

    // Move the courtyard (with its building) to grid 1: paths of the whole subtree follow.
    const moved = await api(smh, 'PATCH', `/api/org/units/${yard.code}`, { parentCode: '410105002008G01' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path).toBe(`410000.410100.410105.410105002.410105002008.G01.${yard.code.slice(12)}`);
    const movedBuilding = (await api(smh, 'GET', `/api/org/units/${b.code}`)).json();
    expect(movedBuilding.path.startsWith(moved.json().path)).toBe(true);
    expect(movedBuilding.depth).toBe(moved.json().depth + 1);

    const notEmpty = await api(smh, 'DELETE', `/api/org/units/${yard.code}`);
    expect(notEmpty.statusCode).toBe(409);
    expect(notEmpty.json().error.message).toContain('下级单位');
    expect((await api(smh, 'DELETE', `/api/org/units/${b.code}`)).statusCode).toBe(204);
    expect((await api(smh, 'DELETE', `/api/org/units/${yard.code}`)).statusCode).toBe(204);
    expect((await api(smh, 'GET', `/api/org/units/${b.code}`)).statusCode).toBe(404);

    // Every change is in the audit log, with who and what.
    const audit = (await api(admin, 'GET', '/api/audit?limit=20')).json().items;
    const ofYard = audit.filter((e: { target: string }) => e.target === `unit:${yard.code}`);
    expect(ofYard.map((e: { action: string }) => e.action)).toEqual([
      'unit.deleted',
      'unit.updated',
      'unit.created',
    ]);
    expect(ofYard[1]).toMatchObject({
      username: 'smh_admin',
      detail: { parent: { from: g.json().code, to: '410105002008G01' } },
    });
  });

  it('refuses what the tree does not allow, naming the field', async () => {
    const gridUnderTown = await api(admin, 'POST', '/api/org/units', {
      parentCode: '410105002',
      kind: 'grid',
      name: '错网格',
    });
    expect(gridUnderTown.statusCode).toBe(400);
    expect(gridUnderTown.json().error.fields[0].path).toBe('parentCode');
    const empty = await api(smh, 'POST', '/api/org/units', {
      parentCode: '410105002008',
      kind: 'grid',
      name: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].path).toBe('name');
    const official = await api(admin, 'DELETE', '/api/org/units/410105002008');
    expect(official.statusCode).toBe(400);
    const away = await api(admin, 'PATCH', '/api/org/units/410105002008G01', { parentCode: '410103001001' });
    expect(away.statusCode).toBe(400);
    expect(away.json().error.message).toContain('同一社区');
  });

  it('does not let a community touch another community or a grid worker change the tree', async () => {
    expect(
      (await api(huaihe, 'POST', '/api/org/units', { parentCode: '410105002008', kind: 'grid', name: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await api(huaihe, 'DELETE', '/api/org/units/410105002008G01')).statusCode).toBe(404);
    expect(
      (
        await api(grid, 'POST', '/api/org/units', {
          parentCode: '410105002008G01',
          kind: 'building',
          name: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('facilities', () => {
  it('attaches facilities to units and lists them by subtree', async () => {
    const f = await api(smh, 'POST', '/api/org/facilities', {
      unitCode: '410105002008G01',
      kind: 'checkpoint',
      name: '一网格卡口',
      address: '民航路 1 号',
    });
    expect(f.statusCode).toBe(201);
    const list = (await api(smh, 'GET', '/api/org/units/410105002008/facilities')).json().items;
    expect(list.map((x: { name: string }) => x.name)).toEqual(
      expect.arrayContaining(['一网格卡口', '省民航社区核酸采样点']),
    );
    expect((await api(huaihe, 'DELETE', `/api/org/facilities/${f.json().id}`)).statusCode).toBe(404);
    expect(
      (
        await api(smh, 'POST', '/api/org/facilities', {
          unitCode: '410105002008',
          kind: 'spaceport',
          name: 'x',
        })
      ).json().error.fields[0].path,
    ).toBe('kind');
    expect((await api(smh, 'DELETE', `/api/org/facilities/${f.json().id}`)).statusCode).toBe(204);
  });
});
