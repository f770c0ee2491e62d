import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../domain/validators/idNumber';
import { createTestApp, type TestApp } from '../testing/app';
import { TEST_ADMIN_PASSWORD } from '../testing/services';

// Unfit text (issue 11, finding 9): NUL, other C0 controls and lone surrogates are refused with a 400
// naming the field, wherever they come (body at any depth, query, path); tabs and new lines in notes
// stay; uploaded files are not text. The whole route table is fuzzed in inputFuzz.test.ts.

const A = '410105002008'; // 省民航社区
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
});

afterAll(async () => {
  await t?.close();
});

const fieldsOf = (res: { json(): { error: { fields?: Array<{ path: string }> } } }) =>
  (res.json().error.fields ?? []).map((f) => f.path);

describe('unfit text', () => {
  it('refuses NUL and lone surrogates deep in a body, naming the field in the caller’s language', async () => {
    const building = (
      await t.ok('POST', '/api/org/units', admin, { parentCode: A, kind: 'building', name: '文本测试楼' })
    ).code;
    const idNumber = generateIdNumber({ regionCode: '410105', birthDate: '1980-02-03', sequence: 77 });
    const nul = await t.call('POST', '/api/ledger/households', admin, {
      unitCode: building,
      door: '101',
      residents: [{ name: '张\u0000三', idNumber }],
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.code).toBe('validation');
    expect(fieldsOf(nul)).toEqual(['residents.0.name']);
    expect(nul.json().error.message).toContain('控制字符');

    const surrogate = await t.call(
      'POST',
      '/api/ledger/households',
      admin,
      { unitCode: building, door: '10\ud800', residents: [{ name: '张三', idNumber }] },
      'en',
    );
    expect(surrogate.statusCode).toBe(400);
    expect(fieldsOf(surrogate)).toEqual(['door']);
    expect(surrogate.json().error.message).toContain('unpaired surrogate');
    // nothing was written
    const doors = await t.ok('GET', `/api/ledger/buildings/${building}`, admin);
    expect(JSON.stringify(doors)).not.toContain('张三');
  });

  it('refuses them in the query string and the path', async () => {
    const q = await t.call('GET', '/api/ledger/households?q=%E5%BC%A0%00', admin);
    expect(q.statusCode).toBe(400);
    expect(fieldsOf(q)).toEqual(['q']);
    const path = await t.call('GET', `/api/org/units/${A}%00/children`, admin);
    expect(path.statusCode).toBe(400);
    expect(fieldsOf(path)).toEqual(['code']);
  });

  it('keeps tabs and new lines in free text, and characters beyond the BMP', async () => {
    const description = '第一行\r\n\t第二行：𠮷';
    const res = await t.call('POST', '/api/forces/groups', admin, {
      unitCode: A,
      kind: 'commando_team',
      name: '文本测试突击队',
      notes: description,
    });
    expect(res.statusCode).toBe(201);
    const group = await t.ok('GET', `/api/forces/groups/${res.json().id}`, admin);
    expect(group.notes).toBe(description);
  });

  it('leaves uploaded files alone: a sheet with a NUL byte is the importer’s to judge, never a 500', async () => {
    const csv = Buffer.from('楼号,门牌,姓名\n文本楼,101,张\u0000三\n', 'utf8');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/ledger/import/preview?unit=${A}`,
      headers: { cookie: admin, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode).toBeLessThan(500);
    expect(fieldsOf(res)).not.toContain('body');
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/ledger/import?unit=${A}&mode=all`,
      headers: { cookie: admin, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(imported.statusCode).toBeLessThan(500);
  });
});
