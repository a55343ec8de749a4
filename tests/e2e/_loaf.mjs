import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';
const server = await serveStatic(process.argv[2] ?? '/work/main/web/dist', '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url + (process.argv[3] ?? '#v=1&view=decode'));
await page.waitForSelector('#decode-table', { state: 'attached' });
const r = await page.evaluate(async () => {
  const frames = [];
  new PerformanceObserver((l) => frames.push(...l.getEntries())).observe({ type: 'long-animation-frame' });
  const input = document.querySelector('#field-seq_len');
  for (let i = 0; i < 20; i++) {
    input.value = String(4000 + (i % 7) * 100);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    await new Promise((r) => setTimeout(r, 30));
  }
  await new Promise((r) => setTimeout(r, 100));
  return frames.map((f) => ({ d: f.duration.toFixed(1), render: (f.startTime + f.duration - f.renderStart).toFixed(1), style: (f.startTime + f.duration - f.styleAndLayoutStart).toFixed(1), block: f.blockingDuration.toFixed(1), scripts: f.scripts.map(s => `${s.invoker}:${s.duration.toFixed(1)}`).join(',') }));
});
console.log(r.map((x) => JSON.stringify(x)).join('\n'));
await browser.close(); await server.close();
