import { sql } from 'kysely';
import { transaction } from '../../db/transaction';
import type { Services } from '../../platform/services';
import { ledgerDay } from './policy';
import { refreshHouseholds } from './summary';

// Colours change with time alone: a stay in Wuhan leaves the 14-day window, a home isolation ends. Every
// household whose facts could still move its colour (households.recheck) is computed again when the
// ledger's day changes; each change is a history row by the system, like any other (DESIGN rule 2).

const BATCH = 2000;

/** Computes again the colours of every household marked for recheck; answers how many changed colour. */
export async function recheckColours(services: Services): Promise<{ checked: number; changed: number }> {
  const day = await ledgerDay(services);
  let checked = 0;
  let changed = 0;
  let after = { region: '', id: '0' };
  for (;;) {
    const { rows } = await sql<{ region_code: string; id: string }>`
      SELECT region_code, id::text FROM households
      WHERE recheck AND status = 'active' AND (region_code, id) > (${after.region}, ${after.id}::bigint)
      ORDER BY region_code, id LIMIT ${BATCH}`.execute(services.db);
    if (rows.length === 0) break;
    const byRegion = new Map<string, string[]>();
    for (const r of rows) byRegion.set(r.region_code, [...(byRegion.get(r.region_code) ?? []), r.id]);
    for (const [region, ids] of byRegion) {
      const moves = await transaction(services.db, (tx) =>
        refreshHouseholds(tx, day, region, ids, { actorId: null, actorName: 'system' }, 'recheck'),
      );
      changed += moves.length;
    }
    checked += rows.length;
    const last = rows[rows.length - 1];
    after = { region: last.region_code, id: last.id };
  }
  return { checked, changed };
}

/**
 * Runs the recheck at start and whenever the ledger's day changes (looked at every ten minutes).
 * Answers a function that stops it.
 */
export function scheduleRecheck(services: Services, log: (msg: string) => void): () => void {
  let lastDay = '';
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { today } = await ledgerDay(services);
      if (today !== lastDay) {
        const r = await recheckColours(services);
        lastDay = today;
        if (r.checked) log(`colours rechecked for ${today}: ${r.checked} households, ${r.changed} changed`);
      }
    } catch (e) {
      log(`colour recheck failed: ${String(e)}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), 10 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
