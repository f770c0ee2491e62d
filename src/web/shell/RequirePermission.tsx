import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../http/auth';

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!hasPermission(me, permission)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('shell.forbidden')}
        extra={
          <Link to="/">
            <Button type="primary">{t('shell.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return <>{children}</>;
}
