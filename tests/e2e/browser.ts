import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { findChromium } from './chromium/find';
import { ROOT } from './server';

// Chromium (the machine's, or the one npm brought: chromium/find.ts) driven by playwright-core.
export async function launchBrowser(): Promise<Browser> {
  const { executablePath, env } = findChromium();
  return chromium.launch({
    executablePath,
    env,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { viewport: { width: 1366, height: 820 }, locale: 'zh-CN' };
export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: 'zh-CN',
};

/**
 * Screenshots for the README, taken by the e2e run. They land in docs/screenshots only when
 * WANGGE_SCREENSHOTS=1 (`npm run screenshots`), so an ordinary test run leaves the tree clean.
 */
export async function screenshot(page: Page, name: string) {
  const dir =
    process.env.WANGGE_SCREENSHOTS === '1'
      ? join(ROOT, 'docs', 'screenshots')
      : join(ROOT, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  // Let dialogs finish closing and messages fade, so the picture shows the page.
  const busy = page.locator('.ant-modal:visible, .ant-message-notice:visible');
  for (let i = 0; i < 50 && (await busy.count()) > 0; i++) await page.waitForTimeout(100);
  await page.screenshot({ path: join(dir, `${name}.png`) });
}
