import type { CareRequest, CareTasks } from '../../http/care';
import type { QueuedWrite } from '../offline/db';

// The volunteer's deliveries (GET /api/care/tasks) as the phone shows them: a take or a delivery waiting
// in the phone's queue counts at once (an open request taken moves to mine; one delivered shows as
// delivered, with who received it), so that a round without a network reads true. Pure, no I/O.

export const TAKE_KIND = 'care.take';
export const DELIVER_KIND = 'care.deliver';

const enc = encodeURIComponent;
export const takeUrl = (id: string) => `/api/care/tasks/${enc(id)}/take`;
export const deliverUrl = (id: string) => `/api/care/tasks/${enc(id)}/delivered`;

const URL_RE = /^\/api\/care\/tasks\/([^/]+)\/(take|delivered)$/;

export interface QueuedCare {
  take: boolean;
  /** who received it, when a delivery waits */
  deliveredTo: string | null;
}

/** The takes and deliveries waiting in the queue, by request (the refused ones are not done). */
export function queuedCare(writes: readonly QueuedWrite[]): Map<string, QueuedCare> {
  const out = new Map<string, QueuedCare>();
  for (const w of writes) {
    if ((w.kind !== TAKE_KIND && w.kind !== DELIVER_KIND) || w.state !== 'pending') continue;
    const m = URL_RE.exec(w.url);
    if (!m) continue;
    const id = decodeURIComponent(m[1]);
    const q = out.get(id) ?? { take: false, deliveredTo: null };
    if (m[2] === 'take') q.take = true;
    else q.deliveredTo = String((w.body as { receivedBy?: string } | undefined)?.receivedBy ?? '');
    out.set(id, q);
  }
  return out;
}

export interface TaskRow extends CareRequest {
  /** what waits in the phone's queue for it */
  pending: 'take' | 'deliver' | null;
}

const onItsWay = (r: TaskRow) => r.state === 'assigned' || r.state === 'open' || r.state === 'overdue';
const byDeadline = (a: TaskRow, b: TaskRow) => Date.parse(a.dueAt) - Date.parse(b.dueAt);

/**
 * My tasks and the open ones, with what waits in the queue: mine on their way first (by deadline),
 * then those delivered; an open one I took or delivered is among mine.
 */
export function taskRows(
  tasks: CareTasks,
  writes: readonly QueuedWrite[],
): { mine: TaskRow[]; open: TaskRow[] } {
  const queued = queuedCare(writes);
  const mark = (r: CareRequest): TaskRow => {
    const q = queued.get(r.id);
    if (q?.deliveredTo !== undefined && q.deliveredTo !== null && r.state !== 'delivered')
      return { ...r, pending: 'deliver', receivedBy: q.deliveredTo };
    if (q?.take && r.state !== 'assigned' && r.state !== 'delivered') return { ...r, pending: 'take' };
    return { ...r, pending: null };
  };
  const mine = tasks.mine.map(mark);
  const open: TaskRow[] = [];
  for (const r of tasks.open.map(mark)) (r.pending ? mine : open).push(r);
  const active = mine.filter((r) => onItsWay(r) && r.pending !== 'deliver').sort(byDeadline);
  const done = mine.filter((r) => !onItsWay(r) || r.pending === 'deliver');
  return { mine: [...active, ...done], open };
}
