import { useQueryClient } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, NavBar, NoticeBar, TextArea, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { DEFAULT_FEVER_THRESHOLD } from '../../../domain/isolation/checks';
import { CHECK_WAYS, type FormIssue, MOODS } from '../../../domain/isolation/forms';
import { SYMPTOM_LABELS, SYMPTOMS } from '../../../domain/ledger/colour/facts';
import { errorText } from '../../http/errors';
import { useLanguage } from '../../i18n/useLanguage';
import { newClientId } from '../../modules/ledger/common/uuid';
import { fieldIsolationKeys, submitCheck } from './api';
import { alarmOf, type CheckDraft, checkBody, checkIssues, newCheckDraft, toggleSymptom } from './checkDraft';
import { useDueRows, useFeverThreshold, useKeptClock } from './data';
import { platformInstant } from './platformTime';
import { SlotTags } from './SlotTags';
import { TemperaturePad } from './TemperaturePad';

const section: React.CSSProperties = { background: '#fff', margin: '8px 0', padding: 12 };
const heading: React.CSSProperties = { fontSize: 16, color: '#555', marginBottom: 8 };
const bigButton = (active: boolean, colour = '#c62828'): React.CSSProperties => ({
  height: 56,
  fontSize: 22,
  fontWeight: 700,
  borderRadius: 8,
  border: `2px solid ${colour}`,
  background: active ? colour : '#fff',
  color: active ? '#fff' : colour,
});

/** Which message of this form a problem of checkCheckForm shows. */
function issueKey(i: FormIssue) {
  if (i.path === 'how') return 'fieldIsolation.issues.how' as const;
  if (i.path === 'temperatureC') return 'fieldIsolation.issues.temperature' as const;
  if (i.path === 'mood') return 'fieldIsolation.issues.mood' as const;
  if (i.path === 'checkedAt') return 'fieldIsolation.issues.checkedAt' as const;
  return 'fieldIsolation.issues.symptom' as const;
}

/**
 * The check form (/field/isolation/:id/check): how (上门/电话), the temperature on its own keypad with
 * the usual readings as one tap, symptoms, mood, needs and a note. Checked as the server checks it, a
 * clear red warning when the fever rule will raise an alert, and sent through the phone's queue with a
 * client UUID made when the form opened; then back to the list.
 */
export function FieldIsolationCheck() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const due = useDueRows();
  const row = due.rows?.find((r) => r.id === id);
  const threshold = useFeverThreshold(id).data ?? DEFAULT_FEVER_THRESHOLD;
  const clock = useKeptClock();
  // the platform's instant now; unknown (never heard its clock): the server stamps the check on arrival
  const now = () => (clock.data ? platformInstant(clock.data, Date.now()) : undefined);
  const [draft, setDraft] = useState<CheckDraft>(() => newCheckDraft());
  // made when the form opens and kept until the server answers: a retry is the same check
  const clientId = useRef(newClientId());
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; fields: string[] } | null>(null);
  const back = () => void navigate('/field/isolation');
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);

  if (due.isPending)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <DotLoading color="primary" />
      </div>
    );
  if (!row)
    return (
      <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
        <NavBar onBack={back}>{t('fieldIsolation.formTitle')}</NavBar>
        <ErrorBlock
          status="empty"
          title={due.error ? errorText(due.error) : t('fieldIsolation.notFound')}
          description=""
        />
      </div>
    );

  const set = (patch: Partial<CheckDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const alarm = alarmOf(draft, threshold);
  const issues = tried ? checkIssues(draft, now()) : [];
  const issueAt = (path: string) => {
    const i = issues.find((x) => x.path === path || x.path.startsWith(`${path}.`));
    return i ? (
      <div style={{ color: '#cf1322', marginTop: 6 }} data-testid={`check-issue-${path}`}>
        {t(issueKey(i))}
      </div>
    ) : null;
  };

  const send = async () => {
    setTried(true);
    setRefusal(null);
    const at = now();
    if (checkIssues(draft, at).length) {
      Toast.show({ content: t('fieldIsolation.fixFirst') });
      return;
    }
    setSending(true);
    try {
      const body = checkBody(draft, clientId.current, at);
      const label =
        body.temperatureC !== undefined
          ? t('fieldIsolation.queueLabel', {
              name: row.name,
              temperature: `${body.temperatureC.toFixed(1)} ℃`,
            })
          : t('fieldIsolation.queueLabelNoTemperature', { name: row.name });
      const r = await submitCheck(row.id, body, label);
      if (r.state === 'refused') {
        setRefusal({ message: r.message, fields: r.fields });
        window.scrollTo(0, 0);
        return;
      }
      clientId.current = newClientId();
      Toast.show({
        icon: 'success',
        content: t(r.state === 'sent' ? 'fieldIsolation.saved' : 'fieldIsolation.queued'),
      });
      if (r.state === 'sent') void queryClient.invalidateQueries({ queryKey: fieldIsolationKeys.due });
      back();
    } catch (err) {
      setRefusal({ message: errorText(err), fields: [] });
    } finally {
      setSending(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f0f0f0', paddingBottom: 24 }} data-testid="check-form">
      <NavBar onBack={back} style={{ background: '#c62828', color: '#fff' }}>
        {t('fieldIsolation.formTitle')}
      </NavBar>
      {refusal && (
        <NoticeBar
          color="error"
          wrap
          data-testid="check-refused"
          content={
            <div>
              {t('fieldIsolation.refused')}
              {t('common.colon')}
              {refusal.message}
              {refusal.fields.map((f) => (
                <div key={f}>{f}</div>
              ))}
            </div>
          }
        />
      )}
      <div style={section}>
        <div style={{ fontSize: 22, fontWeight: 700 }} data-testid="check-person">
          {row.name}
        </div>
        <div style={{ color: '#555', margin: '4px 0' }}>{row.address || row.unitName}</div>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          {row.dayOfPeriod !== null && (
            <span style={{ color: '#555' }}>{t('fieldIsolation.day', { n: row.dayOfPeriod })}</span>
          )}
          <SlotTags row={row} />
        </div>
      </div>
      <div style={section}>
        <div style={heading}>{t('fieldIsolation.how')}</div>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}>
          {CHECK_WAYS.map((w) => (
            <button
              key={w}
              type="button"
              style={bigButton(draft.how === w)}
              onClick={() => set({ how: w })}
              data-testid={`check-how-${w}`}
            >
              {t(`fieldIsolation.way.${w}`)}
            </button>
          ))}
        </div>
        {issueAt('how')}
      </div>
      <div style={section}>
        <div style={heading}>
          {t('fieldIsolation.temperature')}
          <span style={{ marginLeft: 8, fontSize: 14, color: '#999' }}>
            {t('fieldIsolation.threshold', { t: threshold.toFixed(1) })}
          </span>
        </div>
        <TemperaturePad
          value={draft.temperature}
          onChange={(temperature) => set({ temperature })}
          alarming={alarm === 'fever'}
          warning={alarm && <AlarmCard alarm={alarm} testId="check-alarm" />}
        />
        {issueAt('temperatureC')}
      </div>
      <div style={section}>
        <div style={heading}>{t('fieldIsolation.symptoms')}</div>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
          {SYMPTOMS.map((s) => {
            const on = draft.symptoms.includes(s);
            return (
              <button
                key={s}
                type="button"
                aria-pressed={on}
                onClick={() => set({ symptoms: toggleSymptom(draft.symptoms, s, SYMPTOMS) })}
                data-testid={`check-symptom-${s}`}
                style={{
                  minHeight: 48,
                  fontSize: 17,
                  borderRadius: 8,
                  border: `2px solid ${on ? '#cf1322' : '#d9d9d9'}`,
                  background: on ? '#cf1322' : '#fff',
                  color: on ? '#fff' : '#222',
                }}
              >
                {SYMPTOM_LABELS[s][lang]}
              </button>
            );
          })}
        </div>
        {draft.symptoms.length === 0 && (
          <div style={{ color: '#389e0d', marginTop: 6 }}>{t('fieldIsolation.noSymptoms')}</div>
        )}
        {issueAt('symptoms')}
      </div>
      <div style={section}>
        <div style={heading}>{t('fieldIsolation.mood')}</div>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 10 }}>
          {MOODS.map((m) => (
            <button
              key={m}
              type="button"
              style={bigButton(draft.mood === m, m === 'poor' ? '#d46b08' : '#1677ff')}
              onClick={() => set({ mood: draft.mood === m ? '' : m })}
              data-testid={`check-mood-${m}`}
            >
              {t(`fieldIsolation.moods.${m}`)}
            </button>
          ))}
        </div>
        {issueAt('mood')}
      </div>
      <div style={section}>
        <div style={heading}>{t('fieldIsolation.needs')}</div>
        <TextArea
          value={draft.needs}
          onChange={(needs) => set({ needs })}
          maxLength={300}
          rows={2}
          placeholder={t('fieldIsolation.needsPlaceholder')}
          data-testid="check-needs"
          style={{ '--font-size': '18px' }}
        />
      </div>
      <div style={section}>
        <div style={heading}>{t('fieldIsolation.note')}</div>
        <TextArea
          value={draft.note}
          onChange={(note) => set({ note })}
          maxLength={300}
          rows={2}
          placeholder={t('fieldIsolation.notePlaceholder')}
          data-testid="check-note"
          style={{ '--font-size': '18px' }}
        />
        {issueAt('checkedAt')}
      </div>
      {alarm && (
        <div style={{ padding: '0 12px' }}>
          <AlarmCard alarm={alarm} testId="check-alarm-again" />
        </div>
      )}
      <div style={{ padding: '8px 12px' }}>
        <Button
          block
          size="large"
          color="danger"
          loading={sending}
          onClick={() => void send()}
          data-testid="check-submit"
          style={{ height: 60, fontSize: 22, fontWeight: 700, background: alarm ? '#a8071a' : undefined }}
        >
          {t(alarm ? 'fieldIsolation.submitAlarm' : 'fieldIsolation.submit')}
        </Button>
      </div>
    </div>
  );
}

/** The clear red warning: what the fever rule will do once the check is sent. */
function AlarmCard({ alarm, testId }: { alarm: 'fever' | 'symptom'; testId: string }) {
  const { t } = useTranslation();
  return (
    <div
      role="alert"
      data-testid={testId}
      style={{
        margin: '8px 0',
        padding: '14px 12px',
        borderRadius: 8,
        background: '#cf1322',
        color: '#fff',
        fontSize: 19,
        fontWeight: 700,
      }}
    >
      ⚠ {t(alarm === 'fever' ? 'fieldIsolation.alarmFever' : 'fieldIsolation.alarmSymptom')}
    </div>
  );
}
