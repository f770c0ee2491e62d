import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../http/auth';
import { ChangePasswordModal } from './ChangePasswordModal';
import { useLogout } from './useLogout';
import { useNarrowScreen } from './useNarrowScreen';

export function UserMenu() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const logout = useLogout();
  const [changing, setChanging] = useState(false);
  const narrow = useNarrowScreen();
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: <span data-testid="menu-change-password">{t('auth.changePassword')}</span>,
            },
            { type: 'divider' },
            {
              key: 'logout',
              icon: <LogoutOutlined />,
              label: <span data-testid="menu-logout">{t('auth.logout')}</span>,
            },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            if (key === 'logout') void logout();
          },
        }}
      >
        <Button type="text" icon={<UserOutlined />} data-testid="user-menu" aria-label={t('shell.userMenu')}>
          {!narrow && (
            <>
              {me?.displayName ?? me?.username} <DownOutlined />
            </>
          )}
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
