import { describe, expect, it } from 'vitest';
import { isWithin, safeNext } from './paths';

describe('isWithin', () => {
  it('holds for the unit itself and its subtree, not for a sibling sharing a prefix', () => {
    const root = { path: '41.4101.410105' };
    expect(isWithin({ path: '41.4101.410105' }, root)).toBe(true);
    expect(isWithin({ path: '41.4101.410105.410105002' }, root)).toBe(true);
    expect(isWithin({ path: '41.4101.4101050' }, root)).toBe(false);
    expect(isWithin({ path: '41.4101' }, root)).toBe(false);
  });
});

describe('safeNext', () => {
  it('keeps in-app paths and refuses other origins', () => {
    expect(safeNext('/org/410105', '/')).toBe('/org/410105');
    expect(safeNext('//evil.example/x', '/')).toBe('/');
    expect(safeNext('https://evil.example', '/')).toBe('/');
    expect(safeNext(null, '/field')).toBe('/field');
  });
});
