import { DotLoading, ErrorBlock, NavBar, NoticeBar, PullToRefresh, Tag } from 'antd-mobile';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DEFAULT_FEVER_THRESHOLD } from '../../../domain/isolation/checks';
import { errorText } from '../../http/errors';
import { useDueRows, useFeverThreshold } from './data';
import { type DueRow, dueCounts } from './dueList';
import { SlotTags } from './SlotTags';

/**
 * My checks due (/field/isolation): the people I answer for (专人负责) under a measure today, overdue
 * first, then due, later, done; one big row each, a tap opens the check form. Kept on the phone for a
 * round without a network; a check waiting in the queue shows as done at once.
 */
export function FieldIsolation() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { rows, day, truncated, error, isPending, refetch } = useDueRows();
  // asked once online, so that the check form knows it without a network
  const threshold = useFeverThreshold(rows?.[0]?.id).data ?? DEFAULT_FEVER_THRESHOLD;
  const counts = rows ? dueCounts(rows) : { due: 0, overdue: 0 };
  // back from a form scrolled down: the list from its top
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', paddingBottom: 24 }}>
      <NavBar
        onBack={() => void navigate('/field')}
        right={
          <Link to="/field" style={{ color: '#fff' }}>
            {t('nav.home')}
          </Link>
        }
        style={{ background: '#c62828', color: '#fff' }}
      >
        {t('fieldIsolation.title')}
      </NavBar>
      <PullToRefresh onRefresh={async () => void (await refetch())}>
        {day && (
          <div style={{ padding: '10px 14px', background: '#fff' }}>
            <div style={{ color: '#666' }}>{t('fieldIsolation.today', { day })}</div>
            <div style={{ fontSize: 18, fontWeight: 600 }} data-testid="isolation-summary">
              {t('fieldIsolation.summary', counts)}
            </div>
          </div>
        )}
        {truncated && <NoticeBar color="alert" content={t('fieldIsolation.truncated')} />}
        {isPending && (
          <div style={{ padding: 48, textAlign: 'center' }}>
            <DotLoading color="primary" />
          </div>
        )}
        {!rows && error ? <ErrorBlock status="default" title={errorText(error)} description="" /> : null}
        {rows?.length === 0 && (
          <ErrorBlock
            status="empty"
            title={t('fieldIsolation.empty')}
            description=""
            data-testid="isolation-empty"
          />
        )}
        <div style={{ padding: '4px 8px' }} data-testid="isolation-list">
          {rows?.map((r) => (
            <PersonRow
              key={r.id}
              row={r}
              threshold={threshold}
              onOpen={() => void navigate(`/field/isolation/${encodeURIComponent(r.id)}/check`)}
            />
          ))}
        </div>
      </PullToRefresh>
    </div>
  );
}

function PersonRow({ row, threshold, onOpen }: { row: DueRow; threshold: number; onOpen: () => void }) {
  const { t } = useTranslation();
  const hot = row.lastTemperatureC !== null && row.lastTemperatureC >= threshold;
  return (
    <button
      type="button"
      onClick={onOpen}
      data-testid={`isolation-row-${row.id}`}
      data-urgency={row.urgency}
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'left',
        background: '#fff',
        border: 'none',
        borderLeft: `6px solid ${row.urgency === 'overdue' ? '#cf1322' : row.urgency === 'due' ? '#fa8c16' : '#d9d9d9'}`,
        borderRadius: 8,
        margin: '8px 0',
        padding: '12px 14px',
        minHeight: 88,
        fontSize: 16,
        color: '#222',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <span style={{ fontSize: 21, fontWeight: 700 }}>{row.name}</span>
        {row.urgency === 'overdue' && (
          <Tag color="danger" style={{ fontSize: 15 }} data-testid={`isolation-overdue-${row.id}`}>
            {t('fieldIsolation.state.overdue')}
          </Tag>
        )}
        {row.fever && <Tag color="danger">{t('fieldIsolation.alarmShort')}</Tag>}
        {row.queued && (
          <Tag color="primary" data-testid={`isolation-queued-${row.id}`}>
            {t('fieldIsolation.state.queued')}
          </Tag>
        )}
        <span
          style={{ marginLeft: 'auto', fontSize: 18, fontWeight: 600, color: hot ? '#cf1322' : '#222' }}
          data-testid={`isolation-last-${row.id}`}
        >
          {row.lastTemperatureC !== null
            ? t('fieldIsolation.lastTemperature', { t: row.lastTemperatureC.toFixed(1) })
            : t('fieldIsolation.noTemperature')}
        </span>
      </div>
      <div style={{ color: '#555', margin: '4px 0' }}>{row.address || row.unitName}</div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <span style={{ color: '#555' }}>
          {[
            row.measure ? t(`fieldIsolation.measure.${row.measure}`, { defaultValue: row.measure }) : '',
            row.dayOfPeriod !== null ? t('fieldIsolation.day', { n: row.dayOfPeriod }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
        <SlotTags row={row} />
      </div>
    </button>
  );
}
