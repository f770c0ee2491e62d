import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildApp } from '../../src/server/app';
import { launchBrowser, PHONE } from '../../tests/e2e/browser';
import { ROOT } from '../../tests/e2e/server';
import { median, quantile, type Timing } from './measure';
import { benchServices } from './services';
import type { BenchContext, Facts, Suite } from './suite';

// Loading the web app over a slow mobile link: the phone login (/field/login) in Chromium, with the
// link emulated by the DevTools protocol (Network.emulateNetworkConditions: 1.6 Mbit/s down, 750 kbit/s
// up, 150 ms round trip — Chromium's "Fast 3G"), from the real app (buildApp) serving the built web app
// (dist/web, built first when stale, as `npm start` does). The goal: a usable login form in ≤ 2 s.
// Each visit opens a fresh browser context (an empty cache; "second visit": the page loaded once before
// in the same context) and waits until the login form is usable (user name and password editable, the
// submit button shown). Two figures per case, both on the page's own clock from the start of the
// navigation: the login form in the document ("form shown"), and the last byte of the page and its
// files ("files received": what the link costs, whatever the machine's load does to running the
// scripts). Bytes are what came over the wire, headers included. The baseline is the same page from
// the same server with compression refused by the browser (Accept-Encoding: identity): what was sent
// before.

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
/** the context and page of the next visit, opened untimed before it and closed after */
let open: { context: BrowserContext; page: Page; wire: { requests: number; bytes: number } } | undefined;
const lastLoad = { requests: 0, bytes: 0 };
/** the baseline's second figure (files received), printed first among the suite's rows */
let baselineFiles: Timing | undefined;

/**
 * Marks, in the page, the moment the login form is in the document (React renders it with its handlers
 * in one commit), in ms from the start of the navigation: the browser's own clock, not this process's.
 */
const MARK_FORM = () => {
  const w = window as unknown as { formShownAt?: number };
  new MutationObserver((_, observer) => {
    if (w.formShownAt === undefined && document.querySelector('[data-testid="login-submit"]')) {
      w.formShownAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

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
  await page.addInitScript(MARK_FORM);
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

/** Opens a fresh context (for a second visit: loads the page once in it) and the page of the visit. */
async function prepare(load: Load) {
  await open?.context.close();
  if (!browser) throw new Error('the load suite was not set up');
  const context = await browser.newContext({
    ...PHONE,
    ...(load.identity ? { extraHTTPHeaders: { 'accept-encoding': 'identity' } } : {}),
  });
  if (load.secondVisit) {
    const first = await newPage(context, load);
    await first.page.goto(`${baseURL}${load.path}`);
    await loginUsable(first.page);
    await first.page.waitForLoadState('networkidle');
    await first.page.close();
  }
  open = { context, ...(await newPage(context, load)) };
}

interface Visit {
  /** navigation start → the login form in the document */
  formMs: number;
  /** navigation start → the last byte of the page and its files */
  filesMs: number;
  bytes: number;
  requests: number;
}

/** One visit: navigates, waits for a usable form, reads the page's own clock. */
async function visit(load: Load): Promise<Visit> {
  if (!open) throw new Error('no page');
  const { page, wire } = open;
  await page.goto(`${baseURL}${load.path}`, { waitUntil: 'commit' });
  await loginUsable(page);
  const clock = await page.evaluate(() => {
    const ends = performance
      .getEntriesByType('resource')
      .map((r) => (r as PerformanceResourceTiming).responseEnd);
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      formMs: (window as unknown as { formShownAt?: number }).formShownAt ?? Number.NaN,
      filesMs: Math.max(nav?.responseEnd ?? 0, ...ends),
    };
  });
  if (!(clock.formMs > 0)) throw new Error('the form was never seen appearing');
  lastLoad.requests = wire.requests;
  lastLoad.bytes = wire.bytes;
  return { ...clock, bytes: wire.bytes, requests: wire.requests };
}

function timingOf(key: string, label: string, values: number[], rows: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  const lo = Math.min(...rows);
  const hi = Math.max(...rows);
  return {
    key,
    label,
    runs: sorted.length,
    medianMs: median(sorted),
    p95Ms: quantile(sorted, 0.95),
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
    rows: lo === hi ? lo : { min: lo, max: hi },
  };
}

/**
 * Visits a page `runs` times (after `warmup` visits not counted), each from a fresh context; answers
 * two figures: the form shown, and the files received (what the link costs without the scripts' run).
 */
async function measureLoad(key: string, label: string, load: Load, quick: boolean): Promise<Timing[]> {
  const { warmup, runs } = quick ? { warmup: 0, runs: 2 } : { warmup: 1, runs: load.slow ? 7 : 15 };
  const visits: Visit[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    await prepare(load);
    const v = await visit(load);
    if (i >= warmup) visits.push(v);
  }
  await open?.context.close();
  open = undefined;
  const bytes = visits.map((v) => v.bytes);
  return [
    timingOf(
      key,
      `${label}: form shown`,
      visits.map((v) => v.formMs),
      bytes,
    ),
    timingOf(
      `${key}.files`,
      `${label}: files received`,
      visits.map((v) => v.filesMs),
      bytes,
    ),
  ];
}

async function stop() {
  await open?.context.close().catch(() => {});
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
      await prepare(load);
      await visit(load);
      facts[`fieldLoginBytes.${name}`] = lastLoad.bytes;
      facts[`fieldLoginRequests.${name}`] = lastLoad.requests;
    }
    return facts;
  },

  async baseline(ctx: BenchContext): Promise<Timing> {
    const [shown, files] = await measureLoad(
      'load.field.login.identity',
      'baseline: /field/login, slow link, no compression, empty cache',
      { path: '/field/login', slow: true, identity: true },
      ctx.quick,
    );
    baselineFiles = files;
    return shown;
  },

  async run(ctx: BenchContext): Promise<Timing[]> {
    const out: Timing[] = baselineFiles ? [baselineFiles] : [];
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
      out.push(...(await measureLoad(key, label, load, ctx.quick)));
    }
    return out;
  },

  teardown: stop,
};
