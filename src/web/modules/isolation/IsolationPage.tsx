import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { KeyPersonsTab } from './KeyPersonsTab';
import { SitesTab } from './SitesTab';
import { TransfersTab } from './TransfersTab';
import { useIsolationLive } from './useIsolationLive';

const TABS = ['persons', 'transfers', 'sites'] as const;
type Tab = (typeof TABS)[number];

/** 重点人员: the key persons, the transfers board and the isolation sites; live on the server's events. */
export default function IsolationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  useIsolationLive();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'persons';
  const items = [
    { key: 'persons', label: t('isolation.tabs.persons'), children: <KeyPersonsTab /> },
    { key: 'transfers', label: t('isolation.tabs.transfers'), children: <TransfersTab /> },
    { key: 'sites', label: t('isolation.tabs.sites'), children: <SitesTab /> },
  ];
  return (
    <Card title={t('isolation.title')} data-testid="isolation-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={items.map((i) => ({ ...i, label: <span data-testid={`iso-tab-${i.key}`}>{i.label}</span> }))}
        destroyOnHidden
      />
    </Card>
  );
}
