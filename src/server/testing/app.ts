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
  return {
    app,
    services,
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
}

export function cookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'wangge_session');
  if (!c) throw new Error('no session cookie');
  return `wangge_session=${c.value}`;
}
