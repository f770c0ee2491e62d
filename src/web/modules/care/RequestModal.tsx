import { Alert, App, Checkbox, Form, Input, Modal } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HELP_KINDS } from '../../../domain/care/items';
import { type CareRequest, careKeys, createCareRequest } from '../../http/care';
import { ApiError } from '../../http/client';
import { usePlatformClock } from '../../http/clock';
import { errorText } from '../../http/errors';
import { useScope } from '../../shell/ScopeContext';
import { testIdProps } from '../../shell/testId';
import { useWrite } from '../../shell/useWrite';
import { newClientId } from '../ledger/common/uuid';
import { type FormLine, formItems, formPathOf } from './askDraft';
import { HouseholdPicker, type PickedHousehold } from './HouseholdPicker';
import { ItemLines } from './ItemLines';
import { useCareLabels } from './useCareLabels';

interface Values {
  household?: PickedHousehold;
  items?: FormLine[];
  help?: string[];
  note?: string;
  day?: string;
  urgent?: boolean;
}

function HouseholdField({
  value,
  onChange,
  unit,
}: {
  value?: PickedHousehold;
  onChange?: (h: PickedHousehold | undefined) => void;
  unit: string | undefined;
}) {
  return <HouseholdPicker unit={unit} value={value} onPick={(h) => onChange?.(h)} />;
}

/**
 * 登记需求: the worker asks for a household (found in the ledger or typed as its key): goods in lines,
 * help (三送 and more), a note, the day, urgent. The server's field errors show on the fields; one
 * client id per form, so that a double click makes one request.
 */
export function RequestModal({
  household,
  onClose,
}: {
  /** asked for this household (from its panel): no picking */
  household?: PickedHousehold;
  onClose: (made?: CareRequest) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useCareLabels();
  const { scopeCode } = useScope();
  const clock = usePlatformClock();
  const [form] = Form.useForm<Values>();
  const clientId = useRef(newClientId());
  const [general, setGeneral] = useState<string | null>(null);
  const save = useWrite(
    careKeys.all,
    (body: Parameters<typeof createCareRequest>[0]) => createCareRequest(body),
    (made) => {
      message.success(t('care.form.done'));
      onClose(made);
    },
    { silentError: true },
  );

  const submit = (v: Values) => {
    setGeneral(null);
    const { items, lines } = formItems(v.items);
    const key = household?.key ?? v.household?.key ?? '';
    save.mutate(
      {
        clientId: clientId.current,
        householdKey: key,
        items,
        help: v.help ?? [],
        note: v.note?.trim() || undefined,
        day: v.day || undefined,
        urgent: v.urgent || undefined,
      },
      {
        onError: (err) => {
          if (!(err instanceof ApiError) || err.fields.length === 0) {
            setGeneral(errorText(err));
            return;
          }
          const onTop: string[] = [];
          const fields: { name: (string | number)[]; errors: string[] }[] = [];
          for (const f of err.fields) {
            const path =
              f.path === 'householdKey' ? (household ? undefined : ['household']) : formPathOf(f.path, lines);
            if (path) fields.push({ name: path, errors: [f.message] });
            else onTop.push(f.message);
          }
          // the paths are the form's own (formPathOf names them as Form.List does)
          form.setFields(fields as Parameters<typeof form.setFields>[0]);
          if (onTop.length) setGeneral(onTop.join(' '));
        },
      },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={t('care.form.title')}
      okText={t('care.form.submit')}
      onCancel={() => onClose()}
      confirmLoading={save.isPending}
      okButtonProps={testIdProps('care-form-submit')}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {general && (
        <Alert
          type="error"
          showIcon
          title={general}
          style={{ marginBottom: 12 }}
          data-testid="care-form-error"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ items: [{}], help: [], urgent: false }}
        onFinish={submit}
      >
        {household ? (
          <Form.Item label={t('care.form.household')}>{household.place}</Form.Item>
        ) : (
          <Form.Item
            name="household"
            label={t('care.form.household')}
            rules={[{ required: true, message: t('care.form.needHousehold') }]}
          >
            <HouseholdField unit={scopeCode} />
          </Form.Item>
        )}
        <Form.Item label={t('care.form.items')} style={{ marginBottom: 8 }}>
          <ItemLines />
        </Form.Item>
        <Form.Item name="help" label={t('care.form.help')}>
          <Checkbox.Group
            data-testid="care-form-help"
            options={HELP_KINDS.map((h) => ({ value: h, label: labels.help(h) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('care.form.note')}>
          <Input.TextArea rows={2} maxLength={300} data-testid="care-form-note" />
        </Form.Item>
        <Form.Item name="day" label={t('care.form.day')} extra={t('care.form.dayHint')}>
          <Input type="date" style={{ width: 180 }} min={clock.data?.today} data-testid="care-form-day" />
        </Form.Item>
        <Form.Item name="urgent" valuePropName="checked">
          <Checkbox data-testid="care-form-urgent">{t('care.form.urgent')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
