import { ArrowUpOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CountNumbers, checkpointKeys, getCounts } from '../../http/checkpoints';
import { usePlatformClock } from '../../http/clock';
import { errorText } from '../../http/errors';
import { useScope } from '../../shell/ScopeContext';
import { FacilitySelect } from './FacilitySelect';

type Row = CountNumbers & { code: string; name: string };

/** A unit's passage counts for a day, with its children: a child clicked is drilled into. */
export function CountsTab() {
  const { t } = useTranslation();
  const { scopeCode } = useScope();
  const clock = usePlatformClock();
  const [trail, setTrail] = useState<Array<{ code: string; name: string }>>([]);
  const [day, setDay] = useState<string | undefined>(undefined);
  // one checkpoint: its numbers and its shifts'
  const [facility, setFacility] = useState('');
  const unit = trail.length ? trail[trail.length - 1].code : scopeCode;
  const theDay = day ?? clock.data?.today ?? '';
  const counts = useQuery({
    queryKey: checkpointKeys.counts(unit, facility, theDay),
    queryFn: () => getCounts(facility ? { facility, day: theDay } : { unit, day: theDay }),
    enabled: (!!unit || !!facility) && !!theDay,
  });
  const c = counts.data;
  const numbers = (
    k: 'vehicles' | 'people' | 'fromKeyAreas' | 'persuadedBack' | 'handedOver' | 'fevers',
  ) => ({ title: t(`checkpoints.desk.${k === 'people' ? 'persons' : k}`), dataIndex: k });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input
          type="date"
          style={{ width: 160 }}
          value={theDay}
          onChange={(e) => setDay(e.target.value || undefined)}
          data-testid="counts-day"
        />
        <FacilitySelect value={facility} onChange={setFacility} testId="counts-facility" />
        {trail.length > 0 && !facility && (
          <Button
            icon={<ArrowUpOutlined />}
            onClick={() => setTrail(trail.slice(0, -1))}
            data-testid="counts-up"
          >
            {t('checkpoints.desk.up')}
          </Button>
        )}
        <span data-testid="counts-unit">{trail.map((x) => x.name).join(' / ')}</span>
      </Space>
      {counts.isError && <div style={{ color: '#cf1322' }}>{errorText(counts.error)}</div>}
      {c && (
        <Space size="large" wrap data-testid="counts-total">
          <Statistic title={t('checkpoints.desk.vehicles')} value={c.vehicles} />
          <Statistic title={t('checkpoints.desk.persons')} value={c.people} />
          <Statistic
            title={t('checkpoints.desk.fromKeyAreas')}
            value={c.fromKeyAreas}
            valueStyle={{ color: c.fromKeyAreas ? '#cf1322' : undefined }}
          />
          <Statistic title={t('checkpoints.desk.persuadedBack')} value={c.persuadedBack} />
          <Statistic title={t('checkpoints.desk.handedOver')} value={c.handedOver} />
          <Statistic
            title={t('checkpoints.desk.fevers')}
            value={c.fevers}
            valueStyle={{ color: c.fevers ? '#cf1322' : undefined }}
          />
          {c.in && c.out && (
            <Statistic
              title={t('checkpoints.desk.inOut')}
              value={`${c.in.vehicles}·${c.in.people} / ${c.out.vehicles}·${c.out.people}`}
            />
          )}
        </Space>
      )}
      <Table<Row>
        size="small"
        rowKey="code"
        loading={counts.isPending && !!unit}
        dataSource={facility ? (c?.shifts ?? []).map((x) => ({ ...x, code: x.name })) : (c?.children ?? [])}
        pagination={false}
        data-testid="counts-children"
        onRow={(r) =>
          facility
            ? {}
            : {
                onClick: () => setTrail([...trail, { code: r.code, name: r.name }]),
                style: { cursor: 'pointer' },
              }
        }
        columns={[
          {
            title: facility ? t('checkpoints.desk.shifts') : t('checkpoints.desk.unit'),
            render: (_, r) => (
              <Typography.Link data-testid={`counts-child-${r.code}`}>{r.name}</Typography.Link>
            ),
          },
          numbers('vehicles'),
          numbers('people'),
          numbers('fromKeyAreas'),
          numbers('persuadedBack'),
          numbers('handedOver'),
          numbers('fevers'),
        ]}
      />
    </Space>
  );
}
