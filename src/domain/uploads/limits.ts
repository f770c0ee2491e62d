// The limits of an uploaded sheet, in one place (docs/operations.md lists them). An upload is refused, with
// a message naming the limit it passed, before its work can outgrow them: the bytes sent, the bytes its
// parts inflate to, the rows, columns and cells read, the merged ranges and the cells they cover. Every
// sheet is read in a worker thread (server/sheets/worker), which has its own memory cap and
// time limit, so that one upload never stops the server's event loop.

const MiB = 1024 * 1024;

export const UPLOAD_LIMITS = {
  /** the body of a ledger import (preview, import, error sheet) */
  ledgerBytes: 60 * MiB,
  /** the body of a people import (力量名册) */
  peopleBytes: 10 * MiB,
  /**
   * a body over its route's limit is answered 413 at once and then read and thrown away up to this many
   * bytes, so that the client, still sending, is not cut off before it reads the answer; past it the
   * connection is closed
   */
  drainBytes: 256 * MiB,
  /** the worksheet's XML, inflated (a 100,000-row, 12-column ledger is 30–70 MB) */
  sheetXmlBytes: 160 * MiB,
  /** any other part read whole, inflated: shared strings, styles, the workbook, notes */
  partBytes: 48 * MiB,
  /** the highest sheet row read (Excel allows 1,048,576) */
  rows: 200_000,
  /** the widest row read: columns A to IV (Excel allows 16,384) */
  columns: 256,
  /** cells held for the rows read, blank cells between values included */
  cells: 4_000_000,
  /** merged ranges in the sheet */
  merges: 100_000,
  /** cells covered by merged ranges, counted within the rows and columns read (Excel's never overlap) */
  mergedCells: 4_000_000,
  /** the heap of a sheet worker, in MB: past it the worker is stopped and the upload refused */
  workerMemoryMb: 1536,
  /** how long a sheet worker may work on one upload, in seconds */
  workerSeconds: 120,
} as const;

export type UploadLimit = keyof typeof UPLOAD_LIMITS;

/** A number of bytes as people say it: '60 MB', '512 KB'. */
export function bytesText(bytes: number): string {
  if (bytes >= MiB) return `${Math.round((bytes / MiB) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A count with thousands separators: 200000 → '200,000'. */
export function countText(n: number): string {
  return n.toLocaleString('en-US');
}
