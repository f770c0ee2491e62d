import { SYMPTOMS } from '../ledger/colour/facts';
import { isIsoDate } from '../ledger/keyAreas';
import { validateIdNumber } from '../validators/idNumber';
import { validatePhone } from '../validators/phone';
import { BODY_TEMPERATURE } from './checks';
import {
  KEY_PERSON_CATEGORIES,
  KEY_PERSON_SOURCES,
  type KeyPersonCategory,
  type KeyPersonSource,
} from './keyPerson';
import type { isolationMessagesZh } from './messages';

// The forms of key persons and checks, checked before anything is stored: each problem names its field.

type MessageCode = keyof typeof isolationMessagesZh;
export interface FormIssue {
  path: string;
  code: MessageCode;
}

export interface KeyPersonForm {
  name?: string;
  idNumber?: string;
  phone?: string;
  category?: string;
  source?: string;
}

export interface CheckedKeyPerson {
  name: string;
  idNumber?: string;
  phone?: string;
  category: KeyPersonCategory;
  source: KeyPersonSource;
}

const trimmed = (s: string | undefined) => {
  const v = s?.trim();
  return v ? v : undefined;
};

/** A key person as typed or imported: name required; ID number (GB 11643) and phone checked when given. */
export function checkKeyPersonForm(
  f: KeyPersonForm,
  today: Date,
): { ok: true; value: CheckedKeyPerson } | { ok: false; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const name = trimmed(f.name);
  if (!name) issues.push({ path: 'name', code: 'isolation.name' });
  let idNumber = trimmed(f.idNumber);
  if (idNumber !== undefined) {
    const r = validateIdNumber(idNumber, { today });
    if (r.ok) idNumber = r.value;
    else issues.push({ path: 'idNumber', code: 'isolation.id_number' });
  }
  let phone = trimmed(f.phone);
  if (phone !== undefined) {
    const r = validatePhone(phone);
    if (r.ok) phone = r.value;
    else issues.push({ path: 'phone', code: 'isolation.phone' });
  }
  if (!(KEY_PERSON_CATEGORIES as readonly string[]).includes(f.category ?? ''))
    issues.push({ path: 'category', code: 'isolation.category' });
  if (!(KEY_PERSON_SOURCES as readonly string[]).includes(f.source ?? ''))
    issues.push({ path: 'source', code: 'isolation.source' });
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    value: {
      name: name as string,
      ...(idNumber ? { idNumber } : {}),
      ...(phone ? { phone } : {}),
      category: f.category as KeyPersonCategory,
      source: f.source as KeyPersonSource,
    },
  };
}

export const CHECK_WAYS = ['door', 'phone'] as const;
export const MOODS = ['good', 'fair', 'poor'] as const;

export interface CheckForm {
  how?: string;
  temperatureC?: number | null;
  symptoms?: readonly string[];
  mood?: string | null;
  /** when it was made (ISO instant); absent: now */
  checkedAt?: string;
}

/** How far back a check made offline may be sent (the phone was without signal for days, at most 3). */
export const CHECK_BACKDATE_MS = 3 * 86_400_000;

/** A health check: a temperature a thermometer shows, known symptoms, a way, a mood, a time not in the future. */
export function checkCheckForm(f: CheckForm, now: number): FormIssue[] {
  const issues: FormIssue[] = [];
  if (!(CHECK_WAYS as readonly string[]).includes(f.how ?? ''))
    issues.push({ path: 'how', code: 'isolation.how' });
  const t = f.temperatureC;
  if (t !== undefined && t !== null && !(t >= BODY_TEMPERATURE.min && t <= BODY_TEMPERATURE.max))
    issues.push({ path: 'temperatureC', code: 'isolation.temperature' });
  (f.symptoms ?? []).forEach((s, i) => {
    if (!(SYMPTOMS as readonly string[]).includes(s))
      issues.push({ path: `symptoms.${i}`, code: 'isolation.symptom' });
  });
  if (f.mood !== undefined && f.mood !== null && !(MOODS as readonly string[]).includes(f.mood))
    issues.push({ path: 'mood', code: 'isolation.mood' });
  if (f.checkedAt !== undefined) {
    const at = Date.parse(f.checkedAt);
    // five minutes' grace for a phone's clock
    if (Number.isNaN(at) || at > now + 300_000 || at < now - CHECK_BACKDATE_MS)
      issues.push({ path: 'checkedAt', code: 'isolation.checked_at' });
  }
  return issues;
}

/** A day as the forms take it: 'YYYY-MM-DD'. */
export function isDay(s: unknown): s is string {
  return isIsoDate(s);
}
