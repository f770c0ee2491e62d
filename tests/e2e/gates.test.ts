import { readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot } from './browser';
import { apiAs, base, DEMO_PASSWORD, deskLogin, login, session as openSession, poll } from './client';
import { ADMIN_PASSWORD } from './server';

// The courtyard gate of the demo city (省民航社区, 1区1号院) as its guard and office use it: the guard types a
// pass code on the phone (the camera reader's typed fallback), lets one resident out, the household's
// second person is refused with the reason, a visitor is registered; the office's desk shows the one
// still out.

const SMH = '410105002008';

let browser: Browser;
let admin: string;
const api = <T>(method: string, path: string, body?: unknown) => apiAs<T>(admin, method, path, body);

interface AtGate {
  residents: { key: string; name: string; mayGoOut: boolean; out: unknown }[];
  building: string;
  door: string;
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await login('admin', ADMIN_PASSWORD);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('a courtyard gate', () => {
  it('ships the code reader’s WebAssembly in our own build (nothing from a CDN)', () => {
    expect(readdirSync('dist/web/assets').some((f) => f.endsWith('.wasm'))).toBe(true);
  });

  it('lets one out, refuses the household’s second with the reason, registers a visitor; the desk sees who is out', async () => {
    const { items } = await api<{ items: { id: string; name: string }[] }>('GET', `/api/gates?unit=${SMH}`);
    const gate = items[0];
    expect(gate).toBeDefined();
    // a household of two or more, nobody of it out or refused yet
    const passes = await api<{ items: { token: string; householdKey: string }[] }>(
      'GET',
      `/api/gates/${gate.id}/passes`,
    );
    let pick: { token: string; at: AtGate } | undefined;
    for (const p of passes.items.slice(10)) {
      const at = await api<AtGate>('GET', `/api/gates/${gate.id}/household?token=${p.token}`);
      if (at.residents.length >= 2 && at.residents.every((r) => r.mayGoOut && !r.out)) {
        pick = { token: p.token, at };
        break;
      }
    }
    if (!pick) throw new Error('no household of two at the demo gate');
    const [first, second] = pick.at.residents;

    const phone = await openSession(browser, PHONE);
    const page = phone.page;
    await page.goto(`${base()}/field/gates/${gate.id}`);
    await page.waitForURL(/\/field\/login/);
    await page.getByTestId('login-username').fill('smh_admin');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    // back on the gate's page after the login
    await page.getByTestId('gate-rule').waitFor({ timeout: 45_000 });
    expect(await page.getByTestId('gate-rule').textContent()).toContain('每户每 2 天可出行 1 人');

    // the pass code typed (the camera is the other way in)
    await page.getByTestId('gate-scanner-input').fill(pick.token.toLowerCase());
    await page.getByTestId('gate-scanner-submit').click();
    const toast = await page
      .locator('.adm-toast-main')
      .textContent({ timeout: 3000 })
      .catch(() => '');
    await page
      .getByTestId('gate-household')
      .waitFor({ timeout: 15_000 })
      .catch(async (e) => {
        const direct = await page.evaluate(async (url) => {
          const r = await fetch(url);
          return `${r.status} ${(await r.text()).slice(0, 300)}`;
        }, `/api/gates/${gate.id}/household?token=${pick?.token}`);
        const typed = await page.getByTestId('gate-scanner-input').inputValue();
        throw new Error(
          `${e}\ndirect: ${direct}\ntyped: ${typed}\ntoast: ${toast}\n${phone.errors.join('\n')}\n${await page.locator('body').innerText()}`,
        );
      });
    await page.getByTestId(`gate-out-${first.name}`).click();
    await poll(() => page.getByTestId(`gate-resident-${first.name}`).textContent()).toContain('已出门');
    await page.getByTestId(`gate-out-${second.name}`).click();
    await page.getByTestId('gate-refusal').waitFor();
    expect(await page.getByTestId('gate-refusal').textContent()).toMatch(
      new RegExp(`^本户今日已出行 1 人（${first.name} \\d\\d:\\d\\d 出）$`),
    );
    await screenshot(page, 'field-gate-refused');

    // a visitor by real name, to the same household
    await page.getByRole('tab', { name: '访客登记' }).click();
    await page.getByTestId('visitor-name').fill('刘访客');
    await page.getByTestId('visitor-phone').fill('13812345678');
    await page.getByTestId('visitor-temperature').fill('36.5');
    await page
      .locator('.adm-tabs-content input[type="search"], .adm-search-bar input')
      .last()
      .fill(pick.at.door);
    await page
      .getByRole('button', { name: `${pick.at.building} ${pick.at.door}` })
      .last()
      .click();
    await page.getByTestId('visitor-submit').click();
    await poll(async () => {
      const v = await api<{ items: { name: string }[] }>('GET', `/api/gates/${gate.id}/visitors`);
      return v.items.map((x) => x.name);
    }).toContain('刘访客');
    expect(phone.errors).toEqual([]);
    await phone.context.close();

    // the office's desk: the one out, by building
    const desk = await openSession(browser, DESKTOP);
    await deskLogin(desk.page, 'smh_admin', `/gates/${gate.id}`);
    await desk.page.getByTestId('gate-still-out').waitFor();
    await poll(() => desk.page.getByTestId('gate-still-out').textContent()).toContain(first.name);
    expect(await desk.page.getByTestId('gate-still-out').textContent()).not.toContain(second.name);
    await screenshot(desk.page, 'desk-gate-still-out');
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  }, 120_000);
});
