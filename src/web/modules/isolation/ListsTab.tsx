import { ImportOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import { type IsolationList, useIsolationLists } from '../../http/isolation';
import { formatDateTime } from '../../shell/dates';
import { ListDrawer } from './ListDrawer';
import { ListImportModal } from './ListImportModal';
import { useIsolationLabels } from './labels';

/** 协查名单: the lists from above received in scope with their figures; import one; open one (?list=ID). */
export function ListsTab() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const labels = useIsolationLabels();
  const lists = useIsolationLists();
  const [params, setParams] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const opened = params.get('list') ?? undefined;
  const openList = (id: string | undefined) =>
    setParams(id ? { tab: 'lists', list: id } : { tab: 'lists' }, { replace: !id });
  const write = hasPermission(me, 'isolation.write');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {write && (
        <Button
          type="primary"
          icon={<ImportOutlined />}
          onClick={() => setImporting(true)}
          data-testid="list-import"
        >
          {t('isolation.lists.import')}
        </Button>
      )}
      {!lists.isPending && !lists.data?.items.length ? (
        <Empty description={t('isolation.lists.none')} data-testid="lists-empty" />
      ) : (
        <Table<IsolationList>
          size="small"
          rowKey="id"
          loading={lists.isPending}
          dataSource={lists.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          data-testid="lists-table"
          onRow={(l) =>
            ({
              'data-testid': `list-${l.id}`,
              style: { cursor: 'pointer' },
              onClick: () => openList(l.id),
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t('isolation.lists.title'), dataIndex: 'title', ellipsis: true },
            {
              title: t('isolation.lists.receivedAt'),
              dataIndex: 'receivedAt',
              width: 150,
              render: (at: string) => formatDateTime(at),
            },
            { title: t('isolation.lists.listUnit'), dataIndex: 'unitName', width: 140, ellipsis: true },
            {
              title: t('isolation.lists.category'),
              dataIndex: 'category',
              width: 130,
              render: (c: string) => labels.category(c),
            },
            { title: t('isolation.lists.rows'), dataIndex: 'rows', width: 70, align: 'right' },
            {
              title: t('isolation.lists.found'),
              dataIndex: 'found',
              width: 80,
              align: 'right',
              render: (n: number) => <span data-testid="list-found">{n}</span>,
            },
            { title: t('isolation.lists.reached'), dataIndex: 'reached', width: 80, align: 'right' },
            { title: t('isolation.lists.placed'), dataIndex: 'placed', width: 80, align: 'right' },
            {
              title: t('isolation.lists.notFound'),
              dataIndex: 'notFound',
              width: 80,
              align: 'right',
              render: (n: number) => <span data-testid="list-not-found">{n}</span>,
            },
            {
              title: (
                <Tooltip title={t('isolation.lists.outsideHint')}>
                  {t('isolation.lists.outside')} <InfoCircleOutlined />
                </Tooltip>
              ),
              dataIndex: 'outside',
              width: 80,
              align: 'right',
            },
          ]}
        />
      )}
      <ListImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(id) => {
          setImporting(false);
          openList(id);
        }}
      />
      <ListDrawer id={opened} onClose={() => openList(undefined)} />
    </Space>
  );
}
