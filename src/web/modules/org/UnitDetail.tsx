import { Card, Descriptions, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, isStatus } from '../../http/errors';
import { useUnit } from '../../http/org';
import { ResponsibleTag } from '../forces/ResponsibleTag';
import { ChildrenTable } from './ChildrenTable';
import { FacilitiesPanel } from './FacilitiesPanel';
import { kindLabel } from './kindLabel';
import { LedgerLinks } from './LedgerLinks';
import { UnitActions } from './UnitActions';
import { UnitKindTag } from './UnitKindTag';
import { UnitTrail } from './UnitTrail';

/** The right side of the tree page: one unit, its children and facilities, and what may be done to it. */
export function UnitDetail({ code }: { code: string }) {
  const { t } = useTranslation();
  const query = useUnit(code);
  if (query.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (query.isError) {
    return (
      <Card>
        <Result status={isStatus(query.error, 404) ? '404' : 'error'} title={errorText(query.error)} />
      </Card>
    );
  }
  const unit = query.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <UnitTrail unit={unit} />
          <Space wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="unit-title">
              {unit.name}
            </Typography.Title>
            <UnitKindTag kind={unit.kind} name={unit.name} />
            <ResponsibleTag code={unit.code} />
          </Space>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              {
                key: 'code',
                label: t('org.code'),
                children: (
                  <Typography.Text copyable data-testid="unit-code">
                    {unit.code}
                  </Typography.Text>
                ),
              },
              { key: 'kind', label: t('org.kind'), children: kindLabel(unit) },
              { key: 'children', label: t('org.childCount'), children: unit.childCount },
              ...(unit.officialName && unit.officialName !== unit.name
                ? [{ key: 'official', label: t('org.officialName'), children: unit.officialName }]
                : []),
            ]}
          />
          <UnitActions unit={unit} />
          <LedgerLinks unit={unit} />
        </Space>
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'children',
              label: `${t('org.children')} (${unit.childCount})`,
              children: <ChildrenTable code={unit.code} />,
            },
            { key: 'facilities', label: t('org.facilities'), children: <FacilitiesPanel unit={unit} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
