import { useQuery } from '@tanstack/react-query';
import { Button, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RED_HEART_MARKERS } from '../../../domain/care/request';
import { type LedgerItem, listLedger } from '../../http/ledger';
import { useLanguage } from '../../i18n/useLanguage';
import { ColourChip } from '../ledger/common/ColourChip';
import { markerLabel, placeText } from '../ledger/common/labels';

export interface PickedHousehold {
  key: string;
  /** its door as the ledger shows it; the key itself when it was typed */
  place: string;
}

const KEY_RE = /^\d{6}-\d{1,18}$/;

/** Red-heart markers and the names of a household of the ledger, as a hint under its door. */
function who(h: LedgerItem, lang: 'zh-CN' | 'en') {
  const names = h.residents.map((r) => r.name).join(lang === 'en' ? ', ' : '、');
  const hearts = RED_HEART_MARKERS.filter((m) => (h.markers[m] ?? 0) > 0).map((m) => markerLabel(m, lang));
  return [names, ...hearts].filter(Boolean).join(' · ');
}

/**
 * A household of the ledger, found as the ledger's search box finds it (a name, a door 3-1-401, the end
 * of a phone) in the unit of the header, or typed as its key (410105-12); then picked with a button.
 */
export function HouseholdPicker({
  unit,
  value,
  onPick,
  testId = 'care-household',
}: {
  unit: string | undefined;
  value: PickedHousehold | undefined;
  onPick: (h: PickedHousehold | undefined) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const [q, setQ] = useState('');
  const [term, setTerm] = useState('');
  const [typed, setTyped] = useState('');
  const found = useQuery({
    queryKey: ['care', 'household-search', unit ?? '', term],
    queryFn: () => listLedger({ unit: unit as string, q: term }, {}, 10),
    enabled: !!unit && term.length > 0,
    retry: false,
  });
  if (value)
    return (
      <Space data-testid={`${testId}-picked`}>
        <Typography.Text strong>{value.place}</Typography.Text>
        <Typography.Text type="secondary">{value.key}</Typography.Text>
        <Button size="small" onClick={() => onPick(undefined)} data-testid={`${testId}-change`}>
          {t('care.form.change')}
        </Button>
      </Space>
    );
  const key = typed.trim();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.Search
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => setTerm(v.trim())}
        placeholder={t('care.form.search')}
        enterButton
        data-testid={`${testId}-search`}
      />
      {term && (
        <List
          size="small"
          loading={found.isFetching}
          dataSource={found.data?.items ?? []}
          locale={{ emptyText: found.isError ? String(found.error.message) : t('care.form.noResults') }}
          data-testid={`${testId}-results`}
          style={{ maxHeight: 260, overflow: 'auto' }}
          renderItem={(h) => (
            <List.Item
              actions={[
                <Button
                  key="pick"
                  size="small"
                  onClick={() => onPick({ key: h.key, place: placeText(h) })}
                  data-testid={`${testId}-pick-${h.key}`}
                >
                  {t('care.form.pick')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={6}>
                    {placeText(h)}
                    <ColourChip colour={h.colour} />
                  </Space>
                }
                description={who(h, lang)}
              />
            </List.Item>
          )}
        />
      )}
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder={t('care.form.key')}
          data-testid={`${testId}-key`}
        />
        <Button
          disabled={!KEY_RE.test(key)}
          onClick={() => onPick({ key, place: key })}
          data-testid={`${testId}-key-use`}
        >
          {t('care.form.useKey')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
