import type { Config } from './config';
import { createDb, type Db } from './db/connection';
import { type EmbeddedOptions, startEmbedded } from './db/embedded';
import { migrateToLatest } from './db/migrate';
import { createProtector, loadMasterKey, type PersonalDataProtector } from './platform/personalData';

// Opening the database for the server and the CLI alike: DATABASE_URL, or the embedded PostgreSQL
// under the data directory (reused when another process already runs it), then migrations.

export interface OpenDatabase {
  db: Db;
  url: string;
  embedded: boolean;
  protector: PersonalDataProtector;
  /** closes the pool, and stops the embedded PostgreSQL if this process started it */
  close(): Promise<void>;
}

export async function openDatabase(
  config: Config,
  log: (msg: string) => void,
  options: EmbeddedOptions = {},
): Promise<OpenDatabase> {
  const embedded = config.databaseUrl ? undefined : await startEmbedded(config.dataDir, log, options);
  const url = config.databaseUrl ?? (embedded as NonNullable<typeof embedded>).url;
  const db = createDb(url, 20, { today: config.today });
  try {
    const applied = await migrateToLatest(db);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    const key = await loadMasterKey({
      dataKey: config.dataKey,
      dataDir: config.dataDir,
      embedded: !!embedded,
    });
    return {
      db,
      url,
      embedded: !!embedded,
      protector: createProtector(key),
      close: async () => {
        await db.destroy();
        if (embedded?.owned) await embedded.stop();
      },
    };
  } catch (e) {
    await db.destroy();
    if (embedded?.owned) await embedded.stop();
    throw config.databaseUrl ? unreachable(e) : e;
  }
}

/** A database that cannot be reached or logged into, said in one line with what to check. */
function unreachable(e: unknown): unknown {
  const code = (e as { code?: string }).code ?? '';
  const connecting = ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET'].includes(code);
  // 28P01/28000: password or role refused; 3D000: no such database
  if (!connecting && !['28P01', '28000', '3D000'].includes(code)) return e;
  return new Error(`cannot use the database in DATABASE_URL (${(e as Error).message}): check DATABASE_URL`);
}
