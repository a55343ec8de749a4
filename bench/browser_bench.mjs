// Browser figures in headless Chromium (Debian's, driven by playwright-core):
//   first_table_chromium_ms      navigation start → the prefill table painted (median of runs)
//   input_to_update_chromium_ms  a seq_len edit → the end of the frame that shows every visible
//                                table updated, laid out and painted (wall clock: it includes
//                                waiting for the frame clock)
//   input_to_update_work_chromium_ms  the main thread's work in that: the JavaScript task the edit
//                                runs, plus the frame's rendering (its animation callbacks,
//                                style, layout and paint), without the wait between them
//   sweep_seq_len_480_chromium_ms  the 480-point sweep in the page's wasm engine
//   sweep_view_chromium_ms       the page's sweep view from its link: computed (in the worker)
//                                and the charts in view drawn (24 charts, 480 points each)
//   sweep_view_edit_chromium_ms  an input edit on the sweep view → its charts redrawn
// The built site (web/dist) is served from a sub-path, as on GitHub Pages.
// Headless Chromium 156 paces frames at 60 Hz even with --disable-gpu-vsync and
// --disable-frame-rate-limit (kept: they do no harm). `frame_floor_chromium_ms` shows it: one word
// changed in an empty page, timed the same way, measures ~18 ms. So the wall-clock figure carries
// up to one 16.7 ms tick of waiting, and the work figure is the one to hold against a frame budget.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { serveStatic } from '../tests/e2e/static-server.mjs';
import { fmt, median, quantile } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const BASE = '/shallowsim/';
// The wasm-only page sits beside the module in the build directory, so it loads same-origin.
writeFileSync(`${root}build/wasm/wasm-bench.html`, `<!doctype html><meta charset="utf-8">
<link rel="icon" href="data:,">
<script type="module">
import createShallowSim from './shallowsim.js';
const engine = await createShallowSim();
const runs = [];
for (let i = 0; i < 13; i++) {
  const t0 = performance.now();
  const r = engine.sweepSeries('#v=1&view=sweep');
  runs.push(performance.now() - t0);
  if (!r.ok) throw new Error('sweep failed');
}
window.sweepRuns = runs.slice(3);
</script>`);
const site = await serveStatic(`${root}web/dist`, BASE);
const wasm = await serveStatic(`${root}build/wasm`, '/wasm/');
const server = { url: site.url.slice(0, -BASE.length), close: () => Promise.all([site.close(), wasm.close()]) };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-gpu-vsync', '--disable-frame-rate-limit'],
});

try {
  // First table: a fresh context per run so nothing is cached.
  const firsts = [];
  const interactives = [];
  for (let run = 0; run < 7; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // From the first frame on: the first one whose DOM holds the table's numbers (prerendered
    // into index.html, or rendered by the app), timed at the end of that frame; and the frame
    // in which the app has taken the page over (edits work from then on).
    await page.addInitScript(() => {
      const frame = () => {
        if (window.firstTableMs === undefined && document.querySelector('#prefill-table [data-value]')) {
          requestAnimationFrame(() => { window.firstTableMs = performance.now(); });
        }
        const app = document.getElementById('app');
        if (window.interactiveMs === undefined && app && !app.hasAttribute('data-prerendered') &&
            document.querySelector('#prefill-table [data-value]')) {
          requestAnimationFrame(() => { window.interactiveMs = performance.now(); });
          return;
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.goto(`${server.url}${BASE}`);
    await page.waitForFunction(() => window.firstTableMs !== undefined && window.interactiveMs !== undefined);
    firsts.push(await page.evaluate(() => window.firstTableMs));
    interactives.push(await page.evaluate(() => window.interactiveMs));
    await context.close();
  }

  // Input to update: 50 edits of seq_len, each timed from the input event to the end of the
  // frame that paints the changed tables (a message posted from that frame's animation callback
  // runs after its style, layout and paint). The work: the edit's task (input event → the next
  // task can run) plus the frame (its animation callback → that message).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}${BASE}#v=1&view=decode`);
  await page.waitForSelector('#decode-table [data-value]');
  const edits = await page.evaluate(async () => {
    const input = document.querySelector('#field-seq_len');
    const tables = document.querySelector('.panels');
    // The first numbers of every table on the page: all of them move when seq_len does.
    const probe = () => [...document.querySelectorAll('table[id$="-table"]')]
      .map((t) => [...t.querySelectorAll('tbody [data-value]')].slice(0, 12)
        .map((c) => c.getAttribute('data-value')).join(','))
      .join('|');
    // The next task's start; after an animation callback, the end of that frame's paint.
    const nextTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => nextTask().then(resolve)));
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const times = [];
    const work = [];
    for (let i = 0; i < 55; i++) {
      await painted();
      const before = probe();
      const changed = new Promise((resolve, reject) => {
        const observer = new MutationObserver(() => {
          if (probe() === before) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(tables, { subtree: true, childList: true, attributes: true, characterData: true });
        setTimeout(() => reject(new Error('tables did not update')), 5000);
      });
      const t0 = performance.now();
      setValue.call(input, String(4000 + 37 * (i + 1)));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await changed;
      // Still inside the edit's task: a message marks its end, an animation callback the frame.
      let frameStart = 0;
      const [jsEnd, frameEnd] = await Promise.all([
        nextTask(),
        new Promise((resolve) => requestAnimationFrame(() => {
          frameStart = performance.now();
          nextTask().then(resolve);
        })),
      ]);
      times.push(frameEnd - t0);
      work.push(frameEnd - t0 - Math.max(0, frameStart - jsEnd));
    }
    return { times: times.slice(5), work: work.slice(5) };
  });
  await context.close();

  // The sweep view: from another view to the drawn charts, and an edit on it.
  const sweepContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const sweepPage = await sweepContext.newPage();
  await sweepPage.goto(`${server.url}${BASE}#v=1&view=decode`);
  await sweepPage.waitForSelector('#decode-table [data-value]');
  const sweepRuns = await sweepPage.evaluate(async () => {
    const link = 'v=1&view=sweep&metric=Total,TPS';
    const drawn = () => {
      const grid = document.querySelector('#sweep-charts');
      const figures = [...document.querySelectorAll('#sweep-charts figure.chart')].filter(
        (f) => f.getBoundingClientRect().top < innerHeight,
      );
      return grid !== null && figures.length > 0 && figures.every((f) => f.querySelector('canvas'));
    };
    const until = (ok) => new Promise((resolve) => {
      const check = () => (ok() ? requestAnimationFrame(() => resolve()) : setTimeout(check, 0));
      check();
    });
    // A first visit starts the worker and loads the chart code.
    location.hash = `#${link}`;
    await until(() => document.querySelector('#sweep-charts')?.getAttribute('data-link') === link && drawn());
    const open = [];
    const edit = [];
    for (let i = 0; i < 9; i++) {
      location.hash = '#v=1&view=decode';
      await new Promise((r) => setTimeout(r, 150));
      const t0 = performance.now();
      location.hash = `#${link}`;
      await until(() => document.querySelector('#sweep-charts')?.getAttribute('data-link') === link && drawn());
      open.push(performance.now() - t0);
      const input = document.querySelector('#field-decode_len');
      const t1 = performance.now();
      input.value = String(1000 + i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await until(() => (document.querySelector('#sweep-charts')?.getAttribute('data-link') ?? '').includes(`decode_len=${1000 + i}`));
      edit.push(performance.now() - t1);
    }
    return { open, edit };
  });
  await sweepContext.close();

  // The frame clock: one word of an empty page changed, timed as the edits are.
  const emptyPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await emptyPage.setContent('<p id="word">0</p>');
  const floor = await emptyPage.evaluate(async () => {
    const word = document.getElementById('word').firstChild;
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }));
    const out = [];
    for (let i = 0; i < 35; i++) {
      await painted();
      const t0 = performance.now();
      word.data = String(i);
      out.push((await painted()) - t0);
    }
    return out.slice(5);
  });
  await emptyPage.close();

  // Real key events (CDP Input.dispatchKeyEvent through playwright's keyboard) on one field of a
  // view: the Event Timing API's duration of each interaction (input to the next paint, 8 ms
  // granularity; an interaction under 16 ms reports no entry and counts as 16), and the main
  // thread's task time per edit from CDP (Performance.getMetrics TaskDuration).
  async function realEdits(link, field, values, table) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const pg = await ctx.newPage();
    await pg.goto(`${server.url}${BASE}${link}`);
    await pg.waitForSelector(`${table} [data-value]`);
    await pg.evaluate(() => {
      window.interactions = new Map();
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (!e.interactionId) continue;
          window.interactions.set(e.interactionId, Math.max(window.interactions.get(e.interactionId) ?? 0, e.duration));
        }
      }).observe({ type: 'event', durationThreshold: 16, buffered: true });
    });
    const cdp = await ctx.newCDPSession(pg);
    await cdp.send('Performance.enable');
    const taskSeconds = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    const probe = () => pg.$eval(table, (t) => [...t.querySelectorAll('tbody [data-value]')].slice(0, 8).map((c) => c.getAttribute('data-value')).join());
    const work = [];
    let keys = 0;
    for (const value of values) {
      await pg.click(`#field-${field}`, { clickCount: 3 });
      const before = await probe();
      const t0 = await taskSeconds();
      await pg.keyboard.type(value);
      keys += value.length;
      await pg.waitForFunction(([sel, was]) => {
        const now = [...document.querySelector(sel).querySelectorAll('tbody [data-value]')].slice(0, 8).map((c) => c.getAttribute('data-value')).join();
        return now !== was;
      }, [table, before]);
      await pg.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await pg.waitForTimeout(200);
      work.push(((await taskSeconds()) - t0) * 1000 / value.length);
    }
    const seen = await pg.evaluate(() => [...window.interactions.values()]);
    await ctx.close();
    // Every keystroke is an interaction; those under 16 ms left no entry.
    const all = [...seen, ...Array(Math.max(0, keys - seen.length)).fill(16)];
    return { inp: quantile(all, 0.75), work: median(work) };
  }
  const decodeReal = await realEdits('#v=1&view=decode', 'seq_len', ['4100', '4200', '4300', '4400', '4500', '4600', '4700', '4800', '4900', '5000'], '#decode-table');

  // Where a decode edit's main-thread time goes: a Chromium trace of real keystrokes on seq_len,
  // the renderer main thread's time per keystroke by phase (an event nested in one of the same
  // name is not counted twice; "script" is the JavaScript the events and microtasks run).
  async function editBreakdown(link, field, values) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const pg = await ctx.newPage();
    await pg.goto(`${server.url}${BASE}${link}`);
    await pg.waitForSelector(`#field-${field}`);
    await pg.waitForTimeout(300);
    await browser.startTracing(pg, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    let keys = 0;
    for (const v of values) {
      await pg.click(`#field-${field}`, { clickCount: 3 });
      await pg.keyboard.type(v, { delay: 50 });
      keys += v.length;
      await pg.waitForTimeout(100);
    }
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    await ctx.close();
    const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const phases = { script: ['FunctionCall', 'RunMicrotasks', 'EvaluateScript'], style: ['UpdateLayoutTree'], layout: ['Layout'],
      paint: ['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer'], task: ['RunTask'] };
    const out = {};
    for (const [phase, names] of Object.entries(phases)) {
      const spans = events.filter((e) => e.ph === 'X' && names.includes(e.name) && main.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts);
      let total = 0, end = -Infinity;
      for (const e of spans) {
        if (e.ts + e.dur <= end) continue;  // inside one already counted
        total += e.ts >= end ? e.dur : e.ts + e.dur - end;
        end = Math.max(end, e.ts + e.dur);
      }
      out[phase] = total / 1000 / keys;
    }
    return out;
  }
  const breakdown = await editBreakdown('#v=1&view=decode', 'seq_len', ['4100', '4200', '4300', '4400', '4500', '4600']);
  const planReal = await realEdits('#v=1&view=plan', 'isl', ['1100', '1200', '1300', '1400', '1500', '1600', '1700', '1800'], '#plan-table');

  const wasmPage = await browser.newPage();
  await wasmPage.goto(`${wasm.url}wasm-bench.html`);
  await wasmPage.waitForFunction(() => window.sweepRuns !== undefined, null, { timeout: 60000 });
  const sweeps = await wasmPage.evaluate(() => window.sweepRuns);

  console.log(`first_table_chromium_ms: ${fmt(median(firsts))} ms (the frame that paints the prefill table)`);
  console.log(`first_interactive_chromium_ms: ${fmt(median(interactives))} ms (the app has taken it over)`);
  console.log(`inp_p75_chromium_ms decode: ${fmt(decodeReal.inp)} ms (real keys on seq_len, Event Timing)`);
  console.log(`edit_main_thread_ms decode: ${fmt(decodeReal.work)} ms per keystroke (CDP TaskDuration)`);
  console.log(`edit_breakdown_ms decode: tasks ${fmt(breakdown.task)}, script ${fmt(breakdown.script)}, style ${fmt(breakdown.style)}, layout ${fmt(breakdown.layout)}, paint+composite ${fmt(breakdown.paint)} per keystroke (Chromium trace; tracing slows it)`);
  console.log(`inp_p75_chromium_ms plan: ${fmt(planReal.inp)} ms (real keys on isl)`);
  console.log(`edit_main_thread_ms plan: ${fmt(planReal.work)} ms per keystroke`);
  console.log(`input_to_update_chromium_ms: ${fmt(median(edits.times))} ms (median of ${edits.times.length})`);
  console.log(`input_to_update_p95_chromium_ms: ${fmt(quantile(edits.times, 0.95))} ms`);
  console.log(`input_to_update_work_chromium_ms: ${fmt(median(edits.work))} ms (median)`);
  console.log(`input_to_update_work_p95_chromium_ms: ${fmt(quantile(edits.work, 0.95))} ms`);
  console.log(`frame_floor_chromium_ms: ${fmt(median(floor))} ms (one word of an empty page)`);
  console.log(`sweep_seq_len_480_chromium_ms: ${fmt(median(sweeps))} ms`);
  console.log(`sweep_view_chromium_ms: ${fmt(median(sweepRuns.open))} ms`);
  console.log(`sweep_view_edit_chromium_ms: ${fmt(median(sweepRuns.edit))} ms`);
} finally {
  await browser.close();
  await server.close();
}
