import { type Locale, type MessageKey, translate } from '../../../../domain/i18n/messages';
import { AppError } from '../../../platform/errors';

// Errors of the duty services: each names the field it is about (DESIGN rule 6).

/** A 400 naming one field, with the message's parameters. */
export function fieldError(
  locale: Locale,
  path: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
): AppError {
  const message = translate(locale, key, params);
  return new AppError('validation', 'error.validation', { detail: `${path}: ${message}` }, [
    { path, message },
  ]);
}

/** A 409 (the state forbids it) naming the field, with the message itself as the error's message. */
export function conflictError(
  locale: Locale,
  path: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError('conflict', key, params, [{ path, message: translate(locale, key, params) }]);
}
