import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { DESKTOP, PHONE } from './browser';

// What the end-to-end tests share: the server's address, logins and API calls (to make data as the
// administrator), a browser context that collects the page's errors, and a login through the desk's
// login page as a user would.

export const DEMO_PASSWORD = 'Wangge2020';
export const base = () => inject('baseURL');
export const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

/** Logs in through the API; answers the session cookie. */
export async function login(username: string, password: string): Promise<string> {
  const res = await fetch(`${base()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** An API call with a session cookie; throws with the server's answer unless it succeeds. */
export async function apiAs<T>(cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base()}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** A fresh browser context (desk or phone) whose page's uncaught errors are collected. */
export async function session(browser: Browser, options: typeof DESKTOP | typeof PHONE) {
  const context: BrowserContext = await browser.newContext({ ...options, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Opens `next`, is sent to the login page, logs in there and lands back. */
export async function deskLogin(page: Page, username: string, next: string, password = DEMO_PASSWORD) {
  await page.goto(`${base()}${next}`);
  await page.waitForURL(/\/login\?next=/);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
