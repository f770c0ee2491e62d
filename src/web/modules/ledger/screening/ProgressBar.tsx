import { Tooltip } from 'antd';
import { COLOURS, HOUSEHOLD_COLOURS } from '../../../../domain/ledger/colours';
import type { ProgressTally } from '../../../http/ledger';
import { useLanguage } from '../../../i18n/useLanguage';
import { colourName } from '../common/labels';

/** Households of a campaign by colour, as one stacked bar (the colour each door has now). */
export function ColourBar({ tally, height = 12 }: { tally: ProgressTally; height?: number }) {
  const [lang] = useLanguage();
  if (tally.total === 0) return null;
  return (
    <div
      style={{ display: 'flex', height, borderRadius: 3, overflow: 'hidden', border: '1px solid #d9d9d9' }}
      data-testid="progress-colours"
    >
      {HOUSEHOLD_COLOURS.map((c) => {
        const n = tally.byColour[c] ?? 0;
        if (n === 0) return null;
        return (
          <Tooltip key={c} title={`${colourName(c, lang)} ${n}`}>
            <div
              data-colour={c}
              data-count={n}
              style={{ width: `${(100 * n) / tally.total}%`, background: COLOURS[c].fill }}
            />
          </Tooltip>
        );
      })}
    </div>
  );
}
