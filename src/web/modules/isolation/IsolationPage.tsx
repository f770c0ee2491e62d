import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CountsTab } from './CountsTab';
import { KeyPersonsTab } from './KeyPersonsTab';
import { ListsTab } from './ListsTab';
import { SitesTab } from './SitesTab';
import { TransfersTab } from './TransfersTab';
import { useIsolationLive } from './useIsolationLive';

const TABS = ['persons', 'lists', 'transfers', 'sites', 'counts'] as const;
type Tab = (typeof TABS)[number];

/** 重点人员: the key persons, the lists from above, the transfers board, the isolation sites and the counts;
 * live on the server's events. */
export default function IsolationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  useIsolationLive();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'persons';
  const items = [
    { key: 'persons', label: t('isolation.tabs.persons'), children: <KeyPersonsTab /> },
    { key: 'lists', label: t('isolation.tabs.lists'), children: <ListsTab /> },
    { key: 'transfers', label: t('isolation.tabs.transfers'), children: <TransfersTab /> },
    { key: 'sites', label: t('isolation.tabs.sites'), children: <SitesTab /> },
    { key: 'counts', label: t('isolation.tabs.counts'), children: <CountsTab /> },
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
