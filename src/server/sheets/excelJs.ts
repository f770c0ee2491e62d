// ExcelJS glue: loading and writing whole workbooks as Node Buffers. ExcelJS's typings declare a Buffer
// of their own (an ArrayBuffer); at run time it takes and gives Node Buffers, which is what these say.
//
// Loading a whole workbook is for small files and tests: the importer reads sheets with readWorkbook,
// and the error sheet patches the file in place (errorSheet.ts). ExcelJS's load takes 5–7 s and over
// 1 GB for a 100,000-row sheet, and checks each merged range against every other (quadratic).

import ExcelJS from 'exceljs';

type XlsxInput = Parameters<ExcelJS.Xlsx['load']>[0];

/** A workbook loaded from .xlsx bytes. */
export async function loadWorkbook(data: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as XlsxInput);
  return workbook;
}

/** A workbook's .xlsx bytes. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return (await workbook.xlsx.writeBuffer()) as unknown as Buffer;
}
