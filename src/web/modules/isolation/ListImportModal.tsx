import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KEY_PERSON_CATEGORIES, type KeyPersonCategory } from '../../../domain/isolation/keyPerson';
import { ApiError, type ApiFieldError } from '../../http/client';
import { errorText } from '../../http/errors';
import { type IsolationListDetail, isolationKeys, listImportUrl } from '../../http/isolation';
import { XLSX_TYPE } from '../../http/ledger';
import { uploadJson } from '../../http/transfer';
import { useScope } from '../../shell/ScopeContext';
import { testIdProps } from '../../shell/testId';
import { UnitPicker } from '../org/UnitPicker';
import { useIsolationLabels } from './labels';

interface Values {
  unit: string;
  title?: string;
  category: KeyPersonCategory;
}

/**
 * 导入名单: the receiving unit (the header's unit by default), a title, the category and the .xlsx, sent
 * as it is. Rows refused (nothing was written) are listed by row and column as the server names them;
 * on success the list opens (`onImported`).
 */
export function ListImportModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useIsolationLabels();
  const queryClient = useQueryClient();
  const { scopeCode, scopeUnit } = useScope();
  const [form] = Form.useForm<Values>();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<ApiFieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    form.resetFields();
    setFile(null);
    setFileError(null);
    setRowErrors([]);
    if (input.current) input.current.value = '';
  };

  const submit = async (v: Values) => {
    if (!file) {
      setFileError(t('isolation.lists.fileRequired'));
      return;
    }
    setBusy(true);
    setFileError(null);
    setRowErrors([]);
    try {
      const list = await uploadJson<IsolationListDetail>(
        listImportUrl({ unit: v.unit, title: v.title, category: v.category }),
        file,
        { contentType: XLSX_TYPE },
      );
      message.success(
        t('isolation.lists.imported', { rows: list.rows, found: list.found, notFound: list.notFound }),
      );
      await queryClient.invalidateQueries({ queryKey: isolationKeys.all });
      reset();
      onImported(list.id);
    } catch (err) {
      if (err instanceof ApiError && err.fields.some((f) => f.row !== undefined))
        setRowErrors(err.fields.filter((f) => f.row !== undefined));
      else if (err instanceof ApiError && err.fields.length)
        setFileError(err.fields.map((f) => f.message).join('；'));
      else setFileError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('isolation.lists.importTitle')}
      width={720}
      onCancel={() => {
        reset();
        onClose();
      }}
      okText={t('isolation.lists.submit')}
      okButtonProps={testIdProps('list-import-submit')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
      data-testid="list-import-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ unit: scopeCode, category: 'key_area' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="unit" label={t('isolation.lists.unit')} rules={[{ required: true }]}>
          <UnitPicker
            testId="list-import-unit"
            allowClear={false}
            defaultOptions={scopeUnit ? [scopeUnit] : []}
          />
        </Form.Item>
        <Form.Item name="title" label={t('isolation.lists.title')}>
          <Input
            maxLength={60}
            placeholder={t('isolation.lists.titlePlaceholder')}
            data-testid="list-import-title"
          />
        </Form.Item>
        <Form.Item name="category" label={t('isolation.lists.category')} rules={[{ required: true }]}>
          <Select
            data-testid="list-import-category"
            options={KEY_PERSON_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('isolation.lists.file')}
          required
          extra={t('isolation.lists.fileHint')}
          validateStatus={fileError ? 'error' : undefined}
        >
          <input
            ref={input}
            type="file"
            accept=".xlsx"
            style={{ display: 'none' }}
            data-testid="list-import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(null);
              setRowErrors([]);
            }}
          />
          <Space>
            <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>
              {t('isolation.lists.pickFile')}
            </Button>
            {file && <Typography.Text data-testid="list-import-file-name">{file.name}</Typography.Text>}
          </Space>
        </Form.Item>
      </Form>
      {fileError && <Alert type="error" showIcon title={fileError} data-testid="list-import-error" />}
      {rowErrors.length > 0 && (
        <>
          <Alert type="error" showIcon title={t('isolation.lists.rejected')} style={{ marginBottom: 8 }} />
          <Table<ApiFieldError>
            data-testid="list-import-errors"
            size="small"
            rowKey={(f) => `${f.row}-${f.column}-${f.path}`}
            pagination={false}
            scroll={{ y: 300 }}
            dataSource={rowErrors}
            columns={[
              { title: t('isolation.lists.row'), dataIndex: 'row', width: 70 },
              { title: t('isolation.lists.column'), dataIndex: 'column', width: 120 },
              { title: t('isolation.lists.message'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
