import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { firstMeasure } from '../../../domain/isolation/measures';
import { errorText } from '../../http/errors';
import { isolationKeys, type KeyPerson, type MeasureInput, startMeasure } from '../../http/isolation';
import { useLedgerDay } from '../../http/ledger';
import { testIdProps } from '../../shell/testId';
import { useWrite } from '../../shell/useWrite';
import { applyPathErrors } from './fieldErrors';
import { MEASURE_FIELDS, MeasureFields } from './MeasureFields';

const text = (s: string | undefined) => s?.trim() || undefined;

/** 采取管控措施 for a key person under none: the category's first measure offered, from the ledger's day. */
export function StartMeasureModal({ person, onClose }: { person: KeyPerson; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = useLedgerDay().data?.today;
  const [form] = Form.useForm<Partial<MeasureInput>>();
  const [error, setError] = useState<string | null>(null);
  const start = useWrite(
    isolationKeys.all,
    (body: MeasureInput) => startMeasure(person.id, body),
    () => {
      message.success(t('isolation.measure.started'));
      onClose();
    },
    { silentError: true },
  );
  const submit = (m: Partial<MeasureInput>) => {
    setError(null);
    if (!m.kind) return;
    start.mutate(
      {
        kind: m.kind,
        startsOn: m.startsOn || undefined,
        plannedEnd: m.plannedEnd || undefined,
        responsibleUserId: m.responsibleUserId || undefined,
        doctor: text(m.doctor),
        doorSeal: m.doorSeal,
        siteId: m.kind === 'centralised' ? m.siteId : undefined,
        roomId: m.kind === 'centralised' ? m.roomId || undefined : undefined,
        note: text(m.note),
      },
      { onError: (err) => applyPathErrors(form, err, MEASURE_FIELDS) || setError(errorText(err)) },
    );
  };
  return (
    <Modal
      open
      width={680}
      title={`${t('isolation.measure.title')} · ${person.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={testIdProps('measure-submit')}
      confirmLoading={start.isPending}
      destroyOnHidden
    >
      <Form<Partial<MeasureInput>>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '140px' }}
        labelWrap
        onFinish={submit}
        initialValues={{
          kind: firstMeasure(person.category),
          startsOn: today,
          doorSeal: 'none',
          responsibleUserId: person.responsible?.id,
        }}
      >
        <MeasureFields form={form} prefix={[]} unit={person.unitCode} category={person.category} />
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="measure-error" />}
    </Modal>
  );
}
