import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasPermission, useMe } from '../../http/auth';
import { isStatus } from '../../http/errors';
import { type KeyPersonDetail, revealKeyPerson, useKeyPerson } from '../../http/isolation';
import { RevealValue } from '../../shell/RevealValue';
import { ChecksTable } from './ChecksTable';
import { EndMeasureModal } from './EndMeasureModal';
import { MEASURE_COLOURS, useIsolationLabels } from './labels';
import { MeasurePeriod } from './MeasurePeriod';
import { NoticePrintButton } from './NoticePrintButton';
import { PersonTimeline } from './PersonTimeline';
import { StartMeasureModal } from './StartMeasureModal';
import { TemperatureChart } from './TemperatureChart';
import { TransfersTable } from './TransfersTable';
import { useIsolationLive } from './useIsolationLive';

/** The evidence as one line: where they travelled and when, whom they met, what else was said. */
function EvidenceText({ person }: { person: KeyPersonDetail }) {
  const { t } = useTranslation();
  const e = person.evidence ?? {};
  const parts = [
    ...(e.travel ?? []).map((s) =>
      t('isolation.person.travel', {
        place: [s.placeName ?? s.placeCode, [s.from, s.to].filter(Boolean).join('—')]
          .filter(Boolean)
          .join(' '),
      }),
    ),
    ...(e.contactWith
      ? [t('isolation.person.contact', { who: [e.contactWith, e.contactOn].filter(Boolean).join(' ') })]
      : []),
    ...(e.note ? [e.note] : []),
  ];
  return <>{parts.length ? parts.join('；') : '—'}</>;
}

function Header({ person }: { person: KeyPersonDetail }) {
  const { t } = useTranslation();
  const labels = useIsolationLabels();
  const current = person.measures.find((m) => m.id === person.measureId);
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="person-header">
      <Descriptions.Item label={t('isolation.list.idNumber')}>
        <RevealValue
          masked={person.idNumberMasked}
          reveal={() => revealKeyPerson(person.id, 'idNumber')}
          testId="person-id"
        />
      </Descriptions.Item>
      <Descriptions.Item label={t('isolation.list.phone')}>
        <RevealValue
          masked={person.phoneMasked}
          reveal={() => revealKeyPerson(person.id, 'phone')}
          testId="person-phone"
        />
      </Descriptions.Item>
      <Descriptions.Item label={t('isolation.list.unit')}>
        {person.unitName}
        {person.residentId && (
          <Tag style={{ marginLeft: 8 }} data-testid="person-ledger">
            {t('isolation.person.ledger')}
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('isolation.person.address')}>{person.address ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('isolation.person.source')}>
        {labels.source(person.source)}
        {person.sourceRef ? ` · ${person.sourceRef}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('isolation.person.evidence')}>
        <EvidenceText person={person} />
      </Descriptions.Item>
      <Descriptions.Item label={t('isolation.list.measure')}>
        {current ? (
          <Space size={4} wrap data-testid="person-measure">
            <Tag color={MEASURE_COLOURS[current.kind]}>{labels.measure(current.kind)}</Tag>
            {t('isolation.person.measureDates', { from: current.startsOn, to: current.plannedEnd })}
            <MeasurePeriod person={person} testId="person-period" />
          </Space>
        ) : (
          <Typography.Text type="secondary" data-testid="person-measure">
            {person.state === 'closed' ? t('isolation.person.closedCase') : t('isolation.person.noMeasure')}
          </Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('isolation.list.responsible')}>
        {person.responsible?.name ?? '—'}
      </Descriptions.Item>
      {current?.doctor && (
        <Descriptions.Item label={t('isolation.person.doctor')}>{current.doctor}</Descriptions.Item>
      )}
      {current && current.doorSeal !== 'none' && (
        <Descriptions.Item label={t('isolation.person.doorSeal')}>
          {t(`isolation.measure.doorSeals.${current.doorSeal}`)}
        </Descriptions.Item>
      )}
      {current?.site && (
        <Descriptions.Item label={t('isolation.person.site')}>
          {current.site.name}
          {current.room ? ` ${current.room.name}` : ''}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** One key person: who, the measure running and its actions, the history, the checks, the transfers. */
export default function PersonPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: me } = useMe();
  const labels = useIsolationLabels();
  const person = useKeyPerson(id);
  const [starting, setStarting] = useState(false);
  const [ending, setEnding] = useState(false);
  useIsolationLive();
  if (person.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (person.error || !person.data)
    return (
      <Result
        status={isStatus(person.error, 404) ? '404' : 'error'}
        subTitle={t('isolation.person.notFound')}
        extra={<Link to="/isolation">{t('isolation.person.back')}</Link>}
      />
    );
  const p = person.data;
  const write = hasPermission(me, 'isolation.write');
  const current = p.measures.find((m) => m.id === p.measureId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card
        data-testid="person-page"
        title={
          <Space wrap>
            <Link to="/isolation" aria-label={t('isolation.person.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="person-name">{p.name}</span>
            <Tag>{labels.category(p.category)}</Tag>
            {p.fever && (
              <Tag color="red" data-testid="person-fever">
                {t('isolation.list.fever')}
              </Tag>
            )}
          </Space>
        }
        extra={
          <Space wrap>
            {write && p.state === 'open' && !current && (
              <Button type="primary" onClick={() => setStarting(true)} data-testid="measure-start">
                {t('isolation.measure.start')}
              </Button>
            )}
            {write && current && (
              <Button onClick={() => setEnding(true)} data-testid="measure-end">
                {t('isolation.end.button')}
              </Button>
            )}
            {current?.kind === 'home_isolation' && <NoticePrintButton person={p} measure={current} />}
          </Space>
        }
      >
        <Header person={p} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('isolation.person.timeline')} style={{ height: '100%' }}>
            <PersonTimeline person={p} />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('isolation.person.chart')} style={{ height: '100%' }}>
            {p.checks.some((c) => c.temperatureC !== null) ? (
              <TemperatureChart checks={p.checks} threshold={p.feverThresholdC} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('isolation.person.noChecks')} />
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('isolation.person.transfers')}>
        <TransfersTable transfers={p.transfers} testId="person-transfers" />
      </Card>
      <Card size="small" title={t('isolation.person.checks')}>
        <ChecksTable checks={p.checks} threshold={p.feverThresholdC} />
      </Card>
      {starting && <StartMeasureModal person={p} onClose={() => setStarting(false)} />}
      {ending && <EndMeasureModal person={p} onClose={() => setEnding(false)} />}
    </Space>
  );
}
