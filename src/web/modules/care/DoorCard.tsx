import { QRCode } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The card printed for the household's door or handed over (A4 portrait): its address, a big QR code of
 * its own page, how to use it. It says nothing of why the household may ask (低保, isolation).
 */
export function DoorCard({ address, link }: { address: string; link: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ textAlign: 'center', paddingTop: '12mm' }} data-testid="care-door-card">
      <div style={{ fontSize: '30pt', fontWeight: 800, color: '#c62828' }}>
        {t('care.household.cardTitle')}
      </div>
      <div style={{ fontSize: '18pt', margin: '6mm 0' }}>{address}</div>
      <QRCode
        value={link}
        size={520}
        bordered={false}
        type="svg"
        style={{ margin: '0 auto', width: '120mm', height: '120mm' }}
      />
      <div style={{ fontSize: '15pt', margin: '8mm 16mm 0', lineHeight: 1.6 }}>
        {t('care.household.cardHint')}
      </div>
      <div style={{ fontSize: '11pt', color: '#555', marginTop: '6mm' }}>{t('care.household.cardFoot')}</div>
    </div>
  );
}
