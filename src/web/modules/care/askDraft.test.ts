import { describe, expect, it } from 'vitest';
import {
  askBody,
  askedCount,
  emptyGoods,
  formItems,
  formPathOf,
  placeIssues,
  stepQuantity,
} from './askDraft';

describe('the household’s request before it is sent', () => {
  it('sends the kinds asked for in the order of the kinds, in their units, with names when written', () => {
    const goods = emptyGoods();
    goods.oil.quantity = 1;
    goods.rice.quantity = 10;
    goods.medicine = { quantity: 2, unit: 'box', name: ' 硝苯地平 ' };
    const { body, kinds } = askBody(goods, ['meals'], '  ', false);
    expect(body).toEqual({
      items: [
        { kind: 'rice', quantity: 10, unit: 'jin' },
        { kind: 'oil', quantity: 1, unit: 'bucket' },
        { kind: 'medicine', quantity: 2, unit: 'box', name: '硝苯地平' },
      ],
      help: ['meals'],
    });
    expect(kinds).toEqual(['rice', 'oil', 'medicine']);
    expect(askedCount(goods, ['meals'])).toBe(4);
    expect(askBody(emptyGoods(), [], ' 请放门口 ', true).body).toEqual({
      items: [],
      help: [],
      note: '请放门口',
      urgent: true,
    });
  });

  it('steps quantities between 0 and 999 to one decimal', () => {
    expect(stepQuantity(0, -1)).toBe(0);
    expect(stepQuantity(0.5, 1)).toBe(1.5);
    expect(stepQuantity(998.5, 1)).toBe(999);
    expect(stepQuantity(0.1 + 0.2, 1)).toBe(1.3);
  });

  it('puts the server’s errors under the kind they are about, by the body’s order', () => {
    const kinds = ['rice', 'medicine'] as const;
    expect(
      placeIssues(
        [
          { path: 'items.1.name', message: '请写明药品或物品的名称' },
          { path: 'items.0.quantity', message: '数量不对' },
          { path: 'items.0', message: '数量不对' },
          { path: 'help.0', message: '未知的帮助类型' },
          { path: 'note', message: '备注最多 300 字' },
          { path: 'items', message: '请至少填写一样物品或一项帮助' },
          { path: 'items.7.unit', message: '超出' },
        ],
        kinds,
      ),
    ).toEqual({
      medicine: ['请写明药品或物品的名称'],
      rice: ['数量不对'],
      help: ['未知的帮助类型'],
      note: ['备注最多 300 字'],
      general: ['请至少填写一样物品或一项帮助', '超出'],
    });
  });

  it('names the fields of the worker’s form as the API names them', () => {
    expect(formPathOf('items.2.unit')).toEqual(['items', 2, 'unit']);
    expect(formPathOf('items.2')).toEqual(['items', 2, 'kind']);
    expect(formPathOf('help.1')).toEqual(['help']);
    expect(formPathOf('householdKey')).toEqual(['householdKey']);
    expect(formPathOf('items')).toBeUndefined();
    // the form's empty line 1 was left out: the body's item 1 is the form's line 2
    expect(formPathOf('items.1.quantity', [0, 2])).toEqual(['items', 2, 'quantity']);
    expect(formPathOf('items.5.quantity', [0, 2])).toBeUndefined();
  });

  it('sends the form’s lines as typed, without the empty ones, and knows which line each item is', () => {
    expect(
      formItems([
        { kind: 'rice', quantity: 10, unit: 'jin', name: ' ' },
        {},
        undefined,
        { quantity: 2 },
        { kind: 'medicine', quantity: null, unit: 'box', name: '布洛芬' },
      ]),
    ).toEqual({
      items: [
        { kind: 'rice', quantity: 10, unit: 'jin' },
        { kind: '', quantity: 2 },
        { kind: 'medicine', quantity: 0, unit: 'box', name: '布洛芬' },
      ],
      lines: [0, 3, 4],
    });
    expect(formItems(undefined)).toEqual({ items: [], lines: [] });
  });
});
