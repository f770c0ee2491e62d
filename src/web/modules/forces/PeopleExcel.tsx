import { DownloadOutlined, ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiFieldError } from '../../http/client';
import { errorText } from '../../http/errors';
import {
  forcesKeys,
  type ImportResult,
  type PeopleFilter,
  peopleErrorSheetUrl,
  peopleExportUrl,
  peopleImportUrl,
} from '../../http/forces';
import { uploadForFile, uploadJson } from '../../http/transfer';
import { DownloadButton } from '../../shell/DownloadButton';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 下载模板: the people list with the columns the import reads. */
export function PeopleTemplateButton() {
  const { t } = useTranslation();
  return (
    <DownloadButton
      url="/api/forces/people/template.xlsx"
      fileName={t('forces.registry.templateFile')}
      icon={<DownloadOutlined />}
      testId="people-template"
    >
      {t('forces.registry.template')}
    </DownloadButton>
  );
}

/**
 * 导入名册: an .xlsx sent as it is; every row is imported or none. When rows are refused, a dialog lists
 * each bad cell with its row and column, as the server names them, and offers the sheet back with its
 * errors written beside the rows (错误标注表, the sheet layer's error sheet).
 */
export function PeopleImportButton({ unitCode }: { unitCode: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [rejected, setRejected] = useState<{ message: string; fields: ApiFieldError[]; file: File } | null>(
    null,
  );
  const [marking, setMarking] = useState(false);
  const downloadErrors = async (file: File) => {
    setMarking(true);
    try {
      await uploadForFile(peopleErrorSheetUrl(unitCode), file, {
        contentType: XLSX,
        fallbackName: t('forces.registry.errorSheetFile'),
      });
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setMarking(false);
    }
  };
  const send = async (file: File) => {
    setBusy(true);
    try {
      const res = await uploadJson<ImportResult>(peopleImportUrl(unitCode), file, { contentType: XLSX });
      message.success(t('forces.registry.imported', { count: res.imported }));
      await queryClient.invalidateQueries({ queryKey: forcesKeys.all });
    } catch (err) {
      if (err instanceof ApiError && err.fields.some((f) => f.row !== undefined))
        setRejected({ message: err.message, fields: err.fields, file });
      else message.error(errorText(err));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".xlsx"
        style={{ display: 'none' }}
        data-testid="people-import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void send(f);
        }}
      />
      <Button
        icon={<ImportOutlined />}
        loading={busy}
        onClick={() => input.current?.click()}
        data-testid="people-import"
      >
        {t('forces.registry.import')}
      </Button>
      <Modal
        open={!!rejected}
        title={t('forces.registry.importRejected')}
        onCancel={() => setRejected(null)}
        footer={
          <>
            <Button
              icon={<DownloadOutlined />}
              loading={marking}
              onClick={() => rejected && void downloadErrors(rejected.file)}
              data-testid="people-import-error-sheet"
            >
              {t('forces.registry.errorSheet')}
            </Button>
            <Button type="primary" onClick={() => setRejected(null)}>
              {t('common.ok')}
            </Button>
          </>
        }
        width={720}
      >
        {rejected && (
          <>
            <Alert type="error" showIcon title={rejected.message} style={{ marginBottom: 12 }} />
            <Typography.Paragraph type="secondary">
              {t('forces.registry.importRejectedHint')}
            </Typography.Paragraph>
            <Table
              data-testid="people-import-errors"
              size="small"
              rowKey={(f) => `${f.row}-${f.column}-${f.path}`}
              pagination={false}
              scroll={{ y: 360 }}
              dataSource={rejected.fields}
              columns={[
                { title: t('forces.registry.row'), dataIndex: 'row', width: 70 },
                { title: t('forces.registry.column'), dataIndex: 'column', width: 120 },
                {
                  title: t('forces.registry.message'),
                  dataIndex: 'message',
                  render: (m: string) => m.replace(/^第 \d+ 行“[^”]*”：|^Row \d+, [^:]*: /, ''),
                },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}

/** 导出: the filtered list, masked (the server audits it). */
export function PeopleExportButton({ filter }: { filter: PeopleFilter & { unit: string } }) {
  const { t } = useTranslation();
  return (
    <DownloadButton
      url={peopleExportUrl(filter)}
      fileName={t('forces.registry.exportFile')}
      icon={<ExportOutlined />}
      testId="people-export"
    >
      {t('forces.registry.export')}
    </DownloadButton>
  );
}
