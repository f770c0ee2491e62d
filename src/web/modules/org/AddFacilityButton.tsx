import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createFacility } from '../../http/org';
import { FACILITY_KINDS, type Unit } from '../../http/types';
import { testIdProps } from '../../shell/testId';
import { useOrgMutation } from './useOrgMutation';

interface Values {
  kind: string;
  name: string;
  address?: string;
}

/** Attach a checkpoint, testing site, isolation site… to the unit. */
export function AddFacilityButton({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const mutation = useOrgMutation(
    (v: Values) =>
      createFacility({
        unitCode: unit.code,
        kind: v.kind,
        name: v.name.trim(),
        address: v.address?.trim() || undefined,
      }),
    () => {
      message.success(t('org.facilityAdded'));
      setOpen(false);
      form.resetFields();
    },
  );
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="facility-add">
        {t('org.facilityAdd')}
      </Button>
      <Modal
        open={open}
        title={`${t('org.facilityAdd')} · ${unit.name}`}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        okButtonProps={testIdProps('facility-submit')}
        forceRender
      >
        <Form<Values> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
          <Form.Item
            name="kind"
            label={t('org.facilityKind')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              data-testid="facility-kind"
              options={FACILITY_KINDS.map((k) => ({ value: k, label: t(`facilityKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('org.facilityName')}
            rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }]}
          >
            <Input data-testid="facility-name" maxLength={60} />
          </Form.Item>
          <Form.Item name="address" label={t('org.facilityAddress')}>
            <Input data-testid="facility-address" maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
