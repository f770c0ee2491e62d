import { type AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fullWidthMergesSheet,
  minimalXlsx,
  rowXml,
  sharedStringsBomb,
  tallMergesSheet,
} from '../../sheets/hostileSheets';
import { readWorkbook } from '../../sheets/readWorkbook';
import { writeZip } from '../../sheets/zipWrite';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';
import { XLSX_TYPE } from './importRoutes';

// Uploads that would hurt the only server process (issue 11: 4, 16, 17): hostile sheets are refused with
// a 413 naming the limit while the server keeps answering, a body over the limit is answered 413 and the
// client reads it, and files that are no spreadsheet are named for what they are.

const A = '410105002008'; // 省民航社区

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

function post(url: string, body: Buffer, lang = 'zh-CN') {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: admin, 'content-type': XLSX_TYPE, 'accept-language': lang },
    payload: body,
  });
}

/**
 * Sends an upload and, while it is being read, asks /healthz: answers the upload's answer and how long
 * /healthz took. A reader on the event loop holds /healthz until it is done.
 */
async function whileUploading(url: string, body: Buffer, lang = 'zh-CN') {
  const upload = post(url, body, lang);
  await new Promise((r) => setTimeout(r, 50));
  const asked = performance.now();
  const health = await t.app.inject({ method: 'GET', url: '/healthz' });
  const healthMs = performance.now() - asked;
  expect(health.statusCode).toBe(200);
  return { res: await upload, healthMs };
}

describe('hostile sheets (bounded work, read off the event loop)', () => {
  it('refuses 40,000 tall overlapping merged ranges with a 413 naming the limit, /healthz answering meanwhile', async () => {
    const data = await tallMergesSheet();
    const { res, healthMs } = await whileUploading(`/api/ledger/import/preview?unit=${A}`, data);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('too_large');
    expect(res.json().error.message).toContain('合并单元格覆盖的单元格超过 4,000,000 个');
    expect(healthMs).toBeLessThan(2000);
    const en = await post(`/api/ledger/import?unit=${A}`, data, 'en');
    expect(en.json().error.message).toContain('cover more than 4,000,000 cells');
  });

  it('gives back the error sheet of 4,000 rows merged across the whole width, quickly, /healthz answering meanwhile', async () => {
    const data = await fullWidthMergesSheet();
    const { res, healthMs } = await whileUploading(`/api/ledger/import/errors?unit=${A}`, data);
    expect(res.statusCode).toBe(200);
    expect(healthMs).toBeLessThan(2000);
    // the error column comes right after the sheet's own columns, not past Excel's last column
    const back = await readWorkbook(res.rawPayload);
    expect(back.rows[0]).toEqual(['楼号', '门牌', '姓名', '身份证号', '错误原因']);
    expect(String(back.rows[1][4])).toContain('身份证');
  });

  it('refuses a shared-strings zip bomb (1 MB inflating to 460 MB) naming the part and the limit', async () => {
    const data = await sharedStringsBomb(460);
    expect(data.length).toBeLessThan(2 * 1024 * 1024);
    const { res, healthMs } = await whileUploading(`/api/ledger/import/preview?unit=${A}`, data, 'en');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('"xl/sharedStrings.xml" is over 48 MB');
    expect(healthMs).toBeLessThan(2000);
    // the people import reads through the same layer and limits
    const people = await post(`/api/forces/people/import?unit=${A}`, data);
    expect(people.statusCode).toBe(413);
    expect(people.json().error.message).toContain('超过 48 MB');
  });

  it('refuses a sheet reaching row 1,048,576 or column XFD, naming the limit', async () => {
    const tall = await minimalXlsx([
      rowXml(1, ['姓名', '门牌']),
      '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    ]);
    const res = await post(`/api/ledger/import/preview?unit=${A}`, tall);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe(
      '表格超过 200,000 行（第 1048576 行还有内容），不能导入。请分成几个较小的文件再上传。',
    );
    const wide = await minimalXlsx([
      rowXml(1, ['姓名', '门牌']),
      '<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>',
    ]);
    const w = await post(`/api/ledger/import/preview?unit=${A}`, wide, 'en');
    expect(w.statusCode).toBe(413);
    expect(w.json().error.message).toContain('more than 256 columns (column 16384 has a value)');
  });
});

describe('a body over the limit (413, read by the client)', () => {
  /**
   * A raw HTTP request sent as a browser sends an upload: the whole body first, reading nothing until it
   * is sent, then the answer. Answers the status and body read, or the socket error met. A server that
   * answers early and closes the connection resets it under the client still sending, and the answer is lost.
   */
  function rawPost(port: number, body: Buffer, chunked: boolean) {
    return new Promise<{ status?: number; body?: string; error?: string }>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.pause();
      let received = Buffer.alloc(0);
      const answer = () => {
        const text = received.toString('latin1');
        const end = text.indexOf('\r\n\r\n');
        if (end === -1) return undefined;
        const length = Number(/content-length:\s*(\d+)/i.exec(text.slice(0, end))?.[1] ?? 0);
        if (received.length < end + 4 + length) return undefined;
        return {
          status: Number(text.slice(9, 12)),
          body: received.subarray(end + 4, end + 4 + length).toString('utf8'),
        };
      };
      socket.on('data', (c: Buffer) => {
        received = Buffer.concat([received, c]);
        const a = answer();
        if (a) {
          socket.destroy();
          resolve(a);
        }
      });
      socket.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
      socket.on('close', () => resolve(answer() ?? { error: 'closed before an answer' }));
      const head =
        `POST /api/ledger/import/preview?unit=${A} HTTP/1.1\r\nHost: localhost\r\n` +
        `Content-Type: ${XLSX_TYPE}\r\nAccept-Language: en\r\n` +
        (chunked ? 'Transfer-Encoding: chunked\r\n\r\n' : `Content-Length: ${body.length}\r\n\r\n`);
      const piece = 1024 * 1024;
      const pieces: Buffer[] = [Buffer.from(head)];
      for (let at = 0; at < body.length; at += piece) {
        const part = body.subarray(at, at + piece);
        pieces.push(
          chunked
            ? Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')])
            : part,
        );
      }
      if (chunked) pieces.push(Buffer.from('0\r\n\r\n'));
      const send = async () => {
        for (const p of pieces) {
          if (socket.destroyed) return;
          if (!socket.write(p)) await new Promise((r) => socket.once('drain', r));
        }
        socket.resume(); // all sent: now read the answer
      };
      void send();
    });
  }

  it('answers 413 with the error shape, and the client reads it (declared length and chunked)', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const body = Buffer.alloc(61 * 1024 * 1024, 0x41);
    for (const chunked of [false, true]) {
      const res = await rawPost(port, body, chunked);
      expect(res.error).toBeUndefined();
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body ?? '{}')).toEqual({
        error: {
          code: 'too_large',
          message: expect.stringContaining('an upload may be 60 MB at most'),
        },
      });
    }
  });
});

describe('files that are no spreadsheet (named for what they are)', () => {
  const zipOf = (names: string[]) => writeZip(names.map((name) => ({ name, data: '<x/>' })));
  const cases: [string, () => Promise<Buffer> | Buffer, string, string][] = [
    [
      'a PDF',
      () => Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\n', 'latin1'),
      '这是一个 PDF 文件',
      'This is a PDF file',
    ],
    [
      'a PNG',
      () => Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      '这是一张图片',
      'This is a picture',
    ],
    ['a JPEG', () => Buffer.from('ffd8ffe000104a46494600010100', 'hex'), '这是一张图片', 'This is a picture'],
    [
      'a .docx',
      () => zipOf(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']),
      '这是一个 Word 文档',
      'This is a Word document',
    ],
    [
      'a zip of files',
      () => zipOf(['photos/1.txt', 'readme.txt']),
      '这是一个压缩包',
      'This is a compressed archive',
    ],
    [
      'binary data',
      () => Buffer.from([0, 1, 2, 3, 250, 251, 252, 0, 0, 7, 8, 9]),
      '不是电子表格，也不是文本',
      'neither a spreadsheet nor text',
    ],
  ];
  for (const [what, make, zh, en] of cases) {
    it(`refuses ${what} with a 400 saying what it is and how to get a sheet`, async () => {
      const data = await make();
      const res = await post(`/api/ledger/import/preview?unit=${A}`, data);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(zh);
      expect(res.json().error.message).toMatch(/另存为|原来的 Excel|解压/);
      const e = await post(`/api/ledger/import?unit=${A}`, data, 'en');
      expect(e.statusCode).toBe(400);
      expect(e.json().error.message).toContain(en);
    });
  }

  it('still reads a CSV', async () => {
    const res = await post(
      `/api/ledger/import/preview?unit=${A}`,
      Buffer.from('楼号,门牌,姓名\n1号楼,101,张三\n'),
    );
    expect(res.statusCode).toBe(200);
  });
});

describe('control characters inside a sheet', () => {
  it('imports names and notes carrying _x0000_ (NUL) and other control escapes, without them', async () => {
    const grid = (
      await t.ok('POST', '/api/org/units', admin, { parentCode: A, kind: 'grid', name: '控制字符网格' })
    ).code;
    const data = await minimalXlsx([
      rowXml(1, ['楼号', '单元', '门牌', '姓名', '备注']),
      rowXml(2, ['40号楼', '1', '101', '张_x0000_三', '腿脚不便_x0001_，需送菜上门']),
      rowXml(3, ['40号楼', '1', '102', '_x001F_李四_x007F_', '']),
    ]);
    const res = await post(`/api/ledger/import?unit=${grid}&mode=all`, data);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: true, report: { rejected: [] } });
    const list = await t.ok('GET', `/api/ledger/households?unit=${grid}`, admin);
    const residents = [];
    for (const h of list.items as { key: string }[])
      residents.push(...(await t.ok('GET', `/api/ledger/households/${h.key}`, admin)).residents);
    expect(residents.map((r: { name: string }) => r.name).sort()).toEqual(['张三', '李四']);
    expect(residents.map((r: { notes?: string }) => r.notes ?? '').sort()).toEqual([
      '',
      '腿脚不便，需送菜上门',
    ]);
  });
});
