import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../src/domain/validators/idNumber';
import { DESKTOP, launchBrowser, PHONE, screenshot } from './browser';
import { apiAs, base, DEMO_PASSWORD, deskLogin, login, session as openSession, poll } from './client';
import { ADMIN_PASSWORD } from './server';

// Seeing and finding (issue 10), as the users do it: the city command opens 入户排查 and reads a
// campaign's progress, and its ledger rows name their street and community; a household's visits in
// the desk's drawer (无人在家 and a visit that changed nothing too); on a phone, a grid worker searches a
// campaign's doors by name, pinyin and door, jumps to a building and calls a resident after the audited
// reveal; the ledger's page lives in the address, with a total and a jump.

const SMH = '410105002008'; // 省民航社区
const STREET = '410105002'; // 花园路街道
const GRID1 = '410105002008G01'; // smh_grid1's grid

let browser: Browser;
let admin: string;
const api = <T>(method: string, path: string, body?: unknown) => apiAs<T>(admin, method, path, body);
const session = (options: typeof DESKTOP | typeof PHONE) => openSession(browser, options);
const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

let seq = 0;
function idNumber(): string {
  seq += 1;
  return generateIdNumber({
    regionCode: '410105',
    birthDate: new Date(Date.UTC(1962, 6, seq)).toISOString().slice(0, 10),
    sequence: 700 + seq,
  });
}

async function unit(parentCode: string, kind: string, name: string) {
  return (await api<{ code: string }>('POST', '/api/org/units', { parentCode, kind, name })).code;
}

async function household(unitCode: string, entrance: string, door: string, residents: object[]) {
  return (
    await api<{ key: string }>('POST', '/api/ledger/households', { unitCode, entrance, door, residents })
  ).key;
}

let today: string;
let first: string; // E2E查找1号楼
let second: string; // E2E查找2号楼
let pages: string; // E2E翻页楼: 53 households
let campaign: string;
let puyang: { household: string; resident: string };
let neighbour: string; // 2号楼 1单元 201

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await login('admin', ADMIN_PASSWORD);
  ({ today } = await api<{ today: string }>('GET', '/api/ledger/day'));
  const children = await api<{ items: { code: string; kind: string }[] }>(
    'GET',
    `/api/org/units/${GRID1}/children`,
  );
  const yard = children.items.find((u) => u.kind === 'courtyard')?.code ?? GRID1;
  const grid = await unit(SMH, 'grid', 'E2E查找网格');
  first = await unit(grid, 'building', 'E2E查找1号楼');
  second = await unit(grid, 'building', 'E2E查找2号楼');
  pages = await unit(yard, 'building', 'E2E翻页楼');
  const key = await household(first, '1', '101', [
    { name: '濮阳明德', relation: 'head', idNumber: idNumber(), phone: '13803710101' },
  ]);
  const detail = await api<{ residents: { key: string }[] }>('GET', `/api/ledger/households/${key}`);
  puyang = { household: key, resident: detail.residents[0].key };
  await household(first, '1', '102', [{ name: '欧阳娜娜', relation: 'head', idNumber: idNumber() }]);
  neighbour = await household(second, '1', '201', [
    { name: '司马青', relation: 'head', idNumber: idNumber() },
  ]);
  await household(second, '1', '202', [{ name: '诸葛亮明', relation: 'head', idNumber: idNumber() }]);
  for (let i = 1; i <= 53; i++) {
    const floor = Math.ceil(i / 4);
    await household(pages, '1', `${floor}0${((i - 1) % 4) + 1}`, [
      { name: `翻页${String(i).padStart(2, '0')}`, idNumber: idNumber() },
    ]);
  }
  campaign = (
    await api<{ id: string }>('POST', '/api/ledger/campaigns', {
      unitCode: grid,
      name: 'E2E查找排查',
      startsOn: today,
    })
  ).id;
  // the grid worker of this grid knocks twice at 濮阳明德's door: nobody home, then a fever and a note
  const worker = 'e2e_find_grid';
  const user = await api<{ id: string }>('POST', '/api/access/users', {
    username: worker,
    displayName: '查找网格员',
    password: DEMO_PASSWORD,
    homeUnitCode: grid,
  });
  await api('POST', `/api/access/users/${user.id}/grants`, { role: 'grid_worker', unitCode: grid });
  const cookie = await login(worker, DEMO_PASSWORD);
  const visit = (body: object) =>
    apiAs(cookie, 'POST', '/api/ledger/visits', {
      clientId: crypto.randomUUID(),
      campaignId: campaign,
      householdKey: puyang.household,
      ...body,
    });
  await visit({ outcome: 'nobody_home' });
  await visit({
    outcome: 'visited',
    notes: '晚上八点后在家',
    residents: [{ key: puyang.resident, present: true, temperatureC: 38.1, symptoms: ['cough'] }],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('the command', () => {
  it('opens 入户排查 and reads the progress, without starting or closing; its rows name street and community', async () => {
    const { context, page, errors } = await session(DESKTOP);
    await deskLogin(page, 'zhihuibu', '/');
    await page.getByTestId('nav-screening').click();
    await page.waitForURL(/\/screening/);
    await page.getByTestId(`campaign-open-${campaign}`).click();
    await poll(() => text(page, 'progress-total')).toContain('4');
    await poll(() => text(page, 'progress-visited')).toContain('1');
    expect(await page.getByTestId('campaign-submit').count()).toBe(0);
    expect(await page.getByTestId(`campaign-close-${campaign}`).count()).toBe(0);
    await screenshot(page, 'screening-command');

    const street = (await api<{ name: string }>('GET', `/api/org/units/${STREET}`)).name;
    const community = (await api<{ name: string }>('GET', `/api/org/units/${SMH}`)).name;
    await page.goto(`${base()}/ledger?unit=${first}`);
    await poll(() => text(page, `household-within-${puyang.household}`)).toBe(`${street} ${community}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("a household's visits on the desk", () => {
  it('shows every knock in the drawer: nobody home, then who, when, the temperature, symptoms and notes', async () => {
    const { context, page, errors } = await session(DESKTOP);
    await deskLogin(page, 'smh_admin', `/ledger?unit=${first}&h=${puyang.household}`);
    const visits = page.getByTestId('household-visits');
    await visits.waitFor();
    const items = visits.locator('[data-outcome]');
    await poll(() => items.count()).toBe(2);
    expect(await items.nth(0).getAttribute('data-outcome')).toBe('visited');
    expect(await items.nth(1).getAttribute('data-outcome')).toBe('nobody_home');
    const latest = (await items.nth(0).textContent()) ?? '';
    expect(latest).toContain('E2E查找排查');
    expect(latest).toContain('38.1');
    expect(latest).toContain('咳');
    expect(latest).toContain('晚上八点后在家');
    expect(latest).toContain('查找网格员');
    expect((await items.nth(1).textContent()) ?? '').toContain('无人在家');
    await visits.scrollIntoViewIfNeeded();
    await screenshot(page, 'household-visits');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("a campaign's doors on a phone", () => {
  it('searches by name, pinyin and door, jumps to a building, and calls after the audited reveal', async () => {
    const { context, page, errors } = await session(PHONE);
    await page.goto(
      `${base()}/field/login?next=${encodeURIComponent(`/field/screening/${campaign}?status=all`)}`,
    );
    await page.getByTestId('login-username').fill('e2e_find_grid');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    const doors = page.getByTestId('field-doors').locator('[data-testid^="field-door-"]');
    await poll(() => doors.count()).toBe(4);
    const search = page.getByTestId('field-door-search').locator('input');

    for (const q of ['濮阳', 'puyangmingde', 'pymd']) {
      await search.fill(q);
      await poll(() => doors.count()).toBe(1);
      expect(await doors.first().getAttribute('data-testid')).toBe(`field-door-${puyang.household}`);
    }
    await search.fill('1-201');
    await poll(() => doors.first().getAttribute('data-testid')).toBe(`field-door-${neighbour}`);
    expect(await doors.count()).toBe(1);
    // the search is in the address: a reload keeps it
    await poll(() => new URL(page.url()).searchParams.get('q')).toBe('1-201');
    await page.reload();
    await poll(() => doors.count()).toBe(1);
    await page.getByTestId('field-door-search').locator('input').fill('');
    await poll(() => doors.count()).toBe(4);

    // jump to the second building: only its doors
    await page.getByTestId('field-jump').click();
    await page.getByTestId(`field-jump-${second}`).click();
    await poll(() => doors.count()).toBe(2);
    expect(await page.getByTestId(`field-building-${second}`).count()).toBe(1);
    expect(await text(page, 'field-jump')).toBe('E2E查找2号楼');
    await page.getByTestId('field-jump').click();
    await page.getByTestId('field-jump-all').click();
    await poll(() => doors.count()).toBe(4);

    // the phone: masked, revealed (audited), then one tap to call
    await page.getByTestId(`field-phones-${puyang.household}`).click();
    const line = page.getByTestId(`field-phone-${puyang.resident}`);
    await poll(() => line.textContent()).toContain('138****0101');
    expect(page.url()).toContain(`/field/screening/${campaign}`); // the door itself did not open
    await page.getByTestId(`field-reveal-${puyang.resident}`).click();
    const call = page.getByTestId(`field-call-${puyang.resident}`);
    await poll(() => call.getAttribute('href')).toBe('tel:13803710101');
    await screenshot(page, 'field-doors-call');
    const audit = await api('GET', '/api/audit?action=pii.revealed');
    expect(JSON.stringify(audit)).toContain(`resident:${puyang.resident}`);
    await page.getByTestId('field-phones-close').click();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("the ledger's pages", () => {
  it('keeps the page in the address across a reload and back, shows the total, and jumps', async () => {
    const { context, page, errors } = await session(DESKTOP);
    await deskLogin(page, 'smh_admin', `/ledger?unit=${pages}`);
    const rows = page.getByTestId('ledger-table').locator('tr[data-testid^="household-row-"]');
    await poll(() => rows.count()).toBe(50);
    await poll(() => text(page, 'ledger-total')).toBe('共 53 户');
    const firstRow = await rows.first().getAttribute('data-testid');

    await page.getByTestId('ledger-pagination').locator('.ant-pagination-next').click();
    await poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
    await poll(() => rows.count()).toBe(3);
    expect(new URL(page.url()).searchParams.get('after')).toBeTruthy();
    await page.reload();
    await poll(() => rows.count()).toBe(3);
    await poll(() => page.locator('.ant-pagination-item-active').textContent()).toBe('2');
    await page.goBack();
    await poll(() => rows.count()).toBe(50);
    expect(await rows.first().getAttribute('data-testid')).toBe(firstRow);

    // the quick jumper: to page 2 by number, then back to page 1 through "previous" (a page before a row)
    const jumper = page
      .getByTestId('ledger-pagination')
      .locator('.ant-pagination-options-quick-jumper input');
    await jumper.fill('2');
    await jumper.press('Enter');
    await poll(() => rows.count()).toBe(3);
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    await page.getByTestId('ledger-pagination').locator('.ant-pagination-prev').click();
    await poll(() => rows.count()).toBe(50);
    expect(await rows.first().getAttribute('data-testid')).toBe(firstRow);

    // a search is counted too, and starts again at page 1
    await page.getByTestId('ledger-search').fill('翻页0');
    await poll(() => text(page, 'ledger-total')).toBe('共 9 户');
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();

    // each marker its own symbol, in the legend
    const symbols = await page
      .getByTestId('marker-legend')
      .locator('[data-symbol]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-symbol')));
    expect(symbols).toHaveLength(7);
    expect(new Set(symbols).size).toBe(7);
    expect(errors).toEqual([]);
    await context.close();
  });
});
