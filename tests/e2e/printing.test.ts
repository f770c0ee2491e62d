import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, screenshot } from './browser';
import { apiAs, DEMO_PASSWORD, deskLogin, login, poll, session } from './client';

// Printing (打印) the ledger's filtered view, a building view and a screening campaign's door list, as
// a community office does: the print button prepares a sheet and opens the print dialog (stubbed here:
// a headless browser has none); in print media the sheet alone shows, titled, its headers repeated on
// every page; and it renders to an A4 PDF.

const SMH = '410105002008'; // 省民航社区

let browser: Browser;
let cookie: string;
beforeAll(async () => {
  browser = await launchBrowser();
  cookie = await login('smh_admin', DEMO_PASSWORD);
});
afterAll(async () => {
  await browser?.close();
});

interface Page_<T> {
  items: T[];
  next: string | null;
}

/** Every row of a paged list through the API, as the office user. */
async function all<T>(path: string): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const got: Page_<T> = await apiAs(
      cookie,
      'GET',
      `${path}${sep}limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`,
    );
    rows.push(...got.items);
    after = got.next;
  } while (after);
  return rows;
}

/** A desk page whose window.print() is counted instead of opening a dialog. */
async function deskPage(next: string) {
  const s = await session(browser, DESKTOP);
  await s.page.addInitScript(() => {
    const w = window as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  });
  await deskLogin(s.page, 'smh_admin', next);
  return s;
}

/** Clicks a print button; answers once the sheet is there and print() was called. */
async function print(page: Page, button: string, sheet: string) {
  await page.getByTestId(button).click();
  await page.getByTestId(sheet).waitFor({ state: 'attached', timeout: 60_000 });
  await poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
}

/** In print media: the app hidden, the sheet shown with its title, its header a repeated table header. */
async function expectPrintMedia(page: Page, sheet: string, title: string) {
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
  expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
  expect(await page.locator('#root').isVisible()).toBe(false);
  expect(await page.getByTestId('print-title').isVisible()).toBe(true);
  expect(await page.getByTestId('print-title').textContent()).toContain(title);
  const thead = page.getByTestId(sheet).locator('thead');
  expect(await thead.evaluate((el) => getComputedStyle(el).display)).toBe('table-header-group');
  // on screen, the sheet is not shown
  await page.emulateMedia({ media: 'screen' });
  expect(await page.getByTestId(sheet).isVisible()).toBe(false);
  expect(await page.locator('.ant-layout-sider').isVisible()).toBe(true);
  await page.emulateMedia({ media: 'print' });
}

/** The sheet as an A4 PDF: its pages, and whether they lie in landscape. */
async function pdf(page: Page) {
  const bytes = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  const boxes = [...bytes.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  const pages = (bytes.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const a4 = boxes.every(
    ([w, h]) => Math.abs(Math.max(w, h) - 842) < 2 && Math.abs(Math.min(w, h) - 595) < 2,
  );
  return { pages, landscape: boxes.every(([w, h]) => w > h), portrait: boxes.every(([w, h]) => h > w), a4 };
}

describe('printing', () => {
  it('prints the ledger’s filtered view in full, titled with the unit, the filter and the day', async () => {
    const households = await all<{ key: string; colour: string }>(
      `/api/ledger/households?unit=${SMH}&colour=green`,
    );
    expect(households.length).toBeGreaterThan(50); // more than one page of the screen's table
    const { context, page, errors } = await deskPage(`/ledger?unit=${SMH}&colour=green`);
    await page.getByTestId('ledger-print').waitFor();
    await print(page, 'ledger-print', 'ledger-print-sheet');

    const sheet = page.getByTestId('ledger-print-sheet');
    expect(await sheet.locator('tbody tr').count()).toBe(Math.min(households.length, 2000));
    const heading = (await sheet.locator('thead .print-title').textContent()) ?? '';
    expect(heading).toContain('省民航社区 入户台账');
    expect(heading).toContain('颜色 绿');
    expect(heading).toContain('台账日期 2020-02-05');
    expect(heading).toContain(
      households.length > 2000 ? '只打印了前 2,000 户' : `共 ${households.length} 户`,
    );
    // the column headers are in the header that repeats
    expect(await sheet.locator('thead .print-columns th').allTextContents()).toContain('住户成员');
    // the masked values only
    expect(await sheet.locator('tbody').textContent()).toMatch(/\*{4}/);

    await expectPrintMedia(page, 'ledger-print-sheet', '省民航社区 入户台账');
    await screenshot(page, 'print-ledger');
    const doc = await pdf(page);
    expect(doc.pages).toBeGreaterThan(1);
    expect(doc.a4).toBe(true);
    expect(doc.landscape).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints a building view with its legend, entrance by entrance', async () => {
    const [first] = await all<{ unit: { code: string; kind: string } }>(`/api/ledger/households?unit=${SMH}`);
    const building = first.unit.code;
    expect(first.unit.kind).toBe('building');
    const { context, page, errors } = await deskPage(`/ledger/building/${building}`);
    await print(page, 'building-print', 'building-print-sheet');
    const sheet = page.getByTestId('building-print-sheet');
    expect(await sheet.locator('[data-testid^="tile-"]').count()).toBe(
      await page.locator('#root [data-testid^="tile-"]').count(),
    );
    expect(await sheet.locator('thead [data-testid="building-legend"]').count()).toBe(1);
    await expectPrintMedia(page, 'building-print-sheet', '楼栋图');
    await screenshot(page, 'print-building');
    const doc = await pdf(page);
    expect(doc.pages).toBeGreaterThan(0);
    expect(doc.a4).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints a screening campaign’s door list with a column to write in at the door', async () => {
    const { items } = await apiAs<{ items: { id: string; status: string }[] }>(
      cookie,
      'GET',
      '/api/ledger/campaigns',
    );
    const campaign = items.find((c) => c.status === 'open');
    expect(campaign).toBeDefined();
    const doors = await all<{ key: string }>(`/api/ledger/campaigns/${campaign?.id}/doors`);
    const { context, page, errors } = await deskPage(`/screening?campaign=${campaign?.id}`);
    await print(page, 'doors-print', 'doors-print-sheet');
    const sheet = page.getByTestId('doors-print-sheet');
    expect(await sheet.locator('tbody tr').count()).toBe(Math.min(doors.length, 2000));
    const columns = await sheet.locator('thead .print-columns th').allTextContents();
    expect(columns).toContain('走访状态');
    expect(columns.at(-1)).toContain('走访情况');
    expect(await sheet.locator('thead .print-title').textContent()).toContain('入户排查走访名单');
    await expectPrintMedia(page, 'doors-print-sheet', '入户排查走访名单');
    await screenshot(page, 'print-doors');
    const doc = await pdf(page);
    expect(doc.pages).toBeGreaterThan(0);
    expect(doc.landscape).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
