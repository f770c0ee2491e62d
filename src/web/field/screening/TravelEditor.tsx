import { Button, Input, Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { COMMON_PLACES } from '../../modules/ledger/common/places';
import type { TravelDraft } from './visitDraft';

const dateStyle: React.CSSProperties = {
  fontSize: 16,
  padding: '8px 6px',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  width: '100%',
  boxSizing: 'border-box',
  background: '#fff',
};

/** "近14天去过哪里": the stays of one resident, a common place or a typed code, with the days. */
export function TravelEditor({
  prefix,
  value,
  min,
  max,
  onChange,
}: {
  prefix: string;
  value: TravelDraft[];
  min: string;
  max: string;
  onChange: (v: TravelDraft[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<TravelDraft>) =>
    onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <div>
      {value.map((s, i) => (
        <div
          key={s.id}
          data-testid={`${prefix}-${i}`}
          style={{
            border: '1px solid #f0f0f0',
            borderRadius: 8,
            padding: 8,
            marginBottom: 8,
            background: '#fafafa',
          }}
        >
          <Selector<string>
            columns={2}
            showCheckMark={false}
            value={[s.place]}
            onChange={(v) => {
              const place = v[0];
              if (!place) return;
              const common = COMMON_PLACES.find((p) => p.code === place);
              set(i, { place, name: common ? t(`places.${common.key}`) : '' });
            }}
            options={[
              ...COMMON_PLACES.map((p) => ({
                value: p.code,
                label: <span data-testid={`${prefix}-${i}-place-${p.code}`}>{t(`places.${p.key}`)}</span>,
              })),
              {
                value: 'other',
                label: <span data-testid={`${prefix}-${i}-place-other`}>{t('places.other')}</span>,
              },
            ]}
          />
          {s.place === 'other' && (
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, marginTop: 8 }}>
              <input
                style={dateStyle}
                inputMode="numeric"
                placeholder={t('fieldScreening.placeCode')}
                value={s.code}
                onChange={(e) => set(i, { code: e.target.value })}
                data-testid={`${prefix}-${i}-code`}
              />
              <Input
                style={{ ...dateStyle, '--font-size': '16px' } as React.CSSProperties}
                placeholder={t('fieldScreening.placeName')}
                value={s.name}
                onChange={(name) => set(i, { name })}
              />
            </div>
          )}
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, marginTop: 8 }}>
            <label style={{ fontSize: 13, color: '#666' }}>
              {t('fieldScreening.from')}
              <input
                type="date"
                style={dateStyle}
                min={min}
                max={max}
                value={s.from}
                onChange={(e) =>
                  set(i, { from: e.target.value, to: s.to && s.to < e.target.value ? e.target.value : s.to })
                }
                data-testid={`${prefix}-${i}-from`}
              />
            </label>
            <label style={{ fontSize: 13, color: '#666' }}>
              {t('fieldScreening.to')}
              <input
                type="date"
                style={dateStyle}
                min={s.from || min}
                max={max}
                value={s.to}
                onChange={(e) => set(i, { to: e.target.value })}
                data-testid={`${prefix}-${i}-to`}
              />
            </label>
          </div>
          <Button
            size="mini"
            fill="none"
            color="danger"
            style={{ marginTop: 4 }}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            data-testid={`${prefix}-${i}-remove`}
          >
            {t('fieldScreening.remove')}
          </Button>
        </div>
      ))}
      <Button
        size="small"
        color="primary"
        fill="outline"
        onClick={() =>
          onChange([
            ...value,
            {
              id: Date.now() + value.length,
              place: '420100',
              code: '',
              name: t('places.wuhan'),
              from: '',
              to: '',
            },
          ])
        }
        data-testid={`${prefix}-add`}
      >
        + {t('fieldScreening.addTravel')}
      </Button>
    </div>
  );
}
