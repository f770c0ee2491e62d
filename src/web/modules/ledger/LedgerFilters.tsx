import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLOURS, HOUSEHOLD_COLOURS, type HouseholdColour } from '../../../domain/ledger/colours';
import { MARKERS, type Marker } from '../../../domain/ledger/markers';
import { type UnitCounts, useCampaigns, type VisitStatus } from '../../http/ledger';
import { useLanguage } from '../../i18n/useLanguage';
import { useDebounced } from '../../shell/useDebounced';
import { colourName, markerLabel } from './common/labels';
import { MarkerGlyph } from './common/MarkerSymbols';
import type { LedgerParams } from './useLedgerParams';

const STATUSES: VisitStatus[] = ['pending', 'visited', 'revisit'];

interface Props {
  params: LedgerParams;
  counts: UnitCounts | undefined;
  onChange: (patch: Partial<LedgerParams>) => void;
}

/** Colour, marker, child unit, screening campaign and visit state, and the search box. */
export function LedgerFilters({ params, counts, onChange }: Props) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const [text, setText] = useState(params.q);
  const q = useDebounced(text.trim(), 350);
  const campaigns = useCampaigns();

  // the box follows the address (back button, "clear filters")
  useEffect(() => setText(params.q), [params.q]);
  // only a new debounced text is pushed: the address changing by itself must not push the old text back
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (q !== params.q) onChange({ q });
  }, [q]);

  const children = counts?.children ?? [];
  const any =
    params.colour.length > 0 ||
    params.marker.length > 0 ||
    !!params.q ||
    !!params.within ||
    !!params.campaign;

  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="ledger-filters">
      <Input
        prefix={<SearchOutlined />}
        allowClear
        placeholder={t('find.ledgerSearch')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ width: 300 }}
        data-testid="ledger-search"
      />
      <Select<HouseholdColour[]>
        mode="multiple"
        allowClear
        placeholder={t('ledger.filter.colour')}
        style={{ minWidth: 160 }}
        value={params.colour}
        onChange={(colour) => onChange({ colour })}
        data-testid="ledger-filter-colour"
        options={HOUSEHOLD_COLOURS.map((c) => ({
          value: c,
          label: (
            <span data-testid={`colour-option-${c}`}>
              <span
                style={{
                  display: 'inline-block',
                  width: 10,
                  height: 10,
                  marginRight: 6,
                  background: COLOURS[c].fill,
                  border: `1px solid ${COLOURS[c].border}`,
                }}
              />
              {colourName(c, lang)}
            </span>
          ),
        }))}
      />
      <Select<Marker[]>
        mode="multiple"
        allowClear
        placeholder={t('ledger.filter.marker')}
        style={{ minWidth: 160 }}
        value={params.marker}
        onChange={(marker) => onChange({ marker })}
        data-testid="ledger-filter-marker"
        options={MARKERS.map((m) => ({
          value: m,
          label: (
            <span data-testid={`marker-option-${m}`}>
              <MarkerGlyph marker={m} /> {markerLabel(m, lang)}
            </span>
          ),
        }))}
      />
      {children.length > 0 && (
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('ledger.filter.within')}
          style={{ minWidth: 180 }}
          value={params.within}
          onChange={(within) => onChange({ within })}
          data-testid="ledger-filter-within"
          options={children.map((c) => ({ value: c.unit.code, label: c.unit.name }))}
        />
      )}
      <Select<string>
        allowClear
        placeholder={t('ledger.filter.campaign')}
        style={{ minWidth: 180 }}
        value={params.campaign}
        onChange={(campaign) => onChange({ campaign, status: campaign ? params.status : undefined })}
        data-testid="ledger-filter-campaign"
        loading={campaigns.isPending && campaigns.fetchStatus !== 'idle'}
        options={(campaigns.data?.items ?? []).map((c) => ({
          value: c.id,
          label: c.unit ? `${c.name} · ${c.unit.name}` : c.name,
        }))}
      />
      {params.campaign && (
        <Select<VisitStatus>
          allowClear
          placeholder={t('ledger.filter.visitStatus')}
          style={{ minWidth: 120 }}
          value={params.status}
          onChange={(status) => onChange({ status })}
          data-testid="ledger-filter-status"
          options={STATUSES.map((s) => ({ value: s, label: t(`screening.status.${s}`) }))}
        />
      )}
      {any && (
        <Button
          type="link"
          onClick={() =>
            onChange({
              colour: [],
              marker: [],
              q: '',
              within: undefined,
              campaign: undefined,
              status: undefined,
            })
          }
          data-testid="ledger-filter-clear"
        >
          {t('ledger.filter.clear')}
        </Button>
      )}
    </Space>
  );
}
