import { describe, expect, it } from 'vitest';
import type { BuildingTile } from '../../../http/ledger';
import { buildingGrids, entranceGrid } from './layout';

let id = 0;
function tile(door: string, floor: number, entrance = '1', unit = 'B1'): BuildingTile {
  return {
    key: `410105-${++id}`,
    unit: { code: unit, name: unit, kind: 'building' },
    entrance,
    door,
    floor,
    colour: 'green',
    derivedColour: 'green',
    reasons: [],
    override: null,
    residentCount: 1,
    markers: {
      party_member: 0,
      building_leader: 0,
      volunteer: 0,
      low_income: 0,
      disabled: 0,
      elderly_alone: 0,
      immobile: 0,
    },
    status: 'active',
    names: [],
  };
}

describe('the building view grid', () => {
  it('puts the top floor first and doors of the same position in one column', () => {
    const g = entranceGrid('1', [tile('101', 1), tile('102', 1), tile('302', 3), tile('201', 2)]);
    expect(g.rows.map((r) => r.floor)).toEqual([3, 2, 1]);
    expect(g.columns).toBe(2);
    expect(g.rows[0].cells.map((c) => c?.door ?? null)).toEqual([null, '302']);
    expect(g.rows[1].cells.map((c) => c?.door ?? null)).toEqual(['201', null]);
    expect(g.rows[2].cells.map((c) => c?.door ?? null)).toEqual(['101', '102']);
  });

  it('shows the floors without households too', () => {
    const g = entranceGrid('2', [tile('101', 1), tile('301', 3)]);
    expect(g.rows.map((r) => r.floor)).toEqual([3, 2, 1]);
    expect(g.rows[1].cells).toEqual([null]);
  });

  it('keeps doors without a floor in a last row, and groups by building and entrance', () => {
    const g = entranceGrid('', [tile('东2号', 0), tile('101', 1)]);
    expect(g.rows.map((r) => r.floor)).toEqual([1, 0]);
    expect(g.rows[1].cells.map((c) => c?.door)).toEqual(['东2号']);
    const grids = buildingGrids([tile('101', 1, '2'), tile('101', 1, '1'), tile('101', 1, '1', 'B2')]);
    expect(grids.map((b) => b.unit.code)).toEqual(['B1', 'B2']);
    expect(grids[0].entrances.map((e) => e.entrance)).toEqual(['1', '2']);
  });
});
