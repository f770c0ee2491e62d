import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import { type Callup, useCallups } from '../../http/duty';
import { useScope } from '../../shell/ScopeContext';
import { CallupDetail } from './CallupDetail';
import { CallupForm } from './CallupForm';
import { useCallupDates } from './callupDates';

/** 招募令: the call-ups of the scope with their progress; a new one; a call-up's detail. */
export default function CallupsPage() {
  return (
    <Routes>
      <Route index element={<CallupList />} />
      <Route path="new" element={<CallupForm />} />
      <Route path=":id" element={<CallupDetail />} />
    </Routes>
  );
}

function CallupList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { scopeCode } = useScope();
  const list = useCallups(scopeCode);
  const dates = useCallupDates();
  const canManage = hasPermission(me, 'forces.manage');
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('duty.callups.title')}
        </Typography.Title>
      }
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/callups/new')}
            data-testid="callup-new"
          >
            {t('duty.callups.new')}
          </Button>
        )
      }
    >
      <Table<Callup>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        data-testid="callups-table"
        locale={{ emptyText: <Empty description={t('duty.callups.empty')} /> }}
        onRow={(c) => ({ onClick: () => void navigate(`/callups/${c.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('duty.callups.colTitle'),
            dataIndex: 'title',
            render: (v: string, c) => (
              <Typography.Link data-testid={`callup-row-${c.id}`}>{v}</Typography.Link>
            ),
          },
          { title: t('duty.callups.colUnit'), render: (_, c) => c.unit.name },
          { title: t('duty.callups.colDates'), render: (_, c) => dates(c) },
          {
            title: t('duty.callups.colProgress'),
            width: 260,
            render: (_, c) => (
              <Space>
                <Progress
                  percent={c.capacity ? Math.round((c.approved / c.capacity) * 100) : 0}
                  success={{ percent: c.capacity ? Math.round((c.trained / c.capacity) * 100) : 0 }}
                  size="small"
                  style={{ width: 140 }}
                  showInfo={false}
                />
                <span>
                  {c.approved} / {c.capacity}
                  {c.applied > 0 && (
                    <Tag style={{ marginLeft: 6 }}>
                      {t('duty.detail.applied')} {c.applied}
                    </Tag>
                  )}
                </span>
              </Space>
            ),
          },
          { title: t('duty.callups.colTrained'), dataIndex: 'trained', width: 80 },
          {
            title: t('duty.callups.colStatus'),
            width: 90,
            render: (_, c) =>
              c.status === 'open' ? (
                <Tag color="green">{t('duty.callups.open')}</Tag>
              ) : (
                <Tag>{t('duty.callups.closed')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
