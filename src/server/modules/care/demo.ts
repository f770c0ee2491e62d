import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { CareRequestForm } from '../../../domain/care/request';
import { parseRecordKey } from '../../../domain/ledger/household';
import type { Actor } from '../../platform/access';
import { platformNow } from '../../platform/clock';
import type { Services } from '../../platform/services';
import { listPeople } from '../forces/people';
import { listLedger } from '../ledger/ledgerList';
import type { Doer } from './common';
import { assignRequest, deliverRequest, takeRequest } from './delivery';
import { giveLink } from './links';
import { createRequest } from './requests';

// The demo city's care (issue 14), for the demo's seeding to call once its key persons are made: in a
// community (省民航社区) and a street (长兴路街道), requests of isolated households (orange, red) and of
// red-heart ones (低保、独居老人…) — delivered this morning, on their way with a volunteer of the registry
// (the demo volunteer's login when it is linked to one), waiting, and one overdue since this morning —
// and the first household's link. Made through the module's own services; only the overdue one's times
// are moved back (no service makes a request in the past).

const ASKS: CareRequestForm[] = [
  {
    items: [
      { kind: 'rice', quantity: 10 },
      { kind: 'oil', quantity: 1 },
      { kind: 'vegetables', quantity: 3, name: '青菜' },
    ],
  },
  {
    items: [
      { kind: 'flour', quantity: 5 },
      { kind: 'eggs', quantity: 2 },
    ],
    help: ['meals'],
  },
  { items: [{ kind: 'medicine', quantity: 2, unit: 'box', name: '硝苯地平缓释片' }], note: '降压药快吃完了' },
  {
    items: [
      { kind: 'rice', quantity: 5 },
      { kind: 'milk', quantity: 2 },
    ],
    help: ['books'],
  },
  {
    items: [
      { kind: 'noodles', quantity: 2 },
      { kind: 'vegetables', quantity: 2 },
    ],
    help: ['counselling'],
  },
  {
    items: [
      { kind: 'rice', quantity: 10 },
      { kind: 'flour', quantity: 10 },
      { kind: 'oil', quantity: 1 },
    ],
  },
];

/** Households of a unit that may ask: isolated (orange, red) first, then red hearts. */
async function askingHouseholds(services: Services, actor: Actor, unit: string, n: number) {
  const seen = new Set<string>();
  const keys: string[] = [];
  for (const q of [
    { colour: ['orange' as const, 'red' as const] },
    { marker: ['low_income' as const, 'elderly_alone' as const, 'immobile' as const, 'disabled' as const] },
  ]) {
    const page = await listLedger(services, actor.scope, { unit, limit: n, ...q }).catch(() => undefined);
    for (const h of page?.items ?? []) {
      if (seen.has(h.key)) continue;
      seen.add(h.key);
      keys.push(h.key);
    }
  }
  return keys.slice(0, n);
}

/**
 * Seeds the demo city's requests. `actor`: the seeding actor (the demo's system administrator at the
 * root). Answers how many requests were made. Safe to call once; households that may not ask are skipped.
 */
export async function seedDemoCare(
  services: Services,
  actor: Actor,
  places: readonly string[] = ['410105002008', '410108004'],
): Promise<{ requests: number }> {
  const doer: Doer = { ...actor, userId: actor.userId ?? '0', displayName: '社区工作人员' };
  let made = 0;
  for (const place of places) {
    const households = await askingHouseholds(services, actor, place, ASKS.length);
    // a volunteer of the registry there (one with a login, when there is one)
    const people = await listPeople(services, actor.scope, {
      unit: place,
      standing: 'volunteer',
      status: 'active',
      limit: 50,
    }).catch(() => ({ items: [] }));
    const volunteer = people.items.find((p) => p.user) ?? people.items[0];
    for (const [i, key] of households.entries()) {
      const r = await createRequest(services, doer, {
        ...ASKS[i % ASKS.length],
        householdKey: key,
        clientId: randomUUID(),
      }).catch(() => undefined);
      if (!r) continue;
      made++;
      const id = r.request.id;
      if (i < 2 && volunteer) {
        // delivered this morning: assigned, then marked by the volunteer (or the office for one without a login)
        await assignRequest(services, doer, id, { personId: volunteer.id });
        const by: Doer = volunteer.user
          ? { ...doer, userId: volunteer.user.id, displayName: volunteer.name }
          : doer;
        await deliverRequest(
          services,
          by,
          id,
          { receivedBy: i === 0 ? '本人' : '家属' },
          volunteer.user ? 'volunteer' : 'office',
        );
      } else if (i === 2 && volunteer) {
        await assignRequest(services, doer, id, { personId: volunteer.id });
      } else if (i === 3 && volunteer?.user) {
        await takeRequest(services, { ...doer, userId: volunteer.user.id, displayName: volunteer.name }, id);
      } else if (i === 4) {
        // asked at 7:00, due by 9:00, nobody took it: overdue
        const k = parseRecordKey(id);
        const now = platformNow(services.config).getTime();
        if (k)
          await sql`
            UPDATE care_requests SET created_at = ${new Date(now - 3 * 3_600_000)},
              due_at = ${new Date(now - 3_600_000)}
            WHERE region_code = ${k.regionCode} AND id = ${k.id}`.execute(services.db);
      }
    }
    if (households[0]) await giveLink(services, doer, households[0], {});
  }
  return { requests: made };
}
