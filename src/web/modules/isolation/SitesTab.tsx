import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../http/auth';
import { type IsolationSite, useSiteRooms, useSites } from '../../http/isolation';
import { AddRoomsModal } from './AddRoomsModal';

/** A site's rooms as tags: the name and occupancy, red when full. */
function Rooms({ site }: { site: IsolationSite }) {
  const { t } = useTranslation();
  const rooms = useSiteRooms(site.id);
  if (rooms.isPending) return <Spin size="small" />;
  const list = rooms.data?.rooms ?? [];
  if (!list.length) return <Typography.Text type="secondary">{t('isolation.sites.noRooms')}</Typography.Text>;
  return (
    <Space wrap size={[4, 4]} data-testid={`site-rooms-${site.id}`}>
      {list.map((r) => (
        <Tag
          key={r.id}
          color={r.occupied >= r.capacity ? 'red' : r.occupied > 0 ? 'orange' : 'green'}
          data-testid={`room-${r.name}`}
        >
          {r.name} {r.occupied}/{r.capacity}
        </Tag>
      ))}
    </Space>
  );
}

/** 隔离点: the isolation sites in scope and above it, beds and occupancy; a site's rooms; add rooms. */
export function SitesTab() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const sites = useSites();
  const [adding, setAdding] = useState<IsolationSite | null>(null);
  const manage = hasPermission(me, 'facility.write');
  if (!sites.isPending && !sites.data?.items.length)
    return <Empty description={t('isolation.sites.none')} data-testid="sites-empty" />;
  return (
    <>
      <Table<IsolationSite>
        size="small"
        rowKey="id"
        loading={sites.isPending}
        dataSource={sites.data?.items ?? []}
        pagination={false}
        data-testid="sites-table"
        expandable={{ expandedRowRender: (s) => <Rooms site={s} />, rowExpandable: (s) => s.rooms > 0 }}
        onRow={(s) => ({ 'data-testid': `site-${s.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('isolation.sites.name'), dataIndex: 'name' },
          { title: t('isolation.sites.unit'), dataIndex: 'unitName' },
          { title: t('isolation.sites.address'), render: (_, s) => s.address ?? '—' },
          { title: t('isolation.sites.rooms'), dataIndex: 'rooms', align: 'right' },
          { title: t('isolation.sites.beds'), dataIndex: 'beds', align: 'right' },
          { title: t('isolation.sites.occupied'), dataIndex: 'occupied', align: 'right' },
          {
            title: t('isolation.sites.free'),
            align: 'right',
            render: (_, s) => Math.max(0, s.beds - s.occupied),
          },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, s: IsolationSite) => (
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => setAdding(s)}
                      data-testid={`site-add-rooms-${s.id}`}
                    >
                      {t('isolation.sites.addRooms')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <AddRoomsModal site={adding} onClose={() => setAdding(null)} />}
    </>
  );
}
