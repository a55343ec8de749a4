import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';
const server = await serveStatic(process.argv[2] ?? '/work/main/web/dist', '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url + (process.argv[3] ?? '#v=1&view=decode'));
await page.waitForSelector('#decode-table', { state: 'attached' });
await page.waitForTimeout(300);
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await page.evaluate(async () => {
  const input = document.querySelector('#field-seq_len');
  for (let i = 0; i < 20; i++) {
    input.value = String(4000 + (i % 7) * 100);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 60));
  }
});
const buf = await browser.stopTracing();
const events = JSON.parse(buf.toString()).traceEvents;
const sum = new Map();
for (const e of events) {
  if (e.ph !== 'X' || !e.dur) continue;
  sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur);
}
console.log([...sum].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000 / 20).toFixed(2)}ms ${k}`).join('\n'));
await browser.close(); await server.close();
