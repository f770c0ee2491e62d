import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// Bad input never yields a 500 (DESIGN rule 6). Every API route of the route table (read as the access
// matrix reads it, so a new route is covered without editing this test) is called as the administrator,
// who holds every permission, with a request that is valid as far as the route's OpenAPI schema tells,
// and then with one thing spoiled at a time: each body field, query parameter and path parameter gets a
// NUL, a lone surrogate, another control character, a huge value and values of the wrong type. Any 5xx
// fails the test, naming the route, the place and the value.

const A = '410105002008'; // 省民航社区
const PASSWORD = 'Fuzzing2020ok';
const DAY = '2020-02-05';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  default?: unknown;
}
interface Operation {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

let t: TestApp;
let admin: string;
let seq = 0;
let operations: Record<string, Record<string, Operation>>;

async function adminCall(method: string, url: string, payload?: unknown) {
  const res = await t.call(method, url, admin, payload);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

function freshIdNumber(): string {
  const n = ++seq;
  const birthDate = new Date(Date.UTC(1960, 0, 1 + n)).toISOString().slice(0, 10);
  return generateIdNumber({ regionCode: '410105', birthDate, sequence: n % 1000 });
}
const freshPhone = () => `137${String(++seq).padStart(8, '0')}`;

const building = async () =>
  (await adminCall('POST', '/api/org/units', { parentCode: A, kind: 'building', name: `模糊${++seq}号楼` }))
    .code as string;
const facility = async () =>
  (
    await adminCall('POST', '/api/org/facilities', {
      unitCode: await building(),
      kind: 'checkpoint',
      name: `模糊卡点${++seq}`,
    })
  ).id as string;
async function household(): Promise<{ key: string; resident: string }> {
  const { key } = await adminCall('POST', '/api/ledger/households', {
    unitCode: await building(),
    door: '101',
    residents: [{ name: '模糊', idNumber: freshIdNumber(), phone: freshPhone() }],
  });
  const detail = await adminCall('GET', `/api/ledger/households/${key}`);
  return { key, resident: detail.residents[0].key };
}
const person = async () =>
  (
    await adminCall('POST', '/api/forces/people', {
      unitCode: await building(),
      name: `模糊人员${++seq}`,
      isVolunteer: true,
    })
  ).id as string;
async function callup(): Promise<{ id: string; token: string; facility: string }> {
  const f = await facility();
  const c = await adminCall('POST', '/api/forces/callups', {
    unitCode: A,
    title: `模糊招募${++seq}`,
    startsOn: '2031-01-06',
    pattern: {
      name: '一班',
      shifts: [{ label: '白班', start: '08:00', end: '16:00', needs: [{ qualification: null, count: 1 }] }],
    },
    places: [{ facilityId: f, needed: 50 }],
  });
  return { ...c, facility: f };
}
async function signup(c: { token: string }): Promise<string> {
  const res = await signUpWithCode(t, c.token, {
    clientId: crypto.randomUUID(),
    name: `模糊志愿者${++seq}`,
    phone: freshPhone(),
  });
  if (res.statusCode >= 300) throw new Error(`sign-up: ${res.statusCode} ${res.body}`);
  return res.json().id;
}
async function shift(withPerson: boolean): Promise<{ shift: string; person?: string }> {
  const c = await callup();
  let p: string | undefined;
  if (withPerson) {
    const s = await signup(c);
    await adminCall('POST', `/api/forces/signups/${s}/decision`, { decision: 'approved' });
    await adminCall('POST', `/api/forces/signups/${s}/training`, {});
    p = (await adminCall('GET', `/api/forces/callups/${c.id}/signups`)).items[0].person.id;
  }
  await adminCall('POST', '/api/forces/roster/generate', {
    callupId: c.id,
    from: '2031-01-06',
    to: '2031-01-06',
  });
  const roster = await adminCall(
    'GET',
    `/api/forces/roster?facilityId=${c.facility}&from=2031-01-06&to=2031-01-06`,
  );
  return { shift: roster.shifts[0].id, person: p };
}

/** A fresh object of each kind, in community A. */
const makers: Record<ResourceKind, () => Promise<string>> = {
  unit: building,
  facility,
  user: async () =>
    (
      await adminCall('POST', '/api/access/users', {
        username: `fuzz_${++seq}`,
        displayName: '模糊',
        password: PASSWORD,
        homeUnitCode: A,
      })
    ).id,
  grant: async () => {
    const user = await makers.user();
    return (await adminCall('POST', `/api/access/users/${user}/grants`, { role: 'volunteer', unitCode: A }))
      .id;
  },
  household: async () => (await household()).key,
  resident: async () => (await household()).resident,
  campaign: async () => {
    await household();
    return (
      await adminCall('POST', '/api/ledger/campaigns', {
        unitCode: A,
        name: `模糊排查${++seq}`,
        startsOn: DAY,
      })
    ).id;
  },
  person,
  keyPerson: async () => (await makeKeyPerson(adminCall, await building())).id,
  measure: async () => (await makeKeyPerson(adminCall, await building())).measureId,
  transfer: async () => makeTransfer(adminCall, await building()),
  isolationSite: async () => makeIsolationSite(adminCall, await building()),
  isolationList: async () => makeIsolationList(t.app, admin, await building()),
  isolationListRow: async () => makeIsolationListRow(t.app, admin, await building()),
  gate: async () => {
    const courtyard = await adminCall('POST', '/api/org/units', {
      parentCode: A,
      kind: 'courtyard',
      name: `模糊小区${++seq}`,
    });
    return (await adminCall('POST', '/api/gates', { unitCode: courtyard.code, name: '东门' })).id;
  },
  group: async () =>
    (
      await adminCall('POST', '/api/forces/groups', {
        unitCode: await building(),
        kind: 'commando_team',
        name: `模糊突击队${++seq}`,
      })
    ).id,
  responsibility: async () =>
    (
      await adminCall('POST', '/api/forces/responsibilities', {
        unitCode: await building(),
        personId: await person(),
        duty: 'building_leader',
      })
    ).id,
  callup: async () => (await callup()).id,
  signup: async () => signup(await callup()),
  shift: async () => (await shift(false)).shift,
  assignment: async () => {
    const { shift: s, person: p } = await shift(true);
    return (await adminCall('POST', `/api/forces/shifts/${s}/assignments`, { personId: p })).id;
  },
  passage: async () => (await checkpointPassage(false)).id,
  handover: async () => (await checkpointPassage(true)).people[0].handoverId,
  careHousehold: async () => makeCareHousehold(adminCall, await building()),
  careRequest: async () => makeCareRequest(adminCall, await building()),
};

/** The token of a fresh red-heart household's link (the household's own page). */
async function careToken(): Promise<string> {
  const key = await makeCareHousehold(adminCall, await building());
  return (await adminCall('POST', `/api/care/households/${key}/link`, {})).token;
}

/** A passage at a fresh checkpoint of A; with a hand-over: one person back from 武汉 going to a building of A. */
async function checkpointPassage(handover: boolean) {
  return adminCall('POST', '/api/checkpoints/passages', {
    clientId: crypto.randomUUID(),
    facilityId: await facility(),
    direction: 'in',
    people: [
      handover
        ? { name: '模糊旅客', travel: [{ place: '4201' }], destinationUnitCode: await building() }
        : { name: '模糊旅客', temperatureC: 36.5 },
    ],
    outcome: handover ? 'handed_over' : 'released',
  });
}

/** The kind of object a path parameter names, when the route's access declaration does not say. */
function kindOfParam(url: string, name: string): ResourceKind | 'token' | undefined {
  if (name === 'token') return 'token';
  if (name === 'code') return 'unit';
  const before = url.split(`/:${name}`)[0].split('/').pop() ?? '';
  const bySegment: Record<string, ResourceKind> = {
    users: 'user',
    grants: 'grant',
    facilities: 'facility',
    households: 'household',
    residents: 'resident',
    campaigns: 'campaign',
    people: 'person',
    groups: 'group',
    responsibilities: 'responsibility',
    callups: 'callup',
    signups: 'signup',
    shifts: 'shift',
    assignments: 'assignment',
  };
  return bySegment[before];
}

/** A valid value for a field named `key`, where its name says more than its schema. */
async function hinted(key: string): Promise<unknown> {
  switch (key) {
    case 'unitCode':
    case 'homeUnitCode':
    case 'code':
      return building();
    case 'parentCode':
      return A;
    case 'facilityId':
      return facility();
    case 'facilityIds':
      return [await facility()];
    case 'personId':
      return person();
    case 'householdKey':
      return makers.household();
    case 'callupId':
      return makers.callup();
    case 'campaignId':
      return makers.campaign();
    case 'idNumber':
      return freshIdNumber();
    case 'phone':
      return freshPhone();
    case 'username':
      return `fuzz_u${++seq}`;
    case 'password':
    case 'newPassword':
      return PASSWORD;
    case 'currentPassword':
      return PASSWORD;
    case 'clientId':
      return crypto.randomUUID();
    case 'from':
    case 'to':
    case 'day':
    case 'date':
    case 'on':
    case 'startsOn':
    case 'endsOn':
    case 'birthDate':
      return DAY;
    case 'start':
      return '08:00';
    case 'end':
      return '16:00';
    default:
      return undefined;
  }
}

function nonNull(s: JsonSchema): JsonSchema {
  const options = s.anyOf ?? s.oneOf;
  if (options) return nonNull(options.find((o) => o.type !== 'null') ?? options[0]);
  if (s.allOf?.length) return nonNull(s.allOf[0]);
  return s;
}

/** A value for a schema: required properties only (base), or every property (full, for reaching leaves). */
async function sample(schema: JsonSchema, key: string, full: boolean): Promise<unknown> {
  const hint = await hinted(key);
  if (hint !== undefined) return hint;
  const s = nonNull(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined && !full) return s.default;
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'object' || s.properties) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s.properties ?? {})) {
      if (full || s.required?.includes(k)) out[k] = await sample(v, k, full);
    }
    return out;
  }
  if (type === 'array')
    return full || (s.minItems ?? 0) > 0 ? [await sample(s.items ?? {}, key.replace(/s$/, ''), full)] : [];
  if (type === 'integer' || type === 'number') return Math.max(s.minimum ?? 1, 1);
  if (type === 'boolean') return true;
  if (s.format === 'uuid') return crypto.randomUUID();
  if (s.pattern === '^\\d{1,18}$') return '1';
  return `模糊${'x'.repeat(Math.max(0, (s.minLength ?? 1) - 2))}`;
}

/** Every leaf of a value, as a path of keys. */
function leaves(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) {
    if (value.length === 0) return [path];
    return value.flatMap((v, i) => leaves(v, [...path, i]));
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return [path];
    return entries.flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [path];
}

function getAt(value: unknown, path: Array<string | number>): unknown {
  let v = value as Record<string | number, unknown> | undefined;
  for (const k of path) v = v?.[k] as Record<string | number, unknown> | undefined;
  return v;
}

/** The base body with the leaf at `path` set (its parents taken from the full sample where the base lacks them). */
function withLeaf(base: unknown, full: unknown, path: Array<string | number>, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [k, ...rest] = path;
  const here = (base ?? (Array.isArray(full) ? [] : {})) as Record<string | number, unknown>;
  const copy = (Array.isArray(here) ? [...here] : { ...here }) as Record<string | number, unknown>;
  const fullHere = (full as Record<string | number, unknown> | undefined)?.[k];
  copy[k] = withLeaf(here[k] ?? fullHere, fullHere, rest, leaf);
  return copy;
}

const HUGE = '测'.repeat(200_000);
/** What each string is spoiled with (a function of the valid value). */
const badStrings: Array<[string, (v: string) => string]> = [
  ['NUL', (v) => `${v}\u0000`],
  ['NUL alone', () => '\u0000'],
  ['lone high surrogate', (v) => `${v}\ud800`],
  ['lone low surrogate', (v) => `\udc00${v}`],
  ['control character', (v) => `${v}\u001b[2J`],
  ['huge', () => HUGE],
];
/** Values of the wrong type for any field. */
const wrongTypes: Array<[string, unknown]> = [
  ['number', 1e30],
  ['negative', -1],
  ['float', 1.5],
  ['object', { a: '\u0000' }],
  ['array', ['\u0000', '\ud800']],
  ['null', null],
  ['boolean', false],
  ['empty string', ''],
];
/** What each path or query parameter is spoiled with, already percent-encoded. */
const badParams: Array<[string, (v: string) => string]> = [
  ['NUL', (v) => `${v}%00`],
  ['NUL alone', () => '%00'],
  ['lone surrogate (CESU-8)', (v) => `${v}%ED%A0%80`],
  ['invalid UTF-8', () => '%FF%FE'],
  ['control character', (v) => `${v}%1B`],
  ['huge', () => 'x'.repeat(20_000)],
  ['huge digits', () => '9'.repeat(40)],
  ['negative', () => '-1'],
  ['float', () => '1.5'],
  ['exponent', () => '1e999'],
  ['letters', () => 'abc'],
  ['empty', () => ''],
];

interface Base {
  url: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  fullBody: unknown;
}

const apiRoutes = () =>
  t.app.routeTable.filter(
    (r) =>
      r.url.startsWith('/api/') &&
      !r.url.startsWith('/api/docs') &&
      // a stream that stays open (its input is the session alone)
      r.url !== '/api/events',
  );

function operationOf(route: RouteEntry): Operation | undefined {
  return operations[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
}

async function baseFor(route: RouteEntry): Promise<Base> {
  const op = operationOf(route);
  const resource = route.access?.resource;
  const params: Record<string, string> = {};
  let ref: string | undefined;
  for (const [, name] of route.url.matchAll(/:(\w+)/g)) {
    const kind =
      resource?.in === 'params' && resource.key === name ? resource.kind : kindOfParam(route.url, name);
    if (kind === 'token')
      params[name] = route.url.startsWith('/api/public/care/') ? await careToken() : (await callup()).token;
    else if (kind) params[name] = await makers[kind]();
    else params[name] = '1';
    if (resource?.in === 'params' && resource.key === name) ref = params[name];
  }
  if (resource && resource.in !== 'params') ref = await makers[resource.kind]();
  const example = (ref && resource?.example?.(ref)) || {};
  if (example.unitCode === '$unit') example.unitCode = await building();
  if (example.householdKey === '$household') example.householdKey = await makers.household();
  if (example.personId === '$person') example.personId = await person();

  const query: Record<string, string> = {};
  for (const p of op?.parameters ?? []) {
    if (p.in === 'query' && p.required) query[p.name] = String(await sample(p.schema ?? {}, p.name, false));
  }
  if (resource?.in === 'query') Object.assign(query, example, { [resource.key]: ref });
  if (route.access?.list?.query) Object.assign(query, route.access.list.query);

  const schema = op?.requestBody?.content?.['application/json']?.schema;
  let body: unknown;
  let fullBody: unknown;
  if (schema && !['GET', 'DELETE'].includes(route.method)) {
    const fromExample = resource?.in === 'query' ? {} : example;
    body = { ...((await sample(schema, '', false)) as object), ...fromExample };
    fullBody = { ...((await sample(schema, '', true)) as object), ...fromExample };
    const body_ = body as Record<string, unknown>;
    if (route.url.endsWith('/:token/signups') && typeof body_.phone === 'string') {
      // the code sent to the phone (the dev sender answers it), so that the valid sign-up is served
      const sent = await t.call('POST', `/api/public/callups/${params.token}/codes`, undefined, {
        phone: body_.phone,
      });
      body_.code = sent.json().devCode;
    }
    if (resource?.in === 'body') {
      (body as Record<string, unknown>)[resource.key] = ref;
      (fullBody as Record<string, unknown>)[resource.key] = ref;
    }
  }
  return { url: route.url, params, query, body, fullBody };
}

function urlOf(base: Base, params: Record<string, string>, query: Record<string, string>, rawQuery = '') {
  let url = base.url;
  for (const [k, v] of Object.entries(params)) url = url.replace(`:${k}`, v);
  const qs = [new URLSearchParams(query).toString(), rawQuery].filter(Boolean).join('&');
  return qs ? `${url}?${qs}` : url;
}

let address = 0;
/** One request as the administrator, from an address of its own (the per-address limits stay out of the way). */
async function send(route: RouteEntry, url: string, payload: unknown) {
  let cookie = admin;
  // the session's own routes get a throwaway user and session, so the administrator's stays open
  if (route.url.startsWith('/api/auth/') && route.url !== '/api/auth/login') {
    const username = `fuzz_s${++seq}`;
    await adminCall('POST', '/api/access/users', {
      username,
      displayName: username,
      password: PASSWORD,
      homeUnitCode: A,
    });
    cookie = await t.login(username, PASSWORD);
  }
  ++address;
  return t.app.inject({
    method: route.method as 'GET',
    url,
    headers: {
      cookie,
      'accept-language': 'en',
      'x-forwarded-for': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
    },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', TEST_ADMIN_PASSWORD);
  operations = (t.app.swagger() as unknown as { paths: typeof operations }).paths;
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('bad input never yields a 500', () => {
  it('sends NUL, lone surrogates, control characters, huge and wrongly typed values to every route', async () => {
    const failures: string[] = [];
    const served: string[] = [];
    let requests = 0;
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) {
      const name = `${route.method} ${route.url}`;
      const started = Date.now();
      const base = await baseFor(route);
      const check = async (where: string, url: string, payload: unknown) => {
        requests++;
        const res = await send(route, url, payload);
        if (res.statusCode >= 500) {
          failures.push(`${name} ${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `500 ${name} ${where}\n`);
        }
        return res;
      };
      const first = await check('valid', urlOf(base, base.params, base.query), base.body);
      if (first.statusCode < 300) served.push(name);

      for (const key of Object.keys(base.params)) {
        for (const [what, spoil] of badParams) {
          await check(
            `path ${key} ${what}`,
            urlOf(base, { ...base.params, [key]: spoil(base.params[key]) }, base.query),
            base.body,
          );
        }
      }
      const op = operationOf(route);
      for (const p of (op?.parameters ?? []).filter((x) => x.in === 'query')) {
        const valid = base.query[p.name] ?? String(await sample(p.schema ?? {}, p.name, true));
        const others = { ...base.query };
        delete others[p.name];
        for (const [what, spoil] of badParams) {
          await check(
            `query ${p.name} ${what}`,
            urlOf(base, base.params, others, `${p.name}=${spoil(encodeURIComponent(valid))}`),
            base.body,
          );
        }
        await check(
          `query ${p.name} repeated`,
          urlOf(base, base.params, others, `${p.name}=${encodeURIComponent(valid)}&${p.name}=%00`),
          base.body,
        );
      }
      if (base.body !== undefined) {
        for (const path of leaves(base.fullBody)) {
          const valid = getAt(base.fullBody, path);
          const at = `body ${path.join('.') || '(whole)'}`;
          if (typeof valid === 'string') {
            for (const [what, spoil] of badStrings)
              await check(
                `${at} ${what}`,
                urlOf(base, base.params, base.query),
                withLeaf(base.body, base.fullBody, path, spoil(valid)),
              );
          }
          for (const [what, value] of wrongTypes)
            await check(
              `${at} ${what}`,
              urlOf(base, base.params, base.query),
              withLeaf(base.body, base.fullBody, path, value),
            );
        }
      }
      if (process.env.FUZZ_LOG)
        appendFileSync(process.env.FUZZ_LOG, `${name}: ${first.statusCode} ${Date.now() - started} ms\n`);
    }
    // The valid requests mostly succeed, or the spoiled ones would only test the schemas.
    console.log(
      `input fuzz: ${routes.length} routes, ${served.length} served as valid, ${requests} requests`,
    );
    expect(failures).toEqual([]);
    expect(served.length).toBeGreaterThan(routes.length / 2);
  }, 600_000);
});
