import { useInfiniteQuery } from '@tanstack/react-query';
import { InfiniteScroll, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { getChildren } from '../http/org';
import { kindLabel } from '../modules/org/kindLabel';

const PAGE = 30;

/** A unit's children, loading further pages as the list scrolls. */
export function FieldChildrenList({ code }: { code: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useInfiniteQuery({
    queryKey: ['org', 'children-infinite', code],
    queryFn: ({ pageParam, signal }) => getChildren(code, pageParam, PAGE, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <List header={t('field.children')} data-testid="field-children">
        {query.isSuccess && items.length === 0 && <List.Item>{t('field.noChildren')}</List.Item>}
        {items.map((u) => (
          <List.Item
            key={u.code}
            data-testid={`field-unit-${u.code}`}
            description={kindLabel(u)}
            extra={u.childCount > 0 ? u.childCount : undefined}
            arrowIcon={u.childCount > 0}
            onClick={() => void navigate(`/field/unit/${u.code}`)}
          >
            {u.name}
          </List.Item>
        ))}
      </List>
      <InfiniteScroll
        hasMore={query.isPending || !!query.hasNextPage}
        loadMore={async () => {
          if (query.hasNextPage) await query.fetchNextPage();
        }}
      />
    </>
  );
}
