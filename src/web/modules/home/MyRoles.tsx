import { Card, Empty, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../http/auth';
import { useLanguage } from '../../i18n/useLanguage';
import { roleLabel } from '../../shell/roleLabel';

/** The user's roles and the units they hold them on. */
export function MyRoles() {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const { data: me } = useMe();
  const grants = me?.grants ?? [];
  return (
    <Card size="small" title={t('home.myRoles')} data-testid="home-roles">
      {grants.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noRoles')} />
      ) : (
        <Space orientation="vertical">
          {grants.map((g) => (
            <div key={String(g.id)}>
              <Tag color="red">{roleLabel(g.role, lang)}</Tag>
              {g.unit?.name}
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
