import { AppstoreOutlined, SolutionOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import type { Unit } from '../../http/types';

/** From the tree into the household ledger of a unit, and the building view (楼栋图) of a building or courtyard. */
export function LedgerLinks({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!hasPermission(me, 'ledger.read')) return null;
  return (
    <Space wrap>
      <Link to={`/ledger?unit=${unit.code}`}>
        <Button icon={<SolutionOutlined />} data-testid="unit-open-ledger">
          {t('nav.ledger')}
        </Button>
      </Link>
      {(unit.kind === 'building' || unit.kind === 'courtyard') && (
        <Link to={`/ledger/building/${unit.code}`}>
          <Button icon={<AppstoreOutlined />} data-testid="unit-open-building">
            {t('building.title')}
          </Button>
        </Link>
      )}
    </Space>
  );
}
