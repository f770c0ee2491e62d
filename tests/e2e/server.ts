import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

// Starting and stopping a real Wangge server (`wangge start`) for end-to-end tests.
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ADMIN_PASSWORD = 'E2eAdmin2020';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** SIGTERM, and the exit code */
  stop(): Promise<number | null>;
}

/** `wangge <args>` in a project (this one unless `cwd`); an undefined variable is removed. */
export function runWangge(args: string[], env: Record<string, string | undefined>, cwd = ROOT) {
  const merged: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(process.execPath, ['bin/wangge.js', ...args], {
    cwd,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stdout = '';
  child.stdout?.on('data', (d) => {
    out += d;
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, stdout: () => stdout, exited };
}

export async function startServer(
  dataDir: string,
  extraEnv: Record<string, string | undefined> = {},
): Promise<RunningServer> {
  return startServerIn(ROOT, {
    WANGGE_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    WANGGE_DEMO: '1',
    ...extraEnv,
  });
}

/** `wangge start` in a project, with PORT set (the administrator's password unless given), once ready. */
export async function startServerIn(
  cwd: string,
  env: Record<string, string | undefined> & { PORT: string },
): Promise<RunningServer> {
  const run = runWangge(['start'], { WANGGE_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env }, cwd);
  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + 180_000;
  let exitCode: number | null | undefined;
  run.exited.then((c) => {
    exitCode = c;
  });
  for (;;) {
    if (exitCode !== undefined) throw new Error(`the server exited (${exitCode}):\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${run.output()}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    process: run.child,
    output: run.output,
    stop: async () => {
      if (exitCode !== undefined) return exitCode;
      run.child.kill('SIGTERM');
      return run.exited;
    },
  };
}
