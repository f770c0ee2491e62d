import { Input } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ITEM_KIND_INFO, type ItemKind } from '../../../domain/care/items';
import { type GoodsLine, stepQuantity } from '../../modules/care/askDraft';
import { useCareLabels } from '../../modules/care/useCareLabels';

/** kinds whose precision matters to the buyer (青菜, 卫生纸), asked for when they are chosen */
const NAMED = new Set<ItemKind>(['vegetables', 'necessities']);

const round: React.CSSProperties = {
  width: 48,
  height: 48,
  borderRadius: 24,
  fontSize: 28,
  lineHeight: '44px',
  border: '2px solid #c62828',
  background: '#fff',
  color: '#c62828',
  padding: 0,
};

/**
 * One kind of goods on the household's page: its name, − and + (big, for old hands), the number, the
 * unit (a tap changes it when the kind has several), and the name when one is needed (which medicine).
 */
export function GoodsRow({
  kind,
  line,
  issues,
  onChange,
}: {
  kind: ItemKind;
  line: GoodsLine;
  issues: string[] | undefined;
  onChange: (line: GoodsLine) => void;
}) {
  const { t } = useTranslation();
  const labels = useCareLabels();
  const info = ITEM_KIND_INFO[kind];
  const on = line.quantity > 0;
  const nextUnit = () => {
    const i = info.units.indexOf(line.unit);
    onChange({ ...line, unit: info.units[(i + 1) % info.units.length] });
  };
  return (
    <div
      data-testid={`care-goods-${kind}`}
      style={{ padding: '10px 12px', borderBottom: '1px solid #eee', background: on ? '#fff7f6' : '#fff' }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
        <span style={{ fontSize: 21, fontWeight: on ? 700 : 500, flex: 1 }}>{labels.kind(kind)}</span>
        <button
          type="button"
          style={{ ...round, opacity: on ? 1 : 0.35 }}
          disabled={!on}
          aria-label={t('care.public.less', { what: labels.kind(kind) })}
          onClick={() => onChange({ ...line, quantity: stepQuantity(line.quantity, -1) })}
          data-testid={`care-minus-${kind}`}
        >
          −
        </button>
        <span
          style={{ minWidth: 44, textAlign: 'center', fontSize: 24, fontWeight: 700 }}
          data-testid={`care-qty-${kind}`}
        >
          {line.quantity}
        </span>
        <button
          type="button"
          style={{ ...round, background: '#c62828', color: '#fff' }}
          aria-label={t('care.public.more', { what: labels.kind(kind) })}
          onClick={() => onChange({ ...line, quantity: stepQuantity(line.quantity, 1) })}
          data-testid={`care-plus-${kind}`}
        >
          +
        </button>
        <button
          type="button"
          onClick={nextUnit}
          disabled={info.units.length < 2}
          data-testid={`care-unit-${kind}`}
          style={{
            minWidth: 52,
            height: 40,
            fontSize: 18,
            borderRadius: 6,
            border: info.units.length > 1 ? '1px solid #999' : 'none',
            background: '#fff',
            color: '#222',
          }}
        >
          {labels.unit(line.unit)}
          {info.units.length > 1 ? ' ▾' : ''}
        </button>
      </div>
      {on && (info.nameRequired || NAMED.has(kind)) && (
        <Input
          value={line.name}
          onChange={(name) => onChange({ ...line, name })}
          maxLength={40}
          placeholder={info.nameRequired ? t('care.public.nameRequired') : t('care.public.namePlaceholder')}
          style={{
            '--font-size': '18px',
            marginTop: 8,
            boxSizing: 'border-box',
            border: '1px solid #d9d9d9',
            borderRadius: 6,
            padding: '6px 10px',
          }}
          data-testid={`care-name-${kind}`}
        />
      )}
      {issues?.map((m) => (
        <div
          key={m}
          style={{ color: '#cf1322', fontSize: 16, marginTop: 6 }}
          data-testid={`care-issue-${kind}`}
        >
          {m}
        </div>
      ))}
    </div>
  );
}
