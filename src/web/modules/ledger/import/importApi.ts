import { get } from '../../../http/client';
import {
  type ColumnMapping,
  type ImportParams,
  type ImportPreview,
  type ImportProgress,
  type ImportResult,
  importQuery,
  XLSX_TYPE,
} from '../../../http/ledger';
import { uploadForFile, uploadJson } from '../../../http/transfer';
import { newClientId } from '../common/uuid';

// The importer's calls: each sends the file again (the server keeps nothing between steps), with the
// header row and the mapping the user settled on. Each request carries a progress id of its own: while
// the file goes up the wizard shows the upload, then it polls the server's steps (read, check,
// de-duplicate, write) until the answer comes.

/** Where a request is: its upload (0..1 of the body sent), then the server's steps (null until heard). */
export type ImportStage =
  | { kind: 'upload'; fraction: number }
  | { kind: 'server'; progress: ImportProgress | null };

type OnStage = (stage: ImportStage) => void;

/** How often the wizard asks the server how far it has come. */
const POLL_MS = 300;

/** The body's type (the server reads the file by its content: .xls and WPS .et go as bytes). */
function contentType(file: File): string {
  if (/\.csv$/i.test(file.name)) return 'text/csv';
  return /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'application/octet-stream';
}

/**
 * Sends a request named with a fresh progress id, telling its upload and then, once the file is up, the
 * server's steps as polled, until it answers.
 */
async function followed<T>(
  p: ImportParams,
  onStage: OnStage,
  send: (p: ImportParams, onUpload: (fraction: number) => void) => Promise<T>,
): Promise<T> {
  const id = newClientId();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let polling = false;
  const poll = async () => {
    try {
      const progress = await get<ImportProgress>(`/api/ledger/import/progress/${id}`);
      if (!stopped) onStage({ kind: 'server', progress });
    } catch {
      // not heard of yet (404), or a poll lost: the next one may tell
    }
    if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
  };
  const onUpload = (fraction: number) => {
    if (stopped || polling) return;
    if (fraction < 1) onStage({ kind: 'upload', fraction });
    else {
      polling = true;
      onStage({ kind: 'server', progress: null });
      timer = setTimeout(() => void poll(), POLL_MS);
    }
  };
  try {
    return await send({ ...p, progress: id }, onUpload);
  } finally {
    stopped = true;
    clearTimeout(timer);
  }
}

export function previewImport(file: File, p: ImportParams, onStage: OnStage, signal?: AbortSignal) {
  return followed(p, onStage, (q, onProgress) =>
    uploadJson<ImportPreview>(`/api/ledger/import/preview?${importQuery(q)}`, file, {
      contentType: contentType(file),
      onProgress,
      signal,
    }),
  );
}

export function runImport(
  file: File,
  p: ImportParams,
  mode: 'valid' | 'all',
  dryRun: boolean,
  onStage: OnStage,
  signal?: AbortSignal,
) {
  return followed(p, onStage, (q, onProgress) =>
    uploadJson<ImportResult>(
      `/api/ledger/import?${importQuery(q, { mode, dryRun: dryRun ? '1' : undefined })}`,
      file,
      { contentType: contentType(file), onProgress, signal },
    ),
  );
}

export function downloadErrorSheet(file: File, p: ImportParams, fallbackName: string, onStage: OnStage) {
  return followed(p, onStage, (q, onProgress) =>
    uploadForFile(`/api/ledger/import/errors?${importQuery(q)}`, file, {
      contentType: contentType(file),
      onProgress,
      fallbackName,
    }),
  );
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
