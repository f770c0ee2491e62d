import { Pagination, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LedgerCount } from '../../http/ledger';
import { pagerTotal, pageTarget } from './paging';
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
  const total = pagerTotal(count?.total, page, pageSize, shown, Boolean(next));
  const go = (to: number) => {
    if (to !== page) onPage(pageTarget(to, page, next, prev));
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
