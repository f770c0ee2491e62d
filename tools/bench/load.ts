import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildApp } from '../../src/server/app';
import { launchBrowser, PHONE } from '../../tests/e2e/browser';
import { ROOT } from '../../tests/e2e/server';
import { type MeasureOptions, measure, type Timing } from './measure';
import { benchServices } from './services';
import type { BenchContext, Facts, Suite } from './suite';

// Loading the web app over a slow mobile link: the phone login (/field/login) in Chromium, with the
// link emulated by the DevTools protocol (Network.emulateNetworkConditions: 1.6 Mbit/s down, 750 kbit/s
// up, 150 ms round trip — Chromium's "Fast 3G"), from the real app (buildApp) serving the built web app
// (dist/web, built first when stale, as `npm start` does). The goal: a usable login form in ≤ 2 s.
// A run opens a fresh browser context (an empty cache) unless it says "second visit", and ends when the
// login form is usable: the user name and password fields editable, the submit button shown. Bytes are
// what came over the wire (headers included) until then. The baseline is the same page from the same
// server with compression refused by the browser (Accept-Encoding: identity): what was sent before.

const LINK = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const LINK_TEXT = '1.6 Mbit/s down, 750 kbit/s up, 150 ms';

interface Load {
  /** the page's path */
  path: string;
  /** emulate the slow link */
  slow: boolean;
  /** refuse compression (the baseline) */
  identity?: boolean;
  /** open the page once before the timed visit, in the same context (the cache is warm) */
  secondVisit?: boolean;
}

let app: FastifyInstance | undefined;
let browser: Browser | undefined;
let baseURL = '';
/** the context of the visit being measured, closed before the next one */
let open: BrowserContext | undefined;
const lastLoad = { requests: 0, bytes: 0 };

/** Waits until the login form (desk or phone: the same test ids) can be filled in and sent. */
async function loginUsable(page: Page) {
  await page.getByTestId('login-submit').waitFor({ state: 'visible' });
  for (const id of ['login-username', 'login-password']) {
    const field = page.getByTestId(id);
    await field.waitFor({ state: 'visible' });
    if (!(await field.isEditable())) throw new Error(`${id} is shown but not editable`);
  }
}

async function newPage(context: BrowserContext, load: Load) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (load.slow) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...LINK });
  const wire = { requests: 0, bytes: 0 };
  cdp.on('Network.loadingFinished', (e) => {
    wire.requests++;
    wire.bytes += e.encodedDataLength;
  });
  return { page, wire };
}

/** Opens a fresh context before each run (and, for a second visit, loads the page once in it). */
function prepare(load: Load): MeasureOptions['before'] {
  return async () => {
    await open?.close();
    if (!browser) throw new Error('the load suite was not set up');
    open = await browser.newContext({
      ...PHONE,
      ...(load.identity ? { extraHTTPHeaders: { 'accept-encoding': 'identity' } } : {}),
    });
    if (load.secondVisit) {
      const { page } = await newPage(open, load);
      await page.goto(`${baseURL}${load.path}`);
      await loginUsable(page);
      await page.waitForLoadState('networkidle');
      await page.close();
    }
  };
}

/** One timed visit: from the navigation to a usable login form; answers the bytes over the wire. */
function visit(load: Load) {
  return async () => {
    if (!open) throw new Error('no browser context');
    const { page, wire } = await newPage(open, load);
    const t0 = performance.now();
    await page.goto(`${baseURL}${load.path}`, { waitUntil: 'commit' });
    await loginUsable(page);
    const ms = performance.now() - t0;
    lastLoad.requests = wire.requests;
    lastLoad.bytes = wire.bytes;
    if (ms <= 0) throw new Error('no time measured');
    return wire.bytes;
  };
}

async function measureLoad(key: string, label: string, load: Load, quick: boolean): Promise<Timing> {
  const runs = quick ? { warmup: 0, runs: 2 } : { warmup: 1, runs: load.slow ? 7 : 15 };
  return measure(key, label, visit(load), { ...runs, minRuns: runs.runs, before: prepare(load) });
}

async function stop() {
  await open?.close().catch(() => {});
  open = undefined;
  await browser?.close().catch(() => {});
  browser = undefined;
  await app?.close().catch(() => {});
  app = undefined;
}

export const loadSuite: Suite = {
  name: 'load',
  title: `loading the phone login over a ${LINK_TEXT} link (Chromium's network emulation)`,
  rowsHeader: 'bytes',

  async setup(ctx: BenchContext): Promise<Facts> {
    ctx.log('load: building the web app when it is stale (tools/build-web-if-stale.mjs)');
    execFileSync(process.execPath, ['tools/build-web-if-stale.mjs'], { cwd: ROOT, stdio: 'inherit' });
    app = await buildApp(benchServices(ctx.db));
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    // what the phone login downloads, once each way (unthrottled: the bytes do not depend on the link)
    const facts: Facts = { link: LINK_TEXT, goal: 'phone login usable in ≤ 2 s on that link' };
    for (const [name, identity] of [
      ['compressed', false],
      ['uncompressed', true],
    ] as const) {
      const load = { path: '/field/login', slow: false, identity };
      await prepare(load)?.(0);
      await visit(load)();
      facts[`fieldLoginBytes.${name}`] = lastLoad.bytes;
      facts[`fieldLoginRequests.${name}`] = lastLoad.requests;
    }
    return facts;
  },

  async baseline(ctx: BenchContext): Promise<Timing> {
    return measureLoad(
      'load.field.login.identity',
      'baseline: /field/login, slow link, no compression, empty cache',
      { path: '/field/login', slow: true, identity: true },
      ctx.quick,
    );
  },

  async run(ctx: BenchContext): Promise<Timing[]> {
    const out: Timing[] = [];
    const cases: [string, string, Load][] = [
      ['load.field.login', '/field/login, slow link, empty cache', { path: '/field/login', slow: true }],
      [
        'load.field.login.secondVisit',
        '/field/login, slow link, second visit (assets cached)',
        { path: '/field/login', slow: true, secondVisit: true },
      ],
      ['load.desk.login', '/login (desk), slow link, empty cache', { path: '/login', slow: true }],
      [
        'load.field.login.local',
        '/field/login, no emulation, empty cache',
        { path: '/field/login', slow: false },
      ],
    ];
    for (const [key, label, load] of cases) {
      ctx.log(`load: ${label}`);
      out.push(await measureLoad(key, label, load, ctx.quick));
    }
    return out;
  },

  teardown: stop,
};
