import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../http/errors';
import { useChildren } from '../../http/org';
import type { Unit } from '../../http/types';
import { CursorPager } from '../../shell/CursorPager';
import { useCursorPages } from '../../shell/useCursorPages';
import { ResponsibleCell, useResponsibleOfChildren } from '../forces/ResponsibleTag';
import { UnitKindTag } from './UnitKindTag';

const PAGE = 20;

/** The unit's direct children, a page at a time. */
export function ChildrenTable({ code }: { code: string }) {
  const { t } = useTranslation();
  const pager = useCursorPages(code);
  const query = useChildren(code, pager.after, PAGE);
  const responsible = useResponsibleOfChildren(code, pager.after, PAGE);
  const columns: ColumnsType<Unit> = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      render: (name: string, u) => <Link to={`/org/${u.code}`}>{name}</Link>,
    },
    {
      title: t('org.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (_, u) => <UnitKindTag kind={u.kind} name={u.name} />,
    },
    { title: t('org.code'), dataIndex: 'code', width: 180 },
    { title: t('org.childCount'), dataIndex: 'childCount', width: 100, align: 'right' },
    ...(responsible
      ? [
          {
            title: t('forces.resp.responsible'),
            key: 'responsible',
            width: 200,
            render: (_: unknown, u: Unit) => <ResponsibleCell child={responsible.get(u.code)} />,
          },
        ]
      : []),
  ];
  return (
    <>
      <Table<Unit>
        data-testid="children-table"
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={false}
        locale={query.isError ? { emptyText: errorText(query.error) } : undefined}
        scroll={{ x: responsible ? 760 : 560 }}
      />
      <CursorPager
        page={pager.page}
        hasPrev={pager.hasPrev}
        nextCursor={query.data?.next}
        onPrev={pager.prev}
        onNext={pager.next}
        testId="children"
      />
    </>
  );
}
