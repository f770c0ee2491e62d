import { Alert, App, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { END_REASONS, type EndReason, type MeasureKind, nextStage } from '../../../domain/isolation/measures';
import { errorText } from '../../http/errors';
import { type EndMeasureInput, endMeasure, isolationKeys, type KeyPerson } from '../../http/isolation';
import { useLedgerDay } from '../../http/ledger';
import { testIdProps } from '../../shell/testId';
import { useWrite } from '../../shell/useWrite';
import { applyPathErrors } from './fieldErrors';
import { useIsolationLabels } from './labels';

interface Values {
  reason: EndReason;
  on?: string;
  signedOffBy?: string;
  next?: boolean;
  note?: string;
}

const KNOWN = ['reason', 'on', 'signedOffBy', 'note'];

/**
 * 结束措施: released (解除, on or after the planned end, with who signed it off, and the rule's next
 * stage when there is one), transferred (转运) or moved (迁出). The server's refusal (not yet due, say)
 * shows on the field it names.
 */
export function EndMeasureModal({ person, onClose }: { person: KeyPerson; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useIsolationLabels();
  const today = useLedgerDay().data?.today;
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const reason = Form.useWatch('reason', form);
  const kind = person.measure as MeasureKind;
  const next = nextStage(kind, person.category);
  const end = useWrite(
    isolationKeys.all,
    (body: EndMeasureInput) => endMeasure(person.measureId as string, body),
    () => {
      message.success(t('isolation.end.done'));
      onClose();
    },
    { silentError: true },
  );
  const submit = (v: Values) => {
    setError(null);
    end.mutate(
      {
        reason: v.reason,
        on: v.on || undefined,
        signedOffBy: v.signedOffBy?.trim() || undefined,
        note: v.note?.trim() || undefined,
        next: v.reason === 'released' && next ? !!v.next : undefined,
      },
      { onError: (err) => applyPathErrors(form, err, KNOWN) || setError(errorText(err)) },
    );
  };
  return (
    <Modal
      open
      title={t('isolation.end.title', { measure: labels.measure(kind) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={testIdProps('end-submit')}
      confirmLoading={end.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ reason: 'released', on: today, next: !!next }}
      >
        <Form.Item name="reason" label={t('isolation.end.reason')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={END_REASONS.map((r) => ({
              value: r,
              label: <span data-testid={`end-reason-${r}`}>{t(`isolation.end.reasons.${r}`)}</span>,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="on"
          label={t('isolation.end.on')}
          extra={
            person.measureLastDay ? t('isolation.end.plannedEnd', { date: person.measureLastDay }) : undefined
          }
        >
          <Input type="date" style={{ width: 180 }} max={today} data-testid="end-on" />
        </Form.Item>
        {reason === 'released' && (
          <>
            <Form.Item name="signedOffBy" label={t('isolation.end.signedOffBy')} rules={[{ required: true }]}>
              <Input maxLength={60} style={{ width: 240 }} data-testid="end-signed-off-by" />
            </Form.Item>
            {next && (
              <Form.Item name="next" valuePropName="checked">
                <Checkbox data-testid="end-next">
                  {t('isolation.end.next', { measure: labels.measure(next.kind), days: next.days })}
                </Checkbox>
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="note" label={t('isolation.end.note')}>
          <Input maxLength={300} data-testid="end-note" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="end-error" />}
    </Modal>
  );
}
