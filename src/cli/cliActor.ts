import type { Locale } from '../domain/i18n/messages';
import { normaliseUnitCode } from '../domain/org/units';
import type { Actor } from '../server/platform/access';
import { Scope } from '../server/platform/scope';
import type { Services } from '../server/platform/services';

/**
 * The CLI acts as the system administrator on the root of the tree that holds `unitCode` (the audit log
 * records it as 'cli', on behalf of the admin account when there is one).
 */
export async function cliActor(
  services: Services,
  unitCode: string,
  locale: Locale = 'zh-CN',
): Promise<Actor> {
  const code = normaliseUnitCode(unitCode);
  const unit =
    code &&
    (await services.db.selectFrom('units').select('path').where('code', '=', code).executeTakeFirst());
  if (!unit) throw new Error(`no unit with code "${unitCode}"`);
  const root = unit.path.split('.')[0];
  const rootUnit = await services.db
    .selectFrom('units')
    .select('id')
    .where('path', '=', root)
    .executeTakeFirstOrThrow();
  const admin = await services.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirst();
  return {
    scope: new Scope([{ id: '0', role: 'system_admin', unitId: rootUnit.id, unitPath: root }]),
    locale,
    userId: admin?.id ?? null,
    username: 'cli',
  };
}
