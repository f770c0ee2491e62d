import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeEmbeddedCluster } from '../../src/server/db/embedded';
import {
  FIXED_EXPECTED,
  fixedMessyLedgerSheet,
  MESSY_EXPECTED,
  messyLedgerSheet,
} from '../../src/server/modules/ledger/excel/fixtures';
import { freePort, runWangge, startServer } from './server';

// The server as an operator runs it: first start without WANGGE_ADMIN_PASSWORD, one server per data
// directory, the CLI beside a running server, a clean stop and a second start on the same data.

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) {
    await removeEmbeddedCluster(d);
    await rm(d, { recursive: true, force: true });
  }
});

async function login(url: string, username: string, password: string) {
  return fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

describe('wangge start', () => {
  it('starts, refuses a second server on the same data, shares it with the CLI, stops cleanly and starts again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'wangge-life-'));
    dirs.push(dataDir);
    const server = await startServer(dataDir, { WANGGE_ADMIN_PASSWORD: '' });

    // A random initial password, printed once and kept in a file only root can read.
    const file = join(dataDir, 'initial-admin.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = /password: (\S+)/.exec(readFileSync(file, 'utf8'))?.[1] as string;
    expect(server.output()).toContain(password);
    expect(server.output()).toContain('smh_admin');
    // demo users with the published password: the start says plainly that this is a demo
    expect(server.output()).toContain('THIS IS A DEMO');
    expect(server.output()).toContain('WANGGE_DEMO=0');
    // and that the call-up codes are shown on the page, no proof of a person
    expect(server.output()).toContain('WANGGE_SMS=dev');
    expect(server.output()).toContain('zhihuibu (指挥部) reveals');
    expect((await login(server.url, 'admin', password)).status).toBe(200);

    const second = runWangge(['start'], { WANGGE_DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('already using');

    const add = runWangge(
      [
        'user',
        'add',
        'cli_user',
        '--password',
        'Cli2020abc',
        '--role',
        'grid_worker',
        '--unit',
        '410105002008G01',
      ],
      {
        WANGGE_DATA_DIR: dataDir,
      },
    );
    expect(await add.exited, add.output()).toBe(0);
    expect((await login(server.url, 'cli_user', 'Cli2020abc')).status).toBe(200);

    // The ledger import from a shell: the report as one JSON object, row numbers as the sheet has them.
    const messy = join(dataDir, 'messy.xlsx');
    const fixed = join(dataDir, 'fixed.xlsx');
    await writeFile(messy, await messyLedgerSheet());
    await writeFile(fixed, await fixedMessyLedgerSheet());
    const dry = runWangge(['import', 'ledger', messy, '--unit', '410105002008G01', '--dry-run', '--json'], {
      WANGGE_DATA_DIR: dataDir,
    });
    expect(await dry.exited, dry.output()).toBe(1);
    const report = JSON.parse(dry.stdout());
    expect(report).toMatchObject({
      imported: false,
      rows: expect.any(Number),
      households: expect.any(Number),
    });
    for (const e of MESSY_EXPECTED.errors) {
      expect(report.rejected).toContainEqual(
        expect.objectContaining({ row: e.row, code: e.code, column: e.column }),
      );
    }
    // into a grid of its own: the demo's grid 1 has households at the sheet's doors, and a second head
    // of household at a door is refused
    const admin = (await login(server.url, 'admin', password)).headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const created = await fetch(`${server.url}/api/org/units`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ parentCode: '410105002008', kind: 'grid', name: '命令行导入网格' }),
    });
    expect(created.status).toBe(201);
    const grid = ((await created.json()) as { code: string }).code;
    const real = runWangge(['import', 'ledger', fixed, '--unit', grid, '--json'], {
      WANGGE_DATA_DIR: dataDir,
    });
    expect(await real.exited, real.output()).toBe(0);
    expect(JSON.parse(real.stdout())).toMatchObject({
      imported: true,
      residents: FIXED_EXPECTED.residents,
      rejected: [],
    });

    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('stopped');

    const again = await startServer(dataDir, { WANGGE_ADMIN_PASSWORD: '' });
    expect((await login(again.url, 'cli_user', 'Cli2020abc')).status).toBe(200);
    expect(again.output()).not.toContain(password);
    expect(await again.stop()).toBe(0);

    // With nothing running, the CLI starts the embedded PostgreSQL itself and stops it after.
    const offline = runWangge(['divisions', 'import', '--province', '41', '--city', '4101'], {
      WANGGE_DATA_DIR: dataDir,
    });
    expect(await offline.exited, offline.output()).toBe(0);
    expect(offline.output()).toContain('3306 villages');
  }, 300_000);
});
