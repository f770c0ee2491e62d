import { useTranslation } from 'react-i18next';

/** Placeholder until the screen is built. */
export function FieldShifts() {
  const { t } = useTranslation();
  return <h1>{t('duty.title')}</h1>;
}
