import i18n from './index';

// Punctuation around words in the UI language: full-width （）：、 in Chinese, ( ) : , in English, so
// that English screens show no Chinese marks around English words.

/** '：' / ': ' */
export function colon(): string {
  return i18n.t('common.colon');
}

/** '（网格员）' / ' (grid worker)'; nothing for nothing */
export function paren(text: string | null | undefined): string {
  return text ? i18n.t('common.paren', { text }) : '';
}

/** '党员、志愿者' / 'party member, volunteer' */
export function joinList(items: readonly string[]): string {
  return items.join(i18n.t('common.listSep'));
}
