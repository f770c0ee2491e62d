import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { woffToSfnt } from './woff';

// A Chinese font for the browser, so that the screenshots show characters and not boxes on a machine
// without one: Noto Sans SC from npm (@fontsource/noto-sans-sc, regular and bold, in the unicode-range
// pieces the package ships), made TrueType once into the cache, and a fontconfig file that adds it to
// the machine's own fonts (/etc/fonts/fonts.conf, when there is one) as the last choice for sans-serif.

const WEIGHTS = ['400', '700'];

function packageDir(): { dir: string; version: string } {
  const main = createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json');
  const { version } = JSON.parse(readFileSync(main, 'utf8')) as { version: string };
  return { dir: dirname(main), version };
}

function convert(from: string, into: string): void {
  const partial = `${into}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  for (const file of readdirSync(from)) {
    const match = /^(noto-sans-sc-.+-(\d+)-normal)\.woff$/.exec(file);
    if (!match || !WEIGHTS.includes(match[2])) continue;
    writeFileSync(join(partial, `${match[1]}.ttf`), woffToSfnt(readFileSync(join(from, file))));
  }
  try {
    renameSync(partial, into);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another process made it first
  }
}

/** The fontconfig file to give the browser (FONTCONFIG_FILE). */
export function fontConfig(cacheDir: string): string {
  const { dir, version } = packageDir();
  const fonts = join(cacheDir, `noto-sans-sc-${version}`);
  if (!existsSync(fonts)) convert(join(dir, 'files'), fonts);
  const file = join(cacheDir, `fonts-${version}.conf`);
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${fonts}</dir>
  <cachedir>${join(cacheDir, 'fontconfig')}</cachedir>
  <alias><family>sans-serif</family><default><family>Noto Sans SC</family></default></alias>
  <alias><family>serif</family><default><family>Noto Sans SC</family></default></alias>
  <alias><family>monospace</family><default><family>Noto Sans SC</family></default></alias>
</fontconfig>
`,
  );
  return file;
}
