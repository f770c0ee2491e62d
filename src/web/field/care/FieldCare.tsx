import { useQueryClient } from '@tanstack/react-query';
import { Dialog, DotLoading, ErrorBlock, NavBar, PullToRefresh, Tabs, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { careKeys } from '../../http/care';
import { errorText } from '../../http/errors';
import { newClientId } from '../../modules/ledger/common/uuid';
import { type CareSent, deliverTask, takeTask } from './api';
import { DeliverPopup } from './DeliverPopup';
import { useCareTasks } from './data';
import { CardButton, TaskCard } from './TaskCard';
import type { TaskRow } from './tasks';

/**
 * 我的配送 (/field/care): my tasks on their way (and delivered today) and the open requests of my place
 * to take; 接单 and 送达 go through the phone's queue, so that a stairwell without a network loses
 * nothing. Kept on the phone; a write waiting to be sent shows at once.
 */
export function FieldCare() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { mine, open, day, error, isPending, refetch } = useCareTasks();
  const [tab, setTab] = useState('mine');
  const [busy, setBusy] = useState<string | null>(null);
  const [delivering, setDelivering] = useState<TaskRow | null>(null);
  const [deliverError, setDeliverError] = useState<string | null>(null);
  // one client id per request and action, kept across retries of the same tap (DESIGN rule 4)
  const ids = useRef(new Map<string, string>());
  const idFor = (key: string) => {
    const id = ids.current.get(key) ?? newClientId();
    ids.current.set(key, id);
    return id;
  };

  /** After a write: the answer said, the list refreshed; answers whether it went (or waits). */
  const after = (r: CareSent, done: string, key: string): boolean => {
    if (r.state === 'refused') {
      void Dialog.alert({
        content: <div data-testid="care-refused">{[r.message, ...r.fields].join(' ')}</div>,
      });
      ids.current.delete(key);
      void queryClient.invalidateQueries({ queryKey: careKeys.tasks });
      return false;
    }
    ids.current.delete(key);
    Toast.show({ icon: 'success', content: r.state === 'queued' ? t('fieldOffline.queued') : done });
    if (r.state === 'sent') void queryClient.invalidateQueries({ queryKey: careKeys.tasks });
    return true;
  };

  const take = async (row: TaskRow) => {
    const key = `take:${row.id}`;
    setBusy(key);
    try {
      const r = await takeTask(row.id, idFor(key), t('care.field.queueTake', { address: row.address }));
      if (after(r, t('care.field.taken'), key)) setTab('mine');
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e) });
    } finally {
      setBusy(null);
    }
  };

  const deliver = async (receivedBy: string, note: string) => {
    if (!delivering) return;
    const row = delivering;
    const key = `deliver:${row.id}`;
    setBusy(key);
    setDeliverError(null);
    try {
      const r = await deliverTask(
        row.id,
        idFor(key),
        { receivedBy, ...(note ? { note } : {}) },
        t('care.field.queueDeliver', { address: row.address }),
      );
      if (r.state === 'refused') {
        ids.current.delete(key);
        setDeliverError([r.message, ...r.fields].join(' '));
        return;
      }
      after(r, t('care.field.delivered'), key);
      setDelivering(null);
    } catch (e) {
      setDeliverError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  /** The one action a card needs: take an open one, mark one on its way delivered; none once done. */
  const actionOf = (r: TaskRow) => {
    if (r.pending === 'deliver' || r.state === 'delivered' || r.state === 'cancelled') return null;
    if (r.state === 'assigned' || r.pending === 'take')
      return (
        <CardButton
          color="success"
          onClick={() => {
            setDeliverError(null);
            setDelivering(r);
          }}
          testId={`care-task-deliver-${r.id}`}
        >
          {t('care.field.deliver')}
        </CardButton>
      );
    return (
      <CardButton
        loading={busy === `take:${r.id}`}
        onClick={() => void take(r)}
        testId={`care-task-take-${r.id}`}
      >
        {t('care.field.take')}
      </CardButton>
    );
  };

  const list = (rows: TaskRow[] | undefined, empty: string, testId: string) => (
    <div style={{ padding: '0 8px' }} data-testid={testId}>
      {rows?.length === 0 && <ErrorBlock status="empty" title={empty} description="" />}
      {rows?.map((r) => (
        <TaskCard key={r.id} row={r} today={day} action={actionOf(r)} />
      ))}
    </div>
  );

  const onWay = (mine ?? []).filter((r) => r.state === 'assigned' && r.pending !== 'deliver').length;
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
        {t('care.field.title')}
      </NavBar>
      <PullToRefresh onRefresh={async () => void (await refetch())}>
        {day && (
          <div
            style={{ padding: '10px 14px', background: '#fff', color: '#555' }}
            data-testid="care-field-summary"
          >
            {t('care.field.summary', { day, mine: onWay, open: open?.length ?? 0 })}
          </div>
        )}
        {isPending && (
          <div style={{ padding: 48, textAlign: 'center' }}>
            <DotLoading color="primary" />
          </div>
        )}
        {!mine && error ? <ErrorBlock status="default" title={errorText(error)} description="" /> : null}
        {mine && (
          <Tabs activeKey={tab} onChange={setTab} style={{ background: '#fff' }}>
            <Tabs.Tab
              title={<span data-testid="care-tab-mine">{t('care.field.mine', { n: onWay })}</span>}
              key="mine"
            >
              {list(mine, t('care.field.emptyMine'), 'care-mine')}
            </Tabs.Tab>
            <Tabs.Tab
              title={
                <span data-testid="care-tab-open">{t('care.field.open', { n: open?.length ?? 0 })}</span>
              }
              key="open"
            >
              {list(open, t('care.field.emptyOpen'), 'care-open')}
            </Tabs.Tab>
          </Tabs>
        )}
      </PullToRefresh>
      <DeliverPopup
        row={delivering}
        busy={!!busy && busy.startsWith('deliver:')}
        error={deliverError}
        onConfirm={(by, note) => void deliver(by, note)}
        onClose={() => setDelivering(null)}
      />
    </div>
  );
}
