import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';
const server = await serveStatic('/tmp/dist-dev', '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url + '#v=1&view=decode');
await page.waitForSelector('#decode-table', { state: 'attached' });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
await page.evaluate(async () => {
  const input = document.querySelector('#field-seq_len');
  for (let i = 0; i < 40; i++) {
    input.value = String(4000 + (i % 7) * 100);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    for (let k = 0; k < 5; k++) await Promise.resolve();
    await new Promise((r) => setTimeout(r, 20));
  }
});
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfT = new Map();
profile.samples.forEach((id, i) => selfT.set(id, (selfT.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const incl = new Map();
const name = (n) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
for (const [id, t] of selfT) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = name(byId.get(cur)); if (seen.has(k)) continue; seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + t);
  }
}
const self = new Map();
for (const [id, t] of selfT) { const k = name(byId.get(id)); self.set(k, (self.get(k) ?? 0) + t); }
console.log('INCLUSIVE (ms per update)');
console.log([...incl].sort((a,b)=>b[1]-a[1]).slice(0,45).map(([k,t])=>`${(t/1000/40).toFixed(2)} ${k}`).join('\n'));
console.log('SELF');
console.log([...self].sort((a,b)=>b[1]-a[1]).slice(0,20).map(([k,t])=>`${(t/1000/40).toFixed(2)} ${k}`).join('\n'));
await browser.close(); await server.close();
