import { UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Result, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { HOUSEHOLD_COLOURS } from '../../../../domain/ledger/colours';
import { errorText, isStatus } from '../../../http/errors';
import { useBuilding } from '../../../http/ledger';
import { useUnit } from '../../../http/org';
import { PrintButton } from '../../../shell/print/PrintButton';
import { UnitKindTag } from '../../org/UnitKindTag';
import { UnitTrail } from '../../org/UnitTrail';
import { useLedgerLive } from '../common/useLedgerLive';
import { HouseholdDrawer } from '../household/HouseholdDrawer';
import { useBuildingPrint } from '../print/useBuildingPrint';
import { BuildingLegend } from './BuildingLegend';
import { EntranceBlock } from './EntranceBlock';
import { buildingGrids } from './layout';

/** 楼栋图: a building's households as coloured tiles, floors × doors, entrance by entrance. */
export default function BuildingPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const unit = useUnit(code);
  const view = useBuilding(code);
  useLedgerLive();
  const household = search.get('h') ?? undefined;
  const openHousehold = (key: string | undefined) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (key) next.set('h', key);
        else next.delete('h');
        return next;
      },
      { replace: false },
    );

  const tiles = view.data?.households ?? [];
  const grids = buildingGrids(tiles);
  const counts = Object.fromEntries(
    HOUSEHOLD_COLOURS.map((c) => [c, tiles.filter((h) => h.colour === c).length]),
  );
  const printBuilding = useBuildingPrint(unit.data, code, grids, counts, tiles.length);

  if (unit.isError || view.isError) {
    const err = unit.error ?? view.error;
    return (
      <Card>
        <Result status={isStatus(err, 404) ? '404' : 'error'} title={errorText(err)} />
      </Card>
    );
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        {unit.data ? (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <UnitTrail unit={unit.data} linkTo={(c) => `/ledger?unit=${c}`} />
            <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
              <Space wrap align="center">
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="building-title">
                  {t('building.title')} · {unit.data.name}
                </Typography.Title>
                <UnitKindTag kind={unit.data.kind} name={unit.data.name} />
              </Space>
              <Space wrap>
                {view.isSuccess && <PrintButton prepare={printBuilding} testId="building-print" />}
                <Link to={`/ledger?unit=${unit.data.code}`}>
                  <Button icon={<UnorderedListOutlined />} data-testid="building-open-ledger">
                    {t('building.openLedger')}
                  </Button>
                </Link>
              </Space>
            </Space>
          </Space>
        ) : (
          <Skeleton active paragraph={{ rows: 1 }} />
        )}
      </Card>
      <BuildingLegend counts={counts} total={tiles.length} />
      {view.data?.truncated && (
        <Alert type="warning" showIcon title={t('building.truncated', { n: tiles.length })} />
      )}
      {view.isPending && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {view.isSuccess && tiles.length === 0 && (
        <Card>
          <Empty description={t('building.empty')} />
        </Card>
      )}
      {grids.map((g) => (
        <Card
          key={g.unit.code}
          size="small"
          title={grids.length > 1 || g.unit.code !== code ? g.unit.name : undefined}
          data-testid={`building-${g.unit.code}`}
        >
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'flex-start' }}>
            {g.entrances.map((e) => (
              <EntranceBlock key={e.entrance} grid={e} onOpen={openHousehold} />
            ))}
          </div>
        </Card>
      ))}
      <HouseholdDrawer
        householdKey={household}
        onClose={() => openHousehold(undefined)}
        onOpen={(key) => openHousehold(key)}
      />
    </Space>
  );
}
