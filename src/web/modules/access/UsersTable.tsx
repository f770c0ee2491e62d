import { Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useRoles } from '../../http/access';
import { hasPermission, useMe } from '../../http/auth';
import type { Unit, User } from '../../http/types';
import { GrantRoleButton } from './GrantRoleButton';
import { GrantTags } from './GrantTags';
import { PhoneCell } from './PhoneCell';
import { UserMoreMenu } from './UserMoreMenu';
import { homeUnitName } from './userFields';

interface Props {
  users: User[];
  loading: boolean;
  emptyText?: string;
  scopeUnit?: Unit;
}

export function UsersTable({ users, loading, emptyText, scopeUnit }: Props) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data: roles = [] } = useRoles();
  const canManage = hasPermission(me, 'user.manage');
  const columns: ColumnsType<User> = [
    { title: t('access.username'), dataIndex: 'username', width: 140 },
    { title: t('access.displayName'), dataIndex: 'displayName', width: 120 },
    { title: t('access.homeUnit'), key: 'home', width: 180, render: (_, u) => homeUnitName(u) },
    { title: t('access.phone'), key: 'phone', width: 190, render: (_, u) => <PhoneCell user={u} /> },
    {
      title: t('access.roles'),
      key: 'roles',
      render: (_, u) => <GrantTags grants={u.grants ?? []} roles={roles} />,
    },
    {
      title: t('access.status'),
      key: 'status',
      width: 90,
      render: (_, u) =>
        u.disabled ? <Tag>{t('access.disabled')}</Tag> : <Tag color="green">{t('access.enabled')}</Tag>,
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'end',
      render: (_, u) => (
        <Space size={4}>
          <GrantRoleButton user={u} defaultUnit={scopeUnit} />
          <UserMoreMenu user={u} />
        </Space>
      ),
    });
  }
  return (
    <Table<User>
      data-testid="users-table"
      rowKey={(u) => String(u.id)}
      size="middle"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={false}
      locale={emptyText ? { emptyText } : undefined}
      scroll={{ x: 1000 }}
    />
  );
}
