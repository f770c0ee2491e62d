import { PhoneOutlined } from '@ant-design/icons';
import { Button, List, Popup, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../http/auth';
import { errorText } from '../../http/errors';
import { type Door, revealResident } from '../../http/ledger';
import { useLanguage } from '../../i18n/useLanguage';
import { relationLabel } from '../../modules/ledger/common/labels';

/** One resident's phone: masked; 查看号码 reveals it (pii.reveal, audited by the server), then one tap calls. */
function PhoneLine({ resident }: { resident: Door['residents'][number] }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const { data: me } = useMe();
  const [value, setValue] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const k = resident.key;
  const relation = relationLabel(resident.relation, resident.relationText, lang);
  let extra: React.ReactNode = null;
  if (!resident.phoneMasked) extra = <span style={{ color: '#999' }}>{t('find.doors.noPhone')}</span>;
  else if (value)
    extra = (
      <a href={`tel:${value}`} data-testid={`field-call-${k}`} style={{ fontSize: 18, fontWeight: 600 }}>
        <PhoneOutlined /> {value}
      </a>
    );
  else if (hasPermission(me, 'pii.reveal'))
    extra = (
      <Button
        size="small"
        color="primary"
        fill="outline"
        loading={loading}
        data-testid={`field-reveal-${k}`}
        onClick={async () => {
          setLoading(true);
          try {
            setValue((await revealResident(k, 'phone')).value);
          } catch (err) {
            Toast.show({ content: errorText(err) });
          } finally {
            setLoading(false);
          }
        }}
      >
        {t('find.doors.reveal')}
      </Button>
    );
  return (
    <List.Item
      data-testid={`field-phone-${k}`}
      description={!value && resident.phoneMasked ? resident.phoneMasked : undefined}
      extra={extra}
    >
      {resident.name}
      {relation && <span style={{ color: '#888', fontSize: 14 }}> {relation}</span>}
    </List.Item>
  );
}

/** Whether a door has a phone to show (a living resident with one on record). */
export function hasPhones(door: Door): boolean {
  return door.residents.some((r) => (r.status === 'present' || r.status === 'away') && r.phoneMasked);
}

/** The phone button of a door in the list: opens the sheet, without opening the door. */
export function PhonesButton({ door, onOpen }: { door: Door; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="small"
      fill="none"
      aria-label={t('find.doors.phones')}
      data-testid={`field-phones-${door.key}`}
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
      style={{ fontSize: 20, padding: '4px 8px' }}
    >
      <PhoneOutlined />
    </Button>
  );
}

/** A door's phones in a sheet from the bottom: revealed (audited) and called from there. */
export function PhonesSheet({
  door,
  title,
  onClose,
}: {
  door: Door | null;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const living = (door?.residents ?? []).filter((r) => r.status === 'present' || r.status === 'away');
  return (
    <Popup
      visible={door !== null}
      onMaskClick={onClose}
      onClose={onClose}
      bodyStyle={{ borderTopLeftRadius: 8, borderTopRightRadius: 8, paddingBottom: 16 }}
      destroyOnClose
    >
      <List header={t('find.doors.phonesTitle', { door: title })} data-testid="field-phones">
        {living.map((r) => (
          <PhoneLine key={r.key} resident={r} />
        ))}
      </List>
      <div style={{ padding: '8px 16px' }}>
        <Button block onClick={onClose} data-testid="field-phones-close">
          {t('find.doors.close')}
        </Button>
      </div>
    </Popup>
  );
}
