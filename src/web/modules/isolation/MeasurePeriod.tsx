import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { periodDays } from './period';

/** "第 n 天 / 共 m 天" of a running measure, or the day it starts when that lies ahead. */
export function MeasurePeriod({
  person,
  testId,
}: {
  person: { measureStartsOn: string | null; measureLastDay: string | null; dayOfPeriod: number | null };
  testId?: string;
}) {
  const { t } = useTranslation();
  const { measureStartsOn: from, measureLastDay: to, dayOfPeriod: n } = person;
  if (!from || !to) return null;
  return (
    <Typography.Text type="secondary" data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
      {n && n > 0
        ? t('isolation.list.day', { n, m: periodDays(from, to) })
        : t('isolation.list.notStarted', { date: from })}
    </Typography.Text>
  );
}
