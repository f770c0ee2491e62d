import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { createEvents } from '../platform/events';
import type { Services } from '../platform/services';
import { createTestDatabase } from './db';
import { testServices } from './services';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  /** logs in and returns the session cookie header */
  login(username: string, password: string): Promise<string>;
  /** a request with a session cookie (none: anonymous), in a language (zh-CN unless said) */
  call(
    method: string,
    url: string,
    cookie: string | undefined,
    payload?: unknown,
    lang?: string,
  ): Promise<LightMyRequestResponse>;
  /** the same, throwing with the answer unless it succeeds; answers the JSON (undefined for 204) */
  // biome-ignore lint/suspicious/noExplicitAny: tests read the answers as they please
  ok(method: string, url: string, cookie: string | undefined, payload?: unknown): Promise<any>;
  /** a new user at a unit holding one role there, made by the administrator; answers their cookie */
  userWith(admin: string, role: string, unitCode: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/** The whole app on a fresh copy of the demo database, driven with inject(). */
export async function createTestApp(opts: { listenEvents?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const events = opts.listenEvents ? await createEvents(database.url, () => {}) : undefined;
  const services = testServices(database.db, events);
  const app = await buildApp(services, {
    serveWeb: false,
    logger: process.env.TEST_LOG ? { level: process.env.TEST_LOG } : false,
  });
  await app.ready();
  let users = 0;
  const call: TestApp['call'] = (method, url, cookie, payload, lang = 'zh-CN') =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { ...(cookie ? { cookie } : {}), 'accept-language': lang },
      payload: payload as object,
    });
  const ok: TestApp['ok'] = async (method, url, cookie, payload) => {
    const res = await call(method, url, cookie, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? undefined : res.json();
  };
  const t: TestApp = {
    app,
    services,
    call,
    ok,
    async userWith(admin, role, unitCode, password) {
      const username = `t_${role}_${++users}_${unitCode}`.slice(0, 40);
      const u = await ok('POST', '/api/access/users', admin, {
        username,
        displayName: username,
        password,
        homeUnitCode: unitCode,
      });
      await ok('POST', `/api/access/users/${u.id}/grants`, admin, { role, unitCode });
      return t.login(username, password);
    },
    async login(username, password) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      return cookieOf(res);
    },
    async close() {
      await app.close();
      await events?.close();
      await database.destroy();
    },
  };
  return t;
}

export function cookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'wangge_session');
  if (!c) throw new Error('no session cookie');
  return `wangge_session=${c.value}`;
}
