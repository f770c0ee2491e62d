import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../http/auth';
import { errorText } from '../../http/errors';
import { exportUrl, type LedgerFilter } from '../../http/ledger';
import { downloadFile } from '../../http/transfer';
import { DownloadButton } from '../../shell/DownloadButton';

/** 下载模板: the ledger template with dropdowns for colours, relations and markers. */
export function TemplateButton() {
  const { t } = useTranslation();
  return (
    <DownloadButton
      url="/api/ledger/template.xlsx"
      fileName={t('ledger.templateFile')}
      icon={<DownloadOutlined />}
      testId="ledger-template"
    >
      {t('ledger.template')}
    </DownloadButton>
  );
}

/** 导出: the current filter as xlsx, masked; full ID numbers and phones only with pii.reveal (audited). */
export function ExportButton({ filter }: { filter: LedgerFilter }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [full, setFull] = useState(false);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const mayFull = hasPermission(me, 'pii.reveal') && hasPermission(me, 'data.export');
  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(exportUrl(filter, full && mayFull), t('ledger.exportFile'));
      setOpen(false);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('ledger.exportTitle')}
      content={
        <Space orientation="vertical" style={{ maxWidth: 300 }}>
          <Typography.Text type="secondary">{t('ledger.exportHint')}</Typography.Text>
          {mayFull && (
            <Checkbox
              checked={full}
              onChange={(e) => setFull(e.target.checked)}
              data-testid="ledger-export-full"
            >
              {t('ledger.exportFull')}
            </Checkbox>
          )}
          {full && mayFull && <Typography.Text type="warning">{t('ledger.exportFullHint')}</Typography.Text>}
          <Button type="primary" loading={busy} onClick={run} data-testid="ledger-export-run" block>
            {t('ledger.exportRun')}
          </Button>
        </Space>
      }
    >
      <Button icon={<ExportOutlined />} data-testid="ledger-export">
        {t('ledger.export')}
      </Button>
    </Popover>
  );
}
