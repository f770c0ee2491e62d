import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCheckpointFacilities } from '../../http/checkpoints';

/** A checkpoint in the caller's scope ('' for all of them, when allowed). */
export function FacilitySelect({
  value,
  onChange,
  allowAll = true,
  testId,
}: {
  value: string;
  onChange: (id: string) => void;
  allowAll?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const list = useCheckpointFacilities();
  return (
    <Select
      style={{ minWidth: 220 }}
      value={value}
      onChange={onChange}
      data-testid={testId}
      loading={list.isPending}
      options={[
        ...(allowAll ? [{ value: '', label: t('checkpoints.desk.allCheckpoints') }] : []),
        ...(list.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name}（${f.unitName}）` })),
      ]}
    />
  );
}
