import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../http/auth';
import { errorText, isStatus } from '../http/errors';

/** The field screens need a session; without one, /field/login and back. */
export function FieldRequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) {
    return (
      <div style={{ padding: 48, textAlign: 'center', fontSize: 24 }}>
        <DotLoading color="primary" />
      </div>
    );
  }
  if (me.isError) {
    if (isStatus(me.error, 401)) {
      return (
        <Navigate
          to={`/field/login?next=${encodeURIComponent(location.pathname + location.search)}`}
          replace
        />
      );
    }
    return (
      <ErrorBlock status="default" title={t('shell.loadFailed')} description={errorText(me.error)}>
        <Button color="primary" onClick={() => void me.refetch()}>
          {t('common.retry')}
        </Button>
      </ErrorBlock>
    );
  }
  return <>{children}</>;
}
