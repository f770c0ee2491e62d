import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../shell/ScopeContext';
import { HouseholdPanel } from './HouseholdPanel';
import { HouseholdPicker } from './HouseholdPicker';

/** 住户链接: a household found in the ledger (or by its key), then its care panel: link, QR code, requests. */
export function HouseholdsTab({
  householdKey,
  onPick,
}: {
  householdKey: string | undefined;
  onPick: (key: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const { scopeCode } = useScope();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="care-households">
      <Typography.Paragraph type="secondary">{t('care.household.intro')}</Typography.Paragraph>
      <HouseholdPicker
        unit={scopeCode}
        value={householdKey ? { key: householdKey, place: householdKey } : undefined}
        onPick={(h) => onPick(h?.key)}
        testId="care-households-pick"
      />
      {householdKey && <HouseholdPanel key={householdKey} householdKey={householdKey} />}
    </Space>
  );
}
