import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COLOURS } from '../../../../domain/ledger/colours';
import type { BuildingTile } from '../../../http/ledger';
import { joinList } from '../../../i18n/punctuation';
import { useLanguage } from '../../../i18n/useLanguage';
import { colourName, entranceText } from '../common/labels';
import { MarkerSymbols } from '../common/MarkerSymbols';
import { useColourMeaning } from '../common/useColourMeaning';
import type { EntranceGrid } from './layout';

const TILE_W = 88;
const TILE_H = 66;

function Tile({ h, onOpen }: { h: BuildingTile; onOpen: (key: string) => void }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const meaning = useColourMeaning();
  const info = COLOURS[h.colour];
  const anyMarker = Object.values(h.markers).some((n) => n > 0);
  return (
    <button
      type="button"
      data-testid={`tile-${h.key}`}
      data-colour={h.colour}
      data-door={h.door}
      aria-label={`${h.door} ${colourName(h.colour, lang)} ${t('ledger.residentsN', { n: h.residentCount })}`}
      title={[meaning(h.colour), joinList(h.names), h.override ? t('household.byHand') : '']
        .filter(Boolean)
        .join('\n')}
      onClick={() => onOpen(h.key)}
      style={{
        width: TILE_W,
        height: TILE_H,
        padding: 4,
        borderRadius: 4,
        cursor: 'pointer',
        background: info.fill,
        color: info.text,
        border: `${h.override ? 2 : 1}px ${h.override ? 'dashed' : 'solid'} ${info.border}`,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        alignItems: 'stretch',
        textAlign: 'left',
        lineHeight: 1.2,
      }}
    >
      <span style={{ display: 'flex', justifyContent: 'space-between' }}>
        <b style={{ fontSize: 14 }}>{h.door}</b>
        <span style={{ fontSize: 12 }}>
          {h.residentCount > 0 ? t('building.persons', { n: h.residentCount }) : ''}
        </span>
      </span>
      {anyMarker ? (
        <span
          style={{
            background: 'rgba(255,255,255,0.92)',
            borderRadius: 3,
            padding: '0 3px',
            fontSize: 12,
            alignSelf: 'flex-start',
            maxWidth: '100%',
            overflow: 'hidden',
          }}
        >
          <MarkerSymbols markers={h.markers} />
        </span>
      ) : (
        <span />
      )}
    </button>
  );
}

/** One entrance (单元): floors from the top down, a tile per door. */
export function EntranceBlock({ grid, onOpen }: { grid: EntranceGrid; onOpen: (key: string) => void }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`entrance-${grid.entrance || 'none'}`}>
      <Typography.Text strong>
        {grid.entrance ? entranceText(grid.entrance) : t('building.noEntrance')}
      </Typography.Text>
      <div
        style={{
          marginTop: 6,
          display: 'grid',
          gap: 4,
          gridTemplateColumns: `44px repeat(${grid.columns}, ${TILE_W}px)`,
        }}
      >
        {grid.rows.map((row) => [
          <div
            key={`f${row.floor}`}
            style={{ alignSelf: 'center', textAlign: 'right', paddingRight: 4, color: '#888', fontSize: 12 }}
          >
            {row.floor > 0 ? t('building.floorN', { n: row.floor }) : t('building.otherFloor')}
          </div>,
          ...Array.from({ length: grid.columns }, (_, i) => {
            const h = row.cells[i];
            return h ? (
              <Tile key={h.key} h={h} onOpen={onOpen} />
            ) : (
              <div
                // biome-ignore lint/suspicious/noArrayIndexKey: an empty place in the grid has only its position
                key={`e${row.floor}-${i}`}
                style={{ width: TILE_W, height: TILE_H, border: '1px dashed #eee', borderRadius: 4 }}
              />
            );
          }),
        ])}
      </div>
    </div>
  );
}
