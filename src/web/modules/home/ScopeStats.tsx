import { Card, Col, Row, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../http/auth';
import { useFacilities } from '../../http/org';
import type { Unit } from '../../http/types';
import { UNIT_KINDS } from '../../http/types';
import { STATS_LIMIT, useChildStats } from './useChildStats';

/** A few numbers about the scope unit: its children, their children, its facilities. */
export function ScopeStats({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const stats = useChildStats(unit.code);
  const facilities = useFacilities(hasPermission(me, 'org.read') ? unit.code : undefined);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={8}>
        <Card size="small">
          <Statistic title={t('home.directChildren')} value={unit.childCount} data-testid="stat-children" />
        </Card>
      </Col>
      <Col xs={12} md={8}>
        <Card size="small">
          <Statistic
            title={`${t('home.grandchildren')}${stats.partial ? t('home.countedFirst', { n: STATS_LIMIT }) : ''}`}
            value={stats.grandchildren}
            loading={stats.isPending && unit.childCount > 0}
          />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small">
          <Statistic
            title={t('home.facilities')}
            value={facilities.data?.length ?? 0}
            loading={facilities.isPending && facilities.fetchStatus !== 'idle'}
          />
        </Card>
      </Col>
      {stats.byKind.size > 0 && (
        <Col span={24}>
          <Card
            size="small"
            title={`${t('home.byKind')}${stats.partial ? t('home.countedFirst', { n: STATS_LIMIT }) : ''}`}
          >
            {UNIT_KINDS.filter((k) => stats.byKind.has(k)).map((k) => (
              <Tag key={k} style={{ fontSize: 14, padding: '4px 10px' }}>
                {t(`kind.${k}`)} {stats.byKind.get(k)}
              </Tag>
            ))}
          </Card>
        </Col>
      )}
    </Row>
  );
}
