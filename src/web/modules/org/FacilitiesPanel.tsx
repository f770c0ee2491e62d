import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../http/auth';
import { errorText } from '../../http/errors';
import { deleteFacility, useFacilities } from '../../http/org';
import type { Facility, FacilityKind, Unit } from '../../http/types';
import { FACILITY_KINDS } from '../../http/types';
import { testIdProps } from '../../shell/testId';
import { AddFacilityButton } from './AddFacilityButton';
import { useOrgMutation } from './useOrgMutation';

function isFacilityKind(kind: string): kind is FacilityKind {
  return (FACILITY_KINDS as readonly string[]).includes(kind);
}

/** Facilities on the unit's subtree, with add and delete for those who may. */
export function FacilitiesPanel({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { data: me } = useMe();
  const canWrite = hasPermission(me, 'facility.write');
  const query = useFacilities(unit.code);
  const remove = useOrgMutation(
    (f: Facility) => deleteFacility(f.id),
    () => {
      message.success(t('org.facilityDeleted'));
    },
  );

  const columns: ColumnsType<Facility> = [
    { title: t('org.facilityName'), dataIndex: 'name' },
    {
      title: t('org.facilityKind'),
      dataIndex: 'kind',
      width: 160,
      render: (k: string) => (isFacilityKind(k) ? t(`facilityKind.${k}`) : k),
    },
    { title: t('org.facilityUnit'), key: 'unit', render: (_, f) => f.unitName ?? f.unitCode },
    { title: t('org.facilityAddress'), dataIndex: 'address' },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, f) => (
        <Button
          size="small"
          danger
          type="link"
          icon={<DeleteOutlined />}
          data-testid={`facility-delete-${f.id}`}
          onClick={() =>
            modal.confirm({
              title: t('org.facilityDeleteConfirm', { name: f.name }),
              okType: 'danger',
              okText: t('common.delete'),
              cancelText: t('common.cancel'),
              okButtonProps: testIdProps('facility-delete-confirm'),
              onOk: () => remove.mutateAsync(f).catch(() => undefined),
            })
          }
        >
          {t('common.delete')}
        </Button>
      ),
    });
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canWrite && <AddFacilityButton unit={unit} />}
      <Table<Facility>
        data-testid="facilities-table"
        rowKey={(f) => String(f.id)}
        size="small"
        columns={columns}
        dataSource={query.data ?? []}
        loading={query.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: query.isError ? errorText(query.error) : t('org.noFacilities') }}
        scroll={{ x: 560 }}
      />
    </Space>
  );
}
