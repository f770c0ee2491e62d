// Messages of uploads refused (limits, files that are not sheets), zh-CN and en; spread into the
// catalogue in i18n/messages.ts. {limit} is said with its unit ('60 MB', '200,000').

const SAVE_ZH =
  '请在 Excel 或 WPS 中打开表格，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再上传另存的文件。';
const SAVE_EN =
  'Open the sheet in Excel or WPS, choose File → Save As, pick "Excel Workbook (*.xlsx)", and upload the saved file.';
const ORIGINAL_ZH =
  '其中的表格无法读取：请上传原来的 Excel 或 WPS 表格文件（.xlsx、.xls、.et 或 .csv）；如果只有这个文件，请把内容填入导入模板后上传。';
const ORIGINAL_EN =
  'A table in it cannot be read: upload the original Excel or WPS sheet (.xlsx, .xls, .et or .csv); if this file is all you have, copy its contents into the import template and upload that.';
const SPLIT_ZH = '请分成几个较小的文件再上传。';
const SPLIT_EN = 'Split it into smaller files and upload them one by one.';

export const uploadMessagesZh = {
  'upload.too_large_body': `文件太大：上传的文件不能超过 {limit}。请删去不需要的工作表、图片和空行，或${SPLIT_ZH}`,
  'upload.limit.rows': `表格超过 {limit} 行（第 {found} 行还有内容），不能导入。${SPLIT_ZH}`,
  'upload.limit.columns': '表格超过 {limit} 列（第 {found} 列还有内容），不能导入。请删去多余的列后再上传。',
  'upload.limit.cells': `表格的单元格超过 {limit} 个，不能导入。${SPLIT_ZH}`,
  'upload.limit.merges':
    '表格的合并单元格超过 {limit} 处，不能导入。请取消不需要的合并（选中整张表，点“合并后居中”取消合并）后再上传。',
  'upload.limit.merged_cells':
    '合并单元格覆盖的单元格超过 {limit} 个（合并区域互相重叠），不能导入。请选中整张表取消合并，再上传。',
  'upload.limit.part': `文件解压后太大：其中的“{part}”超过 {limit}，不能导入。${SPLIT_ZH}`,
  'upload.limit.memory': `读取这个文件需要的内存超过上限（{limit}），已停止读取。${SPLIT_ZH}`,
  'upload.limit.time': `读取这个文件超过 {limit} 秒，已停止读取。${SPLIT_ZH}`,
  'upload.not_sheet.pdf': `这是一个 PDF 文件，不是电子表格，不能导入。${ORIGINAL_ZH}`,
  'upload.not_sheet.image': `这是一张图片，不是电子表格，不能导入。${ORIGINAL_ZH}`,
  'upload.not_sheet.word': `这是一个 Word 文档，不是电子表格，不能导入。${ORIGINAL_ZH}`,
  'upload.not_sheet.powerpoint': `这是一个 PowerPoint 演示文稿，不是电子表格，不能导入。${ORIGINAL_ZH}`,
  'upload.not_sheet.xlsb': `这是 Excel 二进制工作簿（.xlsb），不能直接导入。${SAVE_ZH}`,
  'upload.not_sheet.opendocument': `这是 OpenDocument 格式（.ods 等，LibreOffice 或 WPS 保存）的文件，不能直接导入。${SAVE_ZH}`,
  'upload.not_sheet.archive':
    '这是一个压缩包（.zip、.rar、.7z 等），不是电子表格。请先解压，再上传其中的表格文件（.xlsx、.xls、.et 或 .csv）。',
  'upload.not_sheet.binary': `这个文件不是电子表格，也不是文本（CSV），不能导入。${SAVE_ZH}`,
} as const;

export const uploadMessagesEn: Record<keyof typeof uploadMessagesZh, string> = {
  'upload.too_large_body': `The file is too large: an upload may be {limit} at most. Remove unneeded sheets, pictures and blank rows, or ${SPLIT_EN.charAt(0).toLowerCase()}${SPLIT_EN.slice(1)}`,
  'upload.limit.rows': `The sheet has more than {limit} rows (row {found} has a value) and cannot be imported. ${SPLIT_EN}`,
  'upload.limit.columns':
    'The sheet has more than {limit} columns (column {found} has a value) and cannot be imported. Delete the extra columns and upload it again.',
  'upload.limit.cells': `The sheet has more than {limit} cells and cannot be imported. ${SPLIT_EN}`,
  'upload.limit.merges':
    'The sheet has more than {limit} merged ranges and cannot be imported. Unmerge the cells you do not need (select the whole sheet, click "Merge & Center" to unmerge) and upload it again.',
  'upload.limit.merged_cells':
    'The merged ranges cover more than {limit} cells (they overlap) and the sheet cannot be imported. Select the whole sheet, unmerge, and upload it again.',
  'upload.limit.part': `The file is too large once unpacked: its part "{part}" is over {limit}. ${SPLIT_EN}`,
  'upload.limit.memory': `Reading this file needs more memory than the limit ({limit}); reading was stopped. ${SPLIT_EN}`,
  'upload.limit.time': `Reading this file took more than {limit} seconds and was stopped. ${SPLIT_EN}`,
  'upload.not_sheet.pdf': `This is a PDF file, not a spreadsheet, and cannot be imported. ${ORIGINAL_EN}`,
  'upload.not_sheet.image': `This is a picture, not a spreadsheet, and cannot be imported. ${ORIGINAL_EN}`,
  'upload.not_sheet.word': `This is a Word document, not a spreadsheet, and cannot be imported. ${ORIGINAL_EN}`,
  'upload.not_sheet.powerpoint': `This is a PowerPoint presentation, not a spreadsheet, and cannot be imported. ${ORIGINAL_EN}`,
  'upload.not_sheet.xlsb': `This is an Excel Binary Workbook (.xlsb), which cannot be imported as it is. ${SAVE_EN}`,
  'upload.not_sheet.opendocument': `This is an OpenDocument file (.ods and others, saved by LibreOffice or WPS), which cannot be imported as it is. ${SAVE_EN}`,
  'upload.not_sheet.archive':
    'This is a compressed archive (.zip, .rar, .7z…), not a spreadsheet. Unpack it and upload the sheet inside (.xlsx, .xls, .et or .csv).',
  'upload.not_sheet.binary': `This file is neither a spreadsheet nor text (CSV) and cannot be imported. ${SAVE_EN}`,
};
