import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Space, Steps, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorText } from '../../../http/errors';
import {
  type ColumnMapping,
  type ImportParams,
  type ImportPreview,
  type ImportReport,
  type ImportResult,
  type ImportStepName,
  ledgerKeys,
  type RememberedMapping,
} from '../../../http/ledger';
import { useScope } from '../../../shell/ScopeContext';
import { UnitPicker } from '../../org/UnitPicker';
import { TemplateButton } from '../ExcelButtons';
import { type ImportProgressState, ImportProgressView } from './ImportProgressView';
import {
  downloadErrorSheet,
  fullMapping,
  type ImportStage,
  previewImport,
  runImport,
  sameMapping,
} from './importApi';
import { MappingStep } from './MappingStep';
import { ReportStep } from './ReportStep';
import { ResultStep } from './ResultStep';

type Step = 'file' | 'mapping' | 'report' | 'result';
const STEPS: Step[] = ['file', 'mapping', 'report', 'result'];
/** the server's steps of a check (a preview, a dry run, the error sheet) and of an import that writes */
const CHECK_STEPS: readonly ImportStepName[] = ['read', 'check', 'dedupe'];
const IMPORT_STEPS: readonly ImportStepName[] = ['read', 'check', 'dedupe', 'write'];

/** 导入台账: choose a file, check the header and mapping, read the errors, import (all-or-nothing or the valid rows). */
export default function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search] = useSearchParams();
  const { scopeUnit } = useScope();
  const [unit, setUnit] = useState<string | undefined>(search.get('unit') ?? scopeUnit?.code);
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>('file');
  const [progress, setProgress] = useState<ImportProgressState | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [headerRow, setHeaderRow] = useState<number | undefined>(undefined);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [updateExisting, setUpdateExisting] = useState(false);
  // the mapping of the unit's last import of this header row, pre-filled (null: none, or set aside)
  const [applied, setApplied] = useState<RememberedMapping | null>(null);
  const [declined, setDeclined] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const unitCode = unit ?? scopeUnit?.code;
  const params = (): ImportParams => ({
    unit: unitCode as string,
    sheet,
    headerRow,
    mapping: preview?.header ? fullMapping(preview.header.headers, mapping) : undefined,
    updateExisting,
  });

  async function track<T>(
    label: string,
    steps: readonly ImportStepName[],
    work: (onStage: (stage: ImportStage) => void, signal: AbortSignal) => Promise<T>,
  ) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setProgress({ label, steps, stage: { kind: 'upload', fraction: 0 } });
    try {
      return await work((stage) => setProgress({ label, steps, stage }), controller.signal);
    } catch (err) {
      if ((err as Error)?.name !== 'AbortError') setError(errorText(err));
      return undefined;
    } finally {
      setProgress(null);
    }
  }

  const loadPreview = async (
    row: number | undefined,
    sheetName: string | undefined = sheet,
    offer: boolean = !declined,
  ): Promise<void> => {
    if (!file || !unitCode) return;
    const res = await track(t('importer.uploading'), CHECK_STEPS, (onStage, signal) =>
      previewImport(
        file,
        { unit: unitCode, sheet: sheetName, headerRow: row, updateExisting },
        onStage,
        signal,
      ),
    );
    if (!res) return;
    const remembered = offer ? res.remembered : null;
    // the unit's last import named a header row the reader does not find by itself: read it there
    if (remembered && row === undefined && res.header?.rowIndex !== remembered.headerRow)
      return loadPreview(remembered.headerRow, sheetName, offer);
    setPreview(res);
    setSheet(sheetName);
    setHeaderRow(res.header?.rowIndex ?? row);
    setReport(null);
    const fits = remembered && res.header && remembered.headerRow === res.header.rowIndex;
    if (fits) {
      setMapping(fullMapping(res.header?.headers ?? [], remembered.mapping));
      setUpdateExisting(remembered.updateExisting);
      setApplied(remembered);
    } else {
      setMapping(fullMapping(res.header?.headers ?? [], res.header?.mapping ?? {}));
      setApplied(null);
    }
    setStep('mapping');
  };

  /** Sets the remembered mapping aside: the columns as the reader found them, nothing else chosen. */
  const declineRemembered = () => {
    setDeclined(true);
    setApplied(null);
    setUpdateExisting(false);
    setMapping(fullMapping(preview?.header?.headers ?? [], preview?.header?.mapping ?? {}));
    // a report made with the remembered mapping is no longer the one to import by
    setReport(null);
    if (step === 'report') setStep('mapping');
  };

  const check = async (update: boolean = updateExisting) => {
    if (!file || !preview || !unitCode) return;
    const detected = fullMapping(preview.header?.headers ?? [], preview.header?.mapping ?? {});
    if (
      preview.report &&
      sameMapping(detected, mapping) &&
      headerRow === preview.header?.rowIndex &&
      (preview.report.plan?.updateExisting ?? false) === update
    ) {
      setReport(preview.report);
      setStep('report');
      return;
    }
    const res = await track(t('importer.checking'), CHECK_STEPS, (onStage, signal) =>
      runImport(file, { ...params(), updateExisting: update }, 'all', true, onStage, signal),
    );
    if (!res) return;
    setReport(res.report);
    setStep('report');
  };

  const run = async (mode: 'valid' | 'all') => {
    if (!file || !unitCode) return;
    const res = await track(t('importer.importing'), IMPORT_STEPS, (onStage, signal) =>
      runImport(file, params(), mode, false, onStage, signal),
    );
    if (!res) return;
    setResult(res);
    setStep('result');
    if (res.imported) await queryClient.invalidateQueries({ queryKey: ledgerKeys.all });
  };

  const errorsSheet = async () => {
    if (!file || !unitCode) return;
    const name = `${file.name.replace(/\.(xlsx|xls|et|csv)$/i, '')}${t('importer.errorsSuffix')}.xlsx`;
    await track(t('importer.uploading'), CHECK_STEPS, (onStage) =>
      downloadErrorSheet(file, params(), name, onStage),
    );
  };

  const restart = () => {
    abort.current?.abort();
    setFile(null);
    setPreview(null);
    setReport(null);
    setResult(null);
    setHeaderRow(undefined);
    setSheet(undefined);
    setMapping({});
    setUpdateExisting(false);
    setApplied(null);
    setDeclined(false);
    setError(null);
    setStep('file');
  };

  return (
    <Card
      title={t('importer.title')}
      extra={
        <Space>
          <TemplateButton />
        </Space>
      }
      data-testid="import-page"
    >
      <Steps
        current={STEPS.indexOf(step)}
        size="small"
        style={{ marginBottom: 24 }}
        items={STEPS.map((s) => ({ title: t(`importer.steps.${s}`) }))}
      />
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setError(null)}
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="import-error"
        />
      )}
      {progress && <ImportProgressView progress={progress} />}
      {applied && step !== 'result' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="import-remembered"
          title={t('importer.remembered')}
          description={t('importer.rememberedDetail', {
            by: applied.usedBy,
            at: new Date(applied.usedAt).toLocaleString(),
            uses: applied.uses,
          })}
          action={
            <Button
              size="small"
              disabled={!!progress}
              onClick={declineRemembered}
              data-testid="import-remembered-reset"
            >
              {t('importer.rememberedReset')}
            </Button>
          }
        />
      )}

      {step === 'file' && (
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item label={t('importer.unit')} extra={t('importer.unitHint')} required>
            <UnitPicker
              testId="import-unit"
              value={unitCode}
              onChange={(c) => setUnit(c)}
              defaultOptions={scopeUnit ? [scopeUnit] : []}
              placeholder={t('access.unitPlaceholder')}
            />
          </Form.Item>
          <Form.Item label={t('importer.file')} required>
            <div data-testid="import-dropzone">
              <Upload.Dragger
                accept=".xlsx,.xls,.et,.csv"
                multiple={false}
                maxCount={1}
                fileList={
                  file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' as const }] : []
                }
                beforeUpload={(f) => {
                  setFile(f);
                  return false;
                }}
                onRemove={() => {
                  setFile(null);
                  return true;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('importer.drop')}</p>
                <p className="ant-upload-hint">{t('importer.dropHint')}</p>
              </Upload.Dragger>
            </div>
          </Form.Item>
          <Button
            type="primary"
            disabled={!file || !unitCode || !!progress}
            loading={!!progress}
            onClick={() => void loadPreview(undefined)}
            data-testid="import-upload"
          >
            {t('importer.upload')}
          </Button>
        </Form>
      )}

      {step === 'mapping' && preview && (
        <MappingStep
          preview={preview}
          headerRow={headerRow}
          mapping={mapping}
          busy={!!progress}
          onHeaderRow={(row) => void loadPreview(row)}
          onSheet={(name) => void loadPreview(undefined, name)}
          onMapping={setMapping}
          onBack={restart}
          onNext={() => void check()}
        />
      )}

      {step === 'report' && report && (
        <ReportStep
          report={report}
          busy={!!progress}
          updateExisting={updateExisting}
          onUpdateExisting={(value) => {
            setUpdateExisting(value);
            void check(value);
          }}
          onBack={() => setStep('mapping')}
          onErrors={() => void errorsSheet()}
          onImport={(mode) => void run(mode)}
        />
      )}

      {step === 'result' && result && unitCode && (
        <ResultStep result={result} unit={unitCode} onAgain={restart} onFix={() => setStep('report')} />
      )}
    </Card>
  );
}
