// Screenshots of the built page (web/dist) for a human to look at: not a test.
//   node tests/e2e/screenshot.mjs [outDir]   (default /tmp/shots)
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

const dist = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const out = process.argv[2] ?? '/tmp/shots';
await mkdir(out, { recursive: true });

const server = await serveStatic(dist.replace(/\/$/, ''), '/sub/');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const shots = [
  { name: 'default', hash: '' },
  { name: 'decode', hash: '#v=1&view=decode' },
  { name: 'decode-right', hash: '#v=1&view=decode', scroll: '#decode-table' },
  { name: 'leaderboard', hash: '#v=1&view=leaderboard' },
  { name: 'maxbatch', hash: '#v=1&view=maxbatch' },
  { name: 'zh', hash: '#v=1&view=decode&lang=zh' },
  {
    name: 'hardware',
    hash: '#v=1&gpus=H200,MYGPU,H800&hw=MYGPU,132,20,1200,2400,0,192,6000,900,100,8&view=leaderboard',
    into: '[data-group="Hardware"]',
  },
  { name: 'error', hash: '#v=1&view=decode', then: '#v=1&view=decode&seq_len=abc&tp=0&foo=1' },
];
const widths = [1280, 390];
const schemes = (process.env.SCHEMES ?? 'light').split(',');

for (const scheme of schemes) {
  for (const width of widths) {
    const context = await browser.newContext({
      viewport: { width, height: width > 600 ? 900 : 844 },
      deviceScaleFactor: 1,
      colorScheme: scheme,
    });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.error(`[console] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[pageerror] ${e.message}`));
    for (const shot of shots) {
      await page.goto('about:blank');
      await page.goto(`${server.url}${shot.hash}`);
      await page.waitForSelector('#prefill-table, #config-errors:not([hidden])', { state: 'attached' });
      if (shot.scroll) {
        await page.evaluate((sel) => {
          const box = document.querySelector(sel)?.parentElement;
          if (box) box.scrollLeft = box.scrollWidth;
        }, shot.scroll);
        await page.waitForTimeout(100);
      }
      if (shot.into) {
        await page.evaluate((sel) => {
          const el = document.querySelector(sel);
          if (el) {
            el.closest('details.config')?.setAttribute('open', '');
            el.scrollIntoView({ block: 'start' });
          }
        }, shot.into);
        await page.waitForTimeout(100);
      }
      if (shot.then) {
        await page.evaluate((h) => { location.hash = h; }, shot.then);
        await page.waitForSelector('#config-errors:not([hidden])', { state: 'attached' });
      }
      const file = `${out}/${shot.name}-${width}${scheme === 'light' ? '' : `-${scheme}`}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
      console.log(file);
    }
    await context.close();
  }
}
await browser.close();
await server.close();
