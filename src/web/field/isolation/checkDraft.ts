import { isAlarming } from '../../../domain/isolation/checks';
import { type CHECK_WAYS, checkCheckForm, type FormIssue, type MOODS } from '../../../domain/isolation/forms';
import type { Symptom } from '../../../domain/ledger/colour/facts';
import { parseTemperature } from '../screening/visitDraft';

// The twice-daily check as the phone's form holds it (每日两次健康监测), the keypad's rules for the
// temperature, and the body the offline queue sends to POST /api/isolation/key-persons/{id}/checks.

export type CheckWay = (typeof CHECK_WAYS)[number];
export type Mood = (typeof MOODS)[number];

export interface CheckDraft {
  how: CheckWay;
  /** as typed on the keypad ('36.6'); blank: not measured */
  temperature: string;
  symptoms: Symptom[];
  mood: Mood | '';
  needs: string;
  note: string;
}

/** A fresh form: at the door (the usual way), nothing else filled. */
export function newCheckDraft(how: CheckWay = 'door'): CheckDraft {
  return { how, temperature: '', symptoms: [], mood: '', needs: '', note: '' };
}

/** The quick buttons: most readings are 36.x. */
export const QUICK_TEMPERATURES = [
  '36.0',
  '36.1',
  '36.2',
  '36.3',
  '36.4',
  '36.5',
  '36.6',
  '36.7',
  '36.8',
  '36.9',
];

export const PAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '0', 'del'] as const;
export type PadKey = (typeof PAD_KEYS)[number] | 'clear';

/**
 * One key of the temperature keypad: at most two digits before the point and one after; after two
 * digits a third one comes after the point by itself (3, 8, 1 → 38.1).
 */
export function pressKey(text: string, key: PadKey): string {
  if (key === 'clear') return '';
  if (key === 'del') return text.slice(0, -1);
  const [whole, fraction] = text.split('.');
  if (key === '.') {
    if (fraction !== undefined) return text;
    return whole === '' ? '0.' : `${text}.`;
  }
  if (fraction !== undefined) return fraction.length >= 1 ? text : `${text}${key}`;
  if (whole.length >= 2) return `${text}.${key}`;
  return `${text}${key}`;
}

/** Turn a symptom on or off, in the order of the list. */
export function toggleSymptom(list: readonly Symptom[], s: Symptom, order: readonly Symptom[]): Symptom[] {
  const next = list.includes(s) ? list.filter((x) => x !== s) : [...list, s];
  return order.filter((x) => next.includes(x));
}

export interface CheckBody {
  clientId: string;
  how: CheckWay;
  temperatureC?: number;
  symptoms?: Symptom[];
  mood?: Mood;
  needs?: string;
  note?: string;
  /** when the check was made, in the platform's time: a check sent later still counts for its slot */
  checkedAt?: string;
}

/**
 * What the queue sends: only what was filled in, and when it was made (the platform's instant; absent
 * when the phone never heard the platform's clock: the server's time of arrival counts then).
 */
export function checkBody(d: CheckDraft, clientId: string, checkedAt: number | undefined): CheckBody {
  const body: CheckBody = { clientId, how: d.how };
  if (checkedAt !== undefined) body.checkedAt = new Date(checkedAt).toISOString();
  const t = parseTemperature(d.temperature);
  if (t !== undefined) body.temperatureC = t;
  if (d.symptoms.length) body.symptoms = [...d.symptoms];
  if (d.mood) body.mood = d.mood;
  if (d.needs.trim()) body.needs = d.needs.trim();
  if (d.note.trim()) body.note = d.note.trim();
  return body;
}

/** The server's own checks of the form (checkCheckForm), made before the check is queued. */
export function checkIssues(d: CheckDraft, checkedAt?: number): FormIssue[] {
  const typed = d.temperature.trim() !== '';
  const t = parseTemperature(d.temperature);
  const issues = checkCheckForm(
    {
      how: d.how,
      temperatureC: t ?? null,
      symptoms: d.symptoms,
      mood: d.mood || null,
      ...(checkedAt === undefined ? {} : { checkedAt: new Date(checkedAt).toISOString() }),
    },
    checkedAt ?? Date.now(),
  );
  // '36.' or '.' is not a temperature either
  if (
    typed &&
    (t === undefined || d.temperature.endsWith('.')) &&
    !issues.some((i) => i.path === 'temperatureC')
  )
    issues.push({ path: 'temperatureC', code: 'isolation.temperature' });
  return issues;
}

/** Why the check will raise an alert and open a transfer (the fever rule), or null. */
export function alarmOf(d: CheckDraft, threshold: number): 'fever' | 'symptom' | null {
  const t = parseTemperature(d.temperature) ?? null;
  if (!isAlarming({ temperatureC: t, symptoms: d.symptoms }, threshold)) return null;
  return t !== null && t >= threshold ? 'fever' : 'symptom';
}
