import { reportUnauthorized } from '../../http/client';
import type { QueuedWrite } from './db';
import { openFieldDb } from './db';
import { forgetIdentity, knownUserId } from './identity';
import { type FieldWriteRequest, type FieldWriteResult, WriteQueue } from './queue';

// The queue of this browser (queue.ts has the rules): sent with fetch and the session cookie, resumed on
// `online`, at start and every 15 seconds; every tab of the app is told when it changes.

/** A try that hangs (a basement's last bar of signal) counts as a network failure after this long. */
const SEND_TIMEOUT_MS = 30_000;
const TICK_MS = 15_000;

async function send(item: QueuedWrite): Promise<{ status: number; body: unknown }> {
  const res = await fetch(item.url, {
    method: item.method,
    headers: {
      Accept: 'application/json',
      ...(item.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: item.body === undefined ? undefined : JSON.stringify(item.body),
    credentials: 'same-origin',
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined; // a proxy's error page
  }
  return { status: res.status, body };
}

const listeners = new Set<() => void>();
const channel =
  typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('wangge-field-queue');
channel?.addEventListener('message', () => {
  for (const l of listeners) l();
});

function changed() {
  for (const l of listeners) l();
  channel?.postMessage('changed');
}

export const fieldQueue = new WriteQueue({
  db: openFieldDb,
  send,
  user: knownUserId,
  onUnauthorized: () => {
    forgetIdentity();
    reportUnauthorized();
  },
  onChange: changed,
  exclusive:
    typeof navigator !== 'undefined' && navigator.locks
      ? <T>(fn: () => Promise<T>) => navigator.locks.request('wangge-field-queue', fn) as Promise<T>
      : undefined,
});

/**
 * Write through the queue: kept on the phone with its client UUID, sent now when the network and the
 * queue's order allow. `sent` with the server's answer, `queued` (it will go by itself), or `refused`
 * with the server's error (its message in the user's language).
 */
export function fieldWrite(req: FieldWriteRequest): Promise<FieldWriteResult> {
  return fieldQueue.write(req);
}

/** Be told when the queue changes (in this tab or another); returns the unsubscribe. */
export function subscribeQueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let started = 0;
let stopTimer: (() => void) | undefined;

/** Resume sending: now, whenever the network comes back, and on a timer. Counted: the last stop ends it. */
export function startFieldQueue(): () => void {
  started += 1;
  if (started === 1) {
    const onOnline = () => void fieldQueue.wake().catch(() => {});
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(() => void fieldQueue.flush().catch(() => {}), TICK_MS);
    void fieldQueue.flush().catch(() => {});
    stopTimer = () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }
  return () => {
    started -= 1;
    if (started === 0) stopTimer?.();
  };
}
