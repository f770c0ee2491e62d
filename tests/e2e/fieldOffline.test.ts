import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PHONE } from './browser';
import { apiAs, base, DEMO_PASSWORD, login, session as openSession, poll } from './client';
import { ADMIN_PASSWORD } from './server';

// Offline field work (docs/architecture.md, "Offline field work"): the phone app opens from its service
// worker without a network, writes wait in the phone's queue, survive a reload, and arrive once each
// when the network returns; a write the server refuses comes back to the queue with its message.

const GRID1 = '410105002008G01'; // smh_grid1's grid

let browser: Browser;
let admin: string;
let campaign: string;
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
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const visitsOf = async (key: string) =>
  (await api<{ items: unknown[] } | unknown[]>('GET', `/api/ledger/households/${key}/visits`)) as
    | { items: unknown[] }
    | unknown[];
const countOf = (v: { items: unknown[] } | unknown[]) => (Array.isArray(v) ? v.length : v.items.length);

async function openDoor(page: Page, key: string) {
  await page.getByTestId(`field-door-${key}`).click();
  await page.getByTestId('visit-form').waitFor();
}

describe('field work without a network', () => {
  it('keeps visits on the phone through a reload and sends each once when the network returns', async () => {
    const { context, page, errors } = await openSession(browser, PHONE);
    await page.goto(`${base()}/field/login?next=${encodeURIComponent(`/field/screening/${campaign}`)}`);
    await page.getByTestId('login-username').fill('smh_grid1');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
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
    expect(countOf(await visitsOf(doors['101']))).toBe(0);

    // a reload without a network: the page comes from the service worker, the queue from the phone
    await page.reload();
    await page.getByTestId(`field-door-${doors['101']}`).waitFor();
    await poll(() => page.getByTestId('offline-queue-badge').textContent()).toBe('3 条待发送');
    await page.getByTestId('offline-flag').waitFor();

    // the network returns: the queue goes out by itself, in order
    await context.setOffline(false);
    await page.getByTestId('offline-queue-badge').waitFor({ state: 'detached', timeout: 30_000 });
    await poll(() => page.getByTestId('offline-queue-refused').textContent()).toBe('1 条被退回');
    expect(countOf(await visitsOf(doors['101']))).toBe(1);
    expect(countOf(await visitsOf(doors['102']))).toBe(1);
    expect(countOf(await visitsOf(doors['103']))).toBe(0);

    // the refusal, with the server's message; removed by hand
    await page.getByTestId('offline-queue-bar').click();
    const refusal = page.getByTestId('offline-queue-refusal');
    await refusal.waitFor();
    expect(((await refusal.textContent()) ?? '').length).toBeGreaterThan('被退回：'.length);
    await page.getByTestId('offline-queue-dismiss').click();
    await page.getByTestId('offline-queue-bar').waitFor({ state: 'detached' });

    // a later flush or a reload sends nothing twice
    await page.reload();
    await page.getByTestId(`field-door-${doors['103']}`).waitFor();
    expect(countOf(await visitsOf(doors['101']))).toBe(1);
    expect(countOf(await visitsOf(doors['102']))).toBe(1);
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
