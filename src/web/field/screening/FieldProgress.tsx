import { ProgressBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { COLOURS, HOUSEHOLD_COLOURS } from '../../../domain/ledger/colours';
import type { ProgressTally } from '../../http/ledger';
import { useLanguage } from '../../i18n/useLanguage';
import { colourName } from '../../modules/ledger/common/labels';

/** A campaign's progress on the phone: visited / total, revisits, and the doors by colour. */
export function FieldProgress({ tally }: { tally: ProgressTally }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const percent = tally.total ? Math.round((100 * tally.visited) / tally.total) : 0;
  return (
    <div style={{ padding: '12px 16px', background: '#fff' }} data-testid="field-progress">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <span style={{ fontSize: 16 }}>
          {t('fieldScreening.visited')}{' '}
          <b style={{ fontSize: 22 }} data-testid="field-progress-visited">
            {tally.visited}
          </b>{' '}
          / <span data-testid="field-progress-total">{tally.total}</span>
        </span>
        <span style={{ color: '#d48806' }} data-testid="field-progress-revisit">
          {t('fieldScreening.revisitN', { n: tally.revisit })}
        </span>
      </div>
      <ProgressBar
        percent={percent}
        style={{ marginTop: 8, '--fill-color': '#c62828' } as React.CSSProperties}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
        {HOUSEHOLD_COLOURS.map((c) => (
          <span
            key={c}
            data-testid={`field-progress-${c}`}
            data-count={tally.byColour[c] ?? 0}
            style={{
              padding: '2px 8px',
              borderRadius: 4,
              fontSize: 13,
              background: COLOURS[c].fill,
              color: COLOURS[c].text,
              border: `1px solid ${COLOURS[c].border}`,
            }}
          >
            {colourName(c, lang)} {tally.byColour[c] ?? 0}
          </span>
        ))}
      </div>
    </div>
  );
}
