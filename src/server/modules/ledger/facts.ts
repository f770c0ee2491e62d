import { translate } from '../../../domain/i18n/messages';
import { type FactIssue, validateHouseholdFacts } from '../../../domain/ledger/colours';
import type { StoredFacts } from '../../../domain/ledger/household';
import type { Actor } from '../../platform/access';
import { AppError } from '../../platform/errors';

// A resident's facts (health, travel, contacts) as they are about to be stored, from a visit at the door
// or the desk's form: checked by the rules' own validator, and no stay ends after the ledger's day.

type FactCode = FactIssue['code'] | 'fact.future';
type FactKey = FactCode extends `fact.${infer K}` ? `fact_${K}` : never;

export function factError(locale: Actor['locale'], path: string, code: FactCode): AppError {
  const message = translate(locale, `field.${code.replace('.', '_') as FactKey}`);
  return new AppError('validation', 'error.validation', { detail: `${path}: ${message}` }, [
    { path, message },
  ]);
}

/**
 * Throws a validation error naming the field (under `prefix`: 'residents.0.', 'travel' …) when the facts
 * are malformed or a stay lies after `today`.
 */
export function checkStoredFacts(locale: Actor['locale'], facts: StoredFacts, prefix: string, today: string) {
  const issue = validateHouseholdFacts({ residents: [facts] })[0];
  if (issue) throw factError(locale, `${prefix}${issue.path.replace(/^residents\[0\]\./, '')}`, issue.code);
  (facts.travel ?? []).forEach((s, j) => {
    if ((s.from && s.from > today) || (s.to && s.to > today))
      throw factError(locale, `${prefix}travel[${j}]`, 'fact.future');
  });
}
