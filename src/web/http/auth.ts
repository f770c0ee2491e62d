import { useQuery } from '@tanstack/react-query';
import { ApiError, get, post } from './client';
import type { Me } from './types';

export const meKey = ['me'] as const;

export function login(username: string, password: string) {
  return post<{ user: unknown }>('/api/auth/login', { username, password }, { noAuthRedirect: true });
}

export function logout() {
  return post<void>('/api/auth/logout', {}, { noAuthRedirect: true });
}

export function changePassword(currentPassword: string, newPassword: string) {
  return post<void>('/api/auth/password', { currentPassword, newPassword }, { noAuthRedirect: true });
}

export function fetchMe(signal?: AbortSignal) {
  return get<Me>('/api/me', undefined, signal);
}

/**
 * Where the phone screens keep the last identity the server confirmed (src/web/field/offline/identity.ts):
 * set by the field app only, so that the desk is signed in exactly as long as the server says.
 */
export interface KnownIdentity {
  remember(me: Me): void;
  recall(): Me | undefined;
  forget(): void;
}
let knownIdentity: KnownIdentity | undefined;
export function setKnownIdentity(store: KnownIdentity | undefined) {
  knownIdentity = store;
}
/** At logout: the phone forgets who was signed in. */
export function forgetKnownIdentity() {
  knownIdentity?.forget();
}

/** The signed-in user, from the server; when it cannot be reached, the identity the phone kept (if any). */
async function meOrKnown(signal?: AbortSignal): Promise<Me> {
  try {
    const me = await fetchMe(signal);
    knownIdentity?.remember(me);
    return me;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 0 || err.status >= 500)) {
      const known = knownIdentity?.recall();
      if (known) return known;
    } else if (err instanceof ApiError && err.status === 401) {
      knownIdentity?.forget();
    }
    throw err;
  }
}

/** The signed-in user; 401 sends the app to the login page (client.ts). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => meOrKnown(signal),
    staleTime: 60_000,
    // asked even without a network: the phone's kept identity answers then (field/offline/identity.ts)
    networkMode: 'always',
  });
}

export function hasPermission(me: Me | undefined, permission: string): boolean {
  return !!me?.permissions?.includes(permission);
}

/** Whether this is a demo whose users' password is published (the login pages say so). */
export function useDemo() {
  return useQuery({
    queryKey: ['auth', 'demo'],
    queryFn: ({ signal }) => get<{ demo: boolean }>('/api/auth/demo', undefined, signal),
    staleTime: 60_000,
    retry: false,
  });
}
