import { useTranslation } from 'react-i18next';
import { DIGIT_KEYS, keyboardMode, LETTER_ROWS, pressKey, provinceKeys, SPECIAL_KEYS } from './plateKeys';

const keyStyle: React.CSSProperties = {
  minWidth: 0,
  height: 46,
  fontSize: 20,
  border: 'none',
  borderRadius: 6,
  background: '#fff',
  color: '#222',
  boxShadow: '0 1px 0 #999',
  padding: 0,
};

function Row({ keys, onKey, cols }: { keys: string[]; onKey: (k: string) => void; cols: number }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(${cols}, 1fr)`, gap: 5, marginBottom: 5 }}>
      {keys.map((k) => (
        <button
          key={k}
          type="button"
          style={keyStyle}
          onClick={() => onKey(k)}
          data-testid={`plate-key-${k}`}
        >
          {k}
        </button>
      ))}
    </div>
  );
}

/**
 * The plate keyboard: the province characters until the first is typed (豫 first), then digits, letters
 * and the characters of special plates (挂 使 领 港 澳 警 学). Big keys, for a gloved hand at night.
 */
export function PlateKeyboard({
  value,
  onChange,
  onDone,
}: {
  value: string;
  onChange: (plate: string) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const key = (k: string) => onChange(pressKey(value, k));
  const mode = keyboardMode(value);
  return (
    <div style={{ background: '#d1d5db', padding: 6, borderRadius: 8 }} data-testid="plate-keyboard">
      {mode === 'province' ? (
        <Row keys={provinceKeys()} onKey={key} cols={8} />
      ) : (
        <>
          <Row keys={DIGIT_KEYS} onKey={key} cols={10} />
          {LETTER_ROWS.map((r) => (
            <Row key={r.join('')} keys={r} onKey={key} cols={10} />
          ))}
          <Row keys={SPECIAL_KEYS} onKey={key} cols={7} />
        </>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 5 }}>
        <button type="button" style={keyStyle} onClick={() => onChange('')} data-testid="plate-key-clear">
          {t('checkpoints.field.plateClear')}
        </button>
        <button type="button" style={keyStyle} onClick={() => key('back')} data-testid="plate-key-back">
          ⌫
        </button>
        <button
          type="button"
          style={{ ...keyStyle, background: '#c62828', color: '#fff' }}
          onClick={onDone}
          data-testid="plate-key-done"
        >
          {t('checkpoints.field.plateDone')}
        </button>
      </div>
    </div>
  );
}
