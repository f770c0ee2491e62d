import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../../http/auth';
import { errorText } from '../../../http/errors';
import { revealResident } from '../../../http/ledger';

/** A masked ID number or phone; 查看 shows the full value to holders of pii.reveal (the server audits it). */
export function RevealValue({
  residentKey,
  field,
  masked,
}: {
  residentKey: string;
  field: 'idNumber' | 'phone';
  masked: string | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [value, setValue] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const testId = `${field === 'idNumber' ? 'id' : 'phone'}-${residentKey}`;
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
              const res = await revealResident(residentKey, field);
              setValue(res?.value ?? masked);
            } catch (err) {
              message.error(errorText(err));
            } finally {
              setLoading(false);
            }
          }}
        />
      )}
    </Space>
  );
}
