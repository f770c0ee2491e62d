import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { type PlaceTable, placeTable } from '../../../domain/places/placeNames';

// The country's place names (provinces, cities, counties; resources/places/cn.tsv.gz, built by
// tools/divisions/build-places.ts), read once when an import first needs them.

const FILE = new URL('../../../../resources/places/cn.tsv.gz', import.meta.url);
let table: Promise<PlaceTable> | undefined;

export function placeNames(): Promise<PlaceTable> {
  table ??= readFile(FILE)
    .then((gz) => promisify(gunzip)(gz))
    .then((text) => placeTable(text.toString('utf8').split('\n')));
  return table;
}
