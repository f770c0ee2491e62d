import type { FormInstance } from 'antd';
import i18n from '../i18n';
import { ApiError } from './client';

/** The text to show for a failed call: the server's message (already in the user's language) or a fallback. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'network') return i18n.t('common.networkError');
    return err.message || i18n.t('common.unknownError');
  }
  return i18n.t('common.unknownError');
}

/** Put the server's per-field messages onto an antd form; returns whether any field matched. */
export function applyFieldErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  const names = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
  const fields = err.fields
    .filter((f) => names.has(f.path.split('.')[0]))
    .map((f) => ({ name: f.path.split('.')[0], errors: [f.message] }));
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}

export function isStatus(err: unknown, status: number): boolean {
  return err instanceof ApiError && err.status === status;
}
