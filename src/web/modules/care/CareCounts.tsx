import { Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CareCounts as Counts } from '../../http/care';

const RED = '#cf1322';
const ORANGE = '#d46b08';

/** The day's numbers on top of the board: waiting, overdue (red), on their way, late (orange), done. */
export function CareCounts({ counts: c }: { counts: Counts }) {
  const { t } = useTranslation();
  const stat = (key: keyof Omit<Counts, 'day'>, colour?: string) => (
    <Statistic
      title={t(`care.counts.${key}`)}
      value={c[key]}
      styles={{ content: { color: c[key] && colour ? colour : undefined } }}
      data-testid={`care-count-${key}`}
    />
  );
  return (
    <Space size="large" wrap data-testid="care-counts">
      {stat('open')}
      {stat('overdue', RED)}
      {stat('assigned')}
      {stat('late', ORANGE)}
      {stat('delivered')}
      {stat('cancelled')}
      {stat('households')}
    </Space>
  );
}
