import { App, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorText } from '../../../http/errors';
import { type HouseholdDetail, splitHousehold } from '../../../http/ledger';
import { testIdProps } from '../../../shell/testId';
import { UnitPicker } from '../../org/UnitPicker';
import { useLedgerMutation } from '../useLedgerMutation';

const PLACES = new Set(['village', 'grid', 'courtyard', 'building']);

interface Values {
  residentKeys: string[];
  door: string;
  entrance?: string;
  unitCode?: string;
  reason?: string;
}

/** 分户: some residents start a household of their own at another door; both keep the history. */
export function SplitModal({
  open,
  household,
  onClose,
  onSplit,
}: {
  open: boolean;
  household: HouseholdDetail;
  onClose: () => void;
  onSplit: (newKey: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const entrance = useRef(household.entrance);
  entrance.current = household.entrance;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ residentKeys: [], door: '', entrance: entrance.current, reason: '' });
  }, [open, form]);
  const mutation = useLedgerMutation(
    (v: Values) =>
      splitHousehold(household.key, {
        residentKeys: v.residentKeys,
        door: v.door.trim(),
        entrance: v.entrance?.trim() || undefined,
        unitCode: v.unitCode || undefined,
        reason: v.reason?.trim() || undefined,
      }),
    (res) => {
      message.success(t('household.splitDone'));
      onClose();
      onSplit(res.key);
    },
    { silentError: true },
  );
  const members = household.residents.filter((r) => r.status === 'present' || r.status === 'away');
  return (
    <Modal
      open={open}
      title={t('household.split')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={testIdProps('split-submit')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          mutation.mutate(v, {
            onError: (err) => {
              if (!applyFieldErrors(form, err)) message.error(errorText(err));
            },
          })
        }
      >
        <Form.Item
          name="residentKeys"
          label={t('household.splitWho')}
          rules={[{ required: true, type: 'array', min: 1, message: t('household.splitWhoRequired') }]}
        >
          <Checkbox.Group
            options={members.map((r) => ({
              value: r.key,
              label: <span data-testid={`split-resident-${r.key}`}>{r.name}</span>,
            }))}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('household.splitWhere')}</Typography.Paragraph>
        <Form.Item name="unitCode" label={t('household.building')}>
          <UnitPicker
            testId="split-unit"
            placeholder={household.unit.name}
            filter={(u) => PLACES.has(u.kind)}
          />
        </Form.Item>
        <Form.Item name="entrance" label={t('household.entrance')}>
          <Input maxLength={20} data-testid="split-entrance" />
        </Form.Item>
        <Form.Item
          name="door"
          label={t('household.door')}
          rules={[{ required: true, whitespace: true, message: t('household.doorRequired') }]}
        >
          <Input maxLength={50} data-testid="split-door" />
        </Form.Item>
        <Form.Item name="reason" label={t('household.reason')} rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} data-testid="split-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
