import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COLOURS, HOUSEHOLD_COLOURS } from '../../../../domain/ledger/colours';
import { useLanguage } from '../../../i18n/useLanguage';
import { colourName } from '../common/labels';
import { MarkerLegend } from '../common/MarkerSymbols';
import { useColourMeaning } from '../common/useColourMeaning';

/** The legend of the wall sheet: the five colours with their counts here, and the marker symbols. */
export function BuildingLegend({ counts, total }: { counts: Record<string, number>; total: number }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const meaning = useColourMeaning();
  return (
    <Card size="small" data-testid="building-legend">
      <Space wrap size={[16, 8]}>
        <Typography.Text strong>{t('building.legend')}</Typography.Text>
        {HOUSEHOLD_COLOURS.map((c) => (
          <span key={c} data-testid={`legend-${c}`} style={{ whiteSpace: 'nowrap' }}>
            <span
              style={{
                display: 'inline-block',
                width: 16,
                height: 16,
                verticalAlign: 'middle',
                marginRight: 4,
                background: COLOURS[c].fill,
                border: `1px solid ${COLOURS[c].border}`,
                borderRadius: 3,
              }}
            />
            {colourName(c, lang)} · {meaning(c)} <Typography.Text strong>{counts[c] ?? 0}</Typography.Text>
          </span>
        ))}
        <Typography.Text type="secondary">{t('building.totalN', { n: total })}</Typography.Text>
      </Space>
      <Space wrap size={[16, 8]} style={{ marginTop: 8 }}>
        <MarkerLegend />
        <span style={{ whiteSpace: 'nowrap', color: '#888' }}>
          <span
            style={{
              display: 'inline-block',
              width: 16,
              height: 12,
              verticalAlign: 'middle',
              border: '2px dashed #888',
              marginRight: 4,
            }}
          />
          {t('household.byHand')}
        </span>
      </Space>
    </Card>
  );
}
