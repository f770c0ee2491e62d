import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiDay } from '../../../domain/time/shanghai';
import { useAudit } from '../../http/audit';
import { usePlatformClock } from '../../http/clock';
import { errorText } from '../../http/errors';
import type { AuditEntry } from '../../http/types';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDateTime } from '../../shell/dates';
import { actionLabel, KNOWN_ACTIONS } from './actions';
import { DetailText } from './DetailText';
import { auditSentence } from './sentence';

/** 审计日志: newest first, each entry a sentence with names; filter by action, load more. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const [action, setAction] = useState<string | undefined>();
  const query = useAudit(action);
  // the audit log keeps the true time, also when the platform replays a day (docs/architecture.md)
  const replayed = usePlatformClock().data?.today;
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: ColumnsType<AuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => formatDateTime(at, { seconds: true }),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 150,
      render: (a: string) => <Tag>{actionLabel(a)}</Tag>,
    },
    {
      title: t('audit.event'),
      key: 'event',
      render: (_, e) => (
        <div data-testid={`audit-event-${e.id}`}>
          <Typography.Text>{auditSentence(e, t, lang)}</Typography.Text>
          {!(KNOWN_ACTIONS as string[]).includes(e.action) && (
            <div>
              <DetailText detail={e.detail} />
            </div>
          )}
        </div>
      ),
    },
    { title: t('audit.user'), dataIndex: 'username', width: 140, render: (u: string | null) => u ?? '—' },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '' },
  ];
  return (
    <Card title={t('audit.title')}>
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
        {replayed && replayed !== shanghaiDay(Date.now()) && (
          <Alert
            type="info"
            showIcon
            title={t('audit.trueTime', { today: replayed })}
            data-testid="audit-true-time"
          />
        )}
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
        scroll={{ x: 900 }}
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
