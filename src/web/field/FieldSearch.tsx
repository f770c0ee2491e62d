import { List, SearchBar, type SearchBarRef } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useUnitSearch } from '../http/org';
import { trailText } from '../http/types';
import { kindLabel } from '../modules/org/kindLabel';
import { useDebounced } from '../shell/useDebounced';

/** Search units by name, pinyin initials or code; a hit opens the unit. */
export function FieldSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [input, setInput] = useState('');
  const q = useDebounced(input, 300);
  const search = useUnitSearch(q, 20);
  const ref = useCallback(
    (r: SearchBarRef | null) => r?.nativeElement?.setAttribute('data-testid', 'field-search'),
    [],
  );
  const hits = q.trim() ? (search.data ?? []) : [];
  return (
    <>
      <div style={{ padding: '8px 12px', background: '#fff' }}>
        <SearchBar
          ref={ref}
          placeholder={t('field.searchPlaceholder')}
          value={input}
          onChange={setInput}
          onClear={() => setInput('')}
        />
      </div>
      {q.trim() && (
        <List data-testid="field-search-results">
          {hits.length === 0 && !search.isFetching && <List.Item>{t('org.noResults')}</List.Item>}
          {hits.map((u) => (
            <List.Item
              key={u.code}
              data-testid={`field-search-hit-${u.code}`}
              description={trailText(u.trail)}
              extra={kindLabel(u)}
              onClick={() => void navigate(`/field/unit/${u.code}`)}
            >
              {u.name}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
