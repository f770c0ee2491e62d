import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder until the screen is built. */
export default function ForcesPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('forces.title')}</Typography.Title>;
}
