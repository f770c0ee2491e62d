import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../src/domain/validators/idNumber';
import {
  FIXED_EXPECTED,
  fixedMessyLedgerSheet,
  legacyXlsWorkbook,
  MESSY_EXPECTED,
  messyLedgerSheet,
} from '../../src/server/modules/ledger/excel/fixtures';
import { DESKTOP, launchBrowser, PHONE, screenshot } from './browser';
import { apiAs, base, DEMO_PASSWORD, deskLogin, login, session as openSession, poll } from './client';
import { ADMIN_PASSWORD } from './server';

// The household ledger (issue 3) as a community office and a grid worker use it: the ledger table with
// its filters and search, a household's drawer with a colour set by hand and its history, the building
// view's coloured tiles, a door-to-door visit on a phone that turns a door red while the desk's counts
// follow, and an office's messy Excel sheet imported after its errors are read and fixed.
// The data is made through the API as the administrator; the clicking is done as the users would.

const SMH = '410105002008'; // 省民航社区
const GRID1 = '410105002008G01'; // smh_grid1's grid
/** an import parses, checks and writes the whole sheet: on a busy machine that may take a while */
const pollImport = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 90_000 });

let browser: Browser;
let admin: string;
const api = <T>(method: string, path: string, body?: unknown) => apiAs<T>(admin, method, path, body);
const session = (options: typeof DESKTOP | typeof PHONE) => openSession(browser, options);

// ---------------------------------------------------------------------------------------------------
// API helpers (as the administrator)

let seq = 0;
/** a synthetic ID number; the sequence's parity gives the sex (odd: a man) */
function idNumber(sex: 'male' | 'female' = 'male'): string {
  seq += 1;
  return generateIdNumber({
    regionCode: '410105',
    birthDate: `1951-04-${String(seq).padStart(2, '0')}`,
    sequence: sex === 'male' ? 901 : 902,
  });
}

interface Resident {
  name: string;
  relation?: string;
  idNumber?: string;
  phone?: string;
  markers?: string[];
}

async function household(unitCode: string, entrance: string, door: string, residents: Resident[]) {
  const { key } = await api<{ key: string }>('POST', '/api/ledger/households', {
    unitCode,
    entrance,
    door,
    residents,
  });
  return key;
}

interface Detail {
  key: string;
  colour: string;
  residents: { key: string; name: string }[];
}

// ---------------------------------------------------------------------------------------------------
// Browser helpers

const ledgerRows = (page: Page) =>
  page.getByTestId('ledger-table').locator('tr[data-testid^="household-row-"]');
const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

// ---------------------------------------------------------------------------------------------------
// The data

let today: string;
let yard: string;
let building: string;
let importGrid: string;
let campaign: string;
const doors: Record<string, string> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await login('admin', ADMIN_PASSWORD);
  ({ today } = await api<{ today: string }>('GET', '/api/ledger/day'));
  // the building stands in the grid's first courtyard, after its own buildings (other tests walk the tree)
  const children = await api<{ items: { code: string; kind: string }[] }>(
    'GET',
    `/api/org/units/${GRID1}/children`,
  );
  yard = children.items.find((u) => u.kind === 'courtyard')?.code ?? GRID1;
  building = (
    await api<{ code: string }>('POST', '/api/org/units', {
      parentCode: yard,
      kind: 'building',
      name: 'E2E台账楼',
    })
  ).code;
  importGrid = (
    await api<{ code: string }>('POST', '/api/org/units', {
      parentCode: SMH,
      kind: 'grid',
      name: 'E2E导入网格',
    })
  ).code;
  doors['1-101'] = await household(building, '1', '101', [
    {
      name: '王建国',
      relation: 'head',
      idNumber: idNumber(),
      phone: '13812341234',
      markers: ['party_member'],
    },
    { name: '李秀英', relation: 'spouse', idNumber: idNumber('female'), markers: ['low_income'] },
  ]);
  doors['1-102'] = await household(building, '1', '102', [
    {
      name: '张伟',
      relation: 'head',
      idNumber: idNumber(),
      phone: '13912345678',
      markers: ['building_leader'],
    },
  ]);
  doors['1-201'] = await household(building, '1', '201', [
    { name: '赵敏', relation: 'head', idNumber: idNumber('female'), markers: ['elderly_alone'] },
  ]);
  doors['1-202'] = await household(building, '1', '202', []);
  doors['2-101'] = await household(building, '2', '101', [
    {
      name: '陈静',
      relation: 'head',
      idNumber: idNumber('female'),
      phone: '13700001111',
      markers: ['volunteer'],
    },
    { name: '孙浩', relation: 'son', idNumber: idNumber() },
  ]);
  doors['2-301'] = await household(building, '2', '301', [
    { name: '刘洋', relation: 'head', idNumber: idNumber(), markers: ['disabled'] },
  ]);
  campaign = (
    await api<{ id: string }>('POST', '/api/ledger/campaigns', {
      unitCode: building,
      name: 'E2E第一轮入户排查',
      startsOn: today,
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------------------

describe('the ledger on the desk', () => {
  it('lists, filters by colour, searches, and sets a colour by hand with a reason that the history keeps', async () => {
    const { context, page, errors } = await session(DESKTOP);
    // from the grid, down to the building through the tables of the units below
    await deskLogin(page, 'smh_admin', `/ledger?unit=${GRID1}`);
    if (yard !== GRID1) await page.getByTestId(`child-open-${yard}`).click();
    await page.getByTestId(`child-open-${building}`).click();
    await poll(() => text(page, 'ledger-title')).toContain('E2E台账楼');
    await poll(() => ledgerRows(page).count()).toBe(6);
    await poll(() => text(page, 'summary-total-households')).toBe('6');
    expect(await text(page, 'summary-white-households')).toBe('1');
    expect(await text(page, 'summary-green-households')).toBe('5');
    // masked in the list
    const row = page.getByTestId(`household-row-${doors['1-101']}`);
    expect(await row.textContent()).toContain('王建国');
    expect(await row.textContent()).toContain('138****1234');
    expect(await row.textContent()).not.toContain('13812341234');
    await screenshot(page, 'ledger-table');

    // the white counter filters the table to the empty household
    await page.getByTestId('summary-white').click();
    await poll(() => ledgerRows(page).count()).toBe(1);
    expect(await ledgerRows(page).first().getAttribute('data-testid')).toBe(
      `household-row-${doors['1-202']}`,
    );
    await page.getByTestId('summary-white').click();
    await poll(() => ledgerRows(page).count()).toBe(6);

    // search: a name, pinyin initials, the last four digits of a phone
    const search = page.getByTestId('ledger-search');
    const onlyRow = (name: string) =>
      poll(async () => {
        const rows = await ledgerRows(page).allTextContents();
        return rows.length === 1 && rows[0].includes(name);
      }).toBe(true);
    await search.fill('陈');
    await onlyRow('陈静');
    await search.fill('zw');
    await onlyRow('张伟');
    await search.fill('5678');
    await onlyRow('张伟');
    await search.fill('');
    await poll(() => ledgerRows(page).count()).toBe(6);

    // the household: residents masked, a reveal, then red by hand with a reason
    await row.click();
    await poll(() => page.getByTestId('household-colour').getAttribute('data-colour')).toBe('green');
    const detail = await api<Detail>('GET', `/api/ledger/households/${doors['1-101']}`);
    const wang = detail.residents.find((r) => r.name === '王建国')?.key as string;
    expect(await text(page, `phone-${wang}`)).toBe('138****1234');
    await page.getByTestId(`reveal-phone-${wang}`).click();
    await poll(() => text(page, `phone-${wang}`)).toBe('13812341234');

    await page.getByTestId('household-set-colour').click();
    await page.getByTestId('colour-choice-red').click();
    await page.getByTestId('colour-submit').click();
    // the reason is mandatory
    await page.locator('.ant-form-item-explain-error', { hasText: '请填写原因' }).waitFor();
    await page.getByTestId('colour-reason').fill('密接者家属，社区要求重点关注');
    await page.getByTestId('colour-submit').click();
    await poll(() => page.getByTestId('household-colour').getAttribute('data-colour')).toBe('red');
    await poll(() => text(page, 'household-override')).toContain('按规则应为“绿”');
    const history = page.getByTestId('household-history');
    await poll(() => history.locator('[data-kind="override"]').count()).toBe(1);
    expect(await history.locator('[data-kind="override"]').textContent()).toContain(
      '密接者家属，社区要求重点关注',
    );
    expect(await history.locator('[data-kind="created"]').count()).toBe(1);
    await screenshot(page, 'household-drawer');

    // the table and the counters follow
    await page.locator('.ant-drawer-close').click();
    await poll(() => page.getByTestId(`household-colour-${doors['1-101']}`).getAttribute('data-colour')).toBe(
      'red',
    );
    await poll(() => text(page, 'summary-red-households')).toBe('1');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the building view: floors × doors as coloured tiles, top floor first; a tile opens the household', async () => {
    const { context, page, errors } = await session(DESKTOP);
    await deskLogin(page, 'smh_admin', `/ledger/building/${building}`);
    const view = await api<{ households: { key: string; colour: string }[] }>(
      'GET',
      `/api/ledger/buildings/${building}`,
    );
    expect(view.households).toHaveLength(6);
    await poll(() => page.locator('[data-testid^="tile-"]').count()).toBe(6);
    for (const h of view.households) {
      expect(await page.getByTestId(`tile-${h.key}`).getAttribute('data-colour')).toBe(h.colour);
    }
    expect(await page.getByTestId(`tile-${doors['1-202']}`).getAttribute('data-colour')).toBe('white');
    expect(await page.getByTestId(`tile-${doors['1-102']}`).getAttribute('data-colour')).toBe('green');
    // entrance 1: the second floor above the first
    const entrance1 = page.getByTestId('entrance-1');
    const tiles = await entrance1
      .locator('[data-testid^="tile-"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.door));
    expect(tiles).toEqual(['201', '202', '101', '102']);
    // marker symbols on the tiles
    expect(
      await page.getByTestId(`tile-${doors['1-101']}`).locator('[data-testid="marker-party_member"]').count(),
    ).toBe(1);
    expect(
      await page
        .getByTestId(`tile-${doors['1-102']}`)
        .locator('[data-testid="marker-building_leader"]')
        .count(),
    ).toBe(1);
    await screenshot(page, 'building-view');

    await page.getByTestId(`tile-${doors['2-301']}`).click();
    await poll(() => page.locator('.ant-drawer-title').textContent()).toContain('301');
    expect(await page.getByTestId('household-residents').textContent()).toContain('刘洋');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('door-to-door screening on a phone', () => {
  it('a grid worker records a stay in Wuhan: the door turns red, the visited count goes up, and the desk follows', async () => {
    // the office watches the building's counters on the desk
    const desk = await session(DESKTOP);
    await deskLogin(desk.page, 'smh_admin', `/ledger?unit=${building}`);
    await poll(() => ledgerRows(desk.page).count()).toBe(6);
    const redBefore = Number(await text(desk.page, 'summary-red-households'));

    const phone = await session(PHONE);
    const { page } = phone;
    await page.goto(`${base()}/field`);
    await page.waitForURL(/\/field\/login/);
    await page.getByTestId('login-username').fill('smh_grid1');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('field-screening').click();
    await page.getByTestId(`field-campaign-${campaign}`).click();
    await poll(() => text(page, 'field-progress-total')).toBe('6');
    expect(await text(page, 'field-progress-visited')).toBe('0');

    const door = page.getByTestId(`field-door-${doors['2-101']}`);
    expect(await door.getAttribute('data-status')).toBe('pending');
    expect(await door.getAttribute('data-colour')).toBe('green');
    await door.click();
    await page.getByTestId('visit-form').waitFor();

    const detail = await api<Detail>('GET', `/api/ledger/households/${doors['2-101']}`);
    const chen = detail.residents.find((r) => r.name === '陈静')?.key as string;
    const sun = detail.residents.find((r) => r.name === '孙浩')?.key as string;
    // 陈静 is home, 36.6 °C, and was in Wuhan lately but cannot say when
    await page.getByTestId(`visit-temp-${chen}`).fill('36.6');
    await page.getByTestId(`visit-travel-${chen}-add`).click();
    // nothing is chosen for the worker: sending now names what is missing and sends nothing
    expect(
      await page.locator(`[data-testid="visit-travel-${chen}-0"] .adm-selector-item-active`).count(),
    ).toBe(0);
    await page.getByTestId('visit-submit').click();
    await page.getByTestId(`visit-travel-${chen}-0-problem-place`).waitFor();
    await page.getByTestId(`visit-travel-${chen}-0-problem-dates`).waitFor();
    expect(await page.getByTestId('visit-form').isVisible()).toBe(true);
    await page.getByTestId(`visit-travel-${chen}-0-place-420100`).click();
    await page.getByTestId(`visit-travel-${chen}-0-dates-exact`).click();
    await page.getByTestId(`visit-travel-${chen}-0-problem-from`).waitFor();
    // 日期不详: the stay goes without dates, and the form says how it counts
    await page.getByTestId(`visit-travel-${chen}-0-dates-unknown`).click();
    await poll(() => page.locator(`[data-testid^="visit-travel-${chen}-0-problem"]`).count()).toBe(0);
    // 孙浩 is home with a fever: the form warns
    await page.getByTestId(`visit-temp-${sun}`).fill('37.5');
    await page.getByTestId(`visit-fever-${sun}`).waitFor();
    await page.getByTestId(`visit-temp-${sun}`).fill('36.8');
    await page.getByTestId(`visit-travel-${chen}-0`).scrollIntoViewIfNeeded();
    await screenshot(page, 'field-visit');
    await page.getByTestId('visit-submit').click();

    await poll(() => page.getByTestId('visit-result-colour').getAttribute('data-colour')).toBe('red');
    await poll(() => text(page, 'visit-left')).toContain('5');
    await poll(() => text(page, 'field-progress-visited')).toBe('1');
    await screenshot(page, 'field-screening');

    // back on the list: the door has gone from "to visit" and stands red among the visited
    await page.getByTestId('visit-back').click();
    await poll(() => page.locator(`[data-testid="field-door-${doors['2-101']}"]`).count()).toBe(0);
    await page.getByTestId('field-filter-visited').click();
    const visited = page.getByTestId(`field-door-${doors['2-101']}`);
    await poll(() => visited.getAttribute('data-colour')).toBe('red');
    expect(await visited.getAttribute('data-status')).toBe('visited');
    expect(
      Number(await page.getByTestId('field-progress-red').getAttribute('data-count')),
    ).toBeGreaterThanOrEqual(1);

    // the desk's counters change without a reload (server events)
    await poll(() => text(desk.page, 'summary-red-households')).toBe(String(redBefore + 1));
    await poll(() =>
      desk.page.getByTestId(`household-colour-${doors['2-101']}`).getAttribute('data-colour'),
    ).toBe('red');
    // and the campaign's progress on the desk
    await desk.page.getByTestId('nav-screening').click();
    await desk.page.getByTestId(`campaign-open-${campaign}`).click();
    await poll(() => desk.page.getByTestId('progress-visited').textContent()).toContain('1');
    await screenshot(desk.page, 'screening-progress');

    // the reason is in the household's history
    const after = await api<{ colour: string; history: { kind: string; detail: { cause?: string } }[] }>(
      'GET',
      `/api/ledger/households/${doors['2-101']}`,
    );
    expect(after.colour).toBe('red');
    expect(after.history.some((h) => h.kind === 'colour' && h.detail?.cause === 'screening')).toBe(true);
    // and the desk shows the trip among the reasons, as told: Wuhan, dates unknown
    await desk.page.goto(`${base()}/ledger?unit=${building}`);
    await desk.page.getByTestId(`household-row-${doors['2-101']}`).click();
    await poll(() => text(desk.page, 'reason-travel_key_area')).toContain('武汉市');
    expect(await text(desk.page, 'reason-travel_key_area')).toContain('日期不详');

    expect(phone.errors).toEqual([]);
    expect(desk.errors).toEqual([]);
    await phone.context.close();
    await desk.context.close();
  });

  it('marks a door for a revisit when nobody is home', async () => {
    const { context, page, errors } = await session(PHONE);
    await page.goto(`${base()}/field/login?next=${encodeURIComponent(`/field/screening/${campaign}`)}`);
    await page.getByTestId('login-username').fill('smh_louzhang');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    // the building leader answers for another building: this campaign is not theirs
    await poll(() => page.locator('.adm-error-block').count()).toBeGreaterThan(0);
    await context.close();

    const grid = await session(PHONE);
    await grid.page.goto(`${base()}/field/login?next=${encodeURIComponent(`/field/screening/${campaign}`)}`);
    await grid.page.getByTestId('login-username').fill('smh_grid1');
    await grid.page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await grid.page.getByTestId('login-submit').click();
    await grid.page.getByTestId(`field-door-${doors['2-301']}`).click();
    await grid.page.getByTestId('visit-nobody-home').click();
    await poll(() => grid.page.getByTestId('visit-result').getAttribute('data-outcome')).toBe('nobody_home');
    await grid.page.getByTestId('visit-back').click();
    await grid.page.getByTestId('field-filter-revisit').click();
    await poll(() => grid.page.getByTestId(`field-door-${doors['2-301']}`).getAttribute('data-status')).toBe(
      'revisit',
    );
    await poll(() => text(grid.page, 'field-progress-revisit')).toContain('1');
    expect(errors).toEqual([]);
    expect(grid.errors).toEqual([]);
    await grid.context.close();
  });
});

describe('Excel in and out', () => {
  it('reads a messy office sheet, shows the rejected rows, gives the error sheet back, imports all or nothing, then the fixed sheet', async () => {
    const { context, page, errors } = await session(DESKTOP);
    await deskLogin(page, 'smh_admin', `/ledger/import?unit=${importGrid}`);
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    /** 'true' / 'false' once the result shows, or the error the page shows instead */
    const outcome = async () => {
      if (await page.getByTestId('import-error').count()) return `error: ${await text(page, 'import-error')}`;
      return (
        (await page
          .getByTestId('import-result')
          .getAttribute('data-imported', { timeout: 500 })
          .catch(() => null)) ?? ''
      );
    };
    const choose = async (name: string, buffer: Buffer) => {
      await page
        .getByTestId('import-dropzone')
        .locator('input[type="file"]')
        .setInputFiles({ name, mimeType: xlsx, buffer });
      await page.getByTestId('import-upload').click();
      await page.getByTestId('import-mapping').waitFor({ timeout: 90_000 });
    };

    await choose('省民航社区入户排查台账.xlsx', await messyLedgerSheet());
    // the header found below the title rows, each column given its field
    expect(await text(page, 'import-sheet-name')).toContain(MESSY_EXPECTED.sheetName);
    expect(
      await page
        .locator('input[data-testid="import-header-row"], [data-testid="import-header-row"] input')
        .first()
        .inputValue(),
    ).toBe(String(MESSY_EXPECTED.headerRowIndex + 1));
    expect(await page.getByTestId('import-map-3').first().textContent()).toContain('姓名');
    expect(await page.getByTestId('import-map-5').first().textContent()).toContain('身份证号');
    await page.getByTestId('import-check').click();

    // the rejected rows, each with its row number and the server's message
    await page.getByTestId('import-report').waitFor({ timeout: 90_000 });
    expect(await text(page, 'import-rejected')).toContain(String(MESSY_EXPECTED.rejectedRows));
    const numbers = await page
      .getByTestId('import-rejected-table')
      .getByTestId('rejected-row-number')
      .allTextContents();
    expect([...new Set(numbers.map(Number))].sort((a, b) => a - b)).toEqual(
      [...new Set(MESSY_EXPECTED.errors.map((e) => e.row))].sort((a, b) => a - b),
    );
    const messages = await page
      .getByTestId('import-rejected-table')
      .getByTestId('rejected-message')
      .allTextContents();
    expect(messages.every((m) => m.trim().length > 0)).toBe(true);
    expect(messages.join('')).toMatch(/[\u4e00-\u9fff]/); // in the user's language
    await screenshot(page, 'import-errors');

    // the original sheet back with an error column
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-download-errors').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await download.path()) as string);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // an xlsx is a zip

    // all or nothing: nothing is written
    await page.getByTestId('import-mode-all').click();
    await page.getByTestId('import-run').click();
    await pollImport(outcome).toBe('false');
    const none = await api<{ items: unknown[] }>('GET', `/api/ledger/households?unit=${importGrid}`);
    expect(none.items).toHaveLength(0);

    // the fixed sheet imports with no error, and its households appear in the ledger
    await page.getByTestId('import-again').click();
    await choose('省民航社区入户排查台账（已修改）.xlsx', await fixedMessyLedgerSheet());
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-all-valid').waitFor({ timeout: 90_000 });
    await page.getByTestId('import-mode-all').click();
    await page.getByTestId('import-run').click();
    await pollImport(outcome).toBe('true');
    expect(await text(page, 'import-created')).toContain(String(FIXED_EXPECTED.households));
    await page.getByTestId('import-open-ledger').click();
    await poll(() => ledgerRows(page).count()).toBe(FIXED_EXPECTED.households);
    await poll(() => text(page, 'summary-total-residents')).toContain(String(FIXED_EXPECTED.residents));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the import plan', () => {
  it('shows what each row of an .xls will do: a row joins the household at a door already in the ledger, a second head is refused', async () => {
    const planGrid = (
      await api<{ code: string }>('POST', '/api/org/units', {
        parentCode: SMH,
        kind: 'grid',
        name: 'E2E导入计划网格',
      })
    ).code;
    const tower = (
      await api<{ code: string }>('POST', '/api/org/units', {
        parentCode: planGrid,
        kind: 'building',
        name: '20号楼',
      })
    ).code;
    const door = await household(tower, '1', '101', [
      { name: '侯雪梅', relation: 'head', idNumber: idNumber('female') },
    ]);
    const xls = legacyXlsWorkbook([
      {
        name: '入户台账',
        rows: [
          ['楼号', '单元', '门牌', '姓名', '身份证号', '与户主关系'],
          ['20号楼', '1单元', '101', '李建军', idNumber(), '户主'],
          ['20号楼', '1单元', '101', '王丽', idNumber('female'), '配偶'],
          ['20号楼', '1单元', '102', '赵六', idNumber(), '户主'],
        ],
      },
    ]);
    const { context, page, errors } = await session(DESKTOP);
    await deskLogin(page, 'smh_admin', `/ledger/import?unit=${planGrid}`);
    await page
      .getByTestId('import-dropzone')
      .locator('input[type="file"]')
      .setInputFiles({ name: '20号楼台账.xls', mimeType: 'application/vnd.ms-excel', buffer: xls });
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-mapping').waitFor({ timeout: 90_000 });
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-report').waitFor({ timeout: 90_000 });

    expect(await text(page, 'import-plan-joins')).toContain('1');
    expect(await text(page, 'import-plan-new')).toContain('1');
    const joins = page.getByTestId('import-plan-table').locator('tr[data-action="join"]');
    await poll(() => joins.count()).toBe(1);
    expect(await joins.getAttribute('data-row')).toBe('3');
    expect(await joins.textContent()).toContain('王丽');
    expect(await joins.textContent()).toContain('侯雪梅'); // the household it joins, by its head
    const refused = page.getByTestId('import-rejected-table').locator('tr[data-row="2"]');
    expect(await refused.textContent()).toContain('侯雪梅');
    expect(await refused.textContent()).toContain('与户主关系');
    await screenshot(page, 'import-plan');

    await page.getByTestId('import-mode-valid').click();
    await page.getByTestId('import-run').click();
    await pollImport(() => page.getByTestId('import-result').getAttribute('data-imported')).toBe('true');
    const joined = await api<Detail>('GET', `/api/ledger/households/${door}`);
    expect(joined.residents.map((r) => r.name).sort()).toEqual(['侯雪梅', '王丽'].sort());
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Excel out', () => {
  it('downloads the template and exports the filtered ledger as xlsx', async (ctx) => {
    const probe = await fetch(`${base()}/api/ledger/template.xlsx`, { headers: { cookie: admin } });
    if (probe.status === 404) ctx.skip('GET /api/ledger/template.xlsx is not served yet');
    const { context, page, errors } = await session(DESKTOP);
    await deskLogin(page, 'smh_admin', `/ledger?unit=${building}`);
    await poll(() => ledgerRows(page).count()).toBe(6);
    const isXlsx = async (click: () => Promise<void>) => {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const bytes = await readFile((await download.path()) as string);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    };
    await isXlsx(() => page.getByTestId('ledger-template').click());

    const exported = await fetch(`${base()}/api/ledger/export.xlsx?unit=${building}`, {
      headers: { cookie: admin },
    });
    if (exported.status === 404) ctx.skip('GET /api/ledger/export.xlsx is not served yet');
    await page.getByTestId('summary-red').click();
    await poll(() => ledgerRows(page).count()).toBeGreaterThan(0);
    await page.getByTestId('ledger-export').click();
    await page.getByTestId('ledger-export-full').waitFor(); // smh_admin holds pii.reveal and data.export
    await isXlsx(() => page.getByTestId('ledger-export-run').click());
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('residents over time', () => {
  it('a resident moves in (a wrong ID number refused on its field), another moves out, and the household splits', async () => {
    const { context, page, errors } = await session(DESKTOP);
    await deskLogin(page, 'smh_admin', `/ledger?unit=${building}&h=${doors['1-201']}`);
    await poll(() => page.getByTestId('household-colour').getAttribute('data-colour')).toBe('green');
    const residents = page.getByTestId('household-residents');
    const history = page.getByTestId('household-history');

    // moves in: the server's check of the ID number shows on the field
    const good = idNumber();
    const wrong = `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`;
    await page.getByTestId('household-add-resident').click();
    await page.getByTestId('resident-name').fill('周新');
    await page.getByTestId('resident-id-number').fill(wrong);
    await page.getByTestId('resident-submit').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '校验' }).waitFor();
    await page.getByTestId('resident-id-number').fill(good);
    await page.getByTestId('resident-marker-volunteer').click();
    await page.getByTestId('resident-submit').click();
    const zhou = residents.locator('tr', { hasText: '周新' });
    await zhou.waitFor();
    await poll(() => history.locator('[data-kind="moved_in"]').textContent()).toContain('周新');

    // an edit of 周新's work unit and notes: the history names only what changed, the text as typed;
    // a stay in Wuhan heard by phone, dates unknown, is recorded on the desk and turns the door red
    await zhou.locator('[data-testid^="resident-edit-"]').click();
    await page.getByTestId('resident-work-unit').fill('郑州市第一人民医院');
    await page.getByTestId('resident-notes').fill('腿脚不便，需送菜上门');
    await page.getByTestId('resident-travel-add').click();
    await page.getByTestId('resident-submit').click();
    await page.getByTestId('resident-travel-0-problem-place').waitFor();
    await page.getByTestId('resident-travel-0-place').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item', { hasText: '武汉' }).click();
    await page.getByTestId('resident-travel-0-dates-unknown').click();
    await page.getByTestId('resident-submit').click();
    const changed = history.locator('[data-kind="resident_updated"]');
    await poll(() => changed.textContent()).toContain('郑州市第一人民医院');
    const changedText = (await changed.textContent()) ?? '';
    expect(changedText).toContain('腿脚不便，需送菜上门');
    expect(changedText).not.toContain('姓名');
    await poll(() => history.locator('[data-kind="travel_updated"]').textContent()).toContain('日期不详');
    await poll(() => page.getByTestId('household-colour').getAttribute('data-colour')).toBe('red');

    // 赵敏 moves out: kept on record, out of the household
    const zhao = residents.locator('tr', { hasText: '赵敏' });
    // (a click on a menu still opening can be lost on a busy machine: open it until the dialog shows)
    await poll(async () => {
      await zhao.locator('[data-testid^="resident-more-"]').click();
      const item = page.locator('.ant-dropdown:visible [data-testid^="resident-set-moved_out-"]');
      await item.click({ timeout: 3000 }).catch(() => undefined);
      return page
        .getByTestId('status-reason')
        .waitFor({ state: 'visible', timeout: 3000 })
        .then(() => true)
        .catch(() => false);
    }).toBe(true);
    await page.getByTestId('status-reason').fill('随子女迁往外地');
    await page.getByTestId('status-submit').click();
    await poll(() => zhao.locator('[data-testid^="resident-status-"]').getAttribute('data-status')).toBe(
      'moved_out',
    );
    await poll(() => history.locator('[data-kind="resident_moved_out"]').textContent()).toContain(
      '随子女迁往外地',
    );

    // 周新 starts a household of their own at 203
    await page.getByTestId('household-split').click();
    await page.locator('[data-testid^="split-resident-"]', { hasText: '周新' }).click();
    await page.getByTestId('split-door').fill('203');
    await page.getByTestId('split-submit').click();
    await poll(() => page.locator('.ant-drawer-title').textContent()).toContain('203');
    await poll(() => history.locator('[data-kind="split_in"]').textContent()).toContain('周新');
    // the old door is empty now: white
    await page.locator('.ant-drawer-close').click();
    await poll(() => page.getByTestId(`household-colour-${doors['1-201']}`).getAttribute('data-colour')).toBe(
      'white',
    );
    await poll(() => ledgerRows(page).count()).toBe(7);
    expect(errors).toEqual([]);
    await context.close();
  });
});
