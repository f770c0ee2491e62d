import type { Rule } from 'antd/es/form';
import i18n from '../i18n';

/** The server's rule (platform/auth/password.ts isStrongEnough): 8+ characters with letters and digits. */
export function strongPasswordRule(): Rule {
  return {
    validator: (_, value?: string) =>
      !value || (value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value))
        ? Promise.resolve()
        : Promise.reject(new Error(i18n.t('auth.passwordWeak'))),
  };
}
