import { App, Form, Modal, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignCareRequest, type CareRequest, careKeys } from '../../http/care';
import { applyFieldErrors, errorText } from '../../http/errors';
import { testIdProps } from '../../shell/testId';
import { useWrite } from '../../shell/useWrite';
import { PersonSelect } from '../forces/PersonSelect';
import { useCareLabels } from './useCareLabels';

/**
 * 派单: gives a request to a person of the forces registry (a volunteer by default; party members and
 * cadres too) of the household's community; one on its way is given to another (改派).
 */
export function AssignModal({ request: r, onClose }: { request: CareRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useCareLabels();
  const [form] = Form.useForm<{ personId?: string }>();
  const [who, setWho] = useState<'volunteer' | 'all'>('volunteer');
  const save = useWrite(
    careKeys.all,
    (personId: string) => assignCareRequest(r.id, personId),
    (done) => {
      message.success(t('care.assign.done', { name: done.volunteer?.name ?? '' }));
      onClose();
    },
    { silentError: true },
  );
  return (
    <Modal
      open
      title={r.volunteer ? t('care.board.reassign') : t('care.assign.title')}
      okText={t('care.assign.ok')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={testIdProps('care-assign-ok')}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Typography.Text strong>{r.address}</Typography.Text>
        <br />
        {labels.items(r.items)}
        {r.help.length > 0 && ` · ${labels.helps(r.help)}`}
      </Typography.Paragraph>
      {r.volunteer && (
        <Typography.Paragraph type="secondary">
          {t('care.assign.now', { name: r.volunteer.name })}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate(v.personId as string, {
            onError: (err) => {
              if (!applyFieldErrors(form, err)) message.error(errorText(err));
            },
          })
        }
      >
        <Segmented<'volunteer' | 'all'>
          style={{ marginBottom: 12 }}
          value={who}
          onChange={setWho}
          options={[
            { value: 'volunteer', label: t('care.assign.volunteers') },
            { value: 'all', label: t('care.assign.everyone') },
          ]}
        />
        <Form.Item
          name="personId"
          label={t('care.assign.person')}
          rules={[{ required: true, message: t('care.assign.required') }]}
        >
          <PersonSelect
            testId="care-assign-person"
            filter={{
              unit: r.community?.code ?? r.unit.code,
              ...(who === 'volunteer' ? { standing: 'volunteer' as const } : {}),
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
