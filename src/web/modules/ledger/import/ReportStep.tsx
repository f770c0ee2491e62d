import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Radio, Row, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport, RejectedRow } from '../../../http/ledger';
import { PlanTable } from './PlanTable';

interface Props {
  report: ImportReport;
  busy: boolean;
  /** 更新台账中已有的居民: changing it checks the sheet again */
  updateExisting: boolean;
  onUpdateExisting: (value: boolean) => void;
  onBack: () => void;
  onErrors: () => void;
  onImport: (mode: 'valid' | 'all') => void;
}

/**
 * Step 3: what the check found — rows, accepted, rejected with row, column and the server's message —
 * and the plan: what each row will do (new household, joins one already there, updates a resident).
 */
export function ReportStep({
  report,
  busy,
  updateExisting,
  onUpdateExisting,
  onBack,
  onErrors,
  onImport,
}: Props) {
  const { t } = useTranslation();
  const rejected = report.rejected ?? [];
  const [mode, setMode] = useState<'valid' | 'all'>(rejected.length ? 'all' : 'valid');
  const columns: ColumnsType<RejectedRow & { i: number }> = [
    {
      title: t('importer.row'),
      dataIndex: 'row',
      width: 80,
      render: (r: number) => <span data-testid="rejected-row-number">{r}</span>,
    },
    { title: t('importer.column'), dataIndex: 'column', width: 140, render: (c: string | null) => c ?? '' },
    {
      title: t('importer.message'),
      dataIndex: 'message',
      render: (m: string) => <span data-testid="rejected-message">{m}</span>,
    },
  ];
  const rejectedRows = new Set(rejected.map((r) => r.row)).size;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-report">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Statistic title={t('importer.rows')} value={report.rows} data-testid="import-rows" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('importer.accepted')}
            value={report.accepted}
            styles={{ content: { color: '#389e0d' } }}
            data-testid="import-accepted"
          />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('importer.rejected')}
            value={rejectedRows}
            styles={{ content: { color: rejectedRows ? '#cf1322' : undefined } }}
            data-testid="import-rejected"
          />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('importer.skipped')} value={report.skipped} data-testid="import-skipped" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('importer.households')}
            value={report.households}
            data-testid="import-households"
          />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('importer.residents')}
            value={report.residents}
            data-testid="import-residents"
          />
        </Col>
      </Row>
      {report.plan && (
        <Row gutter={[16, 16]} data-testid="import-plan-counts">
          <Col xs={12} md={4}>
            <Statistic
              title={t('importer.plan.new')}
              value={report.plan.counts.new}
              data-testid="import-plan-new"
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('importer.plan.join')}
              value={report.plan.counts.joins}
              data-testid="import-plan-joins"
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('importer.plan.update')}
              value={report.plan.counts.updates}
              data-testid="import-plan-updates"
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('importer.plan.unchanged')}
              value={report.plan.counts.unchanged}
              data-testid="import-plan-unchanged"
            />
          </Col>
        </Row>
      )}
      <div>
        <Checkbox
          checked={updateExisting}
          disabled={busy}
          onChange={(e) => onUpdateExisting(e.target.checked)}
          data-testid="import-update-existing"
        >
          {t('importer.updateExisting')}
        </Checkbox>
        <div>
          <Typography.Text type="secondary">{t('importer.updateExistingHint')}</Typography.Text>
        </div>
      </div>
      {rejected.length === 0 ? (
        <Alert type="success" showIcon title={t('importer.allValid')} data-testid="import-all-valid" />
      ) : (
        <>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text strong>{t('importer.rejectedRows', { n: rejectedRows })}</Typography.Text>
            <Button
              icon={<DownloadOutlined />}
              onClick={onErrors}
              disabled={busy}
              data-testid="import-download-errors"
            >
              {t('importer.downloadErrors')}
            </Button>
          </Space>
          <Table
            data-testid="import-rejected-table"
            size="small"
            rowKey="i"
            columns={columns}
            dataSource={rejected.map((r, i) => ({ ...r, i }))}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            onRow={(r) => ({ 'data-row': r.row }) as React.HTMLAttributes<HTMLElement>}
          />
        </>
      )}
      {report.plan && report.plan.rows.length > 0 && <PlanTable plan={report.plan} />}
      <div>
        <Typography.Text strong>{t('importer.mode')}</Typography.Text>
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value)}
          style={{ display: 'flex', flexDirection: 'column', gap: 6, marginTop: 8 }}
        >
          <Radio value="valid" data-testid="import-mode-valid">
            {t('importer.modeValid', { n: report.accepted })}
          </Radio>
          <Radio value="all" data-testid="import-mode-all">
            {t('importer.modeAll')}
          </Radio>
        </Radio.Group>
      </div>
      <Space>
        <Button onClick={onBack} disabled={busy} data-testid="import-back">
          {t('importer.back')}
        </Button>
        <Button type="primary" onClick={() => onImport(mode)} loading={busy} data-testid="import-run">
          {t('importer.run')}
        </Button>
      </Space>
    </Space>
  );
}
