import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openFieldDb, type QueuedWrite, resetFieldDbForTests } from './db';
import { BACKOFF_MAX_MS, backoffMs, isRetryable, type Sender, WriteQueue } from './queue';

// The queue's rules against a fake IndexedDB and a fake server that, like the real one, answers a
// replayed client UUID with its first result (DESIGN rule 4).

interface FakeServer {
  send: Sender;
  /** the records the server made, in the order it made them */
  records: { clientId: string; body: unknown }[];
  /** every try that reached the server or failed on the way */
  tries: string[];
  down: boolean;
  /** answer this status (once per entry) before doing the work */
  statuses: number[];
  /** make the record, then lose the answer on the way back */
  loseAnswer: boolean;
  /** refuse a body with { refuse: true } with a 409 and a message */
}

function fakeServer(): FakeServer {
  const firsts = new Map<string, { status: number; body: unknown }>();
  const server: FakeServer = {
    records: [],
    tries: [],
    down: false,
    statuses: [],
    loseAnswer: false,
    send: async (item: QueuedWrite) => {
      server.tries.push(item.clientId);
      if (server.down) throw new TypeError('Failed to fetch');
      const forced = server.statuses.shift();
      if (forced !== undefined)
        return { status: forced, body: { error: { code: 'x', message: `forced ${forced}` } } };
      const first = firsts.get(item.clientId);
      let answer = first ? { status: 200, body: first.body } : undefined;
      if (!answer) {
        if ((item.body as { refuse?: boolean })?.refuse) {
          return { status: 409, body: { error: { code: 'pass_used', message: '今日出入证已使用' } } };
        }
        server.records.push({ clientId: item.clientId, body: item.body });
        answer = { status: 201, body: { id: server.records.length } };
        firsts.set(item.clientId, answer);
      }
      if (server.loseAnswer) {
        server.loseAnswer = false;
        throw new TypeError('Failed to fetch');
      }
      return answer;
    },
  };
  return server;
}

let clock = 1_000_000;
let user: string | null = '7';
let unauthorized = 0;

function queueFor(server: FakeServer) {
  return new WriteQueue({
    db: openFieldDb,
    send: server.send,
    user: () => user,
    now: () => clock,
    random: () => 0.5,
    onUnauthorized: () => {
      unauthorized += 1;
    },
  });
}

const req = (n: number, body: unknown = { n }) => ({
  clientId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  kind: 'test',
  label: `item ${n}`,
  url: '/api/test',
  body,
});

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetFieldDbForTests();
  clock = 1_000_000;
  user = '7';
  unauthorized = 0;
});

describe('the field write queue', () => {
  it('sends a write at once when the server answers, and keeps nothing', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    const r = await q.write(req(1));
    expect(r).toEqual({ state: 'sent', status: 201, body: { id: 1 } });
    expect(await q.items()).toEqual([]);
  });

  it('keeps writes made without a network and sends them in the order they were made', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    server.down = true;
    for (const n of [1, 2, 3]) expect(await q.write(req(n))).toEqual({ state: 'queued' });
    expect((await q.items()).map((i) => i.label)).toEqual(['item 1', 'item 2', 'item 3']);
    expect(server.records).toEqual([]);
    server.down = false;
    await q.wake();
    expect(server.records.map((r) => r.body)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await q.items()).toEqual([]);
  });

  it('a new write never overtakes an older one that waits', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    server.down = true;
    await q.write(req(1));
    server.down = false;
    // the network is back but no `online` came: the new write tries the head first
    const r = await q.write(req(2));
    expect(r.state).toBe('sent');
    expect(server.records.map((x) => x.body)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('waits longer after each failure, up to a ceiling, and tries again when the wait is over', async () => {
    expect(backoffMs(1, () => 0.5)).toBe(2_000);
    expect(backoffMs(2, () => 0.5)).toBe(4_000);
    expect(backoffMs(3, () => 0.5)).toBe(8_000);
    expect(backoffMs(30, () => 0.5)).toBe(BACKOFF_MAX_MS);
    expect(backoffMs(1, () => 0)).toBe(1_600);
    expect(backoffMs(1, () => 1)).toBe(2_400);

    const server = fakeServer();
    const q = queueFor(server);
    server.down = true;
    await q.write(req(1));
    let [item] = await q.items();
    expect(item.attempts).toBe(1);
    expect(item.nextAt).toBe(clock + 2_000);
    expect(item.lastError).toBe('network');
    // not due: the timer's flush does not try
    server.tries.length = 0;
    await q.flush();
    expect(server.tries).toEqual([]);
    clock += 2_000;
    await q.flush();
    [item] = await q.items();
    expect(item.attempts).toBe(2);
    expect(item.nextAt).toBe(clock + 4_000);
    server.down = false;
    clock += 4_000;
    await q.flush();
    expect(server.records).toHaveLength(1);
  });

  it('tries again after a 5xx, a 503, a 429 or a 408; a 4xx is final', async () => {
    for (const s of [500, 502, 503, 504, 429, 408]) expect(isRetryable(s), String(s)).toBe(true);
    for (const s of [400, 403, 404, 409, 422]) expect(isRetryable(s), String(s)).toBe(false);
    const server = fakeServer();
    const q = queueFor(server);
    server.statuses.push(503, 429);
    expect(await q.write(req(1))).toEqual({ state: 'queued' });
    expect((await q.items())[0].lastError).toBe('HTTP 503');
    await q.wake();
    expect((await q.items())[0].lastError).toBe('HTTP 429');
    await q.wake();
    expect(server.records).toHaveLength(1);
  });

  it('a refusal of a queued write stays on the item with its message; the queue goes on; it can be removed', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    server.down = true;
    await q.write(req(1));
    await q.write(req(2, { refuse: true }));
    await q.write(req(3));
    server.down = false;
    await q.wake();
    expect(server.records.map((r) => r.clientId)).toEqual([req(1).clientId, req(3).clientId]);
    const items = await q.items();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      clientId: req(2).clientId,
      state: 'refused',
      status: 409,
      error: { code: 'pass_used', message: '今日出入证已使用' },
    });
    // never sent again
    server.tries.length = 0;
    await q.wake();
    expect(server.tries).toEqual([]);
    // written again with the same client UUID: the refusal, not a new try
    expect(await q.write(req(2, { refuse: true }))).toMatchObject({ state: 'refused', status: 409 });
    await q.dismiss(req(2).clientId);
    expect(await q.items()).toEqual([]);
  });

  it('a refusal while the screen waits goes to the screen, not to the list', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    const r = await q.write(req(1, { refuse: true }));
    expect(r).toEqual({
      state: 'refused',
      status: 409,
      error: { code: 'pass_used', message: '今日出入证已使用' },
    });
    expect(await q.items()).toEqual([]);
  });

  it('never makes a second record: a lost answer, the same write twice, two flushes at once', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    server.loseAnswer = true;
    expect(await q.write(req(1))).toEqual({ state: 'queued' });
    expect(server.records).toHaveLength(1);
    // the same client UUID again (a double tap, a reload that submits again): still one item
    await q.write(req(1));
    expect(server.records).toHaveLength(1);
    expect(await q.items()).toEqual([]);

    server.down = true;
    await q.write(req(2));
    await q.write(req(2));
    expect(await q.items()).toHaveLength(1);
    server.down = false;
    await Promise.all([q.wake(), q.wake(), q.flush({ now: true })]);
    expect(server.records.map((r) => r.clientId)).toEqual([req(1).clientId, req(2).clientId]);
    expect(server.tries.filter((c) => c === req(2).clientId).length).toBeGreaterThanOrEqual(1);
  });

  it('a 401 stops the queue and keeps the item for the same user to send after signing in', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    server.statuses.push(401);
    expect(await q.write(req(1))).toEqual({ state: 'queued' });
    expect(unauthorized).toBe(1);
    const [item] = await q.items();
    expect(item).toMatchObject({ state: 'pending', attempts: 0 });
    await q.flush();
    expect(server.records).toHaveLength(1);
  });

  it("keeps each user's writes to that user", async () => {
    const server = fakeServer();
    const q = queueFor(server);
    server.down = true;
    await q.write(req(1));
    user = '8';
    await q.write(req(2));
    server.down = false;
    await q.wake();
    expect(server.records.map((r) => r.clientId)).toEqual([req(2).clientId]);
    expect(await q.items()).toEqual([]);
    user = null;
    await q.wake();
    expect(server.records).toHaveLength(1);
    user = '7';
    expect((await q.items()).map((i) => i.clientId)).toEqual([req(1).clientId]);
    await q.wake();
    expect(server.records).toHaveLength(2);
  });
});
