import { AppstoreOutlined, BgColorsOutlined, ForkOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Drawer, Result, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../../http/auth';
import { errorText, isStatus } from '../../../http/errors';
import { type Resident, type ResidentStatus, useHousehold } from '../../../http/ledger';
import { useLanguage } from '../../../i18n/useLanguage';
import { useNarrowScreen } from '../../../shell/useNarrowScreen';
import { ColourChip } from '../common/ColourChip';
import { colourName, placeText } from '../common/labels';
import { MarkerSymbols } from '../common/MarkerSymbols';
import { ColourModal } from './ColourModal';
import { HistoryTimeline } from './HistoryTimeline';
import { HouseholdVisits } from './HouseholdVisits';
import { ReasonsList } from './ReasonsList';
import { ResidentFormModal } from './ResidentFormModal';
import { ResidentsTable } from './ResidentsTable';
import { SplitModal } from './SplitModal';
import { StatusModal } from './StatusModal';

interface Props {
  householdKey: string | undefined;
  onClose: () => void;
  /** after a split, open the new household */
  onOpen?: (key: string) => void;
}

/** One household: its colour and why, its residents, what may be done, its history. */
export function HouseholdDrawer({ householdKey, onClose, onOpen }: Props) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const narrow = useNarrowScreen();
  const { data: me } = useMe();
  const query = useHousehold(householdKey);
  const [residentForm, setResidentForm] = useState<{ resident?: Resident } | null>(null);
  const [colourMode, setColourMode] = useState<'set' | 'clear' | null>(null);
  const [status, setStatus] = useState<{ resident: Resident; status: ResidentStatus } | null>(null);
  const [splitting, setSplitting] = useState(false);
  const canWrite = hasPermission(me, 'ledger.write');
  const h = query.data?.key === householdKey ? query.data : undefined;

  const drawer = (
    <Drawer
      open={!!householdKey}
      onClose={onClose}
      size={narrow ? '100%' : 860}
      destroyOnHidden
      title={h ? placeText(h) : t('household.title')}
      extra={h && <ColourChip colour={h.colour} long testId="household-colour" style={{ fontSize: 14 }} />}
      data-testid="household-drawer"
    >
      {query.isError && (
        <Result status={isStatus(query.error, 404) ? '404' : 'error'} title={errorText(query.error)} />
      )}
      {!h && !query.isError && <Skeleton active />}
      {h && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {h.override && (
            <Alert
              type="warning"
              showIcon
              data-testid="household-override"
              title={t('household.overridden', {
                colour: colourName(h.override.colour, lang),
                derived: colourName(h.derivedColour, lang),
              })}
              description={t('household.overrideReason', { reason: h.override.reason })}
              action={
                canWrite && (
                  <Button
                    size="small"
                    onClick={() => setColourMode('clear')}
                    data-testid="household-clear-colour"
                  >
                    {t('household.clearColour')}
                  </Button>
                )
              }
            />
          )}
          <Space wrap>
            <Typography.Text type="secondary">
              {t('household.residentCount', { n: h.residentCount })}
            </Typography.Text>
            <MarkerSymbols markers={h.markers} withLabels />
          </Space>
          <div>
            <Typography.Text type="secondary">{t('household.reasons')}</Typography.Text>
            <div style={{ marginTop: 4 }}>
              <ReasonsList reasons={h.reasons} />
            </div>
          </div>
          <Space wrap>
            {canWrite && (
              <>
                <Button
                  icon={<UserAddOutlined />}
                  onClick={() => setResidentForm({})}
                  data-testid="household-add-resident"
                >
                  {t('household.addResident')}
                </Button>
                <Button
                  icon={<BgColorsOutlined />}
                  onClick={() => setColourMode('set')}
                  data-testid="household-set-colour"
                >
                  {t('household.setColour')}
                </Button>
                <Button
                  icon={<ForkOutlined />}
                  onClick={() => setSplitting(true)}
                  disabled={
                    h.residents.filter((r) => r.status === 'present' || r.status === 'away').length === 0
                  }
                  data-testid="household-split"
                >
                  {t('household.split')}
                </Button>
              </>
            )}
            {h.unit.kind === 'building' && (
              <Link to={`/ledger/building/${h.unit.code}`}>
                <Button icon={<AppstoreOutlined />} data-testid="household-building-view">
                  {t('building.title')}
                </Button>
              </Link>
            )}
          </Space>
          <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
            {t('household.residents')}
          </Divider>
          <ResidentsTable
            residents={h.residents}
            canWrite={canWrite}
            onEdit={(resident) => setResidentForm({ resident })}
            onStatus={(resident, s) => setStatus({ resident, status: s })}
          />
          <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
            {t('find.visits.title')}
          </Divider>
          <HouseholdVisits householdKey={h.key} />
          <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
            {t('household.history')}
          </Divider>
          <HistoryTimeline household={h} />
        </Space>
      )}
    </Drawer>
  );
  // the dialogs stand beside the drawer, not in it: keys (Esc) and focus go to the dialog on top
  return (
    <>
      {drawer}
      {h && (
        <>
          <ResidentFormModal
            open={residentForm !== null}
            householdKey={h.key}
            resident={residentForm?.resident}
            onClose={() => setResidentForm(null)}
          />
          <ColourModal mode={colourMode} household={h} onClose={() => setColourMode(null)} />
          <StatusModal target={status} onClose={() => setStatus(null)} />
          <SplitModal
            open={splitting}
            household={h}
            onClose={() => setSplitting(false)}
            onSplit={(key) => onOpen?.(key)}
          />
        </>
      )}
    </>
  );
}
