import type { FormInstance } from 'antd';
import { ApiError } from '../../http/client';

/**
 * Put the server's per-field messages onto an antd form whose field names follow the API's paths
 * ('measure.siteId' → ['measure', 'siteId']); only the paths the form shows (`known`). Answers whether
 * any matched: when none did, the caller shows the message itself.
 */
export function applyPathErrors(form: FormInstance, err: unknown, known: readonly string[]): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  const fields = err.fields
    .filter((f) => known.includes(f.path))
    .map((f) => ({ name: f.path.split('.'), errors: [f.message] }));
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}
