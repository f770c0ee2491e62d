import { Button, Card, Col, Empty, Progress, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COLOURS, HOUSEHOLD_COLOURS } from '../../../../domain/ledger/colours';
import { errorText } from '../../../http/errors';
import { type CampaignProgress, useProgress } from '../../../http/ledger';
import { useLanguage } from '../../../i18n/useLanguage';
import { PrintButton } from '../../../shell/print/PrintButton';
import { UnitKindTag } from '../../org/UnitKindTag';
import { colourName } from '../common/labels';
import { useDoorsPrint } from '../print/useDoorsPrint';
import { ColourBar } from './ProgressBar';

type Child = CampaignProgress['children'][number];

function percent(visited: number, total: number): number {
  return total === 0 ? 0 : Math.round((1000 * visited) / total) / 10;
}

/** A campaign's progress in a unit: visited / total, revisits, by colour, per child unit (click to go down). */
export function CampaignProgressCard({
  id,
  unit,
  onUnit,
}: {
  id: string;
  unit: string | undefined;
  onUnit: (code: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const query = useProgress(id, unit);
  const p = query.data;
  const printDoors = useDoorsPrint(p, unit);
  if (query.isError)
    return (
      <Card>
        <Empty description={errorText(query.error)} />
      </Card>
    );
  if (!p)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  // Fits the card without scrolling from 1280 px up: the kind sits by the name, the colours take what
  // is left, and the link to the ledger stays in view (fixed at the end when the screen is narrower).
  const columns: ColumnsType<Child> = [
    {
      title: t('ledger.childUnit'),
      key: 'name',
      width: 160,
      render: (_, c) => (
        <Space size={4} wrap>
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={() => onUnit(c.unit.code)}
            data-testid={`progress-child-${c.unit.code}`}
          >
            {c.unit.name}
          </Button>
          <UnitKindTag kind={c.unit.kind} name={c.unit.name} />
        </Space>
      ),
    },
    {
      title: t('screening.visitedOfTotal'),
      key: 'progress',
      width: 170,
      render: (_, c) => (
        <Space orientation="vertical" size={0} style={{ width: '100%' }}>
          <Progress percent={percent(c.visited, c.total)} size="small" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.visited} / {c.total}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('screening.revisit'), dataIndex: 'revisit', width: 72, align: 'right' },
    {
      title: t('screening.byColour'),
      key: 'colours',
      render: (_, c) => <ColourBar tally={c} />,
    },
    {
      title: '',
      key: 'ledger',
      width: 96,
      fixed: 'end',
      render: (_, c) => (
        <Link
          to={`/ledger?unit=${c.unit.code}&campaign=${id}`}
          data-testid={`progress-ledger-${c.unit.code}`}
        >
          {t('screening.openLedger')}
        </Link>
      ),
    },
  ];
  return (
    <Card
      size="small"
      data-testid="campaign-progress"
      extra={<PrintButton prepare={printDoors} label={t('print.doors.button')} testId="doors-print" />}
      title={
        <Space wrap>
          {p.campaign.name}
          <Typography.Text type="secondary">· {p.unit?.name}</Typography.Text>
          {unit && (
            <Button size="small" type="link" onClick={() => onUnit(undefined)}>
              {t('screening.backToTop')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('screening.total')} value={p.total} data-testid="progress-total" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('screening.visited')} value={p.visited} data-testid="progress-visited" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('screening.revisit')} value={p.revisit} data-testid="progress-revisit" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('screening.pending')}
            value={Math.max(0, p.total - p.visited - p.revisit)}
            data-testid="progress-pending"
          />
        </Col>
        <Col span={24}>
          <Progress percent={percent(p.visited, p.total)} data-testid="progress-bar" />
          <div style={{ marginTop: 8 }}>
            <ColourBar tally={p} height={18} />
          </div>
          <Space wrap size={[12, 4]} style={{ marginTop: 6 }}>
            {HOUSEHOLD_COLOURS.map((c) => (
              <span key={c} data-testid={`progress-colour-${c}`}>
                <span
                  style={{
                    display: 'inline-block',
                    width: 10,
                    height: 10,
                    marginRight: 4,
                    background: COLOURS[c].fill,
                    border: `1px solid ${COLOURS[c].border}`,
                  }}
                />
                {colourName(c, lang)} {p.byColour[c] ?? 0}
              </span>
            ))}
          </Space>
        </Col>
      </Row>
      {p.children.length > 0 && (
        <Table<Child>
          style={{ marginTop: 16 }}
          data-testid="progress-children"
          rowKey={(c) => c.unit.code}
          size="small"
          columns={columns}
          dataSource={p.children}
          pagination={false}
          scroll={{ x: 600 }}
        />
      )}
    </Card>
  );
}
