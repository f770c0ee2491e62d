import { useQuery } from '@tanstack/react-query';
import { del, get, patch, post } from './client';
import type { Grant, Page, RoleInfo, User } from './types';
import { itemsOf } from './types';

export const accessKeys = {
  all: ['access'] as const,
  users: (unit: string | undefined, q: string, after: string | null) =>
    ['access', 'users', unit ?? '', q, after ?? ''] as const,
  roles: ['access', 'roles'] as const,
};

export const listUsers = (
  params: { unit?: string; q?: string; after?: string | null; limit?: number },
  signal?: AbortSignal,
) => get<Page<User>>('/api/access/users', params, signal);

export const createUser = (body: {
  username: string;
  displayName: string;
  password: string;
  homeUnitCode: string;
  phone?: string;
}) => post<User>('/api/access/users', body);

export const updateUser = (
  id: string | number,
  body: { displayName?: string; disabled?: boolean; phone?: string },
) => patch<User>(`/api/access/users/${id}`, body);

export const grantRole = (userId: string | number, body: { role: string; unitCode: string }) =>
  post<Grant>(`/api/access/users/${userId}/grants`, body);

export const revokeGrant = (grantId: string | number) => del(`/api/access/grants/${grantId}`);

export const revokeSessions = (userId: string | number) =>
  post<void>(`/api/access/users/${userId}/sessions/revoke`);

export const revealPhone = (userId: string | number) =>
  post<{ value: string | null }>(`/api/access/users/${userId}/reveal`, { field: 'phone' });

export const listRoles = async (signal?: AbortSignal) =>
  itemsOf(await get<RoleInfo[] | { items: RoleInfo[] }>('/api/access/roles', undefined, signal));

export function useRoles() {
  return useQuery({
    queryKey: accessKeys.roles,
    queryFn: ({ signal }) => listRoles(signal),
    staleTime: 10 * 60_000,
  });
}

export function useUsers(unit: string | undefined, q: string, after: string | null, limit = 20) {
  return useQuery({
    queryKey: accessKeys.users(unit, q, after),
    queryFn: ({ signal }) => listUsers({ unit, q, after, limit }, signal),
    placeholderData: (prev) => prev,
  });
}
