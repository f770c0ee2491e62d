import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, dutyNow } from '../../../domain/forces/duty';
import type { FacilityRoster, RosterPerson, RosterShift } from '../../http/duty';
import { useLedgerDay } from '../../http/ledger';
import { formatClock } from '../../shell/dates';
import { shiftLabel } from './presetText';
import { SwapDialog } from './SwapDialog';

const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function clock(at: string) {
  return formatClock(at);
}

interface Row {
  label: string;
  time: string;
  cells: Record<string, RosterShift>;
}

/** The roster calendar of one facility: the week's days across, its shifts down, the people in each cell. */
export function WeekGrid({
  roster,
  loading,
  from,
  canManage,
}: {
  roster: FacilityRoster | undefined;
  loading: boolean;
  from: string;
  canManage: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<{ shift: RosterShift; person?: RosterPerson } | null>(null);
  const day = useLedgerDay();
  // the server's duty clock: the ledger's day (a demonstration replays one) at today's time of day
  const now = day.data ? dutyNow(day.data.today) : Date.now();
  if (loading) return <Skeleton active />;
  if (!roster?.shifts.length) return <Empty description={t('duty.roster.noShifts')} />;
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  const rows = new Map<string, Row>();
  for (const s of roster.shifts) {
    const key = `${clock(s.start)}|${s.label}`;
    const row = rows.get(key) ?? { label: s.label, time: `${clock(s.start)}–${clock(s.end)}`, cells: {} };
    row.cells[s.day] = s;
    rows.set(key, row);
  }
  const data = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, r]) => ({ key, ...r }));
  const names = i18n.language === 'en' ? WEEKDAYS_EN : WEEKDAYS_ZH;
  return (
    <>
      <Table
        size="small"
        bordered
        pagination={false}
        dataSource={data}
        scroll={{ x: 1000 }}
        data-testid="roster-week"
        columns={[
          {
            title: t('duty.roster.shift'),
            fixed: 'left',
            width: 110,
            render: (_, r) => (
              <div>
                <Typography.Text strong>{shiftLabel(r.label)}</Typography.Text>
                <div style={{ color: '#888', fontSize: 12 }}>{r.time}</div>
              </div>
            ),
          },
          ...days.map((d, i) => ({
            title: `${i18n.language === 'en' ? names[i] : `周${names[i]}`} ${d.slice(5)}`,
            key: d,
            onCell: (r: Row) => {
              const s = r.cells[d];
              if (!s) return {};
              const short = s.assigned < s.headcount;
              return { style: { background: short ? '#fff1f0' : '#f6ffed', verticalAlign: 'top' as const } };
            },
            render: (_: unknown, r: Row) => {
              const s = r.cells[d];
              if (!s) return null;
              const short = s.headcount - s.assigned;
              const over = Date.parse(s.end) <= now;
              return (
                <div data-testid={`cell-${d}-${r.label}`}>
                  <Space size={[2, 4]} wrap>
                    {s.people.map((p) => (
                      <Tag
                        key={p.assignmentId}
                        color={p.checkedOutAt ? 'default' : p.checkedInAt ? 'blue' : undefined}
                        style={{ cursor: canManage && !over ? 'pointer' : undefined, marginInlineEnd: 2 }}
                        onClick={canManage && !over ? () => setOpen({ shift: s, person: p }) : undefined}
                        title={[
                          p.qualification ? t(`duty.qualification.${p.qualification}`) : '',
                          p.checkedInAt ? `${t('duty.roster.checkedIn')} ${clock(p.checkedInAt)}` : '',
                          p.checkedOutAt ? `${t('duty.roster.checkedOut')} ${clock(p.checkedOutAt)}` : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      >
                        {p.name}
                      </Tag>
                    ))}
                  </Space>
                  <div style={{ marginTop: 4, display: 'flex', gap: 4, alignItems: 'center' }}>
                    {short > 0 ? (
                      <Tag color="red">{t('duty.roster.understaffed', { n: short })}</Tag>
                    ) : (
                      <Tag color="green">{t('duty.roster.full')}</Tag>
                    )}
                    {!s.published && <Tag>{t('duty.roster.draftTag')}</Tag>}
                    {canManage && short > 0 && !over && (
                      <Button
                        size="small"
                        type="dashed"
                        icon={<PlusOutlined />}
                        onClick={() => setOpen({ shift: s })}
                      >
                        {t('duty.roster.add')}
                      </Button>
                    )}
                  </div>
                </div>
              );
            },
          })),
        ]}
      />
      {open && <SwapDialog shift={open.shift} person={open.person} onClose={() => setOpen(null)} />}
    </>
  );
}
