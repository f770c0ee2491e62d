import { Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONTACT_KIND_LABELS, DEFAULT_FEVER_THRESHOLD_C } from '../../../../domain/ledger/colours';
import { errorText } from '../../../http/errors';
import { useLedgerDay, useVisits, type Visit } from '../../../http/ledger';
import { joinList } from '../../../i18n/punctuation';
import { useLanguage } from '../../../i18n/useLanguage';
import { formatDateTime } from '../../../shell/dates';
import { ColourChip } from '../common/ColourChip';
import { stayText, symptomLabel } from '../common/labels';

type Answer = Visit['residents'][number];

/** What one resident answered at the door, as short lines: presence, temperature, symptoms, travel, contacts. */
function AnswerLine({ a, threshold }: { a: Answer; threshold: number }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const list = joinList;
  const presence = a.left ?? (a.present ? 'present' : 'away');
  const fever = a.temperatureC !== undefined && a.temperatureC >= threshold;
  return (
    <div data-testid={`visit-answer-${a.key}`}>
      <Space wrap size={[6, 0]}>
        <Typography.Text strong>{a.name ?? a.key}</Typography.Text>
        <Tag bordered={false}>{t(`find.visits.${presence}`)}</Tag>
        {a.temperatureC !== undefined && (
          <Typography.Text type={fever ? 'danger' : undefined} strong={fever}>
            {t('find.visits.temperature', { t: a.temperatureC })}
          </Typography.Text>
        )}
        {a.symptoms?.length ? (
          <Typography.Text type="danger">
            {t('find.visits.symptoms', { list: list(a.symptoms.map((s) => symptomLabel(s, lang))) })}
          </Typography.Text>
        ) : null}
      </Space>
      {a.travel?.length ? (
        <div>
          <Typography.Text type="secondary">
            {t('find.visits.travel', {
              list: list(a.travel.map((s) => stayText(s, lang))),
            })}
          </Typography.Text>
        </div>
      ) : null}
      {a.contacts?.length ? (
        <div>
          <Typography.Text type="secondary">
            {t('find.visits.contacts', {
              list: list(a.contacts.map((c) => `${CONTACT_KIND_LABELS[c.kind]?.[lang] ?? c.kind} ${c.date}`)),
            })}
          </Typography.Text>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Every door-to-door visit of a household, newest first: who knocked and when, in which campaign, the
 * outcome (无人在家 too), the colour before and after, what each resident answered, the notes — also
 * the visits that changed nothing, which the history (colour changes) does not show.
 */
export function HouseholdVisits({ householdKey }: { householdKey: string }) {
  const { t } = useTranslation();
  const query = useVisits(householdKey);
  const day = useLedgerDay();
  const threshold = day.data?.policy.feverThresholdC ?? DEFAULT_FEVER_THRESHOLD_C;
  if (query.isError) return <Typography.Text type="danger">{errorText(query.error)}</Typography.Text>;
  if (!query.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const visits = query.data.items;
  if (visits.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('find.visits.empty')}
        data-testid="household-visits-empty"
      />
    );
  return (
    <Timeline
      data-testid="household-visits"
      items={visits.map((v) => {
        const changed = v.colourBefore && v.colourAfter && v.colourBefore !== v.colourAfter;
        return {
          key: v.id,
          color: v.outcome === 'nobody_home' ? 'orange' : changed ? 'red' : 'green',
          content: (
            <div data-testid={`visit-${v.id}`} data-outcome={v.outcome}>
              <Space wrap size={6}>
                <Tag color={v.outcome === 'nobody_home' ? 'warning' : 'success'}>
                  {t(v.outcome === 'nobody_home' ? 'find.visits.nobodyHome' : 'find.visits.visited')}
                </Tag>
                <Typography.Text>{v.campaign.name}</Typography.Text>
                {v.outcome === 'visited' && v.colourBefore && v.colourAfter && (
                  <span>
                    {changed ? (
                      <>
                        <ColourChip colour={v.colourBefore} /> → <ColourChip colour={v.colourAfter} />
                      </>
                    ) : (
                      <Typography.Text type="secondary">
                        <ColourChip colour={v.colourAfter} /> {t('find.visits.noChange')}
                      </Typography.Text>
                    )}
                  </span>
                )}
              </Space>
              {v.outcome === 'visited' && (
                <div style={{ marginTop: 4 }}>
                  {v.residents.length === 0 && v.newResidents === 0 && (
                    <Typography.Text type="secondary">{t('find.visits.noAnswers')}</Typography.Text>
                  )}
                  {v.residents.map((a) => (
                    <AnswerLine key={a.key} a={a} threshold={threshold} />
                  ))}
                  {v.newResidents > 0 && (
                    <Typography.Text>{t('find.visits.newResidents', { n: v.newResidents })}</Typography.Text>
                  )}
                </div>
              )}
              {v.notes && (
                <div>
                  <Typography.Text data-testid={`visit-notes-${v.id}`}>
                    {t('find.visits.notes', { text: v.notes })}
                  </Typography.Text>
                </div>
              )}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(v.at)} · {v.by?.name ?? t('find.visits.system')}
                </Typography.Text>
              </div>
            </div>
          ),
        };
      })}
    />
  );
}
