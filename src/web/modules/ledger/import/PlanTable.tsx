import { Alert, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPlanReport, PlanAction, PlanRow } from '../../../http/ledger';
import { joinList } from '../../../i18n/punctuation';
import { useLanguage } from '../../../i18n/useLanguage';
import { placeText, stayText } from '../common/labels';
import { changeText } from '../household/changeText';

// The import plan, row by row: a new household, joins the household already at the door (named with its
// head), updates a resident (each changed field, before → after; ID numbers and phones come masked), or
// nothing to change. The refused rows are in the error table above.

const ACTION_COLOUR: Record<PlanAction, string> = {
  new: 'green',
  join: 'blue',
  update: 'orange',
  unchanged: 'default',
};

function Detail({ r }: { r: PlanRow }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  if (r.action === 'join')
    return <>{t('importer.plan.joinDetail', { head: r.household?.head ?? t('importer.plan.noHead') })}</>;
  if (r.action === 'unchanged') return <>{t('importer.plan.unchangedDetail')}</>;
  if (r.action === 'new')
    return <>{r.name === null ? t('importer.plan.emptyHousehold') : t('importer.plan.newDetail')}</>;
  return (
    <Space orientation="vertical" size={0}>
      {(r.changes ?? []).map((c) => (
        <span key={c.field} data-testid="plan-change" data-field={c.field}>
          {changeText(c, lang)}
        </span>
      ))}
      {r.newStays?.length ? (
        <span data-testid="plan-change" data-field="travel">
          {t('importer.plan.newStays', { list: joinList(r.newStays.map((s) => stayText(s, lang))) })}
        </span>
      ) : null}
    </Space>
  );
}

export function PlanTable({ plan }: { plan: ImportPlanReport }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<PlanAction | 'all'>('all');
  const actionLabel = (a: PlanAction) => t(`importer.plan.${a}`);
  const columns: ColumnsType<PlanRow> = [
    { title: t('importer.row'), dataIndex: 'row', width: 70 },
    {
      title: t('importer.plan.action'),
      dataIndex: 'action',
      width: 120,
      render: (a: PlanAction) => <Tag color={ACTION_COLOUR[a]}>{actionLabel(a)}</Tag>,
    },
    {
      title: t('importer.plan.place'),
      key: 'place',
      width: 180,
      render: (_, r) =>
        placeText({ unit: { name: r.place.building }, entrance: r.place.entrance, door: r.place.door }),
    },
    { title: t('importer.plan.name'), dataIndex: 'name', width: 110, render: (n: string | null) => n ?? '' },
    { title: t('importer.plan.detail'), key: 'detail', render: (_, r) => <Detail r={r} /> },
  ];
  const rows = filter === 'all' ? plan.rows : plan.rows.filter((r) => r.action === filter);
  const counts: Record<PlanAction, number> = {
    new: plan.counts.new,
    join: plan.counts.joins,
    update: plan.counts.updates,
    unchanged: plan.counts.unchanged,
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-plan">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>{t('importer.plan.title')}</Typography.Text>
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v as PlanAction | 'all')}
          options={[
            { value: 'all', label: t('importer.plan.all') },
            ...(['new', 'join', 'update', 'unchanged'] as const).map((a) => ({
              value: a,
              label: `${actionLabel(a)} ${counts[a]}`,
            })),
          ]}
          data-testid="import-plan-filter"
        />
      </Space>
      {plan.truncated && (
        <Alert type="info" showIcon title={t('importer.plan.truncated', { n: plan.rows.length })} />
      )}
      <Table
        data-testid="import-plan-table"
        size="small"
        rowKey="row"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(r) => ({ 'data-row': r.row, 'data-action': r.action }) as React.HTMLAttributes<HTMLElement>}
      />
    </Space>
  );
}
