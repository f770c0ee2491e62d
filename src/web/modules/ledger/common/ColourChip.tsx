import type { CSSProperties } from 'react';
import { COLOURS, type HouseholdColour } from '../../../../domain/ledger/colours';
import { useLanguage } from '../../../i18n/useLanguage';
import { colourName } from './labels';
import { useColourMeaning } from './useColourMeaning';

/** A household's colour as the paper ledgers show it: the colour's own fill, its name, its meaning on hover. */
export function ColourChip({
  colour,
  long = false,
  testId,
  style,
}: {
  colour: HouseholdColour;
  /** the meaning (重点关注户) instead of the colour's name (红) */
  long?: boolean;
  testId?: string;
  style?: CSSProperties;
}) {
  const [lang] = useLanguage();
  const meaning = useColourMeaning();
  const info = COLOURS[colour];
  return (
    <span
      data-testid={testId}
      data-colour={colour}
      title={meaning(colour)}
      style={{
        display: 'inline-block',
        padding: '0 8px',
        lineHeight: '22px',
        borderRadius: 4,
        background: info.fill,
        color: info.text,
        border: `1px solid ${info.border}`,
        whiteSpace: 'nowrap',
        fontSize: 13,
        ...style,
      }}
    >
      {long ? meaning(colour) : colourName(colour, lang)}
    </span>
  );
}
