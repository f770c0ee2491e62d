import { normaliseUnitCode } from '../../domain/org/units';
import type { Config } from '../config';
import { importDivisions } from '../modules/org/divisions';
import type { Services } from '../platform/services';
import { type DemoResult, seedDemo } from './demo';
import { ensureInitialAdmin } from './initialAdmin';

/**
 * What a first start does: the official divisions of the deployment's region (Zhengzhou by default),
 * the initial administrator, and in demo mode the demo city. Every step is skipped when already done.
 */
export async function firstStart(services: Services, config: Config, log: (msg: string) => void) {
  const { db } = services;
  const province = config.region.slice(0, 2);
  const any = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  if (!any) {
    const started = Date.now();
    const r = await importDivisions(db, {
      province,
      city: config.region.length > 2 ? config.region : undefined,
    });
    log(
      `imported the official divisions of ${config.region}: ${r.villages} villages and communities (${Date.now() - started} ms)`,
    );
  }
  const rootCode = normaliseUnitCode(province) as string;
  const admin = await ensureInitialAdmin(db, {
    rootCode,
    password: config.adminPassword,
    dataDir: config.dataDir,
  });
  let demo: DemoResult | undefined;
  if (config.demo) demo = await seedDemo(services, rootCode);
  return { admin, demo };
}
