import { describe, expect, it } from 'vitest';
import type { CareRequest } from '../../http/care';
import type { QueuedWrite } from '../offline/db';
import { DELIVER_KIND, deliverUrl, queuedCare, TAKE_KIND, takeUrl, taskRows } from './tasks';

function request(id: string, state: CareRequest['state'], dueAt: string): CareRequest {
  return {
    id,
    clientId: null,
    householdKey: '410105-9',
    unit: { code: '410105002008G01', name: '第一网格' },
    community: { code: '410105002008', name: '省民航社区' },
    entrance: '1',
    door: '301',
    address: '3号楼 1单元 301',
    reasons: ['isolated'],
    day: '2020-02-05',
    dueAt,
    urgent: false,
    items: [{ kind: 'rice', quantity: 10, unit: 'jin', name: null }],
    help: [],
    note: null,
    source: 'household',
    state,
    late: false,
    volunteer: null,
    assignedAt: null,
    deliveredAt: null,
    deliveredBy: null,
    receivedBy: null,
    deliveryNote: null,
    cancelReason: null,
    createdBy: null,
    createdAt: '2020-02-05T01:00:00.000Z',
  };
}

function write(kind: string, url: string, over: Partial<QueuedWrite> = {}): QueuedWrite {
  return {
    clientId: `${kind}-${url}`,
    kind,
    label: '',
    method: 'POST',
    url,
    user: '7',
    createdAt: 0,
    state: 'pending',
    attempts: 0,
    nextAt: 0,
    ...over,
  };
}

describe('the volunteer’s deliveries on the phone', () => {
  it('reads the pending takes and deliveries of the queue, not the refused ones nor other writes', () => {
    const q = queuedCare([
      write(TAKE_KIND, takeUrl('410105-1')),
      write(DELIVER_KIND, deliverUrl('410105-1'), { body: { receivedBy: '本人' } }),
      write(DELIVER_KIND, deliverUrl('410105-2'), { state: 'refused', body: { receivedBy: '家属' } }),
      write('isolation.check', '/api/isolation/key-persons/410105-3/checks'),
    ]);
    expect([...q.entries()]).toEqual([['410105-1', { take: true, deliveredTo: '本人' }]]);
  });

  it('moves an open request taken on the phone to mine, shows a waiting delivery as delivered', () => {
    const tasks = {
      day: '2020-02-05',
      mine: [
        request('410105-1', 'delivered', '2020-02-05T10:00:00.000Z'),
        request('410105-2', 'assigned', '2020-02-05T12:00:00.000Z'),
        request('410105-3', 'assigned', '2020-02-05T09:00:00.000Z'),
      ],
      open: [
        request('410105-4', 'overdue', '2020-02-05T02:00:00.000Z'),
        request('410105-5', 'open', '2020-02-05T11:00:00.000Z'),
      ],
    };
    const rows = taskRows(tasks, [
      write(TAKE_KIND, takeUrl('410105-5')),
      write(DELIVER_KIND, deliverUrl('410105-3'), { body: { receivedBy: '家属' } }),
    ]);
    expect(rows.mine.map((r) => [r.id, r.state, r.pending, r.receivedBy])).toEqual([
      ['410105-5', 'open', 'take', null],
      ['410105-2', 'assigned', null, null],
      ['410105-1', 'delivered', null, null],
      ['410105-3', 'assigned', 'deliver', '家属'],
    ]);
    expect(rows.open.map((r) => r.id)).toEqual(['410105-4']);
    // the server has it already: nothing is pending any more
    const sent = taskRows({ ...tasks, open: [] }, [write(TAKE_KIND, takeUrl('410105-2'))]);
    expect(sent.mine.find((r) => r.id === '410105-2')?.pending).toBeNull();
  });
});
