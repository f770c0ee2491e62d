import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HOUSEHOLD_COLOURS, type HouseholdColour } from '../../../../domain/ledger/colours';
import { applyFieldErrors, errorText } from '../../../http/errors';
import { type Household, setColour } from '../../../http/ledger';
import { testIdProps } from '../../../shell/testId';
import { ColourChip } from '../common/ColourChip';
import { useColourMeaning } from '../common/useColourMeaning';
import { useLedgerMutation } from '../useLedgerMutation';

interface Props {
  /** 'set': choose a colour by hand; 'clear': back to the colour the rules give */
  mode: 'set' | 'clear' | null;
  household: Household;
  onClose: () => void;
}

/** Sets a household's colour by hand, or clears that; either way with the reason the history keeps. */
export function ColourModal({ mode, household, onClose }: Props) {
  const { t } = useTranslation();
  const meaning = useColourMeaning();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ colour?: HouseholdColour; reason: string }>();
  // filled when the dialog opens, not when the household is refreshed in the background
  const colour = useRef(household.colour);
  colour.current = household.colour;
  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    form.setFieldsValue({ colour: mode === 'set' ? colour.current : undefined, reason: '' });
  }, [mode, form]);
  const mutation = useLedgerMutation(
    (v: { colour: HouseholdColour | null; reason: string }) => setColour(household.key, v),
    () => {
      message.success(mode === 'clear' ? t('household.colourCleared') : t('household.colourSet'));
      onClose();
    },
    { silentError: true },
  );
  return (
    <Modal
      open={mode !== null}
      title={mode === 'clear' ? t('household.clearColourTitle') : t('household.setColourTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={testIdProps('colour-submit')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          mutation.mutate(
            { colour: mode === 'clear' ? null : (v.colour ?? household.colour), reason: v.reason.trim() },
            {
              onError: (err) => {
                if (!applyFieldErrors(form, err)) message.error(errorText(err));
              },
            },
          )
        }
      >
        {mode === 'clear' ? (
          <Typography.Paragraph>
            {t('household.clearColourHint')} <ColourChip colour={household.derivedColour} long />
          </Typography.Paragraph>
        ) : (
          <Form.Item name="colour" label={t('household.colour')} rules={[{ required: true }]}>
            <Radio.Group data-testid="colour-choice">
              {HOUSEHOLD_COLOURS.map((c) => (
                <Radio
                  key={c}
                  value={c}
                  data-testid={`colour-choice-${c}`}
                  style={{ display: 'flex', marginBottom: 6 }}
                >
                  <ColourChip colour={c} /> <Typography.Text type="secondary">{meaning(c)}</Typography.Text>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('household.reason')}
          rules={[{ required: true, whitespace: true, message: t('household.reasonRequired') }, { max: 200 }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="colour-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
