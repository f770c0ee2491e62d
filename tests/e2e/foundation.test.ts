import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot } from './browser';
import { ADMIN_PASSWORD } from './server';

// The foundation as a community office uses it: log in, switch language, find 省民航社区 by its pinyin
// initials, create a grid and a building, create a grid worker for that grid; then that worker logs
// in, on the desk and on a phone, and sees that grid only.

const base = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
/** The text input of a field whether the test id sits on the input or on its wrapper. */
const inputOf = (page: Page, id: string) =>
  page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function deskLogin(page: Page, username: string, password: string) {
  await page.goto(`${base}/login`);
  await byTestId(page, 'login-username').fill(username);
  await byTestId(page, 'login-password').fill(password);
  await byTestId(page, 'login-submit').click();
  await byTestId(page, 'home-title').waitFor();
}

/** Picks a unit in a UnitPicker by typing its code. */
async function pickUnit(page: Page, testId: string, code: string) {
  await byTestId(page, testId).click();
  await page.keyboard.type(code);
  await byTestId(page, `unit-option-${code}`).click();
}

describe('the foundation in the browser', () => {
  it('lets a community office build its grid and give a grid worker that grid only', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();

    await page.goto(`${base}/login`);
    await expect(byTestId(page, 'login-submit').innerText()).resolves.toMatch(/登\s*录/);
    // the demo's users share a published password: the page says this is a demo
    await expect(byTestId(page, 'demo-notice').innerText()).resolves.toContain('WANGGE_DEMO=0');
    await screenshot(page, 'login');
    await deskLogin(page, 'admin', ADMIN_PASSWORD);

    // Chinese by default; English on request, and back.
    await expect(byTestId(page, 'nav-org').innerText()).resolves.toBe('网格管理');
    await byTestId(page, 'lang-switch').click();
    await byTestId(page, 'lang-en').click();
    await expect.poll(() => byTestId(page, 'nav-org').innerText()).toBe('Jurisdiction');
    await byTestId(page, 'lang-switch').click();
    await byTestId(page, 'lang-zh-CN').click();
    await expect.poll(() => byTestId(page, 'nav-org').innerText()).toBe('网格管理');

    // Find 省民航社区 by its pinyin initials.
    await byTestId(page, 'nav-org').click();
    await inputOf(page, 'org-search').fill('smh');
    await byTestId(page, 'org-search-hit-410105002008').click();
    await expect.poll(() => byTestId(page, 'unit-title').innerText()).toContain('省民航社区');

    // A new grid, then a building in it.
    await byTestId(page, 'create-grid').click();
    await byTestId(page, 'create-unit-name').fill('第五网格');
    await byTestId(page, 'create-unit-submit').click();
    await byTestId(page, 'children-table').getByText('第五网格').click();
    await expect.poll(() => byTestId(page, 'unit-title').innerText()).toContain('第五网格');
    const gridCode = (await byTestId(page, 'unit-code').innerText()).trim();
    expect(gridCode).toMatch(/^410105002008G\d{2}$/);
    await byTestId(page, 'create-building').click();
    await byTestId(page, 'create-unit-name').fill('民航路1号楼');
    await byTestId(page, 'create-unit-submit').click();
    await byTestId(page, 'children-table').getByText('民航路1号楼').waitFor();
    await screenshot(page, 'tree');

    // A grid worker for that grid.
    await byTestId(page, 'nav-users').click();
    await byTestId(page, 'user-create').click();
    await byTestId(page, 'user-create-username').fill('zhang_min');
    await byTestId(page, 'user-create-display-name').fill('张敏');
    await byTestId(page, 'user-create-password').fill('Wangge2021ok');
    await pickUnit(page, 'user-create-unit', gridCode);
    await byTestId(page, 'user-create-phone').fill('13903710001');
    await byTestId(page, 'user-create-submit').click();
    const row = byTestId(page, 'users-table').locator('tr', { hasText: 'zhang_min' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('139****0001');
    await row.locator('[data-testid^="user-grant-"]').click();
    await byTestId(page, 'grant-role').click();
    await page.locator('.ant-select-item-option', { hasText: '网格员' }).click();
    await pickUnit(page, 'grant-unit', gridCode);
    await byTestId(page, 'grant-submit').click();
    await expect.poll(() => row.innerText()).toContain('网格员');
    await screenshot(page, 'users');
    await context.close();

    // The grid worker sees the grid, and another community does not exist for them.
    const workerContext = await browser.newContext(DESKTOP);
    const worker = await workerContext.newPage();
    await deskLogin(worker, 'zhang_min', 'Wangge2021ok');
    await expect.poll(() => byTestId(worker, 'home-scope-name').innerText()).toContain('第五网格');
    // a common password is refused by the server, and the form shows why under the field
    await byTestId(worker, 'user-menu').click();
    await byTestId(worker, 'menu-change-password').click();
    await byTestId(worker, 'password-current').fill('Wangge2021ok');
    await byTestId(worker, 'password-new').fill('password1');
    await byTestId(worker, 'password-confirm').fill('password1');
    await byTestId(worker, 'password-submit').click();
    await worker.locator('.ant-form-item-explain-error', { hasText: '太常见' }).waitFor();
    await worker.keyboard.press('Escape');
    await worker.goto(`${base}/org/${gridCode}`);
    await byTestId(worker, 'children-table').getByText('民航路1号楼').waitFor();
    expect((await worker.request.get(`${base}/api/org/units/410103001001`)).status()).toBe(404);
    expect((await worker.request.get(`${base}/api/org/units/410105002008G01`)).status()).toBe(404);
    await worker.goto(`${base}/org/410103001001`);
    await worker.waitForLoadState('networkidle');
    expect(await byTestId(worker, 'unit-title').count()).toBe(0);
    expect(await worker.getByText('淮河社区').count()).toBe(0);
    await workerContext.close();

    // On a phone, the field entry with the same login.
    const phone = await browser.newContext(PHONE);
    const field = await phone.newPage();
    await field.goto(`${base}/field/login`);
    await byTestId(field, 'demo-notice').waitFor();
    await byTestId(field, 'login-username').fill('zhang_min');
    await byTestId(field, 'login-password').fill('Wangge2021ok');
    await byTestId(field, 'login-submit').click();
    await byTestId(field, `field-unit-${gridCode}`).waitFor();
    await expect(byTestId(field, 'field-user-name').innerText()).resolves.toContain('张敏');
    await screenshot(field, 'field');
    await phone.close();
  });
});
