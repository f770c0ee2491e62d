import { z } from 'zod';
import type { ColourPolicy } from '../../../domain/ledger/colours';
import { validateColourPolicy } from '../../../domain/ledger/colours';
import { DEMO_KEY_AREAS } from '../../../domain/ledger/keyAreas';
import type { Db } from '../../db/connection';
import { platformToday } from '../../platform/clock';
import type { Services } from '../../platform/services';

// The colour policy a deployment sets (the key-area list, the window, the fever threshold) and the
// ledger's day. Kept in settings under 'ledger.policy'; the home area is the deployment's region.

export const POLICY_KEY = 'ledger.policy';

const storedPolicy = z.object({
  keyAreas: z
    .array(z.object({ code: z.string(), name: z.string(), from: z.string(), to: z.string().optional() }))
    .optional(),
  windowDays: z.number().int().min(1).max(60).optional(),
  feverThresholdC: z.number().min(36).max(40).optional(),
});
export type StoredPolicy = z.infer<typeof storedPolicy>;

export interface LedgerDay {
  policy: ColourPolicy;
  /** the ledger's day in Asia/Shanghai (DESIGN rule 7), or the configured one (Config.today) */
  today: string;
}

/** How long a read of the stored policy is reused: a change made in settings holds everywhere within this. */
export const POLICY_CACHE_MS = 30_000;
const cached = new WeakMap<object, { at: number; stored: StoredPolicy }>();

/** The stored policy, read at most once per POLICY_CACHE_MS per database (every passage and visit asks). */
async function storedPolicyOf(services: Pick<Services, 'db'>, db: Db): Promise<StoredPolicy> {
  const hit = cached.get(services.db);
  if (hit && Date.now() - hit.at < POLICY_CACHE_MS) return hit.stored;
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', POLICY_KEY)
    .executeTakeFirst();
  const stored = row ? storedPolicy.parse(row.value) : {};
  cached.set(services.db, { at: Date.now(), stored });
  return stored;
}

/** Forgets the policy read last, so that the next ledgerDay reads settings again (after a change). */
export function forgetLedgerPolicy(services: Pick<Services, 'db'>) {
  cached.delete(services.db);
}

export async function ledgerDay(
  services: Pick<Services, 'db' | 'config'>,
  db: Db = services.db,
): Promise<LedgerDay> {
  const stored = await storedPolicyOf(services, db);
  const policy: ColourPolicy = {
    homeAreaCode: services.config.region,
    keyAreas: (stored.keyAreas as ColourPolicy['keyAreas']) ?? DEMO_KEY_AREAS,
    ...(stored.windowDays ? { windowDays: stored.windowDays } : {}),
    ...(stored.feverThresholdC ? { feverThresholdC: stored.feverThresholdC } : {}),
  };
  const issues = validateColourPolicy(policy);
  if (issues.length)
    throw new Error(`invalid ledger policy: ${issues.map((i) => `${i.field} ${i.code}`).join(', ')}`);
  return { policy, today: platformToday(services.config) };
}
