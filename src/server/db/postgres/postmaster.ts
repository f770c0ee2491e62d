import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { chown, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Binaries } from './binaries';
import type { ClusterHome } from './home';
import type { SystemUser } from './systemUser';

// Running the PostgreSQL binaries: initdb, the postmaster (as the postgres user when we are root, its
// output appended to <home>/postgresql.log), and its fast shutdown, whoever started it.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** postmaster.pid: pid, data directory, start time, port, socket directory, address, shared memory key, status. */
function readPidFile(pgDir: string): string[] | undefined {
  const file = join(pgDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch {
    return undefined;
  }
}

/** The postmaster running on this cluster, if any. */
export function runningPostmaster(pgDir: string): { pid: number; port: number } | undefined {
  const lines = readPidFile(pgDir);
  const pid = Number(lines?.[0]);
  const port = Number(lines?.[3]);
  if (!pid || !port || !pidAlive(pid)) return undefined;
  return { pid, port };
}

let utf8Locale: string | undefined | null = null;
/** C.UTF-8 where the C library has it (byte order, Unicode character classes), else the environment's. */
function cUtf8(): string | undefined {
  if (utf8Locale === null) {
    try {
      const all = execFileSync('locale', ['-a'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      utf8Locale = all.split('\n').some((l) => /^C\.utf-?8$/i.test(l.trim())) ? 'C.UTF-8' : undefined;
    } catch {
      utf8Locale = undefined;
    }
  }
  return utf8Locale;
}

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (k !== 'LANG' && !k.startsWith('LC_')) env[k] = v;
  env.LANG = cUtf8() ?? 'C';
  env.LC_MESSAGES = 'C'; // English messages in the log, whatever the machine's language
  return env;
}

function spawnOptions(home: ClusterHome, runAs: SystemUser | undefined) {
  const logFd = openSync(home.logFile, 'a');
  return {
    logFd,
    options: {
      cwd: home.dir,
      env: childEnv(),
      stdio: ['ignore', logFd, logFd] as ['ignore', number, number],
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    },
  };
}

/** What PostgreSQL wrote to its log from `since` on (the last 64 KiB of it). */
function logSince(logFile: string, since: number): string {
  try {
    const start = Math.max(since, statSync(logFile).size - 65_536);
    const fd = openSync(logFile, 'r');
    try {
      const buffer = Buffer.alloc(Math.max(0, statSync(logFile).size - start));
      readSync(fd, buffer, 0, buffer.length, start);
      return buffer.toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}

/** The last line PostgreSQL wrote that says what went wrong. */
function reasonFromLog(logFile: string, since: number): string {
  const lines = logSince(logFile, since)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const bad = lines.filter((l) => /\b(FATAL|PANIC|ERROR)\b|error|could not|cannot/i.test(l));
  return (bad.at(-1) ?? lines.at(-1) ?? 'no message').replace(/\s+/g, ' ');
}

function logSize(logFile: string): number {
  try {
    return statSync(logFile).size;
  } catch {
    return 0;
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; error?: NodeJS.ErrnoException }> {
  return new Promise((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: null, error }));
    child.once('exit', (code) => resolve({ code }));
  });
}

/** A new cluster in home.pgDir: UTF-8, byte-order sorting with Unicode character classes (for pg_trgm). */
export async function initCluster(
  binaries: Binaries,
  home: ClusterHome,
  runAs: SystemUser | undefined,
  superuser: { user: string; password: string },
): Promise<void> {
  const pwfile = join(home.dir, `.pwfile-${randomBytes(6).toString('hex')}`);
  await writeFile(pwfile, `${superuser.password}\n`, { mode: 0o600 });
  if (runAs) await chown(pwfile, runAs.uid, runAs.gid);
  const since = logSize(home.logFile);
  const { logFd, options } = spawnOptions(home, runAs);
  const locale = cUtf8();
  try {
    const child = spawn(
      join(binaries.dir, 'bin', 'initdb'),
      [
        `--pgdata=${home.pgDir}`,
        '--auth=scram-sha-256',
        `--username=${superuser.user}`,
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        ...(locale ? [`--locale=${locale}`] : []),
        '--lc-messages=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
      ],
      options,
    );
    const { code, error } = await exited(child);
    if (error) throw new Error(`could not run initdb (${error.code ?? error.message})`);
    if (code !== 0)
      throw new Error(`initdb failed: ${reasonFromLog(home.logFile, since)} (see ${home.logFile})`);
  } finally {
    closeSync(logFd);
    await rm(pwfile, { force: true });
  }
}

/** Starts the postmaster and waits until it accepts connections; it outlives this process if killed. */
export async function startPostmaster(
  binaries: Binaries,
  home: ClusterHome,
  runAs: SystemUser | undefined,
  port: number,
  settings: Record<string, string>,
): Promise<{ pid: number }> {
  const since = logSize(home.logFile);
  const { logFd, options } = spawnOptions(home, runAs);
  const args = ['-D', home.pgDir, '-p', String(port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
  let child: ChildProcess;
  try {
    child = spawn(join(binaries.dir, 'bin', 'postgres'), args, options);
  } finally {
    closeSync(logFd);
  }
  let end: { code: number | null; error?: NodeJS.ErrnoException } | undefined;
  void exited(child).then((e) => {
    end = e;
  });
  for (;;) {
    if (end?.error) throw new Error(`could not run PostgreSQL (${end.error.code ?? end.error.message})`);
    if (end) throw new Error(`${reasonFromLog(home.logFile, since)} (see ${home.logFile})`);
    const lines = readPidFile(home.pgDir);
    if (child.pid && Number(lines?.[0]) === child.pid && lines?.[7]?.trim() === 'ready') break;
    await sleep(100);
  }
  child.unref(); // a command that leaves it to a server can end
  return { pid: child.pid as number };
}

/** Fast shutdown (SIGINT): open transactions are rolled back, and the cluster is left clean. */
export async function stopPostmaster(pgDir: string, pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  for (let waited = 0; pidAlive(pid); waited += 100) {
    // a minute on: immediate shutdown (SIGQUIT), which recovers at the next start
    if (waited === 60_000) process.kill(pid, 'SIGQUIT');
    await sleep(100);
  }
  if (runningPostmaster(pgDir)?.pid === pid) throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
}
