import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language, setLanguage } from './index';

/** The current UI language and a setter that persists it (localStorage + `lang` cookie). */
export function useLanguage(): [Language, (lang: Language) => void] {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : currentLanguage();
  return [lang, (next) => void setLanguage(next)];
}
