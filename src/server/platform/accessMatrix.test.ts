import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_DEFINITIONS, ROLES, type Role } from '../../domain/access/roles';
import { generateIdNumber } from '../../domain/validators/idNumber';
import type { RouteEntry } from '../app';
import { createTestApp, type TestApp } from '../testing/app';
import { signUpWithCode } from '../testing/callups';
import { makeCareHousehold, makeCareRequest } from '../testing/care';
import {
  makeIsolationList,
  makeIsolationListRow,
  makeIsolationSite,
  makeKeyPerson,
  makeTransfer,
} from '../testing/isolation';
import { TEST_ADMIN_PASSWORD } from '../testing/services';
import type { ResourceKind } from './access';

// The access matrix: every endpoint of the route table, called as every role granted on community A
// (省民航社区), against an object in A and one in community B (淮河社区). Out of scope must answer 404
// (or 403 when the role lacks the permission everywhere, which says nothing about the object); lists
// must not mention B. New modules are covered by declaring `config.access` on their routes.

const A = '410105002008'; // 省民航社区
const B = '410103001001'; // 淮河社区
const PASSWORD = 'Matrix2020ok';

type Side = 'in' | 'out';
type Kind = ResourceKind;

let t: TestApp;
let admin: string;
const roleCookies = new Map<Role, string>();
let seq = 0;

async function call(method: string, url: string, cookie: string | undefined, payload?: unknown) {
  return t.app.inject({
    method: method as 'GET',
    url,
    headers: cookie ? { cookie } : {},
    payload: payload as object,
  });
}

async function adminCall(method: string, url: string, payload?: unknown) {
  const res = await call(method, url, admin, payload);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A fresh building in community A or B (fresh, so that destructive calls don't spoil later ones). */
async function building(side: Side): Promise<string> {
  const community = side === 'in' ? A : B;
  return (
    await adminCall('POST', '/api/org/units', {
      parentCode: community,
      kind: 'building',
      name: `矩阵${side}${++seq}号楼`,
    })
  ).code;
}

/** A fresh synthetic ID number, different for every household the matrix makes. */
function freshIdNumber(): string {
  const n = ++seq;
  const birthDate = new Date(Date.UTC(1950, 0, 1 + n)).toISOString().slice(0, 10);
  return generateIdNumber({ regionCode: '410105', birthDate, sequence: n % 1000 });
}

/** A household with one resident in a fresh building of A or B. */
async function household(side: Side): Promise<{ key: string; resident: string }> {
  const { key } = await adminCall('POST', '/api/ledger/households', {
    unitCode: await building(side),
    door: '101',
    residents: [{ name: `矩阵${side}`, idNumber: freshIdNumber(), phone: '13800002222' }],
  });
  const detail = await adminCall('GET', `/api/ledger/households/${key}`);
  return { key, resident: detail.residents[0].key };
}

/** How to make a fresh object of each kind in A or B (a route with a kind missing here fails the matrix). */
const makers: Partial<Record<Kind, (side: Side) => Promise<string>>> = {
  unit: building,
  facility: async (side) =>
    (
      await adminCall('POST', '/api/org/facilities', {
        unitCode: await building(side),
        kind: 'checkpoint',
        name: `矩阵卡点${++seq}`,
      })
    ).id,
  user: async (side) =>
    (
      await adminCall('POST', '/api/access/users', {
        username: `matrix_${side}_${++seq}`,
        displayName: `矩阵${side}`,
        password: PASSWORD,
        homeUnitCode: side === 'in' ? A : B,
        phone: '13800001111',
      })
    ).id,
  household: async (side) => (await household(side)).key,
  resident: async (side) => (await household(side)).resident,
  campaign: async (side) => {
    await household(side);
    return (
      await adminCall('POST', '/api/ledger/campaigns', {
        unitCode: side === 'in' ? A : B,
        name: `矩阵排查${++seq}`,
        startsOn: '2020-02-01',
      })
    ).id;
  },
  person: async (side) =>
    (
      await adminCall('POST', '/api/forces/people', {
        unitCode: await building(side),
        name: `矩阵人员${++seq}`,
        isVolunteer: true,
        isPartyMember: true,
      })
    ).id,
  group: async (side) =>
    (
      await adminCall('POST', '/api/forces/groups', {
        unitCode: await building(side),
        kind: 'commando_team',
        name: `矩阵突击队${++seq}`,
      })
    ).id,
  responsibility: async (side) => {
    const unitCode = await building(side);
    const personId = await make('person', side);
    return (
      await adminCall('POST', '/api/forces/responsibilities', { unitCode, personId, duty: 'building_leader' })
    ).id;
  },
  grant: async (side) => {
    const user = await make('user', side);
    return (
      await adminCall('POST', `/api/access/users/${user}/grants`, {
        role: 'volunteer',
        unitCode: await building(side),
      })
    ).id;
  },
  gate: async (side) => {
    const courtyard = await adminCall('POST', '/api/org/units', {
      parentCode: side === 'in' ? A : B,
      kind: 'courtyard',
      name: `矩阵小区${++seq}`,
    });
    return (await adminCall('POST', '/api/gates', { unitCode: courtyard.code, name: '东门' })).id;
  },
  // duty: a call-up for a fresh station, a public sign-up to it, a shift of the station, a volunteer on it
  callup: async (side) => (await dutyCallup(side)).id,
  signup: async (side) => dutySignup(await dutyCallup(side)),
  shift: async (side) => (await dutyShift(side, false)).shift,
  assignment: async (side) => {
    const { shift, person } = await dutyShift(side, true);
    return (await adminCall('POST', `/api/forces/shifts/${shift}/assignments`, { personId: person })).id;
  },
  passage: async (side) => (await checkpointPassage(side, false)).id,
  handover: async (side) => (await checkpointPassage(side, true)).people[0].handoverId,
  keyPerson: async (side) => (await makeKeyPerson(adminCall, await building(side))).id,
  measure: async (side) => (await makeKeyPerson(adminCall, await building(side))).measureId,
  transfer: async (side) => makeTransfer(adminCall, await building(side)),
  isolationSite: async (side) => makeIsolationSite(adminCall, await building(side)),
  isolationList: async (side) => makeIsolationList(t.app, admin, await building(side)),
  isolationListRow: async (side) => makeIsolationListRow(t.app, admin, await building(side)),
  careHousehold: async (side) => makeCareHousehold(adminCall, await building(side)),
  careRequest: async (side) => makeCareRequest(adminCall, await building(side)),
};

/** A passage at a fresh checkpoint of A or B; with a hand-over: one person back from 武汉 going to a building there. */
async function checkpointPassage(side: Side, handover: boolean) {
  return adminCall('POST', '/api/checkpoints/passages', {
    clientId: crypto.randomUUID(),
    facilityId: await make('facility', side),
    direction: 'in',
    people: [
      handover
        ? { name: '矩阵旅客', travel: [{ place: '4201' }], destinationUnitCode: await building(side) }
        : { name: '矩阵旅客', temperatureC: 36.5 },
    ],
    outcome: handover ? 'handed_over' : 'released',
  });
}

const DUTY_DAY = '2031-01-06';

async function dutyCallup(side: Side): Promise<{ id: string; token: string; facility: string }> {
  const facility = await make('facility', side);
  const shifts = [
    { label: '白班', start: '08:00', end: '16:00', needs: [{ qualification: null, count: 1 }] },
  ];
  const c = await adminCall('POST', '/api/forces/callups', {
    unitCode: side === 'in' ? A : B,
    title: `矩阵招募${++seq}`,
    startsOn: DUTY_DAY,
    pattern: { name: '一班', shifts },
    places: [{ facilityId: facility, needed: 5 }],
  });
  return { ...c, facility };
}

async function dutySignup(c: { token: string }): Promise<string> {
  const res = await signUpWithCode(t, c.token, {
    clientId: crypto.randomUUID(),
    name: `矩阵志愿者${++seq}`,
    phone: `139${String(++seq).padStart(8, '0')}`,
  });
  if (res.statusCode >= 300) throw new Error(`sign-up: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** A shift of a fresh station (and, with a person, a trained volunteer of its call-up who may take it). */
async function dutyShift(side: Side, withPerson: boolean): Promise<{ shift: string; person?: string }> {
  const c = await dutyCallup(side);
  let person: string | undefined;
  if (withPerson) {
    const signup = await dutySignup(c);
    await adminCall('POST', `/api/forces/signups/${signup}/decision`, { decision: 'approved' });
    await adminCall('POST', `/api/forces/signups/${signup}/training`, {});
    person = (await adminCall('GET', `/api/forces/callups/${c.id}/signups`)).items[0].person.id;
  }
  await adminCall('POST', '/api/forces/roster/generate', { callupId: c.id, from: DUTY_DAY, to: DUTY_DAY });
  const roster = await adminCall(
    'GET',
    `/api/forces/roster?facilityId=${c.facility}&from=${DUTY_DAY}&to=${DUTY_DAY}`,
  );
  return { shift: roster.shifts[0].id, person };
}

/** A fresh object of a kind in A or B. */
function make(kind: Kind, side: Side): Promise<string> {
  const maker = makers[kind];
  if (!maker) throw new Error(`the access matrix has no maker for '${kind}'`);
  return maker(side);
}

function fillUrl(url: string, key: string, ref: string) {
  return url.replace(`:${key}`, encodeURIComponent(ref));
}

async function requestFor(route: RouteEntry, side: Side) {
  const resource = route.access?.resource;
  if (!resource) throw new Error('no resource');
  const ref = await make(resource.kind, side);
  const example = resource.example?.(ref) ?? {};
  const unit = example.unitCode === '$unit' ? await building(side) : undefined;
  let body = unit ? { ...example, unitCode: unit } : example;
  if (example.householdKey === '$household') body = { ...body, householdKey: await make('household', side) };
  if (example.personId === '$person') body = { ...body, personId: await make('person', side) };
  let url = route.url;
  let payload: Record<string, unknown> | undefined = ['GET', 'DELETE'].includes(route.method)
    ? undefined
    : body;
  if (resource.in === 'params') url = fillUrl(url, resource.key, ref);
  if (resource.in === 'body') payload = { ...body, [resource.key]: ref };
  if (resource.in === 'query')
    url += `?${new URLSearchParams({ ...(body as Record<string, string>), [resource.key]: ref })}`;
  return { url, payload };
}

const apiRoutes = () =>
  t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  for (const role of ROLES) {
    const username = `matrix_role_${role}`;
    const user = await adminCall('POST', '/api/access/users', {
      username,
      displayName: role,
      password: PASSWORD,
      homeUnitCode: A,
    });
    await adminCall('POST', `/api/access/users/${user.id}/grants`, { role, unitCode: A });
    roleCookies.set(role, await t.login(username, PASSWORD));
  }
  // Something in B for the lists to leak, if they leak.
  await make('grant', 'out');
  await make('facility', 'out');
  await make('campaign', 'out');
  await make('responsibility', 'out');
  await make('group', 'out');
  await make('handover', 'out');
  await make('gate', 'out');
  await make('careRequest', 'out');
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('the access matrix', () => {
  it('finds the routes in the route table, and every API route declares its access', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(15);
    const undeclared = routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    expect(routes.filter((r) => r.access?.resource).length).toBeGreaterThan(10);
  });

  it('answers 401 to every non-public route without a session', async () => {
    for (const r of apiRoutes().filter((x) => !x.access?.public)) {
      const url = r.url.replace(/:(\w+)/g, (_, k) => (k === 'code' ? A : '1'));
      const res = await call(
        r.method,
        url,
        undefined,
        r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      );
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('gives every role 404 (or 403 without the permission) outside its scope, and service inside', async () => {
    const failures: string[] = [];
    for (const route of apiRoutes().filter((r) => r.access?.resource)) {
      const permission = route.access?.permission;
      for (const role of ROLES) {
        const has = !permission || ROLE_DEFINITIONS[role].permissions.includes(permission);
        const cookie = roleCookies.get(role);
        for (const side of ['out', 'in'] as const) {
          const { url, payload } = await requestFor(route, side);
          const res = await call(route.method, url, cookie, payload);
          const s = res.statusCode;
          const served = s < 500 && ![401, 403, 404].includes(s);
          const ok = side === 'out' ? s === (has ? 404 : 403) : has ? served : s === 403;
          if (!ok)
            failures.push(`${role} ${route.method} ${route.url} ${side}: ${s} ${res.body.slice(0, 160)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('lets no list mention anything of community B to a role granted on A', async () => {
    const failures: string[] = [];
    for (const route of apiRoutes().filter((r) => r.access?.list)) {
      const query = new URLSearchParams(route.access?.list?.query ?? {}).toString();
      for (const role of ROLES) {
        const permission = route.access?.permission;
        const has = !permission || ROLE_DEFINITIONS[role].permissions.includes(permission);
        const res = await call(
          route.method,
          `${route.url}${query ? `?${query}` : ''}`,
          roleCookies.get(role),
        );
        if (!has) {
          if (res.statusCode !== 403) failures.push(`${role} ${route.url}: ${res.statusCode}`);
          continue;
        }
        if (res.statusCode !== 200)
          failures.push(`${role} ${route.url}: ${res.statusCode} ${res.body.slice(0, 160)}`);
        if (res.body.includes(B) || res.body.includes('matrix_out'))
          failures.push(`${role} ${route.url} leaks B`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('shows the administrator at the root both sides (the lists are not simply empty)', async () => {
    const res = await call('GET', '/api/access/users?q=matrix_out', admin);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
  });
});
