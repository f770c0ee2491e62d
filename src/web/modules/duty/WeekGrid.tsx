import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../domain/forces/duty';
import { replayedNow } from '../../../domain/time/clock';
import { usePlatformClock } from '../../http/clock';
import type { FacilityRoster, RosterPerson, RosterShift } from '../../http/duty';
import { clock, PersonTag, StaffingTag, staffingBackground } from './Attendance';
import { shiftLabel } from './presetText';
import { SwapDialog } from './SwapDialog';

const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

interface Row {
  label: string;
  time: string;
  cells: Record<string, RosterShift>;
}

/**
 * The roster calendar of one facility: the week's days across, its shifts down, the people in each cell
 * with their attendance, and the shift's staffing (the roster before it starts, who is there from it).
 */
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
  const day = usePlatformClock();
  // the platform clock: its day (a demonstration replays one) at today's time of day
  const now = day.data ? replayedNow(day.data.today) : Date.now();
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
              return { style: { background: staffingBackground(s), verticalAlign: 'top' as const } };
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
                      <PersonTag
                        key={p.assignmentId}
                        shift={s}
                        person={p}
                        onClick={canManage && !over ? () => setOpen({ shift: s, person: p }) : undefined}
                      />
                    ))}
                  </Space>
                  <div style={{ marginTop: 4, display: 'flex', gap: 4, alignItems: 'center' }}>
                    <StaffingTag shift={s} />
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
