import { Card, Drawer, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useNarrowScreen } from '../../shell/useNarrowScreen';
import { BoardTab } from './BoardTab';
import { DayListTab } from './DayListTab';
import { HouseholdPanel } from './HouseholdPanel';
import { HouseholdsTab } from './HouseholdsTab';
import { useCareLive } from './useCareLive';

const TABS = ['board', 'dayList', 'households'] as const;
type Tab = (typeof TABS)[number];

/**
 * 生活保障: the day's requests board (assign, deliver, cancel, register), the day's list per community
 * (xlsx, print), and the households' links (QR codes for the door); live on the server's events.
 */
export default function CarePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [drawer, setDrawer] = useState<string | undefined>();
  const narrow = useNarrowScreen();
  useCareLive();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'board';
  const household = params.get('household') ?? undefined;
  const items = [
    { key: 'board', label: t('care.tabs.board'), children: <BoardTab onOpenHousehold={setDrawer} /> },
    { key: 'dayList', label: t('care.tabs.dayList'), children: <DayListTab /> },
    {
      key: 'households',
      label: t('care.tabs.households'),
      children: (
        <HouseholdsTab
          householdKey={household}
          onPick={(key) => setParams(key ? { tab: 'households', household: key } : { tab: 'households' })}
        />
      ),
    },
  ];
  return (
    <Card title={t('care.title')} data-testid="care-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={items.map((i) => ({ ...i, label: <span data-testid={`care-tab-${i.key}`}>{i.label}</span> }))}
        destroyOnHidden
      />
      <Drawer
        open={!!drawer}
        size={narrow ? '100%' : 720}
        title={t('care.household.title')}
        onClose={() => setDrawer(undefined)}
        destroyOnHidden
      >
        {drawer && <HouseholdPanel householdKey={drawer} />}
      </Drawer>
    </Card>
  );
}
