import type { Locale } from '../i18n/messages';
import type { IsolationPeriod } from '../ledger/colour/facts';
import { addDays, isIsoDate } from '../ledger/keyAreas';
import { MARKER_INFO, MARKERS, type Marker } from '../ledger/markers';
import { shanghaiDay, shanghaiDayStart } from '../time/shanghai';
import { textProblem, toHalfWidth } from '../validators/text';
import {
  type CareItem,
  type CareUnit,
  HELP_KINDS,
  type HelpKind,
  ITEM_KIND_INFO,
  isCareUnit,
  isHelpKind,
  isItemKind,
} from './items';
import type { careMessagesZh } from './messages';

// A request for care (生活保障): who may ask (an isolated or a red-heart household), what it asks for,
// by when, and what a list shows of its state. Pure, no I/O: the server and the web check the same way.

type MessageCode = keyof typeof careMessagesZh;
export interface CareIssue {
  path: string;
  code: MessageCode;
}

// ---------------------------------------------------------------------------------------------------
// Who may ask

/** The red hearts of the ledger (低保、残疾、独居老人、行动不便): the markers of people who need help. */
export const RED_HEART_MARKERS: readonly Marker[] = MARKERS.filter(
  (m) => MARKER_INFO[m].group === 'needs_help',
);

/** Why a household may ask: someone of it is isolated (at home or at a site), or it carries a red heart. */
export const CARE_REASONS = ['isolated', ...RED_HEART_MARKERS] as const;
export type CareReason = 'isolated' | Marker;

export const CARE_REASON_LABELS: Record<CareReason, Record<Locale, string>> = {
  isolated: { 'zh-CN': '隔离户', en: 'isolated household' },
  ...(Object.fromEntries(MARKERS.map((m) => [m, MARKER_INFO[m].label])) as Record<
    Marker,
    Record<Locale, string>
  >),
};

export interface HouseholdForCare {
  /** residents carrying each marker, over the residents who live there (the ledger's counts) */
  markers: Partial<Record<Marker, number>>;
  /** the isolation periods of the residents who live there */
  residents: readonly { isolation?: readonly IsolationPeriod[] }[];
}

/**
 * Why a household may ask for care today, [] when it may not: 'isolated' when a resident who lives there
 * is under home isolation (居家隔离/居家观察) or centralised isolation on `today` (a period from ≤ today
 * ≤ to; no `to` while it runs); health monitoring (健康监测) lets people go out, so it does not count. Then
 * its red hearts, in the ledger's order.
 */
export function careReasons(h: HouseholdForCare, today: string): CareReason[] {
  const reasons: CareReason[] = [];
  const isolated = h.residents.some((r) =>
    (r.isolation ?? []).some(
      (p) =>
        (p.kind === 'home' || p.kind === 'centralised') &&
        p.from !== undefined &&
        p.from <= today &&
        (p.to === undefined || today <= p.to),
    ),
  );
  if (isolated) reasons.push('isolated');
  for (const m of RED_HEART_MARKERS) if ((h.markers[m] ?? 0) > 0) reasons.push(m);
  return reasons;
}

// ---------------------------------------------------------------------------------------------------
// What it asks for

export const MAX_ITEMS = 20;
export const MAX_QUANTITY = 999;
export const MAX_NAME = 40;
export const MAX_NOTE = 300;
/** how many days ahead a household may ask for (a week's shopping at most) */
export const MAX_DAYS_AHEAD = 7;
/** the default deadline: 20:00 Asia/Shanghai of the day asked for */
export const DEFAULT_DUE_HOUR = 20;
/** the least time a volunteer is given, and an urgent request's whole deadline */
export const LEAD_MS = 2 * 3_600_000;

export interface CareRequestForm {
  items?: readonly { kind?: string; quantity?: number; unit?: string; name?: string | null }[];
  help?: readonly string[];
  note?: string | null;
  /** the day it is for ('YYYY-MM-DD', Asia/Shanghai); today when absent */
  day?: string;
  /** deliver by (an instant, ISO 8601); by the day's 20:00 when absent */
  dueAt?: string;
  urgent?: boolean;
}

export interface CheckedCareRequest {
  items: CareItem[];
  help: HelpKind[];
  note: string | null;
  day: string;
  /** epoch ms */
  dueAt: number;
  urgent: boolean;
}

/** A name as typed: half-width, spaces collapsed, trimmed; undefined when empty. */
function cleanName(s: string | null | undefined): string | undefined {
  const v = toHalfWidth(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return v === '' ? undefined : v;
}

const tenths = (q: number) => Math.round(q * 10);

/**
 * The deadline of a request for `day` made at `now`: urgent, two hours from now; otherwise the day's
 * 20:00 (Asia/Shanghai), but never less than two hours from now (a request made at 19:30 is due 21:30).
 */
export function defaultDueAt(day: string, now: number, urgent: boolean): number {
  if (urgent) return now + LEAD_MS;
  return Math.max(shanghaiDayStart(day) + DEFAULT_DUE_HOUR * 3_600_000, now + LEAD_MS);
}

/**
 * Checks a request as a worker or a household typed it; every problem names its field (items.2.unit).
 * At least one item or one kind of help. Items: a known kind, a quantity above 0 and at most 999 in
 * tenths (半斤 = 0.5), a unit the kind is counted in (the kind's usual one when absent), a name where the
 * kind needs one (which medicine); the same kind, unit and name twice is an error. The day: today up to
 * a week ahead (urgent: today only). The deadline: after now, within the week.
 */
export function checkCareRequest(
  f: CareRequestForm,
  now: number,
): { ok: true; value: CheckedCareRequest } | { ok: false; issues: CareIssue[] } {
  const issues: CareIssue[] = [];
  const today = shanghaiDay(now);
  const items: CareItem[] = [];
  const seen = new Map<string, number>();
  const given = f.items ?? [];
  if (given.length > MAX_ITEMS) issues.push({ path: 'items', code: 'care.too_many_items' });
  given.slice(0, MAX_ITEMS).forEach((it, i) => {
    const at = `items.${i}`;
    if (!isItemKind(it.kind)) {
      issues.push({ path: `${at}.kind`, code: 'care.item_kind' });
      return;
    }
    const kind = ITEM_KIND_INFO[it.kind];
    let ok = true;
    const q = it.quantity;
    if (
      typeof q !== 'number' ||
      !Number.isFinite(q) ||
      q <= 0 ||
      q > MAX_QUANTITY ||
      Math.abs(q * 10 - tenths(q)) > 1e-6
    ) {
      issues.push({ path: `${at}.quantity`, code: 'care.quantity' });
      ok = false;
    }
    const chosen: CareUnit | undefined =
      it.unit === undefined || it.unit === ''
        ? kind.units[0]
        : isCareUnit(it.unit) && kind.units.includes(it.unit)
          ? it.unit
          : undefined;
    if (!chosen) {
      issues.push({ path: `${at}.unit`, code: 'care.item_unit' });
      ok = false;
    }
    const name = cleanName(it.name);
    if (name === undefined && kind.nameRequired) {
      issues.push({ path: `${at}.name`, code: 'care.item_name' });
      ok = false;
    } else if (name !== undefined && (name.length > MAX_NAME || textProblem(name))) {
      issues.push({ path: `${at}.name`, code: 'care.item_name_long' });
      ok = false;
    }
    if (!ok || !chosen) return;
    const key = `${it.kind}|${chosen}|${(name ?? '').toLowerCase()}`;
    if (seen.has(key)) {
      issues.push({ path: at, code: 'care.duplicate_item' });
      return;
    }
    seen.set(key, i);
    items.push({ kind: it.kind, quantity: tenths(q as number) / 10, unit: chosen, name: name ?? null });
  });
  const help = new Set<HelpKind>();
  (f.help ?? []).forEach((h, i) => {
    if (isHelpKind(h)) help.add(h);
    else issues.push({ path: `help.${i}`, code: 'care.help_kind' });
  });
  const note = (f.note ?? '').trim();
  if (note.length > MAX_NOTE || textProblem(note)) issues.push({ path: 'note', code: 'care.note' });
  if (given.length === 0 && (f.help ?? []).length === 0)
    issues.push({ path: 'items', code: 'care.nothing_asked' });

  const urgent = f.urgent === true;
  let dueAt: number | undefined;
  if (f.dueAt !== undefined) {
    const t = Date.parse(f.dueAt);
    if (
      !/^\d{4}-\d{2}-\d{2}T/.test(f.dueAt) ||
      Number.isNaN(t) ||
      t <= now ||
      t > now + (MAX_DAYS_AHEAD + 1) * 86_400_000
    )
      issues.push({ path: 'dueAt', code: 'care.due_at' });
    else dueAt = t;
  }
  let day = f.day ?? (dueAt !== undefined ? shanghaiDay(dueAt) : today);
  if (!isIsoDate(day) || day < today || day > addDays(today, MAX_DAYS_AHEAD)) {
    issues.push({ path: 'day', code: 'care.day' });
    day = today;
  } else if (urgent && day !== today) issues.push({ path: 'day', code: 'care.urgent_today' });
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    value: {
      items,
      help: HELP_KINDS.filter((h) => help.has(h)),
      note: note === '' ? null : note,
      day,
      dueAt: dueAt ?? defaultDueAt(day, now, urgent),
      urgent,
    },
  };
}

/** Who received the goods at the door (本人, 家属), required when it is marked delivered. */
export function checkDelivery(f: {
  receivedBy?: string;
  note?: string | null;
}): { ok: true; value: { receivedBy: string; note: string | null } } | { ok: false; issues: CareIssue[] } {
  const issues: CareIssue[] = [];
  const receivedBy = cleanName(f.receivedBy);
  if (receivedBy === undefined || receivedBy.length > 30 || textProblem(receivedBy))
    issues.push({ path: 'receivedBy', code: 'care.received_by' });
  const note = (f.note ?? '').trim();
  if (note.length > MAX_NOTE || textProblem(note)) issues.push({ path: 'note', code: 'care.note' });
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { receivedBy: receivedBy as string, note: note === '' ? null : note } };
}

// ---------------------------------------------------------------------------------------------------
// Its state

/** open: nobody took it yet; assigned: a volunteer has it; delivered; cancelled (by the office). */
export const CARE_STATES = ['open', 'assigned', 'delivered', 'cancelled'] as const;
export type CareState = (typeof CARE_STATES)[number];
/** What a list shows: an open request past its deadline is overdue (computed when read: no job runs). */
export type CareView = CareState | 'overdue';

export const CARE_VIEW_LABELS: Record<CareView, Record<Locale, string>> = {
  open: { 'zh-CN': '待接单', en: 'waiting' },
  overdue: { 'zh-CN': '超时未接单', en: 'overdue' },
  assigned: { 'zh-CN': '配送中', en: 'on its way' },
  delivered: { 'zh-CN': '已送达', en: 'delivered' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

export function careView(state: CareState, dueAt: number, now: number): CareView {
  return state === 'open' && dueAt < now ? 'overdue' : state;
}

/** A volunteer has it, but the deadline has passed and it is not delivered yet. */
export function isLate(state: CareState, dueAt: number, now: number): boolean {
  return state === 'assigned' && dueAt < now;
}

/** The door as the volunteer looks for it: '2单元 401', 'entrance 2, 401'; the entrance left out when none. */
export function doorText(entrance: string, door: string, locale: Locale): string {
  const e = entrance.trim();
  if (e === '') return door;
  if (locale === 'en') return `entrance ${e}, ${door}`;
  return `${/^\d+$/.test(e) ? `${e}单元` : e} ${door}`;
}
