import { sql } from 'kysely';
import type { Permission } from '../../../domain/access/roles';
import { translate } from '../../../domain/i18n/messages';
import {
  type Contact,
  type HealthReport,
  type Symptom,
  stayAsRecorded,
  type TravelStay,
} from '../../../domain/ledger/colours';
import { parseRecordKey, recordKey, type StoredFacts } from '../../../domain/ledger/household';
import type { ResidentForm } from '../../../domain/ledger/residentForm';
import { isWithin } from '../../../domain/org/units';
import type { Db } from '../../db/connection';
import { transaction } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { platformNow } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import { registerPlaceColumn } from '../../platform/placeColumns';
import { inSubtree, type Scope } from '../../platform/scope';
import type { Services } from '../../platform/services';
import { unitInScope, unitsAtPaths } from '../org/service';
import { checkStoredFacts, factError } from './facts';
import { ledgerDay } from './policy';
import * as q from './queries';
import {
  checkResidents,
  communityPathOf,
  householdInScope,
  moveIn,
  namingTakenIds,
  placesAbove,
} from './records';
import { refreshHouseholds } from './summary';

// Door-to-door screening (入户排查): a campaign over a subtree lists every household to visit; grid
// workers and building leaders go door to door on their phones; the answers update the residents and
// the colour; progress by building, grid and community, live (events 'screening.visit').

registerPlaceColumn({ table: 'screening_campaigns', column: 'unit_path', what: 'what.households' });
registerPlaceColumn({ table: 'screening_targets', column: 'unit_path', what: 'what.households' });
registerPlaceColumn({ table: 'screening_visits', column: 'unit_path', what: 'what.households' });

interface CampaignRow {
  id: string;
  unit_id: string;
  unit_path: string;
  name: string;
  starts_on: string;
  ends_on: string | null;
  status: string;
  created_at: Date;
}

function toCampaign(c: CampaignRow) {
  return {
    id: c.id,
    name: c.name,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    status: c.status,
    createdAt: c.created_at,
  };
}

/**
 * The subtrees of a campaign the actor works in: the campaign's own when it lies in their scope, or
 * their roots inside it (a grid worker in a community's campaign). Empty: not theirs (404).
 */
function rootsIn(scope: Scope, permission: Permission, campaignPath: string): string[] {
  if (scope.allows(permission, campaignPath)) return [campaignPath];
  return scope.roots(permission).filter((r) => isWithin(r, campaignPath));
}

async function campaignFor(db: Db, scope: Scope, id: string, permission: Permission) {
  if (!/^\d{1,18}$/.test(id)) throw notFound();
  const c = (await db
    .selectFrom('screening_campaigns')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()) as CampaignRow | undefined;
  if (!c) throw notFound();
  const roots = rootsIn(scope, permission, c.unit_path);
  if (roots.length === 0) throw notFound();
  return { campaign: c, roots };
}

export async function createCampaign(
  services: Services,
  actor: Actor,
  input: { unitCode: string; name: string; startsOn: string; endsOn?: string },
) {
  const unit = await unitInScope(services.db, actor.scope, input.unitCode, 'screening.manage');
  return transaction(services.db, async (tx) => {
    const { id } = await tx
      .insertInto('screening_campaigns')
      .values({
        unit_id: unit.id,
        unit_path: unit.path,
        name: input.name.trim(),
        starts_on: input.startsOn,
        ends_on: input.endsOn ?? null,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Every household of the subtree, as it stands when the campaign starts, is a door to knock at.
    const { numAffectedRows } = await sql`
      INSERT INTO screening_targets (region_code, campaign_id, household_id, unit_path)
      SELECT region_code, ${id}, id, unit_path FROM households
      WHERE ${inSubtree('unit_path', unit.path)} AND status = 'active'`.execute(tx);
    await services.events.publish(tx, {
      type: 'screening.created',
      unitPath: unit.path,
      permission: 'ledger.read',
      data: { id },
    });
    return { id, households: Number(numAffectedRows ?? 0) };
  });
}

/** Campaigns the actor takes part in: over their scope, or over a subtree that holds part of it. */
export async function listCampaigns(db: Db, scope: Scope) {
  const roots = scope.roots('ledger.read');
  if (roots.length === 0) return { items: [] };
  const ancestors = [
    ...new Set(roots.flatMap((r) => r.split('.').map((_, i, a) => a.slice(0, i + 1).join('.')))),
  ];
  const rows = (await db
    .selectFrom('screening_campaigns')
    .selectAll()
    .where((eb) => eb.or([scope.where('unit_path', 'ledger.read'), eb('unit_path', 'in', ancestors)]))
    .orderBy('id', 'desc')
    .limit(100)
    .execute()) as CampaignRow[];
  const units = await unitsAtPaths(db, [...new Set(rows.map((r) => r.unit_path))]);
  // above a community, a campaign over a grid or a building names its community (and street)
  const place = (c: CampaignRow) => ({
    unit_path: c.unit_path,
    community_path: communityPathOf(c.unit_path),
  });
  const within = await placesAbove(db, scope, rows.map(place));
  return {
    items: rows.map((c) => ({
      ...toCampaign(c),
      unit: units.find((u) => u.path === c.unit_path),
      within: within(place(c)),
    })),
  };
}

export async function closeCampaign(services: Services, actor: Actor, id: string) {
  const { campaign } = await campaignFor(services.db, actor.scope, id, 'screening.manage');
  if (!actor.scope.allows('screening.manage', campaign.unit_path)) throw notFound();
  await services.db
    .updateTable('screening_campaigns')
    .set({ status: 'closed', closed_at: platformNow(services.config) })
    .where('id', '=', id)
    .execute();
  return { id, status: 'closed' };
}

/**
 * Progress of a campaign in the actor's part of it: visited / total, households needing a revisit, by
 * colour, and per child unit of `unitCode` (default: the campaign's unit or the actor's root in it).
 */
export async function campaignProgress(db: Db, scope: Scope, id: string, unitCode?: string) {
  const { campaign, roots } = await campaignFor(db, scope, id, 'ledger.read');
  let root = roots[0];
  if (unitCode) {
    const unit = await unitInScope(db, scope, unitCode, 'ledger.read');
    if (!isWithin(unit.path, campaign.unit_path)) throw notFound();
    root = unit.path;
  }
  const childDepth = root.split('.').length + 1;
  const { rows } = await sql<{ child_path: string; status: string; colour: string; n: number }>`
    SELECT array_to_string((string_to_array(t.unit_path, '.'))[1:${childDepth}], '.') AS child_path,
           t.status, h.colour, count(*)::int AS n
    FROM screening_targets t
    JOIN households h ON h.region_code = t.region_code AND h.id = t.household_id
    WHERE t.campaign_id = ${id} AND ${inSubtree('t.unit_path', root)}
    GROUP BY 1, 2, 3`.execute(db);
  type Tally = { total: number; visited: number; revisit: number; byColour: Record<string, number> };
  const tally = (): Tally => ({ total: 0, visited: 0, revisit: 0, byColour: {} });
  const total = tally();
  const children = new Map<string, Tally>();
  for (const r of rows) {
    const child = children.get(r.child_path) ?? tally();
    for (const t of r.child_path === root ? [total] : [total, child]) {
      t.total += r.n;
      if (r.status === 'visited') t.visited += r.n;
      if (r.status === 'revisit') t.revisit += r.n;
      t.byColour[r.colour] = (t.byColour[r.colour] ?? 0) + r.n;
    }
    if (r.child_path !== root) children.set(r.child_path, child);
  }
  const [unit] = await unitsAtPaths(db, [root]);
  const units = await unitsAtPaths(db, [...children.keys()]);
  return {
    campaign: toCampaign(campaign),
    unit,
    ...total,
    children: units
      .map((u) => ({ unit: u, ...(children.get(u.path) as Tally) }))
      .sort((a, b) => a.unit.code.localeCompare(b.unit.code)),
  };
}

/** At most this many places (buildings) in a campaign's list of places (a community has a few hundred). */
export const PLACES_SHOWN = 2000;

/**
 * The places (buildings, or courtyards and grids for bungalows) where the doors of a campaign stand, in
 * the actor's part of it (or under `unitCode`), with their progress: what the phone's "jump to a
 * building" lists. `truncated`: more than PLACES_SHOWN.
 */
export async function campaignPlaces(db: Db, scope: Scope, id: string, unitCode?: string) {
  const { campaign, roots } = await campaignFor(db, scope, id, 'ledger.read');
  let root = roots[0];
  if (unitCode) {
    const unit = await unitInScope(db, scope, unitCode, 'ledger.read');
    if (!isWithin(unit.path, campaign.unit_path) && !isWithin(campaign.unit_path, unit.path))
      throw notFound();
    root = unit.path;
  }
  const rows = await q.targetPlaces(db, id, root, PLACES_SHOWN + 1);
  const shown = rows.slice(0, PLACES_SHOWN);
  const units = new Map(
    (
      await unitsAtPaths(
        db,
        shown.map((r) => r.unit_path),
      )
    ).map((u) => [u.path, u]),
  );
  return {
    items: shown.flatMap((r) => {
      const u = units.get(r.unit_path);
      return u
        ? [
            {
              unit: { code: u.code, name: u.name, kind: u.kind },
              total: r.total,
              visited: r.visited,
              revisit: r.revisit,
            },
          ]
        : [];
    }),
    truncated: rows.length > PLACES_SHOWN,
  };
}

/** The state of each household's visit in a campaign (for the lists of doors on the phone). */
export async function targetStates(db: Db, campaignId: string, keys: string[]) {
  const out = new Map<string, { status: string; visits: number }>();
  const parsed = keys.map(parseRecordKey).filter((k) => k !== undefined);
  const byRegion = new Map<string, string[]>();
  for (const k of parsed) byRegion.set(k.regionCode, [...(byRegion.get(k.regionCode) ?? []), k.id]);
  for (const [region, ids] of byRegion) {
    const rows = await db
      .selectFrom('screening_targets')
      .select(['household_id', 'status', 'visits'])
      .where('region_code', '=', region)
      .where('campaign_id', '=', campaignId)
      .where('household_id', 'in', ids)
      .execute();
    for (const r of rows) out.set(recordKey(region, r.household_id), { status: r.status, visits: r.visits });
  }
  return out;
}

export { campaignFor };

// ---------------------------------------------------------------------------------------------------
// A visit

export interface ResidentAnswer {
  key: string;
  /** lives here now (常住); false: away, registered but living elsewhere */
  present: boolean;
  /** moved out for good, or died: kept on record, out of the household's facts */
  left?: 'moved_out' | 'deceased';
  temperatureC?: number;
  symptoms?: Symptom[];
  travel?: TravelStay[];
  contacts?: Contact[];
}

export interface VisitInput {
  clientId: string;
  campaignId: string;
  householdKey: string;
  outcome: 'visited' | 'nobody_home';
  residents?: ResidentAnswer[];
  newResidents?: ResidentForm[];
  notes?: string;
}

/**
 * Records a visit (one knock at a door). Idempotent by clientId (DESIGN rule 4): a retried submission
 * answers what the first one did. Answers update each resident (present or away, left, today's health,
 * travel, contacts) and the household's colour is computed again, all in one transaction.
 */
export async function recordVisit(services: Services, actor: Actor, input: VisitInput) {
  const h = await householdInScope(services.db, actor.scope, input.householdKey, 'screening.visit');
  const replay = await previousVisit(services.db, h.region_code, input.clientId);
  if (replay) return replay;
  const { campaign } = await campaignFor(services.db, actor.scope, input.campaignId, 'screening.visit');
  if (campaign.status !== 'open') {
    throw new AppError('conflict', 'error.campaign_closed', {}, [
      { path: 'campaignId', message: translate(actor.locale, 'error.campaign_closed') },
    ]);
  }
  const target = await services.db
    .selectFrom('screening_targets')
    .select('status')
    .where('region_code', '=', h.region_code)
    .where('campaign_id', '=', campaign.id)
    .where('household_id', '=', h.id)
    .executeTakeFirst();
  if (!target) {
    throw new AppError('conflict', 'error.not_in_campaign', {}, [
      { path: 'householdKey', message: translate(actor.locale, 'error.not_in_campaign') },
    ]);
  }
  const day = await ledgerDay(services);
  const members = await q.residentsOf(services.db, h.region_code, [h.id]);
  const answers = input.outcome === 'visited' ? (input.residents ?? []) : [];
  const updates: { id: string; status: string; facts: StoredFacts }[] = [];
  answers.forEach((a, i) => {
    const k = parseRecordKey(a.key);
    const m = members.find((r) => k && r.id === k.id && r.region_code === k.regionCode);
    if (!m) throw factError(actor.locale, `residents.${i}.key`, 'fact.shape');
    const facts = { ...(m.facts as StoredFacts) };
    const health: HealthReport = { date: day.today };
    if (a.symptoms?.length) health.symptoms = a.symptoms;
    if (a.temperatureC !== undefined) health.temperatureC = a.temperatureC;
    if (health.symptoms || health.temperatureC !== undefined || a.present) {
      facts.health = [...(facts.health ?? []).filter((r) => r.date !== day.today), health];
    }
    if (a.travel?.length)
      facts.travel = [...(facts.travel ?? []), ...a.travel.map((s) => stayAsRecorded(s, day.today))];
    if (a.contacts?.length) facts.contacts = [...(facts.contacts ?? []), ...a.contacts];
    checkStoredFacts(actor.locale, facts, `residents.${i}.`, day.today);
    updates.push({ id: m.id, status: a.left ?? (a.present ? 'present' : 'away'), facts });
  });
  // new residents (a tenant the register did not know) are checked now and written with the visit
  const newcomers = await checkResidents(services, actor, input.newResidents ?? [], 'newResidents.');

  // a new resident whose ID number another request wrote first: the check, again, names them
  return namingTakenIds(
    () =>
      transaction(services.db, async (tx) => {
        // the visit first: a replay racing the first submission finds it here and changes nothing
        const inserted = await tx
          .insertInto('screening_visits')
          .values({
            region_code: h.region_code,
            client_id: input.clientId,
            campaign_id: campaign.id,
            household_id: h.id,
            unit_path: h.unit_path,
            visited_by: actor.userId,
            outcome: input.outcome,
            answers: JSON.stringify({
              residents: answers,
              newResidents: newcomers.length,
              notes: input.notes ?? null,
            }),
            colour_before: h.colour,
          })
          .onConflict((oc) => oc.columns(['region_code', 'client_id']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) return (await previousVisit(tx, h.region_code, input.clientId)) as VisitResult;
        for (const u of updates) {
          await tx
            .updateTable('residents')
            .set({ status: u.status, facts: JSON.stringify(u.facts), updated_at: new Date() })
            .where('region_code', '=', h.region_code)
            .where('id', '=', u.id)
            .execute();
        }
        await moveIn(tx, services, actor, h, newcomers);
        const [move] = await refreshHouseholds(
          tx,
          day,
          h.region_code,
          [h.id],
          { actorId: actor.userId, actorName: actor.username },
          'screening',
        );
        const after = move?.to ?? h.colour;
        await tx
          .updateTable('screening_visits')
          .set({ colour_after: after })
          .where('region_code', '=', h.region_code)
          .where('id', '=', inserted.id)
          .execute();
        await tx
          .updateTable('screening_targets')
          .set((eb) => ({
            status: input.outcome === 'visited' ? 'visited' : 'revisit',
            visits: eb('visits', '+', 1),
            last_visit_at: platformNow(services.config),
          }))
          .where('region_code', '=', h.region_code)
          .where('campaign_id', '=', campaign.id)
          .where('household_id', '=', h.id)
          .execute();
        await services.events.publish(tx, {
          type: 'screening.visit',
          unitPath: h.unit_path,
          permission: 'ledger.read',
          data: { campaign: campaign.id, household: input.householdKey, colour: after },
        });
        return {
          visit: inserted.id,
          outcome: input.outcome,
          colourBefore: h.colour,
          colourAfter: after,
        } as VisitResult;
      }),
    () => checkResidents(services, actor, input.newResidents ?? [], 'newResidents.'),
  );
}

interface VisitResult {
  visit: string;
  outcome: string;
  colourBefore: string | null;
  colourAfter: string | null;
}

async function previousVisit(db: Db, regionCode: string, clientId: string): Promise<VisitResult | undefined> {
  const v = await db
    .selectFrom('screening_visits')
    .select(['id', 'outcome', 'colour_before', 'colour_after'])
    .where('region_code', '=', regionCode)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return v
    ? { visit: v.id, outcome: v.outcome, colourBefore: v.colour_before, colourAfter: v.colour_after }
    : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Reading the visits (the desk's household drawer)

/** At most this many visits of one household are shown (a door knocked twice a day for months: 200). */
export const VISITS_SHOWN = 200;

interface StoredAnswers {
  residents?: ResidentAnswer[];
  newResidents?: number;
  notes?: string | null;
}

/**
 * Every screening visit of a household in the actor's scope (404 outside), newest first: who knocked and
 * when, the outcome (无人在家 too), the colour before and after, and what each resident answered —
 * temperature, symptoms, travel, contacts, present or away — also when nothing changed.
 */
export async function householdVisits(db: Db, scope: Scope, key: string) {
  const h = await householdInScope(db, scope, key, 'ledger.read');
  const [rows, members] = await Promise.all([
    q.visitsOf(db, h.region_code, h.id, VISITS_SHOWN),
    q.residentsOf(db, h.region_code, [h.id]),
  ]);
  const names = new Map(members.map((m) => [recordKey(m.region_code, m.id), m.name]));
  return {
    items: rows.map((v) => {
      const a = (v.answers ?? {}) as StoredAnswers;
      return {
        id: v.id,
        at: v.visited_at,
        by: v.username ? { username: v.username, name: v.display_name } : null,
        campaign: { id: v.campaign_id, name: v.campaign_name },
        outcome: v.outcome as VisitInput['outcome'],
        colourBefore: v.colour_before,
        colourAfter: v.colour_after,
        residents: (a.residents ?? []).map((r) => ({ ...r, name: names.get(r.key) ?? null })),
        newResidents: a.newResidents ?? 0,
        notes: a.notes ?? null,
      };
    }),
  };
}
