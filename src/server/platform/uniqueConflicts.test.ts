import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type MessageKey, translate } from '../../domain/i18n/messages';
import { createTestApp, type TestApp } from '../testing/app';
import { TEST_ADMIN_PASSWORD } from '../testing/services';
import { databaseConflict, UNIQUE_FIELDS } from './errors';

// Every unique index and constraint of the database answers a 409 naming the field and what is
// duplicated, in both languages (DESIGN rule 6), when a request loses the race to write (issue 11,
// finding 10). The indexes are read from the migrated database, so a new one without its field and
// message fails here. Primary keys made by an identity column are left out: nobody chooses them.

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('unique violations', () => {
  it('every unique index of the database has a field and a message in zh-CN and en', async () => {
    const { rows } = await sql<{ name: string }>`
      SELECT c.relname AS name
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_class tbl ON tbl.oid = i.indrelid
      JOIN pg_namespace ns ON ns.oid = tbl.relnamespace
      WHERE i.indisunique AND ns.nspname = 'public' AND tbl.relname NOT LIKE 'kysely_%'
        AND NOT (i.indisprimary AND EXISTS (
          SELECT 1 FROM pg_attribute a
          WHERE a.attrelid = tbl.oid AND a.attnum = ANY(i.indkey) AND a.attidentity <> ''))
      ORDER BY 1`.execute(t.services.db);
    expect(rows.length).toBeGreaterThan(10);
    const missing = rows.map((r) => r.name).filter((n) => !UNIQUE_FIELDS[n]);
    expect(missing).toEqual([]);
    for (const { name } of rows) {
      const [zh, en] = LOCALES.map((l) => translate(l, `unique.${name}` as MessageKey));
      expect(zh, name).toMatch(/[\u4e00-\u9fff]/);
      expect(en, name).toMatch(/^[\x20-\x7e]+$/);
      const e = databaseConflict({ code: '23505', constraint: name }, 'en');
      expect(e?.status).toBe(409);
      expect(e?.fields?.[0]).toEqual({ path: UNIQUE_FIELDS[name], message: en });
    }
  });

  it('six users created at once with one username: one 201, five 409 on username', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.call('POST', '/api/access/users', admin, {
          username: 'same_name_at_once',
          displayName: '同名',
          password: 'Unique2020ok',
          homeUnitCode: '410105002008',
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json().error).toMatchObject({ code: 'conflict', fields: [{ path: 'username' }] });
  });
});
