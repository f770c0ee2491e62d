import { Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, KeyPersonDetail, Measure } from '../../http/isolation';
import { formatDateTime } from '../../shell/dates';
import { type IsolationLabels, useIsolationLabels } from './labels';

const COLOURS: Record<string, string> = {
  registered: 'blue',
  measure_started: 'orange',
  measure_ended: 'green',
  alert: 'red',
  transfer: 'red',
};

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** What a history row says, from its kind and detail. */
function entryText(h: HistoryEntry, t: TFunction, labels: IsolationLabels, measures: Measure[]): string {
  const d = h.detail ?? {};
  switch (h.kind) {
    case 'registered':
      return t('isolation.history.registered', { category: labels.category(str(d.category)) });
    case 'measure_started': {
      const m = measures.find((x) => x.id === d.measure);
      const where = m?.site ? ` · ${m.site.name}${m.room ? ` ${m.room.name}` : ''}` : '';
      return (
        t('isolation.history.measure_started', {
          measure: labels.measure(str(d.kind)),
          from: str(d.startsOn),
          to: str(d.plannedEnd),
        }) + where
      );
    }
    case 'measure_ended': {
      const reason = str(d.reason);
      const text = t('isolation.history.measure_ended', {
        measure: labels.measure(str(d.kind)),
        reason: ['released', 'transferred', 'moved'].includes(reason)
          ? t(`isolation.end.reasons.${reason as 'released' | 'transferred' | 'moved'}`)
          : reason,
        on: str(d.on),
      });
      return d.signedOffBy ? text + t('isolation.history.signedOffBy', { name: str(d.signedOffBy) }) : text;
    }
    case 'alert': {
      const parts: string[] = [];
      if (typeof d.temperatureC === 'number') parts.push(`${d.temperatureC.toFixed(1)}℃`);
      if (Array.isArray(d.symptoms) && d.symptoms.length) parts.push(labels.symptoms(d.symptoms as string[]));
      return t('isolation.history.alert', { what: parts.join(' ') });
    }
    case 'transfer': {
      const state = str(d.state);
      const stateText = ['open', 'picked_up', 'closed'].includes(state)
        ? t(`isolation.transfer.states.${state as 'open' | 'picked_up' | 'closed'}`)
        : state;
      const more = [d.destination, d.outcome].filter(Boolean).map(str).join('，');
      return t('isolation.history.transfer', { state: stateText }) + (more ? `（${more}）` : '');
    }
    default:
      return t('isolation.history.other', { kind: h.kind });
  }
}

/** 措施与经过: a person's history in time order (registered, measures started and ended, alerts, transfers). */
export function PersonTimeline({ person }: { person: KeyPersonDetail }) {
  const { t } = useTranslation();
  const labels = useIsolationLabels();
  return (
    <Timeline
      data-testid="person-timeline"
      items={person.history.map((h) => ({
        color: COLOURS[h.kind] ?? 'gray',
        content: (
          <>
            <div>{entryText(h, t, labels, person.measures)}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(h.at)}
              {h.by ? ` · ${h.by}` : ''}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}
