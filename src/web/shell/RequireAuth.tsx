import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../http/auth';
import { errorText, isStatus } from '../http/errors';

/** Renders its children once /api/me answers; a 401 goes to the login page with the asked-for path. */
export function RequireAuth({
  children,
  loginPath = '/login',
  fallback,
}: {
  children: ReactNode;
  loginPath?: string;
  fallback?: ReactNode;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) {
    return fallback ?? <Spin size="large" fullscreen description={t('common.loading')} />;
  }
  if (me.isError) {
    if (isStatus(me.error, 401)) {
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`${loginPath}?next=${next}`} replace />;
    }
    return (
      <Result
        status="error"
        title={t('shell.loadFailed')}
        subTitle={errorText(me.error)}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return <>{children}</>;
}
