import { describe, expect, it } from 'vitest';
import type { QueuedWrite } from '../offline/db';
import { checkUrl, type DueAnswer, type DueItem, dueCounts, dueRows, queuedChecks } from './dueList';

// 2020-02-05 in Shanghai: the morning is due 12:00 (04:00Z), the afternoon 19:00 (11:00Z).
const AM_DUE = '2020-02-05T04:00:00.000Z';
const PM_DUE = '2020-02-05T11:00:00.000Z';
const at = (shanghai: string) => Date.parse(`2020-02-05T${shanghai}:00+08:00`);

function person(
  id: string,
  name: string,
  am: DueItem['slots'][number]['state'],
  pm = 'later' as typeof am,
): DueItem {
  return {
    id,
    name,
    address: null,
    unitName: '第一网格',
    measure: 'home_isolation',
    dayOfPeriod: 3,
    measureLastDay: '2020-02-16',
    lastCheckedAt: null,
    lastTemperatureC: 36.5,
    fever: false,
    slots: [
      { slot: 'am', dueAt: AM_DUE, state: am },
      { slot: 'pm', dueAt: PM_DUE, state: pm },
    ],
  };
}

const answer: DueAnswer = {
  day: '2020-02-05',
  overdue: 0,
  items: [person('410105-1', '甲', 'due'), person('410105-2', '乙', 'done'), person('410105-3', '丙', 'due')],
};

function write(keyPersonId: string, checkedAt: string, over: Partial<QueuedWrite> = {}): QueuedWrite {
  return {
    clientId: `c-${keyPersonId}-${checkedAt}`,
    kind: 'isolation.check',
    label: '',
    method: 'POST',
    url: checkUrl(keyPersonId),
    body: { clientId: 'x', how: 'door', temperatureC: 38.1, checkedAt },
    user: '7',
    createdAt: 0,
    state: 'pending',
    attempts: 0,
    nextAt: 0,
    ...over,
  };
}

describe('the checks due on the phone', () => {
  it('reads the pending checks of the queue, not the refused ones nor other writes', () => {
    const q = queuedChecks([
      write('410105-3', '2020-02-05T02:30:00.000Z'),
      write('410105-1', '2020-02-05T02:30:00.000Z', { state: 'refused' }),
      write('410105-1', '2020-02-05T02:30:00.000Z', { kind: 'gate.scan' }),
    ]);
    expect(q).toEqual([
      { keyPersonId: '410105-3', checkedAt: Date.parse('2020-02-05T02:30:00.000Z'), temperatureC: 38.1 },
    ]);
  });

  it('counts a queued check as done for its slot, and its temperature as the last one', () => {
    const q = queuedChecks([write('410105-3', '2020-02-05T02:30:00.000Z')]);
    const rows = dueRows(answer, q, at('10:40'));
    expect(rows.map((r) => [r.name, r.urgency])).toEqual([
      ['甲', 'due'],
      // equals keep the server's order
      ['乙', 'later'],
      ['丙', 'later'],
    ]);
    const bing = rows.find((r) => r.name === '丙');
    expect(bing?.slots[0]).toMatchObject({ state: 'done', queued: true });
    expect(bing?.lastTemperatureC).toBe(38.1);
    expect(rows.find((r) => r.name === '甲')?.lastTemperatureC).toBe(36.5);
    expect(dueCounts(rows)).toEqual({ due: 1, overdue: 0 });
  });

  it('a queued check of another day does not count; a kept list goes overdue by the clock', () => {
    const q = queuedChecks([write('410105-1', '2020-02-04T02:30:00.000Z')]);
    const rows = dueRows(answer, q, at('12:30'));
    expect(rows.map((r) => [r.name, r.urgency])).toEqual([
      ['甲', 'overdue'],
      ['丙', 'overdue'],
      ['乙', 'later'],
    ]);
    expect(dueCounts(rows)).toEqual({ due: 0, overdue: 2 });
    expect(dueCounts(dueRows(answer, [], at('15:00')))).toEqual({ due: 3, overdue: 2 });
  });

  it('keeps the states of a list of another day as the server gave them', () => {
    const rows = dueRows(answer, [], Date.parse('2020-02-06T03:00:00Z'));
    expect(rows.map((r) => r.slots[0].state)).toEqual(['due', 'due', 'done']);
  });
});
