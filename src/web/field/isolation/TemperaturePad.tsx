import { useTranslation } from 'react-i18next';
import { PAD_KEYS, type PadKey, pressKey, QUICK_TEMPERATURES } from './checkDraft';

const keyStyle: React.CSSProperties = {
  minWidth: 0,
  height: 52,
  fontSize: 24,
  border: 'none',
  borderRadius: 6,
  background: '#fff',
  color: '#222',
  boxShadow: '0 1px 0 #999',
  padding: 0,
};

/**
 * The temperature: the reading in big figures, the usual 36.x readings as one tap each, and a numeric
 * keypad of its own (no phone keyboard to open, for a worker at the door at night).
 */
export function TemperaturePad({
  value,
  onChange,
  alarming,
  warning,
}: {
  value: string;
  onChange: (text: string) => void;
  alarming: boolean;
  /** shown right under the reading (the fever warning), where the eye is while typing */
  warning?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const key = (k: PadKey) => onChange(pressKey(value, k));
  return (
    <div>
      <div
        data-testid="check-temperature"
        style={{
          height: 64,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontSize: value ? 40 : 18,
          fontWeight: 700,
          borderRadius: 8,
          border: `2px solid ${alarming ? '#cf1322' : '#d9d9d9'}`,
          color: alarming ? '#cf1322' : value ? '#222' : '#999',
          background: alarming ? '#fff1f0' : '#fff',
          marginBottom: 8,
        }}
      >
        {value ? `${value} ℃` : t('fieldIsolation.temperatureEmpty')}
      </div>
      {warning}
      <div style={{ color: '#666', margin: '4px 0' }}>{t('fieldIsolation.quick')}</div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gap: 6, marginBottom: 8 }}>
        {QUICK_TEMPERATURES.map((q) => (
          <button
            key={q}
            type="button"
            onClick={() => onChange(q)}
            data-testid={`temp-quick-${q}`}
            style={{
              ...keyStyle,
              height: 48,
              fontSize: 19,
              background: value === q ? '#c62828' : '#fff',
              color: value === q ? '#fff' : '#222',
            }}
          >
            {q}
          </button>
        ))}
      </div>
      <div
        style={{
          background: '#d1d5db',
          padding: 6,
          borderRadius: 8,
          display: 'grid',
          gridTemplateColumns: 'repeat(3, 1fr)',
          gap: 6,
        }}
        data-testid="temp-pad"
      >
        {PAD_KEYS.map((k) => (
          <button
            key={k}
            type="button"
            style={keyStyle}
            onClick={() => key(k)}
            data-testid={`temp-key-${k}`}
            aria-label={k === 'del' ? t('fieldIsolation.keyDelete') : k}
          >
            {k === 'del' ? '⌫' : k}
          </button>
        ))}
        <button
          type="button"
          style={{ ...keyStyle, gridColumn: 'span 3', height: 44, fontSize: 18 }}
          onClick={() => key('clear')}
          data-testid="temp-key-clear"
        >
          {t('fieldIsolation.keyClear')}
        </button>
      </div>
    </div>
  );
}
