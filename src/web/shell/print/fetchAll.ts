import type { Page } from '../../http/types';

/** At most this many rows are printed: a community's filtered view in full, a district's cut short. */
export const PRINT_CAP = 2_000;

/**
 * Every row of a keyset-paged list, page by page (the API's largest page), up to `cap`; `capped` says
 * that more were left out.
 */
export async function fetchAll<T>(
  page: (after: string | null, limit: number) => Promise<Page<T>>,
  cap = PRINT_CAP,
): Promise<{ rows: T[]; capped: boolean }> {
  const rows: T[] = [];
  let after: string | null = null;
  for (;;) {
    const got: Page<T> = await page(after, Math.min(200, cap - rows.length));
    rows.push(...got.items);
    if (!got.next) return { rows, capped: false };
    if (rows.length >= cap) return { rows, capped: true };
    after = got.next;
  }
}
