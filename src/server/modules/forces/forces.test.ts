import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/validators/idNumber';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';

// The forces registry, organisation and 包保 through the API, on a real PostgreSQL: a person registered,
// listed masked, changed, revealed (audited); a community office of another community sees none of it;
// a people sheet with a bad row names the row and the column and writes nothing; branches with their
// secretary and teams; 包保 flags the units nobody answers for.

const A = '410105002008'; // 省民航社区
const B = '410103001001'; // 淮河社区
const PASSWORD = 'Forces2020ok';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
const call: TestApp['call'] = (...a) => t.call(...a);
const ok: TestApp['ok'] = (...a) => t.ok(...a);
const userWith = (role: string, unitCode: string) => t.userWith(admin, role, unitCode, PASSWORD);
let admin: string;
let officeA: string;
let officeB: string;
let seq = 0;

function idNumber(sex: 'male' | 'female' = 'male') {
  const n = ++seq;
  return generateIdNumber({
    regionCode: '410105',
    birthDate: new Date(Date.UTC(1970, 0, n)).toISOString().slice(0, 10),
    sequence: sex === 'male' ? 301 : 302,
  });
}
const phone = () => `139${String(10_000_000 + ++seq * 7919).slice(-8)}`;

async function unit(parentCode: string, kind: string, name: string): Promise<string> {
  return (await ok('POST', '/api/org/units', admin, { parentCode, kind, name })).code;
}

async function person(cookie: string, body: Record<string, unknown>) {
  return ok('POST', '/api/forces/people', cookie, { isVolunteer: true, ...body });
}

async function sheet(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  for (const r of rows) ws.addRow(r);
  return (await wb.xlsx.writeBuffer()) as unknown as Buffer;
}

async function upload(cookie: string, unitCode: string, data: Buffer, lang = 'zh-CN') {
  return t.app.inject({
    method: 'POST',
    url: `/api/forces/people/import?unit=${unitCode}`,
    headers: { cookie, 'content-type': XLSX, 'accept-language': lang },
    payload: data,
  });
}

let grid: string;
let building1: string;
let building2: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  officeA = await userWith('unit_admin', A);
  officeB = await userWith('unit_admin', B);
  grid = await unit(A, 'grid', '力量测试网格');
  building1 = await unit(grid, 'building', '力量1号楼');
  building2 = await unit(grid, 'building', '力量2号楼');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the registry', () => {
  it('registers a sent-down cadre, lists them masked, shows the detail and takes changes', async () => {
    const id = idNumber('female');
    const tel = phone();
    const p = await person(officeA, {
      unitCode: A,
      name: '刘晓燕',
      idNumber: id,
      phone: tel,
      isCadre: true,
      isPartyMember: true,
      isVolunteer: false,
      homeWorkUnit: '省民航局',
      sentDownOn: '2020-01-28',
      partyBranch: '省民航局机关第二党支部',
      skills: ['医疗', 'registration'],
    });
    expect(p).toMatchObject({
      name: '刘晓燕',
      sex: 'F',
      birthDate: id.replace(/^\d{6}(\d{4})(\d{2})(\d{2}).*$/, '$1-$2-$3'),
      isCadre: true,
      skills: ['medical', 'registration'],
      unit: { code: A },
      phoneMasked: `${tel.slice(0, 3)}****${tel.slice(-4)}`,
    });
    expect(JSON.stringify(p)).not.toContain(id);

    const list = await ok(
      'GET',
      `/api/forces/people?standing=cadre&q=${encodeURIComponent('晓燕')}`,
      officeA,
    );
    expect(list.items.map((x: { id: string }) => x.id)).toContain(p.id);
    expect(JSON.stringify(list)).not.toContain(tel);
    const byTail = await ok('GET', `/api/forces/people?q=${tel.slice(-4)}`, officeA);
    expect(byTail.items.map((x: { id: string }) => x.id)).toContain(p.id);
    const bySkill = await ok('GET', '/api/forces/people?skill=police', officeA);
    expect(bySkill.items.map((x: { id: string }) => x.id)).not.toContain(p.id);

    const detail = await ok('GET', `/api/forces/people/${p.id}`, officeA);
    expect(detail).toMatchObject({ trainings: [], records: [], groups: [], responsibilities: [] });
    expect(detail.duty).toEqual({ shifts: 0, hours: 0, missed: 0, upcoming: 0 });

    const changed = await ok('PATCH', `/api/forces/people/${p.id}`, officeA, {
      skills: ['驾驶'],
      notes: '白班',
    });
    expect(changed).toMatchObject({ skills: ['driving'], notes: '白班', sex: 'F', idMasked: p.idMasked });
  });

  it('refuses a wrong phone on its field, a sex contradicting the ID number, and a phone already registered', async () => {
    const bad = await call('POST', '/api/forces/people', officeA, {
      unitCode: A,
      name: '错号',
      phone: '1381234',
      isVolunteer: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ path: 'phone', message: expect.stringContaining('手机号') }]);

    const none = await call('POST', '/api/forces/people', officeA, { unitCode: A, name: '无身份' }, 'en');
    expect(none.json().error.fields[0]).toMatchObject({
      path: 'standing',
      message: expect.stringMatching(/cadre/),
    });

    const mismatch = await call('POST', '/api/forces/people', officeA, {
      unitCode: A,
      name: '性别错',
      idNumber: idNumber('male'),
      sex: '女',
      isVolunteer: true,
    });
    expect(mismatch.json().error.fields[0].path).toBe('sex');

    const tel = phone();
    await person(officeA, { unitCode: A, name: '先来', phone: tel });
    const again = await call('POST', '/api/forces/people', officeA, {
      unitCode: A,
      name: '后到',
      phone: tel,
      isVolunteer: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0]).toMatchObject({
      path: 'phone',
      message: expect.stringContaining('先来'),
    });
  });

  it('reveals a phone to pii.reveal and writes it to the audit log; a leaver is kept', async () => {
    const tel = phone();
    const p = await person(officeA, { unitCode: A, name: '周志强', phone: tel });
    const revealed = await ok('POST', `/api/forces/people/${p.id}/reveal`, officeA, { field: 'phone' });
    expect(revealed.value).toBe(tel);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select(['action', 'target'])
      .where('target', '=', `person:${p.id}`)
      .execute();
    expect(audit).toEqual([{ action: 'pii.revealed', target: `person:${p.id}` }]);

    const left = await ok('POST', `/api/forces/people/${p.id}/leave`, officeA, {});
    expect(left.status).toBe('left');
    const active = await ok('GET', `/api/forces/people?q=${encodeURIComponent('周志强')}`, officeA);
    expect(active.items).toEqual([]);
    const all = await ok('GET', `/api/forces/people?status=all&q=${encodeURIComponent('周志强')}`, officeA);
    expect(all.items).toHaveLength(1);
  });

  it('links a person to the ledger resident with the same ID number, and to a user', async () => {
    const id = idNumber();
    const { key } = await ok('POST', '/api/ledger/households', admin, {
      unitCode: building1,
      door: '501',
      residents: [{ name: '孙党员', idNumber: id }],
    });
    const p = await person(officeA, { unitCode: A, name: '孙党员', idNumber: id, isPartyMember: true });
    const linked = await ok('POST', `/api/forces/people/${p.id}/link-resident`, officeA);
    expect(linked).toMatchObject({ householdKey: key, residentKey: expect.stringMatching(/^410105-\d+$/) });
    const noId = await person(officeA, { unitCode: A, name: '无证件' });
    const refused = await call('POST', `/api/forces/people/${noId.id}/link-resident`, officeA);
    expect(refused.json().error.fields[0].path).toBe('idNumber');

    const u = await ok('POST', '/api/access/users', officeA, {
      username: `forces_link_${++seq}`,
      displayName: '孙党员',
      password: PASSWORD,
      homeUnitCode: A,
    });
    const withUser = await ok('POST', `/api/forces/people/${p.id}/link-user`, officeA, { userId: u.id });
    expect(withUser.user).toMatchObject({ id: u.id });
    const taken = await call('POST', `/api/forces/people/${noId.id}/link-user`, officeA, { userId: u.id });
    expect(taken.statusCode).toBe(409);
  });

  it('keeps an application to join the party and a two-list proposal with its evidence, decided with who and when', async () => {
    const p = await person(officeA, { unitCode: A, name: '韩志愿' });
    await ok('POST', `/api/forces/people/${p.id}/trainings`, officeA, {
      training: '卡点上岗培训',
      passedOn: '2020-01-30',
    });
    const app = await ok('POST', `/api/forces/people/${p.id}/records`, officeA, {
      kind: 'party_application',
      title: '在卡点递交入党申请书',
    });
    expect(app.status).toBe('proposed');
    const proposal = await ok('POST', `/api/forces/people/${p.id}/records`, officeA, {
      kind: 'outstanding',
      title: '表现突出',
      tasks: ['连续值守 14 天'],
    });
    expect(proposal.evidence).toMatchObject({ duty: { hours: 0, shifts: 0 }, tasks: ['连续值守 14 天'] });
    await ok('POST', `/api/forces/people/${p.id}/records/decide`, officeA, {
      recordId: proposal.id,
      decision: 'approved',
    });
    const twice = await call('POST', `/api/forces/people/${p.id}/records/decide`, officeA, {
      recordId: proposal.id,
      decision: 'rejected',
    });
    expect(twice.statusCode).toBe(409);
    const detail = await ok('GET', `/api/forces/people/${p.id}`, officeA);
    expect(detail.trainings).toMatchObject([{ training: '卡点上岗培训', passedOn: '2020-01-30' }]);
    expect(detail.records.find((r: { id: string }) => r.id === proposal.id)).toMatchObject({
      status: 'approved',
      decidedBy: expect.any(String),
    });
  });
});

describe('scope', () => {
  it('gives another community office 404 on a person, group and 包保 of A, and none of them in lists', async () => {
    const p = await person(officeA, { unitCode: building2, name: '范围外甲', isPartyMember: true });
    const g = await ok('POST', '/api/forces/groups', officeA, {
      unitCode: A,
      kind: 'commando_team',
      name: '范围突击队',
    });
    const r = await ok('POST', '/api/forces/responsibilities', officeA, {
      unitCode: building2,
      personId: p.id,
      duty: 'building_leader',
    });
    for (const [method, url, body] of [
      ['GET', `/api/forces/people/${p.id}`],
      ['PATCH', `/api/forces/people/${p.id}`, { notes: 'x' }],
      ['POST', `/api/forces/people/${p.id}/reveal`, { field: 'phone' }],
      ['GET', `/api/forces/groups/${g.id}`],
      ['POST', `/api/forces/groups/${g.id}/dissolve`, {}],
      ['POST', `/api/forces/responsibilities/${r.id}/end`, {}],
      ['GET', `/api/forces/responsibility/${grid}`],
    ] as const) {
      const res = await call(method, url, officeB, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // a person of A named in B's request is the field's fault, and says nothing more
    const bGroup = await ok('POST', '/api/forces/groups', officeB, {
      unitCode: B,
      kind: 'volunteer_team',
      name: '淮河志愿队',
    });
    const cross = await call('POST', `/api/forces/groups/${bGroup.id}/members`, officeB, {
      personId: p.id,
      role: 'member',
    });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().error.fields[0].path).toBe('personId');

    // a phone registered in A is refused in B without telling whose it is
    const tel = phone();
    await person(officeA, { unitCode: A, name: '甲社区人', phone: tel });
    const dup = await call('POST', '/api/forces/people', officeB, {
      unitCode: B,
      name: '乙',
      phone: tel,
      isVolunteer: true,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0].message).toBe('该手机号已在其他单位的人员名册中');

    const people = await ok('GET', '/api/forces/people?limit=200&status=all', officeB);
    expect(JSON.stringify(people)).not.toContain(A);
    const groups = await ok('GET', '/api/forces/groups', officeB);
    expect(JSON.stringify(groups)).not.toContain(A);
    expect(groups.items.map((x: { name: string }) => x.name)).toContain('淮河志愿队');
  });
});

describe('Excel', () => {
  it('refuses a sheet with a bad row, naming the row and column, and writes nothing; then imports it fixed', async () => {
    const count = async () =>
      Number(
        (
          await t.services.db
            .selectFrom('people')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const header = ['姓名', '性别', '身份证号', '手机号', '类别', '原单位', '技能'];
    const good = [
      ['导入甲', '男', idNumber(), phone(), '干部、党员', '金水区税务局', '驾驶'],
      ['导入乙', '女', '', phone(), '志愿者', '', '医疗、消杀'],
    ];
    const res = await upload(
      officeA,
      A,
      await sheet([header, ...good, ['导入丙', '', '', '12345', '志愿者', '', '']]),
    );
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.message).toContain('1 行');
    expect(err.fields).toEqual([
      expect.objectContaining({
        row: 4,
        column: '手机号',
        message: expect.stringContaining('第 4 行“手机号”'),
      }),
    ]);
    expect(await count()).toBe(before);

    const en = await upload(officeA, A, await sheet([header, ['x', '', '', '', '学生', '', '']]), 'en');
    expect(en.json().error.fields[0]).toMatchObject({
      row: 2,
      column: '类别',
      message: expect.stringContaining('Row 2'),
    });

    const done = await upload(officeA, A, await sheet([header, ...good]));
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ imported: 2, rows: 2 });
    expect(await count()).toBe(before + 2);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target', '=', `people:${A}`)
      .where('action', '=', 'forces.imported')
      .execute();
    expect(audit).toEqual([{ action: 'forces.imported', detail: { people: 2, rows: 2 } }]);
    // the same sheet again: everyone is already in the registry
    const again = await upload(officeA, A, await sheet([header, ...good]));
    expect(
      again.json().error.fields.map((f: { row: number; column: string }) => `${f.row}${f.column}`),
    ).toEqual(['2身份证号', '2手机号', '3手机号']);
  });

  it("gives the sheet back with its errors beside the rows (the sheet layer's error sheet), merged cells read", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(['金水区志愿者名册']);
    ws.addRow(['姓名', '手机号', '类别', '原单位']);
    ws.addRow(['标注甲', phone(), '志愿者', '省民航局']);
    ws.addRow(['标注乙', '1380000', '志愿者', null]);
    ws.mergeCells('D3:D4');
    const data = (await wb.xlsx.writeBuffer()) as unknown as Buffer;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/forces/people/import/errors?unit=${A}`,
      headers: { cookie: officeA, 'content-type': XLSX },
      payload: data,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('people-errors.xlsx');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = back.getWorksheet('名册');
    expect(sheet?.getCell('E2').value).toBe('错误原因');
    expect(String(sheet?.getCell('E4').value)).toContain('手机号');
    expect(sheet?.getCell('E3').value ?? null).toBeNull();
    // the cell the error names is marked, the merged range is kept
    expect(JSON.stringify(sheet?.getCell('B4').fill)).toContain('FFFFC7CE');
    expect(sheet?.getCell('D4').isMerged).toBe(true);
  });

  it('refuses a file that is not a workbook without a 500, and a unit of B with 404', async () => {
    const junk = await upload(officeA, A, Buffer.from('not a workbook'));
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.fields[0].path).toBe('file');
    const outside = await upload(
      officeA,
      B,
      await sheet([
        ['姓名', '类别'],
        ['x', '志愿者'],
      ]),
    );
    expect(outside.statusCode).toBe(404);
  });

  it('gives the template and exports the filtered list masked, audited as an export', async () => {
    const tpl = await call('GET', '/api/forces/people/template.xlsx', officeA);
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe('姓名');

    const tel = phone();
    await person(officeA, { unitCode: A, name: '导出人', phone: tel });
    const res = await call('GET', `/api/forces/people/export.xlsx?unit=${A}`, officeA);
    expect(res.statusCode).toBe(200);
    // named by unit, filter and day, with an ASCII twin; printed landscape, fitted to the width
    const disposition = String(res.headers['content-disposition']);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toMatch(
      /^省民航社区人员名册-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    expect(disposition).toMatch(new RegExp(`filename="people-${A}-\\d{4}-\\d{2}-\\d{2}\\.xlsx"`));
    const volunteers = await call(
      'GET',
      `/api/forces/people/export.xlsx?unit=${A}&standing=volunteer`,
      officeA,
    );
    expect(decodeURIComponent(String(volunteers.headers['content-disposition']))).toContain(
      '人员名册-志愿者-',
    );
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(out.worksheets[0].pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToWidth: 1,
      printTitlesRow: '1:1',
    });
    const cells = out.worksheets[0].getSheetValues().flat().map(String).join('|');
    expect(cells).toContain('导出人');
    expect(cells).toContain(`${tel.slice(0, 3)}****${tel.slice(-4)}`);
    expect(cells).not.toContain(tel);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('target', '=', `people:${A}`)
      .execute();
    expect(audit.map((a) => a.action)).toContain('data.exported');
  });
});

describe('organisation', () => {
  it('sets up a temporary branch at a facility with a party-member secretary, members, and a team under it', async () => {
    const facility = await ok('POST', '/api/org/facilities', admin, {
      unitCode: A,
      kind: 'checkpoint',
      name: '测试卡点',
    });
    const branch = await ok('POST', '/api/forces/groups', officeA, {
      facilityId: facility.id,
      kind: 'temporary_branch',
      name: '测试卡点临时党支部',
      setUpOn: '2020-01-30',
    });
    expect(branch).toMatchObject({
      facility: { id: facility.id },
      unit: { code: A },
      branch: true,
      party: true,
    });
    const secretary = await person(officeA, {
      unitCode: A,
      name: '张书记',
      isPartyMember: true,
      isCadre: true,
    });
    const volunteer = await person(officeA, { unitCode: A, name: '群众志愿者' });
    const notParty = await call('POST', `/api/forces/groups/${branch.id}/members`, officeA, {
      personId: volunteer.id,
      role: 'secretary',
    });
    expect(notParty.statusCode).toBe(400);
    expect(notParty.json().error.fields[0].path).toBe('role');
    await ok('POST', `/api/forces/groups/${branch.id}/members`, officeA, {
      personId: secretary.id,
      role: 'secretary',
    });
    const withMember = await ok('POST', `/api/forces/groups/${branch.id}/members`, officeA, {
      personId: volunteer.id,
      role: 'member',
    });
    expect(withMember.members).toBe(2);
    const twice = await call('POST', `/api/forces/groups/${branch.id}/members`, officeA, {
      personId: volunteer.id,
      role: 'member',
    });
    expect(twice.statusCode).toBe(409);

    const team = await ok('POST', '/api/forces/groups', officeA, {
      unitCode: A,
      parentId: branch.id,
      kind: 'commando_team',
      name: '测试党员突击队',
    });
    const nested = await call('POST', '/api/forces/groups', officeA, {
      unitCode: A,
      parentId: team.id,
      kind: 'persuasion_team',
      name: '不能挂在队下',
    });
    expect(nested.json().error.fields[0].path).toBe('parentId');

    const chart = await ok('GET', `/api/forces/groups?unit=${A}`, officeA);
    const b = chart.items.find((g: { id: string }) => g.id === branch.id);
    expect(b).toMatchObject({ members: 2, leaders: [{ name: '张书记', role: 'secretary' }] });
    expect(b.children.map((c: { id: string }) => c.id)).toEqual([team.id]);

    await ok('POST', `/api/forces/groups/${branch.id}/members/leave`, officeA, { personId: volunteer.id });
    const dissolved = await ok('POST', `/api/forces/groups/${branch.id}/dissolve`, officeA, {
      on: '2020-02-04',
    });
    expect(dissolved.dissolvedOn).toBe('2020-02-04');
    expect(dissolved.memberList.every((m: { leftOn: string | null }) => m.leftOn)).toBe(true);
    const person1 = await ok('GET', `/api/forces/people/${secretary.id}`, officeA);
    expect(person1.groups).toMatchObject([
      { name: '测试卡点临时党支部', role: 'secretary', leftOn: '2020-02-04' },
    ]);
  });

  it('takes a kind of group the deployment defines, from the top of the tree only', async () => {
    const refused = await call('PUT', '/api/forces/group-kinds', officeA, {
      kinds: [{ key: 'delivery_team', zh: '代购配送队', en: 'delivery team' }],
    });
    expect(refused.statusCode).toBe(403);
    const set = await ok('PUT', '/api/forces/group-kinds', admin, {
      kinds: [{ key: 'delivery_team', zh: '代购配送队', en: 'delivery team' }],
    });
    expect(set.items.map((k: { key: string }) => k.key)).toContain('delivery_team');
    const g = await ok('POST', '/api/forces/groups', officeA, {
      unitCode: A,
      kind: 'delivery_team',
      name: '配送一队',
    });
    expect(g.kindLabel['zh-CN']).toBe('代购配送队');
    const unknown = await call('POST', '/api/forces/groups', officeA, {
      unitCode: A,
      kind: 'nope',
      name: 'x',
    });
    expect(unknown.json().error.fields[0].path).toBe('kind');
  });
});

describe('包保', () => {
  it('flags the units nobody answers for, and the flag goes when someone does', async () => {
    const g = await unit(A, 'grid', '包保测试网格');
    const b1 = await unit(g, 'building', '包保1号楼');
    const b2 = await unit(g, 'building', '包保2号楼');
    let view = await ok('GET', `/api/forces/responsibility/${g}`, officeA);
    expect(view.unit).toMatchObject({ code: g, answerable: true, responsible: [] });
    expect(view.children.map((c: { code: string; unanswered: boolean }) => [c.code, c.unanswered])).toEqual([
      [b1, true],
      [b2, true],
    ]);
    expect(view.below).toMatchObject({
      unanswered: 2,
      total: 2,
      byKind: { building: { total: 2, unanswered: 2 } },
    });

    const leader = await person(officeA, { unitCode: g, name: '王楼长' });
    const wrong = await call('POST', '/api/forces/responsibilities', officeA, {
      unitCode: b1,
      personId: leader.id,
      duty: 'committee_member',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0]).toMatchObject({
      path: 'duty',
      message: expect.stringContaining('楼栋'),
    });
    const r = await ok('POST', '/api/forces/responsibilities', officeA, {
      unitCode: b1,
      personId: leader.id,
      duty: 'building_leader',
    });
    view = await ok('GET', `/api/forces/responsibility/${g}`, officeA);
    expect(view.children[0]).toMatchObject({
      unanswered: false,
      responsible: [{ name: '王楼长', duty: 'building_leader' }],
    });
    expect(view.below.unanswered).toBe(1);
    const community = await ok('GET', `/api/forces/responsibility/${A}`, officeA);
    expect(community.children.find((c: { code: string }) => c.code === g)).toMatchObject({
      unanswered: true,
    });

    await ok('POST', `/api/forces/responsibilities/${r.id}/end`, officeA, {});
    view = await ok('GET', `/api/forces/responsibility/${g}`, officeA);
    expect(view.children[0].unanswered).toBe(true);
    const again = await call('POST', `/api/forces/responsibilities/${r.id}/end`, officeA, {});
    expect(again.statusCode).toBe(409);
    const history = await ok('GET', `/api/forces/people/${leader.id}`, officeA);
    expect(history.responsibilities).toMatchObject([
      { duty: 'building_leader', until: '2020-02-05', unit: { code: b1 } },
    ]);
  });
});

describe('the demo city', () => {
  it('has people with logins, a branch at 长兴路防疫服务站, and units of 省民航社区 nobody answers for', async () => {
    const cxl = await ok('GET', '/api/forces/people?unit=410108004&limit=200', admin);
    expect(
      cxl.items.filter((p: { skills: string[] }) => p.skills.includes('police')).length,
    ).toBeGreaterThanOrEqual(4);
    expect(
      cxl.items.some((p: { user: { username: string } | null }) => p.user?.username === 'changxinglu_kadian'),
    ).toBe(true);
    const chart = await ok('GET', '/api/forces/groups?unit=410108', admin);
    const branch = chart.items.find((g: { name: string }) => g.name === '长兴路防疫服务站临时党支部');
    expect(branch).toMatchObject({
      facility: { name: '长兴路防疫服务站' },
      leaders: [{ role: 'secretary' }, { role: 'deputy' }],
    });
    expect(branch.children.length).toBeGreaterThan(0);
    const smh = await ok('GET', `/api/forces/responsibility/${A}`, admin);
    expect(smh.unit.responsible).toHaveLength(1);
    expect(smh.below.unanswered).toBeGreaterThan(0);
    expect(smh.below.unanswered).toBeLessThan(smh.below.total / 2);
  });
});
