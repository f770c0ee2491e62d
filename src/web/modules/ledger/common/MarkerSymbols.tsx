import { FlagFilled, HeartFilled, HeartOutlined, StarFilled } from '@ant-design/icons';
import type { CSSProperties, ReactNode } from 'react';
import { MARKER_INFO, MARKERS, type Marker, type MarkerSymbol } from '../../../../domain/ledger/markers';
import { useLanguage } from '../../../i18n/useLanguage';
import { markerLabel } from './labels';

// The symbols drawn over a household's colour (source 000): a party flag for party members, stars for
// building leaders and volunteers (helpers to be found), red hearts for low-income and disabled families,
// hearts for the elderly living alone and the immobile (who need help).

const GLYPH: Record<MarkerSymbol, (style?: CSSProperties) => ReactNode> = {
  flag: (style) => <FlagFilled style={{ color: '#cf1322', ...style }} />,
  star: (style) => <StarFilled style={{ color: '#d48806', ...style }} />,
  red_heart: (style) => <HeartFilled style={{ color: '#cf1322', ...style }} />,
  heart: (style) => <HeartOutlined style={{ color: '#cf1322', ...style }} />,
};

export function MarkerGlyph({ marker, style }: { marker: Marker; style?: CSSProperties }) {
  return <>{GLYPH[MARKER_INFO[marker].symbol](style)}</>;
}

/** Marker counts (a household's) or a list (a resident's) as symbols, each titled with its label. */
export function MarkerSymbols({
  markers,
  withLabels = false,
  size,
}: {
  markers: Partial<Record<Marker, number>> | readonly string[];
  withLabels?: boolean;
  size?: number;
}) {
  const [lang] = useLanguage();
  const counts: Partial<Record<Marker, number>> = Array.isArray(markers)
    ? Object.fromEntries((markers as string[]).map((m) => [m, 1]))
    : (markers as Partial<Record<Marker, number>>);
  const shown = MARKERS.filter((m) => (counts[m] ?? 0) > 0);
  if (shown.length === 0) return null;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
      {shown.map((m) => (
        <span
          key={m}
          title={markerLabel(m, lang)}
          data-testid={`marker-${m}`}
          style={{ whiteSpace: 'nowrap', fontSize: size }}
        >
          <MarkerGlyph marker={m} />
          {withLabels && <span style={{ marginLeft: 2 }}>{markerLabel(m, lang)}</span>}
          {(counts[m] ?? 0) > 1 && <sub style={{ marginLeft: 1 }}>{counts[m]}</sub>}
        </span>
      ))}
    </span>
  );
}
