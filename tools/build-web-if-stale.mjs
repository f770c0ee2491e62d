// `npm start` runs this first: builds the web app (dist/web) when it is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// the two pages of the app (vite.config.ts); the assets they name are written with them
const pages = ['dist/web/index.html', 'dist/web/field.html'];
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const sources = Math.max(newest('src/web'), newest('src/domain'), statSync('vite.config.ts').mtimeMs);
if (pages.some((page) => !existsSync(page) || statSync(page).mtimeMs < sources)) {
  console.log('[wangge] building the web app (dist/web)…');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
