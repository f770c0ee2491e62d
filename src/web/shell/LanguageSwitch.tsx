import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';
import { useLanguage } from '../i18n/useLanguage';

/** 中文 / English. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const [lang, setLang] = useLanguage();
  return (
    <Segmented<Language>
      data-testid="lang-switch"
      size={size}
      aria-label={t('lang.label')}
      value={lang}
      onChange={setLang}
      options={[
        { value: 'zh-CN', label: <span data-testid="lang-zh-CN">{t('lang.zh')}</span> },
        { value: 'en', label: <span data-testid="lang-en">{t('lang.en')}</span> },
      ]}
    />
  );
}
