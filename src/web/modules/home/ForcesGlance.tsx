import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAlerts, useCallups } from '../../http/duty';
import { useResponsibility } from '../../http/forces';
import type { Unit } from '../../http/types';

/**
 * 力量一览: what the office must see at once about its people on duty — shifts missed and short of
 * people (the last week to tomorrow), units nobody answers for (包保), and the places the open
 * call-ups have filled. Each number leads to the screen where it is dealt with.
 */
export function ForcesGlance({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const alerts = useAlerts(unit.code);
  const resp = useResponsibility(unit.code, null, 1);
  const callups = useCallups(unit.code);
  const open = (callups.data?.items ?? []).filter((c) => c.status === 'open');
  const approved = open.reduce((n, c) => n + c.approved, 0);
  const capacity = open.reduce((n, c) => n + c.capacity, 0);
  const red = (n: number | undefined) => ({ color: n ? '#cf1322' : undefined });
  return (
    <Card size="small" title={t('forces.glance.title')} data-testid="forces-glance">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Link to="/rosters?tab=alerts" data-testid="glance-missed">
            <Statistic
              title={t('forces.glance.missed')}
              value={alerts.data?.missed ?? 0}
              loading={alerts.isPending}
              styles={{ content: red(alerts.data?.missed) }}
            />
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Link to="/rosters?tab=alerts" data-testid="glance-understaffed">
            <Statistic
              title={t('forces.glance.understaffed')}
              value={alerts.data?.understaffed ?? 0}
              loading={alerts.isPending}
              styles={{ content: red(alerts.data?.understaffed) }}
            />
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Link to="/forces/responsibility" data-testid="glance-unanswered">
            <Statistic
              title={t('forces.glance.unanswered')}
              value={resp.data?.below.unanswered ?? 0}
              suffix={resp.data ? `/ ${resp.data.below.total}` : undefined}
              loading={resp.isPending}
              styles={{ content: red(resp.data?.below.unanswered) }}
            />
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Link to="/callups" data-testid="glance-callups">
            <Statistic
              title={t('forces.glance.callups', { count: open.length })}
              value={approved}
              suffix={`/ ${capacity}`}
              loading={callups.isPending}
            />
          </Link>
        </Col>
      </Row>
    </Card>
  );
}
