import { MobileOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNarrowScreen } from './useNarrowScreen';

/** On a phone-sized screen, point to the field version. */
export function PhoneHint() {
  const { t } = useTranslation();
  const narrow = useNarrowScreen();
  if (!narrow) return null;
  return (
    <Alert
      data-testid="phone-hint"
      type="info"
      showIcon
      icon={<MobileOutlined />}
      style={{ marginBottom: 16 }}
      title={t('shell.phoneHint')}
      action={
        <Link to="/field" data-testid="phone-hint-link">
          {t('shell.phoneLink')}
        </Link>
      }
    />
  );
}
