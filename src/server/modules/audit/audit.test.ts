import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../setup/demo';
import { createTestApp, type TestApp } from '../../testing/app';
import { TEST_ADMIN_PASSWORD } from '../../testing/services';

// The audit log names what its entries refer to (users, units, residents), by the reader's scope.

let t: TestApp;
let admin: string;
let smh: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  smh = await t.login('smh_admin', DEMO_PASSWORD);
});
afterAll(async () => t?.close());

interface Entry {
  action: string;
  target: string;
  actorName: string | null;
  unitName: string | null;
  names: Record<string, string>;
  detail: Record<string, unknown>;
}

const audit = async (cookie: string, action: string): Promise<Entry[]> =>
  (await t.ok('GET', `/api/audit?action=${action}&limit=20`, cookie)).items;

describe('the audit log by name', () => {
  it('names the actor, the user granted a role and the unit, not their ids and codes', async () => {
    const user = await t.ok('POST', '/api/access/users', smh, {
      username: 'li_na_audit',
      displayName: '李娜',
      password: 'Grid2020abc',
      homeUnitCode: '410105002008G01',
    });
    await t.ok('POST', `/api/access/users/${user.id}/grants`, smh, {
      role: 'grid_worker',
      unitCode: '410105002008G01',
    });
    const [grant] = await audit(smh, 'grant.created');
    expect(grant).toMatchObject({
      target: `user:${user.id}`,
      actorName: '省民航社区管理员',
      unitName: '第一网格',
      names: { [`user:${user.id}`]: '李娜', 'unit:410105002008G01': '第一网格' },
    });
  });

  it('names the resident whose ID number was revealed', async () => {
    const page = await t.ok('GET', '/api/ledger/households?unit=410105002008&limit=1', smh);
    const resident = page.items[0].residents[0];
    await t.ok('POST', `/api/ledger/residents/${resident.key}/reveal`, smh, { field: 'idNumber' });
    const [reveal] = await audit(smh, 'pii.revealed');
    expect(reveal.target).toBe(`resident:${resident.key}`);
    expect(reveal.names[`resident:${resident.key}`]).toBe(resident.name);
  });

  it('leaves unnamed a user the reader may not see, keeping the username the entry holds', async () => {
    // the city's administrator gives a role in 省民航社区 to a user of 淮河社区
    const outsider = await t.ok('POST', '/api/access/users', admin, {
      username: 'huaihe_helper',
      displayName: '赵外援',
      password: 'Grid2020abc',
      homeUnitCode: '410103001001',
    });
    await t.ok('POST', `/api/access/users/${outsider.id}/grants`, admin, {
      role: 'volunteer',
      unitCode: '410105002008',
    });
    const [grant] = await audit(smh, 'grant.created');
    expect(grant.target).toBe(`user:${outsider.id}`);
    expect(grant.names[`user:${outsider.id}`]).toBeUndefined();
    expect(grant.detail.grantee).toBe('huaihe_helper');
    expect(grant.names['unit:410105002008']).toBe('省民航社区');
    // the city's administrator sees the user, and so the name
    const [seen] = await audit(admin, 'grant.created');
    expect(seen.names[`user:${outsider.id}`]).toBe('赵外援');
  });
});
