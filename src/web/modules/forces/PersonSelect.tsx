import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PeopleFilter, type Person, usePeople } from '../../http/forces';
import { useDebounced } from '../../shell/useDebounced';
import { StandingTags } from './common';

interface Props {
  value?: string;
  onChange?: (id: string | undefined, person?: Person) => void;
  /** where to look (a unit and below), and who (party members only…) */
  filter?: Omit<PeopleFilter, 'q'>;
  testId?: string;
}

/** Pick a person of the registry by name or the last four digits of their phone. */
export function PersonSelect({ value, onChange, filter = {}, testId }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const query = usePeople({ ...filter, q: q || undefined, status: 'active' }, null, 30);
  const items = query.data?.items ?? [];
  return (
    <Select
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      placeholder={t('forces.personSelect')}
      allowClear
      loading={query.isFetching}
      style={{ width: '100%' }}
      options={items.map((p) => ({ value: p.id, label: p.name }))}
      optionRender={(opt) => {
        const p = items.find((x) => x.id === opt.value);
        if (!p) return opt.label;
        return (
          <Space size={4} wrap data-testid={`person-option-${p.id}`}>
            <span>{p.name}</span>
            <StandingTags person={p} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.unit.name} {p.phoneMasked ?? ''}
            </Typography.Text>
          </Space>
        );
      }}
      onChange={(id: string | undefined) =>
        onChange?.(
          id,
          items.find((p) => p.id === id),
        )
      }
    />
  );
}
