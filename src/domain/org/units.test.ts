import { describe, expect, it } from 'vitest';
import {
  isWithin,
  localUnitCode,
  mayContain,
  normaliseUnitCode,
  officialKindOf,
  pathLabel,
  pathPrefixes,
} from './units';

describe('unit codes', () => {
  it('pads the short province and city codes of GB/T 2260', () => {
    expect(normaliseUnitCode('41')).toBe('410000');
    expect(normaliseUnitCode('4101')).toBe('410100');
    expect(normaliseUnitCode(' 410105002008 ')).toBe('410105002008');
    expect(normaliseUnitCode('410105002008g03')).toBe('410105002008G03');
  });
  it('rejects what cannot be a code', () => {
    for (const bad of ['', '4', '41010', '4101050020', 'abc', '410105002008X1', '410105002008G']) {
      expect(normaliseUnitCode(bad)).toBeUndefined();
    }
  });
  it('tells the official level from the code', () => {
    expect(officialKindOf('410000')).toBe('province');
    expect(officialKindOf('410100')).toBe('city');
    expect(officialKindOf('410105')).toBe('county');
    expect(officialKindOf('410105002')).toBe('town');
    expect(officialKindOf('410105002008')).toBe('village');
    expect(officialKindOf('410105002008G03')).toBeUndefined();
  });
  it('numbers local units within their community', () => {
    expect(localUnitCode('410105002008', 'grid', 3)).toBe('410105002008G03');
    expect(localUnitCode('410105002008', 'building', 12)).toBe('410105002008B0012');
    expect(pathLabel('410105002008G03', '410105002008')).toBe('G03');
    expect(pathLabel('410105002008', undefined)).toBe('410105002008');
  });
});

describe('the tree', () => {
  it('only lets grids stand under a community and buildings under a grid, courtyard or community', () => {
    expect(mayContain('village', 'grid')).toBe(true);
    expect(mayContain('grid', 'grid')).toBe(false);
    expect(mayContain('town', 'building')).toBe(false);
    expect(mayContain('courtyard', 'building')).toBe(true);
  });
  it('lists ancestor paths and tests subtree membership on whole labels', () => {
    expect(pathPrefixes('41.4101.410105')).toEqual(['41', '41.4101', '41.4101.410105']);
    expect(isWithin('41.4101.410105', '41.4101')).toBe(true);
    expect(isWithin('41.4101', '41.4101')).toBe(true);
    expect(isWithin('41.41011', '41.4101')).toBe(false);
  });
});
