import { describe, expect, it } from 'vitest';
import { dutiesFor, dutyFits, isAnswerable } from './duties';

describe('包保 duties', () => {
  it('fit the kinds of unit they answer for', () => {
    expect(dutiesFor('village')).toEqual(['street_leader']);
    expect(dutiesFor('grid')).toEqual(['committee_member']);
    expect(dutiesFor('building')).toEqual(['grid_leader', 'building_leader']);
    expect(dutyFits('building_leader', 'grid')).toBe(false);
    expect(dutiesFor('county')).toEqual([]);
    expect(isAnswerable('courtyard')).toBe(true);
    expect(isAnswerable('town')).toBe(false);
  });
});
