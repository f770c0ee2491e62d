import { addDays, type KeyArea, normaliseAreaCode, validateKeyAreaList } from '../keyAreas';
import type { ActiveIsolationKind } from './facts';
import type { AttentionColour } from './palette';

// ---------------------------------------------------------------------------------------------------
// The policy a deployment sets

export interface ColourPolicy {
  /**
   * The deployment's own city (or county): its GB/T 2260 code, '4101' or '410100' for 郑州市. A stay
   * outside it is "left the city" (离郑); a stay inside it is not travel.
   */
  homeAreaCode: string;
  /** the key areas with their dates (see keyAreas.ts) */
  keyAreas: readonly KeyArea[];
  /** how many days back a stay, a contact or a symptom counts; default 14 */
  windowDays?: number;
  /** a temperature at or above this is a fever; default 37.3 °C, the checkpoint threshold */
  feverThresholdC?: number;
  /** the colour each active isolation gives; default centralised red, home orange, health monitoring yellow */
  isolationColours?: Partial<Record<ActiveIsolationKind, AttentionColour>>;
  /**
   * The colour a contact with a key person (not a case) gives within the window, or null to leave it out
   * of the colour. Default null: the rules name contacts with confirmed and suspected cases only.
   */
  keyPersonContactColour?: AttentionColour | null;
}

export const DEFAULT_WINDOW_DAYS = 14;
export const DEFAULT_FEVER_THRESHOLD_C = 37.3;
export const DEFAULT_ISOLATION_COLOURS: Readonly<Record<ActiveIsolationKind, AttentionColour>> = {
  centralised: 'red',
  home: 'orange',
  health_monitoring: 'yellow',
};

export interface PolicyIssue {
  field:
    | 'homeAreaCode'
    | 'keyAreas'
    | 'windowDays'
    | 'feverThresholdC'
    | 'isolationColours'
    | 'keyPersonContactColour';
  code: string;
  /** for keyAreas: the entry */
  index?: number;
}

const ATTENTION_COLOURS: readonly string[] = ['red', 'orange', 'yellow'];

/** Checks a deployment's policy; an empty result means it is good. */
export function validateColourPolicy(policy: ColourPolicy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const home = typeof policy.homeAreaCode === 'string' ? policy.homeAreaCode.trim() : '';
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(home) || normaliseAreaCode(home) === undefined) {
    issues.push({ field: 'homeAreaCode', code: 'policy.home_area' });
  }
  if (!Array.isArray(policy.keyAreas as unknown))
    issues.push({ field: 'keyAreas', code: 'policy.key_areas' });
  else {
    for (const i of validateKeyAreaList(policy.keyAreas))
      issues.push({ field: 'keyAreas', code: i.code, index: i.index });
  }
  const w = policy.windowDays;
  if (w !== undefined && !(Number.isInteger(w) && w >= 1 && w <= 366)) {
    issues.push({ field: 'windowDays', code: 'policy.window_days' });
  }
  const f = policy.feverThresholdC;
  if (f !== undefined && !(Number.isFinite(f) && f >= 36 && f <= 40)) {
    issues.push({ field: 'feverThresholdC', code: 'policy.fever_threshold' });
  }
  for (const [k, c] of Object.entries(policy.isolationColours ?? {})) {
    if (
      !['home', 'centralised', 'health_monitoring'].includes(k) ||
      (c !== undefined && !ATTENTION_COLOURS.includes(c))
    ) {
      issues.push({ field: 'isolationColours', code: 'policy.isolation_colour' });
    }
  }
  const k = policy.keyPersonContactColour;
  if (k !== undefined && k !== null && !ATTENTION_COLOURS.includes(k)) {
    issues.push({ field: 'keyPersonContactColour', code: 'policy.key_person_contact_colour' });
  }
  return issues;
}

/**
 * The first day that still counts on `today`: a stay, contact or symptom counts when its (last) day is at
 * most `windowDays` days before today. With 14, on 2020-02-14 a return on 2020-01-31 still counts — the
 * fourteenth day after it, as a 14-day observation counted from the day after the last exposure — and on
 * 2020-02-15 it no longer does.
 */
export function windowStart(today: string, windowDays = DEFAULT_WINDOW_DAYS): string {
  return addDays(today, -windowDays);
}
