import { Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type HoursBy, type HoursRow, useHours } from '../../http/duty';

/** Hours on duty per person, team or facility for the week shown. */
export function HoursTab({
  unitCode,
  facilityId,
  from,
  to,
}: {
  unitCode: string | undefined;
  facilityId: string | undefined;
  from: string;
  to: string;
}) {
  const { t } = useTranslation();
  const [by, setBy] = useState<HoursBy>('person');
  // a team or the facilities are counted over the whole scope; a person at the facility shown
  const hours = useHours(unitCode, by === 'person' ? facilityId : undefined, from, to, by);
  const first =
    by === 'person'
      ? [
          { title: t('duty.hours.name'), dataIndex: 'name' },
          { title: t('duty.hours.phone'), dataIndex: 'phoneMasked' },
        ]
      : by === 'team'
        ? [
            { title: t('duty.hours.name'), dataIndex: 'name' },
            { title: t('duty.hours.members'), dataIndex: 'members', width: 80 },
          ]
        : [
            { title: t('duty.hours.name'), dataIndex: 'name' },
            { title: t('duty.hours.places'), dataIndex: 'needed', width: 100 },
            { title: t('duty.hours.assigned'), dataIndex: 'assigned', width: 100 },
          ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented<HoursBy>
        value={by}
        onChange={setBy}
        options={[
          { value: 'person', label: t('duty.hours.byPerson') },
          { value: 'team', label: t('duty.hours.byTeam') },
          { value: 'facility', label: t('duty.hours.byFacility') },
        ]}
      />
      <Table<HoursRow>
        size="small"
        rowKey="id"
        loading={hours.isLoading}
        dataSource={hours.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="hours-table"
        columns={[
          ...first,
          { title: t('duty.hours.shifts'), dataIndex: 'shifts', width: 90 },
          { title: t('duty.hours.scheduled'), dataIndex: 'scheduled', width: 110 },
          { title: t('duty.hours.worked'), dataIndex: 'worked', width: 110 },
          { title: t('duty.hours.missed'), dataIndex: 'missed', width: 80 },
        ]}
      />
    </Space>
  );
}
