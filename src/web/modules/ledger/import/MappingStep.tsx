import { Alert, Button, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEDGER_FIELDS } from '../../../../domain/ledger/sheet/headers';
import type { ColumnMapping, ImportPreview } from '../../../http/ledger';
import { joinList } from '../../../i18n/punctuation';
import { useLanguage } from '../../../i18n/useLanguage';
import { fieldLabel } from '../common/labels';

interface Props {
  preview: ImportPreview;
  /** 0-based, as the preview answers it; shown as the sheet's row number (+1); undefined: none found */
  headerRow: number | undefined;
  mapping: ColumnMapping;
  busy: boolean;
  onHeaderRow: (rowIndex: number) => void;
  onSheet: (name: string) => void;
  onMapping: (m: ColumnMapping) => void;
  onBack: () => void;
  onNext: () => void;
}

interface Row {
  key: number;
  row: number | undefined;
  cells: string[];
}

const IGNORE = '__ignore__';

/** Step 2: the header row found, each column's field (correctable), the first rows. */
export function MappingStep({
  preview,
  headerRow,
  mapping,
  busy,
  onHeaderRow,
  onSheet,
  onMapping,
  onBack,
  onNext,
}: Props) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const shown = headerRow === undefined ? undefined : headerRow + 1;
  const [row, setRow] = useState<number>(shown ?? 1);
  const rows: Row[] = (preview.sample ?? []).map((r, i) =>
    Array.isArray(r) ? { key: i, row: undefined, cells: r } : { key: i, row: r.row, cells: r.cells },
  );
  const found = preview.header ?? null;
  const headers = found
    ? found.headers
    : Array.from({ length: Math.max(0, ...rows.map((r) => r.cells.length)) }, () => '');
  const fields =
    preview.fields?.length > 0
      ? preview.fields
      : LEDGER_FIELDS.map((f) => ({ field: f as string, label: fieldLabel(f, lang) }));
  const used = new Map<string, number>();
  for (const v of Object.values(mapping)) if (v) used.set(v, (used.get(v) ?? 0) + 1);
  const twice = [...used]
    .filter(([, n]) => n > 1)
    .map(([f]) => fields.find((x) => x.field === f)?.label ?? f);
  const hasName = used.has('name') || used.has('empty');

  const columns: ColumnsType<Row> = [
    {
      key: 'row',
      width: 60,
      fixed: 'start',
      title: t('importer.row'),
      render: (_, r) => <Typography.Text type="secondary">{r.row ?? ''}</Typography.Text>,
    },
    ...headers.map((h, i): ColumnsType<Row>[number] => ({
      key: String(i),
      width: 170,
      title: !found ? (
        t('importer.noHeader', { n: i + 1 })
      ) : (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text ellipsis title={h} data-testid={`import-header-${i}`}>
            {h || t('importer.noHeader', { n: i + 1 })}
          </Typography.Text>
          <Select<string>
            size="small"
            style={{ width: '100%' }}
            data-testid={`import-map-${i}`}
            value={mapping[String(i)] ?? IGNORE}
            showSearch={{ optionFilterProp: 'label' }}
            popupMatchSelectWidth={false}
            onChange={(v) => onMapping({ ...mapping, [String(i)]: v === IGNORE ? null : v })}
            options={[
              { value: IGNORE, label: t('importer.ignore') },
              ...fields.map((f) => ({ value: f.field, label: f.label })),
            ]}
          />
        </Space>
      ),
      render: (_, r) => (
        <Typography.Text type={mapping[String(i)] || !found ? undefined : 'secondary'}>
          {r.cells[i] ?? ''}
        </Typography.Text>
      ),
    })),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-mapping">
      <Space wrap>
        {(preview.sheetNames?.length ?? 0) > 1 ? (
          <Space>
            <span>{t('importer.sheetLabel')}</span>
            <Select<string>
              value={preview.sheetName}
              onChange={onSheet}
              disabled={busy}
              data-testid="import-sheet"
              style={{ minWidth: 160 }}
              options={(preview.sheetNames ?? []).map((n) => ({ value: n, label: n }))}
            />
          </Space>
        ) : (
          <Typography.Text data-testid="import-sheet-name">
            {t('importer.sheet', { name: preview.sheetName })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">·</Typography.Text>
        <span>{t('importer.headerRowLabel')}</span>
        <InputNumber<number>
          min={1}
          max={200}
          value={row}
          onChange={(v) => setRow(v ?? 1)}
          data-testid="import-header-row"
          style={{ width: 90 }}
        />
        <Button
          size="small"
          disabled={busy || row === shown}
          onClick={() => onHeaderRow(row - 1)}
          data-testid="import-header-row-apply"
        >
          {t('importer.reread')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t('importer.mappingHint')}</Typography.Text>
      {!found && (
        <Alert type="warning" showIcon title={t('importer.noHeaderRow')} data-testid="import-no-header" />
      )}
      {twice.length > 0 && (
        <Alert type="warning" showIcon title={t('importer.mappedTwice', { fields: joinList(twice) })} />
      )}
      {found && !hasName && <Alert type="warning" showIcon title={t('importer.noNameColumn')} />}
      <Table<Row>
        data-testid="import-preview"
        size="small"
        bordered
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: Math.max(600, 60 + headers.length * 170) }}
        title={() => <Typography.Text type="secondary">{t('importer.preview')}</Typography.Text>}
      />
      <Space>
        <Button onClick={onBack} disabled={busy} data-testid="import-restart">
          {t('importer.chooseAgain')}
        </Button>
        <Button type="primary" onClick={onNext} loading={busy} disabled={!found} data-testid="import-check">
          {t('importer.check')}
        </Button>
      </Space>
    </Space>
  );
}
