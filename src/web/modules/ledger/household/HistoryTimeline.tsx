import { Empty, Space, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TravelStay } from '../../../../domain/ledger/colours';
import type { HistoryEntry, HouseholdDetail } from '../../../http/ledger';
import type { Language } from '../../../i18n';
import { useLanguage } from '../../../i18n/useLanguage';
import { formatDateTime } from '../../../shell/dates';
import { ColourChip } from '../common/ColourChip';
import { colourOf, stayText } from '../common/labels';
import { changedFieldLabel, changesOf, changeText } from './changeText';

const KINDS = [
  'created',
  'colour',
  'override',
  'override_cleared',
  'moved_in',
  'resident_updated',
  'travel_updated',
  'resident_moved_out',
  'resident_deceased',
  'resident_away',
  'resident_present',
  'split_in',
  'split_out',
  'imported',
] as const;
type Kind = (typeof KINDS)[number];

const CAUSES = [
  'screening',
  'moved_in',
  'resident_updated',
  'resident_moved_out',
  'resident_deceased',
  'resident_away',
  'resident_present',
  'split',
  'recheck',
  'imported',
] as const;
type Cause = (typeof CAUSES)[number];

const DOT: Partial<Record<Kind, string>> = {
  override: 'red',
  override_cleared: 'gray',
  colour: 'blue',
  resident_deceased: 'gray',
  resident_moved_out: 'gray',
};

function entryText(e: HistoryEntry, name: string, t: TFunction, lang: Language): string {
  const d = e.detail ?? {};
  const kind = (KINDS as readonly string[]).includes(e.kind) ? (e.kind as Kind) : undefined;
  if (!kind) return e.kind;
  switch (kind) {
    case 'created':
      return t('history.created', { n: Number(d.residents ?? 0) });
    case 'imported': {
      const rows = Array.isArray(d.rows) ? (d.rows as unknown[]).filter((r) => typeof r === 'number') : [];
      return rows.length
        ? t('history.importedRows', { rows: rows.join(lang === 'en' ? ', ' : '、') })
        : t('history.imported');
    }
    case 'colour': {
      const cause = String(d.cause ?? '');
      return (CAUSES as readonly string[]).includes(cause)
        ? t('history.colourBecause', { cause: t(`history.causes.${cause as Cause}`) })
        : t('history.colour');
    }
    case 'resident_updated': {
      // rows of old kept the names of the fields sent; newer ones keep what changed (shown below)
      const named = changesOf(d).length
        ? changesOf(d).map((c) => c.field)
        : Array.isArray(d.fields)
          ? (d.fields as string[])
          : [];
      const fields = named.map((f) => changedFieldLabel(f, lang));
      return t('history.resident_updated', { name, fields: fields.join(lang === 'en' ? ', ' : '、') });
    }
    default:
      return t(`history.${kind}`, { name });
  }
}

function staysText(list: unknown, t: TFunction, lang: Language): string {
  const stays = Array.isArray(list) ? (list as TravelStay[]) : [];
  return stays.length
    ? stays.map((s) => stayText(s, lang)).join(lang === 'en' ? '; ' : '；')
    : t('history.travelNone');
}

/** The household's history, newest first: colours, overrides, residents moving in, out, away, back. */
export function HistoryTimeline({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const names = new Map(household.residents.map((r) => [r.key, r.name]));
  const entries = [...household.history].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="household-history"
      items={entries.map((e, i) => {
        const name =
          (typeof e.detail?.name === 'string' ? e.detail.name : undefined) ??
          (e.residentKey ? names.get(e.residentKey) : undefined) ??
          '';
        const from = colourOf(e.from);
        const to = colourOf(e.to);
        const date = typeof e.detail?.date === 'string' ? e.detail.date : undefined;
        return {
          key: `${e.at}-${i}`,
          color: DOT[e.kind as Kind] ?? 'green',
          content: (
            <div data-testid={`history-${i}`} data-kind={e.kind}>
              <Space wrap size={6}>
                <Typography.Text strong>{entryText(e, name, t, lang)}</Typography.Text>
                {from && to && from !== to && (
                  <span>
                    <ColourChip colour={from} /> → <ColourChip colour={to} />
                  </span>
                )}
                {(!from || from === to) && to && e.kind !== 'created' && e.kind !== 'imported' && (
                  <ColourChip colour={to} />
                )}
                {(e.kind === 'created' || e.kind === 'imported') && to && <ColourChip colour={to} />}
              </Space>
              {e.kind === 'travel_updated' && (
                <div>
                  <Typography.Text type="secondary" data-testid={`history-travel-${i}`}>
                    {staysText(e.detail?.before, t, lang)} → {staysText(e.detail?.after, t, lang)}
                  </Typography.Text>
                </div>
              )}
              {changesOf(e.detail).map((c) => (
                <div key={c.field}>
                  <Typography.Text type="secondary" data-testid={`history-change-${i}-${c.field}`}>
                    {changeText(c, lang)}
                  </Typography.Text>
                </div>
              ))}
              {(e.reason || date) && (
                <div>
                  <Typography.Text type="secondary" data-testid={`history-reason-${i}`}>
                    {[date, e.reason].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              )}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)} · {e.actor ?? t('history.system')}
                </Typography.Text>
              </div>
            </div>
          ),
        };
      })}
    />
  );
}
