import { useQuery } from '@tanstack/react-query';
import { DotLoading, List, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { gateKeys, listGates } from '../../modules/gates/api';

/** The gates in the user's scope (/field/gates): one tap to a gate's page. */
export function FieldGates() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const gates = useQuery({ queryKey: gateKeys.all, queryFn: () => listGates() });
  return (
    <div>
      <NavBar onBack={() => navigate('/field')}>{t('gates.title')}</NavBar>
      {gates.isLoading && <DotLoading />}
      <List>
        {(gates.data?.items ?? []).map((g) => (
          <List.Item key={g.id} description={g.unit.name} onClick={() => navigate(`/field/gates/${g.id}`)}>
            {g.name}
          </List.Item>
        ))}
      </List>
      {gates.data?.items.length === 0 && <div style={{ padding: 24 }}>{t('gates.empty')}</div>}
    </div>
  );
}
