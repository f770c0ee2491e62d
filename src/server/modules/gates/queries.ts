import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { inSubtree } from '../../platform/scope';

// SQL of the courtyard gates. Place-bound reads take a path already checked against the scope.

export interface GateRow {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_code: string;
  unit_name: string;
  name: string;
  persons_per_household: number;
  every_days: number;
  status: string;
}

export async function findGate(db: Db, id: string): Promise<GateRow | undefined> {
  const { rows } = await sql<GateRow>`
    SELECT g.id, g.unit_id, g.unit_path, u.code AS unit_code, u.name AS unit_name, g.name,
           g.persons_per_household, g.every_days, g.status
    FROM gates g JOIN units u ON u.id = g.unit_id WHERE g.id = ${id}`.execute(db);
  return rows[0];
}

export async function gatesUnder(db: Db, where: ReturnType<typeof inSubtree>, root: string | undefined) {
  const { rows } = await sql<GateRow>`
    SELECT g.id, g.unit_id, g.unit_path, u.code AS unit_code, u.name AS unit_name, g.name,
           g.persons_per_household, g.every_days, g.status
    FROM gates g JOIN units u ON u.id = g.unit_id
    WHERE g.status = 'active' AND ${where} ${root ? sql`AND ${inSubtree('g.unit_path', root)}` : sql``}
    ORDER BY g.unit_path, g.id LIMIT 500`.execute(db);
  return rows;
}

export interface PassRow {
  id: string;
  gate_id: string;
  region_code: string;
  household_id: string;
  unit_path: string;
  building: string;
  door: string;
  token: string;
  status: string;
}

export async function passByToken(db: Db, token: string): Promise<PassRow | undefined> {
  const { rows } = await sql<PassRow>`
    SELECT id, gate_id, region_code, household_id, unit_path, building, door, token, status
    FROM gate_passes WHERE token = ${token}`.execute(db);
  return rows[0];
}

export async function passOfHousehold(
  db: Db,
  gateId: string,
  regionCode: string,
  householdId: string,
): Promise<PassRow | undefined> {
  const { rows } = await sql<PassRow>`
    SELECT id, gate_id, region_code, household_id, unit_path, building, door, token, status
    FROM gate_passes
    WHERE gate_id = ${gateId} AND region_code = ${regionCode} AND household_id = ${householdId} AND status = 'active'`.execute(
    db,
  );
  return rows[0];
}

export async function passesOf(db: Db, gateId: string, building: string | undefined, limit: number) {
  const { rows } = await sql<PassRow>`
    SELECT id, gate_id, region_code, household_id, unit_path, building, door, token, status
    FROM gate_passes
    WHERE gate_id = ${gateId} AND status = 'active' ${building ? sql`AND building = ${building}` : sql``}
    ORDER BY unit_path, door, id LIMIT ${limit}`.execute(db);
  return rows;
}

export interface OutingRow {
  resident_id: string;
  name: string;
  at: Date;
  day: string;
  exempt: boolean;
}

/** The household's allowed outings since a day (the rule's window). */
export async function outingsSince(
  db: Db,
  gateId: string,
  regionCode: string,
  householdId: string,
  from: string,
) {
  const { rows } = await sql<OutingRow>`
    SELECT resident_id, name, at, day, exempt FROM gate_scans
    WHERE gate_id = ${gateId} AND region_code = ${regionCode} AND household_id = ${householdId}
      AND day >= ${from} AND direction = 'out' AND outcome = 'allowed'
    ORDER BY at`.execute(db);
  return rows;
}

export interface OutRow {
  region_code: string;
  resident_id: string;
  household_id: string;
  unit_path: string;
  building: string;
  door: string;
  name: string;
  phone_masked: string | null;
  work_unit: string | null;
  out_at: Date;
}

export async function outOfHousehold(db: Db, gateId: string, regionCode: string, householdId: string) {
  const { rows } = await sql<OutRow>`
    SELECT region_code, resident_id, household_id, unit_path, building, door, name, phone_masked, work_unit, out_at
    FROM gate_out WHERE gate_id = ${gateId} AND region_code = ${regionCode} AND household_id = ${householdId}`.execute(
    db,
  );
  return rows;
}

/** Who is still out through a gate, by building and door (one range of gate_out_place_idx). */
export async function stillOut(db: Db, gateId: string, limit: number) {
  const { rows } = await sql<OutRow>`
    SELECT region_code, resident_id, household_id, unit_path, building, door, name, phone_masked, work_unit, out_at
    FROM gate_out WHERE gate_id = ${gateId}
    ORDER BY unit_path, door, out_at LIMIT ${limit}`.execute(db);
  return rows;
}

export interface ExemptionRow {
  id: string;
  region_code: string;
  resident_id: string;
  household_id: string;
  name: string;
  kind: string;
  note: string;
  until: string | null;
}

export async function exemptionsOf(db: Db, gateId: string) {
  const { rows } = await sql<ExemptionRow>`
    SELECT id, region_code, resident_id, household_id, name, kind, note, until FROM gate_exemptions
    WHERE gate_id = ${gateId} AND revoked_at IS NULL ORDER BY unit_path, id LIMIT 2000`.execute(db);
  return rows;
}

export interface ScanRow {
  id: string;
  client_id: string;
  region_code: string;
  household_id: string;
  resident_id: string;
  unit_path: string;
  name: string;
  direction: string;
  outcome: string;
  exempt: boolean;
  reason: unknown;
  at: Date;
  day: string;
  building: string | null;
  door: string | null;
}

const scanColumns = sql`s.id, s.client_id, s.region_code, s.household_id, s.resident_id, s.unit_path, s.name,
  s.direction, s.outcome, s.exempt, s.reason, s.at, s.day, p.building, p.door`;

export async function scanByClientId(
  db: Db,
  clientId: string,
): Promise<(ScanRow & { gate_id: string }) | undefined> {
  const { rows } = await sql<ScanRow & { gate_id: string }>`
    SELECT ${scanColumns}, s.gate_id FROM gate_scans s LEFT JOIN gate_passes p ON p.id = s.pass_id
    WHERE s.client_id = ${clientId}`.execute(db);
  return rows[0];
}

export async function scansOfDay(db: Db, gateId: string, day: string, limit: number) {
  const { rows } = await sql<ScanRow>`
    SELECT ${scanColumns} FROM gate_scans s LEFT JOIN gate_passes p ON p.id = s.pass_id
    WHERE s.gate_id = ${gateId} AND s.day = ${day} ORDER BY s.at DESC, s.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

export interface VisitorRow {
  id: string;
  client_id: string;
  gate_id: string;
  region_code: string;
  household_id: string;
  building: string;
  door: string;
  name: string;
  id_masked: string | null;
  phone_masked: string | null;
  temperature_c: string | null;
  reason: string;
  at: Date;
}

const visitorColumns = sql`id, client_id, gate_id, region_code, household_id, building, door, name, id_masked,
  phone_masked, temperature_c, reason, at`;

export async function visitorByClientId(db: Db, clientId: string) {
  const { rows } =
    await sql<VisitorRow>`SELECT ${visitorColumns} FROM gate_visitors WHERE client_id = ${clientId}`.execute(
      db,
    );
  return rows[0];
}

export async function visitorsOfDay(db: Db, gateId: string, day: string, limit: number) {
  const { rows } = await sql<VisitorRow>`
    SELECT ${visitorColumns} FROM gate_visitors WHERE gate_id = ${gateId} AND day = ${day}
    ORDER BY at DESC, id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

/** Counts of a subtree for a day: people out now, outs, ins, refusals, visitors; and per gate. */
export async function countsUnder(db: Db, root: string, day: string) {
  const { rows: out } = await sql<{ gate_id: string; out_now: number }>`
    SELECT gate_id, sum(out_now)::int AS out_now FROM gate_out_counts
    WHERE ${inSubtree('unit_path', root)} GROUP BY gate_id`.execute(db);
  const { rows: days } = await sql<{
    gate_id: string;
    outs: number;
    ins: number;
    refused: number;
    visitors: number;
  }>`
    SELECT gate_id, sum(outs)::int AS outs, sum(ins)::int AS ins, sum(refused)::int AS refused,
           sum(visitors)::int AS visitors
    FROM gate_day_counts WHERE ${inSubtree('gate_path', root)} AND day = ${day} GROUP BY gate_id`.execute(db);
  return { out, days };
}
