import { describe, expect, it } from 'vitest';
import type { UnitWithAncestors } from '../../http/types';
import { canMove, communityOf, creatableUnder } from './rules';

const unit = (
  kind: UnitWithAncestors['kind'],
  code: string,
  ancestors: UnitWithAncestors['ancestors'] = [],
): UnitWithAncestors => ({
  code,
  name: code,
  kind,
  path: code,
  depth: 0,
  parentCode: null,
  childCount: 0,
  ancestors,
});

describe('tree rules', () => {
  it('offers the children a unit may hold', () => {
    expect(creatableUnder('village')).toEqual(['grid', 'courtyard', 'building']);
    expect(creatableUnder('grid')).toEqual(['courtyard', 'building']);
    expect(creatableUnder('courtyard')).toEqual(['building']);
    expect(creatableUnder('building')).toEqual([]);
    expect(creatableUnder('town')).toEqual([]);
  });

  it('moves only courtyards and buildings', () => {
    expect(canMove('grid')).toBe(false);
    expect(canMove('courtyard')).toBe(true);
    expect(canMove('building')).toBe(true);
  });

  it('finds the community of a unit', () => {
    const village = unit('village', '410105002008');
    expect(communityOf(village)?.code).toBe('410105002008');
    const building = unit('building', '410105002008B0001', [
      unit('town', '410105002'),
      village,
      unit('grid', '410105002008G01'),
    ]);
    expect(communityOf(building)?.code).toBe('410105002008');
    expect(communityOf(unit('town', '410105002'))).toBeUndefined();
  });
});
