import { Select, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitSearch } from '../../http/org';
import type { Unit, UnitSearchHit } from '../../http/types';
import { trailText } from '../../http/types';
import { useDebounced } from '../../shell/useDebounced';
import { kindLabel } from './kindLabel';

interface Props {
  value?: string;
  onChange?: (code: string | undefined, unit?: Unit) => void;
  placeholder?: string;
  /** keep only the hits this returns true for */
  filter?: (unit: Unit) => boolean;
  /** shown before anything is typed (and kept among the hits) */
  defaultOptions?: Unit[];
  testId?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
}

function optionLabel(u: Unit & { trail?: UnitSearchHit['trail'] }, kindLabel: string) {
  const trail = trailText(u.trail);
  return (
    <Space orientation="vertical" size={0} data-testid={`unit-option-${u.code}`}>
      <span>
        {u.name} <Typography.Text type="secondary">· {kindLabel}</Typography.Text>
      </span>
      {trail && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {trail}
        </Typography.Text>
      )}
    </Space>
  );
}

/** Pick a unit by typing its name, pinyin initials (smh) or code (GET /api/org/search). */
export function UnitPicker({
  value,
  onChange,
  placeholder,
  filter,
  defaultOptions = [],
  testId,
  style,
  allowClear = true,
}: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const q = useDebounced(input, 250);
  const search = useUnitSearch(q, 30);
  const [picked, setPicked] = useState<Unit | undefined>();

  const units = useMemo(() => {
    // never offer the hits of an earlier text
    const hits: Unit[] = q.trim() ? (input === q ? (search.data ?? []) : []) : defaultOptions;
    const all = picked && !hits.some((h) => h.code === picked.code) ? [picked, ...hits] : hits;
    return filter ? all.filter(filter) : all;
  }, [q, input, search.data, defaultOptions, picked, filter]);

  return (
    <Select
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setInput }}
      value={value}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={search.isFetching}
      style={{ width: '100%', ...style }}
      notFoundContent={
        input.trim() ? search.isFetching || input !== q ? <Spin size="small" /> : t('org.noResults') : null
      }
      options={units.map((u) => ({ value: u.code, label: u.name }))}
      optionRender={(opt) => {
        const u = units.find((x) => x.code === opt.value);
        return u ? optionLabel(u, kindLabel(u)) : opt.label;
      }}
      onChange={(code: string | undefined) => {
        const u = units.find((x) => x.code === code);
        setPicked(u);
        onChange?.(code, u);
      }}
    />
  );
}
