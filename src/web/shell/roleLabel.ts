import { isRole, ROLE_DEFINITIONS } from '../../domain/access/roles';
import type { Language } from '../i18n';

/** A role's name in the UI language (from the roles table shared with the server). */
export function roleLabel(role: string, lang: Language, fromServer?: { zh: string; en: string }): string {
  if (fromServer) return lang === 'en' ? fromServer.en : fromServer.zh;
  if (isRole(role)) return lang === 'en' ? ROLE_DEFINITIONS[role].en : ROLE_DEFINITIONS[role].zh;
  return role;
}
