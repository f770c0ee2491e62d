import { DownOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Resident, ResidentStatus } from '../../../http/ledger';
import { useLanguage } from '../../../i18n/useLanguage';
import { relationLabel, sexLabel } from '../common/labels';
import { MarkerSymbols } from '../common/MarkerSymbols';
import { RevealValue } from './RevealValue';

const STATUS_COLOUR: Record<ResidentStatus, string | undefined> = {
  present: 'green',
  away: 'gold',
  moved_out: undefined,
  deceased: undefined,
};

interface Props {
  residents: Resident[];
  canWrite: boolean;
  onEdit: (r: Resident) => void;
  onStatus: (r: Resident, status: ResidentStatus) => void;
}

/** The household's residents, those who left included (kept on record), masked with a reveal button. */
export function ResidentsTable({ residents, canWrite, onEdit, onStatus }: Props) {
  const { t } = useTranslation();
  // the whole date only for who may reveal the ID number; else the year (issue 11)
  const birthText = (r: Resident) =>
    r.birthDate ?? (r.birthYear ? t('resident.bornIn', { year: r.birthYear }) : null);
  const [lang] = useLanguage();
  // Five columns fit the drawer (860 px) without scrolling: the status sits by the name, the ID number
  // and the phone share a column, and work unit and notes take what is left (ellipsis, full on hover).
  const columns: ColumnsType<Resident> = [
    {
      title: t('resident.name'),
      key: 'name',
      width: 170,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Space size={4} wrap>
            <Typography.Text strong delete={r.status === 'moved_out' || r.status === 'deceased'}>
              {r.name}
            </Typography.Text>
            <Tag
              color={STATUS_COLOUR[r.status]}
              bordered={false}
              data-testid={`resident-status-${r.key}`}
              data-status={r.status}
            >
              {t(`resident.statuses.${r.status}`)}
            </Tag>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[relationLabel(r.relation, r.relationText, lang), sexLabel(r.sex, lang), birthText(r)]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: `${t('resident.idNumber')} / ${t('resident.phone')}`,
      key: 'id',
      width: 230,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <RevealValue residentKey={r.key} field="idNumber" masked={r.idMasked} />
          <RevealValue residentKey={r.key} field="phone" masked={r.phoneMasked} />
        </Space>
      ),
    },
    {
      title: t('resident.markers'),
      key: 'markers',
      width: 130,
      render: (_, r) => <MarkerSymbols markers={r.markers} withLabels />,
    },
    {
      title: t('resident.workUnit'),
      key: 'work',
      ellipsis: { showTitle: true },
      render: (_, r) => [r.workUnit, r.notes].filter(Boolean).join(' · '),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      fixed: 'end',
      render: (_, r) => {
        const living = r.status === 'present' || r.status === 'away';
        const next: ResidentStatus[] = living
          ? [r.status === 'present' ? 'away' : 'present', 'moved_out', 'deceased']
          : ['present'];
        return (
          <Space size={0}>
            {living && (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => onEdit(r)}
                data-testid={`resident-edit-${r.key}`}
                title={t('resident.edit')}
              />
            )}
            <Dropdown
              trigger={['click']}
              menu={{
                items: next.map((s) => ({
                  key: s,
                  label: <span data-testid={`resident-set-${s}-${r.key}`}>{t(`resident.actions.${s}`)}</span>,
                  danger: s === 'deceased',
                })),
                onClick: ({ key }) => onStatus(r, key as ResidentStatus),
              }}
            >
              <Button type="link" size="small" data-testid={`resident-more-${r.key}`}>
                {t('resident.change')} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        );
      },
    });
  }
  return (
    <Table<Resident>
      data-testid="household-residents"
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={residents}
      pagination={false}
      scroll={{ x: 760 }}
      locale={{ emptyText: t('ledger.emptyHousehold') }}
    />
  );
}
