import { DAY_MS, shanghaiDay, shanghaiDayStart } from '../time/shanghai';

// 每日两次健康监测 — the twice-daily checks: a morning and an afternoon slot each day of a measure, each
// with its deadline in Asia/Shanghai, and the fever rule.

export const CHECK_SLOTS = ['am', 'pm'] as const;
export type CheckSlot = (typeof CHECK_SLOTS)[number];

/** When each slot opens and its deadline, in minutes after midnight Asia/Shanghai (上午 7–12 点, 下午 14–19 点). */
export interface SlotTimes {
  am: { opens: number; due: number };
  pm: { opens: number; due: number };
}

export const DEFAULT_SLOT_TIMES: SlotTimes = {
  am: { opens: 7 * 60, due: 12 * 60 },
  pm: { opens: 14 * 60, due: 19 * 60 },
};

/** The slot a check made at instant `t` counts for: the morning until 13:00, then the afternoon. */
export function slotOf(t: number, times: SlotTimes = DEFAULT_SLOT_TIMES): { day: string; slot: CheckSlot } {
  const day = shanghaiDay(t);
  const minute = Math.floor((t - shanghaiDayStart(day)) / 60_000);
  // halfway between the morning's deadline and the afternoon's opening
  const split = Math.round((times.am.due + times.pm.opens) / 2);
  return { day, slot: minute < split ? 'am' : 'pm' };
}

/** The instant (epoch ms) a slot of a day is due. */
export function slotDue(day: string, slot: CheckSlot, times: SlotTimes = DEFAULT_SLOT_TIMES): number {
  return shanghaiDayStart(day) + times[slot].due * 60_000;
}

/** The instant a slot of a day opens. */
export function slotOpens(day: string, slot: CheckSlot, times: SlotTimes = DEFAULT_SLOT_TIMES): number {
  return shanghaiDayStart(day) + times[slot].opens * 60_000;
}

export type SlotState = 'done' | 'overdue' | 'due' | 'later';

/** A slot's state at instant `now`: done when a check counts for it, else overdue past its deadline, due once open. */
export function slotState(
  day: string,
  slot: CheckSlot,
  done: boolean,
  now: number,
  times: SlotTimes = DEFAULT_SLOT_TIMES,
): SlotState {
  if (done) return 'done';
  if (now > slotDue(day, slot, times)) return 'overdue';
  if (now >= slotOpens(day, slot, times)) return 'due';
  return 'later';
}

/**
 * The slots a measure owes up to today: every slot from its first day to today or its last day,
 * whichever comes first, that was due after the measure started (one started at 12:30 owes no morning).
 */
export function slotsOfMeasure(
  m: { startedAt: number; lastDay: string },
  now: number,
  times: SlotTimes = DEFAULT_SLOT_TIMES,
): { day: string; slot: CheckSlot }[] {
  const first = slotOf(m.startedAt, times);
  const today = shanghaiDay(now);
  const last = [m.lastDay, today].sort()[0];
  const out: { day: string; slot: CheckSlot }[] = [];
  for (let t = shanghaiDayStart(first.day); shanghaiDay(t) <= last; t += DAY_MS) {
    const day = shanghaiDay(t);
    for (const slot of CHECK_SLOTS) {
      // owed only when the measure had started before the slot was due
      if (m.startedAt >= slotDue(day, slot, times)) continue;
      out.push({ day, slot });
    }
  }
  return out;
}

/** The deployment's fever threshold in °C (37.3 by default: 体温≥37.3℃). */
export const DEFAULT_FEVER_THRESHOLD = 37.3;

/** A temperature a thermometer can show on a person (°C); outside it the value is a typing error. */
export const BODY_TEMPERATURE = { min: 34, max: 43 } as const;

/**
 * The fever rule: a temperature at or above the threshold, or any symptom, raises an alert and opens a
 * transfer (转运).
 */
export function isAlarming(
  check: { temperatureC?: number | null; symptoms?: readonly string[] | null },
  threshold: number = DEFAULT_FEVER_THRESHOLD,
): boolean {
  const t = check.temperatureC;
  return (t !== undefined && t !== null && t >= threshold) || (check.symptoms?.length ?? 0) > 0;
}
