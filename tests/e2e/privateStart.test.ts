import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedPostmaster, removeEmbeddedCluster } from '../../src/server/db/embedded';
import { pgRootOf } from '../../src/server/db/postgres/home';
import { pidAlive } from '../../src/server/db/postgres/postmaster';
import { DEMO_PASSWORD } from './client';
import { freePort, ROOT, runWangge, startServerIn } from './server';

// `wangge start` as a user runs it, from a copy of the project in a private directory (mode 700, as a
// clone anywhere under /root in a container that runs as root): PostgreSQL, which runs as the postgres
// user, gets what it needs without the user's directories being opened; a demo listens on 127.0.0.1;
// a server killed with SIGKILL leaves its PostgreSQL running, and the next one takes it over and stops
// it when it stops; a start that fails says what to do in one line and leaves no PostgreSQL running.

const parent = await mkdtemp(join(tmpdir(), 'wangge-private-')); // mode 700
const project = join(parent, 'wangge');
const dataDir = join(project, 'data');
afterAll(async () => {
  await removeEmbeddedCluster(dataDir);
  await rm(parent, { recursive: true, force: true });
});

/** The project's files, node_modules hard-linked (as fast as a symlink, but a path of its own). */
async function copyProject() {
  for (const entry of ['bin', 'src', 'resources', 'dist', 'package.json', 'tsconfig.json'])
    await cp(join(ROOT, entry), join(project, entry), { recursive: true, preserveTimestamps: true });
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(project, 'node_modules')]);
}

/** Whether a socket listens on 127.0.0.1:port only (and not on every interface), from /proc/net/tcp. */
function listeners(port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[1]?.endsWith(`:${hex}`) && f[3] === '0A')
    .map((f) => f[1].split(':')[0]);
}

const modeOf = (path: string) => statSync(path).mode & 0o777;
const root = userInfo().uid === 0;

describe('wangge start from a private directory', () => {
  it('runs PostgreSQL from where it can reach, takes over an orphan, and fails cleanly', async () => {
    await copyProject();
    const projectMode = modeOf(project);
    const port = await freePort();
    // as `npm start` would: no data directory, no HOST
    const env = { PORT: String(port), WANGGE_DATA_DIR: undefined, HOST: undefined, WANGGE_DEMO: undefined };
    const first = await startServerIn(project, env);
    expect(first.output()).toContain('listening on 127.0.0.1 only');
    expect(listeners(port)).toEqual(['0100007F']);
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'zhihuibu', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);

    // nothing of the user's was opened up
    expect(modeOf(parent)).toBe(0o700);
    expect(modeOf(project)).toBe(projectMode);
    expect(modeOf(dataDir)).toBe(0o700);
    const postmaster = embeddedPostmaster(dataDir);
    expect(postmaster).toBeDefined();
    if (root) {
      // the cluster and the binaries the postgres user runs are under the PostgreSQL root
      const home = readFileSync(join(dataDir, 'pg-location'), 'utf8').trim();
      expect(home.startsWith(`${pgRootOf()}/`)).toBe(true);
      const postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      expect(statSync(join(home, 'pg')).uid).toBe(postgresUid);
      expect(readlinkSync(`/proc/${postmaster?.pid}/exe`).startsWith(`${pgRootOf()}/`)).toBe(true);
      expect(existsSync(join(dataDir, 'pg'))).toBe(false);
    }

    // killed with SIGKILL: PostgreSQL stays; the next server takes it over, and stops it when it stops
    first.process.kill('SIGKILL');
    await new Promise((r) => first.process.once('exit', r));
    expect(embeddedPostmaster(dataDir)?.pid).toBe(postmaster?.pid);
    const second = await startServerIn(project, env);
    expect(second.output()).toContain('found the embedded PostgreSQL left running');
    expect(await second.stop()).toBe(0);
    expect(embeddedPostmaster(dataDir)).toBeUndefined();
    expect(pidAlive(postmaster?.pid as number)).toBe(false);

    // the port is taken: one line saying what to do, and no PostgreSQL left running
    const blocker = createServer();
    const taken = await freePort();
    await new Promise<void>((r) => blocker.listen(taken, '127.0.0.1', r));
    try {
      const failed = runWangge(['start'], { ...env, PORT: String(taken) }, project);
      expect(await failed.exited, failed.output()).toBe(1);
      expect(failed.output()).toContain(`wangge: port ${taken} is in use: set PORT`);
      expect(failed.output()).not.toMatch(/^\s+at /m); // no stack trace
      expect(embeddedPostmaster(dataDir)).toBeUndefined();
    } finally {
      blocker.close();
    }
  }, 300_000);
});
