import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../server';
import { setupFailure } from './failure';
import { fontConfig } from './fonts';
import { packagedChromium } from './packaged';

// Which Chromium the end-to-end tests drive: CHROMIUM_PATH when set to a path; else /usr/bin/chromium
// when the machine has one; else (or with CHROMIUM_PATH=packaged) the one npm brought. Never none: a
// missing browser fails the run with one line saying what to do.

export interface Chromium {
  executablePath: string;
  /** the browser's environment: its Chinese font, and the packaged browser's libraries */
  env: Record<string, string>;
  /** what it is, for the run's first line */
  source: string;
}

const SYSTEM = '/usr/bin/chromium';
let found: Chromium | undefined;

export function findChromium(): Chromium {
  if (found) return found;
  const cacheDir = join(ROOT, 'node_modules', '.cache', 'wangge-e2e');
  mkdirSync(cacheDir, { recursive: true });
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.FONTCONFIG_FILE = fontConfig(cacheDir);
  const given = process.env.CHROMIUM_PATH?.trim();
  if (given && given !== 'packaged') {
    if (!existsSync(given)) {
      throw setupFailure(
        `CHROMIUM_PATH=${given} does not exist: set it to a Chromium or Chrome executable, or unset it to use the Chromium from npm`,
      );
    }
    found = { executablePath: given, env, source: `${given} (CHROMIUM_PATH)` };
  } else if (!given && existsSync(SYSTEM)) {
    found = { executablePath: SYSTEM, env, source: SYSTEM };
  } else {
    const packaged = packagedChromium(cacheDir);
    env.LD_LIBRARY_PATH = [packaged.libDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
    found = {
      executablePath: packaged.executablePath,
      env,
      source: 'the Chromium from npm (@sparticuz/chromium)',
    };
  }
  return found;
}
