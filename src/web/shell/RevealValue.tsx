import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../http/auth';
import { errorText } from '../http/errors';

/**
 * A masked ID number or phone; 查看 shows the full value in place to holders of pii.reveal (the server
 * writes every reveal to the audit log). `testId` names the value; its button is `reveal-<testId>`.
 */
export function RevealValue({
  masked,
  reveal,
  testId,
  withLabel = false,
}: {
  masked: string | null;
  reveal: () => Promise<{ value: string | null } | undefined>;
  testId: string;
  /** the button says 查看 (in a table of users) rather than showing the icon alone */
  withLabel?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [value, setValue] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;
  if (value)
    return (
      <Typography.Text copyable data-testid={testId} style={{ fontFamily: 'monospace' }}>
        {value}
      </Typography.Text>
    );
  return (
    <Space size={2}>
      <span data-testid={testId} style={{ fontFamily: 'monospace' }}>
        {masked}
      </span>
      {hasPermission(me, 'pii.reveal') && (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          loading={loading}
          data-testid={`reveal-${testId}`}
          title={t('access.reveal')}
          onClick={async () => {
            setLoading(true);
            try {
              setValue((await reveal())?.value ?? masked);
            } catch (err) {
              message.error(errorText(err));
            } finally {
              setLoading(false);
            }
          }}
        >
          {withLabel ? t('access.reveal') : null}
        </Button>
      )}
    </Space>
  );
}
