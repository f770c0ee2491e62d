import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../setup/demo';
import { createTestApp, type TestApp } from '../testing/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ listenEvents: true });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
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

describe('server-sent events through LISTEN/NOTIFY', () => {
  it('tells users in scope about a change, and not users outside it', async () => {
    const { port } = t.app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/api/events`;
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
});
