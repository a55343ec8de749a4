// Chromium for the e2e tests, and a page that records console errors and every request.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  requests: string[];
}

export async function watchedPage(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<Watched> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  return { page, context, consoleErrors, requests };
}

/** The page has computed its first tables (or shown its errors). */
export async function ready(page: Page): Promise<void> {
  await page.waitForSelector('#prefill-table td[data-value], #config-errors:not([hidden])', {
    state: 'attached',
  });
}
