import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../setup/demo';
import { createTestApp, type TestApp } from '../testing/app';
import { TEST_ADMIN_PASSWORD } from '../testing/services';
import { EVENTS_CHANNEL } from './events';

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await createTestApp({ listenEvents: true });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/events`;
});
afterAll(async () => t?.close());

/** Reads a server-sent event stream until an event of the type arrives. */
async function nextEvent(url: string, cookie: string, type: string, trigger: () => Promise<unknown>) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { cookie }, signal: controller.signal });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  let triggered = false;
  const timeout = setTimeout(() => controller.abort(), 15_000);
  try {
    while (!text.includes(`event: ${type}\n`)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
      if (!triggered && text.includes('event: hello')) {
        triggered = true;
        await trigger();
      }
    }
  } catch {
    // aborted: the event did not come
  } finally {
    clearTimeout(timeout);
    controller.abort();
  }
  return text;
}

/** An open stream read in the background: what it said so far, and whether the server ended it. */
async function openStream(cookie: string) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { cookie }, signal: controller.signal });
  expect(res.status).toBe(200);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const s = { text: '', ended: false };
  const done = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        s.text += decoder.decode(value);
      }
      s.ended = true;
    } catch {
      // aborted by the test
    }
  })();
  const until = async (what: () => boolean, ms = 15_000) => {
    const stop = Date.now() + ms;
    while (!what() && Date.now() < stop) await new Promise((r) => setTimeout(r, 50));
    return what();
  };
  await until(() => s.text.includes('event: hello'));
  return {
    get text() {
      return s.text;
    },
    /** whether the server ended the stream (waiting a while for it) */
    ended: (ms?: number) => until(() => s.ended, ms),
    /** whether the text arrives (waiting a while for it) */
    heard: (what: string, ms?: number) => until(() => s.text.includes(what), ms),
    close: async () => {
      controller.abort();
      await done;
    },
  };
}

describe('server-sent events through LISTEN/NOTIFY', () => {
  it('tells users in scope about a change, and not users outside it', async () => {
    const smh = await t.login('smh_admin', DEMO_PASSWORD);
    const huaihe = await t.login('huaihe_admin', DEMO_PASSWORD);
    const create = (name: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/org/units',
        headers: { cookie: smh },
        payload: { parentCode: '410105002008G01', kind: 'building', name },
      });

    const seen = await nextEvent(url, smh, 'unit.created', () => create('事件楼'));
    expect(seen).toContain('event: unit.created');
    expect(seen).toContain('410105002008B');

    // 淮河社区 hears nothing of 省民航: after its own change it has only that one.
    const other = await nextEvent(url, huaihe, 'unit.created', async () => {
      await create('不可见楼');
      await t.app.inject({
        method: 'POST',
        url: '/api/org/units',
        headers: { cookie: huaihe },
        payload: { parentCode: '410103001001', kind: 'grid', name: '事件网格' },
      });
    });
    expect(other).toContain('410103001001G');
    expect(other).not.toContain('410105002008');
  });

  it('sends an event only to those who hold the permission that guards its data', async () => {
    const smh = await t.login('smh_admin', DEMO_PASSWORD);
    const volunteer = await openStream(await t.login('smh_zhiyuanzhe', DEMO_PASSWORD));
    const grid = await openStream(await t.login('smh_grid1', DEMO_PASSWORD));
    try {
      const building = await t.ok('POST', '/api/org/units', smh, {
        parentCode: '410105002008G01',
        kind: 'building',
        name: '权限楼',
      });
      const household = await t.ok('POST', '/api/ledger/households', smh, {
        unitCode: building.code,
        door: '101',
      });
      await t.ok('POST', `/api/ledger/households/${household.key}/colour`, smh, {
        colour: 'red',
        reason: '测试',
      });
      // an event that names no permission (an older process's) reaches nobody
      await sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ type: 'legacy.changed', unitPath: building.path })})`.execute(
        t.services.db,
      );
      // a change of the tree comes after, and every role of the community may hear of it
      const marker = await t.ok('POST', '/api/org/units', smh, {
        parentCode: '410105002008G01',
        kind: 'building',
        name: '标记楼',
      });
      expect(await grid.heard(marker.code)).toBe(true);
      expect(await volunteer.heard(marker.code)).toBe(true);
      // the grid worker reads the ledger (ledger.read) and hears of the household and its colour
      expect(grid.text).toContain('event: ledger.changed');
      expect(grid.text).toContain(household.key);
      // the volunteer may only browse the tree (org.read): nothing of the ledger reaches them
      expect(volunteer.text).not.toContain('ledger.changed');
      expect(volunteer.text).not.toContain(household.key);
      expect(grid.text).not.toContain('legacy.changed');
    } finally {
      await volunteer.close();
      await grid.close();
    }
  });
});

describe('a stream lives no longer than its session', () => {
  let admin: string;
  let n = 0;
  /** a fresh grid worker of 省民航's first grid: their cookie and id */
  async function worker() {
    const username = `stream_${++n}`;
    const u = await t.ok('POST', '/api/access/users', admin, {
      username,
      displayName: username,
      password: 'Stream2020ok',
      homeUnitCode: '410105002008',
    });
    const grant = await t.ok('POST', `/api/access/users/${u.id}/grants`, admin, {
      role: 'grid_worker',
      unitCode: '410105002008G01',
    });
    return {
      id: u.id as string,
      grant: grant.id as string,
      username,
      cookie: await t.login(username, 'Stream2020ok'),
    };
  }
  beforeAll(async () => {
    admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  });

  it('ends on logout', async () => {
    const w = await worker();
    const stream = await openStream(w.cookie);
    try {
      await t.ok('POST', '/api/auth/logout', w.cookie);
      expect(await stream.ended()).toBe(true);
    } finally {
      await stream.close();
    }
  });

  it("ends the user's other sessions' streams on a password change, and keeps this one", async () => {
    const w = await worker();
    const other = await openStream(await t.login(w.username, 'Stream2020ok'));
    const mine = await openStream(w.cookie);
    try {
      await t.ok('POST', '/api/auth/password', w.cookie, {
        currentPassword: 'Stream2020ok',
        newPassword: 'Qiang-Mima-2020',
      });
      expect(await other.ended()).toBe(true);
      // this session still hears of its grid
      const marker = await t.ok('POST', '/api/org/units', admin, {
        parentCode: '410105002008G01',
        kind: 'building',
        name: '改密楼',
      });
      expect(await mine.heard(marker.code)).toBe(true);
      expect(await mine.ended(200)).toBe(false);
    } finally {
      await other.close();
      await mine.close();
    }
  });

  it('ends when the user is disabled', async () => {
    const w = await worker();
    const stream = await openStream(w.cookie);
    try {
      await t.ok('PATCH', `/api/access/users/${w.id}`, admin, { disabled: true });
      expect(await stream.ended()).toBe(true);
    } finally {
      await stream.close();
    }
  });

  it('ends when a grant is revoked (the browser reconnects with what the user holds now)', async () => {
    const w = await worker();
    const stream = await openStream(w.cookie);
    try {
      await t.ok('DELETE', `/api/access/grants/${w.grant}`, admin);
      expect(await stream.ended()).toBe(true);
    } finally {
      await stream.close();
    }
  });

  it('ends at the next re-check when the session ended behind the server’s back', async () => {
    const w = await worker();
    const stream = await openStream(w.cookie);
    try {
      // straight in the database, as an operator might: no notification is sent
      await t.services.db
        .updateTable('sessions')
        .set({ revoked_at: new Date() })
        .where('user_id', '=', w.id)
        .execute();
      await t.app.eventStreams.recheck();
      expect(await stream.ended()).toBe(true);
    } finally {
      await stream.close();
    }
  });
});
