import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PHONE } from './browser';
import { apiAs, base, login, session as openSession, poll } from './client';
import { ADMIN_PASSWORD } from './server';

// Offline field work (docs/architecture.md, "Offline field work"): the phone app opens from its service
// worker without a network, writes wait in the phone's queue, survive a reload, and arrive once each
// when the network returns; a write the server refuses comes back to the queue with its message.

const SMH = '410105002008'; // 省民航社区
const GRID1 = '410105002008G01'; // smh_grid1's grid
const WORKER = 'e2e_offline_grid';
const WORKER_PASSWORD = 'OfflineGrid2020';

let browser: Browser;
let admin: string;
let campaign: string;
let assignment: string;
let facility: string;
const doors: Record<string, string> = {};
const api = <T>(method: string, path: string, body?: unknown) => apiAs<T>(admin, method, path, body);

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await login('admin', ADMIN_PASSWORD);
  const { today } = await api<{ today: string }>('GET', '/api/ledger/day');
  const children = await api<{ items: { code: string; kind: string }[] }>(
    'GET',
    `/api/org/units/${GRID1}/children`,
  );
  const yard = children.items.find((u) => u.kind === 'courtyard')?.code ?? GRID1;
  const building = (
    await api<{ code: string }>('POST', '/api/org/units', {
      parentCode: yard,
      kind: 'building',
      name: 'E2E离线楼',
    })
  ).code;
  for (const [door, name] of [
    ['101', '周离线'],
    ['102', '吴断网'],
    ['103', '郑地下'],
  ]) {
    doors[door] = (
      await api<{ key: string }>('POST', '/api/ledger/households', {
        unitCode: building,
        entrance: '1',
        door,
        residents: [{ name, relation: 'head' }],
      })
    ).key;
  }
  campaign = (
    await api<{ id: string }>('POST', '/api/ledger/campaigns', {
      unitCode: building,
      name: 'E2E离线排查',
      startsOn: today,
    })
  ).id;
  // a grid worker of the grid who also stands a shift today at a checkpoint of the community
  const user = await api<{ id: string }>('POST', '/api/access/users', {
    username: WORKER,
    displayName: '离线网格员',
    password: WORKER_PASSWORD,
    homeUnitCode: GRID1,
  });
  await api('POST', `/api/access/users/${user.id}/grants`, { role: 'grid_worker', unitCode: GRID1 });
  const person = await api<{ id: string }>('POST', '/api/forces/people', {
    unitCode: SMH,
    name: '离线网格员',
    isVolunteer: true,
  });
  await api('POST', `/api/forces/people/${person.id}/link-user`, { userId: user.id });
  facility = (
    await api<{ id: string }>('POST', '/api/org/facilities', {
      unitCode: SMH,
      kind: 'checkpoint',
      name: 'E2E离线卡点',
    })
  ).id;
  await api('PUT', `/api/forces/facilities/${facility}/pattern`, {
    name: 'E2E离线卡点',
    shifts: [{ label: '全天', start: '00:00', end: '23:59', needs: [{ qualification: null, count: 1 }] }],
  });
  const range = { facilityIds: [facility], from: today, to: today };
  await api('POST', '/api/forces/roster/generate', range);
  const { shifts } = await api<{ shifts: { id: string }[] }>(
    'GET',
    `/api/forces/roster?facilityId=${facility}&from=${today}&to=${today}`,
  );
  assignment = (
    await api<{ id: string }>('POST', `/api/forces/shifts/${shifts[0].id}/assignments`, {
      personId: person.id,
      rules: { minRestHours: 0, maxHoursPerWeek: 168 },
    })
  ).id;
  await api('POST', '/api/forces/roster/publish', range);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const visitsOf = async (key: string) =>
  (await api<{ items: unknown[] } | unknown[]>('GET', `/api/ledger/households/${key}/visits`)) as
    | { items: unknown[] }
    | unknown[];
const countOf = (v: { items: unknown[] } | unknown[]) => (Array.isArray(v) ? v.length : v.items.length);

/** Whether the worker's assignment stands checked in, as the roster says. */
async function checkedIn(): Promise<boolean> {
  const me = await login(WORKER, WORKER_PASSWORD);
  const mine = await apiAs<{ shifts: { assignmentId: string; checkedInAt: string | null }[] }>(
    me,
    'GET',
    '/api/duty/mine',
  );
  return !!mine.shifts.find((s) => s.assignmentId === assignment)?.checkedInAt;
}

async function openDoor(page: Page, key: string) {
  await page.getByTestId(`field-door-${key}`).click();
  await page.getByTestId('visit-form').waitFor();
}

describe('field work without a network', () => {
  it('keeps visits on the phone through a reload and sends each once when the network returns', async () => {
    const { context, page, errors } = await openSession(browser, PHONE);
    await page.goto(`${base()}/field/login?next=${encodeURIComponent('/field/shifts')}`);
    await page.getByTestId('login-username').fill(WORKER);
    await page.getByTestId('login-password').fill(WORKER_PASSWORD);
    await page.getByTestId('login-submit').click();
    // my shifts and the campaign's doors are seen once online: the phone keeps them
    await page.getByTestId('check-in').waitFor();
    await page.goto(`${base()}/field/screening/${campaign}`);
    await page.getByTestId(`field-door-${doors['101']}`).waitFor();
    // the service worker of /field keeps the app: it controls the page once it has kept every file
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    // the desk is not under it
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe('/field');

    await context.setOffline(true);
    await page.getByTestId('offline-flag').waitFor();

    // 101: nobody at home
    await openDoor(page, doors['101']);
    await page.getByTestId('visit-nobody-home').click();
    await page.getByTestId('visit-queued').waitFor();
    await page.getByTestId('visit-queued-back').click();

    // 102: at home, 36.5 °C
    await openDoor(page, doors['102']);
    const form = page.getByTestId('visit-form');
    await form.locator('input[type="number"]').first().fill('36.5');
    await page.getByTestId('visit-submit').click();
    await page.getByTestId('visit-queued').waitFor();
    await page.getByTestId('visit-queued-back').click();
    await page.getByTestId(`field-door-queued-${doors['102']}`).waitFor();

    // 103: a new resident with an ID number the server will refuse
    await openDoor(page, doors['103']);
    await page.getByTestId('visit-add-new-resident').click();
    await page.getByTestId('visit-new-0-name').fill('王错号');
    await page.getByTestId('visit-new-0-id').fill('41010519990101');
    await page.getByTestId('visit-submit').click();
    await page.getByTestId('visit-queued').waitFor();
    await page.getByTestId('visit-queued-back').click();

    await poll(() => page.getByTestId('offline-queue-badge').textContent()).toBe('3 条待发送');

    // my shift: checked in without a network
    await page.goto(`${base()}/field/shifts`);
    await page.getByTestId('check-in').click();
    await page.getByTestId('shift-queued').waitFor();
    await poll(() => page.getByTestId('offline-queue-badge').textContent()).toBe('4 条待发送');
    expect(countOf(await visitsOf(doors['101']))).toBe(0);
    expect(await checkedIn()).toBe(false);

    // a reload without a network: the page comes from the service worker, the queue from the phone
    await page.reload();
    await page.getByTestId('shift-queued').waitFor();
    await poll(() => page.getByTestId('offline-queue-badge').textContent()).toBe('4 条待发送');
    await page.getByTestId('offline-flag').waitFor();

    // the network returns: the queue goes out by itself, in order
    await context.setOffline(false);
    await page.getByTestId('offline-queue-badge').waitFor({ state: 'detached', timeout: 30_000 });
    await poll(() => page.getByTestId('offline-queue-refused').textContent()).toBe('1 条被退回');
    expect(countOf(await visitsOf(doors['101']))).toBe(1);
    expect(countOf(await visitsOf(doors['102']))).toBe(1);
    expect(countOf(await visitsOf(doors['103']))).toBe(0);
    expect(await checkedIn()).toBe(true);
    await page.getByTestId('check-out').waitFor();

    // the refusal, with the server's message; removed by hand
    await page.getByTestId('offline-queue-bar').click();
    const refusal = page.getByTestId('offline-queue-refusal');
    await refusal.waitFor();
    expect(((await refusal.textContent()) ?? '').length).toBeGreaterThan('被退回：'.length);
    await page.getByTestId('offline-queue-dismiss').click();
    await page.getByTestId('offline-queue-bar').waitFor({ state: 'detached' });

    // a later flush or a reload sends nothing twice
    await page.reload();
    await page.getByTestId('check-out').waitFor();
    expect(countOf(await visitsOf(doors['101']))).toBe(1);
    expect(countOf(await visitsOf(doors['102']))).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('registers five passages and a gate scan without a network; exactly five and one arrive', async () => {
    // a checkpoint worker of the community (checkpoint and gate), signed in on the phone
    const kadian = await api<{ id: string }>('POST', '/api/access/users', {
      username: 'e2e_offline_kadian',
      displayName: '离线卡点员',
      password: WORKER_PASSWORD,
      homeUnitCode: SMH,
    });
    await api('POST', `/api/access/users/${kadian.id}/grants`, { role: 'checkpoint_staff', unitCode: SMH });
    // the demo gate of the community, and a household of it whose first member may go out
    const { items: gates } = await api<{ items: { id: string }[] }>('GET', `/api/gates?unit=${SMH}`);
    const gate = gates[0].id;
    const passes = await api<{ items: { token: string }[] }>('GET', `/api/gates/${gate}/passes`);
    let pick: { token: string; name: string } | undefined;
    for (const p of passes.items.slice(0, 10)) {
      const at = await api<{ residents: { name: string; mayGoOut: boolean; out: unknown }[] }>(
        'GET',
        `/api/gates/${gate}/household?token=${p.token}`,
      );
      const r = at.residents[0];
      if (r?.mayGoOut && !r.out && at.residents.length !== 2) {
        pick = { token: p.token, name: r.name };
        break;
      }
    }
    if (!pick) throw new Error('no household at the demo gate whose first member may go out');
    const plates = ['豫A0L001', '豫A0L002', '豫A0L003', '豫A0L004', '豫A0L005'];
    const passagesHere = async () =>
      (
        await api<{ items: { plate: string | null }[] }>(
          'GET',
          `/api/checkpoints/passages?facility=${facility}&limit=50`,
        )
      ).items.filter((p) => p.plate && plates.includes(p.plate));
    const scansOf = async () =>
      (
        await api<{ items: { name: string; direction: string }[] }>('GET', `/api/gates/${gate}/scans`)
      ).items.filter((x) => x.name === pick?.name && x.direction === 'out');
    const scansBefore = (await scansOf()).length;

    const { context, page, errors } = await openSession(browser, PHONE);
    await page.goto(`${base()}/field/login?next=${encodeURIComponent(`/field/gates/${gate}`)}`);
    await page.getByTestId('login-username').fill('e2e_offline_kadian');
    await page.getByTestId('login-password').fill(WORKER_PASSWORD);
    await page.getByTestId('login-submit').click();
    // online once: the gate, the household looked up by its pass, the checkpoint's page
    await page.getByTestId('gate-rule').waitFor({ timeout: 45_000 });
    await page.getByTestId('gate-scanner-input').fill(pick.token.toLowerCase());
    await page.getByTestId('gate-scanner-submit').click();
    await page.getByTestId('gate-household').waitFor();
    await page.goto(`${base()}/field/checkpoints/${facility}`);
    await page.getByTestId('checkpoint-form').waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    await context.setOffline(true);
    await page.getByTestId('offline-flag').waitFor();
    for (const [i, plate] of plates.entries()) {
      await page.getByTestId('plate').click();
      for (const ch of plate) await page.getByTestId(`plate-key-${ch}`).click();
      await page.getByTestId('plate-key-done').click();
      await page.getByTestId('person-0-name').fill(`离线司机${i + 1}`);
      await page.getByTestId('person-0-temp').fill('36.5');
      await page.getByTestId('steps-all').click();
      await page.getByTestId('outcome-released').click();
      await poll(() => page.getByTestId('passage-done-text').textContent()).toContain('联网后自动发送');
      await page.getByTestId('passage-next').click();
      await page.getByTestId('checkpoint-form').waitFor();
    }
    await poll(() => page.getByTestId('offline-queue-badge').textContent()).toBe('5 条待发送');

    // the gate, without a network: the page and the household come from the phone
    await page.goto(`${base()}/field/gates/${gate}`);
    await page.getByTestId('gate-rule').waitFor();
    await page.getByTestId('gate-scanner-input').fill(pick.token.toLowerCase());
    await page.getByTestId('gate-scanner-submit').click();
    await page.getByTestId('gate-household').waitFor();
    await page.getByTestId(`gate-out-${pick.name}`).click();
    await poll(() => page.getByTestId('offline-queue-badge').textContent()).toBe('6 条待发送');
    expect(await passagesHere()).toHaveLength(0);
    expect(await scansOf()).toHaveLength(scansBefore);

    // the network returns: five passages and one scan arrive, once each, even after a reload
    await context.setOffline(false);
    await page.getByTestId('offline-queue-badge').waitFor({ state: 'detached', timeout: 30_000 });
    await page.reload();
    await page.getByTestId('gate-rule').waitFor();
    const arrived = await passagesHere();
    expect(arrived.map((p) => p.plate).sort()).toEqual(plates);
    expect(await scansOf()).toHaveLength(scansBefore + 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the desk out of the service worker', async () => {
    const { context, page } = await openSession(browser, PHONE);
    await page.goto(`${base()}/login`);
    await page.getByTestId('login-username').waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    const sw = await fetch(`${base()}/field-sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const manifest = await (await fetch(`${base()}/field.webmanifest`)).json();
    expect(manifest).toMatchObject({ name: '网格防控', scope: '/field', start_url: '/field' });
    await context.close();
  });
});
