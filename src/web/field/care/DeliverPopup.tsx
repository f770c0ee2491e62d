import { Button, Input, Popup, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskRow } from './tasks';

/** 登记送达 at the door: who received it (本人, 家属 with one tap, or a name), a note; then confirm. */
export function DeliverPopup({
  row,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  row: TaskRow | null;
  busy: boolean;
  error: string | null;
  onConfirm: (receivedBy: string, note: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [receivedBy, setReceivedBy] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const missing = receivedBy.trim() === '';
  const quick = [t('care.deliver.self'), t('care.deliver.family')];
  return (
    <Popup
      visible={!!row}
      onMaskClick={onClose}
      onClose={onClose}
      afterClose={() => {
        setReceivedBy('');
        setNote('');
        setTried(false);
      }}
      bodyStyle={{ borderRadius: '12px 12px 0 0', padding: 16 }}
    >
      <div data-testid="care-deliver-popup">
        <div style={{ fontSize: 20, fontWeight: 700 }}>{t('care.deliver.title')}</div>
        <div style={{ color: '#555', margin: '4px 0 12px' }}>{row?.address}</div>
        <div style={{ fontSize: 16, marginBottom: 6 }}>{t('care.deliver.receivedBy')}</div>
        <div style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
          {quick.map((q, i) => (
            <Button
              key={q}
              size="large"
              color={receivedBy === q ? 'primary' : 'default'}
              onClick={() => setReceivedBy(q)}
              data-testid={`care-deliver-quick-${i}`}
            >
              {q}
            </Button>
          ))}
        </div>
        <Input
          value={receivedBy}
          onChange={setReceivedBy}
          maxLength={30}
          clearable
          placeholder={t('care.deliver.receivedByHint')}
          style={{
            '--font-size': '18px',
            boxSizing: 'border-box',
            border: '1px solid #d9d9d9',
            borderRadius: 6,
            padding: '8px 10px',
          }}
          data-testid="care-deliver-name"
        />
        {tried && missing && (
          <div style={{ color: '#cf1322', marginTop: 6 }} data-testid="care-deliver-missing">
            {t('care.deliver.required')}
          </div>
        )}
        <div style={{ fontSize: 16, margin: '12px 0 6px' }}>{t('care.deliver.note')}</div>
        <TextArea
          value={note}
          onChange={setNote}
          maxLength={300}
          rows={2}
          style={{ boxSizing: 'border-box', border: '1px solid #d9d9d9', borderRadius: 6, padding: 8 }}
        />
        {error && (
          <div style={{ color: '#cf1322', marginTop: 8 }} data-testid="care-deliver-error">
            {error}
          </div>
        )}
        <div style={{ display: 'flex', gap: 10, marginTop: 16 }}>
          <Button block size="large" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            block
            size="large"
            color="success"
            loading={busy}
            onClick={() => {
              setTried(true);
              if (!missing) onConfirm(receivedBy.trim(), note.trim());
            }}
            data-testid="care-deliver-confirm"
          >
            {t('care.deliver.ok')}
          </Button>
        </div>
      </div>
    </Popup>
  );
}
