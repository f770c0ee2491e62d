import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db/connection';
import { hashPassword } from '../platform/auth/password';

export const ADMIN_USERNAME = 'admin';

/**
 * The initial administrator (username `admin`, system administrator on the root of the tree). Its
 * password is WANGGE_ADMIN_PASSWORD when set; otherwise a random one, written once to
 * <dataDir>/initial-admin.txt (mode 600) and returned so that it is printed once.
 */
export async function ensureInitialAdmin(
  db: Db,
  opts: { rootCode: string; password?: string; dataDir: string },
): Promise<{ created: boolean; password?: string; file?: string }> {
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', ADMIN_USERNAME)
    .executeTakeFirst();
  if (existing) return { created: false };
  const root = await db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('code', '=', opts.rootCode)
    .executeTakeFirstOrThrow();
  const password = opts.password ?? randomBytes(12).toString('base64url');
  await db.transaction().execute(async (tx) => {
    const user = await tx
      .insertInto('users')
      .values({
        username: ADMIN_USERNAME,
        display_name: '系统管理员',
        password_hash: await hashPassword(password),
        home_unit_id: root.id,
        home_unit_path: root.path,
        phone_enc: null,
        phone_hmac: null,
        phone_masked: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('role_grants')
      .values({
        user_id: user.id,
        role: 'system_admin',
        unit_id: root.id,
        unit_path: root.path,
        granted_by: null,
        revoked_by: null,
        revoked_at: null,
      })
      .execute();
  });
  if (opts.password) return { created: true };
  const file = join(opts.dataDir, 'initial-admin.txt');
  await writeFile(file, `username: ${ADMIN_USERNAME}\npassword: ${password}\n`, { mode: 0o600 });
  return { created: true, password, file };
}
