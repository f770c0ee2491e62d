import { useQueryClient } from '@tanstack/react-query';
import { Alert, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type DutyAlert, dutyKeys, useAlerts } from '../../http/duty';
import { useServerEvents } from '../../shell/useServerEvents';

const COLOURS: Record<DutyAlert['kind'], string> = { missed: 'red', unassigned: 'orange', absent: 'volcano' };

/** Missed and understaffed shifts of the scope (the last 7 days to tomorrow), refreshed on 'duty.alert'. */
export function AlertsTab({ unitCode }: { unitCode: string | undefined }) {
  const { t } = useTranslation();
  const alerts = useAlerts(unitCode);
  const queryClient = useQueryClient();
  useServerEvents(['duty.alert'], () => {
    void queryClient.invalidateQueries({ queryKey: dutyKeys.alerts(unitCode ?? '') });
  });
  const data = alerts.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {data && (
        <Alert
          type={data.items.length ? 'warning' : 'success'}
          showIcon
          title={data.items.length ? t('duty.alerts.summary', data) : t('duty.alerts.empty')}
        />
      )}
      <Table<DutyAlert>
        size="small"
        rowKey={(a) => `${a.kind}-${a.shiftId}-${a.person?.id ?? ''}`}
        loading={alerts.isLoading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="alerts-table"
        columns={[
          {
            title: t('duty.alerts.kind'),
            width: 110,
            render: (_, a) => <Tag color={COLOURS[a.kind]}>{t(`duty.alerts.${a.kind}`)}</Tag>,
          },
          { title: t('duty.alerts.message'), dataIndex: 'message' },
        ]}
      />
    </Space>
  );
}
