import { Button, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCareLabels } from '../../modules/care/useCareLabels';
import { formatClock, formatDateTime } from '../../shell/dates';
import type { TaskRow } from './tasks';

const edge = (r: TaskRow) =>
  r.state === 'overdue' || r.late
    ? '#cf1322'
    : r.state === 'delivered' || r.pending === 'deliver'
      ? '#52c41a'
      : '#fa8c16';

/**
 * One delivery, big enough to read at a door: the door, what to bring, by when; its state (overdue red,
 * late orange, urgent, waiting to be sent) and the one action it needs.
 */
export function TaskCard({
  row: r,
  today,
  action,
}: {
  row: TaskRow;
  today: string | undefined;
  action?: ReactNode;
}) {
  const { t } = useTranslation();
  const labels = useCareLabels();
  const delivered = r.state === 'delivered' || r.pending === 'deliver';
  return (
    <div
      data-testid={`care-task-${r.id}`}
      data-state={r.state}
      style={{
        background: '#fff',
        borderLeft: `6px solid ${edge(r)}`,
        borderRadius: 8,
        margin: '8px 0',
        padding: '12px 14px',
        fontSize: 16,
        color: '#222',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'wrap' }}>
        <span style={{ fontSize: 20, fontWeight: 700 }}>{r.address}</span>
        {r.state === 'overdue' && <Tag color="danger">{labels.state('overdue')}</Tag>}
        {r.late && !delivered && <Tag color="#d46b08">{t('care.board.late')}</Tag>}
        {r.urgent && !delivered && <Tag color="#c41d7f">{t('care.board.urgent')}</Tag>}
        {r.pending && (
          <Tag color="primary" data-testid={`care-task-queued-${r.id}`}>
            {t(r.pending === 'take' ? 'care.field.takeQueued' : 'care.field.deliverQueued')}
          </Tag>
        )}
      </div>
      {r.community && <div style={{ color: '#666', fontSize: 14 }}>{r.community.name}</div>}
      <div style={{ fontSize: 19, margin: '6px 0' }} data-testid={`care-task-items-${r.id}`}>
        {labels.items(r.items)}
      </div>
      {r.help.length > 0 && <div style={{ color: '#333' }}>{labels.helps(r.help)}</div>}
      {r.note && <div style={{ color: '#555' }}>{r.note}</div>}
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 8, flexWrap: 'wrap' }}>
        <span style={{ color: r.state === 'overdue' || r.late ? '#cf1322' : '#555' }}>
          {delivered
            ? t('care.field.receivedBy', {
                name: r.receivedBy ?? '',
                at: r.deliveredAt ? formatClock(r.deliveredAt) : '',
              })
            : t('care.field.due', { at: r.day === today ? formatClock(r.dueAt) : formatDateTime(r.dueAt) })}
        </span>
        <span style={{ marginLeft: 'auto' }}>{action}</span>
      </div>
    </div>
  );
}

/** The big button of a card. */
export function CardButton({
  children,
  onClick,
  loading,
  testId,
  color = 'primary',
}: {
  children: ReactNode;
  onClick: () => void;
  loading?: boolean;
  testId: string;
  color?: 'primary' | 'success';
}) {
  return (
    <Button
      color={color}
      size="large"
      loading={loading}
      onClick={onClick}
      data-testid={testId}
      style={{ minWidth: 110 }}
    >
      {children}
    </Button>
  );
}
