import { MoreOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { revokeSessions, updateUser } from '../../http/access';
import type { User } from '../../http/types';
import { testIdProps } from '../../shell/testId';
import { useAccessMutation } from './useAccessMutation';

/** 强制下线, 停用/启用. */
export function UserMoreMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const sessions = useAccessMutation(
    () => revokeSessions(user.id),
    () => message.success(t('access.sessionsRevoked')),
  );
  const toggle = useAccessMutation(
    (disabled: boolean) => updateUser(user.id, { disabled }),
    (_, disabled) => message.success(t(disabled ? 'access.userDisabled' : 'access.userEnabled')),
  );
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'sessions',
            label: <span data-testid={`user-revoke-sessions-${user.id}`}>{t('access.revokeSessions')}</span>,
          },
          user.disabled
            ? {
                key: 'enable',
                label: <span data-testid={`user-enable-${user.id}`}>{t('access.enable')}</span>,
              }
            : {
                key: 'disable',
                danger: true,
                label: <span data-testid={`user-disable-${user.id}`}>{t('access.disable')}</span>,
              },
        ],
        onClick: ({ key }) => {
          if (key === 'sessions') {
            modal.confirm({
              title: t('access.revokeSessionsConfirm', { name: user.displayName }),
              okText: t('common.confirm'),
              cancelText: t('common.cancel'),
              okButtonProps: testIdProps('revoke-sessions-confirm'),
              onOk: () => sessions.mutateAsync(undefined).catch(() => undefined),
            });
          } else if (key === 'disable') {
            modal.confirm({
              title: t('access.disableConfirm', { name: user.displayName }),
              okType: 'danger',
              okText: t('access.disable'),
              cancelText: t('common.cancel'),
              okButtonProps: testIdProps('disable-user-confirm'),
              onOk: () => toggle.mutateAsync(true).catch(() => undefined),
            });
          } else if (key === 'enable') {
            toggle.mutate(false);
          }
        },
      }}
    >
      <Button
        size="small"
        icon={<MoreOutlined />}
        data-testid={`user-more-${user.id}`}
        aria-label={t('access.more')}
      />
    </Dropdown>
  );
}
