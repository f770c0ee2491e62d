import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { DueRow } from './dueList';

const COLOURS = { overdue: 'danger', due: 'warning', later: 'default', done: 'success' } as const;

/** The morning's and afternoon's states of a person's checks (上午 已测 · 下午 待测). */
export function SlotTags({ row }: { row: DueRow }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', gap: 6, flexWrap: 'wrap' }}>
      {row.slots.map((s) => (
        <Tag
          key={s.slot}
          color={s.queued ? 'primary' : COLOURS[s.state]}
          fill={s.state === 'later' ? 'outline' : 'solid'}
          style={{ fontSize: 15, padding: '3px 6px' }}
          data-testid={`isolation-slot-${row.id}-${s.slot}`}
          data-state={s.queued ? 'queued' : s.state}
        >
          {t(`fieldIsolation.slot.${s.slot}`)} {t(`fieldIsolation.state.${s.queued ? 'queued' : s.state}`)}
        </Tag>
      ))}
    </span>
  );
}
