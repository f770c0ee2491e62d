import { ErrorBlock, List, NavBar, Skeleton, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../http/errors';
import { useCampaignsOffline } from './offlineData';

/** 入户排查 on the phone: the campaigns the worker takes part in, open ones first. */
export function FieldCampaigns() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useCampaignsOffline();
  const items = [...(query.data?.items ?? [])].sort((a, b) =>
    a.status === b.status ? 0 : a.status === 'open' ? -1 : 1,
  );
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <NavBar onBack={() => void navigate('/field')}>{t('fieldScreening.title')}</NavBar>
      {query.isPending && <Skeleton.Paragraph lineCount={5} animated />}
      {query.isError && <ErrorBlock status="default" title={errorText(query.error)} description="" />}
      {query.isSuccess && items.length === 0 && (
        <ErrorBlock status="empty" title={t('fieldScreening.noCampaigns')} description="" />
      )}
      {items.length > 0 && (
        <List header={t('fieldScreening.campaigns')} data-testid="field-campaigns">
          {items.map((c) => (
            <List.Item
              key={c.id}
              data-testid={`field-campaign-${c.id}`}
              description={[c.unit?.name, c.endsOn ? `${c.startsOn} – ${c.endsOn}` : `${c.startsOn} –`]
                .filter(Boolean)
                .join(' · ')}
              extra={
                c.status === 'open' ? (
                  <Tag color="primary">{t('screening.open')}</Tag>
                ) : (
                  <Tag color="default">{t('screening.closed')}</Tag>
                )
              }
              onClick={() => void navigate(`/field/screening/${c.id}`)}
              style={{ fontSize: 17 }}
            >
              {c.name}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
