import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { DEMO_PASSWORD } from '../setup/demo';
import { cookieOf, createTestApp, type TestApp } from '../testing/app';
import { createTestDatabase, type TestDatabase } from '../testing/db';
import { TEST_ADMIN_PASSWORD, testServices } from '../testing/services';

// Issue 11, findings 8 and 15: personal data never reaches the server log (a phone typed into the
// search box travels in the query string), and no answer of the API may be kept by a browser or a proxy
// cache (`Cache-Control: no-store`) unless its route says otherwise.

const SMH = '410105002008'; // 省民航社区

describe('answers of the API are not cached (finding 15)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  it('says no-store on /api/me, a household with its residents, a reveal, errors and the login', async () => {
    const me = await t.call('GET', '/api/me', admin);
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');

    const list = await t.call('GET', `/api/ledger/households?unit=${SMH}&limit=1`, admin);
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const household = list.json().items[0];
    const detail = await t.call('GET', `/api/ledger/households/${household.key}`, admin);
    expect(detail.statusCode).toBe(200);
    expect(detail.headers['cache-control']).toBe('no-store');

    const resident = detail.json().residents.find((r: { idMasked: string | null }) => r.idMasked);
    const reveal = await t.call('POST', `/api/ledger/residents/${resident.key}/reveal`, admin, {
      field: 'idNumber',
    });
    expect(reveal.statusCode).toBe(200);
    expect(reveal.headers['cache-control']).toBe('no-store');

    const missing = await t.call('GET', '/api/ledger/households/410105-999999999', admin);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'smh_louzhang', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
  });

  it('says no-store on a file of personal data (the ledger export)', async () => {
    const res = await t.call('GET', `/api/ledger/export.xlsx?unit=${SMH}`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('the server log holds no personal data (finding 8)', () => {
  let database: TestDatabase;
  let lines: string[];
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    lines = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await buildApp(testServices(database.db), { serveWeb: false, logger: { level: 'info', stream } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('logs a search by phone or ID number without the number, but with the path', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: TEST_ADMIN_PASSWORD },
    });
    const cookie = cookieOf(login);
    const phone = '13903710088';
    const idNumber = '410105194703010317';
    for (const q of [phone, idNumber, '0088']) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/ledger/households?unit=${SMH}&q=${q}`,
        headers: { cookie },
      });
      expect(res.statusCode).toBe(200);
    }
    const users = await app.inject({
      method: 'GET',
      url: `/api/access/users?q=${phone}`,
      headers: { cookie },
    });
    expect(users.statusCode).toBe(200);
    const log = lines.join('');
    // the requests were logged (with their path), so that the test can fail
    expect(log).toContain('/api/ledger/households');
    expect(log).toContain('/api/access/users');
    expect(log).not.toContain(phone);
    expect(log).not.toContain(idNumber);
    expect(log).not.toContain('q=0088');
  });
});
