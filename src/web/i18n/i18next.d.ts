import 'i18next';
import type { Messages } from './zh-CN';

// Typed translation keys: t('org.title') is checked against the Chinese resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
