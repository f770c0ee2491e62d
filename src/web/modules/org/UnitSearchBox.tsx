import { LoadingOutlined, SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useUnitSearch } from '../../http/org';
import { trailText } from '../../http/types';
import { useDebounced } from '../../shell/useDebounced';
import { kindLabel } from './kindLabel';

/** Find a unit by name, pinyin initials (smh) or code, and open it. */
export function UnitSearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [input, setInput] = useState('');
  const q = useDebounced(input, 250);
  const search = useUnitSearch(q, 20);
  // never offer the hits of an earlier text
  const hits = q.trim() && input === q ? (search.data ?? []) : [];
  const options = hits.map((u) => ({
    value: u.code,
    label: (
      <div data-testid={`org-search-hit-${u.code}`}>
        <div>
          {u.name} <Typography.Text type="secondary">· {kindLabel(u)}</Typography.Text>
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
          {trailText(u.trail) || u.code}
        </Typography.Text>
      </div>
    ),
  }));
  return (
    <AutoComplete
      style={{ width: '100%' }}
      options={options}
      value={input}
      onChange={(v) => setInput(String(v ?? ''))}
      onSelect={(code: string) => {
        setInput('');
        void navigate(`/org/${code}`);
      }}
      notFoundContent={
        input.trim() ? search.isFetching || input !== q ? <Spin size="small" /> : t('org.noResults') : null
      }
      popupMatchSelectWidth={360}
    >
      <Input
        prefix={<SearchOutlined />}
        suffix={search.isFetching ? <LoadingOutlined /> : <span />}
        placeholder={t('org.searchPlaceholder')}
        allowClear
        data-testid="org-search"
      />
    </AutoComplete>
  );
}
