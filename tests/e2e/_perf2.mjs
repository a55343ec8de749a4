import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';
const server = await serveStatic(process.argv[2] ?? '/work/main/web/dist', '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url + (process.argv[3] ?? '#v=1&view=decode'));
await page.waitForSelector('#decode-table', { state: 'attached' });
const r = await page.evaluate(async () => {
  const input = document.querySelector('#field-seq_len');
  const res = [];
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 20));
    const t0 = performance.now();
    input.value = String(4000 + (i % 7) * 100);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const t1 = performance.now();
    for (let k = 0; k < 5; k++) await Promise.resolve();
    const t2 = performance.now();
    document.body.getBoundingClientRect();
    const t3 = performance.now();
    res.push([t1 - t0, t2 - t1, t3 - t2]);
  }
  const med = (k) => res.map((x) => x[k]).sort((a, b) => a - b)[10].toFixed(2);
  return `handler ${med(0)}  render ${med(1)}  style+layout ${med(2)}`;
});
console.log(r);
await browser.close(); await server.close();
