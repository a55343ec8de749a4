import { chromium } from 'playwright-core';
import { serveStatic } from '/work/main/tests/e2e/static-server.mjs';
const server = await serveStatic(process.argv[2] ?? '/work/main/web/dist', '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url + '#v=1&view=decode');
await page.waitForSelector('#decode-table', { state: 'attached' });
const r = await page.evaluate(async () => {
  const input = document.querySelector('#field-seq_len');
  const res = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    input.value = String(4000 + (i % 7) * 100);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const t1 = performance.now();
    await new Promise((r) => setTimeout(r, 0));
    const t2 = performance.now();
    document.querySelector('#decode-table')?.getBoundingClientRect();
    const t3 = performance.now();
    res.push([t1 - t0, t2 - t1, t3 - t2].map((x) => x.toFixed(1)).join(' '));
    await new Promise((r) => requestAnimationFrame(() => r(null)));
  }
  return res;
});
console.log(r.join('\n'));
await browser.close(); await server.close();
