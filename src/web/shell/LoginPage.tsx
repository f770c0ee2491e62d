import { LockOutlined, MobileOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { login, useDemo } from '../http/auth';
import { errorText } from '../http/errors';
import { LanguageSwitch } from './LanguageSwitch';
import { safeNext } from './paths';

interface Values {
  username: string;
  password: string;
}

/** Desk sign-in; also usable on a phone (the card shrinks to the screen). */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const demo = useDemo();
  const mutation = useMutation({
    mutationFn: (v: Values) => login(v.username.trim(), v.password),
    onSuccess: async () => {
      queryClient.clear();
      await navigate(safeNext(params.get('next'), '/'), { replace: true });
    },
  });

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        boxSizing: 'border-box',
        background: 'linear-gradient(160deg, #b71c1c 0%, #e57373 45%, #f5f5f5 45%)',
      }}
    >
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
            <div>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {t('app.name')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
            </div>
            <LanguageSwitch size="small" />
          </div>
          {demo.data?.demo && (
            <Alert
              data-testid="demo-notice"
              type="warning"
              showIcon
              title={t('auth.demoTitle')}
              description={t('auth.demoNotice')}
            />
          )}
          {mutation.isError && (
            <Alert data-testid="login-error" type="error" showIcon title={errorText(mutation.error)} />
          )}
          <Form<Values>
            layout="vertical"
            onFinish={(v) => mutation.mutate(v)}
            requiredMark={false}
            size="large"
          >
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, message: t('auth.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoCapitalize="off"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={mutation.isPending}
              data-testid="login-submit"
            >
              {t('auth.submit')}
            </Button>
          </Form>
          <Link to="/field/login">
            <MobileOutlined /> {t('auth.fieldEntry')}
          </Link>
        </Space>
      </Card>
    </div>
  );
}
