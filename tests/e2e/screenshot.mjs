// Screenshots of the built page (web/dist) for a human to look at: not a test.
//   node tests/e2e/screenshot.mjs [outDir]   (default /tmp/shots)
//   SCHEMES=light,dark WIDTHS=1280,390 ONLY=sweep,frontier FULL=1 choose what to take.
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
  { name: 'reality', hash: '#v=1&view=reality', charts: true },
  { name: 'reality-table', hash: '#v=1&view=reality', charts: true, into: '#reality-table' },
  { name: 'memory', hash: '#v=1&view=decode&mem_util=0.01&gpus=H200,GB200-NVL72,H20' },
  { name: 'memory-sweep', hash: '#v=1&view=sweep&mem_util=0.2', charts: true },
  { name: 'catalog', hash: '#v=1&view=catalog&hw=H100,132,20,989,1979,15000,80,3350,450,50,8' },
  { name: 'catalog-hw', hash: '#v=1&view=catalog&hw=H100,132,20,989,1979,15000,80,3350,450,50,8', into: '[data-group="Hardware"]' },
  { name: 'calibrated', hash: '#v=1&mode=calibrated&view=leaderboard' },
  { name: 'plan', hash: '#v=1&view=plan&gpus=GB200-NVL72,H200&isl=1024&osl=1024&tpot_ms=25&ttft_ms=2000', charts: true },
  { name: 'plan-charts', hash: '#v=1&view=plan&gpus=GB200-NVL72,H200&isl=1024&osl=1024&tpot_ms=25&ttft_ms=2000', charts: true, into: '#plan-charts' },
  { name: 'model', hash: '#v=1&model=qwen3-235b-a22b', open: ['[data-group="Model"]', '#model-config'], into: '#model-panel' },
  { name: 'plan-budget', hash: '#v=1&view=plan&mode=calibrated&gpus_total=64&gpus=H200,GB200-NVL72,DGX-B200' },
  { name: 'serve', hash: '#v=1&view=serve&mode=calibrated&gpus=H200,DGX-B200,GB200-NVL72&serving=agg&concurrency=64' },
  { name: 'serve-dpa', hash: '#v=1&view=serve&mode=calibrated&gpus=H200,DGX-B200&serving=agg&serve_dpa=1&concurrency=256&isl=4096&osl=512', into: '[data-group="Plan"]' },
  { name: 'serve-waves', hash: '#v=1&view=serve&mode=calibrated&model=gpt-oss-120b&catalog=2026-12&gpus=GB200-NVL72&serving=agg&serve_tp=1&isl=1024&osl=1024&moe_dtype=fp4&kv_cache_rate=0&framework=trtllm&num_prompts=3000', into: '[data-group="Plan"]' },
  { name: 'serve-v4', hash: '#v=1&view=serve&mode=calibrated&model=deepseek-v4-flash&catalog=2026-12&gpus=DGX-B200&serving=agg&serve_tp=4&serve_dpa=1&concurrency=4096&isl=4096&osl=512&moe_dtype=fp4&kv_cache_rate=0&framework=sglang&max_running=256' },
  { name: 'breakdown', hash: '#v=1&view=decode&mode=calibrated', into: '#decode-breakdown' },
  { name: 'plan-load', hash: '#v=1&view=plan&mode=calibrated&isl=8192&osl=1024&tpot_ms=30&load=100000&gpus=H200,GB200-NVL72,H20,DGX-B200', charts: true },
  // The analysis views: charts are drawn when every panel holds a canvas.
  { name: 'sweep', hash: '#v=1&view=sweep&metric=Total,TPS', charts: true, hover: '#sweep-charts .chart:nth-child(3) .u-over' },
  { name: 'sweep-zh', hash: '#v=1&view=sweep&metric=Total,TPS&lang=zh&base=v%3D1%26seq_len%3D8192', charts: true },
  { name: 'sweep-charts', hash: '#v=1&view=sweep&metric=Total,TPS', charts: true, into: '#sweep-charts' },
  { name: 'sweep-ep', hash: '#v=1&view=sweep&sweep=n_activated_experts:8:126:2&sweep_group=ep&sweep_ep=72,320', charts: true },
  { name: 'frontier', hash: '#v=1&view=frontier&tps_floor=60', charts: true, hover: '#frontier-chart .u-over' },
  { name: 'frontier-table', hash: '#v=1&view=frontier&tps_floor=60', charts: true, into: '#frontier-best-table' },
  {
    name: 'compare-decode',
    hash: `#v=1&seq_len=8192&view=decode&base=${encodeURIComponent('v=1')}`,
  },
  {
    name: 'compare-prefill',
    hash: `#v=1&seq_len=8192&base=${encodeURIComponent('v=1')}`,
  },
  {
    name: 'compare-sweep',
    hash: `#v=1&view=sweep&metric=Total,TPS&gpus=H200,GB200-NVL72&n_activated_experts=6&base=${encodeURIComponent('v=1')}`,
    charts: true,
  },
  {
    name: 'compare-frontier',
    hash: `#v=1&view=frontier&tps_floor=40&n_activated_experts=6&base=${encodeURIComponent('v=1')}`,
    charts: true,
  },
];
const widths = (process.env.WIDTHS ?? '1280,390').split(',').map(Number);
const schemes = (process.env.SCHEMES ?? 'light').split(',');
// ONLY=sweep,frontier takes just those shots.
const only = process.env.ONLY ? new Set(process.env.ONLY.split(',')) : null;

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
      if (only && !only.has(shot.name)) continue;
      await page.goto('about:blank');
      await page.goto(`${server.url}${shot.hash}`);
      await page.waitForSelector('table.data, #sweep-charts, #config-errors:not([hidden])', { state: 'attached' });
      if (shot.scroll) {
        await page.evaluate((sel) => {
          const box = document.querySelector(sel)?.parentElement;
          if (box) box.scrollLeft = box.scrollWidth;
        }, shot.scroll);
        await page.waitForTimeout(100);
      }
      // Charts are drawn as they come near the viewport: wait for the ones in view.
      const chartsDrawn = () =>
        page.waitForFunction(() => {
          const figures = [...document.querySelectorAll('figure.chart')].filter((f) => {
            const r = f.getBoundingClientRect();
            return r.bottom > 0 && r.top < innerHeight;
          });
          return (figures.length === 0 || document.querySelector('figure.chart canvas')) && figures.every((f) => f.querySelector('canvas'));
        });
      if (shot.charts) {
        await chartsDrawn();
        await page.waitForTimeout(100);
      }
      // Hover where the chart is drawn (on a phone it may be below the fold: no hover then).
      if (shot.hover && (await page.$(shot.hover))) {
        const box = await page.$eval(shot.hover, (el) => {
          const r = el.getBoundingClientRect();
          return { x: r.x, y: r.y, w: r.width, h: r.height };
        });
        await page.mouse.move(box.x + box.w * 0.45, box.y + box.h * 0.4);
        await page.waitForTimeout(100);
      }
      for (const sel of shot.open ?? []) {
        await page.evaluate((s) => document.querySelector(s)?.setAttribute('open', ''), sel);
      }
      if (shot.into) {
        await page.evaluate((sel) => {
          const el = document.querySelector(sel);
          if (el) {
            el.closest('details.config')?.setAttribute('open', '');
            el.scrollIntoView({ block: 'start' });
          }
        }, shot.into);
        if (shot.charts) await chartsDrawn();
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
