import { Alert, Card, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../http/auth';
import { PhoneHint } from '../../shell/PhoneHint';
import { useScope } from '../../shell/ScopeContext';
import { UnitKindTag } from '../org/UnitKindTag';
import { UnitTrail } from '../org/UnitTrail';
import { ForcesGlance } from './ForcesGlance';
import { ModuleLinks } from './ModuleLinks';
import { MyRoles } from './MyRoles';
import { ScopeStats } from './ScopeStats';

/** 工作台: where am I, what may I do, a glance at the numbers, the way into the modules. */
export default function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { scopeUnit } = useScope();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PhoneHint />
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-title">
        {t('home.welcome', { name: me?.displayName ?? me?.username ?? '' })}
      </Typography.Title>
      {scopeUnit ? (
        <Card size="small" title={t('home.scopeUnit')}>
          <Space orientation="vertical">
            <Space>
              <Typography.Text strong style={{ fontSize: 18 }} data-testid="home-scope-name">
                {scopeUnit.name}
              </Typography.Text>
              <UnitKindTag kind={scopeUnit.kind} name={scopeUnit.name} />
              <Typography.Text type="secondary" copyable>
                {scopeUnit.code}
              </Typography.Text>
            </Space>
            <UnitTrail
              unit={scopeUnit}
              linkTo={(code) => (hasPermission(me, 'org.read') ? `/org/${code}` : '/')}
            />
          </Space>
        </Card>
      ) : (
        me && me.units.length === 0 && <Alert type="warning" showIcon title={t('home.noRoles')} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          {scopeUnit && <ScopeStats unit={scopeUnit} />}
        </Col>
        <Col xs={24} lg={8}>
          <MyRoles />
        </Col>
      </Row>
      {scopeUnit && hasPermission(me, 'forces.read') && <ForcesGlance unit={scopeUnit} />}
      <ModuleLinks />
    </Space>
  );
}
