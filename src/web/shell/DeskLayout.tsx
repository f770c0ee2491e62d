import { Layout, Space, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { ScopeSwitcher } from './ScopeSwitcher';
import { SideMenu } from './SideMenu';
import { useNarrowScreen } from './useNarrowScreen';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

/** The desk frame: side menu of the modules, header with scope switcher, language and user menu. */
export function DeskLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const narrow = useNarrowScreen();
  const [collapsed, setCollapsed] = useState(narrow);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        collapsedWidth={narrow ? 0 : 80}
        width={208}
      >
        <Link to="/" style={{ display: 'block', padding: '16px 20px', color: '#fff', fontWeight: 600, fontSize: 18, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed && !narrow ? t('app.name').slice(0, 2) : t('app.name')}
        </Link>
        <SideMenu onNavigate={narrow ? () => setCollapsed(true) : undefined} />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            flexWrap: 'wrap',
            height: 'auto',
            minHeight: 64,
            lineHeight: '64px',
          }}
        >
          <Space>
            <Typography.Text type="secondary">{t('shell.scope')}</Typography.Text>
            <ScopeSwitcher />
          </Space>
          <div style={{ flex: 1 }} />
          <LanguageSwitch />
          <UserMenu />
        </Header>
        <Content style={{ margin: 16 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
