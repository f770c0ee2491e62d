import { describe, expect, it } from 'vitest';
import { DayList, lineText } from './consolidate';
import { ITEM_KIND_INFO, ITEM_KINDS, itemText, UNIT_LABELS } from './items';

describe('the day’s list', () => {
  it('adds up what, how much, for how many households', () => {
    const list = new DayList();
    list.add({
      household: 'A',
      items: [
        { kind: 'oil', quantity: 1, unit: 'bucket', name: null },
        { kind: 'rice', quantity: 10, unit: 'jin', name: null },
      ],
      help: ['meals'],
    });
    // the same household again: counted once, its quantities added
    list.add({
      household: 'A',
      items: [{ kind: 'rice', quantity: 5, unit: 'jin', name: null }],
      help: ['meals'],
    });
    list.add({
      household: 'B',
      items: [
        { kind: 'rice', quantity: 0.1, unit: 'jin', name: null },
        { kind: 'rice', quantity: 1, unit: 'bag', name: null },
        { kind: 'medicine', quantity: 2, unit: 'box', name: '布洛芬' },
        { kind: 'vegetables', quantity: 0.2, unit: 'jin', name: null },
      ],
      help: ['counselling', 'meals'],
    });
    list.add({
      household: 'C',
      items: [
        { kind: 'medicine', quantity: 1, unit: 'box', name: '布 洛芬' },
        { kind: 'medicine', quantity: 1, unit: 'box', name: '阿莫西林' },
        { kind: 'vegetables', quantity: 0.1, unit: 'jin', name: null },
      ],
      help: [],
    });
    expect(list.requests).toBe(4);
    expect(list.households).toBe(3);
    expect(list.lines()).toEqual([
      { kind: 'rice', unit: 'jin', name: null, quantity: 15.1, households: 2 },
      { kind: 'rice', unit: 'bag', name: null, quantity: 1, households: 1 },
      { kind: 'oil', unit: 'bucket', name: null, quantity: 1, households: 1 },
      // 0.2 + 0.1 is 0.3 exactly (summed in tenths)
      { kind: 'vegetables', unit: 'jin', name: null, quantity: 0.3, households: 2 },
      // by name in pinyin order; one name in any spacing is one line, written as it was first
      { kind: 'medicine', unit: 'box', name: '阿莫西林', quantity: 1, households: 1 },
      { kind: 'medicine', unit: 'box', name: '布洛芬', quantity: 3, households: 2 },
    ]);
    expect(list.help()).toEqual([
      { kind: 'meals', households: 2 },
      { kind: 'counselling', households: 1 },
    ]);
  });

  it('is empty for no request', () => {
    const list = new DayList();
    expect([list.lines(), list.help(), list.households]).toEqual([[], [], 0]);
  });

  it('says each line as the printed list does', () => {
    expect(lineText({ kind: 'rice', unit: 'jin', name: null }, 'zh-CN')).toEqual({
      what: '大米',
      unit: '斤',
    });
    expect(lineText({ kind: 'medicine', unit: 'box', name: '布洛芬' }, 'zh-CN')).toEqual({
      what: '药品（布洛芬）',
      unit: '盒',
    });
    expect(lineText({ kind: 'oil', unit: 'bucket', name: null }, 'en')).toEqual({
      what: 'cooking oil',
      unit: 'jug',
    });
    expect(itemText({ kind: 'flour', quantity: 2, unit: 'bag', name: null }, 'zh-CN')).toBe('面粉2袋');
  });
});

describe('the kinds of goods', () => {
  it('each has labels in both languages and a usual unit it may be counted in', () => {
    for (const k of ITEM_KINDS) {
      const info = ITEM_KIND_INFO[k];
      expect(info.kind).toBe(k);
      expect(info.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(info.label.en).toMatch(/^[a-z ]+$/);
      expect(info.units.length).toBeGreaterThan(0);
    }
    expect(ITEM_KIND_INFO.rice.units[0]).toBe('jin');
    expect(ITEM_KIND_INFO.oil.units).toEqual(['bucket']);
    expect(ITEM_KIND_INFO.medicine.nameRequired).toBe(true);
    expect(
      ['斤', '袋', '桶', '盒'].every((u) => Object.values(UNIT_LABELS).some((l) => l['zh-CN'] === u)),
    ).toBe(true);
  });
});
