import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Check } from '../../http/isolation';
import { formatDateTime } from '../../shell/dates';
import { useIsolationLabels } from './labels';
import { Temperature } from './Temperature';

/** 健康监测记录: a person's checks, newest first; an alarming one marked. */
export function ChecksTable({ checks, threshold }: { checks: Check[]; threshold: number }) {
  const { t } = useTranslation();
  const labels = useIsolationLabels();
  return (
    <Table<Check>
      size="small"
      rowKey="id"
      dataSource={checks}
      pagination={checks.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 860 }}
      data-testid="checks-table"
      locale={{ emptyText: t('isolation.person.noChecks') }}
      onRow={(c) => ({ 'data-testid': `check-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('isolation.check.time'),
          width: 140,
          render: (_, c) => (
            <>
              {formatDateTime(c.checkedAt)}{' '}
              <Typography.Text type="secondary">{t(`isolation.check.slots.${c.slot}`)}</Typography.Text>
            </>
          ),
        },
        { title: t('isolation.check.how'), width: 80, render: (_, c) => t(`isolation.check.ways.${c.how}`) },
        {
          title: t('isolation.check.temperature'),
          width: 80,
          render: (_, c) => <Temperature value={c.temperatureC} threshold={threshold} />,
        },
        {
          title: t('isolation.check.symptoms'),
          width: 160,
          render: (_, c) =>
            c.symptoms.length ? (
              <Typography.Text type="danger">{labels.symptoms(c.symptoms)}</Typography.Text>
            ) : (
              '—'
            ),
        },
        {
          title: t('isolation.check.mood'),
          width: 60,
          render: (_, c) => (c.mood ? t(`isolation.check.moods.${c.mood}`) : '—'),
        },
        { title: t('isolation.check.needs'), width: 160, render: (_, c) => c.needs ?? c.note ?? '—' },
        { title: t('isolation.check.by'), width: 90, render: (_, c) => c.by ?? '—' },
        {
          title: '',
          width: 70,
          render: (_, c) => (c.alarming ? <Tag color="red">{t('isolation.check.alarming')}</Tag> : null),
        },
      ]}
    />
  );
}
