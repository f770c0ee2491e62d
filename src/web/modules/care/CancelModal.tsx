import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CareRequest, cancelCareRequest, careKeys } from '../../http/care';
import { applyFieldErrors, errorText } from '../../http/errors';
import { testIdProps } from '../../shell/testId';
import { useWrite } from '../../shell/useWrite';
import { useCareLabels } from './useCareLabels';

/** 取消 a request not yet delivered, with the reason (kept in its history). */
export function CancelModal({ request: r, onClose }: { request: CareRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useCareLabels();
  const [form] = Form.useForm<{ reason: string }>();
  const save = useWrite(
    careKeys.all,
    (reason: string) => cancelCareRequest(r.id, reason),
    () => {
      message.success(t('care.cancel.done'));
      onClose();
    },
    { silentError: true },
  );
  return (
    <Modal
      open
      title={t('care.cancel.title')}
      okText={t('care.cancel.ok')}
      okButtonProps={{ ...testIdProps('care-cancel-ok'), danger: true }}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Typography.Text strong>{r.address}</Typography.Text>
        <br />
        {labels.items(r.items)}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate(v.reason.trim(), {
            onError: (err) => {
              if (!applyFieldErrors(form, err)) message.error(errorText(err));
            },
          })
        }
      >
        <Form.Item
          name="reason"
          label={t('care.cancel.reason')}
          rules={[{ required: true, whitespace: true, message: t('care.cancel.required') }]}
        >
          <Input.TextArea maxLength={200} rows={3} data-testid="care-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
