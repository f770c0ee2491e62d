import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareHome, pruneAbandoned, recordedHome, removeHome } from './home';

// Where a data directory's cluster lives when PostgreSQL runs as another user, on a real file system
// (the current user stands in for the postgres user).

const made: string[] = [];
async function temporary(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
afterAll(async () => {
  for (const d of made) await rm(d, { recursive: true, force: true });
});

const runAs = { name: 'me', uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };

describe('the home of a relocated cluster', () => {
  it('is made once, recorded in the data directory, and found again', async () => {
    const pgRoot = join(await temporary('wangge-pgroot-'), 'root');
    const dataDir = await temporary('wangge-data-');
    const home = await prepareHome(dataDir, runAs, pgRoot);
    expect(home.dir.startsWith(`${pgRoot}/`)).toBe(true);
    expect(statSync(home.dir).mode & 0o777).toBe(0o700);
    expect(statSync(pgRoot).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(home.dir, 'data-dir'), 'utf8').trim()).toBe(dataDir);
    expect(recordedHome(dataDir)).toEqual(home);
    expect(await prepareHome(dataDir, runAs, pgRoot)).toEqual(home);
    // without another user, or with a cluster an earlier version made in the data directory: there
    expect((await prepareHome(await temporary('wangge-data-'), undefined, pgRoot)).pgDir).toMatch(/\/pg$/);
    const legacy = await temporary('wangge-data-');
    await mkdir(join(legacy, 'pg'));
    await writeFile(join(legacy, 'pg', 'PG_VERSION'), '17\n');
    expect((await prepareHome(legacy, runAs, pgRoot)).dir).toBe(legacy);
  });

  it('says what to do when the recorded home is gone', async () => {
    const pgRoot = join(await temporary('wangge-pgroot-'), 'root');
    const dataDir = await temporary('wangge-data-');
    const home = await prepareHome(dataDir, runAs, pgRoot);
    await rm(home.dir, { recursive: true });
    await expect(prepareHome(dataDir, runAs, pgRoot)).rejects.toThrow(/which is gone: restore it, or start/);
  });

  it('is deleted with its throwaway data directory, and abandoned ones only from the temporary directory', async () => {
    const pgRoot = join(await temporary('wangge-pgroot-'), 'root');
    const removed = await temporary('wangge-data-');
    const deleted = await temporary('wangge-data-');
    const living = await temporary('wangge-data-');
    const moved = join(await temporary('wangge-elsewhere-'), 'data');
    await mkdir(moved);
    const homes = {
      removed: await prepareHome(removed, runAs, pgRoot),
      deleted: await prepareHome(deleted, runAs, pgRoot),
      living: await prepareHome(living, runAs, pgRoot),
      moved: await prepareHome(moved, runAs, pgRoot),
    };
    await removeHome(removed);
    expect(existsSync(homes.removed.dir)).toBe(false);

    // a data directory outside the temporary directory may have been moved: its cluster stays
    await writeFile(join(homes.moved.dir, 'data-dir'), '/srv/wangge/data\n');
    await rm(deleted, { recursive: true });
    const said: string[] = [];
    await pruneAbandoned(pgRoot, (m) => said.push(m));
    expect(existsSync(homes.deleted.dir)).toBe(false);
    expect(said).toEqual([expect.stringContaining(deleted)]);
    expect(existsSync(homes.living.dir)).toBe(true);
    expect(existsSync(homes.moved.dir)).toBe(true);
  });
});
