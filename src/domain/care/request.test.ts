import { describe, expect, it } from 'vitest';
import { shanghaiDayStart } from '../time/shanghai';
import {
  CARE_REASON_LABELS,
  careReasons,
  careView,
  checkCareRequest,
  checkDelivery,
  defaultDueAt,
  doorText,
  isLate,
  LEAD_MS,
  RED_HEART_MARKERS,
} from './request';

// 10:00 on 2020-02-05 in Asia/Shanghai
const now = shanghaiDayStart('2020-02-05') + 10 * 3_600_000;
const at = (day: string, hour: number) => shanghaiDayStart(day) + hour * 3_600_000;

describe('who may ask', () => {
  const none = { markers: {}, residents: [] };
  it('an isolated household: home or centralised isolation covering today', () => {
    const h = (kind: 'home' | 'centralised' | 'health_monitoring', from: string, to?: string) => ({
      markers: {},
      residents: [{}, { isolation: [{ kind, from, ...(to ? { to } : {}) }] }],
    });
    expect(careReasons(h('home', '2020-02-01'), '2020-02-05')).toEqual(['isolated']);
    expect(careReasons(h('centralised', '2020-02-05', '2020-02-05'), '2020-02-05')).toEqual(['isolated']);
    // planned for later, or over
    expect(careReasons(h('home', '2020-02-06'), '2020-02-05')).toEqual([]);
    expect(careReasons(h('home', '2020-01-20', '2020-02-04'), '2020-02-05')).toEqual([]);
    // health monitoring lets people go out
    expect(careReasons(h('health_monitoring', '2020-02-01'), '2020-02-05')).toEqual([]);
    expect(careReasons(none, '2020-02-05')).toEqual([]);
  });

  it('a red-heart household: 低保、残疾、独居老人、行动不便, in the ledger’s order; flags and stars do not count', () => {
    expect(RED_HEART_MARKERS).toEqual(['low_income', 'disabled', 'elderly_alone', 'immobile']);
    expect(
      careReasons(
        {
          markers: { immobile: 1, low_income: 2, party_member: 3, volunteer: 1, disabled: 0 },
          residents: [],
        },
        '2020-02-05',
      ),
    ).toEqual(['low_income', 'immobile']);
    expect(
      careReasons({ markers: { party_member: 1, building_leader: 1 }, residents: [] }, '2020-02-05'),
    ).toEqual([]);
    expect(CARE_REASON_LABELS.isolated['zh-CN']).toBe('隔离户');
    expect(CARE_REASON_LABELS.elderly_alone['zh-CN']).toBe('独居老人');
  });
});

describe('a request', () => {
  it('is normalised: the kind’s usual unit, tenths, names cleaned, help in order, due at 20:00 of the day', () => {
    const r = checkCareRequest(
      {
        items: [
          { kind: 'rice', quantity: 10 },
          { kind: 'vegetables', quantity: 2.5, unit: 'jin', name: ' 青菜 ' },
          { kind: 'medicine', quantity: 2, unit: 'box', name: '硝苯地平　缓释片' },
          { kind: 'oil', quantity: 1, unit: '' },
        ],
        help: ['counselling', 'meals', 'meals'],
        note: '  放门口即可 ',
      },
      now,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        items: [
          { kind: 'rice', quantity: 10, unit: 'jin', name: null },
          { kind: 'vegetables', quantity: 2.5, unit: 'jin', name: '青菜' },
          { kind: 'medicine', quantity: 2, unit: 'box', name: '硝苯地平 缓释片' },
          { kind: 'oil', quantity: 1, unit: 'bucket', name: null },
        ],
        help: ['meals', 'counselling'],
        note: '放门口即可',
        day: '2020-02-05',
        dueAt: at('2020-02-05', 20),
        urgent: false,
      },
    });
  });

  it('names every bad field', () => {
    const r = checkCareRequest(
      {
        items: [
          { kind: 'gold', quantity: 1 },
          { kind: 'rice', quantity: 0 },
          { kind: 'rice', quantity: 1.25 },
          { kind: 'oil', quantity: 1, unit: 'jin' },
          { kind: 'medicine', quantity: 1 },
          { kind: 'flour', quantity: 1000 },
          { kind: 'eggs', quantity: 1, name: '土'.repeat(41) },
        ],
        help: ['meals', 'massage'],
        note: 'x'.repeat(301),
        day: '2020-02-04',
      },
      now,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([
        { path: 'items.0.kind', code: 'care.item_kind' },
        { path: 'items.1.quantity', code: 'care.quantity' },
        { path: 'items.2.quantity', code: 'care.quantity' },
        { path: 'items.3.unit', code: 'care.item_unit' },
        { path: 'items.4.name', code: 'care.item_name' },
        { path: 'items.5.quantity', code: 'care.quantity' },
        { path: 'items.6.name', code: 'care.item_name_long' },
        { path: 'help.1', code: 'care.help_kind' },
        { path: 'note', code: 'care.note' },
        { path: 'day', code: 'care.day' },
      ]);
  });

  it('asks for something, at most 20 items, each once', () => {
    const empty = checkCareRequest({ items: [], help: [] }, now);
    expect(empty.ok === false && empty.issues).toEqual([{ path: 'items', code: 'care.nothing_asked' }]);
    const many = checkCareRequest(
      { items: Array.from({ length: 21 }, () => ({ kind: 'rice', quantity: 1 })) },
      now,
    );
    expect(many.ok === false && many.issues[0]).toEqual({ path: 'items', code: 'care.too_many_items' });
    // the same rice twice (names differ only in case and spaces): the second is named
    const twice = checkCareRequest(
      {
        items: [
          { kind: 'rice', quantity: 5, name: 'Dongbei Rice' },
          { kind: 'rice', quantity: 5, unit: 'bag' },
          { kind: 'rice', quantity: 5, name: 'dongbei  rice' },
        ],
      },
      now,
    );
    expect(twice.ok === false && twice.issues).toEqual([{ path: 'items.2', code: 'care.duplicate_item' }]);
    // help alone is a request
    expect(checkCareRequest({ help: ['books'] }, now).ok).toBe(true);
  });

  it('is for today up to a week ahead; urgent is today’s, due in two hours', () => {
    const later = checkCareRequest({ help: ['meals'], day: '2020-02-12' }, now);
    expect(later.ok && later.value).toMatchObject({ day: '2020-02-12', dueAt: at('2020-02-12', 20) });
    const tooLate = checkCareRequest({ help: ['meals'], day: '2020-02-13' }, now);
    expect(tooLate.ok === false && tooLate.issues).toEqual([{ path: 'day', code: 'care.day' }]);
    const urgent = checkCareRequest(
      { items: [{ kind: 'medicine', quantity: 1, name: '布洛芬' }], urgent: true },
      now,
    );
    expect(urgent.ok && urgent.value).toMatchObject({
      day: '2020-02-05',
      dueAt: now + LEAD_MS,
      urgent: true,
    });
    const urgentLater = checkCareRequest({ help: ['meals'], urgent: true, day: '2020-02-06' }, now);
    expect(urgentLater.ok === false && urgentLater.issues).toEqual([
      { path: 'day', code: 'care.urgent_today' },
    ]);
  });

  it('takes a deadline after now within the week; its day is the deadline’s when not given', () => {
    const r = checkCareRequest({ help: ['meals'], dueAt: '2020-02-06T09:30:00+08:00' }, now);
    expect(r.ok && r.value).toMatchObject({ day: '2020-02-06', dueAt: at('2020-02-06', 9.5) });
    for (const dueAt of ['2020-02-05T09:00:00+08:00', '2020-02-20T09:00:00+08:00', 'tomorrow', '2020-02-06'])
      expect(checkCareRequest({ help: ['meals'], dueAt }, now), dueAt).toMatchObject({
        ok: false,
        issues: [{ path: 'dueAt', code: 'care.due_at' }],
      });
  });

  it('is due at 20:00, but never less than two hours after it was made', () => {
    expect(defaultDueAt('2020-02-05', now, false)).toBe(at('2020-02-05', 20));
    const evening = at('2020-02-05', 19.5);
    expect(defaultDueAt('2020-02-05', evening, false)).toBe(evening + LEAD_MS);
    expect(defaultDueAt('2020-02-06', evening, false)).toBe(at('2020-02-06', 20));
    expect(defaultDueAt('2020-02-05', now, true)).toBe(now + LEAD_MS);
  });
});

describe('a delivery', () => {
  it('names who received it', () => {
    expect(checkDelivery({ receivedBy: ' 本人 ', note: '' })).toEqual({
      ok: true,
      value: { receivedBy: '本人', note: null },
    });
    expect(checkDelivery({ receivedBy: '  ' })).toEqual({
      ok: false,
      issues: [{ path: 'receivedBy', code: 'care.received_by' }],
    });
    expect(checkDelivery({ receivedBy: '家属', note: 'x'.repeat(301) })).toMatchObject({
      ok: false,
      issues: [{ path: 'note' }],
    });
  });
});

describe('the state a list shows', () => {
  it('an open request past its deadline is overdue; taken and past it, late', () => {
    const due = at('2020-02-05', 20);
    expect(careView('open', due, due - 1)).toBe('open');
    expect(careView('open', due, due + 1)).toBe('overdue');
    expect(careView('assigned', due, due + 1)).toBe('assigned');
    expect(careView('delivered', due, due + 1)).toBe('delivered');
    expect(isLate('assigned', due, due + 1)).toBe(true);
    expect(isLate('assigned', due, due - 1)).toBe(false);
    expect(isLate('delivered', due, due + 1)).toBe(false);
  });

  it('says the door as a volunteer looks for it', () => {
    expect(doorText('2', '401', 'zh-CN')).toBe('2单元 401');
    expect(doorText('东单元', '401', 'zh-CN')).toBe('东单元 401');
    expect(doorText('', '12号', 'zh-CN')).toBe('12号');
    expect(doorText('2', '401', 'en')).toBe('entrance 2, 401');
  });
});
