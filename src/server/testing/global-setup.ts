import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb } from '../db/connection';
import { ensureDatabase, removeEmbeddedCluster, startEmbedded } from '../db/embedded';
import { migrateToLatest } from '../db/migrate';
import { firstStart } from '../setup/firstStart';
import { testConfig, testServices } from './services';

export const TEMPLATE_DATABASE = 'wangge_template';

// One embedded PostgreSQL for the whole API test run; a migrated template database from which each
// test file clones its own fresh database (src/server/testing/db.ts).
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'wangge-test-'));
  const pg = await startEmbedded(dir);
  const templateUrl = pg.adminUrl.replace(/\/postgres$/, `/${TEMPLATE_DATABASE}`);
  await ensureDatabase(pg.adminUrl, TEMPLATE_DATABASE);
  const db = createDb(templateUrl, 1, { today: testConfig().today });
  await migrateToLatest(db);
  // Zhengzhou's divisions, the administrator and the demo city, once for every test database.
  const services = testServices(db);
  await firstStart(services, services.config, () => {});
  await db.destroy();
  project.provide('pgAdminUrl', pg.adminUrl);
  return async () => {
    await pg.stop();
    await removeEmbeddedCluster(dir);
    await rm(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
