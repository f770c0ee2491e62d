import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE } from './browser';

// The web app driven as its users drive it: a community office worker on the desk, a command centre
// leader switching scope, a grid worker on a phone. Against the real server with the demo city.

const DEMO_PASSWORD = 'Wangge2020';
const base = () => inject('baseURL');
/** retry an assertion while the page loads */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function session(
  options: typeof DESKTOP | typeof PHONE,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

async function deskLogin(page: Page, username: string, next = '/') {
  await page.goto(`${base()}${next}`);
  await page.waitForURL(/\/login\?next=/, { timeout: 15_000 }).catch(async (err: Error) => {
    throw new Error(
      `not sent to /login from ${next}: at ${page.url()}, showing ${((await page.locator('body').textContent()) ?? '').slice(0, 300)}`,
      { cause: err },
    );
  });
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
}

describe('desk', () => {
  it('signs in (showing the server error first), keeps the asked-for page, switches language', async () => {
    const { context, page, errors } = await session(DESKTOP);
    await page.goto(`${base()}/org`);
    await page.waitForURL(/\/login\?next=%2Forg/);
    await page.getByTestId('login-username').fill('smh_admin');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');

    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/org$/);
    await poll(() => page.getByTestId('unit-title').textContent()).toBe('省民航社区');

    await page.getByTestId('lang-en').click();
    await poll(() => page.getByTestId('nav-org').textContent()).toBe('Jurisdiction');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'lang')?.value).toBe('en');
    // the server now answers in English too
    const res = await page.request.get(`${base()}/api/org/units/999999`);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/[a-z]/i);
    await page.getByTestId('lang-zh-CN').click();
    await poll(() => page.getByTestId('nav-org').textContent()).toBe('网格管理');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('builds a grid, courtyard and building, refuses to delete a non-empty unit, moves and deletes', async () => {
    const { context, page, errors } = await session(DESKTOP);
    await deskLogin(page, 'smh_admin', '/org/410105002008');
    await poll(() => page.getByTestId('unit-title').textContent()).toBe('省民航社区');

    const create = async (kind: 'grid' | 'courtyard' | 'building', name: string) => {
      await page.getByTestId(`create-${kind}`).click();
      await page.getByTestId('create-unit-name').fill(name);
      await page.getByTestId('create-unit-submit').click();
      await page.getByTestId('children-table').getByRole('link', { name }).waitFor();
      // the dialog has closed (it holds the focus while it animates)
      await page.getByTestId('create-unit-name').waitFor({ state: 'hidden' });
    };
    const open = async (name: string) => {
      await page.getByTestId('children-table').getByRole('link', { name }).click();
      await poll(() => page.getByTestId('unit-title').textContent()).toBe(name);
    };

    await create('grid', 'E2E网格');
    await open('E2E网格');
    await create('courtyard', 'E2E小区');
    await open('E2E小区');
    await create('building', 'E2E楼');

    // not empty: the server's 409 message is shown
    await page.getByTestId('delete-unit').click();
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/api/org/units/')),
      page.getByTestId('delete-unit-confirm').click(),
    ]);
    expect(refused.status()).toBe(409);
    await page.locator('.ant-message').getByText('不能删除').waitFor();

    // move the building up to the community
    await open('E2E楼');
    await page.getByTestId('move-unit').click();
    await page.getByTestId('move-unit-parent').click();
    await page.locator('[data-testid="unit-option-410105002008"]').click();
    await page.getByTestId('move-unit-submit').click();
    await page.getByTestId('move-unit-parent').waitFor({ state: 'hidden' });
    await poll(() => page.getByTestId('unit-trail').textContent()).not.toContain('E2E小区');

    // delete all three, leaves first
    for (const name of ['E2E楼', 'E2E小区', 'E2E网格']) {
      await page.getByTestId('org-search').fill(name);
      await page.locator('[data-testid^="org-search-hit-"]:visible', { hasText: name }).first().click();
      await poll(() => page.getByTestId('unit-title').textContent()).toBe(name);
      await page.getByTestId('delete-unit').click();
      await page.getByTestId('delete-unit-confirm').click();
      await page.locator('.ant-message').getByText(`已删除“${name}”`).waitFor();
      await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('creates a user, reveals the phone, grants a role and sees it in the audit log', async () => {
    const { context, page, errors } = await session(DESKTOP);
    await deskLogin(page, 'smh_admin', '/access/users');
    const username = `e2e${Date.now() % 1e8}`;
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-create-username').fill(username);
    await page.getByTestId('user-create-display-name').fill('端到端用户');
    await page.getByTestId('user-create-password').fill('E2ePass2020');
    await page.getByTestId('user-create-phone').fill('13912345678');
    await page.getByTestId('user-create-submit').click();
    await page.locator('.ant-message').getByText('已新建用户').waitFor();

    await page.getByTestId('users-filter').fill(username);
    const row = page.getByTestId('users-table').locator('tr.ant-table-row', { hasText: username });
    await poll(() => row.textContent()).toContain('139****5678');
    await row.locator('[data-testid^="reveal-phone-"]').click();
    await poll(() => row.textContent()).toContain('13912345678');

    await row.locator('[data-testid^="user-grant-"]').click();
    await page.getByTestId('grant-role').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '网格员' }).click();
    await page.getByTestId('grant-unit').click();
    await page.keyboard.type('dy');
    await page.locator('[data-testid="unit-option-410105002008G01"]').click();
    await page.getByTestId('grant-submit').click();
    await poll(() => row.textContent()).toContain('网格员 · 第一网格');

    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-action-filter').click();
    await page.keyboard.type('查看'); // the list is long: narrow it as a user would
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '查看个人信息' })
      .click();
    await poll(() => page.getByTestId('audit-table').locator('tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a command-centre leader sees no write buttons and can narrow the scope', async () => {
    const { context, page, errors } = await session(DESKTOP);
    await deskLogin(page, 'zhihuibu');
    await poll(() => page.getByTestId('home-scope-name').textContent()).toBe('郑州市');
    await page.getByTestId('scope-switcher').click();
    await page.locator('.ant-select-tree-switcher').first().click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '金水区' }).click();
    await poll(() => page.getByTestId('home-scope-name').textContent()).toBe('金水区');
    await page.getByTestId('nav-org').click();
    await poll(() => page.getByTestId('unit-title').textContent()).toBe('金水区');
    expect(await page.locator('[data-testid^="create-"]').count()).toBe(0);
    expect(await page.getByTestId('nav-users').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('phone', () => {
  it('a grid worker signs in on /field and walks down the tree; the desk points phones to /field', async () => {
    const { context, page, errors } = await session(PHONE);
    await page.goto(`${base()}/field`);
    await page.waitForURL(/\/field\/login/);
    await page.getByTestId('login-username').fill('smh_grid1');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await poll(() => page.getByTestId('field-user-name').textContent()).toBe('省民航第一网格员');

    await page.getByTestId('field-unit-410105002008G01').click();
    await poll(() => page.getByTestId('unit-title').textContent()).toContain('第一网格');
    expect(await page.getByTestId('field-trail').textContent()).toContain('省民航社区');
    await page.getByTestId('field-children').locator('[data-testid^="field-unit-"]').first().click();
    await poll(() => page.getByTestId('unit-title').textContent()).toContain('1区1号院');

    await page.goto(`${base()}/`);
    await page.getByTestId('phone-hint-link').click();
    await page.waitForURL(/\/field$/);
    await page.getByTestId('field-logout').click();
    await page.waitForURL(/\/field\/login/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
