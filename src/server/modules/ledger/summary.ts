import type { HouseholdColour } from '../../../domain/ledger/colours';
import type { ResidentStatus } from '../../../domain/ledger/household';
import { type StoredFacts, summariseHousehold } from '../../../domain/ledger/household';
import { MARKERS } from '../../../domain/ledger/markers';
import type { Db } from '../../db/connection';
import type { LedgerDay } from './policy';
import * as q from './queries';

// After residents change (a form, a screening visit, a move), the households' summaries are computed
// again — present residents, marker counts, the derived colour — and every change of the colour they
// show is a history row (DESIGN rule 2), in the caller's transaction.

export interface Who {
  actorId: string | null;
  actorName: string;
}

export interface ColourMove {
  householdId: string;
  from: HouseholdColour;
  to: HouseholdColour;
}

export async function refreshHouseholds(
  tx: Db,
  day: LedgerDay,
  regionCode: string,
  householdIds: string[],
  who: Who,
  cause: string,
): Promise<ColourMove[]> {
  if (householdIds.length === 0) return [];
  const current = await tx
    .selectFrom('households')
    .select(['id', 'colour', 'override_colour'])
    .where('region_code', '=', regionCode)
    .where('id', 'in', householdIds)
    .orderBy('id') // locked in one order: two refreshes of the same households never wait on each other in a circle
    .forUpdate()
    .execute();
  const inputs = await q.summaryInputs(tx, regionCode, householdIds);
  const byHousehold = new Map<string, q.SummaryInput[]>();
  for (const r of inputs) {
    const list = byHousehold.get(r.household_id) ?? [];
    list.push(r);
    byHousehold.set(r.household_id, list);
  }
  const updates: q.SummaryUpdate[] = [];
  const moves: ColourMove[] = [];
  const history: q.LoadRow[] = [];
  for (const h of current) {
    const s = summariseHousehold(
      (byHousehold.get(h.id) ?? []).map((r) => ({
        status: r.status as ResidentStatus,
        markers: r.markers,
        facts: r.facts as StoredFacts,
      })),
      day.policy,
      day.today,
    );
    const colour = (h.override_colour ?? s.derived.colour) as HouseholdColour;
    updates.push({
      id: h.id,
      colour,
      derived_colour: s.derived.colour,
      colour_reasons: JSON.stringify(s.derived.reasons),
      recheck: s.recheck,
      resident_count: s.residentCount,
      ...Object.fromEntries(MARKERS.map((m) => [m, s.markers[m]])),
    } as q.SummaryUpdate);
    if (colour !== h.colour) {
      moves.push({ householdId: h.id, from: h.colour as HouseholdColour, to: colour });
      history.push([
        regionCode,
        h.id,
        null,
        who.actorId,
        who.actorName,
        'colour',
        h.colour,
        colour,
        null,
        JSON.stringify({ cause, reasons: s.derived.reasons }),
      ]);
    }
  }
  await q.updateSummaries(tx, regionCode, updates);
  await q.insertRows(tx, 'household_history', q.HISTORY_LOAD_COLUMNS, history);
  return moves;
}
