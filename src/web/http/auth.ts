import { useQuery } from '@tanstack/react-query';
import { get, post } from './client';
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

/** The signed-in user; 401 sends the app to the login page (client.ts). */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
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
