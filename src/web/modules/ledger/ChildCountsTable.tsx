import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COLOURS, HOUSEHOLD_COLOURS } from '../../../domain/ledger/colours';
import type { UnitCounts } from '../../http/ledger';
import { useLanguage } from '../../i18n/useLanguage';
import { UnitKindTag } from '../org/UnitKindTag';
import { colourName } from './common/labels';

type Child = UnitCounts['children'][number];

/** Counts per child unit; a click on a name goes one level down. */
export function ChildCountsTable({
  counts,
  loading,
  onOpen,
}: {
  counts: UnitCounts | undefined;
  loading: boolean;
  onOpen: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const columns: ColumnsType<Child> = [
    {
      title: t('ledger.childUnit'),
      key: 'name',
      render: (_, c) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => onOpen(c.unit.code)}
          data-testid={`child-open-${c.unit.code}`}
        >
          {c.unit.name}
        </Button>
      ),
    },
    {
      title: t('org.kind'),
      key: 'kind',
      width: 100,
      render: (_, c) => <UnitKindTag kind={c.unit.kind} name={c.unit.name} />,
    },
    {
      title: t('ledger.households'),
      key: 'h',
      width: 110,
      align: 'right',
      render: (_, c) => c.total.households,
    },
    {
      title: t('ledger.residents'),
      key: 'r',
      width: 110,
      align: 'right',
      render: (_, c) => c.total.residents,
    },
    ...HOUSEHOLD_COLOURS.map((colour): ColumnsType<Child>[number] => ({
      title: (
        <span
          style={{
            display: 'inline-block',
            minWidth: 28,
            textAlign: 'center',
            background: COLOURS[colour].fill,
            color: COLOURS[colour].text,
            border: `1px solid ${COLOURS[colour].border}`,
            borderRadius: 3,
          }}
        >
          {colourName(colour, lang)}
        </span>
      ),
      key: colour,
      width: 64,
      align: 'right',
      render: (_, c) => c.byColour[colour].households || '',
    })),
    {
      title: '',
      key: 'building',
      width: 90,
      render: (_, c) =>
        c.unit.kind === 'building' || c.unit.kind === 'courtyard' ? (
          <Link to={`/ledger/building/${c.unit.code}`} data-testid={`child-building-${c.unit.code}`}>
            {t('building.title')}
          </Link>
        ) : null,
    },
  ];
  return (
    <Table<Child>
      data-testid="child-counts"
      rowKey={(c) => c.unit.code}
      size="small"
      columns={columns}
      dataSource={counts?.children ?? []}
      loading={loading}
      pagination={false}
      scroll={{ x: 820, y: 280 }}
      locale={{ emptyText: t('ledger.noChildCounts') }}
    />
  );
}
