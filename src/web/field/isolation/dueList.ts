import { type CheckSlot, type SlotState, slotOf, slotState } from '../../../domain/isolation/checks';
import { shanghaiDay } from '../../../domain/time/shanghai';
import type { QueuedWrite } from '../offline/db';

// The worker's checks due today (GET /api/isolation/checks/due), as the phone shows them: the checks
// waiting in the phone's queue count as done at once, the slots' states follow the clock while the list
// is kept on the phone, and the people come overdue first, then due, later, done.

export const CHECK_KIND = 'isolation.check';

export interface DueSlot {
  slot: CheckSlot;
  dueAt: string;
  state: SlotState;
}

/** A key person of the due list (the fields the phone uses of the server's answer). */
export interface DueItem {
  id: string;
  name: string;
  address: string | null;
  unitName: string;
  measure: string | null;
  dayOfPeriod: number | null;
  measureLastDay: string | null;
  lastCheckedAt: string | null;
  lastTemperatureC: number | null;
  fever: boolean;
  slots: DueSlot[];
}

export interface DueAnswer {
  day: string;
  overdue: number;
  truncated?: boolean;
  items: DueItem[];
}

/** A check kept in the phone's queue: whose, when, the temperature. */
export interface QueuedCheck {
  keyPersonId: string;
  checkedAt: number;
  temperatureC: number | null;
}

const URL_RE = /^\/api\/isolation\/key-persons\/([^/]+)\/checks$/;

/** The url a check of a key person is sent to. */
export function checkUrl(keyPersonId: string): string {
  return `/api/isolation/key-persons/${encodeURIComponent(keyPersonId)}/checks`;
}

/** The checks waiting in the queue (not the refused ones: those are not done). */
export function queuedChecks(writes: readonly QueuedWrite[]): QueuedCheck[] {
  const out: QueuedCheck[] = [];
  for (const w of writes) {
    if (w.kind !== CHECK_KIND || w.state !== 'pending') continue;
    const m = URL_RE.exec(w.url);
    if (!m) continue;
    const body = (w.body ?? {}) as { checkedAt?: string; temperatureC?: number };
    const at = body.checkedAt ? Date.parse(body.checkedAt) : w.createdAt;
    out.push({
      keyPersonId: decodeURIComponent(m[1]),
      checkedAt: Number.isNaN(at) ? w.createdAt : at,
      temperatureC: typeof body.temperatureC === 'number' ? body.temperatureC : null,
    });
  }
  return out;
}

export interface DueRow extends Omit<DueItem, 'slots'> {
  slots: (DueSlot & { queued: boolean })[];
  /** a check of this person waits in the queue */
  queued: boolean;
  /** the most urgent state of the slots */
  urgency: SlotState;
}

const ORDER: Record<SlotState, number> = { overdue: 0, due: 1, later: 2, done: 3 };

/**
 * The rows of the list at the platform's instant `now`: a slot with a check in the queue is done; on
 * the list's own day the others' states are worked out again (a kept list goes on being right).
 */
export function dueRows(answer: DueAnswer, queued: readonly QueuedCheck[], now: number): DueRow[] {
  const sameDay = shanghaiDay(now) === answer.day;
  const rows = answer.items.map((item) => {
    const mine = queued.filter((q) => q.keyPersonId === item.id);
    const queuedSlots = new Set(
      mine.map((q) => slotOf(q.checkedAt)).flatMap((s) => (s.day === answer.day ? [s.slot] : [])),
    );
    const slots = item.slots.map((s) => {
      const queuedHere = queuedSlots.has(s.slot);
      const done = s.state === 'done' || queuedHere;
      const state: SlotState = done ? 'done' : sameDay ? slotState(answer.day, s.slot, false, now) : s.state;
      return { ...s, queued: queuedHere && s.state !== 'done', state };
    });
    const last = [...mine].sort((a, b) => b.checkedAt - a.checkedAt)[0];
    const urgency = slots.reduce<SlotState>((u, s) => (ORDER[s.state] < ORDER[u] ? s.state : u), 'done');
    return {
      ...item,
      slots,
      queued: mine.length > 0,
      urgency,
      ...(last && last.temperatureC !== null ? { lastTemperatureC: last.temperatureC } : {}),
    };
  });
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => ORDER[a.r.urgency] - ORDER[b.r.urgency] || a.i - b.i)
    .map(({ r }) => r);
}

/** The checks still to do today: those due now and those past their deadline. */
export function dueCounts(rows: readonly DueRow[]): { due: number; overdue: number } {
  let due = 0;
  let overdue = 0;
  for (const r of rows)
    for (const s of r.slots) {
      if (s.state === 'due') due += 1;
      else if (s.state === 'overdue') overdue += 1;
    }
  return { due, overdue };
}
