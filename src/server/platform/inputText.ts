import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Locale, translate } from '../../domain/i18n/messages';
import { textProblem } from '../../domain/validators/text';
import { AppError, type FieldError } from './errors';

// Bad input never yields a 500 (DESIGN rule 6): one hook, for every route present and future, refuses
// a NUL or another C0 control character (tabs and new lines stay allowed, for notes) and half of a
// surrogate pair, anywhere in the JSON body, the query string or the path, with a 400 naming the field.
// PostgreSQL refuses both (NUL in text, a lone surrogate in jsonb), so without this they became 500s.
// Uploaded files (application/octet-stream) arrive as a Buffer and are not text: they are left alone.

/** The fields of a request's input that hold unfit text, as dotted paths (`residents.0.name`). */
export function badTextFields(
  input: unknown,
  root: string,
  locale: Locale,
  out: FieldError[] = [],
): FieldError[] {
  // iterative, so that deeply nested JSON cannot overflow the stack
  const stack: Array<[unknown, string]> = [[input, root]];
  while (stack.length > 0 && out.length < 20) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) out.push({ path, message: translate(locale, `field.text_${problem}`) });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}.${i}`]);
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      // a stream is an upload, not parsed input (the query string's object has a prototype of its own)
      if (typeof (value as { pipe?: unknown }).pipe === 'function') continue;
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i];
        const at = path ? `${path}.${key}` : key;
        const keyProblem = textProblem(key);
        if (keyProblem) {
          out.push({ path: path || root, message: translate(locale, `field.text_${keyProblem}`) });
          continue;
        }
        stack.push([v, at]);
      }
    }
  }
  return out;
}

function check(request: FastifyRequest) {
  const fields: FieldError[] = [];
  // the path parameters and the query string are named by their key, as the schemas' errors name them
  badTextFields(request.params, '', request.locale, fields);
  badTextFields(request.query, '', request.locale, fields);
  badTextFields(request.body, 'body', request.locale, fields);
  if (fields.length === 0) return;
  const bodyFields = fields.map((f) => ({ ...f, path: f.path.replace(/^body\./, '') }));
  const detail = bodyFields.map((f) => `${f.path}: ${f.message}`).join('; ');
  throw new AppError('validation', 'error.validation', { detail }, bodyFields);
}

/** Registers the check; after access control, so that a caller without a session still gets 401 first. */
export function registerInputTextCheck(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    check(request);
  });
}
