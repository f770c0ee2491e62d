import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../http/access';
import { linkUser, type Person } from '../../http/forces';
import { paren } from '../../i18n/punctuation';
import { useDebounced } from '../../shell/useDebounced';
import { useForcesMutation } from './common';

/**
 * 登录账号: the login a person of the registry uses (their shifts reach that phone). An office picks
 * one of the users of its part of the tree, or unlinks; one login serves one person.
 */
export function PersonLogin({ person, manage }: { person: Person; manage: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const [picking, setPicking] = useState(false);
  const users = useUsers(undefined, q, null, 20);
  const link = useForcesMutation(
    (userId: string | null) => linkUser(person.id, userId),
    () => setPicking(false),
  );
  const current = person.user?.username;
  if (!manage || person.status !== 'active') return <span>{current ?? '—'}</span>;
  if (!picking)
    return (
      <Space size={4} wrap>
        <span data-testid="person-login">{current ?? '—'}</span>
        <Button size="small" type="link" onClick={() => setPicking(true)} data-testid="person-login-change">
          {current ? t('forces.person.loginChange') : t('forces.person.loginLink')}
        </Button>
        {current && (
          <Button
            size="small"
            type="link"
            danger
            loading={link.isPending}
            onClick={() => link.mutate(null)}
            data-testid="person-login-unlink"
          >
            {t('forces.person.loginUnlink')}
          </Button>
        )}
      </Space>
    );
  const items = users.data?.items ?? [];
  return (
    <Space size={4} wrap style={{ width: '100%' }}>
      <Select
        data-testid="person-login-select"
        showSearch={{ filterOption: false, onSearch: setText }}
        placeholder={t('forces.person.loginPick')}
        loading={users.isFetching || link.isPending}
        style={{ minWidth: 220 }}
        options={items.map((u) => ({ value: String(u.id), label: `${u.displayName}${paren(u.username)}` }))}
        optionRender={(opt) => (
          <span data-testid={`login-option-${opt.value}`}>
            {opt.label}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              {items.find((u) => String(u.id) === opt.value)?.homeUnit?.name ?? ''}
            </Typography.Text>
          </span>
        )}
        onChange={(id: string) => link.mutate(id)}
      />
      <Button size="small" type="link" onClick={() => setPicking(false)}>
        {t('forces.person.loginCancel')}
      </Button>
    </Space>
  );
}
