import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slotOf } from '../../src/domain/isolation/checks';
import { launchBrowser, PHONE, screenshot } from './browser';
import { apiAs, base, login, session as openSession, poll } from './client';
import { ADMIN_PASSWORD } from './server';

// 每日两次健康监测 on the phone: a grid worker sees the person they answer for under home isolation,
// records a check at the door, then a second one with a fever without a network; the second waits in the
// phone's queue and arrives once when the network returns, and the fever opens one transfer.

const GRID1 = '410105002008G01'; // 省民航社区, 第一网格
const WORKER = 'e2e_iso_grid';
const WORKER_PASSWORD = 'IsoGrid2020';
const NAME = '隔离测试人';

let browser: Browser;
let admin: string;
let person: string;
const api = <T>(method: string, path: string, body?: unknown) => apiAs<T>(admin, method, path, body);

interface KeyPersonPage {
  checks: { temperatureC: number | null; alarming: boolean; how: string; needs: string | null }[];
  transfers: { state: string }[];
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await login('admin', ADMIN_PASSWORD);
  const user = await api<{ id: string | number }>('POST', '/api/access/users', {
    username: WORKER,
    displayName: '隔离网格员',
    password: WORKER_PASSWORD,
    homeUnitCode: GRID1,
  });
  await api('POST', `/api/access/users/${user.id}/grants`, { role: 'grid_worker', unitCode: GRID1 });
  person = (
    await api<{ id: string }>('POST', '/api/isolation/key-persons', {
      unitCode: GRID1,
      name: NAME,
      address: '省民航社区 3 号楼 1 单元 402',
      category: 'key_area',
      source: 'walk_in',
      measure: { kind: 'home_isolation', responsibleUserId: String(user.id) },
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('health checks on the phone', () => {
  it('records a check, then a fever check without a network that arrives once and opens a transfer', async () => {
    const { now } = await api<{ now: string }>('GET', '/api/clock');
    const slot = slotOf(Date.parse(now)).slot;
    const { context, page, errors } = await openSession(browser, PHONE);
    await page.goto(`${base()}/field/login`);
    await page.getByTestId('login-username').fill(WORKER);
    await page.getByTestId('login-password').fill(WORKER_PASSWORD);
    await page.getByTestId('login-submit').click();

    // the home tile with the checks still to do today, as the server counts them for the worker
    const worker = await login(WORKER, WORKER_PASSWORD);
    const due = await apiAs<{ items: { id: string; slots: { state: string }[] }[] }>(
      worker,
      'GET',
      '/api/isolation/checks/due',
    );
    expect(due.items.map((i) => i.id)).toEqual([person]);
    const open = due.items[0].slots.filter((s) => s.state === 'due' || s.state === 'overdue').length;
    const tile = page.getByTestId('field-isolation');
    await tile.waitFor();
    if (open > 0)
      await poll(() => page.getByTestId('field-isolation-count').textContent()).toBe(String(open));
    else
      await poll(() => page.getByTestId('field-isolation-desc').textContent()).toBe(
        '每日两次：测体温、问需求、看动态',
      );
    await screenshot(page, 'field-isolation-home');

    // my list: the person, not yet checked in this slot
    await tile.click();
    const row = page.getByTestId(`isolation-row-${person}`);
    await row.waitFor();
    expect(await row.textContent()).toContain(NAME);
    expect(await row.textContent()).toContain('第 1 天');
    const slotTag = page.getByTestId(`isolation-slot-${person}-${slot}`);
    expect(await slotTag.getAttribute('data-state')).not.toBe('done');

    // the first check at the door: 36.6 with one tap, no warning
    await row.click();
    await page.getByTestId('check-form').waitFor();
    expect(await page.getByTestId('check-person').textContent()).toBe(NAME);
    await page.getByTestId('temp-quick-36.6').click();
    expect(await page.getByTestId('check-temperature').textContent()).toBe('36.6 ℃');
    await page.getByTestId('check-mood-good').click();
    await page.locator('[data-testid="check-needs"] textarea').fill('需要买米');
    expect(await page.getByTestId('check-alarm').count()).toBe(0);
    await page.getByTestId('check-submit').click();
    await row.waitFor();
    await poll(() => slotTag.getAttribute('data-state')).toBe('done');
    await poll(() => page.getByTestId(`isolation-last-${person}`).textContent()).toContain('36.6');

    // the app is kept by the service worker for a round without a network
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    await context.setOffline(true);
    await page.getByTestId('offline-flag').waitFor();
    // a second check by phone, typed on the keypad: 38.1, the red warning
    await row.click();
    await page.getByTestId('check-form').waitFor();
    await page.getByTestId('check-how-phone').click();
    for (const k of ['3', '8', '.', '1']) await page.getByTestId(`temp-key-${k}`).click();
    expect(await page.getByTestId('check-temperature').textContent()).toBe('38.1 ℃');
    const alarm = page.getByTestId('check-alarm');
    await alarm.waitFor();
    expect(await alarm.textContent()).toContain('体温异常，提交后将通知社区并生成转运单');
    await screenshot(page, 'field-isolation-check-fever');
    await page.getByTestId('check-submit').click();
    // back on the list: the check waits on the phone and shows at once
    await row.waitFor();
    await poll(() => page.getByTestId('offline-queue-badge').textContent()).toBe('1 条待发送');
    await poll(() => page.getByTestId(`isolation-last-${person}`).textContent()).toContain('38.1');
    expect(await slotTag.getAttribute('data-state')).toBe('done');
    await page.getByTestId(`isolation-queued-${person}`).waitFor();
    await screenshot(page, 'field-isolation-list');
    const before = await api<KeyPersonPage>('GET', `/api/isolation/key-persons/${person}`);
    expect(before.checks).toHaveLength(1);
    expect(before.transfers).toHaveLength(0);

    // the network returns: the check arrives once, the fever opens one transfer
    await context.setOffline(false);
    await page.getByTestId('offline-queue-badge').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId(`isolation-queued-${person}`).waitFor({ state: 'detached' });
    const after = await api<KeyPersonPage>('GET', `/api/isolation/key-persons/${person}`);
    expect(after.checks.map((c) => [c.temperatureC, c.how, c.alarming])).toEqual([
      [38.1, 'phone', true],
      [36.6, 'door', false],
    ]);
    expect(after.checks[1].needs).toBe('需要买米');
    expect(after.transfers.map((t) => t.state)).toEqual(['open']);
    // a reload sends nothing twice
    await page.reload();
    await row.waitFor();
    await poll(() => slotTag.getAttribute('data-state')).toBe('done');
    expect((await api<KeyPersonPage>('GET', `/api/isolation/key-persons/${person}`)).checks).toHaveLength(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
