import { Card, Col, Empty, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useUnit } from '../../http/org';
import { useScope } from '../../shell/ScopeContext';
import { UnitDetail } from './UnitDetail';
import { UnitSearchBox } from './UnitSearchBox';
import { UnitTree } from './UnitTree';

/** 网格管理: search and tree on the left (from the current scope), the chosen unit on the right. */
export default function OrgPage() {
  const { t } = useTranslation();
  const { code: routeCode } = useParams();
  const { scopeUnit, scopeCode } = useScope();
  const code = routeCode ?? scopeCode;
  const selected = useUnit(code);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={9} xl={7}>
        <Card size="small" title={t('org.tree')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <UnitSearchBox />
            {scopeUnit && <UnitTree root={scopeUnit} selected={selected.data} />}
          </Space>
        </Card>
      </Col>
      <Col xs={24} md={15} xl={17}>
        {code ? (
          <UnitDetail code={code} />
        ) : (
          <Card>
            <Empty description={t('org.selectUnit')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
