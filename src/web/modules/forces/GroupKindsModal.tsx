import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space, Switch, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setKinds, useGroupKinds } from '../../http/forces';
import { testIdProps } from '../../shell/testId';
import { useForcesMutation } from './common';

// 组织类型: the built-in kinds of group (临时党支部, 突击队, 劝导队…) and the ones this deployment adds
// (e.g. 物资保障队). Only whoever manages forces at the top of the tree may change them.

interface KindRow {
  key?: string;
  zh: string;
  en: string;
  party: boolean;
}

/** A key for a new kind, as the server wants it (lower case, digits, underscores). */
const newKey = () => `custom_${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

export function GroupKindsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const kinds = useGroupKinds();
  const [form] = Form.useForm<{ kinds: KindRow[] }>();
  const items = kinds.data?.items ?? [];
  const data = kinds.data;
  useEffect(() => {
    if (open && data)
      form.setFieldsValue({
        kinds: data.items
          .filter((k) => !k.builtin)
          .map((k) => ({ key: k.key, zh: k.label['zh-CN'], en: k.label.en, party: k.party })),
      });
  }, [open, form, data]);
  const save = useForcesMutation(
    (rows: KindRow[]) =>
      setKinds(rows.map((r) => ({ key: r.key ?? newKey(), zh: r.zh, en: r.en, party: !!r.party }))),
    () => {
      message.success(t('forces.kinds.saved'));
      onClose();
    },
  );
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Modal
      open={open}
      title={t('forces.kinds.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ ...testIdProps('kinds-save'), loading: save.isPending }}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('forces.kinds.builtin')}</Typography.Paragraph>
      <Space size={[4, 4]} wrap style={{ marginBottom: 16 }}>
        {items
          .filter((k) => k.builtin)
          .map((k) => (
            <Tag key={k.key} color={k.party ? 'red' : 'blue'} bordered={false}>
              {k.label[lang]}
            </Tag>
          ))}
      </Space>
      <Typography.Paragraph type="secondary">{t('forces.kinds.custom')}</Typography.Paragraph>
      <Form form={form} onFinish={(v) => save.mutate(v.kinds ?? [])} data-testid="kinds-form">
        <Form.List name="kinds">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap data-testid={`kind-row-${f.name}`}>
                  <Form.Item
                    name={[f.name, 'zh']}
                    rules={[
                      { required: true, whitespace: true, max: 20, message: t('forces.kinds.zhRequired') },
                    ]}
                  >
                    <Input placeholder={t('forces.kinds.zh')} data-testid={`kind-zh-${f.name}`} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'en']}
                    rules={[
                      { required: true, whitespace: true, max: 40, message: t('forces.kinds.enRequired') },
                    ]}
                  >
                    <Input placeholder={t('forces.kinds.en')} data-testid={`kind-en-${f.name}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'party']} valuePropName="checked" initialValue={false}>
                    <Switch
                      checkedChildren={t('forces.kinds.party')}
                      unCheckedChildren={t('forces.kinds.notParty')}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('forces.kinds.remove')}
                  />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ zh: '', en: '', party: false })}
                data-testid="kind-add"
              >
                {t('forces.kinds.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
