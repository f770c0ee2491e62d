import { Button, Card, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudit } from '../../http/audit';
import { errorText } from '../../http/errors';
import type { AuditEntry } from '../../http/types';
import { useLanguage } from '../../i18n/useLanguage';
import { actionLabel, KNOWN_ACTIONS } from './actions';
import { DetailText } from './DetailText';
import { formatShanghai } from './time';

/** 审计日志: newest first, filter by action, load more. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const [action, setAction] = useState<string | undefined>();
  const query = useAudit(action);
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.time'), dataIndex: 'at', width: 180, render: (at: string) => formatShanghai(at, lang) },
    { title: t('audit.user'), dataIndex: 'username', width: 120, render: (u: string | null) => u ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 150,
      render: (a: string) => <Tag>{actionLabel(a)}</Tag>,
    },
    { title: t('audit.target'), dataIndex: 'target', width: 200, render: (v: string | null) => v ?? '' },
    { title: t('audit.details'), dataIndex: 'detail', render: (d: unknown) => <DetailText detail={d} /> },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '' },
  ];
  return (
    <Card title={t('audit.title')}>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          data-testid="audit-action-filter"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.filterAction')}
          style={{ width: 240 }}
          value={action}
          onChange={(v: string | undefined) => setAction(v)}
          options={KNOWN_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
        />
      </Space>
      <Table<AuditEntry>
        data-testid="audit-table"
        rowKey={(e) => String(e.id)}
        size="small"
        columns={columns}
        dataSource={entries}
        loading={query.isFetching && !query.isFetchingNextPage}
        pagination={false}
        locale={query.isError ? { emptyText: errorText(query.error) } : undefined}
        scroll={{ x: 1000 }}
      />
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        {query.hasNextPage ? (
          <Button
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
            data-testid="audit-load-more"
          >
            {t('common.loadMore')}
          </Button>
        ) : (
          entries.length > 0 && <span style={{ color: '#999' }}>{t('common.noMore')}</span>
        )}
      </div>
    </Card>
  );
}
