import { parseRecordKey } from '../../../domain/ledger/household';
import type { Db } from '../../db/connection';
import type { Scope } from '../../platform/scope';
import * as q from './queries';

/**
 * Names of residents by record key ('410105-1234'), one query per region, for the residents the scope may
 * read (others are left out): what the audit log shows instead of the keys.
 */
export async function residentNames(db: Db, scope: Scope, keys: string[]): Promise<Map<string, string>> {
  const byRegion = new Map<string, string[]>();
  for (const key of keys) {
    const k = parseRecordKey(key);
    if (k) byRegion.set(k.regionCode, [...(byRegion.get(k.regionCode) ?? []), k.id]);
  }
  const names = new Map<string, string>();
  for (const [region, ids] of byRegion) {
    for (const r of await q.residentNamesIn(db, scope, region, ids)) names.set(`${region}-${r.id}`, r.name);
  }
  return names;
}
