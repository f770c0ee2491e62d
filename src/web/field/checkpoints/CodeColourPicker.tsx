import { useTranslation } from 'react-i18next';
import { CODE_COLOURS, type CodeColour } from '../../http/checkpoints';

const COLOURS: Record<CodeColour, string> = { green: '#389e0d', yellow: '#d4b106', red: '#cf1322' };

/** 健康码 / 行程码 as shown: green, yellow, red, or not shown (a second tap clears it). */
export function CodeColourPicker({
  value,
  onChange,
  testId,
}: {
  value: CodeColour | null;
  onChange: (v: CodeColour | null) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 6 }}>
      {CODE_COLOURS.map((c) => (
        <button
          key={c}
          type="button"
          onClick={() => onChange(value === c ? null : c)}
          data-testid={`${testId}-${c}`}
          data-active={value === c}
          style={{
            height: 40,
            fontSize: 16,
            borderRadius: 6,
            border: `2px solid ${COLOURS[c]}`,
            background: value === c ? COLOURS[c] : '#fff',
            color: value === c ? '#fff' : COLOURS[c],
          }}
        >
          {t(`checkpoints.colour.${c}`)}
        </button>
      ))}
    </div>
  );
}
