import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot } from './browser';
import { apiAs, base, deskLogin, login, session as openSession, poll } from './client';
import { ADMIN_PASSWORD } from './server';

// The forces registry, organisation and 包保 (issue 4) as a community office uses them: a sent-down cadre
// registered (a wrong phone refused on its field), a people sheet with one bad row (its row and column
// shown, nothing imported), a temporary party branch with a secretary and a member, and 包保 for a grid
// that nobody answered for (the red flag goes).

const SMH = '410105002008'; // 省民航社区

let browser: Browser;
let admin: string;
const api = <T>(method: string, path: string, body?: unknown) => apiAs<T>(admin, method, path, body);
const session = (options: typeof DESKTOP | typeof PHONE) => openSession(browser, options);

/** Types into an antd Select found by its test id and picks the option with this test id. */
async function pick(page: Page, selectTestId: string, text: string, optionTestId: string) {
  const select = page.getByTestId(selectTestId);
  await select.click();
  await page.keyboard.type(text);
  await page.getByTestId(optionTestId).click();
}

async function sheet(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员名册');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface ResponsibilityView {
  children: { code: string; name: string; kind: string; unanswered: boolean }[];
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await login('admin', ADMIN_PASSWORD);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the forces on the desk', () => {
  it('a community office registers a sent-down cadre, imports a list, sets up a branch and assigns 包保', async () => {
    const { context, page, errors } = await session(DESKTOP);
    await deskLogin(page, 'smh_admin', '/forces');

    // the registry with the demo people
    await page.getByTestId('people-table').locator('tr[data-row-key]').first().waitFor();
    await screenshot(page, 'forces-registry');

    // a sent-down cadre: a wrong phone is refused on its field, then the right one is taken
    await page.getByTestId('person-create').first().click();
    const drawer = page.getByTestId('person-form-drawer');
    await drawer.getByTestId('person-form-name').fill('江下沉');
    await drawer.getByText('干部', { exact: true }).click();
    await drawer.getByText('党员', { exact: true }).click();
    await drawer.getByTestId('person-form-phone').fill('1381234');
    await drawer.getByTestId('person-form-home').fill('河南省民航发展局');
    await drawer.getByTestId('person-form-sent-down').fill('2020-01-28');
    await drawer.getByText('登记', { exact: true }).click();
    await drawer.getByTestId('person-form-submit').click();
    await drawer.locator('.ant-form-item-explain-error', { hasText: '手机号格式不正确' }).waitFor();
    await drawer.getByTestId('person-form-phone').fill('13903712468');
    await drawer.getByTestId('person-form-submit').click();
    await page.waitForURL(/[?&]person=\d+/);
    const cadreId = new URL(page.url()).searchParams.get('person') as string;
    const person = page.getByTestId('person-drawer');
    await person.getByTestId('person-phone').waitFor();
    expect(await person.getByTestId('person-phone').textContent()).toBe('139****2468');
    await person.getByTestId('reveal-person-phone').click();
    await poll(async () => (await person.getByTestId('person-phone').textContent())?.trim()).toBe(
      '13903712468',
    );
    // the cadre works as the grid worker of grid 1: their login is linked, so their shifts reach it
    const users = await api<{ items: { id: string | number; username: string }[] }>(
      'GET',
      '/api/access/users?q=smh_grid1',
    );
    const grid1 = users.items.find((u) => u.username === 'smh_grid1');
    await person.getByTestId('person-login-change').click();
    await person.getByTestId('person-login-select').click();
    await page.keyboard.type('smh_grid1');
    // the list narrows to that login once the search has answered
    await poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').count()).toBe(1);
    await page.getByTestId(`login-option-${grid1?.id}`).click();
    await poll(async () => (await person.getByTestId('person-login').textContent())?.trim()).toBe(
      'smh_grid1',
    );
    await screenshot(page, 'forces-person');
    await person.locator('.ant-drawer-close').click();
    await person.waitFor({ state: 'hidden' });

    // a people sheet with one bad row: its row and column are shown and nobody is imported
    const before = (
      await api<{ items: unknown[] }>('GET', `/api/forces/people?unit=${SMH}&q=%E5%AF%BC%E5%85%A5`)
    ).items.length;
    const header = ['姓名', '性别', '手机号', '类别', '原单位', '技能'];
    const rows = [
      ['导入赵', '男', '13903710001', '志愿者', '', '驾驶'],
      ['导入钱', '女', '1390371', '党员', '', '医疗'],
    ];
    await page.getByTestId('people-import-file').setInputFiles({
      name: '人员.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await sheet([header, ...rows]),
    });
    const errorsTable = page.getByTestId('people-import-errors');
    await errorsTable.waitFor();
    const cells = await errorsTable.locator('tbody tr.ant-table-row td').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['3', '手机号']);
    await screenshot(page, 'forces-import-errors');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    expect(
      (await api<{ items: unknown[] }>('GET', `/api/forces/people?unit=${SMH}&q=%E5%AF%BC%E5%85%A5`)).items,
    ).toHaveLength(before);
    // fixed, it goes in
    rows[1][2] = '13903710002';
    await page.getByTestId('people-import-file').setInputFiles({
      name: '人员.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await sheet([header, ...rows]),
    });
    await page.locator('.ant-message-notice', { hasText: '已导入 2 人' }).waitFor();

    // a temporary party branch at the testing site, with the cadre as its secretary and a member
    await page.getByTestId('forces-tab-groups').click();
    await page.waitForURL(/\/forces\/groups/);
    await page.getByTestId('group-create').click();
    await page.getByTestId('group-create-name').fill('省民航核酸采样点临时党支部');
    await page.getByTestId('group-create-facility').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '省民航社区核酸采样点' })
      .click();
    await page.getByTestId('group-create-date').fill('2020-01-30');
    await page.getByTestId('group-create-submit').click();
    await page.waitForURL(/[?&]group=\d+/);
    const groupId = new URL(page.url()).searchParams.get('group') as string;
    const group = page.getByTestId('group-drawer');
    await pick(page, 'group-member-person', '江下沉', `person-option-${cadreId}`);
    await group.getByTestId('group-member-role').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '书记' }).click();
    await group.getByTestId('group-member-add').click();
    await group.getByTestId('group-members').locator('tr', { hasText: '江下沉' }).waitFor();
    const zhao = (
      await api<{ items: { id: string }[] }>(
        'GET',
        `/api/forces/people?unit=${SMH}&q=%E5%AF%BC%E5%85%A5%E8%B5%B5`,
      )
    ).items[0].id;
    await pick(page, 'group-member-person', '导入赵', `person-option-${zhao}`);
    await group.getByTestId('group-member-add').click();
    await group.getByTestId('group-members').locator('tr', { hasText: '导入赵' }).waitFor();
    await group.locator('.ant-drawer-close').click();
    await page.getByTestId('group-drawer').waitFor({ state: 'hidden' });
    await poll(async () => (await page.getByTestId(`group-head-${groupId}`).textContent())?.trim()).toBe(
      '江下沉',
    );
    expect(await page.getByTestId(`group-members-${groupId}`).textContent()).toContain('2');
    await screenshot(page, 'forces-groups');

    // 包保: a grid nobody answers for gets a committee member, and its red flag goes
    const view = await api<ResponsibilityView>('GET', `/api/forces/responsibility/${SMH}?below=0`);
    const grid = view.children.find((c) => c.kind === 'grid' && c.unanswered);
    expect(grid).toBeDefined();
    const code = grid?.code as string;
    await page.getByTestId('forces-tab-responsibility').click();
    await page.waitForURL(/\/forces\/responsibility/);
    await page.getByTestId(`resp-unanswered-${code}`).waitFor();
    await page.getByTestId('resp-below').waitFor();
    await screenshot(page, 'forces-responsibility');
    await page.getByTestId(`resp-assign-${code}`).click();
    await pick(page, 'resp-assign-person', '江下沉', `person-option-${cadreId}`);
    await page.getByTestId('resp-assign-submit').click();
    await page.getByTestId(`resp-row-${code}`).locator('a', { hasText: '江下沉' }).waitFor();
    expect(await page.getByTestId(`resp-unanswered-${code}`).count()).toBe(0);
    await screenshot(page, 'forces-responsibility-assigned');

    // the tree page and the ledger say who answers for the grid
    await page.goto(`${base()}/org/${code}`);
    await page.getByTestId('responsible-tag').waitFor();
    expect(await page.getByTestId('responsible-tag').textContent()).toContain('江下沉（社区两委）');
    await page.goto(`${base()}/ledger?unit=${code}`);
    await poll(async () => (await page.getByTestId('responsible-tag').textContent()) ?? '').toContain(
      '江下沉',
    );

    // the registry and 包保 in English
    await page.goto(`${base()}/forces/responsibility`);
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-en').click();
    await page.getByRole('tab', { name: 'Responsibility' }).waitFor();
    await page.getByRole('tab', { name: 'Registry' }).waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-zh-CN').click();
    await page.getByRole('tab', { name: '人员名册' }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });

  it('is usable on a narrow screen: the registry and the 包保 flags', async () => {
    const { context, page, errors } = await session(PHONE);
    await deskLogin(page, 'smh_admin', '/forces/responsibility');
    await page.getByTestId('resp-table').locator('tr[data-row-key]').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'forces-responsibility-phone');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the administrator adds a kind of group the deployment needs, and a community office sets one up', async () => {
    const top = await session(DESKTOP);
    await deskLogin(top.page, 'admin', '/forces/groups', ADMIN_PASSWORD);
    await top.page.getByTestId('group-kinds').click();
    await top.page.getByTestId('kind-add').click();
    await top.page.getByTestId('kinds-save').click();
    // a kind without its names is refused on its fields
    await top.page.locator('.ant-form-item-explain-error', { hasText: '请填写中文名称' }).waitFor();
    await top.page.getByTestId('kind-zh-0').fill('物资保障队');
    await top.page.getByTestId('kind-en-0').fill('supplies team');
    await top.page.getByTestId('kinds-save').click();
    await top.page.locator('.ant-message-notice', { hasText: '组织类型已保存' }).waitFor();
    expect(top.errors).toEqual([]);
    await top.context.close();

    const { context, page, errors } = await session(DESKTOP);
    await deskLogin(page, 'smh_admin', '/forces/groups');
    expect(await page.getByTestId('group-kinds').count()).toBe(0); // not theirs to change
    await page.getByTestId('group-create').click();
    await page.getByTestId('group-create-kind').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '物资保障队' })
      .click();
    await page.getByTestId('group-create-name').fill('省民航社区物资保障队');
    await page.getByTestId('group-create-facility').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '省民航社区核酸采样点' })
      .click();
    await page.getByTestId('group-create-submit').click();
    await page.waitForURL(/[?&]group=\d+/);
    await page.getByTestId('group-drawer').waitFor();
    await poll(() => page.getByTestId('group-drawer').textContent()).toContain('物资保障队');
    expect(errors).toEqual([]);
    await context.close();
  });
});
