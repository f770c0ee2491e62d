import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../http/auth';
import { type CareDayList, careDayListExportUrl, careKeys, getCareDayList } from '../../http/care';
import { usePlatformClock } from '../../http/clock';
import { errorText } from '../../http/errors';
import { DownloadButton } from '../../shell/DownloadButton';
import { PrintButton } from '../../shell/print/PrintButton';
import { useScope } from '../../shell/ScopeContext';
import { DayListSheet, DayListSignature } from './DayListSheet';
import { type DayListRow, dayListRows } from './dayListRows';
import { UnitFilter } from './UnitFilter';
import { useCareLabels } from './useCareLabels';

/** One community's lines (or the totals) on screen: what, how much, in what, for how many households. */
function LinesTable({ rows, testId }: { rows: DayListRow[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<DayListRow>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      data-testid={testId}
      columns={[
        { title: t('care.dayList.what'), dataIndex: 'what' },
        { title: t('care.dayList.quantity'), align: 'right', width: 120, render: (_, r) => r.quantity ?? '' },
        { title: t('care.dayList.unit'), dataIndex: 'unit', width: 120 },
        { title: t('care.dayList.households'), dataIndex: 'households', align: 'right', width: 100 },
      ]}
    />
  );
}

/**
 * 每日汇总: the day's list of a unit per community (每日米面油清单) — the goods added up and the help asked
 * for, with totals — as the office sends it to the supermarket or the donor: xlsx and a print page.
 */
export function DayListTab() {
  const { t } = useTranslation();
  const labels = useCareLabels();
  const { data: me } = useMe();
  const { scopeCode } = useScope();
  const clock = usePlatformClock();
  const [unit, setUnit] = useState<string | undefined>();
  const [day, setDay] = useState<string | undefined>();
  const code = unit ?? scopeCode ?? '';
  const theDay = day ?? clock.data?.today ?? '';
  const list = useQuery({
    queryKey: careKeys.dayList(code, theDay),
    queryFn: () => getCareDayList(code, theDay),
    enabled: !!code && !!theDay,
  });
  const data: CareDayList | undefined = list.data;
  const rows = data ? dayListRows(data, labels, t('care.dayList.total')) : [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="care-day-list">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <UnitFilter value={unit} onChange={setUnit} testId="care-day-list-unit" />
          <Input
            type="date"
            style={{ width: 160 }}
            value={theDay}
            onChange={(e) => setDay(e.target.value || undefined)}
            data-testid="care-day-list-day"
          />
        </Space>
        {data && (
          <Space wrap>
            {hasPermission(me, 'data.export') && (
              <DownloadButton
                url={careDayListExportUrl(code, theDay)}
                fileName={`${t('care.dayList.title', { unit: data.unit.name })}-${theDay}.xlsx`}
                icon={<FileExcelOutlined />}
                testId="care-day-list-export"
              >
                {t('care.dayList.export')}
              </DownloadButton>
            )}
            <PrintButton
              label={t('care.dayList.print')}
              testId="care-day-list-print"
              prepare={async () => ({
                orientation: 'portrait',
                sheet: (
                  <>
                    <DayListSheet list={data} rows={rows} />
                    <DayListSignature />
                  </>
                ),
              })}
            />
          </Space>
        )}
      </Space>
      {list.isError && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
      {data && (
        <Typography.Text type="secondary" data-testid="care-day-list-summary">
          {t('care.dayList.summary', { requests: data.requests, households: data.households })}
        </Typography.Text>
      )}
      {data && data.communities.length === 0 && <Empty description={t('care.dayList.empty')} />}
      {data?.communities.map((c, i) => (
        <Card
          key={c.code ?? i}
          size="small"
          title={c.name}
          extra={t('care.dayList.summary', { requests: c.requests, households: c.households })}
        >
          <LinesTable
            rows={rows.filter((r) => r.group === (c.code ?? `c${i}`))}
            testId={`care-day-list-${c.code ?? i}`}
          />
        </Card>
      ))}
      {data && data.communities.length > 1 && (
        <Card size="small" title={t('care.dayList.total')}>
          <LinesTable rows={rows.filter((r) => r.group === 'total')} testId="care-day-list-total" />
        </Card>
      )}
    </Space>
  );
}
