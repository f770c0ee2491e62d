import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../src/domain/validators/idNumber';
import { DESKTOP, launchBrowser, screenshot } from './browser';
import { apiAs, DEMO_PASSWORD, deskLogin, login, session as openSession, poll } from './client';
import { ADMIN_PASSWORD } from './server';

// Key persons and isolation (issue 14) as a community office uses the desk: a resident of the ledger is
// registered as a key person and put under home isolation through the dialog, shows in the list on day
// 1 of 14, and has a page; a worker's check at 38.1 °C (posted as the phone would) raises the alert on
// the office's screen at once, the transfer it opened shows on the person's page and on the transfers
// board, and the office marks it picked up.

const SHENGMINHANG = '410105002008'; // 省民航社区
const OFFICE = 'e2e_iso_office';
const PERSON = '隔离江晓东';

let browser: Browser;
let admin: string;
const api = <T>(method: string, path: string, body?: unknown) => apiAs<T>(admin, method, path, body);

let residentKey = '';
let building = '';
let personId = '';

/** Picks the option of an antd select (opened by its test id) whose text is `label`. */
async function choose(page: Page, testId: string, label: string) {
  // on a loaded machine the dropdown may open late or the click land on a closing one: try until it shows
  for (let attempt = 0; ; attempt++) {
    await page.getByTestId(testId).click();
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
      .first();
    await option.waitFor({ state: 'visible' });
    await option.click();
    const chosen = await page
      .getByTestId(testId)
      .locator('.ant-select-selection-item')
      .first()
      .textContent({ timeout: 2000 })
      .catch(() => null);
    if (chosen?.includes(label) || attempt >= 2) return;
  }
}

/** The page printed to PDF: how many pages, and whether each is A4 portrait (595 × 842 pt). */
async function a4Pages(page: Page) {
  const bytes = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  const boxes = [...bytes.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  return {
    pages: (bytes.match(/\/Type\s*\/Page[^s]/g) ?? []).length,
    a4Portrait: boxes.length > 0 && boxes.every(([w, h]) => Math.abs(w - 595) < 2 && Math.abs(h - 842) < 2),
  };
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await login('admin', ADMIN_PASSWORD);
  // a building of 省民航社区 with a household of one, who is nobody's key person yet
  building = (
    await api<{ code: string }>('POST', '/api/org/units', {
      parentCode: SHENGMINHANG,
      kind: 'building',
      name: 'E2E隔离楼',
    })
  ).code;
  const household = await api<{ key: string; residents: Array<{ key: string }> }>(
    'POST',
    '/api/ledger/households',
    {
      unitCode: building,
      entrance: '1',
      door: '302',
      residents: [
        {
          name: PERSON,
          relation: 'head',
          idNumber: generateIdNumber({ regionCode: '410105', birthDate: '1979-06-12', sequence: 417 }),
        },
      ],
    },
  );
  residentKey =
    household.residents?.[0]?.key ??
    (await api<{ residents: Array<{ key: string }> }>('GET', `/api/ledger/households/${household.key}`))
      .residents[0].key;
  // the community's office
  const user = await api<{ id: string }>('POST', '/api/access/users', {
    username: OFFICE,
    displayName: '隔离社区管理员',
    password: DEMO_PASSWORD,
    homeUnitCode: SHENGMINHANG,
  });
  await api('POST', `/api/access/users/${user.id}/grants`, { role: 'unit_admin', unitCode: SHENGMINHANG });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('isolation (desk)', () => {
  it('the office registers a ledger resident under home isolation through the dialog: day 1 of 14 in the list', async () => {
    const { page, errors, context } = await openSession(browser, DESKTOP);
    await deskLogin(page, OFFICE, '/isolation');
    await page.getByTestId('nav-isolation').waitFor();
    await page.getByTestId('kp-table').waitFor();
    await page.getByTestId('register-open').click();
    const search = page.getByTestId('register-resident-search').locator('input');
    await search.fill(PERSON);
    await search.press('Enter');
    await page.getByTestId(`register-resident-${residentKey}`).click();
    await poll(() => page.getByTestId('register-resident-picked').textContent()).toContain(PERSON);
    await choose(page, 'register-category', '重点地区返回');
    await choose(page, 'register-source', '入户排查');
    await choose(page, 'register-travel-place', '武汉市');
    // the category's first measure is offered: home isolation
    expect(
      await page
        .locator('.ant-radio-button-wrapper-checked [data-testid="measure-kind-home_isolation"]')
        .count(),
    ).toBe(1);
    await choose(page, 'measure-responsible', '隔离社区管理员');
    await page.getByTestId('measure-door-alarm').click();
    await screenshot(page, 'isolation-register');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('register-modal').waitFor({ state: 'hidden' });

    const row = page.locator('[data-testid="kp-table"] tr.ant-table-row', { hasText: PERSON });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('居家隔离');
    expect(await row.textContent()).toContain('第 1 天 / 共 14 天');
    expect(await row.textContent()).toContain('隔离社区管理员');
    expect(await row.textContent()).toContain('E2E隔离楼');
    // its ID number masked in the list
    expect(await row.textContent()).toMatch(/\*{6,}/);
    const list = await api<{
      items: Array<{ id: string; name: string; measure: string; residentId: string }>;
    }>('GET', `/api/isolation/key-persons?unit=${SHENGMINHANG}&q=${encodeURIComponent(PERSON)}`);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ measure: 'home_isolation', residentId: residentKey });
    personId = list.items[0].id;
    await screenshot(page, 'isolation-list');

    // the person's page
    await page.getByTestId(`kp-link-${personId}`).click();
    await poll(() => page.getByTestId('person-name').textContent()).toBe(PERSON);
    expect(await page.getByTestId('person-period').textContent()).toBe('第 1 天 / 共 14 天');
    expect(await page.getByTestId('person-header').textContent()).toContain('门磁报警');
    expect(await page.getByTestId('person-timeline').textContent()).toContain('开始居家隔离');
    // releasing on day 1 is refused: the server's reason shows on the date
    await page.getByTestId('measure-end').click();
    await page.getByTestId('end-signed-off-by').fill('王医生');
    await page.getByTestId('end-submit').click();
    await poll(() => page.locator('.ant-modal .ant-form-item-explain-error').textContent()).toContain(
      '未到解除日期',
    );
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a check at 38.1 °C alerts the office at once; the transfer shows on the page and the board and is picked up', async () => {
    const { page, errors, context } = await openSession(browser, DESKTOP);
    await page.addInitScript(() => {
      const w = window as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => {
        w.printed += 1;
      };
    });
    await deskLogin(page, OFFICE, '/isolation');
    await poll(() =>
      page.locator('[data-testid="kp-table"] tr.ant-table-row', { hasText: PERSON }).count(),
    ).toBe(1);
    // the worker's check, as the phone posts it
    const office = await login(OFFICE, DEMO_PASSWORD);
    await apiAs(office, 'POST', `/api/isolation/key-persons/${personId}/checks`, {
      clientId: crypto.randomUUID(),
      how: 'door',
      temperatureC: 38.1,
      mood: 'fair',
    });
    const notice = page.locator('.ant-notification-notice', { hasText: PERSON });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`${PERSON} 体温 38.1℃，已生成转运单`);
    // the list follows: the fever flag
    await page.getByTestId(`kp-fever-${personId}`).waitFor();
    await screenshot(page, 'isolation-alert');
    await page.getByTestId(`isolation-alert-open-${personId}`).click();
    await page.waitForURL((url) => url.pathname === `/isolation/${personId}`);

    const { transfers } = await api<{ transfers: Array<{ id: string; state: string }> }>(
      'GET',
      `/api/isolation/key-persons/${personId}`,
    );
    expect(transfers).toHaveLength(1);
    const transfer = transfers[0].id;
    await poll(() => page.getByTestId(`transfer-state-${transfer}`).textContent()).toBe('待转运');
    expect(await page.getByTestId('person-fever').textContent()).toBe('发热');
    expect(await page.getByTestId('checks-table').textContent()).toContain('38.1℃');
    expect(Number(await page.getByTestId('temperature-chart').getAttribute('data-points'))).toBe(1);
    await page.locator('[data-testid="temperature-chart"] canvas').waitFor();
    await screenshot(page, 'isolation-person');

    // the home-isolation notice, printed
    await page.getByTestId('notice-print').click();
    await poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await page.getByTestId('notice-sheet').textContent()).toContain(PERSON);
    expect(await page.getByTestId('notice-period').textContent()).toContain('共 14 天');
    expect(await page.getByTestId('notice-address').textContent()).toBe('E2E隔离楼 1单元 302');
    // printed alone, on one A4 portrait page
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#root').isVisible()).toBe(false);
    expect(await page.getByTestId('notice-sheet').isVisible()).toBe(true);
    const sheet = await a4Pages(page);
    expect(sheet).toEqual({ pages: 1, a4Portrait: true });
    await page.emulateMedia({ media: 'screen' });

    // the transfers board: the office marks it picked up
    await page.goto(`${page.url().split('/isolation')[0]}/isolation?tab=transfers`);
    const board = page.getByTestId('transfers-table');
    await poll(() => board.textContent()).toContain(PERSON);
    await page.getByTestId(`transfer-pickup-${transfer}`).click();
    await page.getByTestId('transfer-destination').fill('金水区发热门诊');
    await page.getByTestId('transfer-escort').fill('李卫东');
    await page.getByTestId('transfer-submit').click();
    await poll(() => page.getByTestId(`transfer-state-${transfer}`).textContent()).toBe('已接走');
    expect(await page.getByTestId(`transfer-${transfer}`).textContent()).toContain('金水区发热门诊');
    await screenshot(page, 'isolation-transfers');
    const after = await api<{
      transfers: Array<{ id: string; state: string; destination: string; escort: string }>;
    }>('GET', `/api/isolation/key-persons/${personId}`);
    expect(after.transfers[0]).toMatchObject({
      state: 'picked_up',
      destination: '金水区发热门诊',
      escort: '李卫东',
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('somebody not in the ledger is registered without a measure, then put in a room of the isolation site', async () => {
    const name = '隔离外来人';
    const { page, errors, context } = await openSession(browser, DESKTOP);
    await deskLogin(page, OFFICE, '/isolation');
    await page.getByTestId('register-open').click();
    await page.getByTestId('register-mode-typed').click();
    await page.getByTestId('register-name').fill(name);
    // not a valid ID number: the server names the field
    await page.getByTestId('register-id-number').fill('410105197906124170');
    await page.getByTestId('register-phone').fill('13903710417');
    await page.getByTestId('register-unit').click();
    await page.keyboard.type(building);
    await page.getByTestId(`unit-option-${building}`).click();
    await choose(page, 'register-category', '外地来（返）人员');
    await choose(page, 'register-source', '主动报告');
    await page.getByTestId('register-with-measure').click();
    await page.getByTestId('register-submit').click();
    await poll(() => page.locator('.ant-modal .ant-form-item-explain-error').textContent()).toContain(
      '身份证号不正确',
    );
    await page
      .getByTestId('register-id-number')
      .fill(generateIdNumber({ regionCode: '420106', birthDate: '1988-11-02', sequence: 233 }));
    await page.getByTestId('register-submit').click();
    await page.getByTestId('register-modal').waitFor({ state: 'hidden' });
    // among those under no measure
    await choose(page, 'kp-measure', '未采取措施');
    const row = page.locator('[data-testid="kp-table"] tr.ant-table-row', { hasText: name });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('未采取措施');
    expect(await row.textContent()).toContain('****0417');
    await row.getByRole('link', { name }).click();
    await poll(() => page.getByTestId('person-name').textContent()).toBe(name);

    // centralised isolation, at the district's site, room 103
    await page.getByTestId('measure-start').click();
    await page.getByTestId('measure-kind-centralised').click();
    await choose(page, 'measure-site', '金水区集中隔离点');
    await choose(page, 'measure-room', '103（0/1）');
    await page.getByTestId('measure-submit').click();
    await poll(() => page.getByTestId('person-measure').textContent()).toContain('集中隔离');
    expect(await page.getByTestId('person-header').textContent()).toContain('金水区集中隔离点 103');
    // 14 days for an inbound traveller by the rule
    expect(await page.getByTestId('person-period').textContent()).toBe('第 1 天 / 共 14 天');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the isolation sites show beds and rooms; rooms are added as a range, the existing ones left out', async () => {
    const { items } = await api<{ items: Array<{ id: string; name: string; rooms: number }> }>(
      'GET',
      '/api/isolation/sites',
    );
    const site = items.find((s) => s.name === '金水区集中隔离点');
    expect(site?.rooms).toBe(20); // 101–120 in the demo city
    const id = site?.id as string;
    const { page, errors, context } = await openSession(browser, DESKTOP);
    await deskLogin(page, 'admin', '/isolation?tab=sites', ADMIN_PASSWORD);
    await poll(() => page.getByTestId(`site-${id}`).textContent()).toContain('金水区集中隔离点');
    await page.getByTestId(`site-add-rooms-${id}`).click();
    await page.getByTestId('rooms-names').fill('118-123');
    await poll(() => page.getByTestId('rooms-preview').textContent()).toBe('将添加 3 个房间：121、122、123');
    expect(await page.getByTestId('rooms-known').textContent()).toContain('118、119、120');
    await page.getByTestId('rooms-submit').click();
    await poll(() => page.getByTestId(`site-${id}`).textContent()).toContain('23');
    await page.locator(`[data-testid="site-${id}"] .ant-table-row-expand-icon`).click();
    await page.getByTestId('room-123').waitFor();
    expect(await page.getByTestId('room-123').textContent()).toBe('123 0/1');
    await screenshot(page, 'isolation-sites');
    const rooms = await api<{ rooms: Array<{ name: string; occupied: number }> }>(
      'GET',
      `/api/isolation/sites/${id}/rooms`,
    );
    expect(rooms.rooms.map((r) => r.name)).toEqual(expect.arrayContaining(['121', '122', '123']));
    expect(rooms.rooms).toHaveLength(23);
    expect(rooms.rooms.find((r) => r.name === '103')).toMatchObject({ occupied: 1 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
