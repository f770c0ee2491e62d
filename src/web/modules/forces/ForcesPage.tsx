import { Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useForcesLive } from './common';
import { GroupsPage } from './GroupsPage';
import { RegistryPage } from './RegistryPage';
import { ResponsibilityPage } from './ResponsibilityPage';

const TABS = [
  { key: 'registry', path: '/forces' },
  { key: 'groups', path: '/forces/groups' },
  { key: 'responsibility', path: '/forces/responsibility' },
] as const;

/** 力量调度: the registry of people who serve, the organisation chart, and 包保 — one tab each. */
export default function ForcesPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  useForcesLive();
  const active =
    TABS.find((tab) => tab.path !== '/forces' && location.pathname.startsWith(tab.path))?.key ?? 'registry';
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }}>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(TABS.find((tab) => tab.key === key)?.path ?? '/forces')}
        items={TABS.map((tab) => ({
          key: tab.key,
          label: <span data-testid={`forces-tab-${tab.key}`}>{t(`forces.tabs.${tab.key}`)}</span>,
        }))}
      />
      <Routes>
        <Route index element={<RegistryPage />} />
        <Route path="groups" element={<GroupsPage />} />
        <Route path="responsibility" element={<ResponsibilityPage />} />
        <Route path="*" element={<Navigate to="/forces" replace />} />
      </Routes>
    </Space>
  );
}
