import { Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';
import { useLanguage } from '../i18n/useLanguage';

/** 中文 / English on the phone. */
export function FieldLangSwitch() {
  const { t } = useTranslation();
  const [lang, setLang] = useLanguage();
  return (
    <Selector<Language>
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      columns={2}
      showCheckMark={false}
      value={[lang]}
      onChange={(v) => v[0] && setLang(v[0])}
      options={[
        { value: 'zh-CN', label: <span data-testid="lang-zh-CN">{t('lang.zh')}</span> },
        { value: 'en', label: <span data-testid="lang-en">{t('lang.en')}</span> },
      ]}
    />
  );
}
