import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRole, ROLE_DEFINITIONS } from '../../../domain/access/roles';
import { grantRole, useRoles } from '../../http/access';
import { useMe } from '../../http/auth';
import type { RoleInfo, Unit, User } from '../../http/types';
import { useLanguage } from '../../i18n/useLanguage';
import { roleLabel } from '../../shell/roleLabel';
import { testIdProps } from '../../shell/testId';
import { UnitPicker } from '../org/UnitPicker';
import { useAccessMutation } from './useAccessMutation';

interface Values {
  role: string;
  unitCode: string;
}

/** The roles the signed-in user may hand out (the server checks again). */
function useGrantableRoles(): RoleInfo[] {
  const { data: me } = useMe();
  const { data: roles = [] } = useRoles();
  const mayGrant = new Set<string>();
  for (const g of me?.grants ?? [])
    if (isRole(g.role)) for (const r of ROLE_DEFINITIONS[g.role].mayGrant) mayGrant.add(r);
  return mayGrant.size ? roles.filter((r) => mayGrant.has(r.role)) : roles;
}

/** 授权: grant a role on a unit (picked by search). */
export function GrantRoleButton({ user, defaultUnit }: { user: User; defaultUnit?: Unit }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const roles = useGrantableRoles();
  const mutation = useAccessMutation(
    (v: Values) => grantRole(user.id, v),
    () => {
      message.success(t('access.granted'));
      setOpen(false);
      form.resetFields();
    },
  );
  return (
    <>
      <Button
        size="small"
        icon={<SafetyCertificateOutlined />}
        data-testid={`user-grant-${user.id}`}
        onClick={() => setOpen(true)}
      >
        {t('access.grant')}
      </Button>
      <Modal
        open={open}
        title={t('access.grantTitle', { name: user.displayName })}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('access.grant')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        okButtonProps={testIdProps('grant-submit')}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ unitCode: defaultUnit?.code }}
          onFinish={(v) => mutation.mutate(v)}
        >
          <Form.Item
            name="role"
            label={t('access.role')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              data-testid="grant-role"
              options={roles.map((r) => ({ value: r.role, label: roleLabel(r.role, lang, r) }))}
            />
          </Form.Item>
          <Form.Item
            name="unitCode"
            label={t('access.unit')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <UnitPicker
              placeholder={t('access.unitPlaceholder')}
              testId="grant-unit"
              defaultOptions={defaultUnit ? [defaultUnit] : []}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
