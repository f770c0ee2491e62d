import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SKILLS } from '../../../domain/forces/schedule';
import { hasPermission, useMe } from '../../http/auth';
import { errorText } from '../../http/errors';
import {
  type PeopleFilter,
  type Person,
  type PersonStanding,
  type Skill,
  usePeople,
} from '../../http/forces';
import { CursorPager } from '../../shell/CursorPager';
import { useScope } from '../../shell/ScopeContext';
import { useCursorPages } from '../../shell/useCursorPages';
import { useDebounced } from '../../shell/useDebounced';
import { useNarrowScreen } from '../../shell/useNarrowScreen';
import { UnitPicker } from '../org/UnitPicker';
import { SkillTags, StandingTags } from './common';
import { PeopleExportButton, PeopleImportButton, PeopleTemplateButton } from './PeopleExcel';
import { PersonDrawer } from './PersonDrawer';
import { PersonFormDrawer } from './PersonFormDrawer';

const PAGE = 50;

/** 人员名册: the people who serve in the chosen unit and below — filters, search, the form, Excel. */
export function RegistryPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const narrow = useNarrowScreen();
  const { scopeCode, scopeUnit } = useScope();
  const [params, setParams] = useSearchParams();
  const [unit, setUnit] = useState<string | undefined>();
  const [standing, setStanding] = useState<PersonStanding | undefined>();
  const [skill, setSkill] = useState<Skill | undefined>();
  const [status, setStatus] = useState<'active' | 'left' | 'all'>('active');
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const q = useDebounced(text.trim(), 300);
  const unitCode = unit ?? scopeCode;
  const filter: PeopleFilter = useMemo(
    () => ({ unit: unitCode, standing, skill, status, q: q || undefined }),
    [unitCode, standing, skill, status, q],
  );
  const pager = useCursorPages(JSON.stringify(filter));
  const list = usePeople(filter, pager.after, PAGE, !!unitCode);
  const open = params.get('person') ?? undefined;
  const openPerson = (id: string | undefined) =>
    setParams(
      (p) => {
        if (id) p.set('person', id);
        else p.delete('person');
        return p;
      },
      { replace: !id },
    );
  const manage = hasPermission(me, 'forces.manage');

  const columns: ColumnsType<Person> = [
    {
      title: t('forces.registry.name'),
      dataIndex: 'name',
      fixed: narrow ? undefined : 'left',
      width: 110,
      render: (name: string, p) => (
        <Space size={4}>
          <Link to={{ search: `?person=${p.id}` }} data-testid={`person-link-${p.id}`}>
            {name}
          </Link>
          {p.status === 'left' && <Tag>{t('forces.status.left')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('forces.registry.standing'),
      key: 'standing',
      width: 170,
      render: (_, p) => <StandingTags person={p} />,
    },
    {
      title: t('forces.registry.skills'),
      dataIndex: 'skills',
      width: 180,
      render: (s: Skill[]) => <SkillTags skills={s} />,
    },
    {
      title: t('forces.registry.phone'),
      dataIndex: 'phoneMasked',
      width: 130,
      render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span>,
    },
    { title: t('forces.registry.unit'), key: 'unit', width: 140, render: (_, p) => p.unit.name },
    {
      title: t('forces.registry.homeWorkUnit'),
      key: 'home',
      width: 180,
      render: (_, p) => p.homeWorkUnit ?? p.partyBranch ?? '—',
    },
  ];

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {t('forces.tabs.registry')}
          {scopeUnit && <Typography.Text type="secondary">· {scopeUnit.name}</Typography.Text>}
        </Space>
      }
      extra={
        !narrow && (
          <Space wrap>
            {manage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="person-create"
              >
                {t('forces.registry.create')}
              </Button>
            )}
            {manage && <PeopleTemplateButton />}
            {manage && unitCode && <PeopleImportButton unitCode={unitCode} />}
            {hasPermission(me, 'data.export') && unitCode && (
              <PeopleExportButton filter={{ ...filter, unit: unitCode }} />
            )}
          </Space>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {narrow && manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="person-create"
          >
            {t('forces.registry.create')}
          </Button>
        )}
        <Input
          prefix={<SearchOutlined />}
          placeholder={t('forces.registry.search')}
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 220 }}
          data-testid="people-search"
        />
        <div style={{ width: 200 }}>
          <UnitPicker
            placeholder={t('forces.registry.pickUnit')}
            value={unit}
            onChange={(c) => setUnit(c)}
            testId="people-unit"
          />
        </div>
        <Select
          allowClear
          placeholder={t('forces.registry.filterStanding')}
          style={{ width: 120 }}
          value={standing}
          onChange={setStanding}
          data-testid="people-standing"
          options={(['cadre', 'party_member', 'volunteer'] as const).map((s) => ({
            value: s,
            label: t(`forces.standing.${s}`),
          }))}
        />
        <Select
          allowClear
          placeholder={t('forces.registry.filterSkill')}
          style={{ width: 120 }}
          value={skill}
          onChange={setSkill}
          data-testid="people-skill"
          options={SKILLS.map((s) => ({ value: s, label: t(`forces.skill.${s}`) }))}
        />
        <Select
          style={{ width: 100 }}
          value={status}
          onChange={setStatus}
          options={(['active', 'left', 'all'] as const).map((s) => ({
            value: s,
            label: t(`forces.status.${s}`),
          }))}
        />
      </Space>
      <Table<Person>
        data-testid="people-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 900 }}
        onRow={(p) => ({ 'data-testid': `person-row-${p.id}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: list.isError ? errorText(list.error) : t('forces.registry.empty') }}
      />
      <CursorPager
        page={pager.page}
        hasPrev={pager.hasPrev}
        nextCursor={list.data?.next}
        onPrev={pager.prev}
        onNext={pager.next}
        testId="people"
      />
      <PersonFormDrawer
        open={creating}
        defaultUnit={scopeUnit}
        onClose={() => setCreating(false)}
        onSaved={(p) => openPerson(p.id)}
      />
      <PersonDrawer personId={open} onClose={() => openPerson(undefined)} />
    </Card>
  );
}
