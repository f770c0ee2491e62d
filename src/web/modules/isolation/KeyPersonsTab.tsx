import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KEY_PERSON_CATEGORIES, type KeyPersonCategory } from '../../../domain/isolation/keyPerson';
import { MEASURE_KINDS, type MeasureKind } from '../../../domain/isolation/measures';
import { hasPermission, useMe } from '../../http/auth';
import {
  getIsolationCounts,
  isolationKeys,
  type KeyPerson,
  type KeyPersonFilter,
  listKeyPersons,
  revealKeyPerson,
} from '../../http/isolation';
import { CursorPager } from '../../shell/CursorPager';
import { RevealValue } from '../../shell/RevealValue';
import { useScope } from '../../shell/ScopeContext';
import { useCursorPages } from '../../shell/useCursorPages';
import { useDebounced } from '../../shell/useDebounced';
import { MEASURE_COLOURS, useIsolationLabels } from './labels';
import { MeasurePeriod } from './MeasurePeriod';
import { RegisterModal } from './RegisterModal';
import { Temperature } from './Temperature';

/** The open (or closed) key persons of the unit chosen in the header, filtered; keyset pages. */
export function KeyPersonsTab() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const labels = useIsolationLabels();
  const { scopeCode } = useScope();
  const [category, setCategory] = useState<KeyPersonCategory | undefined>();
  const [measure, setMeasure] = useState<MeasureKind | 'none' | undefined>();
  const [state, setState] = useState<'open' | 'closed'>('open');
  const [fever, setFever] = useState(false);
  const [mine, setMine] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const [releasable, setReleasable] = useState(false);
  const [q, setQ] = useState('');
  const [registering, setRegistering] = useState(false);
  const filter: KeyPersonFilter = {
    unit: scopeCode,
    category,
    measure,
    state,
    fever,
    mine,
    overdue,
    releasable,
    q: useDebounced(q.trim(), 300) || undefined,
  };
  const pages = useCursorPages(JSON.stringify(filter));
  const list = useQuery({
    queryKey: isolationKeys.list(filter, pages.after),
    queryFn: () => listKeyPersons(filter, pages.after),
    enabled: !!scopeCode,
  });
  const counts = useQuery({
    queryKey: isolationKeys.counts(scopeCode ?? ''),
    queryFn: () => getIsolationCounts(scopeCode as string),
    enabled: !!scopeCode,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Segmented<'open' | 'closed'>
            value={state}
            onChange={setState}
            options={[
              { value: 'open', label: <span data-testid="kp-state-open">{t('isolation.list.open')}</span> },
              {
                value: 'closed',
                label: <span data-testid="kp-state-closed">{t('isolation.list.closed')}</span>,
              },
            ]}
          />
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('isolation.list.category')}
            value={category}
            onChange={setCategory}
            options={KEY_PERSON_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
            data-testid="kp-category"
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('isolation.list.measure')}
            value={measure}
            onChange={setMeasure}
            options={[
              ...MEASURE_KINDS.map((m) => ({ value: m, label: labels.measure(m) })),
              { value: 'none', label: t('isolation.list.measureNone') },
            ]}
            data-testid="kp-measure"
          />
          <Checkbox checked={fever} onChange={(e) => setFever(e.target.checked)} data-testid="kp-fever">
            {t('isolation.list.feverOnly')}
          </Checkbox>
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="kp-overdue">
            {t('isolation.list.overdue')}
          </Checkbox>
          <Checkbox
            checked={releasable}
            onChange={(e) => setReleasable(e.target.checked)}
            data-testid="kp-releasable"
          >
            {t('isolation.list.releasable')}
          </Checkbox>
          <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)} data-testid="kp-mine">
            {t('isolation.list.mine')}
          </Checkbox>
          <Input.Search
            allowClear
            style={{ width: 220 }}
            placeholder={t('isolation.list.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            data-testid="kp-q"
          />
        </Space>
        {hasPermission(me, 'isolation.write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRegistering(true)}
            data-testid="register-open"
          >
            {t('isolation.list.register')}
          </Button>
        )}
      </Space>
      {counts.data && (
        <Typography.Text type="secondary" data-testid="kp-counts">
          {t('isolation.list.counts', {
            persons: counts.data.persons,
            fevers: counts.data.fevers,
            overdue: counts.data.overdueChecks,
          })}
        </Typography.Text>
      )}
      <Table<KeyPerson>
        size="small"
        rowKey="id"
        loading={list.isPending && !!scopeCode}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1080 }}
        data-testid="kp-table"
        onRow={(r) => ({ 'data-testid': `kp-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('isolation.list.name'),
            fixed: 'left',
            width: 100,
            render: (_, r) => (
              <Link to={`/isolation/${r.id}`} data-testid={`kp-link-${r.id}`}>
                {r.name}
              </Link>
            ),
          },
          {
            title: t('isolation.list.idNumber'),
            width: 180,
            render: (_, r) => (
              <RevealValue
                masked={r.idNumberMasked}
                reveal={() => revealKeyPerson(r.id, 'idNumber')}
                testId={`kp-id-${r.id}`}
              />
            ),
          },
          {
            title: t('isolation.list.phone'),
            width: 140,
            render: (_, r) => (
              <RevealValue
                masked={r.phoneMasked}
                reveal={() => revealKeyPerson(r.id, 'phone')}
                testId={`kp-phone-${r.id}`}
              />
            ),
          },
          { title: t('isolation.list.unit'), dataIndex: 'unitName', width: 100 },
          { title: t('isolation.list.category'), width: 100, render: (_, r) => labels.category(r.category) },
          {
            title: t('isolation.list.measure'),
            width: 220,
            render: (_, r) =>
              r.measure ? (
                <Space size={4} wrap>
                  <Tag color={MEASURE_COLOURS[r.measure]}>{labels.measure(r.measure)}</Tag>
                  <MeasurePeriod person={r} testId={`kp-period-${r.id}`} />
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('isolation.list.measureNone')}</Typography.Text>
              ),
          },
          {
            title: t('isolation.list.responsible'),
            width: 110,
            render: (_, r) => r.responsible?.name ?? '—',
          },
          {
            title: t('isolation.list.lastTemperature'),
            width: 130,
            render: (_, r) => (
              <Space size={4}>
                <Temperature value={r.lastTemperatureC} />
                {r.fever && (
                  <Tag color="red" data-testid={`kp-fever-${r.id}`}>
                    {t('isolation.list.fever')}
                  </Tag>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CursorPager
        page={pages.page}
        hasPrev={pages.hasPrev}
        nextCursor={list.data?.next}
        onPrev={pages.prev}
        onNext={pages.next}
        testId="kp-pager"
      />
      {registering && <RegisterModal onClose={() => setRegistering(false)} />}
    </Space>
  );
}
