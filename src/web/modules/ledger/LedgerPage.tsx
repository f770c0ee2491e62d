import { AppstoreOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import { errorText, isStatus } from '../../http/errors';
import { useCounts, useLedgerCount, useLedgerList } from '../../http/ledger';
import { useUnit } from '../../http/org';
import { PrintButton } from '../../shell/print/PrintButton';
import { useScope } from '../../shell/ScopeContext';
import { ResponsibleTag } from '../forces/ResponsibleTag';
import { UnitKindTag } from '../org/UnitKindTag';
import { UnitPicker } from '../org/UnitPicker';
import { UnitTrail } from '../org/UnitTrail';
import { ChildCountsTable } from './ChildCountsTable';
import { ColourSummary } from './ColourSummary';
import { MarkerLegend } from './common/MarkerSymbols';
import { useLedgerLive } from './common/useLedgerLive';
import { ExportButton, TemplateButton } from './ExcelButtons';
import { HouseholdDrawer } from './household/HouseholdDrawer';
import { LedgerFilters } from './LedgerFilters';
import { LedgerPager } from './LedgerPager';
import { LedgerTable } from './LedgerTable';
import { NewHouseholdButton } from './NewHouseholdButton';
import { useLedgerPrint } from './print/useLedgerPrint';
import { filterOf, useLedgerParams } from './useLedgerParams';

const PAGE = 50;

/** 入户台账: a unit's households in five colours — counts, children, the ledger table, a household's detail. */
export default function LedgerPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { scopeCode } = useScope();
  const { params, update } = useLedgerParams();
  const code = params.unit ?? scopeCode;
  const unit = useUnit(code);
  const counts = useCounts(code);
  useLedgerLive();

  const filter = filterOf(params, code);
  const start = params.before
    ? { before: params.before }
    : params.after
      ? { after: params.after }
      : params.page > 1
        ? { page: params.page }
        : {};
  const list = useLedgerList(filter, start, PAGE);
  const total = useLedgerCount(filter);

  const withinName = counts.data?.children.find((c) => c.unit.code === params.within)?.unit.name;
  const printLedger = useLedgerPrint(unit.data, params, filter, withinName);

  const open = (unitCode: string) => update({ unit: unitCode, within: undefined, household: undefined });

  if (!code) {
    return (
      <Card>
        <Empty description={t('org.selectUnit')} />
      </Card>
    );
  }
  if (unit.isError) {
    return (
      <Card>
        <Result status={isStatus(unit.error, 404) ? '404' : 'error'} title={errorText(unit.error)} />
      </Card>
    );
  }
  const u = unit.data;
  const canImport = hasPermission(me, 'ledger.import');
  const showsBuilding = u && (u.kind === 'building' || u.kind === 'courtyard');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        {!u ? (
          <Skeleton active paragraph={{ rows: 1 }} />
        ) : (
          <Row gutter={[12, 12]} align="middle">
            <Col flex="auto">
              <Space orientation="vertical" size={4}>
                <UnitTrail unit={u} linkTo={(c) => `/ledger?unit=${c}`} />
                <Space wrap align="center">
                  <Typography.Title level={4} style={{ margin: 0 }} data-testid="ledger-title">
                    {t('ledger.title')} · {u.name}
                  </Typography.Title>
                  <UnitKindTag kind={u.kind} name={u.name} />
                  <ResponsibleTag code={u.code} />
                </Space>
              </Space>
            </Col>
            <Col flex="none">
              <Space wrap>
                <div style={{ width: 240 }}>
                  <UnitPicker
                    testId="ledger-unit-picker"
                    placeholder={t('ledger.pickUnit')}
                    value={undefined}
                    allowClear={false}
                    onChange={(c) => c && open(c)}
                  />
                </div>
                {showsBuilding && (
                  <Link to={`/ledger/building/${u.code}`}>
                    <Button icon={<AppstoreOutlined />} data-testid="ledger-building-view">
                      {t('building.title')}
                    </Button>
                  </Link>
                )}
                {hasPermission(me, 'ledger.write') && (
                  <NewHouseholdButton unit={u} onCreated={(key) => update({ household: key })} />
                )}
                {canImport && <TemplateButton />}
                {canImport && (
                  <Link to={`/ledger/import?unit=${u.code}`}>
                    <Button icon={<ImportOutlined />} data-testid="ledger-import">
                      {t('ledger.import')}
                    </Button>
                  </Link>
                )}
                {hasPermission(me, 'data.export') && filter && <ExportButton filter={filter} />}
                {filter && <PrintButton prepare={printLedger} testId="ledger-print" />}
              </Space>
            </Col>
          </Row>
        )}
      </Card>

      <ColourSummary
        counts={counts.data}
        loading={counts.isPending}
        active={params.colour}
        onToggle={(c) =>
          update({
            colour: params.colour.includes(c) ? params.colour.filter((x) => x !== c) : [...params.colour, c],
          })
        }
      />

      {(counts.data?.children.length ?? 0) > 0 && (
        <Card size="small" title={t('ledger.children')}>
          <ChildCountsTable counts={counts.data} loading={counts.isFetching} onOpen={open} />
        </Card>
      )}

      <Card
        size="small"
        title={t('ledger.householdList')}
        extra={
          <span style={{ fontSize: 12 }}>
            <MarkerLegend gap={10} />
          </span>
        }
      >
        <LedgerFilters params={params} counts={counts.data} onChange={(patch) => update(patch)} />
        <LedgerTable
          items={list.data?.items ?? []}
          loading={list.isFetching}
          emptyText={list.isError ? errorText(list.error) : undefined}
          onOpen={(key) => update({ household: key })}
        />
        <LedgerPager
          page={params.page}
          pageSize={PAGE}
          shown={list.data?.items.length ?? 0}
          next={list.data?.next}
          prev={list.data?.prev}
          count={total.data}
          onPage={(patch) => update(patch)}
        />
      </Card>

      <HouseholdDrawer
        householdKey={params.household}
        onClose={() => update({ household: undefined })}
        onOpen={(key) => update({ household: key })}
      />
    </Space>
  );
}
