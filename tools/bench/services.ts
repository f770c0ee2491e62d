import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/server/config';
import type { Db } from '../../src/server/db/connection';
import type { Actor } from '../../src/server/platform/access';
import { publishOnly } from '../../src/server/platform/events';
import { createProtector } from '../../src/server/platform/personalData';
import { Scope } from '../../src/server/platform/scope';
import type { Services } from '../../src/server/platform/services';

// What the benchmarks hand to the services they measure: the bench database, a throwaway key for
// personal data, events that go nowhere, and a system administrator at the province (410000).

export function benchServices(db: Db, today = '2020-02-05'): Services {
  const config = { ...loadConfig({ WANGGE_TODAY: today }), region: '4101' };
  return { db, protector: createProtector(randomBytes(32)), events: publishOnly, config };
}

export async function rootActor(db: Db): Promise<Actor> {
  const root = await db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('code', '=', '410000')
    .executeTakeFirstOrThrow();
  return {
    scope: new Scope([{ id: '0', role: 'system_admin', unitId: root.id, unitPath: root.path }]),
    locale: 'zh-CN',
    userId: null,
    username: 'bench',
  };
}
