import { Button, ErrorBlock, List, Popup, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../http/errors';
import { useCampaignPlaces } from '../../http/ledger';

/**
 * Jump to a building of a campaign: its buildings in a sheet, each with its progress (visited / doors,
 * revisits); picking one narrows the door list to it, 全部楼栋 widens it again.
 */
export function FieldBuildingJump({
  campaignId,
  current,
  onPick,
}: {
  campaignId: string;
  current: string | undefined;
  onPick: (code: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const places = useCampaignPlaces(campaignId);
  const items = places.data?.items ?? [];
  const chosen = items.find((p) => p.unit.code === current);
  const pick = (code: string | undefined) => {
    setOpen(false);
    onPick(code);
  };
  return (
    <>
      <Button
        size="small"
        color={current ? 'primary' : 'default'}
        fill="outline"
        onClick={() => setOpen(true)}
        data-testid="field-jump"
        style={{ whiteSpace: 'nowrap' }}
      >
        {chosen?.unit.name ?? t('find.doors.jump')}
      </Button>
      <Popup
        visible={open}
        onMaskClick={() => setOpen(false)}
        onClose={() => setOpen(false)}
        bodyStyle={{ maxHeight: '70vh', overflowY: 'auto', borderTopLeftRadius: 8, borderTopRightRadius: 8 }}
      >
        {places.isError && <ErrorBlock status="default" title={errorText(places.error)} description="" />}
        <List header={t('find.doors.jump')} data-testid="field-jump-list">
          <List.Item onClick={() => pick(undefined)} data-testid="field-jump-all">
            {t('find.doors.allBuildings')}
          </List.Item>
          {items.map((p) => (
            <List.Item
              key={p.unit.code}
              data-testid={`field-jump-${p.unit.code}`}
              onClick={() => pick(p.unit.code)}
              extra={
                <span>
                  {p.revisit > 0 && (
                    <Tag color="warning" style={{ marginRight: 6 }}>
                      {p.revisit}
                    </Tag>
                  )}
                  {t('find.doors.buildingProgress', { visited: p.visited, total: p.total })}
                </span>
              }
              style={{ fontWeight: p.unit.code === current ? 600 : undefined }}
            >
              {p.unit.name}
            </List.Item>
          ))}
          {places.data?.truncated && <List.Item>{t('find.doors.truncated', { n: items.length })}</List.Item>}
        </List>
      </Popup>
    </>
  );
}
