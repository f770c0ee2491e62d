import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { runningPostmaster } from './postmaster';
import type { SystemUser } from './systemUser';

// Where the embedded PostgreSQL of a data directory keeps its cluster (pg/) and its log.
// Run as the current user, in the data directory itself. Run as the postgres user (when Wangge runs as
// root), in a directory of its own under the PostgreSQL root, /var/lib/wangge/<hash of the data
// directory>-<random>, since the data directory may sit where that user cannot reach (under /root) and
// its parents are the user's to keep private. The data directory records that place in `pg-location`;
// the place names its data directory in `data-dir`. A cluster that an earlier version made in
// <data>/pg stays there.

export interface ClusterHome {
  /** holds pg/ (the cluster) and postgresql.log */
  dir: string;
  pgDir: string;
  logFile: string;
}

const LOCATION = 'pg-location';
const BACK_REFERENCE = 'data-dir';

export function pgRootOf(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.WANGGE_PG_ROOT || '/var/lib/wangge');
}

function homeAt(dir: string): ClusterHome {
  return { dir, pgDir: join(dir, 'pg'), logFile: join(dir, 'postgresql.log') };
}

/** The home recorded for a data directory, or the data directory itself; nothing is created. */
export function recordedHome(dataDir: string): ClusterHome {
  const file = join(dataDir, LOCATION);
  return homeAt(existsSync(file) ? readFileSync(file, 'utf8').trim() : dataDir);
}

/** The home of a data directory's cluster, made (and recorded) on the first start. */
export async function prepareHome(
  dataDir: string,
  runAs: SystemUser | undefined,
  pgRoot: string,
): Promise<ClusterHome> {
  const recorded = join(dataDir, LOCATION);
  if (existsSync(recorded)) {
    const home = recordedHome(dataDir);
    if (!existsSync(home.dir)) {
      throw new Error(
        `the embedded PostgreSQL of ${dataDir} is kept in ${home.dir} (${recorded}), which is gone: restore it, or start with a new WANGGE_DATA_DIR`,
      );
    }
    return home;
  }
  if (!runAs || existsSync(join(dataDir, 'pg', 'PG_VERSION'))) return homeAt(dataDir);

  try {
    if (await mkdir(pgRoot, { recursive: true })) await chmod(pgRoot, 0o755);
    const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
    const dir = join(pgRoot, `${hash}-${randomBytes(4).toString('hex')}`);
    await mkdir(dir, { mode: 0o700 });
    await writeFile(join(dir, BACK_REFERENCE), `${dataDir}\n`);
    await chown(dir, runAs.uid, runAs.gid);
    await writeFile(recorded, `${dir}\n`, { mode: 0o600 });
    return homeAt(dir);
  } catch (e) {
    throw new Error(
      `could not make a directory for the embedded PostgreSQL under ${pgRoot} (${(e as Error).message}): set WANGGE_PG_ROOT to a directory root can write and the postgres user can reach`,
    );
  }
}

/**
 * Deletes the cluster a data directory keeps outside itself (its PostgreSQL stopped first); the data
 * directory itself is the caller's to delete. For tests and tools that make throwaway data directories.
 */
export async function removeHome(dataDir: string): Promise<void> {
  if (!existsSync(join(dataDir, LOCATION))) return;
  const home = recordedHome(dataDir);
  const owner = await readFile(join(home.dir, BACK_REFERENCE), 'utf8').catch(() => '');
  if (owner.trim() !== dataDir || runningPostmaster(home.pgDir)) return;
  await rm(home.dir, { recursive: true, force: true });
}

/**
 * Deletes, under the PostgreSQL root, the clusters of temporary data directories (inside the system's
 * temporary directory) that no longer exist and whose PostgreSQL is not running: what test runs and
 * benchmarks that were interrupted, or that deleted their directory only, left behind. The clusters of
 * other data directories are never deleted: a data directory may have been moved.
 */
export async function pruneAbandoned(pgRoot: string, log: (msg: string) => void): Promise<void> {
  const temporary = resolve(tmpdir()) + sep;
  const entries = await readdir(pgRoot, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = join(pgRoot, entry.name);
    const owner = (await readFile(join(dir, BACK_REFERENCE), 'utf8').catch(() => '')).trim();
    if (!owner.startsWith(temporary) || existsSync(owner) || runningPostmaster(join(dir, 'pg'))) continue;
    await rm(dir, { recursive: true, force: true });
    log(`removed ${dir}, the embedded PostgreSQL of ${owner}, which was deleted`);
  }
}
