import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../src/domain/validators/idNumber';
import { DESKTOP, launchBrowser, screenshot } from './browser';
import { apiAs, deskLogin, login, session as openSession, poll } from './client';
import { ADMIN_PASSWORD } from './server';

// A large sheet imported as an office does it (issue 12): the wizard's progress follows the server's
// steps (upload, read, check, de-duplicate, write) with a bar, not only the upload; the next import of the
// same layout offers the column mapping used last time, which the user can set aside. What the wizard
// showed is recorded as it changes (a MutationObserver in the page), and the steps seen are asserted,
// never how long they took.

const SMH = '410105002008'; // 省民航社区
const ROWS = 20_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** a 20,000-row import on a busy machine may take a while */
const slow = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 240_000, interval: 500 });

let browser: Browser;
let admin: string;
let grid: string;

/** 20,000 residents, two to a door, in ten buildings; every ID number its own. */
async function largeSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('入户台账');
  ws.addRow(['省民航社区入户排查台账（进度测试）']);
  ws.addRow(['序号', '楼号', '单元', '门牌号', '姓名', '身份证号', '联系电话', '与户主关系', '备注']);
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(Date.UTC(1940, 0, 1 + Math.floor(i / 400)));
    ws.addRow([
      i + 1,
      `进度${Math.floor(i / 2000) + 1}号楼`,
      '1单元',
      String(1001 + Math.floor((i % 2000) / 2)),
      `进度居民${i + 1}`,
      generateIdNumber({
        regionCode: '110105', // Beijing: no resident of the demo city (Zhengzhou) has such a number
        birthDate: day.toISOString().slice(0, 10),
        sequence: 500 + (i % 400),
      }),
      `139${String(i).padStart(8, '0')}`,
      i % 2 === 0 ? '户主' : '配偶',
      i % 97 === 0 ? '腿脚不便' : '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Records, in the page, every state the progress view shows: its step, the steps done, its detail. */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { seen: string[] };
    w.seen = [];
    let last = '';
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="import-progress"]');
      if (!el) return;
      const detail = el.querySelector('[data-testid="import-progress-detail"]')?.textContent ?? '';
      const state = `${el.getAttribute('data-step')}|${el.getAttribute('data-done')}|${detail}`;
      if (state !== last) w.seen.push(state);
      last = state;
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

const seen = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).map((s) => {
    const [step, done, detail] = s.split('|');
    return { step, done: done ? done.split(',') : [], detail };
  });

const ORDER = ['upload', 'read', 'check', 'dedupe', 'write'];

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await login('admin', ADMIN_PASSWORD);
  grid = (
    await apiAs<{ code: string }>(admin, 'POST', '/api/org/units', {
      parentCode: SMH,
      kind: 'grid',
      name: 'E2E进度网格',
    })
  ).code;
});

afterAll(async () => {
  await browser?.close();
});

describe('a large import', () => {
  it("shows the server's steps as it goes, then offers the same columns next time", async () => {
    const sheet = await largeSheet();
    const { context, page, errors } = await openSession(browser, DESKTOP);
    await deskLogin(page, 'smh_admin', `/ledger/import?unit=${grid}`);
    const choose = async () => {
      await page
        .getByTestId('import-dropzone')
        .locator('input[type="file"]')
        .setInputFiles({ name: '进度台账.xlsx', mimeType: XLSX, buffer: sheet });
      await page.getByTestId('import-upload').click();
      await slow(() => page.getByTestId('import-mapping').count()).toBe(1);
    };

    // the preview: the upload, then reading, checking and de-duplicating (no write)
    await recordProgress(page);
    await choose();
    const previewSteps = [...new Set((await seen(page)).map((s) => s.step))];
    expect(previewSteps).not.toContain('write');
    expect(
      previewSteps.every((s, i) => i === 0 || ORDER.indexOf(s) > ORDER.indexOf(previewSteps[i - 1])),
    ).toBe(true);

    // the office sets 备注 aside (column 8), then checks and imports
    expect(await page.getByTestId('import-map-8').first().textContent()).toContain('备注');
    await page.getByTestId('import-map-8').first().click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '不导入' }).click();
    expect(await page.getByTestId('import-map-8').first().textContent()).toContain('不导入');
    await page.getByTestId('import-check').click();
    await slow(() => page.getByTestId('import-report').count()).toBe(1);
    await page.getByTestId('import-mode-all').click();

    await recordProgress(page);
    await page.getByTestId('import-run').click();
    await slow(() => page.getByTestId('import-result').getAttribute('data-imported')).toBe('true');
    const states = await seen(page);

    // the steps came in the server's order: the upload, then read, check, de-duplicate, write
    const steps = states.map((s) => s.step).filter((s, i, all) => i === 0 || s !== all[i - 1]);
    for (let i = 1; i < steps.length; i++)
      expect(ORDER.indexOf(steps[i]), steps.join(' → ')).toBeGreaterThan(ORDER.indexOf(steps[i - 1]));
    expect(steps).toContain('write');
    // by the time it wrote, the server had told the earlier steps done
    const writing = states.filter((s) => s.step === 'write');
    expect(writing.some((s) => ['read', 'check', 'dedupe'].every((d) => s.done.includes(d)))).toBe(true);
    // the write step counted its rows: households, residents and history rows (10,000 + 20,000 + 10,000)
    expect(writing.some((s) => /已写入 [\d,]+ \/ 40,000 条记录/.test(s.detail))).toBe(true);
    expect(await page.getByTestId('import-created').textContent()).toContain('20000');

    // the next day's sheet of the same layout: the mapping used last time is applied, and can be reset
    await page.getByTestId('import-again').click();
    await choose();
    await poll(() => page.getByTestId('import-remembered').count()).toBe(1);
    expect(await page.getByTestId('import-remembered').textContent()).toContain('上次的列对应已套用');
    expect(await page.getByTestId('import-map-8').first().textContent()).toContain('不导入');
    await screenshot(page, 'import-remembered');
    await page.getByTestId('import-remembered-reset').click();
    await poll(() => page.getByTestId('import-remembered').count()).toBe(0);
    expect(await page.getByTestId('import-map-8').first().textContent()).toContain('备注');

    expect(errors).toEqual([]);
    await context.close();
  });
});
