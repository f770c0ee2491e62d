import {
  CalendarOutlined,
  DownloadOutlined,
  LeftOutlined,
  RightOutlined,
  SendOutlined,
  SettingOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Empty, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { addDays, mondayOf } from '../../../domain/forces/duty';
import { hasPermission, useMe } from '../../http/auth';
import { usePlatformClock } from '../../http/clock';
import {
  type AutoScheduleAnswer,
  autoSchedule,
  exportUrl,
  generateShifts,
  publishRoster,
  useOverview,
  useRoster,
} from '../../http/duty';
import { colon, paren } from '../../i18n/punctuation';
import { useScope } from '../../shell/ScopeContext';
import { AlertsTab } from './AlertsTab';
import { AutoResultModal } from './AutoResultModal';
import { HoursTab } from './HoursTab';
import { PatternDialog } from './PatternDialog';
import { patternName } from './presetText';
import { useDutyMutation } from './useDutyMutation';
import { WeekGrid } from './WeekGrid';

/** 排班值守: a facility's week (days × shifts with the people on each), auto-scheduling, publishing, hours, alerts. */
export default function RostersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { scopeCode } = useScope();
  const day = usePlatformClock();
  const [params, setParams] = useSearchParams();
  const [auto, setAuto] = useState<AutoScheduleAnswer | null>(null);
  const [patternOpen, setPatternOpen] = useState(false);
  const canManage = hasPermission(me, 'forces.manage');
  const canExport = hasPermission(me, 'data.export');

  const today = day.data?.today ?? '';
  const from = params.get('week') ?? (today ? mondayOf(today) : '');
  const to = from ? addDays(from, 6) : '';
  const overview = useOverview(scopeCode, from, to);
  const facilities = overview.data?.facilities ?? [];
  const facilityId = params.get('facility') ?? undefined;
  const facility = facilities.find((f) => f.id === facilityId);
  const roster = useRoster(facilityId, from, to);
  const tab = params.get('tab') ?? 'roster';

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if (!facilityId && facilities.length) {
      const first = facilities.find((f) => f.pattern) ?? facilities[0];
      const next = new URLSearchParams(params);
      next.set('facility', first.id);
      setParams(next, { replace: true });
    }
  }, [facilityId, facilities, params, setParams]);

  const target = { facilityIds: facilityId ? [facilityId] : [], from, to };
  const generate = useDutyMutation(
    () => generateShifts(target),
    (r) => {
      message.success(t('duty.roster.generated', { ...r }));
      // shifts the changed pattern no longer has, with people on them: the office moves them by hand
      if (r.kept) message.warning(t('duty.roster.generatedKept', { kept: r.kept }));
    },
  );
  const schedule = useDutyMutation(
    () => autoSchedule(target),
    (r) => setAuto(r),
  );
  const publish = useDutyMutation(
    () => publishRoster(target),
    (r) => message.success(t('duty.roster.published', { n: r.published })),
  );

  const week = (d: number) => set({ week: addDays(from, d) });

  return (
    <Card
      title={
        <Space wrap>
          <CalendarOutlined />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('duty.roster.title')}
          </Typography.Title>
          <Select
            style={{ minWidth: 260 }}
            placeholder={t('duty.roster.pickFacility')}
            value={facilityId}
            loading={overview.isLoading}
            onChange={(v) => set({ facility: v })}
            data-testid="roster-facility"
            showSearch={{ optionFilterProp: 'label' }}
            options={facilities.map((f) => ({
              value: f.id,
              label: f.pattern ? `${f.name}${paren(patternName(f.pattern))}` : f.name,
            }))}
            notFoundContent={t('duty.roster.noFacilities')}
          />
          <Space.Compact>
            <Button icon={<LeftOutlined />} onClick={() => week(-7)} title={t('duty.roster.prevWeek')} />
            <Button onClick={() => set({ week: today ? mondayOf(today) : undefined })}>
              {from ? t('duty.roster.week', { from, to }) : ''}
            </Button>
            <Button icon={<RightOutlined />} onClick={() => week(7)} title={t('duty.roster.nextWeek')} />
          </Space.Compact>
        </Space>
      }
    >
      {!facilityId ? (
        <Empty description={t('duty.roster.noFacilities')} />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">
              {t('duty.roster.pattern')}
              {colon()}
              {roster.data?.pattern?.name
                ? patternName(roster.data.pattern.name)
                : t('duty.roster.noPattern')}
            </Typography.Text>
            {canManage && (
              <>
                <Button
                  icon={<SettingOutlined />}
                  onClick={() => setPatternOpen(true)}
                  data-testid="roster-pattern"
                >
                  {t('duty.roster.setPattern')}
                </Button>
                <Button
                  onClick={() => generate.mutate(undefined)}
                  loading={generate.isPending}
                  data-testid="roster-generate"
                >
                  {t('duty.roster.generate')}
                </Button>
                <Button
                  type="primary"
                  icon={<ThunderboltOutlined />}
                  onClick={() => schedule.mutate(undefined)}
                  loading={schedule.isPending}
                  data-testid="roster-auto"
                >
                  {t('duty.roster.auto')}
                </Button>
                <Button
                  icon={<SendOutlined />}
                  onClick={() => publish.mutate(undefined)}
                  loading={publish.isPending}
                  data-testid="roster-publish"
                >
                  {t('duty.roster.publish')}
                </Button>
              </>
            )}
            {canExport && scopeCode && (
              <>
                <Button
                  icon={<DownloadOutlined />}
                  href={exportUrl('roster', { unitCode: scopeCode, facilityId, from, to })}
                >
                  {t('duty.roster.exportRoster')}
                </Button>
                <Button
                  icon={<DownloadOutlined />}
                  href={exportUrl('hours', { unitCode: scopeCode, facilityId, from, to, by: 'person' })}
                >
                  {t('duty.roster.exportHours')}
                </Button>
              </>
            )}
            <Tag color="red">{t('duty.roster.legendShort')}</Tag>
            <Tag color="green">{t('duty.roster.legendFull')}</Tag>
            <Tag color="red">{t('duty.roster.legendAbsent')}</Tag>
            <Tag color="orange">{t('duty.roster.legendLate')}</Tag>
            <Tag color="blue">{t('duty.roster.legendPresent')}</Tag>
          </Space>
          <Tabs
            activeKey={tab}
            onChange={(k) => set({ tab: k })}
            items={[
              {
                key: 'roster',
                label: t('duty.roster.tabRoster'),
                children: (
                  <WeekGrid
                    roster={roster.data}
                    loading={roster.isLoading}
                    from={from}
                    canManage={canManage}
                  />
                ),
              },
              {
                key: 'hours',
                label: t('duty.roster.tabHours'),
                children: <HoursTab unitCode={scopeCode} facilityId={facilityId} from={from} to={to} />,
              },
              {
                key: 'alerts',
                label: t('duty.roster.tabAlerts'),
                children: <AlertsTab unitCode={scopeCode} />,
              },
            ]}
          />
        </>
      )}
      {auto && <AutoResultModal result={auto} onClose={() => setAuto(null)} />}
      {patternOpen && facility && (
        <PatternDialog
          facility={facility}
          current={roster.data?.pattern ?? null}
          onClose={() => setPatternOpen(false)}
        />
      )}
    </Card>
  );
}
