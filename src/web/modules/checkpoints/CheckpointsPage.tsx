import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import { CountsTab } from './CountsTab';
import { HandoversTab } from './HandoversTab';
import { PassagesTab } from './PassagesTab';
import { SettingsTab } from './SettingsTab';

/** 卡点: passages, counts up the tree, hand-overs to communities, and a checkpoint's settings. */
export default function CheckpointsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? (hasPermission(me, 'checkpoint.register') ? 'passages' : 'handovers');
  const items = [
    ...(hasPermission(me, 'checkpoint.register')
      ? [
          { key: 'passages', label: t('checkpoints.desk.passages'), children: <PassagesTab /> },
          { key: 'counts', label: t('checkpoints.desk.counts'), children: <CountsTab /> },
        ]
      : []),
    ...(hasPermission(me, 'handover.read')
      ? [{ key: 'handovers', label: t('checkpoints.desk.handovers'), children: <HandoversTab /> }]
      : []),
    ...(hasPermission(me, 'checkpoint.manage')
      ? [{ key: 'settings', label: t('checkpoints.desk.settings'), children: <SettingsTab /> }]
      : []),
  ];
  return (
    <Card title={t('checkpoints.desk.title')} data-testid="checkpoints-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={items.map((i) => ({ ...i, label: <span data-testid={`cp-tab-${i.key}`}>{i.label}</span> }))}
        destroyOnHidden
      />
    </Card>
  );
}
