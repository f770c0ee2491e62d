import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/db';
import { importDivisions, readDivisionExtract } from './divisions';

// The test template may already hold Zhengzhou (first start imports it); every assertion holds either way.
describe('importDivisions', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.destroy();
  });

  const unit = (code: string) =>
    t.db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
  const count = async (where = sql`true`) => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM units WHERE ${where}`.execute(
      t.db,
    );
    return rows[0].n;
  };
  const officialUnderCity = (city: string) =>
    count(
      sql`kind IN ('province','city','county','town','village') AND (code = '410000' OR code LIKE ${`${city}%`})`,
    );

  it('imports the divisions of Zhengzhou (郑州市 4101) down to its communities and villages', async () => {
    const extract = await readDivisionExtract('41');
    const expected = extract.filter((r) => r.code === '410000' || r.code.startsWith('4101')).length;
    const result = await importDivisions(t.db, { province: '41', city: '4101' });
    expect(result.villages).toBe(3_306);
    expect(result.inserted + result.updated + result.unchanged).toBe(expected);
    expect(await officialUnderCity('4101')).toBe(expected);
    expect(await count(sql`kind = 'village' AND code LIKE '4101%'`)).toBe(3_306);
    // the province and that one city, nothing of the other cities
    expect((await unit('410000'))?.kind).toBe('province');
    expect(await unit('410200')).toBeUndefined();
  });

  it('keeps the official name, a short name, the path and the county code', async () => {
    const community = await unit('410105002008');
    expect(community).toMatchObject({
      kind: 'village',
      name: '省民航社区',
      official_name: '省民航社区居民委员会',
      path: '410000.410100.410105.410105002.410105002008',
      depth: 4,
      region_code: '410105',
    });
    expect(community?.initials.startsWith('smh')).toBe(true);
    expect(community?.search_text).toBe('省民航社区 smhsq 省民航社区居民委员会');

    const street = await unit('410105002');
    expect(street).toMatchObject({ kind: 'town', name: '花园路街道', depth: 3, region_code: '410105' });
    expect(community?.parent_id).toBe(street?.id);

    const province = await unit('410000');
    expect(province).toMatchObject({
      parent_id: null,
      path: '410000',
      depth: 0,
      region_code: null,
      name: '河南省',
    });
    expect(await unit('410100')).toMatchObject({
      kind: 'city',
      parent_id: province?.id,
      path: '410000.410100',
      region_code: null,
    });

    expect(await unit('410103001001')).toMatchObject({
      name: '淮河社区',
      kind: 'village',
      region_code: '410103',
    });
    expect(await unit('410108004')).toMatchObject({ name: '长兴路街道', kind: 'town', initials: 'cxljd' });
  });

  it('links every official unit to its parent, one level up', async () => {
    const broken = await count(sql`
      kind IN ('city','county','town','village')
      AND NOT EXISTS (
        SELECT 1 FROM units p
        WHERE p.id = units.parent_id AND units.path = p.path || '.' || units.code AND units.depth = p.depth + 1)`);
    expect(broken).toBe(0);
  });

  it('changes nothing when run again', async () => {
    const before = await count();
    const again = await importDivisions(t.db, { province: '410000', city: '410100' });
    expect(again).toMatchObject({ inserted: 0, updated: 0, villages: 3_306 });
    expect(again.unchanged).toBe(await officialUnderCity('4101'));
    expect(await count()).toBe(before);
  });

  it('restores a changed official name and counts it as updated', async () => {
    await t.db
      .updateTable('units')
      .set({ official_name: '改过的名字' })
      .where('code', '=', '410105002008')
      .execute();
    const result = await importDivisions(t.db, { province: '41', city: '4101' });
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    expect((await unit('410105002008'))?.official_name).toBe('省民航社区居民委员会');
  });

  it('adds another city beside the first (开封市 4102)', async () => {
    const before = await count();
    const result = await importDivisions(t.db, { province: '41', city: '4102' });
    expect(result.inserted).toBeGreaterThan(2_000);
    expect(result).toMatchObject({ updated: 0, unchanged: 1 }); // the province
    expect(await count()).toBe(before + result.inserted);
    expect(await unit('410200')).toMatchObject({ kind: 'city', name: '开封市', path: '410000.410200' });
  });

  it('refuses a city of another province and a province without an extract', async () => {
    await expect(importDivisions(t.db, { province: '41', city: '4201' })).rejects.toThrow(
      /not a city of province/,
    );
    await expect(importDivisions(t.db, { province: '41', city: '4199' })).rejects.toThrow(
      /not in the extract/,
    );
    await expect(importDivisions(t.db, { province: '99' })).rejects.toThrow(/No division extract/);
  });
});
