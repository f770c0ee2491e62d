import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../http/auth';
import {
  CARE_FILTERS,
  type CareFilter,
  type CareListQuery,
  type CareRequest,
  careKeys,
  getCareCounts,
  listCareRequests,
} from '../../http/care';
import { usePlatformClock } from '../../http/clock';
import { errorText } from '../../http/errors';
import { CursorPager } from '../../shell/CursorPager';
import { formatClock, formatDateTime } from '../../shell/dates';
import { useScope } from '../../shell/ScopeContext';
import { useCursorPages } from '../../shell/useCursorPages';
import { AssignModal } from './AssignModal';
import { CancelModal } from './CancelModal';
import { CareCounts } from './CareCounts';
import { DeliverModal } from './DeliverModal';
import { RequestModal } from './RequestModal';
import { StateTags } from './StateTags';
import { UnitFilter } from './UnitFilter';
import { useCareLabels } from './useCareLabels';

type Action = { kind: 'assign' | 'deliver' | 'cancel'; request: CareRequest };

/**
 * 需求看板: the day's requests of the scope (or a unit of it) by deadline, overdue first, with the day's
 * counts on top; the office gives each to a volunteer, records a delivery, cancels with a reason, and
 * registers a household's request.
 */
export function BoardTab({ onOpenHousehold }: { onOpenHousehold: (key: string) => void }) {
  const { t } = useTranslation();
  const labels = useCareLabels();
  const { data: me } = useMe();
  const manage = hasPermission(me, 'care.manage');
  const { scopeCode } = useScope();
  const clock = usePlatformClock();
  const [unit, setUnit] = useState<string | undefined>();
  const [day, setDay] = useState<string | undefined>();
  const [state, setState] = useState<CareFilter | 'all'>('all');
  const [action, setAction] = useState<Action | null>(null);
  const [asking, setAsking] = useState(false);
  const theDay = day ?? clock.data?.today ?? '';
  const query: CareListQuery = {
    unit: unit ?? scopeCode,
    day: theDay,
    state: state === 'all' ? undefined : state,
  };
  const pages = useCursorPages(JSON.stringify(query));
  const list = useQuery({
    queryKey: careKeys.list(query, pages.after),
    queryFn: () => listCareRequests(query, pages.after),
    enabled: !!scopeCode && !!theDay,
  });
  const counts = useQuery({
    queryKey: careKeys.counts(query.unit ?? '', theDay),
    queryFn: () => getCareCounts({ unit: query.unit, day: theDay }),
    enabled: !!scopeCode && !!theDay,
  });
  const open = (r: CareRequest) => r.state === 'open' || r.state === 'overdue' || r.state === 'assigned';

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="care-board">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <UnitFilter value={unit} onChange={setUnit} testId="care-board-unit" />
          <Input
            type="date"
            style={{ width: 160 }}
            value={theDay}
            onChange={(e) => setDay(e.target.value || undefined)}
            data-testid="care-board-day"
          />
          <Select<CareFilter | 'all'>
            style={{ width: 150 }}
            value={state}
            onChange={setState}
            data-testid="care-board-state"
            options={[
              { value: 'all', label: t('care.filter.all') },
              ...CARE_FILTERS.map((s) => ({ value: s, label: t(`care.filter.${s}`) })),
            ]}
          />
        </Space>
        {manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAsking(true)}
            data-testid="care-register"
          >
            {t('care.board.register')}
          </Button>
        )}
      </Space>
      {counts.data && <CareCounts counts={counts.data} />}
      {list.isError && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
      <Table<CareRequest>
        size="small"
        rowKey="id"
        loading={list.isPending && !!scopeCode}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('care.board.empty') }}
        data-testid="care-board-table"
        onRow={(r) => ({ 'data-testid': `care-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('care.board.dueAt'),
            width: 90,
            render: (_, r) => (
              <Typography.Text type={r.state === 'overdue' || r.late ? 'danger' : undefined}>
                {r.day === theDay ? formatClock(r.dueAt) : formatDateTime(r.dueAt)}
              </Typography.Text>
            ),
          },
          {
            title: t('care.board.household'),
            width: 200,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Typography.Link
                  onClick={() => onOpenHousehold(r.householdKey)}
                  data-testid={`care-household-${r.id}`}
                >
                  {r.address}
                </Typography.Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[r.community?.name, r.reasons.map(labels.reason).join('、')].filter(Boolean).join(' · ')}
                  {r.source === 'household' ? ` · ${t('care.board.fromHousehold')}` : ''}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('care.board.items'),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span data-testid={`care-items-${r.id}`}>{labels.items(r.items)}</span>
                {r.help.length > 0 && (
                  <Typography.Text type="secondary">{labels.helps(r.help)}</Typography.Text>
                )}
                {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('care.board.state'), width: 130, render: (_, r) => <StateTags request={r} /> },
          {
            title: t('care.board.volunteer'),
            width: 150,
            render: (_, r) => (
              <Space orientation="vertical" size={0} data-testid={`care-volunteer-${r.id}`}>
                <span>{r.volunteer?.name ?? '—'}</span>
                {r.state === 'delivered' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('care.board.delivered', {
                      at: formatClock(r.deliveredAt ?? ''),
                      name: r.receivedBy ?? '',
                    })}
                  </Typography.Text>
                )}
                {r.state === 'cancelled' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('care.board.cancelReason', { reason: r.cancelReason ?? '' })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          ...(manage
            ? [
                {
                  title: t('care.board.actions'),
                  width: 180,
                  render: (_: unknown, r: CareRequest) =>
                    open(r) && (
                      <Space size={0} wrap>
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setAction({ kind: 'assign', request: r })}
                          data-testid={`care-assign-${r.id}`}
                        >
                          {r.volunteer ? t('care.board.reassign') : t('care.board.assign')}
                        </Button>
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setAction({ kind: 'deliver', request: r })}
                          data-testid={`care-deliver-${r.id}`}
                        >
                          {t('care.board.deliver')}
                        </Button>
                        <Button
                          type="link"
                          size="small"
                          danger
                          onClick={() => setAction({ kind: 'cancel', request: r })}
                          data-testid={`care-cancel-${r.id}`}
                        >
                          {t('care.board.cancel')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <CursorPager
        page={pages.page}
        hasPrev={pages.hasPrev}
        nextCursor={list.data?.next}
        onPrev={pages.prev}
        onNext={pages.next}
        testId="care-board-pager"
      />
      {action?.kind === 'assign' && <AssignModal request={action.request} onClose={() => setAction(null)} />}
      {action?.kind === 'deliver' && (
        <DeliverModal request={action.request} onClose={() => setAction(null)} />
      )}
      {action?.kind === 'cancel' && <CancelModal request={action.request} onClose={() => setAction(null)} />}
      {asking && <RequestModal onClose={() => setAsking(false)} />}
    </Space>
  );
}
