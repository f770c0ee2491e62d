import { isRole } from '../domain/access/roles';
import * as access from '../server/modules/access/service';
import type { Services } from '../server/platform/services';
import { cliActor } from './cliActor';

/** `wangge user add`: the CLI acts as the system administrator on the root of the tree. */
export async function addUser(
  services: Services,
  opts: { username: string; password: string; role: string; unit: string; name?: string; phone?: string },
) {
  if (!isRole(opts.role)) throw new Error(`unknown role "${opts.role}"`);
  const actor = await cliActor(services, opts.unit);
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
