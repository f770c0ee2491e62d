import { useQuery } from '@tanstack/react-query';
import { del, get, patch, post } from './client';
import type { Facility, Page, Unit, UnitSearchHit, UnitWithAncestors } from './types';
import { itemsOf } from './types';

export const orgKeys = {
  all: ['org'] as const,
  unit: (code: string) => ['org', 'unit', code] as const,
  children: (code: string, after?: string | null, limit?: number) =>
    ['org', 'children', code, after ?? '', limit ?? 0] as const,
  facilities: (code: string) => ['org', 'facilities', code] as const,
  search: (q: string) => ['org', 'search', q] as const,
};

export const getUnit = (code: string, signal?: AbortSignal) =>
  get<UnitWithAncestors>(`/api/org/units/${encodeURIComponent(code)}`, undefined, signal);

export const getChildren = (code: string, after?: string | null, limit = 50, signal?: AbortSignal) =>
  get<Page<Unit>>(`/api/org/units/${encodeURIComponent(code)}/children`, { after, limit }, signal);

export const searchUnits = async (q: string, limit = 20, signal?: AbortSignal) =>
  itemsOf(await get<UnitSearchHit[] | { items: UnitSearchHit[] }>('/api/org/search', { q, limit }, signal));

export const createUnit = (body: {
  parentCode: string;
  kind: 'grid' | 'courtyard' | 'building';
  name: string;
}) => post<Unit>('/api/org/units', body);

export const updateUnit = (code: string, body: { name?: string; parentCode?: string }) =>
  patch<Unit>(`/api/org/units/${encodeURIComponent(code)}`, body);

export const deleteUnit = (code: string) => del(`/api/org/units/${encodeURIComponent(code)}`);

export const getFacilities = async (code: string, signal?: AbortSignal) =>
  itemsOf(
    await get<Facility[] | { items: Facility[] }>(
      `/api/org/units/${encodeURIComponent(code)}/facilities`,
      undefined,
      signal,
    ),
  );

export const createFacility = (body: { unitCode: string; kind: string; name: string; address?: string }) =>
  post<Facility>('/api/org/facilities', body);

export const deleteFacility = (id: string | number) =>
  del(`/api/org/facilities/${encodeURIComponent(String(id))}`);

export function useUnit(code: string | undefined) {
  return useQuery({
    queryKey: orgKeys.unit(code ?? ''),
    queryFn: ({ signal }) => getUnit(code as string, signal),
    enabled: !!code,
    staleTime: 30_000,
  });
}

export function useChildren(code: string | undefined, after?: string | null, limit = 50) {
  return useQuery({
    queryKey: orgKeys.children(code ?? '', after, limit),
    queryFn: ({ signal }) => getChildren(code as string, after, limit, signal),
    enabled: !!code,
    staleTime: 30_000,
  });
}

export function useFacilities(code: string | undefined) {
  return useQuery({
    queryKey: orgKeys.facilities(code ?? ''),
    queryFn: ({ signal }) => getFacilities(code as string, signal),
    enabled: !!code,
  });
}

export function useUnitSearch(q: string, limit = 20) {
  const term = q.trim();
  return useQuery({
    queryKey: [...orgKeys.search(term), limit],
    queryFn: ({ signal }) => searchUnits(term, limit, signal),
    enabled: term.length > 0,
    staleTime: 30_000,
  });
}
