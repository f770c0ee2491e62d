import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { revealPhone } from '../../http/access';
import { hasPermission, useMe } from '../../http/auth';
import { errorText } from '../../http/errors';
import type { User } from '../../http/types';
import { maskedPhone } from './userFields';

/** The masked phone; 查看 reveals it in place for holders of pii.reveal (the server writes it to the audit log). */
export function PhoneCell({ user }: { user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [value, setValue] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const masked = maskedPhone(user);
  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;
  if (value)
    return (
      <Typography.Text copyable data-testid={`phone-${user.id}`}>
        {value}
      </Typography.Text>
    );
  return (
    <Space size={4}>
      <span data-testid={`phone-${user.id}`}>{masked}</span>
      {hasPermission(me, 'pii.reveal') && (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          loading={loading}
          data-testid={`reveal-phone-${user.id}`}
          onClick={async () => {
            setLoading(true);
            try {
              const res = await revealPhone(user.id);
              setValue(res?.value ?? masked);
            } catch (err) {
              message.error(errorText(err));
            } finally {
              setLoading(false);
            }
          }}
        >
          {t('access.reveal')}
        </Button>
      )}
    </Space>
  );
}
