import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DotLoading, ErrorBlock, Grid, NavBar, Tag, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DutyState } from '../../../domain/forces/duty';
import { get } from '../../http/client';
import { dutyKeys, type MyDuty, type MyShift } from '../../http/duty';
import { errorText } from '../../http/errors';
import { paren } from '../../i18n/punctuation';
import { shiftLabel } from '../../modules/duty/presetText';
import { newClientId } from '../../modules/ledger/common/uuid';
import { formatClock } from '../../shell/dates';
import { fieldWrite } from '../offline/fieldQueue';
import { cachedReference } from '../offline/reference';
import { useQueuedWrites } from '../offline/useQueue';

const STATE_COLOUR: Record<DutyState, string> = {
  upcoming: 'default',
  open: 'warning',
  on_duty: 'primary',
  done: 'success',
  missed: 'danger',
};

const clock = formatClock;

/** My shifts, kept on the phone for a check-in without a network (offline/reference.ts). */
function useMyDutyOffline() {
  return useQuery({
    queryKey: dutyKeys.mine,
    queryFn: ({ signal }) =>
      cachedReference('duty.mine', () => get<MyDuty>('/api/duty/mine', undefined, signal)),
    refetchInterval: 60_000,
    networkMode: 'always',
  });
}

const actionUrl = (assignmentId: string, kind: 'in' | 'out') =>
  `/api/duty/assignments/${encodeURIComponent(assignmentId)}/check-${kind}`;

/** 我的班次: my published shifts, today and the week ahead, with big check-in / check-out buttons, and my hours. */
export function FieldShifts() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const duty = useMyDutyOffline();
  const queryClient = useQueryClient();
  // one client id per assignment and action, kept across retries (DESIGN rule 4)
  const ids = useRef(new Map<string, string>());
  const [busy, setBusy] = useState<string | null>(null);
  // a check-in or check-out kept on the phone: its button gives way to "waiting to send"
  const queued = new Set(
    useQueuedWrites()
      .filter((w) => w.kind === 'duty.check-in' || w.kind === 'duty.check-out')
      .map((w) => w.url),
  );

  // a check-in sent from the queue: the shift's state is asked for again
  const queuedKey = [...queued].sort().join(' ');
  const seenQueued = useRef(queuedKey);
  useEffect(() => {
    if (seenQueued.current === queuedKey) return;
    seenQueued.current = queuedKey;
    void queryClient.invalidateQueries({ queryKey: dutyKeys.mine });
  }, [queuedKey, queryClient]);

  const act = async (s: MyShift, kind: 'in' | 'out') => {
    const key = `${s.assignmentId}:${kind}`;
    const clientId = ids.current.get(key) ?? newClientId();
    ids.current.set(key, clientId);
    setBusy(key);
    try {
      const place = `${s.day.slice(5)} ${shiftLabel(s.label)} ${s.facility}`;
      const r = await fieldWrite({
        clientId,
        kind: `duty.check-${kind}`,
        label: t(kind === 'in' ? 'fieldOffline.checkInLabel' : 'fieldOffline.checkOutLabel', { place }),
        url: actionUrl(s.assignmentId, kind),
        body: { clientId },
      });
      if (r.state === 'refused') {
        Toast.show({ icon: 'fail', content: r.error.message });
        return;
      }
      Toast.show({
        icon: 'success',
        content:
          r.state === 'queued'
            ? t('fieldOffline.queued')
            : kind === 'in'
              ? t('duty.field.checkedIn')
              : t('duty.field.checkedOut'),
      });
      if (r.state === 'sent') await queryClient.invalidateQueries({ queryKey: dutyKeys.mine });
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorText(err) });
    } finally {
      setBusy(null);
    }
  };

  const d = duty.data;
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', paddingBottom: 32 }} data-testid="field-shifts">
      <NavBar onBack={() => void navigate('/field')} style={{ background: '#c62828', color: '#fff' }}>
        {t('duty.field.title')}
      </NavBar>
      {duty.isPending ? (
        <div style={{ padding: 48, textAlign: 'center', fontSize: 24 }}>
          <DotLoading color="primary" />
        </div>
      ) : duty.isError ? (
        <ErrorBlock status="default" title={errorText(duty.error)} description="" />
      ) : !d?.person ? (
        <ErrorBlock status="empty" title={t('duty.field.notLinked')} description="" />
      ) : (
        <>
          <div style={{ padding: 16, background: '#fff' }}>
            <div style={{ fontSize: 20, fontWeight: 600 }}>{d.person.name}</div>
            <Grid columns={3} gap={8} style={{ marginTop: 12 }}>
              {(
                [
                  ['hoursWeek', d.hours.week],
                  ['hoursMonth', d.hours.month],
                  ['hoursTotal', d.hours.total],
                ] as const
              ).map(([k, h]) => (
                <Grid.Item key={k} style={{ textAlign: 'center' }}>
                  <div style={{ fontSize: 24, fontWeight: 600, color: '#c62828' }} data-testid={`field-${k}`}>
                    {h}
                  </div>
                  <div style={{ color: '#888', fontSize: 13 }}>
                    {t(`duty.field.${k}`)}
                    {paren(t('duty.field.hoursUnit'))}
                  </div>
                </Grid.Item>
              ))}
            </Grid>
          </div>
          {d.shifts.length === 0 && <ErrorBlock status="empty" title={t('duty.field.none')} description="" />}
          {d.shifts.map((s) => (
            <Card
              key={s.assignmentId}
              style={{ margin: 12 }}
              data-testid={`my-shift-${s.assignmentId}`}
              title={
                <span style={{ fontSize: 17 }}>
                  {s.day === d.today ? `${t('duty.field.today')} ` : ''}
                  {t('duty.field.at', {
                    day: s.day.slice(5),
                    label: shiftLabel(s.label),
                    start: clock(s.start),
                    end: clock(s.end),
                  })}
                </span>
              }
              extra={<Tag color={STATE_COLOUR[s.state]}>{t(`duty.field.state.${s.state}`)}</Tag>}
            >
              <div style={{ fontSize: 16 }}>{s.facility}</div>
              {s.address && <div style={{ color: '#888' }}>{s.address}</div>}
              {s.qualification && (
                <div style={{ color: '#888' }}>{t(`duty.qualification.${s.qualification}`)}</div>
              )}
              <div style={{ color: '#555', marginTop: 4 }}>
                {s.checkedInAt && t('duty.field.checkInAt', { at: clock(s.checkedInAt) })}
                {s.checkedOutAt && ` · ${t('duty.field.checkOutAt', { at: clock(s.checkedOutAt) })}`}
                {s.hours > 0 && ` · ${t('duty.field.worked', { h: s.hours })}`}
              </div>
              {(queued.has(actionUrl(s.assignmentId, 'in')) ||
                queued.has(actionUrl(s.assignmentId, 'out'))) && (
                <Tag color="warning" style={{ marginTop: 12, fontSize: 15 }} data-testid="shift-queued">
                  {t('fieldOffline.pendingDoor')}
                </Tag>
              )}
              {s.state === 'open' && !queued.has(actionUrl(s.assignmentId, 'in')) && (
                <Button
                  block
                  color="danger"
                  size="large"
                  style={{ marginTop: 12, height: 56, fontSize: 20 }}
                  loading={busy === `${s.assignmentId}:in`}
                  onClick={() => void act(s, 'in')}
                  data-testid="check-in"
                >
                  {t('duty.field.checkIn')}
                </Button>
              )}
              {s.state === 'on_duty' && !queued.has(actionUrl(s.assignmentId, 'out')) && (
                <Button
                  block
                  color="primary"
                  size="large"
                  style={{ marginTop: 12, height: 56, fontSize: 20 }}
                  loading={busy === `${s.assignmentId}:out`}
                  onClick={() => void act(s, 'out')}
                  data-testid="check-out"
                >
                  {t('duty.field.checkOut')}
                </Button>
              )}
            </Card>
          ))}
        </>
      )}
    </div>
  );
}
