import type { Rule } from 'antd/es/form';
import i18n from '../i18n';

/**
 * The first of the server's rules (domain/access/passwordStrength.ts): 8+ characters with letters and
 * digits. The server also refuses common passwords and ones holding the username; the form shows its
 * field error.
 */
export function strongPasswordRule(): Rule {
  return {
    validator: (_, value?: string) =>
      !value || (value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value))
        ? Promise.resolve()
        : Promise.reject(new Error(i18n.t('auth.passwordWeak'))),
  };
}
