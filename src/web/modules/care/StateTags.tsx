import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CareRequest } from '../../http/care';
import { LATE_COLOUR, STATE_COLOURS } from './labels';
import { useCareLabels } from './useCareLabels';

/** A request's state as tags: overdue red, on its way past the deadline orange (超时未送达), urgent. */
export function StateTags({
  request: r,
}: {
  request: Pick<CareRequest, 'id' | 'state' | 'late' | 'urgent'>;
}) {
  const { t } = useTranslation();
  const labels = useCareLabels();
  return (
    <Space size={4} wrap data-testid={`care-state-${r.id}`} data-state={r.state}>
      <Tag color={STATE_COLOURS[r.state]}>{labels.state(r.state)}</Tag>
      {r.late && <Tag color={LATE_COLOUR}>{t('care.board.late')}</Tag>}
      {r.urgent && r.state !== 'delivered' && r.state !== 'cancelled' && (
        <Tag color="magenta">{t('care.board.urgent')}</Tag>
      )}
    </Space>
  );
}
