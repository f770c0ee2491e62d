import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validatePhone } from '../../../domain/validators/phone';
import { createUser } from '../../http/access';
import { applyFieldErrors, errorText } from '../../http/errors';
import type { Unit } from '../../http/types';
import { paren } from '../../i18n/punctuation';
import { strongPasswordRule } from '../../shell/passwordRule';
import { testIdProps } from '../../shell/testId';
import { UnitPicker } from '../org/UnitPicker';
import { useAccessMutation } from './useAccessMutation';

interface Values {
  username: string;
  displayName: string;
  password: string;
  homeUnitCode: string;
  phone?: string;
}

/** 新建用户: username, name, initial password, home unit (by search), phone. */
export function CreateUserButton({ defaultUnit }: { defaultUnit?: Unit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const mutation = useAccessMutation(
    (v: Values) =>
      createUser({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password,
        homeUnitCode: v.homeUnitCode,
        phone: v.phone?.trim() || undefined,
      }),
    (_, v) => {
      message.success(t('access.userCreated', { name: v.displayName }));
      setOpen(false);
      form.resetFields();
    },
    { silentError: true },
  );
  return (
    <>
      <Button
        type="primary"
        icon={<UserAddOutlined />}
        data-testid="user-create"
        onClick={() => {
          setError(null);
          if (!form.getFieldValue('homeUnitCode') && defaultUnit)
            form.setFieldsValue({ homeUnitCode: defaultUnit.code });
          setOpen(true);
        }}
      >
        {t('access.createUser')}
      </Button>
      <Modal
        open={open}
        title={t('access.createUser')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        okButtonProps={testIdProps('user-create-submit')}
        forceRender
      >
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            data-testid="user-create-error"
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ homeUnitCode: defaultUnit?.code }}
          onFinish={(v) => {
            setError(null);
            mutation.mutate(v, {
              onError: (err) => {
                if (!applyFieldErrors(form, err)) setError(errorText(err));
              },
            });
          }}
        >
          <Form.Item
            name="username"
            label={t('access.username')}
            extra={t('access.usernameHint')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 64 }]}
          >
            <Input autoComplete="off" data-testid="user-create-username" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('access.displayName')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 64 }]}
          >
            <Input data-testid="user-create-display-name" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('access.initialPassword')}
            rules={[{ required: true, message: t('auth.passwordRequired') }, strongPasswordRule()]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-create-password" />
          </Form.Item>
          <Form.Item
            name="homeUnitCode"
            label={t('access.homeUnit')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <UnitPicker
              placeholder={t('access.unitPlaceholder')}
              testId="user-create-unit"
              defaultOptions={defaultUnit ? [defaultUnit] : []}
            />
          </Form.Item>
          <Form.Item
            name="phone"
            label={`${t('access.phone')}${paren(t('common.optional'))}`}
            rules={[
              {
                validator: (_, v?: string) =>
                  !v?.trim() || validatePhone(v).ok
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('access.phoneInvalid'))),
              },
            ]}
          >
            <Input inputMode="tel" maxLength={20} data-testid="user-create-phone" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
