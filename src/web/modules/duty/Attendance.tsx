import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RosterPerson, RosterShift } from '../../http/duty';
import { formatClock } from '../../shell/dates';

// Attendance where the shift is (考勤): each person's tag says 缺岗, 迟到 5小时48分, 在岗 or 已签退, and the
// shift's tag counts the roster before it starts and the people there from its start (满员 only by them).
// The server reads both on the duty clock (src/domain/forces/attendance.ts).

/** 08:05, in Asia/Shanghai. */
export const clock = formatClock;

/** 5小时48分 / 5 h 48 min; 2小时; 40分钟. */
export function durationText(t: TFunction, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return t('duty.attendance.m', { m });
  return m ? t('duty.attendance.hm', { h, m }) : t('duty.attendance.h', { h });
}

const COLOUR = {
  upcoming: undefined,
  awaited: 'gold',
  absent: 'red',
  present: 'blue',
  checked_out: 'default',
};

/** What a person's tag says after the name: nothing before check-in opens, else the attendance. */
function attendanceText(t: TFunction, p: RosterPerson, running: boolean): string {
  const a = p.attendance;
  if (a.lateMinutes !== null && a.state !== 'checked_out')
    return t('duty.attendance.late', { duration: durationText(t, a.lateMinutes) });
  if (a.state === 'upcoming') return '';
  if (a.state === 'present') return t(running ? 'duty.attendance.onDuty' : 'duty.attendance.present');
  return t(`duty.attendance.${a.state}`);
}

export function PersonTag({
  shift,
  person: p,
  onClick,
}: {
  shift: RosterShift;
  person: RosterPerson;
  onClick?: () => void;
}) {
  const { t } = useTranslation();
  const a = p.attendance;
  const text = attendanceText(t, p, shift.staffing.phase === 'running');
  const late =
    a.lateMinutes !== null ? t('duty.attendance.late', { duration: durationText(t, a.lateMinutes) }) : '';
  return (
    <Tag
      color={a.lateMinutes !== null && a.state === 'present' ? 'orange' : COLOUR[a.state]}
      style={{ cursor: onClick ? 'pointer' : undefined, marginInlineEnd: 2, whiteSpace: 'normal' }}
      onClick={onClick}
      data-testid={`attendance-${p.name}`}
      data-state={a.state}
      title={[
        p.qualification ? t(`duty.qualification.${p.qualification}`) : '',
        p.checkedInAt ? `${t('duty.roster.checkedIn')} ${clock(p.checkedInAt)}` : '',
        late,
        p.checkedOutAt ? `${t('duty.roster.checkedOut')} ${clock(p.checkedOutAt)}` : '',
      ]
        .filter(Boolean)
        .join(' · ')}
    >
      {p.name}
      {text && <span style={{ marginInlineStart: 4, fontSize: 12 }}>{text}</span>}
    </Tag>
  );
}

/** 已排 a/n (缺 k 人) before the start; 到岗 p/n or 满员 p/n from it. */
export function StaffingTag({ shift }: { shift: RosterShift }) {
  const { t } = useTranslation();
  const s = { ...shift.staffing };
  if (s.phase === 'before')
    return s.short > 0 ? (
      <Tag color="red">
        {t('duty.roster.understaffed', { n: s.short })} · {t('duty.roster.assignedOf', s)}
      </Tag>
    ) : (
      <Tag color="processing">{t('duty.roster.assignedOf', s)}</Tag>
    );
  return s.full ? (
    <Tag color="green">{t('duty.roster.fullOf', s)}</Tag>
  ) : (
    <Tag color="red">{t('duty.roster.presentOf', s)}</Tag>
  );
}

/** The cell's background: red while short (by the roster before the start, by who is there from it). */
export function staffingBackground(shift: RosterShift): string {
  const s = shift.staffing;
  if (s.short > 0) return '#fff1f0';
  return s.full ? '#f6ffed' : '#fafafa';
}
