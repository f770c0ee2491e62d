import { loadConfig } from '../server/config';
import { openDatabase } from '../server/database';
import { publishOnly } from '../server/platform/events';
import type { Services } from '../server/platform/services';

/** Runs a CLI command against the deployment's database, then closes what it opened. */
export async function withDatabase<T>(fn: (services: Services) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, (m) => console.error(`[wangge] ${m}`));
  // Commands only publish: the server processes listening on the database hear it.
  try {
    return await fn({ db: database.db, protector: database.protector, events: publishOnly, config });
  } finally {
    await database.close();
  }
}
