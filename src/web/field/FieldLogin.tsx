import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, NoticeBar, Space } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { login, useDemo } from '../http/auth';
import { errorText } from '../http/errors';
import { safeNext } from '../shell/paths';
import { FieldInput } from './FieldInput';
import { FieldLangSwitch } from './FieldLangSwitch';

interface Values {
  username: string;
  password: string;
}

/** Sign in on a phone (same API as the desk). */
export function FieldLogin() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const demo = useDemo();
  const mutation = useMutation({
    mutationFn: (v: Values) => login((v.username ?? '').trim(), v.password ?? ''),
    onSuccess: async () => {
      queryClient.clear();
      await navigate(safeNext(params.get('next'), '/field'), { replace: true });
    },
  });
  return (
    <div
      style={{
        minHeight: '100vh',
        background: 'linear-gradient(180deg, #c62828 0, #c62828 160px, #f5f5f5 160px)',
        padding: '32px 16px',
      }}
    >
      <h1 style={{ color: '#fff', margin: '0 0 24px', fontSize: 24 }}>{t('field.loginTitle')}</h1>
      <div style={{ background: '#fff', borderRadius: 8, overflow: 'hidden' }}>
        {demo.data?.demo && (
          <NoticeBar
            data-testid="demo-notice"
            color="alert"
            content={
              <span>
                <b>{t('auth.demoTitle')}</b> {t('auth.demoNotice')}
              </span>
            }
            wrap
          />
        )}
        {mutation.isError && (
          <NoticeBar data-testid="login-error" color="error" content={errorText(mutation.error)} wrap />
        )}
        <Form
          layout="horizontal"
          onFinish={(v: Values) => mutation.mutate(v)}
          footer={
            <Button
              block
              type="submit"
              color="primary"
              size="large"
              loading={mutation.isPending}
              data-testid="login-submit"
            >
              {t('auth.submit')}
            </Button>
          }
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('auth.usernameRequired') }]}
          >
            <FieldInput autoComplete="username" autoCapitalize="off" clearable testId="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <FieldInput type="password" autoComplete="current-password" testId="login-password" />
          </Form.Item>
        </Form>
      </div>
      <Space direction="vertical" block style={{ marginTop: 24 }}>
        <FieldLangSwitch />
        <Link to="/login" style={{ color: '#666' }}>
          {t('auth.deskEntry')}
        </Link>
      </Space>
    </div>
  );
}
