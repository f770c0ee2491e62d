import type { FormInstance } from 'antd';
import { ApiError } from '../../../http/client';

/**
 * Puts the server's per-field messages on a form whose fields are a resident's ('residents.0.idNumber' and
 * 'idNumber' both land on idNumber). Returns whether any did.
 */
export function applyResidentErrors(form: FormInstance, err: unknown, fields: readonly string[]): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  const names = new Set(fields);
  const byField = new Map<string, string[]>();
  for (const f of err.fields) {
    const name = f.path.replace(/^residents\.\d+\./, '').split('.')[0];
    if (!names.has(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), f.message]);
  }
  if (byField.size) form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
