import { isIsoDate, normaliseAreaCode } from '../keyAreas';
import { CONTACT_KINDS, type HouseholdFacts, ISOLATION_KINDS, SYMPTOMS, UNDATED_STAYS } from './facts';

// ---------------------------------------------------------------------------------------------------
// Checking the facts

export interface FactIssue {
  /** where: 'residents[0].travel[1].from' */
  path: string;
  code:
    | 'fact.date'
    | 'fact.range'
    | 'fact.place'
    | 'fact.symptom'
    | 'fact.temperature'
    | 'fact.kind'
    | 'fact.shape';
}

const COUNTRY_CODE = /^[A-Z]{2,3}$/;

/** Whether a travel place is a division code or a country code (see TravelStay). */
export function isPlaceCode(s: unknown): s is string {
  return typeof s === 'string' && (normaliseAreaCode(s) !== undefined || COUNTRY_CODE.test(s));
}

export function arrayOrEmpty<T>(a: readonly T[] | undefined): readonly T[] {
  return a ?? [];
}

/**
 * Checks a household's facts: real dates, ranges in order, known symptoms and kinds, a plausible
 * temperature (30–45 °C; 373 is a missing dot, not a fever), known place codes. The server validates
 * what it stores with this; deriveColour refuses facts that fail it rather than give a wrong colour.
 */
export function validateHouseholdFacts(facts: HouseholdFacts): FactIssue[] {
  const issues: FactIssue[] = [];
  if (!facts || !Array.isArray(facts.residents as unknown))
    return [{ path: 'residents', code: 'fact.shape' }];
  const date = (v: unknown, path: string) => {
    if (!isIsoDate(v)) issues.push({ path, code: 'fact.date' });
    return isIsoDate(v);
  };
  facts.residents.forEach((r, i) => {
    const at = `residents[${i}]`;
    if (typeof (r as unknown) !== 'object' || r === null) {
      issues.push({ path: at, code: 'fact.shape' });
      return;
    }
    arrayOrEmpty(r.health).forEach((h, j) => {
      const p = `${at}.health[${j}]`;
      date(h.date, `${p}.date`);
      arrayOrEmpty(h.symptoms).forEach((s, k) => {
        if (!(SYMPTOMS as readonly string[]).includes(s))
          issues.push({ path: `${p}.symptoms[${k}]`, code: 'fact.symptom' });
      });
      const t = h.temperatureC;
      if (t !== undefined && !(typeof t === 'number' && Number.isFinite(t) && t >= 30 && t <= 45)) {
        issues.push({ path: `${p}.temperatureC`, code: 'fact.temperature' });
      }
    });
    arrayOrEmpty(r.travel).forEach((s, j) => {
      const p = `${at}.travel[${j}]`;
      if (!isPlaceCode(s.placeCode)) issues.push({ path: `${p}.placeCode`, code: 'fact.place' });
      // the first day may be missing (an undated stay counts through the window), never malformed
      const fromOk = s.from !== undefined && date(s.from, `${p}.from`);
      if (s.to !== undefined && date(s.to, `${p}.to`) && fromOk && s.to < (s.from as string)) {
        issues.push({ path: `${p}.to`, code: 'fact.range' });
      }
      if (s.recordedOn !== undefined) date(s.recordedOn, `${p}.recordedOn`);
      if (s.undated !== undefined && !(UNDATED_STAYS as readonly string[]).includes(s.undated))
        issues.push({ path: `${p}.undated`, code: 'fact.kind' });
    });
    arrayOrEmpty(r.contacts).forEach((c, j) => {
      const p = `${at}.contacts[${j}]`;
      if (!(CONTACT_KINDS as readonly string[]).includes(c.kind))
        issues.push({ path: `${p}.kind`, code: 'fact.kind' });
      date(c.date, `${p}.date`);
    });
    arrayOrEmpty(r.isolation).forEach((s, j) => {
      const p = `${at}.isolation[${j}]`;
      if (!(ISOLATION_KINDS as readonly string[]).includes(s.kind)) {
        issues.push({ path: `${p}.kind`, code: 'fact.kind' });
        return;
      }
      if (s.kind === 'none') return;
      const fromOk = date(s.from, `${p}.from`);
      if (s.to !== undefined && date(s.to, `${p}.to`) && fromOk && s.to < (s.from as string)) {
        issues.push({ path: `${p}.to`, code: 'fact.range' });
      }
    });
  });
  return issues;
}
