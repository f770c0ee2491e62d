import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CareRequest, careKeys, deliverCareRequest } from '../../http/care';
import { applyFieldErrors, errorText } from '../../http/errors';
import { testIdProps } from '../../shell/testId';
import { useWrite } from '../../shell/useWrite';
import { useCareLabels } from './useCareLabels';

interface Values {
  receivedBy: string;
  note?: string;
}

/** 登记送达 at the office: who received it at the door (本人, 家属 or a name), a note. */
export function DeliverModal({ request: r, onClose }: { request: CareRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useCareLabels();
  const [form] = Form.useForm<Values>();
  const save = useWrite(
    careKeys.all,
    (v: Values) =>
      deliverCareRequest(r.id, { receivedBy: v.receivedBy.trim(), note: v.note?.trim() || undefined }),
    () => {
      message.success(t('care.deliver.done'));
      onClose();
    },
    { silentError: true },
  );
  return (
    <Modal
      open
      title={t('care.deliver.title')}
      okText={t('care.deliver.ok')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={testIdProps('care-deliver-ok')}
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
          save.mutate(v, {
            onError: (err) => {
              if (!applyFieldErrors(form, err)) message.error(errorText(err));
            },
          })
        }
      >
        <Form.Item
          label={t('care.deliver.receivedBy')}
          required
          extra={
            <Space size={4} style={{ marginTop: 4 }}>
              {(['self', 'family'] as const).map((k) => (
                <Button
                  key={k}
                  size="small"
                  onClick={() => form.setFieldValue('receivedBy', t(`care.deliver.${k}`))}
                >
                  {t(`care.deliver.${k}`)}
                </Button>
              ))}
            </Space>
          }
        >
          <Form.Item
            name="receivedBy"
            noStyle
            rules={[{ required: true, whitespace: true, message: t('care.deliver.required') }]}
          >
            <Input
              maxLength={30}
              placeholder={t('care.deliver.receivedByHint')}
              data-testid="care-deliver-received-by"
            />
          </Form.Item>
        </Form.Item>
        <Form.Item name="note" label={t('care.deliver.note')}>
          <Input.TextArea maxLength={300} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
