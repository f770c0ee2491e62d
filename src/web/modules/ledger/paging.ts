// Which request shows a page of the ledger, from the page shown and its neighbours' cursors: the next and
// previous pages by keyset (after or before a row: cheap at any depth), any other page by a jump (the
// server reads the rows before it, up to a bound). Page 1 needs neither.

export interface PageTarget {
  page: number;
  after?: string;
  before?: string;
}

export function pageTarget(
  to: number,
  current: number,
  next: string | null | undefined,
  prev: string | null | undefined,
): PageTarget {
  if (to <= 1) return { page: 1, after: undefined, before: undefined };
  if (to === current + 1 && next) return { page: to, after: next, before: undefined };
  if (to === current - 1 && prev) return { page: to, before: prev, after: undefined };
  return { page: to, after: undefined, before: undefined };
}

/** The total the pager works with: the count, or more when the server has a next page the count missed. */
export function pagerTotal(
  count: number | undefined,
  page: number,
  pageSize: number,
  shown: number,
  hasNext: boolean,
): number {
  return Math.max(count ?? 0, (page - 1) * pageSize + shown + (hasNext ? 1 : 0));
}
