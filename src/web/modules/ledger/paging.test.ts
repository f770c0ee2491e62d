import { describe, expect, it } from 'vitest';
import { pagerTotal, pageTarget } from './paging';

describe('pageTarget', () => {
  it('goes to the next and previous pages by keyset, anywhere else by a jump', () => {
    expect(pageTarget(4, 3, 'n', 'p')).toEqual({ page: 4, after: 'n', before: undefined });
    expect(pageTarget(2, 3, 'n', 'p')).toEqual({ page: 2, before: 'p', after: undefined });
    expect(pageTarget(7, 3, 'n', 'p')).toEqual({ page: 7, after: undefined, before: undefined });
    expect(pageTarget(1, 2, 'n', 'p')).toEqual({ page: 1, after: undefined, before: undefined });
  });
  it('jumps when the neighbour has no cursor', () => {
    expect(pageTarget(4, 3, null, 'p')).toEqual({ page: 4, after: undefined, before: undefined });
    expect(pageTarget(2, 3, 'n', undefined)).toEqual({ page: 2, after: undefined, before: undefined });
  });
});

describe('pagerTotal', () => {
  it('is the count, or enough for one more page when the server has one', () => {
    expect(pagerTotal(53, 1, 50, 50, true)).toBe(53);
    expect(pagerTotal(10_000, 200, 50, 50, true)).toBe(10_001);
    expect(pagerTotal(undefined, 1, 50, 3, false)).toBe(3);
  });
});
