import { type HouseholdColour, isHouseholdColour } from './palette';
import type { ColourReason, DerivedColour } from './reasons';

// ---------------------------------------------------------------------------------------------------
// Overrides by hand, and the history of changes

/** A colour set by hand (a worker who knows better than the facts), with the mandatory reason. */
export interface ColourOverride {
  colour: HouseholdColour;
  reason: string;
  /** user id of who set it */
  by: string;
  /** when: an ISO 8601 instant with its offset ('2020-02-03T09:30:00+08:00', or toISOString()) */
  at: string;
}

export interface OverrideIssue {
  field: 'colour' | 'reason' | 'by' | 'at';
  code: 'override.colour' | 'override.reason_required' | 'override.by_required' | 'override.at';
}

/** The colour a household shows: what the rules derive, or the override by hand when there is one. */
export interface EffectiveColour {
  ok: true;
  colour: HouseholdColour;
  source: 'rules' | 'override';
  /** what the rules say, kept to show beside an override ("set red by hand; the rules say green") */
  derived: DerivedColour;
  override?: ColourOverride;
  /** why it shows this colour: the override, or the rules' reasons */
  reasons: ColourReason[];
}

export type OverrideResult = EffectiveColour | { ok: false; errors: OverrideIssue[] };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Whether `s` is an ISO 8601 instant with an offset. */
export function isInstant(s: unknown): s is string {
  return typeof s === 'string' && INSTANT.test(s) && Number.isFinite(Date.parse(s));
}

/** Checks an override: a colour, a reason that is not blank, who, and when. */
export function validateOverride(o: ColourOverride): OverrideIssue[] {
  const issues: OverrideIssue[] = [];
  if (!isHouseholdColour(o.colour)) issues.push({ field: 'colour', code: 'override.colour' });
  if (typeof o.reason !== 'string' || o.reason.trim() === '') {
    issues.push({ field: 'reason', code: 'override.reason_required' });
  }
  if (typeof o.by !== 'string' || o.by.trim() === '')
    issues.push({ field: 'by', code: 'override.by_required' });
  if (!isInstant(o.at)) issues.push({ field: 'at', code: 'override.at' });
  return issues;
}

/**
 * Rule O: an override by hand replaces the derived colour — any colour, white included — while it stands;
 * it needs a reason that is not blank (a validation error otherwise). Without one, the derived colour.
 */
export function applyOverride(derived: DerivedColour, override?: ColourOverride): OverrideResult {
  if (override === undefined) {
    return { ok: true, colour: derived.colour, source: 'rules', derived, reasons: derived.reasons };
  }
  const errors = validateOverride(override);
  if (errors.length > 0) return { ok: false, errors };
  const o: ColourOverride = { ...override, reason: override.reason.trim(), by: override.by.trim() };
  return {
    ok: true,
    colour: o.colour,
    source: 'override',
    derived,
    override: o,
    reasons: [{ code: 'override', colour: o.colour, reason: o.reason, by: o.by, at: o.at }],
  };
}

/** Why a colour changed: the rules (with their reasons) or a person (with their words). */
export type ColourChangeWhy =
  | { kind: 'rules'; reasons: readonly ColourReason[] }
  | { kind: 'manual'; text: string };

/** A row of the household's colour history (append-only; DESIGN.md rule 2). */
export interface ColourChange {
  /** null for the first colour of a new household */
  from: HouseholdColour | null;
  to: HouseholdColour;
  why: ColourChangeWhy;
  /** user id, or 'system' for a recomputation by the rules */
  who: string;
  /** ISO 8601 instant */
  when: string;
}

/** The user id recorded when the rules, not a person, change a colour. */
export const SYSTEM_ACTOR = 'system';

/**
 * Builds a history row: from, to, why (a person's words, or the rules' reasons), who, when. A blank
 * manual reason is kept as the empty string here — validate with applyOverride before.
 */
export function colourChange(
  from: HouseholdColour | null,
  to: HouseholdColour,
  reason: string | readonly ColourReason[],
  by: string,
  at: string,
): ColourChange {
  const why: ColourChangeWhy =
    typeof reason === 'string'
      ? { kind: 'manual', text: reason.trim() }
      : { kind: 'rules', reasons: [...reason] };
  return { from, to, why, who: by, when: at };
}

/**
 * The history row to write when a household's shown colour becomes `next`, or undefined when it stays
 * the same (no change, no row). An override records its reason and its author; the rules record their
 * reasons and `who` (SYSTEM_ACTOR when a recomputation, the worker when their screening caused it).
 */
export function nextColourChange(
  current: HouseholdColour | null,
  next: EffectiveColour,
  who: string,
  when: string,
): ColourChange | undefined {
  if (current === next.colour) return undefined;
  if (next.source === 'override' && next.override) {
    return colourChange(current, next.colour, next.override.reason, next.override.by, when);
  }
  return colourChange(current, next.colour, next.reasons, who, when);
}
