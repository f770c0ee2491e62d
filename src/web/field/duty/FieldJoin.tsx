import { useTranslation } from 'react-i18next';

/** Placeholder until the screen is built. */
export function FieldJoin() {
  const { t } = useTranslation();
  return <h1>{t('duty.title')}</h1>;
}
