import { ApiError } from '../../http/client';
import { openFieldDb } from './db';
import { knownUserId } from './identity';

// Reference data for the field screens without a network (docs/architecture.md, "Offline field work"):
// asked of the server first; each answer is kept in IndexedDB under the user and a key; when the server
// cannot be reached (no network, a 5xx), the last answer kept is used instead. A 4xx is passed on (and a
// 404 forgets the kept copy): the server's word wins whenever it can be heard.

/** Whether an error means "the server could not be reached", not "the server said no". */
export function isUnreachable(err: unknown): boolean {
  if (err instanceof ApiError) return err.status === 0 || err.status >= 500;
  return err instanceof TypeError; // fetch's own network failure
}

const idOf = (user: string, key: string) => `${user}|${key}`;

/**
 * The answer of `fetcher`, kept under `key` for the signed-in user; the kept answer when the server
 * cannot be reached. Rejects as `fetcher` does when nothing is kept.
 */
export async function cachedReference<T>(key: string, fetcher: () => Promise<T>): Promise<T> {
  const user = knownUserId();
  try {
    const value = await fetcher();
    if (user) await saveReference(key, value, user);
    return value;
  } catch (err) {
    if (user && isUnreachable(err)) {
      const kept = await peekReference<T>(key);
      if (kept !== undefined) return kept;
    } else if (user && err instanceof ApiError && err.status === 404) {
      await (await openFieldDb()).delete('reference', idOf(user, key)).catch(() => {});
    }
    throw err;
  }
}

/** The kept answer for `key`, without asking the server. */
export async function peekReference<T>(key: string): Promise<T | undefined> {
  const user = knownUserId();
  if (!user) return undefined;
  try {
    const entry = await (await openFieldDb()).get('reference', idOf(user, key));
    return entry?.value as T | undefined;
  } catch {
    return undefined;
  }
}

/** Keep several answers at once (the doors of a page, each under its own key), in one transaction. */
export async function saveReferences(entries: [key: string, value: unknown][], user = knownUserId()) {
  if (!user || entries.length === 0) return;
  try {
    const tx = (await openFieldDb()).transaction('reference', 'readwrite');
    const savedAt = Date.now();
    for (const [key, value] of entries) void tx.store.put({ id: idOf(user, key), user, value, savedAt });
    await tx.done;
  } catch {
    // a full or blocked database leaves the screen working online
  }
}

async function saveReference(key: string, value: unknown, user: string) {
  await saveReferences([[key, value]], user);
}

/** Forget the user's kept reference data (at logout: it may name residents). */
export async function forgetReferences(user: string | null) {
  if (!user) return;
  try {
    const tx = (await openFieldDb()).transaction('reference', 'readwrite');
    for (const id of await tx.store.index('user').getAllKeys(user)) void tx.store.delete(id);
    await tx.done;
  } catch {
    // nothing kept
  }
}
