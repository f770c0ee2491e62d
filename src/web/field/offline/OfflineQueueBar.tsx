import { Button, List, Popup, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../../shell/dates';
import type { QueuedWrite } from './db';
import { fieldQueue } from './fieldQueue';
import { useOnline, useQueuedWrites } from './useQueue';

function ItemState({ item }: { item: QueuedWrite }) {
  const { t } = useTranslation();
  if (item.state === 'refused') {
    return (
      <div style={{ color: '#cf1322' }} data-testid="offline-queue-refusal">
        {t('fieldOffline.stateRefused')}
        {t('common.colon')}
        {item.error?.message}
        {(item.error?.fields ?? []).map((f) => (
          <div key={f.path}>{f.message}</div>
        ))}
      </div>
    );
  }
  if (item.attempts > 0) {
    return (
      <span style={{ color: '#d48806' }}>
        {t('fieldOffline.stateRetry', { n: item.attempts, at: formatClock(item.nextAt) })}
      </span>
    );
  }
  return <span>{t('fieldOffline.stateWaiting')}</span>;
}

/**
 * The queue on every field screen: a strip that says the phone is offline and how many records wait to
 * be sent (or were refused); tapped, the list of them, with the refusals' messages and a way to remove
 * them. Nothing shows when the phone is online and nothing waits.
 */
export function OfflineQueueBar() {
  const { t } = useTranslation();
  const online = useOnline();
  const items = useQueuedWrites();
  const [open, setOpen] = useState(false);
  const waiting = items.filter((i) => i.state === 'pending').length;
  const refused = items.length - waiting;
  if (online && items.length === 0) return null;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        data-testid="offline-queue-bar"
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          width: '100%',
          padding: '8px 12px',
          border: 0,
          background: online ? '#fffbe6' : '#fff1f0',
          fontSize: 15,
          textAlign: 'left',
        }}
      >
        {!online && (
          <Tag color="danger" data-testid="offline-flag">
            {t('fieldOffline.offline')}
          </Tag>
        )}
        {waiting > 0 && (
          <Tag color="warning" data-testid="offline-queue-badge">
            {t('fieldOffline.waiting', { n: waiting })}
          </Tag>
        )}
        {refused > 0 && (
          <Tag color="danger" fill="outline" data-testid="offline-queue-refused">
            {t('fieldOffline.refused', { n: refused })}
          </Tag>
        )}
        {!online && items.length === 0 && (
          <span style={{ color: '#888', fontSize: 13 }}>{t('fieldOffline.offlineHint')}</span>
        )}
        <span style={{ marginLeft: 'auto', color: '#999' }}>›</span>
      </button>
      <Popup
        visible={open}
        onMaskClick={() => setOpen(false)}
        onClose={() => setOpen(false)}
        bodyStyle={{ maxHeight: '75vh', overflowY: 'auto', borderRadius: '12px 12px 0 0' }}
      >
        <div data-testid="offline-queue-list" style={{ padding: '12px 0 24px' }}>
          <div style={{ display: 'flex', alignItems: 'center', padding: '0 16px 8px' }}>
            <span style={{ fontSize: 18, fontWeight: 600 }}>{t('fieldOffline.queueTitle')}</span>
            <Button
              size="small"
              color="primary"
              fill="outline"
              style={{ marginLeft: 'auto' }}
              disabled={waiting === 0}
              onClick={() => void fieldQueue.wake()}
              data-testid="offline-queue-send"
            >
              {t('fieldOffline.sendNow')}
            </Button>
          </div>
          {!online && (
            <div style={{ padding: '0 16px 8px', color: '#888' }}>{t('fieldOffline.offlineHint')}</div>
          )}
          {items.length === 0 ? (
            <div style={{ padding: 16, color: '#888' }}>{t('fieldOffline.queueEmpty')}</div>
          ) : (
            <List>
              {items.map((item) => (
                <List.Item
                  key={item.clientId}
                  data-testid={`offline-queue-item-${item.kind}`}
                  description={<ItemState item={item} />}
                  extra={
                    item.state === 'refused' && (
                      <Button
                        size="small"
                        color="danger"
                        fill="none"
                        onClick={() => void fieldQueue.dismiss(item.clientId)}
                        data-testid="offline-queue-dismiss"
                      >
                        {t('fieldOffline.dismiss')}
                      </Button>
                    )
                  }
                >
                  <div style={{ fontSize: 16 }}>{item.label}</div>
                  <div style={{ fontSize: 12, color: '#999' }}>{formatClock(item.createdAt)}</div>
                </List.Item>
              ))}
            </List>
          )}
        </div>
      </Popup>
    </>
  );
}
