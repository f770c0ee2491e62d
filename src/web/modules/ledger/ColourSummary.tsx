import { Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COLOURS, HOUSEHOLD_COLOURS, type HouseholdColour } from '../../../domain/ledger/colours';
import { MARKERS } from '../../../domain/ledger/markers';
import type { Counts } from '../../http/ledger';
import { useLanguage } from '../../i18n/useLanguage';
import { colourName, markerLabel } from './common/labels';
import { MarkerGlyph } from './common/MarkerSymbols';
import { useColourMeaning } from './common/useColourMeaning';

interface Props {
  counts: Counts | undefined;
  loading: boolean;
  /** the colours the table is filtered by: their counters are drawn pressed */
  active: readonly HouseholdColour[];
  onToggle: (colour: HouseholdColour) => void;
}

/** The five colours of the unit's ledger (households and residents), the total, and the marker counts. */
export function ColourSummary({ counts, loading, active, onToggle }: Props) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const meaning = useColourMeaning();
  if (!counts)
    return <Card size="small">{loading ? <Skeleton active paragraph={{ rows: 2 }} /> : null}</Card>;
  return (
    <Card size="small" data-testid="colour-summary">
      <Row gutter={[8, 8]}>
        <Col xs={12} sm={8} lg={4}>
          <div style={{ padding: '8px 12px', border: '1px solid #d9d9d9', borderRadius: 6, height: '100%' }}>
            <Typography.Text type="secondary">{t('ledger.total')}</Typography.Text>
            <div style={{ fontSize: 24, fontWeight: 600 }} data-testid="summary-total-households">
              {counts.total.households}
            </div>
            <Typography.Text type="secondary" data-testid="summary-total-residents">
              {t('ledger.residentsN', { n: counts.total.residents })}
            </Typography.Text>
          </div>
        </Col>
        {HOUSEHOLD_COLOURS.map((c) => {
          const info = COLOURS[c];
          const tally = counts.byColour[c];
          const pressed = active.includes(c);
          return (
            <Col xs={12} sm={8} lg={4} key={c}>
              <button
                type="button"
                data-testid={`summary-${c}`}
                data-colour={c}
                aria-pressed={pressed}
                title={t('ledger.filterByColour', { colour: colourName(c, lang) })}
                onClick={() => onToggle(c)}
                style={{
                  width: '100%',
                  height: '100%',
                  textAlign: 'left',
                  cursor: 'pointer',
                  padding: '8px 12px',
                  borderRadius: 6,
                  background: info.fill,
                  color: info.text,
                  border: `${pressed ? 3 : 1}px solid ${info.border}`,
                  boxShadow: pressed ? `0 0 0 2px ${info.border}55` : undefined,
                }}
              >
                <div
                  style={{
                    fontSize: 12,
                    opacity: 0.9,
                    whiteSpace: 'nowrap',
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                  }}
                >
                  {colourName(c, lang)} · {meaning(c)}
                </div>
                <div style={{ fontSize: 24, fontWeight: 600 }} data-testid={`summary-${c}-households`}>
                  {tally.households}
                </div>
                <div style={{ fontSize: 12 }} data-testid={`summary-${c}-residents`}>
                  {t('ledger.residentsN', { n: tally.residents })}
                </div>
              </button>
            </Col>
          );
        })}
      </Row>
      <Space wrap size={[16, 4]} style={{ marginTop: 12 }} data-testid="summary-markers">
        {MARKERS.map((m) => (
          <span key={m} data-testid={`summary-marker-${m}`}>
            <MarkerGlyph marker={m} /> {markerLabel(m, lang)}{' '}
            <Typography.Text strong>{counts.total.markers[m] ?? 0}</Typography.Text>
          </span>
        ))}
      </Space>
    </Card>
  );
}
