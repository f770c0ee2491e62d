import { useQuery } from '@tanstack/react-query';
import { Button, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listLedger } from '../../http/ledger';
import { placeText } from '../ledger/common/labels';

export interface PickedResident {
  key: string;
  name: string;
  idMasked: string | null;
  /** the building (or courtyard) of the household: its workers may answer for the person */
  unitCode: string;
  place: string;
}

/**
 * A resident of the ledger, found by name or the last digits of the ID number in the unit chosen in
 * the header (as the hand-over's arrival links one), then picked with a button.
 */
export function ResidentPicker({
  unit,
  value,
  onPick,
}: {
  unit: string | undefined;
  value: PickedResident | undefined;
  onPick: (r: PickedResident | undefined) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [term, setTerm] = useState('');
  const found = useQuery({
    queryKey: ['isolation', 'resident-search', unit ?? '', term],
    queryFn: () => listLedger({ unit: unit as string, q: term }, {}, 10),
    enabled: !!unit && term.trim().length > 0,
  });
  if (value)
    return (
      <Space data-testid="register-resident-picked">
        <Typography.Text strong>{value.name}</Typography.Text>
        <Typography.Text type="secondary">
          {value.idMasked ?? ''} {value.place}
        </Typography.Text>
        <Button size="small" onClick={() => onPick(undefined)} data-testid="register-resident-change">
          {t('isolation.register.change')}
        </Button>
      </Space>
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.Search
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => setTerm(v.trim())}
        placeholder={t('isolation.register.residentSearch')}
        enterButton
        data-testid="register-resident-search"
      />
      {term && (
        <List
          size="small"
          loading={found.isFetching}
          dataSource={found.data?.items ?? []}
          data-testid="register-resident-results"
          style={{ maxHeight: 240, overflow: 'auto' }}
          renderItem={(h) => (
            <List.Item>
              <List.Item.Meta
                title={placeText(h)}
                description={
                  <Space wrap>
                    {h.residents.map((r) => (
                      <Button
                        key={r.key}
                        size="small"
                        onClick={() =>
                          onPick({
                            key: r.key,
                            name: r.name,
                            idMasked: r.idMasked,
                            unitCode: h.unit.code,
                            place: placeText({ unit: h.unit, entrance: h.entrance, door: h.door }),
                          })
                        }
                        data-testid={`register-resident-${r.key}`}
                      >
                        {t('isolation.register.pick')}：{r.name} {r.idMasked ?? ''}
                      </Button>
                    ))}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
