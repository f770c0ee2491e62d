import Icon, {
  FlagFilled,
  HeartFilled,
  HomeFilled,
  SafetyCertificateFilled,
  StarFilled,
} from '@ant-design/icons';
import type { CSSProperties, ReactNode } from 'react';
import { MARKER_INFO, MARKERS, type Marker, type MarkerSymbol } from '../../../../domain/ledger/markers';
import { useLanguage } from '../../../i18n/useLanguage';
import { markerLabel } from './labels';

// The symbols drawn over a household's colour (source 000: flags and stars so that helpers can be found,
// red hearts so that families who need help get it). Each marker has its own shape and colour, so that
// they are told apart at a glance (issue 10): a red party flag, a gold star for building leaders, a green
// badge for volunteers; a red heart for low income, a purple wheelchair for the disabled, an orange house
// for the elderly living alone, a blue bed for the immobile.

const wheelchair = () => (
  <svg viewBox="0 0 24 24" width="1em" height="1em" fill="currentColor" aria-hidden="true">
    <circle cx="10" cy="3.2" r="2.2" />
    <path d="M8.6 6.8h2.6v4.6h4.9l3.4 6.4-2.1 1.1-2.8-5.1H9.9a1.3 1.3 0 0 1-1.3-1.3z" />
    <path d="M6.9 9.9l.5 2.3a4.6 4.6 0 1 0 7.2 4.9l2.1 1a6.9 6.9 0 1 1-9.8-8.2z" />
  </svg>
);

const bed = () => (
  <svg viewBox="0 0 24 24" width="1em" height="1em" fill="currentColor" aria-hidden="true">
    <path d="M2 5h2.2v8.5H22V20h-2.2v-2.5H4.2V20H2z" />
    <circle cx="7.6" cy="10.3" r="2.3" />
    <path d="M11 8h7.5a3.5 3.5 0 0 1 3.5 3.5v1H11z" />
  </svg>
);

/** Shape and colour of each symbol (the legend and every list use the same). */
const GLYPH: Record<MarkerSymbol, (style?: CSSProperties) => ReactNode> = {
  flag: (style) => <FlagFilled style={{ color: '#cf1322', ...style }} />,
  star: (style) => <StarFilled style={{ color: '#d48806', ...style }} />,
  badge: (style) => <SafetyCertificateFilled style={{ color: '#389e0d', ...style }} />,
  red_heart: (style) => <HeartFilled style={{ color: '#cf1322', ...style }} />,
  wheelchair: (style) => <Icon component={wheelchair} style={{ color: '#722ed1', ...style }} />,
  home: (style) => <HomeFilled style={{ color: '#d46b08', ...style }} />,
  bed: (style) => <Icon component={bed} style={{ color: '#0958d9', ...style }} />,
};

export function MarkerGlyph({ marker, style }: { marker: Marker; style?: CSSProperties }) {
  return (
    <span data-symbol={MARKER_INFO[marker].symbol} style={{ display: 'inline-flex' }}>
      {GLYPH[MARKER_INFO[marker].symbol](style)}
    </span>
  );
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

/** Every marker with its symbol and label: the legend of the ledger, the building view and the door list. */
export function MarkerLegend({ gap = 16 }: { gap?: number }) {
  const [lang] = useLanguage();
  return (
    <span
      data-testid="marker-legend"
      style={{ display: 'inline-flex', flexWrap: 'wrap', columnGap: gap, rowGap: 4, alignItems: 'center' }}
    >
      {MARKERS.map((m) => (
        <span key={m} style={{ whiteSpace: 'nowrap', display: 'inline-flex', gap: 4, alignItems: 'center' }}>
          <MarkerGlyph marker={m} /> {markerLabel(m, lang)}
        </span>
      ))}
    </span>
  );
}
