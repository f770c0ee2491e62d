import { describe, expect, it } from 'vitest';
import type { CareDayList } from '../../http/care';
import { dayListRows } from './dayListRows';
import { careLabels } from './labels';

const list: CareDayList = {
  day: '2020-02-05',
  unit: { code: '410105002', name: '花园路街道' },
  requests: 3,
  households: 3,
  lines: [
    { kind: 'rice', unit: 'jin', name: null, quantity: 15, households: 2 },
    { kind: 'medicine', unit: 'box', name: '硝苯地平', quantity: 2, households: 1 },
  ],
  help: [{ kind: 'meals', households: 1 }],
  communities: [
    {
      code: '410105002008',
      name: '省民航社区',
      requests: 2,
      households: 2,
      lines: [
        { kind: 'rice', unit: 'jin', name: null, quantity: 10, households: 1 },
        { kind: 'medicine', unit: 'box', name: '硝苯地平', quantity: 2, households: 1 },
      ],
      help: [{ kind: 'meals', households: 1 }],
    },
    {
      code: '410105002001',
      name: '园田社区',
      requests: 1,
      households: 1,
      lines: [{ kind: 'rice', unit: 'jin', name: null, quantity: 5, households: 1 }],
      help: [],
    },
  ],
};

describe('the day’s list as rows', () => {
  it('lays out each community’s goods, then its help, then the totals of several communities', () => {
    const rows = dayListRows(list, careLabels('zh-CN'), '合计');
    expect(
      rows.map((r) => [r.community, r.what, r.quantity, r.unit, r.households, r.first, r.total]),
    ).toEqual([
      ['省民航社区', '大米', 10, '斤', 1, true, false],
      ['省民航社区', '药品（硝苯地平）', 2, '盒', 1, false, false],
      ['省民航社区', '送餐', null, '', 1, false, false],
      ['园田社区', '大米', 5, '斤', 1, true, false],
      ['合计', '大米', 15, '斤', 2, true, true],
      ['合计', '药品（硝苯地平）', 2, '盒', 1, false, true],
      ['合计', '送餐', null, '', 1, false, true],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('has no totals for one community, and speaks English', () => {
    const one = { ...list, communities: list.communities.slice(1) };
    const rows = dayListRows(one, careLabels('en'), 'Total');
    expect(rows.map((r) => [r.community, r.what, r.unit, r.total])).toEqual([
      ['园田社区', 'rice', 'jin (500 g)', false],
    ]);
  });
});
