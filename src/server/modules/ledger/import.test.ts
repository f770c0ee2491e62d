import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { loadWorkbook } from '../../sheets/excelJs';
import { readWorkbook } from '../../sheets/readWorkbook';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';
import {
  FIXED_EXPECTED,
  fixedMessyLedgerSheet,
  legacyXlsWorkbook,
  MESSY_EXPECTED,
  messyLedgerSheet,
} from './excel/fixtures';
import { XLSX_TYPE } from './importRoutes';

// The import through its API on a real PostgreSQL: a sheet as an office keeps it (title rows, synonyms,
// merged building cells, a bad row), all-or-nothing leaves nothing, valid rows go in with the buildings
// the sheet names, IDs already in the ledger are refused, the audit log records it.

const A = '410105002008'; // 省民航社区
const B = '410103001001'; // 淮河社区

let t: TestApp;
let admin: string;
let n = 0;

const id = (sex: 'male' | 'female' = 'male') =>
  generateIdNumber({
    regionCode: '410105',
    birthDate: new Date(Date.UTC(1970, 0, ++n)).toISOString().slice(0, 10),
    sequence: sex === 'male' ? 301 : 302,
  });

async function sheet(rows: unknown[][], merges: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  for (const r of rows) ws.addRow(r);
  for (const m of merges) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function post(url: string, body: Buffer, cookie = admin) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': XLSX_TYPE, 'accept-language': 'zh-CN' },
    payload: body,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the ledger import', () => {
  it('reads an office sheet, refuses all-or-nothing with a bad row, then imports the valid rows', async () => {
    const good = [id(), id('female'), id()];
    const bad = `${good[0].slice(0, 17)}${good[0][17] === '1' ? '2' : '1'}`;
    const data = await sheet(
      [
        ['省民航社区入户排查台账（导入测试）'],
        ['填报日期：2020年1月28日'],
        [],
        ['楼号', '单元', '门牌', '名字', '身份证号码', '手机号', '与户主关系', '颜色'],
        ['88号楼', '1', '101', '司马导一', good[0], '13800000001', '户主', '绿'],
        [null, '1', '101', '司马导二', good[1], '', '配偶', '绿'],
        [null, '1', '102', '诸葛导三', good[2], '13800000003', '户主', '黄'],
        [null, '1', '103', '', '', '', '', '空户'],
        [null, '1', '104', '东方导四', bad, '', '户主', ''],
      ],
      ['A5:A9'],
    );
    const preview = await post(`/api/ledger/import/preview?unit=${A}`, data);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.header.rowIndex).toBe(3);
    expect(Object.values(p.header.mapping)).toEqual(
      expect.arrayContaining(['building', 'unit', 'door', 'name', 'idNumber', 'phone', 'relation', 'colour']),
    );
    expect(JSON.stringify(p.sample)).not.toContain(good[0]);
    expect(p.report.rejected).toEqual([
      expect.objectContaining({ row: 9, column: '身份证号码', code: 'id.checksum' }),
    ]);

    const all = await post(`/api/ledger/import?unit=${A}&mode=all`, data);
    expect(all.json()).toMatchObject({ imported: false });
    const none = await t.app.inject({
      method: 'GET',
      url: `/api/ledger/households?unit=${A}&q=${encodeURIComponent('司马导一')}`,
      headers: { cookie: admin },
    });
    expect(none.json().items).toEqual([]);

    const valid = await post(`/api/ledger/import?unit=${A}&mode=valid`, data);
    const r = valid.json();
    expect(r).toMatchObject({ imported: true, report: { households: 3, residents: 3, emptyHouseholds: 1 } });
    expect(r.report.created).toMatchObject({ households: 3, residents: 3, buildings: 1 });

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/ledger/households?unit=${A}&q=${encodeURIComponent('诸葛导三')}`,
      headers: { cookie: admin },
    });
    const [li] = list.json().items;
    expect(li).toMatchObject({
      unit: { name: '88号楼' },
      door: '102',
      colour: 'yellow',
      derivedColour: 'green',
    });
    expect(li.override.reason).toContain('导入');

    // the same sheet again: every person is already in the ledger
    const again = (await post(`/api/ledger/import?unit=${A}&mode=valid&dryRun=1`, data)).json();
    expect(again.report.rejected.filter((e: { code: string }) => e.code === 'id.in_ledger')).toHaveLength(3);

    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/audit?action=ledger.imported',
      headers: { cookie: admin },
    });
    expect(audit.body).toContain('ledger.imported');
  });

  it('answers a file that is no spreadsheet with a clear error, and an out-of-scope unit with 404', async () => {
    const junk = await post(
      `/api/ledger/import?unit=${A}`,
      Buffer.from('PK\u0003\u0004 a broken zip, not a workbook'),
    );
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.message).toMatch(/xlsx|Excel|表格/);
    const text = (await post(`/api/ledger/import?unit=${A}`, Buffer.from('not a ledger at all'))).json();
    expect(text.imported).toBe(false);
    expect(text.report.rejected[0]).toMatchObject({ row: null, code: 'sheet.no_header' });
    const smh = await t.login('smh_admin', 'Wangge2020');
    const out = await post(
      `/api/ledger/import?unit=${B}`,
      await sheet([
        ['姓名', '门牌'],
        ['张三', '101'],
      ]),
      smh,
    );
    expect(out.statusCode).toBe(404);
  });

  it('imports an .xls (or a WPS .et: the same container, told by its content) and a CSV through the same route', async () => {
    const [a, b, c] = [id(), id('female'), id()];
    const xls = legacyXlsWorkbook([
      {
        name: '入户台账',
        rows: [
          ['省民航社区入户台账（WPS）'],
          ['楼号', '单元', '门牌', '姓名', '身份证号', '与户主关系'],
          ['旧表楼', '1', '101', '欧阳旧一', a, '户主'],
          [null, '1', '101', '欧阳旧二', b, '配偶'],
          [null, '1', '102', '欧阳旧三', `${c.slice(0, 17)}${c[17] === '1' ? '2' : '1'}`, '户主'],
        ],
        merges: ['A3:A5'],
      },
    ]);
    const upload = (body: Buffer, url: string, type = 'application/octet-stream') =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: admin, 'content-type': type, 'accept-language': 'zh-CN' },
        payload: body,
      });
    const preview = (await upload(xls, `/api/ledger/import/preview?unit=${A}`)).json();
    expect(preview.sheetName).toBe('入户台账');
    expect(preview.report.plan.counts).toMatchObject({ new: 2 });
    expect(preview.report.rejected).toEqual([
      expect.objectContaining({ row: 5, column: '身份证号', code: 'id.checksum' }),
    ]);
    // the error sheet of an .xls is a fresh .xlsx of its rows, the errors beside them
    const marked = await upload(xls, `/api/ledger/import/errors?unit=${A}`);
    expect(marked.statusCode).toBe(200);
    expect(marked.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const back = await readWorkbook(marked.rawPayload);
    expect(back.rows[4]).toEqual(expect.arrayContaining(['欧阳旧三', expect.stringContaining('校验位')]));
    const done = (await upload(xls, `/api/ledger/import?unit=${A}&mode=valid`)).json();
    expect(done).toMatchObject({ imported: true, report: { created: { households: 1, residents: 2 } } });

    const d = id();
    const csv = Buffer.from(`楼号,门牌,姓名,身份证号\n旧表楼,201,欧阳新四,${d}\n`, 'utf8');
    const fromCsv = (await upload(csv, `/api/ledger/import?unit=${A}&mode=all`, 'text/csv')).json();
    expect(fromCsv).toMatchObject({ imported: true, report: { created: { households: 1, residents: 1 } } });
    const found = async (name: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/ledger/households?unit=${A}&q=${encodeURIComponent(name)}`,
          headers: { cookie: admin },
        })
      ).json().items;
    expect(await found('欧阳旧二')).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ name: '旧表楼' }), door: '101' }),
    ]);
    expect(await found('欧阳新四')).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ name: '旧表楼' }), door: '201' }),
    ]);

    // an OLE file that is no workbook: how to save it as .xlsx, in the caller's language
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const refused = await upload(ole, `/api/ledger/import?unit=${A}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('另存为');
    expect(refused.json().error.message).toContain('.et');
  });

  it('names every wrong row of a messy office sheet, gives the sheet back marked, and takes the fixed one', async () => {
    const grid = (
      await t.app.inject({
        method: 'POST',
        url: '/api/org/units',
        headers: { cookie: admin },
        payload: { parentCode: A, kind: 'grid', name: '导入测试网格' },
      })
    ).json().code;
    const messy = await messyLedgerSheet();
    const preview = (await post(`/api/ledger/import/preview?unit=${grid}`, messy)).json();
    expect(preview.header.rowIndex).toBe(MESSY_EXPECTED.headerRowIndex);
    const found = preview.report.rejected.map((e: { row: number; code: string; column: string }) => ({
      row: e.row,
      code: e.code,
      column: e.column,
    }));
    for (const e of MESSY_EXPECTED.errors) expect(found).toContainEqual(e);

    const marked = await post(`/api/ledger/import/errors?unit=${grid}`, messy);
    expect(marked.statusCode).toBe(200);
    expect(marked.headers['content-type']).toContain('spreadsheetml');
    const back = await readWorkbook(marked.rawPayload);
    const header = back.rows[MESSY_EXPECTED.headerRowIndex];
    const col = header.indexOf('错误原因');
    expect(col).toBeGreaterThan(0);
    for (const e of MESSY_EXPECTED.errors) expect(String(back.rows[e.row - 1][col] ?? '')).not.toBe('');

    const all = (await post(`/api/ledger/import?unit=${grid}&mode=all`, messy)).json();
    expect(all.imported).toBe(false);
    const fixed = (
      await post(`/api/ledger/import?unit=${grid}&mode=all`, await fixedMessyLedgerSheet())
    ).json();
    expect(fixed).toMatchObject({
      imported: true,
      report: {
        rejected: [],
        residents: FIXED_EXPECTED.residents,
        households: FIXED_EXPECTED.households,
        emptyHouseholds: FIXED_EXPECTED.emptyHouseholds,
      },
    });
  });

  it('gives the template and exports a filtered view, masked unless full values are asked for and allowed; audited', async () => {
    const template = await t.app.inject({
      method: 'GET',
      url: '/api/ledger/template.xlsx',
      headers: { cookie: admin },
    });
    expect(template.statusCode).toBe(200);
    const read = await readWorkbook(template.rawPayload);
    expect(read.rows[1]).toEqual(expect.arrayContaining(['姓名', '身份证号', '联系电话', '颜色']));

    const secret = id();
    const door = await t.app.inject({
      method: 'POST',
      url: '/api/ledger/households',
      headers: { cookie: admin },
      payload: {
        unitCode: A,
        door: '导出-1',
        residents: [{ name: '上官导出', idNumber: secret, phone: '13700001234' }],
      },
    });
    expect(door.statusCode).toBe(201);
    const url = `/api/ledger/export.xlsx?unit=${A}&q=${encodeURIComponent('上官导出')}`;
    const masked = await t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
    expect(masked.statusCode).toBe(200);
    const rows = (await readWorkbook(masked.rawPayload)).rows;
    const row = rows.find((r) => r.includes('上官导出'));
    expect(row).toBeDefined();
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(JSON.stringify(row)).toContain(secret.slice(-4));

    const full = await t.app.inject({ method: 'GET', url: `${url}&full=1`, headers: { cookie: admin } });
    expect(JSON.stringify((await readWorkbook(full.rawPayload)).rows)).toContain(secret);
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/audit?action=data.exported',
      headers: { cookie: admin },
    });
    expect(audit.body).toContain(`ledger:${A}`);

    const grid = await t.login('smh_grid1', 'Wangge2020');
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: grid } })).statusCode).toBe(403);
  });

  it('names an export by unit, filter and the ledger day, writes the filter in the title row, and prints it landscape', async () => {
    const before = t.services.config.today;
    t.services.config.today = '2020-02-05'; // the demo's day (WANGGE_TODAY)
    try {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/ledger/export.xlsx?unit=${A}&colour=red,orange`,
        headers: { cookie: admin, 'accept-language': 'zh-CN' },
      });
      expect(res.statusCode).toBe(200);
      const disposition = String(res.headers['content-disposition']);
      expect(disposition).toContain(
        `filename*=UTF-8''${encodeURIComponent('省民航社区入户台账-红橙-2020-02-05.xlsx')}`,
      );
      expect(disposition).toContain('filename="ledger-410105002008-red+orange-2020-02-05.xlsx"');
      const read = await readWorkbook(res.rawPayload);
      expect(read.rows[0][0]).toBe('省民航社区入户台账（颜色：红、橙）2020-02-05 导出');
      expect(read.rows[1]).toEqual(expect.arrayContaining(['姓名', '身份证号']));
      const ws = (await loadWorkbook(res.rawPayload)).worksheets[0];
      expect(ws.pageSetup).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        paperSize: 9,
        printTitlesRow: '1:2',
      });

      const all = await t.app.inject({
        method: 'GET',
        url: `/api/ledger/export.xlsx?unit=${A}&q=13800000001`,
        headers: { cookie: admin, 'accept-language': 'en' },
      });
      const name = String(all.headers['content-disposition']);
      expect(name).toContain(encodeURIComponent('省民航社区-ledger-number search-2020-02-05.xlsx'));
      expect(name).not.toContain('13800000001');
      expect((await readWorkbook(all.rawPayload)).rows[0][0]).toBe(
        '省民航社区 household ledger (search: number search), exported 2020-02-05',
      );
    } finally {
      t.services.config.today = before;
    }
  });
});
