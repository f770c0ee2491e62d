import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../setup/demo';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';

let t: TestApp;
let admin: string;
let smh: string;
let huaihe: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  smh = await t.login('smh_admin', DEMO_PASSWORD);
  huaihe = await t.login('huaihe_admin', DEMO_PASSWORD);
});
afterAll(async () => t?.close());

const api = (cookie: string, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, headers: { cookie }, payload });

describe('users and roles', () => {
  it('lets a community admin create a grid worker who then sees only that grid', async () => {
    const created = await api(smh, 'POST', '/api/access/users', {
      username: 'wang_wei',
      displayName: '王伟',
      password: 'Grid2020abc',
      homeUnitCode: '410105002008G02',
      phone: '138 0013 8000',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'wang_wei', phoneMasked: '138****8000' });
    const grant = await api(smh, 'POST', `/api/access/users/${created.json().id}/grants`, {
      role: 'grid_worker',
      unitCode: '410105002008G02',
    });
    expect(grant.statusCode).toBe(201);

    const worker = await t.login('wang_wei', 'Grid2020abc');
    const me = (await api(worker, 'GET', '/api/me')).json();
    expect(me.units.map((u: { code: string }) => u.code)).toEqual(['410105002008G02']);
    expect(me.permissions).toEqual([
      'org.read',
      'pii.reveal',
      'ledger.read',
      'ledger.write',
      'screening.visit',
      'forces.read',
      'handover.read',
      'gate.read',
      'gate.scan',
      'isolation.read',
      'isolation.write',
      'care.read',
      'care.manage',
    ]);
    expect((await api(worker, 'GET', '/api/org/units/410105002008G02')).statusCode).toBe(200);
    expect((await api(worker, 'GET', '/api/org/units/410105002008G01')).statusCode).toBe(404);
    expect((await api(worker, 'GET', '/api/org/units/410103001001')).statusCode).toBe(404);
    expect((await api(worker, 'GET', '/api/access/users')).statusCode).toBe(403);
  });

  it('keeps the phone encrypted in the database and reveals it only with an audit entry', async () => {
    const row = await t.services.db
      .selectFrom('users')
      .select(['phone_enc', 'phone_masked'])
      .where('username', '=', 'wang_wei')
      .executeTakeFirstOrThrow();
    expect(row.phone_enc?.includes(Buffer.from('13800138000'))).toBe(false);
    const id = (await api(smh, 'GET', '/api/access/users?q=wang_wei')).json().items[0].id;
    const list = await api(smh, 'GET', '/api/access/users?q=wang_wei');
    expect(list.body).not.toContain('13800138000');
    const reveal = await api(smh, 'POST', `/api/access/users/${id}/reveal`, { field: 'phone' });
    expect(reveal.json()).toEqual({ value: '13800138000' });
    const audit = (await api(admin, 'GET', '/api/audit?action=pii.revealed')).json().items;
    expect(audit[0]).toMatchObject({ username: 'smh_admin', action: 'pii.revealed', target: `user:${id}` });
    expect((await api(huaihe, 'POST', `/api/access/users/${id}/reveal`, { field: 'phone' })).statusCode).toBe(
      404,
    );
  });

  it('refuses a bad phone, a taken username and a weak password by field', async () => {
    const base = { displayName: '李娜', password: 'Grid2020abc', homeUnitCode: '410105002008' };
    const phone = await api(smh, 'POST', '/api/access/users', { ...base, username: 'li_na', phone: '12345' });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().error.fields[0]).toMatchObject({ path: 'phone', message: '手机号格式不正确' });
    const taken = await api(smh, 'POST', '/api/access/users', { ...base, username: 'wang_wei' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields[0].path).toBe('username');
    const weak = await api(smh, 'POST', '/api/access/users', { ...base, username: 'li_na', password: 'abc' });
    expect(weak.json().error.fields[0].path).toBe('password');
    expect(
      await t.services.db.selectFrom('users').select('id').where('username', '=', 'li_na').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('does not let a community admin grant roles above theirs or outside their scope', async () => {
    const id = (await api(smh, 'GET', '/api/access/users?q=wang_wei')).json().items[0].id;
    const high = await api(smh, 'POST', `/api/access/users/${id}/grants`, {
      role: 'system_admin',
      unitCode: '410105002008',
    });
    expect(high.statusCode).toBe(403);
    expect(high.json().error.fields[0].path).toBe('role');
    expect(
      (
        await api(smh, 'POST', `/api/access/users/${id}/grants`, {
          role: 'volunteer',
          unitCode: '410103001001',
        })
      ).statusCode,
    ).toBe(404);
    expect((await api(huaihe, 'GET', `/api/access/users/${id}`)).statusCode).toBe(404);
  });

  it('revokes a grant, and the user loses the unit at once', async () => {
    const user = (await api(smh, 'GET', '/api/access/users?q=wang_wei')).json().items[0];
    const worker = await t.login('wang_wei', 'Grid2020abc');
    expect((await api(smh, 'DELETE', `/api/access/grants/${user.grants[0].id}`)).statusCode).toBe(204);
    // with no role left anywhere the user may not use the tree at all
    expect((await api(worker, 'GET', '/api/org/units/410105002008G02')).statusCode).toBe(403);
    const audit = (await api(admin, 'GET', '/api/audit?action=grant.revoked')).json().items;
    expect(audit[0].detail).toMatchObject({ role: 'grid_worker', unit: '410105002008G02' });
  });

  it('lists users newest first in keyset pages, scoped', async () => {
    const page1 = (await api(admin, 'GET', '/api/access/users?limit=3')).json();
    expect(page1.items).toHaveLength(3);
    // the user added last is on top of the first page, however many users the city has
    const newest = (
      await t.services.db
        .selectFrom('users')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow()
    ).id;
    expect(page1.items[0].id).toBe(String(newest));
    const page2 = (await api(admin, 'GET', `/api/access/users?limit=3&after=${page1.next}`)).json();
    expect(Number(page2.items[0].id)).toBeLessThan(Number(page1.items[2].id));
    const huaiheUsers = (await api(huaihe, 'GET', '/api/access/users?limit=200'))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(huaiheUsers).toEqual(expect.arrayContaining(['huaihe_admin', 'huaihe_caiyang']));
    expect(huaiheUsers).not.toContain('smh_admin');
  });

  it('shows the audit log of logins and grants to administrators only', async () => {
    const all = (await api(admin, 'GET', '/api/audit?limit=200'))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(all).toEqual(
      expect.arrayContaining(['auth.login', 'grant.created', 'user.created', 'pii.revealed']),
    );
    const volunteer = await t.login('smh_zhiyuanzhe', DEMO_PASSWORD);
    expect((await api(volunteer, 'GET', '/api/audit')).statusCode).toBe(403);
    const huaiheAudit = (await api(huaihe, 'GET', '/api/audit?limit=200')).json().items;
    expect(
      huaiheAudit.every((e: { unitPath: string }) =>
        e.unitPath.startsWith('410000.410100.410103.410103001.410103001001'),
      ),
    ).toBe(true);
  });
});
