import { isRole } from '../domain/access/roles';
import { normaliseUnitCode } from '../domain/org/units';
import * as access from '../server/modules/access/service';
import { Scope } from '../server/platform/scope';
import type { Services } from '../server/platform/services';

/** `wangge user add`: the CLI acts as the system administrator on the root of the tree. */
export async function addUser(
  services: Services,
  opts: { username: string; password: string; role: string; unit: string; name?: string; phone?: string },
) {
  if (!isRole(opts.role)) throw new Error(`unknown role "${opts.role}"`);
  const code = normaliseUnitCode(opts.unit);
  const unit =
    code &&
    (await services.db.selectFrom('units').select('path').where('code', '=', code).executeTakeFirst());
  if (!unit) throw new Error(`no unit with code "${opts.unit}"`);
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
  const actor = {
    scope: new Scope([{ id: '0', role: 'system_admin', unitId: rootUnit.id, unitPath: root }]),
    locale: 'zh-CN' as const,
    userId: admin?.id ?? null,
    username: 'cli',
  };
  const user = await access.createUser(services, actor, {
    username: opts.username,
    displayName: opts.name ?? opts.username,
    password: opts.password,
    homeUnitCode: opts.unit,
    phone: opts.phone ?? null,
  });
  await access.grantRole(services, actor, user.id, { role: opts.role, unitCode: opts.unit });
  console.log(`user ${opts.username} added: ${opts.role} on ${opts.unit}`);
}
