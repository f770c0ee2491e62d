import type { IDBPDatabase } from 'idb';
import type { FieldDb, QueuedWrite, RefusalBody } from './db';

// The one queue of field writes (docs/architecture.md, "Offline field work"). A write is first kept in
// IndexedDB with its client UUID, then sent; the items of a user go out one at a time in the order they
// were made. A network error, a 5xx, a 408 or a 429 leaves the item at the head, tried again after a
// growing wait; any other 4xx is the server's final word: the item is marked refused with its message and
// the queue goes on. A 401 stops the queue until the user signs in again. Since the server answers a
// replayed client UUID with its first result (DESIGN rule 4), sending an item again (a lost answer, two
// tabs) never makes a second record.

export interface FieldWriteRequest {
  clientId: string;
  kind: string;
  label: string;
  method?: QueuedWrite['method'];
  url: string;
  body?: unknown;
}

export type FieldWriteResult =
  | { state: 'sent'; status: number; body: unknown }
  | { state: 'queued' }
  | { state: 'refused'; status: number; error: RefusalBody };

/** The answer of one try: a status and the parsed body; a network failure throws. */
export type Sender = (item: QueuedWrite) => Promise<{ status: number; body: unknown }>;

export interface QueueDeps {
  db: () => Promise<IDBPDatabase<FieldDb>>;
  send: Sender;
  /** the signed-in user (their id), or null: nothing is sent without one */
  user: () => string | null;
  now?: () => number;
  /** 0..1, for the spread of the waits */
  random?: () => number;
  /** a 401: the session is gone */
  onUnauthorized?: () => void;
  /** something changed (an item added, sent, refused, dismissed) */
  onChange?: () => void;
  /** runs `fn` alone across the tabs of this browser (Web Locks), when there is such a thing */
  exclusive?: <T>(fn: () => Promise<T>) => Promise<T>;
}

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** The wait after the n-th failed try (n ≥ 1): 2 s, 4 s, 8 s … up to 5 min, spread by ±20 %. */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Whether an answer is worth trying again: the server or the way to it failed, or asked to wait. */
export function isRetryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

function refusalOf(status: number, body: unknown): RefusalBody {
  const e = (body as { error?: Partial<RefusalBody> } | undefined)?.error;
  return {
    code: typeof e?.code === 'string' ? e.code : `http_${status}`,
    message: typeof e?.message === 'string' ? e.message : `HTTP ${status}`,
    ...(Array.isArray(e?.fields) ? { fields: e.fields } : {}),
  };
}

export class WriteQueue {
  private readonly deps: Required<Omit<QueueDeps, 'onUnauthorized' | 'onChange' | 'exclusive'>> &
    Pick<QueueDeps, 'onUnauthorized' | 'onChange' | 'exclusive'>;
  private running: Promise<void> = Promise.resolve();
  /** writes whose screen waits for the answer (fieldWrite), by client UUID */
  private readonly waiting = new Map<string, (r: FieldWriteResult) => void>();

  constructor(deps: QueueDeps) {
    this.deps = { now: Date.now, random: Math.random, ...deps };
  }

  /**
   * Keep a write and send it now if the queue lets it (nothing older of this user waits before it).
   * Resolves with the server's answer when it came in this call, else `queued`. A client UUID already in
   * the queue is not added twice.
   */
  async write(req: FieldWriteRequest): Promise<FieldWriteResult> {
    const user = this.deps.user();
    if (!user) throw new Error('fieldWrite: no signed-in user');
    const db = await this.deps.db();
    const tx = db.transaction('writes', 'readwrite');
    const existing = await tx.store.index('clientId').get(req.clientId);
    if (!existing) {
      await tx.store.add({
        clientId: req.clientId,
        kind: req.kind,
        label: req.label,
        method: req.method ?? 'POST',
        url: req.url,
        ...(req.body === undefined ? {} : { body: req.body }),
        user,
        createdAt: this.deps.now(),
        state: 'pending',
        attempts: 0,
        nextAt: 0,
      });
    }
    await tx.done;
    if (existing?.state === 'refused') {
      return {
        state: 'refused',
        status: existing.status ?? 400,
        error: existing.error ?? refusalOf(400, {}),
      };
    }
    this.deps.onChange?.();
    let answer: FieldWriteResult | undefined;
    this.waiting.set(req.clientId, (r) => {
      answer = r;
    });
    try {
      // a new write is a sign that the worker expects the network: the head is tried at once
      await this.flush({ now: true });
    } finally {
      this.waiting.delete(req.clientId);
    }
    return answer ?? { state: 'queued' };
  }

  /** Send what is due, in order; one run at a time (a second call waits for the first, then runs). */
  flush(options: { now?: boolean } = {}): Promise<void> {
    const run = this.running.then(() =>
      this.deps.exclusive ? this.deps.exclusive(() => this.drain(options)) : this.drain(options),
    );
    this.running = run.catch(() => {});
    return run;
  }

  /** The network is back: whatever waited is due now. */
  async wake(): Promise<void> {
    const user = this.deps.user();
    if (!user) return;
    const db = await this.deps.db();
    const tx = db.transaction('writes', 'readwrite');
    for (const item of await tx.store.getAll()) {
      if (item.user === user && item.state === 'pending' && item.nextAt > 0) {
        await tx.store.put({ ...item, nextAt: 0 });
      }
    }
    await tx.done;
    await this.flush();
  }

  private async drain({ now = false }: { now?: boolean }): Promise<void> {
    const user = this.deps.user();
    if (!user) return;
    const db = await this.deps.db();
    let first = true;
    for (;;) {
      const head = (await db.getAll('writes')).find((w) => w.user === user && w.state === 'pending');
      if (!head || head.seq === undefined) return;
      if (head.nextAt > this.deps.now() && !(now && first)) return;
      first = false;
      let status: number;
      let body: unknown;
      try {
        ({ status, body } = await this.deps.send(head));
      } catch {
        await this.failed(head, 'network');
        return;
      }
      if (status === 401) {
        this.deps.onUnauthorized?.();
        return;
      }
      if (isRetryable(status)) {
        await this.failed(head, `HTTP ${status}`);
        return;
      }
      const waiter = this.waiting.get(head.clientId);
      if (status >= 200 && status < 400) {
        await db.delete('writes', head.seq);
        waiter?.({ state: 'sent', status, body });
      } else {
        const error = refusalOf(status, body);
        if (waiter) {
          // the screen that made it is open and shows the refusal itself: the form stays to be corrected
          await db.delete('writes', head.seq);
          waiter({ state: 'refused', status, error });
        } else {
          await db.put('writes', { ...head, state: 'refused', status, error });
        }
      }
      this.deps.onChange?.();
    }
  }

  private async failed(item: QueuedWrite, why: string) {
    const db = await this.deps.db();
    const attempts = item.attempts + 1;
    const current = item.seq === undefined ? undefined : await db.get('writes', item.seq);
    if (!current) return; // dismissed meanwhile
    await db.put('writes', {
      ...current,
      attempts,
      lastError: why,
      nextAt: this.deps.now() + backoffMs(attempts, this.deps.random),
    });
    this.deps.onChange?.();
  }

  /** The items of the signed-in user, oldest first (the list the badge opens). */
  async items(): Promise<QueuedWrite[]> {
    const user = this.deps.user();
    if (!user) return [];
    const db = await this.deps.db();
    return (await db.getAll('writes')).filter((w) => w.user === user);
  }

  /** Take a refused item off the list (a pending one is not dismissed: it would be lost). */
  async dismiss(clientId: string): Promise<void> {
    const db = await this.deps.db();
    const tx = db.transaction('writes', 'readwrite');
    const item = await tx.store.index('clientId').get(clientId);
    if (item?.seq !== undefined && item.state === 'refused') await tx.store.delete(item.seq);
    await tx.done;
    this.deps.onChange?.();
  }
}
