import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../http/errors';
import { isolationKeys, type Transfer, type TransferUpdate, updateTransfer } from '../../http/isolation';
import { testIdProps } from '../../shell/testId';
import { useWrite } from '../../shell/useWrite';
import { applyPathErrors } from './fieldErrors';

interface Values {
  destination?: string;
  escort?: string;
  pickedUpAt?: string;
  outcome?: string;
}

const KNOWN = ['destination', 'escort', 'pickedUpAt', 'outcome'];
const text = (s: string | undefined) => s?.trim() || undefined;

/**
 * Moves a transfer on: picked up (where to, who escorts, when; empty: now) or closed with the outcome.
 * Times are typed in Asia/Shanghai.
 */
export function TransferModal({
  transfer,
  to,
  onClose,
}: {
  transfer: Transfer;
  to: 'picked_up' | 'closed';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useWrite(
    isolationKeys.all,
    (body: TransferUpdate) => updateTransfer(transfer.id, body),
    () => {
      message.success(t('isolation.transfer.saved'));
      onClose();
    },
    { silentError: true },
  );
  const submit = (v: Values) => {
    setError(null);
    save.mutate(
      {
        state: to,
        destination: text(v.destination),
        escort: text(v.escort),
        pickedUpAt: v.pickedUpAt ? `${v.pickedUpAt}:00+08:00` : undefined,
        outcome: text(v.outcome),
      },
      { onError: (err) => applyPathErrors(form, err, KNOWN) || setError(errorText(err)) },
    );
  };
  return (
    <Modal
      open
      title={t(to === 'picked_up' ? 'isolation.transfer.pickUpTitle' : 'isolation.transfer.closeTitle', {
        name: transfer.name,
      })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={testIdProps('transfer-submit')}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ destination: transfer.destination ?? '', escort: transfer.escort ?? '' }}
      >
        <Form.Item name="destination" label={t('isolation.transfer.destination')}>
          <Input maxLength={100} data-testid="transfer-destination" />
        </Form.Item>
        {to === 'picked_up' ? (
          <>
            <Form.Item name="escort" label={t('isolation.transfer.escort')}>
              <Input maxLength={60} data-testid="transfer-escort" />
            </Form.Item>
            <Form.Item
              name="pickedUpAt"
              label={t('isolation.transfer.pickedUpAt')}
              extra={t('isolation.transfer.pickedUpAtHint')}
            >
              <Input type="datetime-local" style={{ width: 220 }} data-testid="transfer-picked-up-at" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="outcome" label={t('isolation.transfer.outcome')} rules={[{ required: true }]}>
            <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} data-testid="transfer-outcome" />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="transfer-error" />}
      </Form>
    </Modal>
  );
}
