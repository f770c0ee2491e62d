import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type Locale, type MessageKey, translate } from '../../domain/i18n/messages';
import { isRetryable, uniqueViolation } from '../db/transaction';
import { bodyTooLargeAnswer } from './bodyLimit';

// One error shape (DESIGN rule 6): { error: { code, message, fields? } }, message in the caller's language.

export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'locked'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  locked: 423,
  rate_limited: 429,
  /** a service the platform depends on (the SMS gateway) failed: the request may be sent again */
  unavailable: 503,
  internal: 500,
};

export interface FieldError {
  path: string;
  message: string;
  row?: number;
  column?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly fields?: FieldError[],
  ) {
    super(key);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = () => new AppError('not_found', 'error.not_found');
export const forbidden = () => new AppError('forbidden', 'error.forbidden');
export const unauthenticated = () => new AppError('unauthenticated', 'error.unauthenticated');

/** A validation error naming one field. */
export function invalidField(path: string, key: MessageKey, locale: Locale): AppError {
  const message = translate(locale, key);
  return new AppError('validation', 'error.validation', { detail: `${path}: ${message}` }, [
    { path, message },
  ]);
}

function zodFieldMessage(issue: { code?: string; message: string; input?: unknown }, locale: Locale): string {
  if (issue.input === undefined || (issue.code === 'too_small' && issue.input === '')) {
    return translate(locale, 'field.required');
  }
  return locale === 'zh-CN' ? `${translate(locale, 'field.invalid')}（${issue.message}）` : issue.message;
}

/**
 * The field each unique index or constraint of the database is about (its message: `unique.<name>` in
 * domain/i18n/uniqueMessages.ts). A request that passed its service's check but lost the race to write
 * gets the database's refusal (23505) as this 409. uniqueConflicts.test.ts reads the database's unique
 * indexes and fails for one missing here.
 */
export const UNIQUE_FIELDS: Record<string, string> = {
  units_code_key: 'code',
  units_path_key: 'code',
  unit_code_counters_pkey: 'code',
  users_username_key: 'username',
  sessions_pkey: 'session',
  login_failures_pkey: 'username',
  settings_pkey: 'key',
  households_door_uq: 'door',
  residents_id_living_uq: 'idNumber',
  ledger_counts_pkey: 'counts',
  screening_targets_pkey: 'householdKey',
  screening_visits_region_code_client_id_key: 'clientId',
  people_user_id_key: 'userId',
  people_phone_active_uq: 'phone',
  people_id_active_uq: 'idNumber',
  force_group_members_current: 'personId',
  callups_token_key: 'token',
  callup_places_callup_id_facility_id_key: 'places',
  callup_signups_callup_id_person_id_key: 'phone',
  callup_signups_callup_id_client_id_key: 'clientId',
  shift_patterns_facility_id_key: 'facilityId',
  duty_shifts_facility_id_starts_at_key: 'startsAt',
  duty_assignments_shift_id_person_id_key: 'personId',
  import_mappings_unit_signature_uq: 'mapping',
  checkpoint_settings_pkey: 'facilityId',
  checkpoint_settings_public_token_key: 'publicToken',
  checkpoint_passages_region_code_client_id_key: 'clientId',
  checkpoint_counts_pkey: 'counts',
  checkpoint_handovers_passage_region_person_id_key: 'people',
  checkpoint_registrations_region_code_client_id_key: 'clientId',
  checkpoint_registrations_code_live_uq: 'code',
  gates_unit_name_uq: 'name',
  gate_passes_token_key: 'token',
  gate_passes_household_uq: 'householdKey',
  gate_exemptions_resident_uq: 'residentKey',
  gate_scans_client_id_key: 'clientId',
  gate_visitors_client_id_key: 'clientId',
  gate_out_pkey: 'residentKey',
  gate_out_counts_pkey: 'counts',
  gate_day_counts_pkey: 'counts',
  key_persons_region_code_client_id_key: 'clientId',
  key_persons_open_id_uq: 'idNumber',
  key_persons_open_resident_uq: 'residentId',
  isolation_measures_one_running_uq: 'kind',
  health_checks_region_code_client_id_key: 'clientId',
  isolation_rooms_facility_id_name_key: 'name',
  key_person_tallies_pkey: 'counts',
  care_requests_region_code_client_id_key: 'clientId',
  care_links_pkey: 'householdKey',
  care_links_token_key: 'token',
};

/**
 * A database refusal as the one error shape: a unique violation (23505) is a 409 naming the field and
 * what is duplicated; a deadlock or serialisation failure still there after the retries
 * (db/transaction.ts) is a 409 asking to try again. Anything else: undefined.
 */
export function databaseConflict(err: unknown, locale: Locale): AppError | undefined {
  const constraint = uniqueViolation(err);
  if (constraint !== undefined) {
    const path = UNIQUE_FIELDS[constraint];
    const key = (path ? `unique.${constraint}` : 'unique.unknown') as MessageKey;
    return new AppError('conflict', key, {}, [{ path: path ?? '', message: translate(locale, key) }]);
  }
  if (isRetryable(err)) return new AppError('conflict', 'error.busy');
  return undefined;
}

export function sendError(reply: FastifyReply, locale: Locale, err: AppError) {
  const message = translate(locale, err.key, err.params);
  return reply
    .status(err.status)
    .send({ error: { code: err.code, message, ...(err.fields ? { fields: err.fields } : {}) } });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale;
    if (error instanceof AppError) return sendError(reply, locale, error);
    const conflict = databaseConflict(error, locale);
    if (conflict) return sendError(reply, locale, conflict);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => {
        const issue = {
          code: v.keyword,
          message: v.message ?? '',
          input: (v.params as { input?: unknown }).input,
        };
        const path =
          v.instancePath.replace(/^\//, '').replaceAll('/', '.') || String(error.validationContext ?? '');
        return { path, message: zodFieldMessage(issue, locale) };
      });
      const detail = fields.map((f) => `${f.path} ${f.message}`).join('; ');
      return sendError(reply, locale, new AppError('validation', 'error.validation', { detail }, fields));
    }
    if (error.statusCode === 429)
      return sendError(reply, locale, new AppError('rate_limited', 'error.rate_limited'));
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return bodyTooLargeAnswer(request.server, request, reply);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, unsupported media type, body too large…
      const fields = [{ path: 'body', message: error.message }];
      return sendError(
        reply,
        locale,
        new AppError('validation', 'error.validation', { detail: error.message }, fields),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, locale, new AppError('internal', 'error.internal'));
  });
}
