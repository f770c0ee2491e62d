import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoNotice, demoPasswordUsers } from '../../setup/demo';
import { cookieOf, createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });
const loginFrom = (from: { remoteAddress: string }, username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...from });

describe('logging in', () => {
  it('sets an httpOnly SameSite=Strict session cookie and tells who is in', async () => {
    const res = await login('admin', TEST_ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'wangge_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieOf(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: 'admin',
      grants: [{ role: 'system_admin', unit: { code: '410000' } }],
    });
    expect(me.json().permissions).toContain('pii.reveal');
  });

  it('answers 401 with the message in the caller language, and audits the failure', async () => {
    const zh = await login('admin', 'wrong-password1');
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error).toMatchObject({ code: 'unauthenticated', message: '用户名或密码错误' });
    const en = await login('nobody', 'x', { cookie: 'lang=en' });
    expect(en.statusCode).toBe(401);
    expect(en.json().error.message).toBe('Wrong username or password');
    const entries = await t.services.db
      .selectFrom('audit_log')
      .select(['action', 'username'])
      .where('action', '=', 'auth.login_failed')
      .execute();
    expect(entries.map((e) => e.username)).toEqual(expect.arrayContaining(['admin', 'nobody']));
  });

  it('names the missing field and never answers 500 to bad input', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { password: 'x' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0]).toMatchObject({ path: 'username', message: '必填' });
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('validation');
  });

  it('locks a username from an address after five failures in a row, even against the right password', async () => {
    for (let i = 0; i < 4; i++) expect((await login('huaihe_caiyang', 'not-it-1')).statusCode).toBe(401);
    const fifth = await login('huaihe_caiyang', 'not-it-1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('locked');
    expect((await login('huaihe_caiyang', DEMO_PASSWORD)).statusCode).toBe(423);
  });

  it('answers an unknown username exactly as a known one, lock included', async () => {
    const from = { remoteAddress: '192.0.2.31' };
    for (let i = 1; i <= 6; i++) {
      const known = await loginFrom(from, 'changxinglu_kadian', 'not-it-1');
      const unknown = await loginFrom(from, 'changxinglu_kadian_x', 'not-it-1');
      expect(unknown.statusCode).toBe(known.statusCode);
      expect(unknown.json()).toEqual(known.json());
    }
    expect((await loginFrom(from, 'changxinglu_kadian', 'not-it-1')).statusCode).toBe(423);
  });

  it('locks a username from one address only: the user still logs in from another', async () => {
    const attacker = { remoteAddress: '192.0.2.66' };
    for (let i = 0; i < 5; i++) await loginFrom(attacker, 'huayuanlu_admin', 'guess-1234');
    expect((await loginFrom(attacker, 'huayuanlu_admin', DEMO_PASSWORD)).statusCode).toBe(423);
    const office = await loginFrom({ remoteAddress: '198.51.100.7' }, 'huayuanlu_admin', DEMO_PASSWORD);
    expect(office.statusCode).toBe(200);
  });

  it('backs off: each failure after a lock locks for longer', async () => {
    const from = { remoteAddress: '192.0.2.77' };
    let last = await loginFrom(from, 'smh_louzhang', 'guess-1');
    for (let i = 0; i < 4; i++) last = await loginFrom(from, 'smh_louzhang', 'guess-1');
    expect(last.statusCode).toBe(423);
    const first = last.json().error.message as string;
    // the lock runs out (as if its time had passed); the next failure locks again, for longer
    await t.services.db
      .updateTable('login_failures')
      .set({ locked_until: new Date(0) })
      .execute();
    const again = await loginFrom(from, 'smh_louzhang', 'guess-1');
    expect(again.statusCode).toBe(423);
    expect(again.json().error.message).not.toBe(first);
    expect(Number(/\d+/.exec(again.json().error.message)?.[0])).toBeGreaterThan(
      Number(/\d+/.exec(first)?.[0]),
    );
  });

  it('ends the session on logout', async () => {
    const cookie = cookieOf(await login('smh_grid1', DEMO_PASSWORD));
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('changes a password: weak ones refused by field, other sessions ended', async () => {
    const first = cookieOf(await login('smh_zhiyuanzhe', DEMO_PASSWORD));
    const second = cookieOf(await login('smh_zhiyuanzhe', DEMO_PASSWORD));
    const change = (newPassword: string, currentPassword = DEMO_PASSWORD) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie: first },
        payload: { currentPassword, newPassword },
      });
    const weak = await change('short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].path).toBe('newPassword');
    expect((await change('Better2021x', 'wrong')).json().error.fields[0].path).toBe('currentPassword');
    expect((await change('Better2021x')).statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: first } })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: second } })).statusCode,
    ).toBe(401);
    expect((await login('smh_zhiyuanzhe', 'Better2021x')).statusCode).toBe(200);
  });

  it('refuses common passwords and ones made of the username, naming the field', async () => {
    const cookie = cookieOf(await login('smh_grid1', DEMO_PASSWORD));
    for (const [newPassword, lang] of [
      ['password1', 'zh-CN'],
      ['smh_grid11', 'en'],
      ['Woaini1314', 'zh-CN'],
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie, 'accept-language': lang },
        payload: { currentPassword: DEMO_PASSWORD, newPassword },
      });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().error.fields[0].path).toBe('newPassword');
    }
    const admin = cookieOf(await login('admin', TEST_ADMIN_PASSWORD));
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/access/users',
      headers: { cookie: admin },
      payload: {
        username: 'li_lei',
        displayName: '李雷',
        password: 'li_lei2020',
        homeUnitCode: '410105002008',
      },
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.fields[0].path).toBe('password');
  });

  it('limits guesses of the current password in the change form', async () => {
    const cookie = cookieOf(await login('huaihe_admin', DEMO_PASSWORD));
    const change = (currentPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { currentPassword, newPassword: 'Huaihe-Xin-2020' },
      });
    for (let i = 0; i < 4; i++) expect((await change(`guess-${i}abc`)).statusCode).toBe(400);
    const fifth = await change('guess-5abc');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('locked');
    // locked: even the right password does not change it now
    expect((await change(DEMO_PASSWORD)).statusCode).toBe(423);
    expect((await login('huaihe_admin', 'Huaihe-Xin-2020')).statusCode).toBe(401);
  });

  it("lets an administrator revoke all of a user's sessions", async () => {
    const admin = cookieOf(await login('admin', TEST_ADMIN_PASSWORD));
    const cookie = cookieOf(await login('zhihuibu', DEMO_PASSWORD));
    const users = await t.app.inject({
      method: 'GET',
      url: '/api/access/users?q=zhihuibu',
      headers: { cookie: admin },
    });
    const id = users.json().items[0].id;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/access/users/${id}/sessions/revoke`,
      headers: { cookie: admin },
    });
    expect(res.json().revoked).toBeGreaterThan(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('the platform', () => {
  it('answers health and readiness, and documents the API', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/org/units/{code}']),
    );
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('says it is a demo while demo users keep the published password, on start and to the login pages', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/demo' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ demo: true });
    const open = await demoPasswordUsers(t.services.db);
    expect(open).toContain('zhihuibu');
    const notice = demoNotice(open).join('\n');
    expect(notice).toContain('WANGGE_DEMO=0');
    expect(notice).toContain('zhihuibu (指挥部) reveals ID numbers and phones and exports');
    // with every demo user disabled (or given another password) nothing is said
    await t.services.db.updateTable('users').set({ disabled: true }).where('username', 'in', open).execute();
    expect(await demoPasswordUsers(t.services.db)).toEqual([]);
    expect(demoNotice([])).toEqual([]);
  });

  it('answers unknown API paths with the one error shape', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/nothing-here',
      headers: { cookie: 'lang=en' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });
});
