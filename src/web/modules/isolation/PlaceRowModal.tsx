import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../http/errors';
import { type IsolationListRow, isolationKeys, placeListRow } from '../../http/isolation';
import type { Unit } from '../../http/types';
import { useScope } from '../../shell/ScopeContext';
import { testIdProps } from '../../shell/testId';
import { UnitPicker } from '../org/UnitPicker';

/** 查找落地: a person the list could not place, put at a unit picked by hand (registered there). */
export function PlaceRowModal({ row, onClose }: { row: IsolationListRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { scopeUnit } = useScope();
  const [unit, setUnit] = useState<{ code: string; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const place = useMutation({
    mutationFn: (v: { rowId: string; unitCode: string }) => placeListRow(v.rowId, v.unitCode),
    onSuccess: async () => {
      message.success(t('isolation.lists.placedOk', { name: row?.name, unit: unit?.name ?? unit?.code }));
      await queryClient.invalidateQueries({ queryKey: isolationKeys.all });
      close();
    },
    onError: (err) => setError(errorText(err)),
  });
  const close = () => {
    setUnit(null);
    setError(null);
    onClose();
  };
  return (
    <Modal
      open={!!row}
      title={row ? t('isolation.lists.placeTitle', { name: row.name }) : ''}
      onCancel={close}
      okText={t('isolation.lists.placeSubmit')}
      okButtonProps={{ ...testIdProps('list-place-submit'), disabled: !unit }}
      confirmLoading={place.isPending}
      onOk={() => row && unit && place.mutate({ rowId: row.id, unitCode: unit.code })}
      destroyOnHidden
    >
      {row?.address && (
        <Typography.Paragraph type="secondary">
          {t('isolation.lists.address')}：{row.address}
        </Typography.Paragraph>
      )}
      <Form layout="vertical">
        <Form.Item label={t('isolation.lists.placeUnit')} required>
          <UnitPicker
            testId="list-place-unit"
            value={unit?.code}
            placeholder={t('isolation.lists.placeUnitPlaceholder')}
            defaultOptions={scopeUnit ? [scopeUnit] : []}
            onChange={(code, u?: Unit) => {
              setUnit(code ? { code, name: u?.name ?? code } : null);
              setError(null);
            }}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="list-place-error" />}
    </Modal>
  );
}
