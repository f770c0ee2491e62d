import { Button, Checkbox, Descriptions, Drawer, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import { type IsolationListRow, type ListOutcome, useIsolationList } from '../../http/isolation';
import { formatDateTime } from '../../shell/dates';
import { useNarrowScreen } from '../../shell/useNarrowScreen';
import { useIsolationLabels } from './labels';
import { PlaceRowModal } from './PlaceRowModal';

export const OUTCOME_COLOURS: Record<ListOutcome, string> = {
  matched: 'green',
  routed: 'blue',
  already: 'purple',
  outside: 'default',
  not_found: 'red',
};

/** A list from above: its figures and its rows, what became of each; 落地 for the ones not found. */
export function ListDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const labels = useIsolationLabels();
  const [notFoundOnly, setNotFoundOnly] = useState(false);
  const [placing, setPlacing] = useState<IsolationListRow | null>(null);
  const list = useIsolationList(id, notFoundOnly ? 'not_found' : undefined);
  const l = list.data;
  const write = hasPermission(me, 'isolation.write');
  const narrow = useNarrowScreen();
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={narrow ? '100%' : 1100}
      title={l?.title ?? ''}
      destroyOnHidden
      data-testid="list-drawer"
    >
      {l && (
        <Descriptions
          size="small"
          column={4}
          bordered
          data-testid="list-figures"
          style={{ marginBottom: 12 }}
        >
          <Descriptions.Item label={t('isolation.lists.listUnit')}>{l.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('isolation.lists.receivedAt')}>
            {formatDateTime(l.receivedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('isolation.lists.category')}>
            {labels.category(l.category)}
          </Descriptions.Item>
          <Descriptions.Item label={t('isolation.lists.rows')}>{l.rows}</Descriptions.Item>
          <Descriptions.Item label={t('isolation.lists.found')}>
            <span data-testid="list-figure-found">{l.found}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('isolation.lists.reached')}>{l.reached}</Descriptions.Item>
          <Descriptions.Item label={t('isolation.lists.placed')}>{l.placed}</Descriptions.Item>
          <Descriptions.Item label={t('isolation.lists.notFound')}>
            <span data-testid="list-figure-not-found">{l.notFound}</span>
          </Descriptions.Item>
          {l.outside > 0 && (
            <Descriptions.Item
              label={
                <Tooltip title={t('isolation.lists.outsideHint')}>{t('isolation.lists.outside')}</Tooltip>
              }
            >
              {l.outside}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Space style={{ marginBottom: 8 }}>
        <Checkbox
          checked={notFoundOnly}
          onChange={(e) => setNotFoundOnly(e.target.checked)}
          data-testid="list-not-found-only"
        >
          {t('isolation.lists.notFoundOnly')}
        </Checkbox>
      </Space>
      <Table<IsolationListRow>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={l?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="list-rows"
        onRow={(r) => ({ 'data-testid': `list-row-${r.row}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('isolation.lists.row'), dataIndex: 'row', width: 56 },
          {
            title: t('isolation.lists.name'),
            dataIndex: 'name',
            width: 110,
            render: (name: string, r) =>
              r.keyPersonId ? (
                <Link to={`/isolation/${encodeURIComponent(r.keyPersonId)}`}>{name}</Link>
              ) : (
                name
              ),
          },
          { title: t('isolation.lists.idNumber'), dataIndex: 'idNumberMasked', width: 170 },
          { title: t('isolation.lists.phone'), dataIndex: 'phoneMasked', width: 120 },
          { title: t('isolation.lists.address'), dataIndex: 'address', ellipsis: true },
          { title: t('isolation.lists.reason'), dataIndex: 'reason', ellipsis: true, width: 140 },
          {
            title: t('isolation.lists.outcome'),
            dataIndex: 'outcome',
            width: 120,
            render: (o: ListOutcome) => (
              <Tag color={OUTCOME_COLOURS[o]} data-testid="list-row-outcome">
                {t(`isolation.lists.outcomes.${o}`)}
              </Tag>
            ),
          },
          { title: t('isolation.lists.landedAt'), dataIndex: 'unitName', width: 130, ellipsis: true },
          {
            key: 'actions',
            width: 70,
            render: (_: unknown, r) =>
              write && r.outcome === 'not_found' ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => setPlacing(r)}
                  data-testid={`list-place-${r.row}`}
                >
                  {t('isolation.lists.place')}
                </Button>
              ) : null,
          },
        ]}
      />
      <PlaceRowModal row={placing} onClose={() => setPlacing(null)} />
    </Drawer>
  );
}
