import { Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { KEY_PERSON_CATEGORIES } from '../../../domain/isolation/keyPerson';
import { MEASURE_KINDS } from '../../../domain/isolation/measures';
import { type IsolationCounts, useIsolationCounts } from '../../http/isolation';
import { useScope } from '../../shell/ScopeContext';
import { useIsolationLabels } from './labels';

type Child = IsolationCounts['children'][number];
const MEASURES = [...MEASURE_KINDS, 'none'] as const;

/** 统计: the open key persons of the header's unit by category and measure, fevers, overdue checks; the
 * same for each unit below it — clicking one drills down (the header's unit changes). */
export function CountsTab() {
  const { t } = useTranslation();
  const labels = useIsolationLabels();
  const { scopeCode, setScope } = useScope();
  const counts = useIsolationCounts(scopeCode);
  const c = counts.data;
  const measureLabel = (m: (typeof MEASURES)[number]) =>
    m === 'none' ? t('isolation.counts.measureNone') : labels.measure(m);
  const columns: ColumnsType<Child> = [
    {
      title: t('isolation.counts.unit'),
      key: 'unit',
      fixed: 'left',
      width: 150,
      render: (_, r) => (
        <Typography.Link data-testid={`counts-child-${r.unit.code}`}>{r.unit.name}</Typography.Link>
      ),
    },
    { title: t('isolation.counts.persons'), dataIndex: 'persons', width: 80, align: 'right' },
    ...KEY_PERSON_CATEGORIES.map((k) => ({
      title: labels.category(k),
      key: `c-${k}`,
      width: 90,
      align: 'right' as const,
      render: (_: unknown, r: Child) => r.byCategory[k] ?? 0,
    })),
    ...MEASURES.map((m) => ({
      title: measureLabel(m),
      key: `m-${m}`,
      width: 90,
      align: 'right' as const,
      render: (_: unknown, r: Child) => r.byMeasure[m] ?? 0,
    })),
    { title: t('isolation.counts.fevers'), dataIndex: 'fevers', width: 70, align: 'right' },
    { title: t('isolation.counts.overdueChecks'), dataIndex: 'overdueChecks', width: 90, align: 'right' },
  ];
  if (!counts.isPending && !c) return <Empty />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="counts-tab">
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <Card size="small" loading={counts.isPending}>
            <Space size="large" wrap>
              <Statistic
                title={t('isolation.counts.persons')}
                value={c?.persons ?? 0}
                data-testid="counts-persons"
              />
              <Statistic
                title={t('isolation.counts.fevers')}
                value={c?.fevers ?? 0}
                styles={{ content: { color: c?.fevers ? '#cf1322' : undefined } }}
                data-testid="counts-fevers"
              />
              <Statistic
                title={t('isolation.counts.overdueChecks')}
                value={c?.overdueChecks ?? 0}
                data-testid="counts-overdue"
              />
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" title={t('isolation.counts.byCategory')} loading={counts.isPending}>
            <Space size="middle" wrap>
              {KEY_PERSON_CATEGORIES.map((k) => (
                <Statistic key={k} title={labels.category(k)} value={c?.byCategory[k] ?? 0} />
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" title={t('isolation.counts.byMeasure')} loading={counts.isPending}>
            <Space size="middle" wrap>
              {MEASURES.map((m) => (
                <Statistic key={m} title={measureLabel(m)} value={c?.byMeasure[m] ?? 0} />
              ))}
            </Space>
          </Card>
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('isolation.counts.drill')}</Typography.Text>
      <Table<Child>
        size="small"
        rowKey={(r) => r.unit.code}
        loading={counts.isPending}
        dataSource={c?.children ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('isolation.counts.noChildren') }}
        data-testid="counts-children"
        onRow={(r) =>
          ({
            style: { cursor: 'pointer' },
            onClick: () => setScope(r.unit.code),
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </Space>
  );
}
