import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type Locale, type MessageKey, translate } from '../../domain/i18n/messages';
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
