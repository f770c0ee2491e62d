import { ErrorBlock, List, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useCheckpointFacilities } from '../../http/checkpoints';
import { errorText } from '../../http/errors';

/** The checkpoints the worker may register at; with one only, straight to it. */
export function FieldCheckpoints() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useCheckpointFacilities();
  const items = list.data?.items ?? [];
  if (list.isSuccess && items.length === 1)
    return <Navigate to={`/field/checkpoints/${items[0].id}`} replace />;
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <NavBar onBack={() => void navigate('/field')} style={{ background: '#c62828', color: '#fff' }}>
        {t('checkpoints.field.title')}
      </NavBar>
      {list.isError && <ErrorBlock status="default" title={errorText(list.error)} description="" />}
      {list.isSuccess && items.length === 0 && (
        <ErrorBlock status="empty" title={t('checkpoints.field.none')} description="" />
      )}
      <List>
        {items.map((f) => (
          <List.Item
            key={f.id}
            data-testid={`field-checkpoint-${f.id}`}
            description={f.unitName}
            onClick={() => void navigate(`/field/checkpoints/${f.id}`)}
            style={{ fontSize: 20 }}
          >
            {f.name}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
