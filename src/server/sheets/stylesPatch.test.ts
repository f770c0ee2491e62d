import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadWorkbook, workbookBuffer } from './excelJs';
import { DARK_RED, LIGHT_RED, MINIMAL_STYLES, StylesPatch, setAttribute } from './stylesPatch';
import { openZip } from './zip';
import { writeZip } from './zipWrite';

async function stylesOf(build: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('台账'));
  const zip = openZip(await workbookBuffer(wb));
  const e = zip.find('xl/styles.xml');
  if (!e) throw new Error('no styles');
  return (await zip.read(e)).toString('utf8');
}

const count = (xml: string, section: string) =>
  Number(new RegExp(`<${section} count="(\\d+)"`).exec(xml)?.[1]);
const xfs = (xml: string) =>
  /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1].match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [];

describe('StylesPatch', () => {
  it('adds the styles once each, after the workbook’s own, with the counts updated', async () => {
    const xml = await stylesOf((ws) => {
      ws.getCell('A1').value = '姓名';
      ws.getCell('A1').font = { bold: true, name: '宋体', size: 12 };
      ws.getCell('A1').border = { top: { style: 'thin' } };
    });
    const before = xfs(xml).length;
    const patch = new StylesPatch(xml);
    expect(patch.changed).toBe(false);
    const marked1 = patch.marked(1);
    expect(patch.marked(1)).toBe(marked1);
    const message = patch.message();
    const header = patch.header(1);
    expect([marked1, message, header]).toEqual([before, before + 1, before + 2]);
    const out = patch.toXml();
    expect(count(out, 'cellXfs')).toBe(before + 3);
    expect(xfs(out)).toHaveLength(before + 3);
    expect(count(out, 'fills')).toBe(count(xml, 'fills') + 1);
    expect(count(out, 'fonts')).toBe(count(xml, 'fonts') + 2);
    // the marked style keeps the font and border of style 1, with the new fill
    const base = xfs(xml)[1];
    const marked = xfs(out)[marked1];
    expect(/fontId="(\d+)"/.exec(marked)?.[1]).toBe(/fontId="(\d+)"/.exec(base)?.[1]);
    expect(/borderId="(\d+)"/.exec(marked)?.[1]).toBe(/borderId="(\d+)"/.exec(base)?.[1]);
    expect(/fillId="(\d+)"/.exec(marked)?.[1]).toBe(String(count(xml, 'fills')));
    expect(out).toContain(`<fgColor rgb="${LIGHT_RED}"/>`);
    expect(out).toContain(`<color rgb="${DARK_RED}"/>`);
    expect(xml.slice(0, xml.indexOf('<fonts'))).toBe(out.slice(0, out.indexOf('<fonts')));
  });

  it('gives a workbook the styles ExcelJS reads: fill, font, wrap', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getCell('A1').value = 'x';
    ws.getCell('A1').font = { italic: true };
    const zip = openZip(await workbookBuffer(wb));
    const entry = zip.find('xl/styles.xml');
    if (!entry) throw new Error('no styles');
    const patch = new StylesPatch((await zip.read(entry)).toString('utf8'));
    const ids = { marked: patch.marked(1), message: patch.message() };
    const sheetEntry = zip.find('xl/worksheets/sheet1.xml');
    if (!sheetEntry) throw new Error('no sheet');
    const sheet = (await zip.read(sheetEntry))
      .toString('utf8')
      .replace(/<c r="A1" s="\d+"/, `<c r="A1" s="${ids.marked}"`)
      .replace('</row>', `<c r="B1" s="${ids.message}" t="inlineStr"><is><t>错</t></is></c></row>`);
    const parts = [...zip.entries.values()].map((e) =>
      e.name === 'xl/styles.xml'
        ? { name: e.name, data: patch.toXml() }
        : e.name === 'xl/worksheets/sheet1.xml'
          ? { name: e.name, data: sheet }
          : { name: e.name, from: zip, entry: e },
    );
    const back = (await loadWorkbook(await writeZip(parts))).getWorksheet('台账');
    const a1 = back?.getCell('A1');
    const b1 = back?.getCell('B1');
    expect(a1?.font?.italic).toBe(true);
    expect(a1?.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_RED } });
    expect(b1?.font?.color?.argb).toBe(DARK_RED);
    expect(b1?.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(b1?.numFmt).toBe('@');
  });

  it('starts from a minimal styles part when the workbook has none', () => {
    const patch = new StylesPatch(undefined);
    expect(patch.message()).toBe(1);
    const out = patch.toXml();
    expect(out.startsWith(MINIMAL_STYLES.slice(0, 60))).toBe(true);
    expect(count(out, 'cellXfs')).toBe(2);
  });

  it('sets attributes on an opening tag', () => {
    expect(setAttribute('<xf numFmtId="0" fillId="0"/>', 'fillId', '5')).toBe(
      '<xf numFmtId="0" fillId="5"/>',
    );
    expect(setAttribute('<xf numFmtId="0"/>', 'applyFill', '1')).toBe('<xf numFmtId="0" applyFill="1"/>');
    expect(setAttribute('<xf numFmtId="0"><alignment/></xf>', 'fillId', '2')).toBe(
      '<xf numFmtId="0" fillId="2"><alignment/></xf>',
    );
    expect(setAttribute('<cols>', 'count', '3')).toBe('<cols count="3">');
  });
});
