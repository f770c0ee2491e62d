import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import {
  checkPeople,
  MAX_VEHICLE_PEOPLE,
  normaliseRegistrationCode,
  type PassageIssue,
  type PersonInput,
  REGISTRATION_TTL_MINUTES,
  registrationCode,
  VEHICLE_KINDS,
  type VehicleInput,
} from '../../../domain/checkpoints/passage';
import type { Locale } from '../../../domain/i18n/messages';
import { DEFAULT_WINDOW_DAYS } from '../../../domain/ledger/colours';
import { shanghaiDay } from '../../../domain/time/shanghai';
import { validatePlate } from '../../../domain/validators/plate';
import { uniqueViolation } from '../../db/transaction';
import type { Actor } from '../../platform/access';
import { platformNow } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { ledgerDay } from '../ledger/policy';
import { protectIdNumber, protectPhone } from '../ledger/protect';
import * as q from './queries';
import { checkpointInScope, issuesError, type SealedPerson, sealedJson } from './service';

// Self-registration (扫码登记): a traveller scans the checkpoint's QR code and fills in the passage on
// their own phone before the lane; they get a 6-character code, and the staff type it to get the draft.
// Public, no login: rate-limited per address (routes), replay-safe by clientId (the same code again).
// A code is unique among live registrations (a partial unique index). Expiry (2 hours) is checked when
// a registration is read: no job queue sweeps them; an expired code is freed when a new one collides.

export async function publicCheckpoint(services: Services, token: string) {
  const f = await q.facilityByToken(services.db, token);
  if (!f) throw notFound();
  // the deployment's window of stays, so the traveller's page asks for the same days as the staff's
  const { policy } = await ledgerDay(services);
  return { name: f.name, address: f.address, windowDays: policy.windowDays ?? DEFAULT_WINDOW_DAYS };
}

interface RegistrationRow {
  code: string;
  expires_at: Date;
  facility_id: string;
}

export async function register(
  services: Services,
  locale: Locale,
  token: string,
  body: { clientId: string; direction?: 'in' | 'out'; vehicle?: VehicleInput | null; people: PersonInput[] },
) {
  const { db } = services;
  const f = await q.facilityByToken(db, token);
  if (!f) throw notFound();
  const existing = await byClient(services, f.region_code, body.clientId);
  if (existing) {
    if (existing.facility_id !== f.id) throw notFound();
    return { created: false, code: existing.code, expiresAt: existing.expires_at };
  }
  const today = shanghaiDay(platformNow(services.config).getTime());
  const issues: PassageIssue[] = [];
  let vehicle: Record<string, string> | null = null;
  if (body.vehicle) {
    const plate = validatePlate(body.vehicle.plate ?? '');
    if (!plate.ok) issues.push({ path: 'vehicle.plate', code: 'checkpoint.plate' });
    if (!(VEHICLE_KINDS as readonly string[]).includes(body.vehicle.kind))
      issues.push({ path: 'vehicle.kind', code: 'checkpoint.vehicle_kind' });
    vehicle = { plate: plate.ok ? plate.value : '', kind: body.vehicle.kind };
    for (const k of ['from', 'to', 'cargo'] as const)
      if (body.vehicle[k]?.trim()) vehicle[k] = body.vehicle[k].trim();
  }
  if (body.people.length < 1 || body.people.length > MAX_VEHICLE_PEOPLE)
    issues.push({ path: 'people', code: 'checkpoint.people_count' });
  const people = checkPeople(body.people.slice(0, MAX_VEHICLE_PEOPLE), today, issues);
  if (issues.length) throw issuesError(locale, issues);
  const sealed: SealedPerson[] = people.map((p) => ({
    name: p.name,
    idType: p.idType,
    ...(p.idNumber ? { id: sealedJson(protectIdNumber(services.protector, p.idNumber)) } : {}),
    ...(p.phone ? { phone: sealedJson(protectPhone(services.protector, p.phone)) } : {}),
    ...(p.temperatureC === undefined ? {} : { temperatureC: p.temperatureC }),
    travel: p.travel,
    healthCode: p.healthCode,
    itineraryCode: p.itineraryCode,
    ...(p.destinationUnitCode ? { destinationUnitCode: p.destinationUnitCode } : {}),
    ...(p.destinationAddress ? { destinationAddress: p.destinationAddress } : {}),
  }));
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = registrationCode(randomBytes(8));
    try {
      const { rows } = await sql<RegistrationRow>`
        INSERT INTO checkpoint_registrations (region_code, client_id, facility_id, unit_path, code, direction, vehicle,
          people, expires_at)
        VALUES (${f.region_code}, ${body.clientId}, ${f.id}, ${f.unit_path}, ${code}, ${body.direction ?? 'in'},
          ${vehicle ? JSON.stringify(vehicle) : null}::jsonb, ${JSON.stringify(sealed)}::jsonb,
          now() + make_interval(mins => ${REGISTRATION_TTL_MINUTES}))
        ON CONFLICT (region_code, client_id) DO NOTHING
        RETURNING code, expires_at, facility_id::text AS facility_id`.execute(db);
      if (rows[0]) return { created: true, code: rows[0].code, expiresAt: rows[0].expires_at };
      const first = await byClient(services, f.region_code, body.clientId);
      if (!first || first.facility_id !== f.id) throw notFound();
      return { created: false, code: first.code, expiresAt: first.expires_at };
    } catch (err) {
      if (uniqueViolation(err) !== 'checkpoint_registrations_code_live_uq') throw err;
      // the code is taken: free it if its registration expired, and draw another
      await sql`UPDATE checkpoint_registrations SET live = false WHERE code = ${code} AND live AND expires_at <= now()`.execute(
        db,
      );
    }
  }
  throw new Error('no free registration code after 8 draws');
}

async function byClient(services: Services, region: string, clientId: string) {
  const { rows } = await sql<RegistrationRow>`
    SELECT code, expires_at, facility_id::text AS facility_id FROM checkpoint_registrations
    WHERE region_code = ${region} AND client_id = ${clientId}`.execute(services.db);
  return rows[0];
}

/** The draft of a live registration at a checkpoint in the caller's scope, or 404 (unknown, expired, confirmed). */
export async function registrationDraft(
  services: Services,
  actor: Actor,
  codeText: string,
  facilityId: string,
) {
  const f = await checkpointInScope(services.db, actor.scope, facilityId);
  const code = normaliseRegistrationCode(codeText);
  if (!code) throw notFound();
  const { rows } = await sql<{
    code: string;
    direction: string;
    vehicle: Record<string, string> | null;
    people: SealedPerson[];
    expires_at: Date;
  }>`
    SELECT code, direction, vehicle, people, expires_at FROM checkpoint_registrations
    WHERE code = ${code} AND live AND facility_id = ${f.id} AND confirmed_at IS NULL AND expires_at > now()`.execute(
    services.db,
  );
  const r = rows[0];
  if (!r) throw notFound();
  return {
    code: r.code,
    direction: r.direction,
    vehicle: r.vehicle,
    people: r.people.map((p, index) => ({
      registrationPerson: index,
      name: p.name,
      idType: p.idType,
      idNumberMasked: p.id?.masked ?? null,
      phoneMasked: p.phone?.masked ?? null,
      temperatureC: p.temperatureC ?? null,
      travel: p.travel.map((s) => ({
        place: s.placeCode,
        ...(s.placeName ? { placeName: s.placeName } : {}),
        ...(s.from ? { from: s.from } : {}),
        ...(s.to ? { to: s.to } : {}),
      })),
      healthCode: p.healthCode,
      itineraryCode: p.itineraryCode,
      destinationUnitCode: p.destinationUnitCode ?? null,
      destinationAddress: p.destinationAddress ?? null,
    })),
    expiresAt: r.expires_at,
  };
}
