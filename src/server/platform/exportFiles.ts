import type ExcelJS from 'exceljs';

// How an exported spreadsheet is handed over and printed, the same for every module: a Content-Disposition
// with the UTF-8 name (RFC 6266 / 5987: filename*=UTF-8''…) and an ASCII fallback for the clients that
// cannot read it, and a page set up for A4 landscape, fitted to the width, the title and header rows
// repeated on every printed page.

/** `attachment; filename="<ascii>"; filename*=UTF-8''<name>` */
export function attachment(name: string, asciiName: string): string {
  const fallback = asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * The page setup of an export: A4 landscape, every column on one page's width (as many pages down as it
 * takes), `titleRows` ('1:2') printed at the top of every page.
 */
export function landscapePageSetup(titleRows: string): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: titleRows,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
}
