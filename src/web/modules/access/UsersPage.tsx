import { SearchOutlined } from '@ant-design/icons';
import { Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../http/access';
import { hasPermission, useMe } from '../../http/auth';
import { errorText } from '../../http/errors';
import { CursorPager } from '../../shell/CursorPager';
import { useScope } from '../../shell/ScopeContext';
import { useCursorPages } from '../../shell/useCursorPages';
import { useDebounced } from '../../shell/useDebounced';
import { CreateUserButton } from './CreateUserButton';
import { UsersTable } from './UsersTable';

const PAGE = 20;

/** 用户与权限: the users whose home lies in the current scope. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { scopeCode, scopeUnit } = useScope();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const pager = useCursorPages(`${scopeCode}|${q}`);
  const query = useUsers(scopeCode, q, pager.after, PAGE);
  return (
    <Card
      title={
        <Space>
          {t('access.title')}
          {scopeUnit && <Typography.Text type="secondary">· {scopeUnit.name}</Typography.Text>}
        </Space>
      }
      extra={hasPermission(me, 'user.manage') && <CreateUserButton defaultUnit={scopeUnit} />}
    >
      <Input
        prefix={<SearchOutlined />}
        placeholder={t('access.filterPlaceholder')}
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ maxWidth: 360, marginBottom: 16 }}
        data-testid="users-filter"
      />
      <UsersTable
        users={query.data?.items ?? []}
        loading={query.isFetching}
        emptyText={query.isError ? errorText(query.error) : undefined}
        scopeUnit={scopeUnit}
      />
      <CursorPager
        page={pager.page}
        hasPrev={pager.hasPrev}
        nextCursor={query.data?.next}
        onPrev={pager.prev}
        onNext={pager.next}
        testId="users"
      />
    </Card>
  );
}
