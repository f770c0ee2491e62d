import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE } from './browser';
import { base, session } from './client';
import { ROOT } from './server';

// How the built web app is served (docs/architecture.md, "Serving the web app"): compressed files chosen
// by Accept-Encoding with the right content type, hashed assets cached for a year, the pages asked for
// again each time, and a phone's login page that fetches no Ant Design code (the desk's screens).

const IMMUTABLE = 'public, max-age=31536000, immutable';
const ANTD_VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules/antd/package.json'), 'utf8')).version;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Raw {
  status: number;
  header(name: string): string | undefined;
  /** the bytes as sent (fetch would decode them) */
  body: Buffer;
  text(): string;
}

/** A GET with node:http, which leaves the body as it came. */
function get(path: string, acceptEncoding: string, extra: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base()}${path}`,
      { headers: { 'accept-encoding': acceptEncoding, ...extra } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const header = (name: string) => [res.headers[name]].flat()[0];
          resolve({ status: res.statusCode ?? 0, header, body, text: () => body.toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The JS and CSS files a page names, in the built HTML the server sends for it. */
async function assetsOf(path: string): Promise<string[]> {
  const html = (await get(path, 'identity')).text();
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
}

/** Opens a login page and answers every script it fetched, with its text, once the form is shown. */
async function scriptsOfLogin(page: Page, path: string) {
  const scripts = new Map<string, Promise<string>>();
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') scripts.set(new URL(res.url()).pathname, res.text());
  });
  await page.goto(`${base()}${path}`);
  await page.getByTestId('login-submit').waitFor();
  await page.waitForLoadState('networkidle');
  return new Map(await Promise.all([...scripts].map(async ([p, text]) => [p, await text] as const)));
}

describe('serving the web app', () => {
  it('sends brotli or gzip as accepted, with the plain file’s content type, and the plain file otherwise', async () => {
    const [script] = (await assetsOf('/field/login')).filter((a) => a.endsWith('.js'));
    const [style] = (await assetsOf('/field/login')).filter((a) => a.endsWith('.css'));
    expect(script).toBeDefined();
    expect(style).toBeDefined();
    for (const [path, type] of [
      [script, 'application/javascript; charset=utf-8'],
      [style, 'text/css; charset=utf-8'],
      ['/field/login', 'text/html; charset=utf-8'],
    ]) {
      const plain = await get(path, 'identity');
      expect(plain.status).toBe(200);
      expect(plain.header('content-encoding')).toBeUndefined();
      expect(plain.header('content-type')).toBe(type);

      const br = await get(path, 'gzip, deflate, br');
      expect(br.status).toBe(200);
      expect(br.header('content-encoding')).toBe('br');
      expect(br.header('content-type')).toBe(type);
      expect(br.header('vary')).toMatch(/accept-encoding/i);
      expect(br.body.length).toBeLessThan(plain.body.length);
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

      const gz = await get(path, 'gzip');
      expect(gz.header('content-encoding')).toBe('gzip');
      expect(gz.header('content-type')).toBe(type);
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    }
  });

  it('caches hashed assets for a year and asks for the pages again each time', async () => {
    const assets = [...(await assetsOf('/')), ...(await assetsOf('/field/login'))];
    expect(assets.length).toBeGreaterThan(2);
    for (const asset of assets) {
      expect(asset).toMatch(/-[\w-]{8}\.(js|css)$/); // the content's hash is in the name
      for (const encoding of ['br', 'identity']) {
        const res = await get(asset, encoding);
        expect(res.status).toBe(200);
        expect(res.header('cache-control')).toBe(IMMUTABLE);
      }
    }
    for (const page of ['/', '/login', '/ledger', '/field', '/field/login', '/field/screening/1']) {
      for (const encoding of ['br', 'identity']) {
        const res = await get(page, encoding);
        expect(res.status).toBe(200);
        expect(res.header('cache-control')).toBe('no-cache');
        expect(res.header('etag')).toBeTruthy();
      }
    }
    // the phone screens have their own page (naming their chunks); the desk's is index.html
    expect(await assetsOf('/field/login')).not.toEqual(await assetsOf('/login'));
    // a missing asset is a 404, never the app and never cached for a year
    const missing = await get('/assets/missing-00000000.js', 'br');
    expect(missing.status).toBe(404);
    expect(missing.header('cache-control')).not.toBe(IMMUTABLE);
    // a page revalidates to 304 with its ETag
    const page = await get('/field/login', 'br');
    const again = await get('/field/login', 'br', { 'if-none-match': page.header('etag') ?? '' });
    expect(again.status).toBe(304);
  });

  it('gives a phone its login without fetching Ant Design or any screen but the login', async () => {
    const phone = await session(browser, PHONE);
    const fieldScripts = await scriptsOfLogin(phone.page, '/field/login');
    const named = new Set(await assetsOf('/field/login'));
    expect(fieldScripts.size).toBeGreaterThan(0);
    // nothing fetched beyond what its page names: no screen loaded lazily before the form shows
    for (const path of fieldScripts.keys()) expect(named).toContain(path);
    const antd = new RegExp(`[\`'"]${ANTD_VERSION.replaceAll('.', '\\.')}[\`'"]`); // Ant Design's core
    for (const [path, text] of fieldScripts) expect(antd.test(text), path).toBe(false);
    expect(phone.errors).toEqual([]);
    await phone.context.close();

    // the marker is real: the desk's login does fetch Ant Design
    const desk = await session(browser, DESKTOP);
    const deskScripts = await scriptsOfLogin(desk.page, '/login');
    expect([...deskScripts.values()].some((text) => antd.test(text))).toBe(true);
    await desk.context.close();
  });
});
