import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorText } from '../../http/errors';
import { createHousehold } from '../../http/ledger';
import type { Unit } from '../../http/types';
import { testIdProps } from '../../shell/testId';
import { UnitPicker } from '../org/UnitPicker';
import { useLedgerMutation } from './useLedgerMutation';

const PLACES = new Set(['village', 'grid', 'courtyard', 'building']);

interface Values {
  unitCode: string;
  entrance?: string;
  door: string;
}

/** 新增住户: a household at a door (residents are added in its drawer); empty, it is white. */
export function NewHouseholdButton({ unit, onCreated }: { unit: Unit; onCreated: (key: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  // a fresh form at each opening, placed in the unit shown when households can stand there
  const { code, kind } = unit;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (PLACES.has(kind)) form.setFieldsValue({ unitCode: code });
  }, [open, code, kind, form]);
  const mutation = useLedgerMutation(
    (v: Values) =>
      createHousehold({
        unitCode: v.unitCode,
        entrance: v.entrance?.trim() || undefined,
        door: v.door.trim(),
      }),
    (res) => {
      message.success(t('household.created'));
      setOpen(false);
      onCreated(res.key);
    },
    { silentError: true },
  );
  return (
    <>
      <Button icon={<PlusOutlined />} data-testid="household-create" onClick={() => setOpen(true)}>
        {t('household.create')}
      </Button>
      <Modal
        open={open}
        title={t('household.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        okButtonProps={testIdProps('household-create-submit')}
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
            name="unitCode"
            label={t('household.building')}
            extra={t('household.buildingHint')}
            rules={[{ required: true, message: t('household.buildingRequired') }]}
          >
            <UnitPicker
              testId="household-create-unit"
              placeholder={t('access.unitPlaceholder')}
              defaultOptions={PLACES.has(unit.kind) ? [unit] : []}
              filter={(u) => PLACES.has(u.kind)}
            />
          </Form.Item>
          <Form.Item name="entrance" label={t('household.entrance')}>
            <Input maxLength={20} data-testid="household-create-entrance" placeholder="1" />
          </Form.Item>
          <Form.Item
            name="door"
            label={t('household.door')}
            rules={[{ required: true, whitespace: true, message: t('household.doorRequired') }]}
          >
            <Input maxLength={50} data-testid="household-create-door" placeholder="302" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
