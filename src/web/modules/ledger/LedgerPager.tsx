import { Pagination, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LedgerCount } from '../../http/ledger';
import type { LedgerParams } from './useLedgerParams';

interface Props {
  page: number;
  pageSize: number;
  /** rows on this page, and the cursors of the pages before and after it */
  shown: number;
  next: string | null | undefined;
  prev: string | null | undefined;
  count: LedgerCount | undefined;
  onPage: (patch: Pick<LedgerParams, 'page' | 'after' | 'before'>) => void;
}

/**
 * The ledger's pages: the total, previous / next by keyset (after or before a row), and a jump to any
 * page (the server reads the rows before it, up to a bound). The page lives in the address.
 */
export function LedgerPager({ page, pageSize, shown, next, prev, count, onPage }: Props) {
  const { t } = useTranslation();
  // the pager must offer "next" when the server has one, whatever the (capped) count says
  const reached = (page - 1) * pageSize + shown + (next ? 1 : 0);
  const total = Math.max(count?.total ?? 0, reached);
  const go = (to: number) => {
    if (to === page) return;
    if (to === 1) onPage({ page: 1, after: undefined, before: undefined });
    else if (to === page + 1 && next) onPage({ page: to, after: next, before: undefined });
    else if (to === page - 1 && prev) onPage({ page: to, before: prev, after: undefined });
    else onPage({ page: to, after: undefined, before: undefined });
  };
  return (
    <div
      style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 12, marginTop: 12 }}
    >
      {count && (
        <Typography.Text type="secondary" data-testid="ledger-total">
          {count.capped ? t('find.totalMore', { n: count.total }) : t('find.total', { n: count.total })}
        </Typography.Text>
      )}
      {total > pageSize && (
        <Pagination
          data-testid="ledger-pagination"
          size="small"
          current={page}
          pageSize={pageSize}
          total={total}
          showSizeChanger={false}
          showQuickJumper
          onChange={go}
        />
      )}
    </div>
  );
}
