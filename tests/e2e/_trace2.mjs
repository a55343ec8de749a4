import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';
const server = await serveStatic(process.argv[2] ?? '/work/main/web/dist', '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url + (process.argv[3] ?? '#v=1&view=decode'));
await page.waitForSelector('#decode-table', { state: 'attached' });
await page.waitForTimeout(300);
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'] });
await page.evaluate(async () => {
  const input = document.querySelector('#field-seq_len');
  for (let i = 0; i < 3; i++) {
    performance.mark('start');
    input.value = String(4000 + (i % 7) * 100);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 100));
  }
});
const buf = await browser.stopTracing();
const events = JSON.parse(buf.toString()).traceEvents.filter(e => e.ph === 'X' && e.dur > 300);
const main = events.filter(e => e.name !== 'RunTask' || true);
const tid = events.find(e => e.name === 'EventDispatch')?.tid;
const mine = events.filter(e => e.tid === tid).sort((a,b) => a.ts - b.ts);
const t0 = mine[0]?.ts ?? 0;
for (const e of mine.slice(0, 80)) console.log(`${((e.ts - t0)/1000).toFixed(1).padStart(7)} +${(e.dur/1000).toFixed(2).padStart(6)} ${e.name} ${e.args?.data?.type ?? e.args?.data?.functionName ?? ''}`);
await browser.close(); await server.close();
