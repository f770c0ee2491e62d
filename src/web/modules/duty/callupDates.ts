import { useTranslation } from 'react-i18next';

/** How a call-up's dates read: "from 2020-02-02" or "2020-02-02 to 2020-02-28". */
export function useCallupDates() {
  const { t } = useTranslation();
  return (c: { startsOn: string; endsOn: string | null }) =>
    c.endsOn
      ? t('duty.callups.fromToEnd', { from: c.startsOn, to: c.endsOn })
      : t('duty.callups.fromTo', { from: c.startsOn });
}
