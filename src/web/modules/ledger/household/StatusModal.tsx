import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../http/errors';
import { type Resident, type ResidentStatus, setResidentStatus, useLedgerDay } from '../../../http/ledger';
import { testIdProps } from '../../../shell/testId';
import { useLedgerMutation } from '../useLedgerMutation';

interface Props {
  target: { resident: Resident; status: ResidentStatus } | null;
  onClose: () => void;
}

/** A resident moved out, died, went away or came back: on what day and why (kept in the history). */
export function StatusModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const day = useLedgerDay();
  const [form] = Form.useForm<{ date?: string; reason?: string }>();
  const today = day.data?.today;
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({ date: today, reason: '' });
  }, [target, today, form]);
  const mutation = useLedgerMutation(
    (v: { date?: string; reason?: string }) =>
      setResidentStatus((target as NonNullable<Props['target']>).resident.key, {
        status: (target as NonNullable<Props['target']>).status,
        date: v.date || undefined,
        reason: v.reason?.trim() || undefined,
      }),
    () => {
      message.success(t('common.saved'));
      onClose();
    },
    { silentError: true },
  );
  const label = target ? t(`resident.actions.${target.status}`) : '';
  return (
    <Modal
      open={target !== null}
      title={target ? t('resident.statusTitle', { name: target.resident.name, status: label }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={testIdProps('status-submit')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => mutation.mutate(v, { onError: (err) => message.error(errorText(err)) })}
      >
        <Form.Item name="date" label={t('resident.statusDate')}>
          <Input type="date" max={day.data?.today} data-testid="status-date" />
        </Form.Item>
        <Form.Item name="reason" label={t('household.reason')} rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} data-testid="status-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
