import { Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import type { Transfer, TransferState } from '../../http/isolation';
import { formatDateTime } from '../../shell/dates';
import { TransferModal } from './TransferModal';

export const TRANSFER_COLOURS: Record<TransferState, string> = {
  open: 'red',
  picked_up: 'orange',
  closed: 'default',
};

/** Transfers (转运) with the step each may take next: picked up, then closed. */
export function TransfersTable({
  transfers,
  loading,
  showPerson,
  testId,
}: {
  transfers: Transfer[];
  loading?: boolean;
  /** a column naming the person, linked to their page (the board); not on the person's own page */
  showPerson?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const write = hasPermission(me, 'isolation.write');
  const [moving, setMoving] = useState<{ transfer: Transfer; to: 'picked_up' | 'closed' } | null>(null);
  return (
    <>
      <Table<Transfer>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={transfers}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid={testId}
        locale={{ emptyText: t('isolation.transfer.none') }}
        onRow={(r) => ({ 'data-testid': `transfer-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          ...(showPerson
            ? [
                {
                  title: t('isolation.transfer.person'),
                  width: 90,
                  render: (_: unknown, r: Transfer) => (
                    <Link to={`/isolation/${r.keyPersonId}`}>{r.name}</Link>
                  ),
                },
                { title: t('isolation.transfer.unit'), width: 110, dataIndex: 'unitName' },
              ]
            : []),
          { title: t('isolation.transfer.reason'), width: 220, dataIndex: 'reason' },
          {
            title: t('isolation.transfer.state'),
            width: 80,
            render: (_, r) => (
              <Tag color={TRANSFER_COLOURS[r.state]} data-testid={`transfer-state-${r.id}`}>
                {t(`isolation.transfer.states.${r.state}`)}
              </Tag>
            ),
          },
          {
            title: t('isolation.transfer.openedAt'),
            width: 130,
            render: (_, r) => formatDateTime(r.openedAt),
          },
          {
            title: t('isolation.transfer.destinationShort'),
            width: 140,
            render: (_, r) => r.destination ?? '—',
          },
          { title: t('isolation.transfer.escort'), width: 80, render: (_, r) => r.escort ?? '—' },
          {
            title: t('isolation.transfer.pickedUpAt'),
            width: 130,
            render: (_, r) => (r.pickedUpAt ? formatDateTime(r.pickedUpAt) : '—'),
          },
          {
            title: t('isolation.transfer.outcome'),
            width: 140,
            render: (_, r) => r.outcome ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
          ...(write
            ? [
                {
                  title: t('common.actions'),
                  width: 90,
                  fixed: 'right' as const,
                  render: (_: unknown, r: Transfer) =>
                    r.state === 'open' ? (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setMoving({ transfer: r, to: 'picked_up' })}
                        data-testid={`transfer-pickup-${r.id}`}
                      >
                        {t('isolation.transfer.pickUp')}
                      </Button>
                    ) : r.state === 'picked_up' ? (
                      <Button
                        size="small"
                        onClick={() => setMoving({ transfer: r, to: 'closed' })}
                        data-testid={`transfer-close-${r.id}`}
                      >
                        {t('isolation.transfer.close')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {moving && <TransferModal transfer={moving.transfer} to={moving.to} onClose={() => setMoving(null)} />}
    </>
  );
}
