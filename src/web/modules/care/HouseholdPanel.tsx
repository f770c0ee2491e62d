import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { doorText } from '../../../domain/care/request';
import { hasPermission, useMe } from '../../http/auth';
import { type CareRequest, useHouseholdCare } from '../../http/care';
import { errorText } from '../../http/errors';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDateTime } from '../../shell/dates';
import { LinkSection } from './LinkSection';
import { RequestModal } from './RequestModal';
import { StateTags } from './StateTags';
import { useCareLabels } from './useCareLabels';

/**
 * A household's care: why it may ask (隔离户, 低保…), its link and QR code for the door, its latest
 * requests; the worker asks for it from here.
 */
export function HouseholdPanel({ householdKey }: { householdKey: string }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const labels = useCareLabels();
  const { data: me } = useMe();
  const manage = hasPermission(me, 'care.manage');
  const care = useHouseholdCare(householdKey);
  const [asking, setAsking] = useState(false);
  if (care.isPending) return <Spin />;
  if (care.isError) return <Empty description={errorText(care.error)} />;
  const c = care.data;
  const address = `${c.unit.name} ${doorText(c.entrance, c.door, lang)}`.trim();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="care-household-panel">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'address',
            label: t('care.household.address'),
            children: <span data-testid="care-household-address">{address}</span>,
          },
          { key: 'key', label: t('care.household.key'), children: c.householdKey },
          {
            key: 'reasons',
            label: t('care.household.reasons'),
            children: c.reasons.length ? (
              <Space size={4} wrap data-testid="care-household-reasons">
                {c.reasons.map((r) => (
                  <Tag key={r} color={r === 'isolated' ? 'volcano' : 'red'}>
                    {labels.reason(r)}
                  </Tag>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
        ]}
      />
      {!c.eligible && <Alert type="warning" showIcon title={t('care.household.notEligible')} />}
      <Typography.Title level={5}>{t('care.household.link')}</Typography.Title>
      <LinkSection care={c} address={address} manage={manage} />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('care.household.requests')}
        </Typography.Title>
        {manage && c.eligible && (
          <Button icon={<PlusOutlined />} onClick={() => setAsking(true)} data-testid="care-household-ask">
            {t('care.board.register')}
          </Button>
        )}
      </Space>
      <Table<CareRequest>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.requests}
        locale={{ emptyText: t('care.household.noRequests') }}
        data-testid="care-household-requests"
        columns={[
          { title: t('care.board.day'), dataIndex: 'day', width: 110 },
          {
            title: t('care.board.items'),
            render: (_, r) => [labels.items(r.items), labels.helps(r.help)].filter(Boolean).join(' · '),
          },
          { title: t('care.board.state'), width: 150, render: (_, r) => <StateTags request={r} /> },
          {
            title: t('care.board.volunteer'),
            width: 200,
            render: (_, r) =>
              r.state === 'delivered'
                ? t('care.board.delivered', {
                    at: formatDateTime(r.deliveredAt ?? ''),
                    name: r.receivedBy ?? '',
                  })
                : (r.volunteer?.name ?? '—'),
          },
        ]}
      />
      {asking && (
        <RequestModal household={{ key: c.householdKey, place: address }} onClose={() => setAsking(false)} />
      )}
    </Space>
  );
}
