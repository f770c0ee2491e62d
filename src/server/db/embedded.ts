import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { binariesFor } from './postgres/binaries';
import { pgRootOf, prepareHome, pruneAbandoned, recordedHome, removeHome } from './postgres/home';
import { claim, holds, ownerOf, release } from './postgres/owner';
import { initCluster, runningPostmaster, startPostmaster, stopPostmaster } from './postgres/postmaster';
import { postgresRunsAs } from './postgres/systemUser';

// The embedded PostgreSQL of a data directory: real PostgreSQL binaries from npm, run as the postgres
// system user when we are root (see postgres/home.ts for where its cluster lives), reused when it is
// already running, and stopped by whoever answers for it (postgres/owner.ts).

interface Credentials {
  port: number;
  user: string;
  password: string;
}

export interface EmbeddedDatabase {
  /** connection string of the maintenance database `postgres` */
  adminUrl: string;
  /** connection string of the application database */
  url: string;
  /** true when this process answers for stopping PostgreSQL (it started it, or took it over) */
  owned: boolean;
  /** stops PostgreSQL if this process (still) answers for it */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /**
   * A server: it takes over a running PostgreSQL that a command started, and stops it when it stops.
   * A PostgreSQL that nobody answers for (its starter was killed) is taken over by anyone.
   */
  takeOver?: boolean;
}

const APP_DATABASE = 'wangge';

function urlOf(c: Credentials, database: string): string {
  return `postgres://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@127.0.0.1:${c.port}/${database}`;
}

async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.once('error', reject);
      srv.listen(port, '127.0.0.1', () => {
        const address = srv.address();
        srv.close(() => resolve(typeof address === 'object' && address ? address.port : port));
      });
    });
  try {
    return await tryPort(preferred);
  } catch {
    return tryPort(0);
  }
}

async function loadOrCreateCredentials(dataDir: string): Promise<Credentials> {
  const file = join(dataDir, 'pg-credentials.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const creds: Credentials = { port: 54329, user: 'wangge', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

function settings(): Record<string, string> {
  return {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    // A city's ledger (12 million residents) is loaded and counted here: more than the 128 MB default
    // for caching, and checkpoints spaced out so that a bulk load is not mostly full-page writes.
    shared_buffers: process.env.WANGGE_PG_SHARED_BUFFERS ?? '1GB',
    max_wal_size: '8GB',
    checkpoint_timeout: '15min',
    maintenance_work_mem: '256MB',
  };
}

/** The running embedded PostgreSQL of a data directory, if any (for tests and tools). */
export function embeddedPostmaster(dataDir: string): { pid: number; port: number } | undefined {
  return runningPostmaster(recordedHome(resolve(dataDir)).pgDir);
}

/**
 * Deletes the cluster a throwaway data directory keeps outside itself (under /var/lib/wangge when run
 * as root), once its PostgreSQL is stopped; the data directory itself is the caller's to delete.
 */
export function removeEmbeddedCluster(dataDir: string): Promise<void> {
  return removeHome(resolve(dataDir));
}

/**
 * Starts the embedded PostgreSQL for a data directory, or uses the one already running there (the CLI
 * next to a running server, or a server after its predecessor was killed).
 */
export async function startEmbedded(
  dataDirGiven: string,
  log: (msg: string) => void = () => {},
  options: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  const dataDir = resolve(dataDirGiven);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const creds = await loadOrCreateCredentials(dataDir);
  const runAs = postgresRunsAs();
  const pgRoot = pgRootOf();
  const home = await prepareHome(dataDir, runAs, pgRoot);
  const answering = (c: Credentials, pid: number): EmbeddedDatabase => ({
    adminUrl: urlOf(c, 'postgres'),
    url: urlOf(c, APP_DATABASE),
    owned: true,
    stop: async () => {
      if (!holds(dataDir)) return; // a server took it over
      await stopPostmaster(home.pgDir, pid);
      release(dataDir);
    },
  });

  const running = runningPostmaster(home.pgDir);
  if (running) {
    const c = { ...creds, port: running.port };
    const owner = ownerOf(dataDir);
    if (owner !== undefined && !options.takeOver) {
      log(`using the embedded PostgreSQL already running on port ${running.port} (pid ${running.pid})`);
      return {
        adminUrl: urlOf(c, 'postgres'),
        url: urlOf(c, APP_DATABASE),
        owned: false,
        stop: async () => {},
      };
    }
    claim(dataDir);
    log(
      owner === undefined
        ? `found the embedded PostgreSQL left running on port ${running.port} (pid ${running.pid}) by a process that was stopped before it could stop it: it is stopped with this one`
        : `took over the embedded PostgreSQL on port ${running.port} (pid ${running.pid}) from the command that started it (pid ${owner}): it is stopped with this server`,
    );
    return answering(c, running.pid);
  }

  if (runAs) await pruneAbandoned(pgRoot, log);
  const binaries = await binariesFor(runAs, pgRoot);
  if (!existsSync(join(home.pgDir, 'PG_VERSION'))) {
    log(`initialising the embedded PostgreSQL in ${home.pgDir}`);
    await initCluster(binaries, home, runAs, creds);
  }
  const port = await freePort(creds.port);
  if (port !== creds.port) {
    creds.port = port;
    await writeFile(join(dataDir, 'pg-credentials.json'), JSON.stringify(creds), { mode: 0o600 });
  }
  claim(dataDir);
  let pid: number;
  try {
    ({ pid } = await startPostmaster(binaries, home, runAs, port, settings()));
  } catch (e) {
    release(dataDir);
    throw new Error(`the embedded PostgreSQL did not start: ${(e as Error).message}`);
  }
  const db = answering(creds, pid);
  try {
    await ensureDatabase(db.adminUrl, APP_DATABASE);
  } catch (e) {
    await db.stop();
    throw e;
  }
  return db;
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const { default: pgLib } = await import('pg');
  const client = new pgLib.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}
