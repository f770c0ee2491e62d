import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { setupFailure } from './failure';
import { untar } from './untar';

// Chromium from npm for a machine without one: the headless shell that @sparticuz/chromium ships
// (Linux x64), unpacked once into the cache with the NSS libraries the package carries for machines
// that lack them (given to it through LD_LIBRARY_PATH). Nothing is downloaded.

export interface Packaged {
  executablePath: string;
  libDir: string;
}

function packageDir(): { dir: string; version: string } {
  let main: string;
  try {
    main = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  } catch {
    throw setupFailure('@sparticuz/chromium is not installed: run npm install');
  }
  const dir = dirname(dirname(main)); // <package>/build/index.js
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { dir, version };
}

function unpack(bin: string, into: string): void {
  const partial = `${into}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  writeFileSync(join(partial, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))), {
    mode: 0o755,
  });
  untar(brotliDecompressSync(readFileSync(join(bin, 'al2023.tar.br'))), join(partial, 'al2023'));
  try {
    renameSync(partial, into);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another process unpacked it first
  }
}

export function packagedChromium(cacheDir: string): Packaged {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw setupFailure(
      `npm ships no Chromium for ${process.platform}-${process.arch}: install Chromium or Chrome and set CHROMIUM_PATH to it`,
    );
  }
  const { dir, version } = packageDir();
  const into = join(cacheDir, `chromium-${version}`);
  if (!existsSync(join(into, 'chromium'))) unpack(join(dir, 'bin'), into);
  const found = { executablePath: join(into, 'chromium'), libDir: join(into, 'al2023', 'lib') };
  try {
    execFileSync(found.executablePath, ['--version'], {
      env: { ...process.env, LD_LIBRARY_PATH: found.libDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (e) {
    const reason = String((e as { stderr?: Buffer }).stderr ?? (e as Error).message)
      .trim()
      .split('\n')[0];
    throw setupFailure(
      `the Chromium from npm (@sparticuz/chromium) does not run here (${reason}): install Chromium (apt-get install chromium) and set CHROMIUM_PATH=/usr/bin/chromium`,
    );
  }
  return found;
}
