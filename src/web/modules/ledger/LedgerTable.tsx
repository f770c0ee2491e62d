import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LedgerItem, Resident } from '../../http/ledger';
import { paren } from '../../i18n/punctuation';
import { useLanguage } from '../../i18n/useLanguage';
import { ColourChip } from './common/ColourChip';
import { entranceText, relationLabel, withinText } from './common/labels';
import { MarkerSymbols } from './common/MarkerSymbols';

interface Props {
  items: LedgerItem[];
  loading: boolean;
  emptyText?: string;
  onOpen: (key: string) => void;
}

function ResidentLine({ r }: { r: Resident }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const relation = relationLabel(r.relation, r.relationText, lang);
  return (
    <div style={{ lineHeight: 1.6 }} data-testid={`ledger-resident-${r.key}`}>
      <Typography.Text type={r.status === 'away' ? 'secondary' : undefined}>
        {r.name}
        {relation && <Typography.Text type="secondary">{paren(relation)}</Typography.Text>}
      </Typography.Text>
      {r.status === 'away' && (
        <Tag style={{ marginLeft: 4 }} bordered={false}>
          {t('resident.statuses.away')}
        </Tag>
      )}
      {r.markers.length > 0 && (
        <span style={{ marginLeft: 4 }}>
          <MarkerSymbols markers={r.markers} />
        </span>
      )}
      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12, fontFamily: 'monospace' }}>
        {[r.idMasked, r.phoneMasked].filter(Boolean).join('  ')}
      </Typography.Text>
    </div>
  );
}

/** The ledger, one row per household: place, colour, markers, residents (masked). */
export function LedgerTable({ items, loading, emptyText, onOpen }: Props) {
  const { t } = useTranslation();
  const columns: ColumnsType<LedgerItem> = [
    {
      title: t('ledger.col.place'),
      key: 'place',
      width: 200,
      render: (_, h) => (
        <Space orientation="vertical" size={0}>
          {h.within?.length ? (
            <Typography.Text type="secondary" data-testid={`household-within-${h.key}`}>
              {withinText(h)}
            </Typography.Text>
          ) : null}
          {h.unit.kind === 'building' ? (
            <Link to={`/ledger/building/${h.unit.code}`} onClick={(e) => e.stopPropagation()}>
              {h.unit.name}
            </Link>
          ) : (
            <span>{h.unit.name}</span>
          )}
          <span>
            {entranceText(h.entrance)} <Typography.Text strong>{h.door}</Typography.Text>
          </span>
        </Space>
      ),
    },
    {
      title: t('ledger.col.colour'),
      key: 'colour',
      width: 110,
      render: (_, h) => (
        <Space size={4}>
          <ColourChip colour={h.colour} testId={`household-colour-${h.key}`} />
          {h.override && (
            <Tag bordered={false} title={h.override.reason}>
              {t('household.byHand')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('ledger.col.markers'),
      key: 'markers',
      width: 130,
      render: (_, h) => <MarkerSymbols markers={h.markers} />,
    },
    {
      title: t('ledger.col.residents'),
      key: 'residents',
      render: (_, h) => {
        const listed = h.residents.filter((r) => r.status === 'present' || r.status === 'away');
        if (listed.length === 0)
          return <Typography.Text type="secondary">{t('ledger.emptyHousehold')}</Typography.Text>;
        return listed.map((r) => <ResidentLine key={r.key} r={r} />);
      },
    },
    { title: t('ledger.col.count'), dataIndex: 'residentCount', width: 70, align: 'right' },
  ];
  return (
    <Table<LedgerItem>
      data-testid="ledger-table"
      rowKey="key"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText: emptyText ?? t('ledger.noHouseholds') }}
      scroll={{ x: 900 }}
      onRow={(h) =>
        ({
          'data-testid': `household-row-${h.key}`,
          onClick: () => onOpen(h.key),
          style: { cursor: 'pointer' },
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
