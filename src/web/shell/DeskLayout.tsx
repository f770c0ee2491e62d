import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Space, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { DutyAlertNotifier } from '../modules/duty/DutyAlertNotifier';
import { IsolationAlertNotifier } from '../modules/isolation/IsolationAlertNotifier';
import { LanguageSwitch } from './LanguageSwitch';
import { ScopeSwitcher } from './ScopeSwitcher';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';
import { useNarrowScreen } from './useNarrowScreen';

const { Header, Sider, Content } = Layout;

function Brand({ short }: { short?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link
      to="/"
      style={{
        display: 'block',
        padding: '16px 20px',
        color: '#fff',
        fontWeight: 600,
        fontSize: 18,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      {short ? t('app.name').slice(0, 2) : t('app.name')}
    </Link>
  );
}

/** The desk frame: side menu of the modules (a drawer on a phone), header with scope switcher, language and user menu. */
export function DeskLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const narrow = useNarrowScreen();
  const [collapsed, setCollapsed] = useState(false);
  const [drawer, setDrawer] = useState(false);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <DutyAlertNotifier />
      <IsolationAlertNotifier />
      {narrow ? (
        <Drawer
          open={drawer}
          onClose={() => setDrawer(false)}
          placement="left"
          size={220}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand />
          <SideMenu onNavigate={() => setDrawer(false)} />
        </Drawer>
      ) : (
        <Sider breakpoint="lg" collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208}>
          <Brand short={collapsed} />
          <SideMenu />
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: narrow ? '8px 12px' : '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: narrow ? 8 : 12,
            flexWrap: 'wrap',
            height: 'auto',
            minHeight: 64,
            lineHeight: narrow ? 'normal' : '64px',
          }}
        >
          {narrow && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => setDrawer(true)}
              aria-label={t('shell.menu')}
              data-testid="nav-open"
            />
          )}
          {narrow ? (
            <div style={{ order: 10, width: '100%' }}>
              <ScopeSwitcher block />
            </div>
          ) : (
            <Space>
              <Typography.Text type="secondary">{t('shell.scope')}</Typography.Text>
              <ScopeSwitcher />
            </Space>
          )}
          <div style={{ flex: 1 }} />
          <LanguageSwitch size={narrow ? 'small' : 'middle'} />
          <UserMenu />
        </Header>
        <Content style={{ margin: narrow ? 8 : 16 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
