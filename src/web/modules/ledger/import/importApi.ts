import {
  type ColumnMapping,
  type ImportParams,
  type ImportPreview,
  type ImportResult,
  importQuery,
  XLSX_TYPE,
} from '../../../http/ledger';
import { uploadForFile, uploadJson } from '../../../http/transfer';

// The importer's calls: each sends the file again (the server keeps nothing between steps), with the
// header row and the mapping the user settled on, and reports the upload's progress.

type Progress = (fraction: number) => void;

/** The body's type (the server reads the file by its content: .xls and WPS .et go as bytes). */
function contentType(file: File): string {
  if (/\.csv$/i.test(file.name)) return 'text/csv';
  return /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'application/octet-stream';
}

export function previewImport(file: File, p: ImportParams, onProgress: Progress, signal?: AbortSignal) {
  return uploadJson<ImportPreview>(`/api/ledger/import/preview?${importQuery(p)}`, file, {
    contentType: contentType(file),
    onProgress,
    signal,
  });
}

export function runImport(
  file: File,
  p: ImportParams,
  mode: 'valid' | 'all',
  dryRun: boolean,
  onProgress: Progress,
  signal?: AbortSignal,
) {
  return uploadJson<ImportResult>(
    `/api/ledger/import?${importQuery(p, { mode, dryRun: dryRun ? '1' : undefined })}`,
    file,
    { contentType: contentType(file), onProgress, signal },
  );
}

export function downloadErrorSheet(file: File, p: ImportParams, fallbackName: string, onProgress: Progress) {
  return uploadForFile(`/api/ledger/import/errors?${importQuery(p)}`, file, {
    contentType: contentType(file),
    onProgress,
    fallbackName,
  });
}

/** The mapping as the server reads it: every column, null for the ones left out. */
export function fullMapping(headers: readonly string[], mapping: ColumnMapping): ColumnMapping {
  const out: ColumnMapping = {};
  headers.forEach((_, i) => {
    out[String(i)] = mapping[String(i)] ?? null;
  });
  return out;
}

export function sameMapping(a: ColumnMapping, b: ColumnMapping): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
}
