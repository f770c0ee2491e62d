import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Checkbox, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkpointKeys,
  listPassages,
  OUTCOMES,
  type Outcome,
  type PassageFilters,
  type PassageRow,
  passagesExportUrl,
} from '../../http/checkpoints';
import { CursorPager } from '../../shell/CursorPager';
import { DownloadButton } from '../../shell/DownloadButton';
import { formatDateTime } from '../../shell/dates';
import { useCursorPages } from '../../shell/useCursorPages';
import { useDebounced } from '../../shell/useDebounced';
import { FacilitySelect } from './FacilitySelect';
import { PassageDrawer } from './PassageDrawer';

/** The passages, newest first, filtered; keyset pages; the same filter exported to xlsx. */
export function PassagesTab() {
  const { t } = useTranslation();
  const [facility, setFacility] = useState('');
  const [day, setDay] = useState<string | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [fromKeyArea, setFromKeyArea] = useState(false);
  const [plate, setPlate] = useState('');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const filters: PassageFilters = {
    facility: facility || undefined,
    day,
    outcome,
    fromKeyArea,
    plate: useDebounced(plate, 300),
    q: useDebounced(q, 300),
  };
  const key = JSON.stringify(filters);
  const pages = useCursorPages(key);
  const list = useQuery({
    queryKey: checkpointKeys.passages(filters, pages.after),
    queryFn: () => listPassages(filters, pages.after),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <FacilitySelect value={facility} onChange={setFacility} testId="passages-facility" />
        <Input
          type="date"
          style={{ width: 160 }}
          aria-label={t('checkpoints.desk.day')}
          value={day ?? ''}
          onChange={(e) => setDay(e.target.value || undefined)}
          data-testid="passages-day"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('checkpoints.desk.outcome')}
          value={outcome}
          onChange={setOutcome}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`checkpoints.outcome.${o}`) }))}
          data-testid="passages-outcome"
        />
        <Checkbox
          checked={fromKeyArea}
          onChange={(e) => setFromKeyArea(e.target.checked)}
          data-testid="passages-keyarea"
        >
          {t('checkpoints.desk.fromKeyArea')}
        </Checkbox>
        <Input
          allowClear
          style={{ width: 140 }}
          placeholder={t('checkpoints.desk.plate')}
          value={plate}
          onChange={(e) => setPlate(e.target.value)}
          data-testid="passages-plate"
        />
        <Input
          allowClear
          style={{ width: 180 }}
          placeholder={t('checkpoints.desk.q')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="passages-q"
        />
        <DownloadButton
          url={passagesExportUrl(filters, false)}
          fileName={t('checkpoints.desk.exportFile')}
          icon={<DownloadOutlined />}
          testId="passages-export"
        >
          {t('checkpoints.desk.export')}
        </DownloadButton>
      </Space>
      <Table<PassageRow>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        data-testid="passages-table"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('checkpoints.desk.time'), render: (_, r) => formatDateTime(r.occurredAt) },
          { title: t('checkpoints.desk.checkpoint'), dataIndex: 'facilityName' },
          { title: '', render: (_, r) => t(`checkpoints.direction.${r.direction}`) },
          {
            title: t('checkpoints.desk.plate'),
            render: (_, r) =>
              r.plate
                ? `${r.plate} · ${t(`checkpoints.vehicle.${r.vehicleKind ?? 'other'}`)}`
                : t('checkpoints.field.onFoot'),
          },
          { title: t('checkpoints.desk.people'), dataIndex: 'peopleCount' },
          { title: t('checkpoints.desk.names'), render: (_, r) => r.names.join('、') },
          { title: t('checkpoints.desk.outcome'), render: (_, r) => t(`checkpoints.outcome.${r.outcome}`) },
          {
            title: t('checkpoints.desk.flags'),
            render: (_, r) => (
              <>
                {r.fromKeyArea && <Tag color="red">{t('checkpoints.desk.keyArea')}</Tag>}
                {r.fever && <Tag color="volcano">{t('checkpoints.desk.fever')}</Tag>}
              </>
            ),
          },
        ]}
      />
      <CursorPager
        page={pages.page}
        hasPrev={pages.hasPrev}
        nextCursor={list.data?.next}
        onPrev={pages.prev}
        onNext={pages.next}
        testId="passages-pager"
      />
      <PassageDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
