import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { PublicCareRequest } from '../../http/care';
import { useCareLabels } from '../../modules/care/useCareLabels';
import { formatClock, formatDateTime } from '../../shell/dates';

const COLOURS: Record<PublicCareRequest['state'], string> = {
  open: 'primary',
  overdue: 'danger',
  assigned: 'warning',
  delivered: 'success',
  cancelled: 'default',
};

/** The household's own latest requests, newest first, each with what it asked and where it stands. */
export function PublicRequests({ requests }: { requests: PublicCareRequest[] }) {
  const { t } = useTranslation();
  const labels = useCareLabels();
  if (requests.length === 0)
    return <div style={{ padding: 16, color: '#888', fontSize: 17 }}>{t('care.public.none')}</div>;
  return (
    <div data-testid="care-public-requests">
      {requests.map((r) => (
        <div
          key={r.id}
          data-testid={`care-public-request-${r.id}`}
          data-state={r.state}
          style={{ background: '#fff', borderBottom: '1px solid #eee', padding: '12px 14px', fontSize: 17 }}
        >
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <Tag
              color={COLOURS[r.state]}
              style={{ fontSize: 16, padding: '2px 8px' }}
              data-testid="care-public-state"
            >
              {t(`care.public.state.${r.state === 'overdue' ? 'open' : r.state}`)}
            </Tag>
            <span style={{ color: '#666', marginLeft: 'auto', fontSize: 15 }}>
              {formatDateTime(r.createdAt)}
            </span>
          </div>
          <div style={{ margin: '6px 0', fontSize: 19 }}>
            {[labels.items(r.items), labels.helps(r.help)].filter(Boolean).join('；')}
          </div>
          {r.note && <div style={{ color: '#555' }}>{r.note}</div>}
          <div style={{ color: '#555' }}>
            {r.state === 'delivered'
              ? t('care.public.delivered', {
                  at: formatDateTime(r.deliveredAt ?? ''),
                  name: r.receivedBy ?? '',
                })
              : r.state === 'cancelled'
                ? t('care.public.cancelled')
                : [
                    t('care.public.dueBy', { at: formatClock(r.dueAt), day: r.day }),
                    r.volunteerName ? t('care.public.volunteer', { name: r.volunteerName }) : '',
                  ]
                    .filter(Boolean)
                    .join('，')}
          </div>
        </div>
      ))}
    </div>
  );
}
