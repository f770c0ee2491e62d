// Names of the files an export gives: what they hold, in the user's words (省民航社区入户台账-红橙-2020-02-05
// .xlsx), and an ASCII twin for the Content-Disposition fallback of clients that cannot read the UTF-8
// name. Pure, no I/O.

/** longest name kept before the extension, in characters */
const MAX_NAME = 120;

/** Characters no file name may hold on Windows (and controls), replaced; dots and spaces trimmed. */
function clean(part: string): string {
  return part
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
}

/** The non-empty parts joined with '-', made safe for a file name, with its extension. */
export function exportFileName(parts: readonly (string | null | undefined)[], ext = 'xlsx'): string {
  const name = parts
    .map((p) => clean(p ?? ''))
    .filter((p) => p !== '')
    .join('-')
    .slice(0, MAX_NAME);
  return `${name || 'export'}.${ext}`;
}

/** The same in ASCII letters, digits, '-', '_' and '.' only (other characters dropped). */
export function asciiFileName(parts: readonly (string | null | undefined)[], ext = 'xlsx'): string {
  return exportFileName(
    parts.map((p) =>
      (p ?? '')
        .replace(/\s+/g, '_')
        .replace(/[^A-Za-z0-9._+-]+/g, '')
        .replace(/^[-_]+|[-_]+$/g, ''),
    ),
    ext,
  );
}
