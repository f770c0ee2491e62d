import { ApiError, type ApiFieldError, reportUnauthorized, toApiError } from './client';

// Files both ways: an upload through XMLHttpRequest (fetch cannot report upload progress), and downloads
// of what the server answers (a template, an export, an error sheet) saved under the server's file name.

export interface UploadOptions {
  method?: 'POST' | 'PUT';
  contentType: string;
  /** 0..1 of the body sent */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function parseError(status: number, text: string): ApiError {
  let code = status === 401 ? 'unauthenticated' : 'internal';
  let message = `HTTP ${status}`;
  let fields: ApiFieldError[] = [];
  try {
    const body = JSON.parse(text) as {
      error?: { code?: string; message?: string; fields?: ApiFieldError[] };
    };
    if (body?.error) {
      code = body.error.code ?? code;
      message = body.error.message ?? message;
      fields = body.error.fields ?? [];
    }
  } catch {
    // not JSON
  }
  return new ApiError(status, code, message, fields);
}

function send(
  url: string,
  body: Blob,
  responseType: 'text' | 'blob',
  opts: UploadOptions,
): Promise<{ xhr: XMLHttpRequest }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(opts.method ?? 'POST', url);
    xhr.withCredentials = true;
    xhr.responseType = responseType;
    xhr.setRequestHeader('Content-Type', opts.contentType);
    xhr.setRequestHeader('Accept', responseType === 'blob' ? '*/*' : 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => opts.onProgress?.(1);
    xhr.onload = () => resolve({ xhr });
    xhr.onerror = () => reject(new ApiError(0, 'network', ''));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

async function failure(xhr: XMLHttpRequest): Promise<ApiError> {
  const text =
    xhr.responseType === 'blob' && xhr.response instanceof Blob
      ? await (xhr.response as Blob).text()
      : String(xhr.response ?? '');
  if (xhr.status === 401) reportUnauthorized();
  return parseError(xhr.status, text);
}

/** Sends a file as the request body and reads the JSON answer, reporting the upload's progress. */
export async function uploadJson<T>(url: string, body: Blob, opts: UploadOptions): Promise<T> {
  const { xhr } = await send(url, body, 'text', opts);
  if (xhr.status < 200 || xhr.status >= 300) throw await failure(xhr);
  const text = String(xhr.response ?? '');
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Sends a file and saves the file the server answers with. */
export async function uploadForFile(
  url: string,
  body: Blob,
  opts: UploadOptions & { fallbackName: string },
): Promise<void> {
  const { xhr } = await send(url, body, 'blob', opts);
  if (xhr.status < 200 || xhr.status >= 300) throw await failure(xhr);
  saveBlob(
    xhr.response as Blob,
    fileNameOf(xhr.getResponseHeader('content-disposition')) ?? opts.fallbackName,
  );
}

/** The file name of a Content-Disposition header (filename*=UTF-8'' first, for Chinese names). */
export function fileNameOf(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || undefined;
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** GETs a file (cookies, the server's error shape on failure) and saves it. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (!res.ok) {
    if (res.status === 401) reportUnauthorized();
    throw await toApiError(res);
  }
  saveBlob(await res.blob(), fileNameOf(res.headers.get('content-disposition')) ?? fallbackName);
}
