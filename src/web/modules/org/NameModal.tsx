import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { testIdProps } from '../../shell/testId';

interface Props {
  open: boolean;
  title: string;
  initialName?: string;
  pending: boolean;
  testId: string;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}

/** A one-field form: the name of a new or renamed unit. */
export function NameModal({ open, title, initialName = '', pending, testId, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  useEffect(() => {
    if (open) form.setFieldsValue({ name: initialName });
  }, [open, initialName, form]);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      okButtonProps={testIdProps(`${testId}-submit`)}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.name.trim())}>
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }, { max: 60 }]}
        >
          <Input autoFocus data-testid={`${testId}-name`} maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
