// Chromium for the e2e tests, and a page that records console errors and every request.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

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

/**
 * The page has computed the open view's table (or drawn its charts, or shown its errors): the app
 * has taken the prerendered markup over, so what a test types or links lands in the app, not in
 * the static first view.
 */
export async function ready(page: Page): Promise<void> {
  const app = '#app:not([data-prerendered])';
  await page.waitForSelector(
    [`${app} table.data td[data-value]`, `${app} table.data td.empty`, `${app} #sweep-charts`, `${app} #config-errors:not([hidden])`].join(', '),
    { state: 'attached' },
  );
}

/**
 * One Chromium for the calling test file (launched before its tests, closed after them) and
 * pages whose contexts are closed after each test, so they do not pile up.
 */
export function pagesForThisFile(baseUrl: string) {
  let browser: Browser | undefined;
  const opened: Watched[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((w) => w.context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh watched page, not yet navigated. */
  async function newPage(viewport?: { width: number; height: number }): Promise<Watched> {
    if (!browser) throw new Error('the browser is not launched yet');
    const w = await watchedPage(browser, viewport);
    opened.push(w);
    return w;
  }

  /** The page at baseUrl + hash, once it has computed its first tables (or shown errors). */
  async function open(
    hash: string,
    options: { width?: number; height?: number; dark?: boolean } = {},
  ): Promise<Watched> {
    const w = await newPage({ width: options.width ?? 1280, height: options.height ?? 900 });
    if (options.dark) await w.page.emulateMedia({ colorScheme: 'dark' });
    await w.page.goto(`${baseUrl}${hash}`);
    await ready(w.page);
    return w;
  }

  return { newPage, open };
}

/**
 * The wasm and the native CLI do the same IEEE arithmetic; only libm's pow/log2 (musl in the wasm,
 * glibc natively) may round a last bit differently, which serve's fixed point carries into a
 * couple of reality numbers (measured: 2 of them, within 10 ε relative). Two number tokens agree
 * when their text is equal, or when both are full-precision (16+ significant digits, the shortest
 * round-trip text of such a double) and within 64 ε of each other. A writer that printed fewer
 * digits, another format or other digits still fails.
 */
function significantDigits(token: string): number {
  return token.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').length;
}

export function sameNumberText(a: string, b: string): boolean {
  if (a === b) return true;
  if (significantDigits(a) < 16 || significantDigits(b) < 16) return false;
  const [x, y] = [Number(a), Number(b)];
  return Math.abs(x - y) <= 64 * Number.EPSILON * Math.max(Math.abs(x), Math.abs(y));
}

export function sameNumber(a: number, b: number): boolean {
  return sameNumberText(String(a), String(b));
}

/** Two texts agree when they are equal outside their numbers and their numbers agree. */
export function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  const number = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g;
  const hole = '\u0000';
  if (a.includes(hole) || b.includes(hole)) return false;
  if (a.replace(number, hole) !== b.replace(number, hole)) return false;
  const x = a.match(number) ?? [];
  const y = b.match(number) ?? [];
  return x.length === y.length && x.every((s, i) => sameNumberText(s, y[i] ?? ''));
}
