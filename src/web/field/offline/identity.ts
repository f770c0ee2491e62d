import type { Me } from '../../http/types';

// The last identity the server confirmed, kept on the phone so that a dead network does not sign the
// worker out: for as long as the server would keep the session (12 hours since it last saw the phone,
// src/server/platform/auth/sessions.ts), never past a 401 and never past a logout.

const KEY = 'wangge.field.identity';
/** the server's idle limit of a session (SESSION_HOURS) */
export const IDENTITY_HOURS = 12;

interface Kept {
  me: Me;
  at: number;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function rememberIdentity(me: Me, now = Date.now()): void {
  storage()?.setItem(KEY, JSON.stringify({ me, at: now } satisfies Kept));
}

/** The identity last confirmed within the session's lifetime, or undefined. */
export function knownIdentity(now = Date.now()): Me | undefined {
  const raw = storage()?.getItem(KEY);
  if (!raw) return undefined;
  try {
    const kept = JSON.parse(raw) as Kept;
    if (now - kept.at < IDENTITY_HOURS * 3_600_000 && kept.me?.id !== undefined) return kept.me;
  } catch {
    // unreadable: forgotten below
  }
  forgetIdentity();
  return undefined;
}

export function forgetIdentity(): void {
  storage()?.removeItem(KEY);
}

/** The id the queue's items are kept under. */
export function knownUserId(): string | null {
  const me = knownIdentity();
  return me ? String(me.id) : null;
}
