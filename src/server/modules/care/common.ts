import type { CareIssue } from '../../../domain/care/request';
import { CARE_VIEW_LABELS, type CareState } from '../../../domain/care/request';
import { type Locale, type MessageKey, translate } from '../../../domain/i18n/messages';
import type { Actor } from '../../platform/access';
import { AppError } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { CARE_EVENT } from './views';

// What the care services share: who acts (with the name a household and a volunteer see), errors naming
// fields, and the event a change publishes.

/** The actor of a request, with the display name written beside what they did (接单, 送达). */
export type Doer = Actor & { userId: string; displayName: string };

/** A 400 naming every field the domain's checks found wrong. */
export function issuesError(locale: Locale, issues: readonly CareIssue[]): AppError {
  const fields = issues.map((i) => ({ path: i.path, message: translate(locale, i.code) }));
  return new AppError(
    'validation',
    'error.validation',
    { detail: fields.map((f) => `${f.path}: ${f.message}`).join('; ') },
    fields,
  );
}

/** A 409 naming one field (or none: path ''). */
export function conflict(
  locale: Locale,
  key: MessageKey,
  path: string,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError(
    'conflict',
    key,
    params,
    path ? [{ path, message: translate(locale, key, params) }] : [],
  );
}

/** 409: the request is delivered or cancelled, and cannot change. */
export function closed(locale: Locale, state: CareState): AppError {
  return conflict(locale, 'care.closed', 'state', { state: CARE_VIEW_LABELS[state][locale] });
}

/** Tells the desks (care.read) and the volunteers' phones (care.deliver) over the place that a request changed. */
export async function publishChange(
  services: Services,
  tx: Parameters<Services['events']['publish']>[0],
  unitPath: string,
  data: Record<string, unknown>,
) {
  for (const permission of ['care.read', 'care.deliver'] as const)
    await services.events.publish(tx, { type: CARE_EVENT, unitPath, permission, data });
}
