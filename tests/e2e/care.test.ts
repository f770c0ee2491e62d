import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot } from './browser';
import { apiAs, base, DEMO_PASSWORD, deskLogin, login, session as openSession, poll } from './client';
import { ADMIN_PASSWORD } from './server';

// 生活保障 as a household, its community office and a volunteer use it: a household of 省民航社区 put
// under home isolation gets its link; on its own page (a phone, no login) it asks for 10 斤 of rice and
// sees it waiting; the office sees it on the desk board and gives it to the demo volunteer; the
// volunteer finds it among their deliveries on the phone and marks it delivered with who received it.

const SMH = '410105002008';
const VOLUNTEER = 'smh_zhiyuanzhe';

let browser: Browser;
let admin: string;
const api = <T>(method: string, path: string, body?: unknown) => apiAs<T>(admin, method, path, body);

interface LedgerPage {
  items: { key: string; residents: { key: string; name: string; status: string }[] }[];
}
interface HouseholdCare {
  eligible: boolean;
  reasons: string[];
  requests: unknown[];
}
interface CareRequest {
  id: string;
  state: string;
  source: string;
  items: { kind: string; quantity: number; unit: string; name: string | null }[];
  volunteer: { personId: string | null; userId: string | null; name: string } | null;
  receivedBy: string | null;
  history?: { kind: string }[];
}

let householdKey: string;
let token: string;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await login('admin', ADMIN_PASSWORD);
  // a household of the community the care does not cover yet (not isolated, no red heart), never asked
  const page = await api<LedgerPage>('GET', `/api/ledger/households?unit=${SMH}&colour=green&limit=40`);
  let pick: { key: string; resident: string } | undefined;
  for (const h of page.items.slice(5)) {
    const resident = h.residents.find((r) => r.status === 'present') ?? h.residents[0];
    if (!resident) continue;
    const care = await api<HouseholdCare>('GET', `/api/care/households/${h.key}`);
    if (!care.eligible && care.requests.length === 0) {
      pick = { key: h.key, resident: resident.key };
      break;
    }
  }
  if (!pick) throw new Error('no household of 省民航社区 outside the care');
  householdKey = pick.key;
  // put under home isolation: the household may ask from today
  await api('POST', '/api/isolation/key-persons', {
    residentId: pick.resident,
    category: 'key_area',
    source: 'walk_in',
    measure: { kind: 'home_isolation' },
  });
  const care = await api<HouseholdCare>('GET', `/api/care/households/${householdKey}`);
  expect(care.reasons).toContain('isolated');
  token = (await api<{ token: string }>('POST', `/api/care/households/${householdKey}/link`, {})).token;
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/**
 * Opens an antd Select, types, and picks the option with that test id; clicked again while the option
 * is still there (the list is asked for again as the name is typed), until `shown` says it is chosen.
 */
async function pick(page: Page, selectTestId: string, text: string, optionTestId: string, shown: string) {
  await page.getByTestId(selectTestId).click();
  await page.keyboard.type(text);
  const option = page.getByTestId(optionTestId);
  await option.waitFor();
  await poll(async () => {
    if (await option.isVisible()) await option.click({ timeout: 2000 }).catch(() => {});
    return page.locator(shown).textContent();
  }).toContain(text);
}

describe('care for those who cannot go out', () => {
  it('a household asks for rice through its link, the office assigns the volunteer, who delivers it', async () => {
    // 1. the household's own page, on a phone, with no login
    const household = await openSession(browser, PHONE);
    const hp = household.page;
    await hp.goto(`${base()}/field/care/${token}`);
    await hp.getByTestId('care-public-address').waitFor();
    expect(await hp.getByTestId('care-public').textContent()).toContain('还没有提交过需求');
    // nothing chosen: said in plain words, nothing sent
    await hp.getByTestId('care-public-submit').click();
    expect(await hp.getByTestId('care-public-problem').textContent()).toBe('请先选好要的物品或帮助');
    expect(await hp.getByTestId('care-unit-rice').textContent()).toContain('斤');
    for (let i = 0; i < 10; i++) await hp.getByTestId('care-plus-rice').click();
    expect(await hp.getByTestId('care-qty-rice').textContent()).toBe('10');
    await hp.getByTestId('care-public-submit').click();
    const mine = hp.getByTestId('care-public-requests');
    await mine.waitFor();
    await poll(() => mine.textContent()).toContain('大米10斤');
    expect(await mine.getByTestId('care-public-state').first().textContent()).toBe('等待安排');
    // the form is empty again for the next request
    expect(await hp.getByTestId('care-qty-rice').textContent()).toBe('0');
    await screenshot(hp, 'care-household-page');

    const asked = await api<{ items: CareRequest[] }>('GET', `/api/care/requests?household=${householdKey}`);
    expect(asked.items).toHaveLength(1);
    const request = asked.items[0];
    expect(request).toMatchObject({
      state: 'open',
      source: 'household',
      items: [{ kind: 'rice', quantity: 10, unit: 'jin', name: null }],
    });

    // 2. the office's desk: the request on today's board, given to the demo volunteer
    const people = await api<{
      items: { id: string; name: string; user: { id: string; username: string | null } | null }[];
    }>('GET', `/api/forces/people?unit=${SMH}&standing=volunteer&status=active&limit=200`);
    const volunteer = people.items.find((p) => p.user?.username === VOLUNTEER);
    if (!volunteer) throw new Error(`no forces person linked to ${VOLUNTEER}`);
    const desk = await openSession(browser, DESKTOP);
    const dp = desk.page;
    await deskLogin(dp, 'smh_admin', '/care');
    await dp.getByTestId('nav-care').waitFor();
    const row = dp.getByTestId(`care-row-${request.id}`);
    await row.waitFor();
    expect(await dp.getByTestId(`care-items-${request.id}`).textContent()).toBe('大米10斤');
    expect(await dp.getByTestId(`care-state-${request.id}`).getAttribute('data-state')).toBe('open');
    expect(await row.textContent()).toContain('住户扫码');
    await dp.getByTestId(`care-assign-${request.id}`).click();
    await pick(
      dp,
      'care-assign-person',
      volunteer.name,
      `person-option-${volunteer.id}`,
      '.ant-modal .ant-select',
    );
    await dp.getByTestId('care-assign-ok').click();
    await poll(() => dp.getByTestId(`care-volunteer-${request.id}`).textContent()).toContain(volunteer.name);
    await poll(() => dp.getByTestId(`care-state-${request.id}`).getAttribute('data-state')).toBe('assigned');
    await screenshot(dp, 'care-desk-board');
    // the day's list adds it up for the community
    await dp.getByTestId('care-tab-dayList').click();
    await poll(() => dp.getByTestId(`care-day-list-${SMH}`).textContent()).toContain('大米');
    expect(desk.errors).toEqual([]);
    await desk.context.close();

    // 3. the volunteer's phone: 我的配送, delivered with who received it
    const phone = await openSession(browser, PHONE);
    const vp = phone.page;
    await vp.goto(`${base()}/field/login`);
    await vp.getByTestId('login-username').fill(VOLUNTEER);
    await vp.getByTestId('login-password').fill(DEMO_PASSWORD);
    await vp.getByTestId('login-submit').click();
    await vp.getByTestId('field-care').click();
    const task = vp.getByTestId(`care-task-${request.id}`);
    await task.waitFor();
    expect(await vp.getByTestId(`care-task-items-${request.id}`).textContent()).toBe('大米10斤');
    await vp.getByTestId(`care-task-deliver-${request.id}`).click();
    await vp.getByTestId('care-deliver-popup').waitFor();
    // nobody named: said, nothing sent
    await vp.getByTestId('care-deliver-confirm').click();
    await vp.getByTestId('care-deliver-missing').waitFor();
    await vp.locator('[data-testid="care-deliver-name"] input').fill('王家属');
    await vp.getByTestId('care-deliver-confirm').click();
    await poll(() => task.textContent()).toContain('签收：王家属');
    await vp.getByTestId('care-deliver-popup').waitFor({ state: 'hidden' });
    expect(await task.getAttribute('data-state')).toBe('delivered');
    await screenshot(vp, 'care-volunteer-deliveries');

    // without a network: another request of the household (its worker's) taken on the phone waits in
    // the phone's queue, shows as taken at once, and reaches the server once when the network returns
    const more = await api<CareRequest>('POST', '/api/care/requests', {
      clientId: randomUUID(),
      householdKey,
      items: [{ kind: 'oil', quantity: 1 }],
    });
    await vp.reload();
    await vp.getByTestId('care-tab-open').click();
    await vp.getByTestId(`care-task-take-${more.id}`).waitFor();
    await vp.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await phone.context.setOffline(true);
    await vp.getByTestId('offline-flag').waitFor();
    await vp.getByTestId(`care-task-take-${more.id}`).click();
    await vp.getByTestId(`care-task-queued-${more.id}`).waitFor();
    expect(await vp.getByTestId('care-mine').getByTestId(`care-task-${more.id}`).count()).toBe(1);
    expect((await api<CareRequest>('GET', `/api/care/requests/${more.id}`)).state).toBe('open');
    await phone.context.setOffline(false);
    await vp.getByTestId('offline-queue-badge').waitFor({ state: 'detached', timeout: 30_000 });
    await vp.getByTestId(`care-task-queued-${more.id}`).waitFor({ state: 'detached' });
    const taken = await api<CareRequest>('GET', `/api/care/requests/${more.id}`);
    expect(taken.state).toBe('assigned');
    // taken on the phone: it is the volunteer's login's, named as the login is
    expect(taken.volunteer?.userId).toBe(volunteer.user?.id);
    expect(taken.history?.map((h) => h.kind)).toEqual(['created', 'taken']);
    expect(phone.errors).toEqual([]);
    await phone.context.close();

    // 4. the server: delivered by the volunteer, received by the relative; the household sees it
    const done = await api<CareRequest>('GET', `/api/care/requests/${request.id}`);
    expect(done).toMatchObject({ state: 'delivered', receivedBy: '王家属' });
    expect(done.volunteer?.name).toBe(volunteer.name);
    expect(done.history?.map((h) => h.kind)).toEqual(['created', 'assigned', 'delivered']);
    await hp.reload();
    await poll(() =>
      hp.getByTestId(`care-public-request-${request.id}`).getByTestId('care-public-state').textContent(),
    ).toBe('已送达');
    expect(household.errors).toEqual([]);
    await household.context.close();
  });

  it('the office registers a request: the server’s error on its field, then on the board; the day’s list prints on A4', async () => {
    const desk = await openSession(browser, DESKTOP);
    const dp = desk.page;
    await dp.addInitScript(() => {
      const w = window as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => {
        w.printed += 1;
      };
    });
    const before = (
      await api<{ items: CareRequest[] }>('GET', `/api/care/requests?household=${householdKey}`)
    ).items.length;
    await deskLogin(dp, 'smh_admin', '/care');
    await dp.getByTestId('care-register').click();
    await dp.getByTestId('care-household-key').fill(householdKey);
    await dp.getByTestId('care-household-key-use').click();
    await dp.getByTestId('care-household-picked').waitFor();
    await dp.getByTestId('care-item-kind-0').click();
    await dp.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '面粉' }).click();
    const quantity = dp.getByTestId('care-item-quantity-0').locator('xpath=descendant-or-self::input');
    await quantity.fill('0');
    await dp.getByTestId('care-form-submit').click();
    // the server's word, on the quantity's field
    await dp.locator('.ant-modal .ant-form-item-explain-error', { hasText: '数量应大于 0' }).waitFor();
    expect(
      (await api<{ items: CareRequest[] }>('GET', `/api/care/requests?household=${householdKey}`)).items,
    ).toHaveLength(before);
    await quantity.fill('5');
    await dp.getByTestId('care-form-submit').click();
    await dp.locator('.ant-modal').waitFor({ state: 'hidden' });
    const made = await api<{ items: CareRequest[] }>(
      'GET',
      `/api/care/requests?household=${householdKey}&state=open`,
    );
    const byOffice = made.items.filter((r) => r.source === 'worker');
    expect(byOffice.map((r) => r.items)).toEqual([[{ kind: 'flour', quantity: 5, unit: 'jin', name: null }]]);
    const id = byOffice[0].id;
    await poll(() => dp.getByTestId(`care-items-${id}`).textContent()).toBe('面粉5斤');

    // the household's panel: why it is covered, its link as a QR code
    await dp.getByTestId(`care-household-${id}`).click();
    const panel = dp.getByTestId('care-household-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('care-household-reasons').textContent()).toContain('隔离户');
    expect(await panel.getByTestId('care-link-url').textContent()).toContain(`/field/care/${token}`);
    await panel.getByTestId('care-link-qr').waitFor();
    await dp.locator('.ant-drawer-close').click();

    // the day's list, printed: the community's rice and flour, on one A4 page in portrait
    await dp.getByTestId('care-tab-dayList').click();
    await poll(() => dp.getByTestId(`care-day-list-${SMH}`).textContent()).toContain('面粉');
    await dp.getByTestId('care-day-list-print').click();
    await dp.getByTestId('care-day-list-sheet').waitFor({ state: 'attached' });
    await poll(() => dp.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await dp.emulateMedia({ media: 'print' });
    expect(await dp.locator('#root').isVisible()).toBe(false);
    expect(await dp.getByTestId('print-title').textContent()).toBe('省民航社区生活物资清单');
    const sheet = await dp.getByTestId('care-day-list-sheet').textContent();
    expect(sheet).toContain('大米');
    expect(sheet).toContain('面粉');
    const bytes = (await dp.pdf({ preferCSSPageSize: true })).toString('latin1');
    const boxes = [...bytes.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const [w, h] of boxes) expect([Math.round(w), Math.round(h)]).toEqual([595, 842]);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });
});
