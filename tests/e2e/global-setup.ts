import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { removeEmbeddedCluster } from '../../src/server/db/embedded';
import { findChromium } from './chromium/find';
import { ROOT, startServer } from './server';

// Finds the browser, builds the web app, then starts one real server (embedded PostgreSQL, demo city)
// for the browser tests.
export default async function setup(project: TestProject) {
  // first, so that a machine without a browser fails at once, in one line that says what to do
  console.log(`e2e: browser ${findChromium().source}`);
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' }, // vitest sets NODE_ENV=test: build React for production
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'wangge-e2e-'));
  // the duty alert job every 2 s instead of 5 min, so that a test sees a shift's alert come
  const server = await startServer(dataDir, { WANGGE_DUTY_SWEEP_SECONDS: '2' });
  project.provide('baseURL', server.url);
  return async () => {
    await server.stop();
    await removeEmbeddedCluster(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
