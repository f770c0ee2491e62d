import { useQuery } from '@tanstack/react-query';
import { App, Badge, Button, Input, List, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkpointKeys,
  confirmArrived,
  getHandoverCounts,
  HANDOVER_STATES,
  type Handover,
  type HandoverState,
  listHandovers,
  reportNotArrived,
} from '../../http/checkpoints';
import { listLedger } from '../../http/ledger';
import { CursorPager } from '../../shell/CursorPager';
import { formatDateTime } from '../../shell/dates';
import { useCursorPages } from '../../shell/useCursorPages';
import { useWrite } from '../../shell/useWrite';

const STATE_COLOURS: Record<HandoverState, string> = {
  waiting: 'blue',
  overdue: 'red',
  arrived: 'green',
  not_arrived: 'default',
};
const BADGE_COLOURS: Record<HandoverState, string> = {
  waiting: '#1677ff',
  overdue: '#cf1322',
  arrived: '#389e0d',
  not_arrived: '#999',
};

/** Confirm an arrival: a resident found in the destination's ledger linked, or the person added to a household. */
function ArrivalModal({ handover, onClose }: { handover: Handover; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState(handover.name);
  const [term, setTerm] = useState(handover.name);
  const unit = handover.destinationUnitCode ?? '';
  const found = useQuery({
    queryKey: ['checkpoints', 'arrival-search', unit, term],
    queryFn: () => listLedger({ unit, q: term }, {}, 10),
    enabled: !!unit && term.trim().length > 0,
  });
  const arrive = useWrite(
    checkpointKeys.all,
    (body: { residentId: string } | { householdKey: string }) => confirmArrived(handover.id, body),
    () => {
      message.success(t('checkpoints.desk.saved'));
      onClose();
    },
  );
  return (
    <Modal
      open
      title={t('checkpoints.desk.arrivedTitle', { name: handover.name })}
      onCancel={onClose}
      footer={null}
      width={640}
    >
      <Input.Search
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => setTerm(v)}
        placeholder={t('checkpoints.desk.residentSearch')}
        data-testid="arrival-search"
      />
      <List
        loading={found.isFetching}
        dataSource={found.data?.items ?? []}
        data-testid="arrival-results"
        renderItem={(h) => (
          <List.Item
            actions={[
              <Button
                key="add"
                size="small"
                onClick={() => arrive.mutate({ householdKey: h.key })}
                data-testid={`arrival-add-${h.key}`}
              >
                {t('checkpoints.desk.addResident')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={`${h.unit.name} ${h.door}`}
              description={
                <Space wrap>
                  {h.residents.map((r) => (
                    <Button
                      key={r.key}
                      size="small"
                      type={r.name === handover.name ? 'primary' : 'default'}
                      onClick={() => arrive.mutate({ residentId: r.key })}
                      data-testid={`arrival-link-${r.key}`}
                    >
                      {t('checkpoints.desk.linkResident')}：{r.name} {r.idMasked ?? ''}
                    </Button>
                  ))}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}

/** Hand-overs to the caller's communities (and those its checkpoints sent): waiting, overdue, decided. */
export function HandoversTab() {
  const { t } = useTranslation();
  const [state, setState] = useState<HandoverState>('waiting');
  const pages = useCursorPages(state);
  const [arriving, setArriving] = useState<Handover | null>(null);
  const counts = useQuery({
    queryKey: checkpointKeys.handoverCounts(undefined),
    queryFn: () => getHandoverCounts(undefined),
  });
  const list = useQuery({
    queryKey: checkpointKeys.handovers(undefined, state, pages.after),
    queryFn: () => listHandovers(undefined, state, pages.after),
  });
  const notArrived = useWrite(checkpointKeys.all, (id: string) => reportNotArrived(id));
  const countOf: Record<HandoverState, number | undefined> = {
    waiting: counts.data?.waiting,
    overdue: counts.data?.overdue,
    arrived: counts.data?.arrived,
    not_arrived: counts.data?.notArrived,
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented<HandoverState>
        value={state}
        onChange={setState}
        options={HANDOVER_STATES.map((s) => ({
          value: s,
          label: (
            <span data-testid={`handovers-state-${s}`}>
              {t(`checkpoints.handoverState.${s}`)}{' '}
              <Badge count={countOf[s] ?? 0} showZero color={BADGE_COLOURS[s]} />
            </span>
          ),
        }))}
      />
      <Table<Handover>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        data-testid="handovers-table"
        onRow={(r) => ({ 'data-testid': `handover-${r.name}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('checkpoints.field.name'), dataIndex: 'name' },
          { title: t('checkpoints.field.idNumber'), render: (_, r) => r.idNumberMasked ?? '' },
          { title: t('checkpoints.field.phone'), render: (_, r) => r.phoneMasked ?? '' },
          {
            title: t('checkpoints.desk.reason'),
            render: (_, r) => (
              <Tag color={r.reason === 'fever' ? 'volcano' : 'red'}>
                {t(`checkpoints.reason.${r.reason}`)}
              </Tag>
            ),
          },
          { title: t('checkpoints.desk.from'), render: (_, r) => r.from ?? '' },
          {
            title: t('checkpoints.desk.passageAt'),
            render: (_, r) => `${formatDateTime(r.passageAt)} ${r.facilityName}`,
          },
          {
            title: t('checkpoints.desk.destination'),
            render: (_, r) => `${r.destinationUnitName} ${r.destinationAddress ?? ''}`,
          },
          { title: t('checkpoints.desk.dueAt'), render: (_, r) => formatDateTime(r.dueAt) },
          {
            title: t('checkpoints.desk.state'),
            render: (_, r) => (
              <Tag color={STATE_COLOURS[r.state]} data-testid={`handover-state-${r.name}`}>
                {t(`checkpoints.handoverState.${r.state}`)}
              </Tag>
            ),
          },
          {
            title: t('checkpoints.desk.actions'),
            render: (_, r) =>
              r.state === 'waiting' || r.state === 'overdue' ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setArriving(r)}
                    data-testid={`handover-arrived-${r.name}`}
                  >
                    {t('checkpoints.desk.arrived')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => notArrived.mutate(r.id)}
                    data-testid={`handover-not-arrived-${r.name}`}
                  >
                    {t('checkpoints.desk.notArrived')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <CursorPager
        page={pages.page}
        hasPrev={pages.hasPrev}
        nextCursor={list.data?.next}
        onPrev={pages.prev}
        onNext={pages.next}
        testId="handovers-pager"
      />
      {arriving && <ArrivalModal handover={arriving} onClose={() => setArriving(null)} />}
    </Space>
  );
}
