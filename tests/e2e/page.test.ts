// The built page in Chromium: golden numbers on screen, links, errors, safety, sub-paths.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { pagesForThisFile, ready } from './browser';
import { serveStatic } from './static-server.mjs';

const base = inject('baseUrl');
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(`${repoRoot}/${path}`, 'utf8').replace(/\r/g, '');
const golden = (name: string) => read(`tests/golden/${name}`);
const SEED = golden('prefill_seed.link').trim();

const { newPage, open } = pagesForThisFile(base);

function close(actual: number, expected: number): boolean {
  const diff = Math.abs(actual - expected);
  return diff <= 1e-12 || diff <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected));
}

const cellValues = (page: Page, table: string) =>
  page.$$eval(`${table} [data-value]`, (cells) => cells.map((c) => c.getAttribute('data-value')));
const hashOf = (page: Page) => new URL(page.url()).hash;

describe('numbers on screen', () => {
  it('the seed link shows the golden prefill table: exact in data-value, for reading on screen', async () => {
    const { page, consoleErrors } = await open(`#${SEED}`);
    const cells = await page.$$eval('#prefill-table td[data-gpu]', (tds) =>
      tds.map((td) => ({
        gpu: td.getAttribute('data-gpu') ?? '',
        metric: td.getAttribute('data-metric') ?? '',
        value: td.getAttribute('data-value') ?? '',
        // The number as shown (PrefillTPS also shows its error band after it).
        text: td.firstChild?.textContent ?? '',
        band: td.querySelector('.band-pm')?.getAttribute('data-band') ?? null,
      })),
    );
    // Each GPU's PrefillTPS carries reference mode's measured error band (the Reality check's).
    const bands = cells.filter((c) => c.metric === 'PrefillTPS').map((c) => Number(c.band));
    expect(bands.length).toBeGreaterThan(0);
    for (const b of bands) expect(b).toBeGreaterThan(0);
    const [head, ...lines] = golden('prefill_seed.prefill.csv').trim().split('\n');
    const columns = (head ?? '').split(',');
    const expected = new Map<string, number>();
    for (const line of lines) {
      const [gpu, ...values] = line.split(',');
      values.forEach((v, i) => expected.set(`${gpu}|${columns[i + 1]}`, Number(v)));
    }
    expect(cells).toHaveLength(expected.size);
    // Times in ms with 3 decimals, tokens/s whole, both with thousands separators.
    const shown = (metric: string, v: number) =>
      v.toLocaleString('en-US', metric === 'PrefillTPS'
        ? { maximumFractionDigits: 0 }
        : { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    const problems = cells.filter((c) => {
      const want = expected.get(`${c.gpu}|${c.metric}`);
      return want === undefined || !close(Number(c.value), want) || c.text !== shown(c.metric, want);
    });
    expect(problems).toEqual([]);
    const headers = await page.$$eval('#prefill-table thead th', (ths) => ths.map((th) => th.textContent));
    expect(headers.slice(0, 2)).toEqual(['GPU', 'Layers']);
    expect(consoleErrors).toEqual([]);
  });

  it('the default page loads with only its own files and no console errors', async () => {
    const { page, consoleErrors, requests } = await open('');
    expect(await page.isVisible('#prefill-table')).toBe(true);
    await page.click('#tab-decode');
    await page.waitForSelector('#decode-table td[data-value]');
    expect(await page.getAttribute('#decode-table', 'data-rows')).toBe('855');
    await page.click('#tab-leaderboard');
    await page.waitForSelector('#leaderboard-table td[data-value]');
    expect(await page.getAttribute('#leaderboard-table', 'data-rows')).toBe('73');
    await page.waitForLoadState('networkidle');
    const origin = new URL(base).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('an empty fragment means defaults: the address bar stays clean', async () => {
    const { page } = await open('');
    await page.waitForTimeout(300);
    expect(hashOf(page)).toBe('');
  });
});

describe('links', () => {
  it('an input change writes the canonical fragment, updates the tables and survives a reload', async () => {
    const { page, consoleErrors } = await open('');
    const prefillBefore = await cellValues(page, '#prefill-table');
    await page.fill('#field-seq_len', '8192');
    await page.waitForFunction(() => location.hash === '#v=1&seq_len=8192');
    const prefillAfter = await cellValues(page, '#prefill-table');
    expect(prefillAfter).not.toEqual(prefillBefore);

    await page.click('#tab-decode');
    await page.waitForFunction(() => location.hash === '#v=1&seq_len=8192&view=decode');
    const rows = await page.getAttribute('#decode-table', 'data-rows');
    const decode = await cellValues(page, '#decode-table');
    expect(decode.length).toBeGreaterThan(100);
    await page.fill('#field-seq_len', '4383');
    await page.waitForFunction(() => location.hash === '#v=1&view=decode');
    expect(await cellValues(page, '#decode-table')).not.toEqual(decode);
    await page.fill('#field-seq_len', '8192');
    await page.waitForFunction(() => location.hash === '#v=1&seq_len=8192&view=decode');

    await page.reload();
    await ready(page);
    expect(await page.inputValue('#field-seq_len')).toBe('8192');
    expect(await page.getAttribute('#tab-decode', 'aria-selected')).toBe('true');
    expect(await page.isVisible('#decode-table')).toBe(true);
    expect(await page.getAttribute('#decode-table', 'data-rows')).toBe(rows);
    expect(await cellValues(page, '#decode-table')).toEqual(decode);
    await page.click('#tab-prefill');
    await page.waitForSelector('#prefill-table td[data-value]');
    expect(await cellValues(page, '#prefill-table')).toEqual(prefillAfter);
    expect(consoleErrors).toEqual([]);
  });

  it('Back and Forward step through edits', async () => {
    const { page } = await open('');
    const entries = await page.evaluate(() => history.length);
    await page.fill('#field-seq_len', '8192');
    await page.waitForFunction(() => location.hash === '#v=1&seq_len=8192');
    await page.fill('#field-decode_len', '100');
    await page.waitForFunction(() => location.hash === '#v=1&seq_len=8192&decode_len=100');
    // Both edits are entries of their own; give the browser process time to hold the last one
    // before Back (under a loaded CI machine the renderer's pushState reaches it late).
    await page.waitForFunction((n) => history.length === n + 2, entries);
    await page.waitForTimeout(600);
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#v=1&seq_len=8192');
    await page.waitForFunction(() => (document.querySelector('#field-decode_len') as HTMLInputElement).value === '1210');
    expect(await page.inputValue('#field-seq_len')).toBe('8192');
    await page.goForward();
    await page.waitForFunction(() => (document.querySelector('#field-decode_len') as HTMLInputElement).value === '100');
  });

  it('a malformed link lists each problem and keeps the last good tables', async () => {
    const { page } = await open('#v=1&seq_len=8192&view=decode');
    await page.click('#tab-prefill');
    await page.waitForSelector('#prefill-table td[data-value]');
    const prefill = await cellValues(page, '#prefill-table');
    await page.evaluate(() => {
      location.hash = '#v=1&seq_len=abc&tp=0&foo=1';
    });
    await page.waitForSelector('#config-errors li >> nth=2');
    const items = await page.$$eval('#config-errors li', (lis) =>
      lis.map((li) => ({ key: li.getAttribute('data-key'), text: li.textContent ?? '' })),
    );
    expect(items.map((i) => i.key).sort()).toEqual(['foo', 'seq_len', 'tp']);
    expect(items.find((i) => i.key === 'seq_len')?.text).toContain("'abc'");
    expect(items.find((i) => i.key === 'tp')?.text).toMatch(/out of range/);
    expect(await page.isVisible('#config-errors')).toBe(true);
    expect(await page.textContent('#field-tp-error')).toMatch(/out of range/);
    // The link names no view: the prefill tab, with the last good numbers.
    expect(await cellValues(page, '#prefill-table')).toEqual(prefill);
    expect(await page.isVisible('#prefill-table')).toBe(true);
    // The raw fragment stays, so a reload shows the same problems.
    expect(hashOf(page)).toBe('#v=1&seq_len=abc&tp=0&foo=1');
    await page.reload();
    await ready(page);
    expect(await page.$$eval('#config-errors li', (lis) => lis.length)).toBe(3);
  });

  it('v=2 shows the error, not a blank page', async () => {
    const { page, consoleErrors } = await open('#v=2');
    expect(await page.textContent('#config-errors')).toMatch(/newer/);
    expect(await page.isVisible('#field-seq_len')).toBe(true);
    expect(await page.isVisible('#model-notes')).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it('markup in a link never runs and shows as text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    const hash = `#v=1&gpus=${encodeURIComponent(payload)}&hw=${encodeURIComponent(`${payload},1,0,1,1,0,1,1,1,1,8`)}`;
    const { page } = await open(hash);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$('img')).toHaveLength(0);
    const text = await page.textContent('#config-errors');
    expect(text).toContain(payload);
  });
});

describe('hostile links (tests/hostile/links.tsv)', () => {
  it('every one is reported by key, as text; nothing runs and the page stays up', { timeout: 60_000 }, async () => {
    const lines = read('tests/hostile/links.tsv')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('# '))
      .map((l) => l.split('\t'));
    expect(lines.length).toBeGreaterThan(50);
    const { page, consoleErrors } = await open('');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const scripts = await page.$$eval('script', (s) => s.length);
    const problems: string[] = [];
    for (const [name = '', link = '', key = ''] of lines) {
      const expanded = link.replace(/\{(.+?)\*(\d+)\}/g, (_, t: string, n: string) => t.repeat(Number(n)));
      const hash = expanded.includes('#') ? expanded.slice(expanded.indexOf('#') + 1) : expanded;
      // A valid sentinel first, so each link is a real change to wait for.
      await page.evaluate(() => {
        location.hash = '#v=1&tp=2';
      });
      await page.waitForFunction(() => (document.querySelector('#field-tp') as HTMLInputElement).value === '2');
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      try {
        if (key === 'ok') {
          await page.waitForFunction(
            () => (document.querySelector('#field-tp') as HTMLInputElement).value !== '2',
            undefined,
            { timeout: 3000 },
          );
          if (!(await page.$eval('#config-errors', (e) => (e as HTMLElement).hidden))) problems.push(`${name}: errors shown`);
        } else {
          await page.waitForFunction(
            (k) => [...document.querySelectorAll('#config-errors li')].some((li) => li.getAttribute('data-key') === k),
            key,
            { timeout: 3000 },
          );
        }
      } catch {
        problems.push(`${name}: expected ${key}, saw ${await page.textContent('#config-errors')}`);
      }
    }
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.$$eval('script', (s) => s.length)).toBe(scripts);
    expect(consoleErrors).toEqual([]);
    expect(await page.isVisible('#field-seq_len')).toBe(true);
  });
});

describe('the decode table', () => {
  it('renders only the rows in view, at the row height it assumes, down to the last row', async () => {
    const { page } = await open('#v=1&view=decode');
    const rendered = await page.$$eval('#decode-table tbody tr:not(.spacer)', (trs) => trs.length);
    expect(rendered).toBeLessThan(120);
    const height = await page.$eval('#decode-table tbody tr:not(.spacer)', (tr) => tr.getBoundingClientRect().height);
    expect(height).toBe(28);
    await page.$eval('#decode-table', (t) => {
      const box = t.parentElement as HTMLElement;
      box.scrollTop = box.scrollHeight;
    });
    await page.waitForFunction(() => !document.querySelector('#decode-table tbody tr.spacer:last-child'));
    const last = await page.$eval('#decode-table tbody tr:last-child', (tr) => {
      const head = [...document.querySelectorAll('#decode-table thead th')];
      const at = head.findIndex((th) => th.getAttribute('data-column') === 'Total');
      return { gpu: tr.querySelector('th')?.textContent, total: tr.children[at]?.getAttribute('data-value') };
    });
    const lines = golden('decode_default.decode.csv').trim().split('\n');
    const cells = (lines[lines.length - 1] ?? '').split(',');
    expect(last.gpu).toBe(cells[0]);
    expect(close(Number(last.total), Number(cells[18]))).toBe(true);
  });

  it('sorts from the keyboard and filters; both live in the link', async () => {
    const { page } = await open('#v=1&view=decode');
    await page.focus('#decode-table thead th[data-column="Total"] button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#v=1&view=decode&sort=-Total');
    expect(await page.getAttribute('#decode-table thead th[data-column="Total"]', 'aria-sort')).toBe('descending');
    const top = await page.$eval('#decode-table tbody tr:first-child', (tr) => tr.querySelector('th')?.textContent);
    expect(top).toBe('RubinU-NVL576');
    await page.selectOption('#panel-decode select[data-filter="only_ep"]', '8');
    await page.waitForFunction(() => location.hash === '#v=1&view=decode&sort=-Total&only_ep=8');
    const rows = Number(await page.getAttribute('#decode-table', 'data-rows'));
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(855);
    await page.reload();
    await ready(page);
    expect(Number(await page.getAttribute('#decode-table', 'data-rows'))).toBe(rows);
    expect(await page.inputValue('#panel-decode select[data-filter="only_ep"]')).toBe('8');
  });

  it('opens sorted from a link: the first row has the largest Total', async () => {
    const { page } = await open('#v=1&view=decode&sort=-Total');
    const totals = await page.$$eval('#decode-table tbody tr:not(.spacer)', (trs) => {
      const head = [...document.querySelectorAll('#decode-table thead th')];
      const at = head.findIndex((th) => th.getAttribute('data-column') === 'Total');
      return trs.map((tr) => Number(tr.children[at]?.getAttribute('data-value')));
    });
    expect(totals.length).toBeGreaterThan(5);
    for (let i = 1; i < totals.length; i++) expect(totals[i - 1]!).toBeGreaterThanOrEqual(totals[i]!);
    const lines = golden('decode_default.decode.csv').trim().split('\n').slice(1);
    const best = Math.max(...lines.map((l) => Number(l.split(',')[18])));
    expect(close(totals[0]!, best)).toBe(true);
  });
});

describe('deployment', () => {
  it('works from a sub-path (GitHub Pages)', async () => {
    const server = await serveStatic(`${repoRoot}/web/dist`, '/shallowsim/');
    try {
      const w = await newPage({ width: 390, height: 844 });
      await w.page.goto(`${server.url}#v=1&view=leaderboard`);
      await ready(w.page);
      expect(await w.page.getAttribute('#leaderboard-table', 'data-rows')).toBe('73');
      expect(w.requests.every((u) => u.startsWith(server.url) || u.startsWith('data:'))).toBe(true);
      expect(w.consoleErrors).toEqual([]);
      // Phone width: the config panel starts collapsed and the table scrolls inside its box.
      expect(await w.page.$eval('#config', (d) => (d as HTMLDetailsElement).open)).toBe(false);
      const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await server.close();
    }
  });
});

describe('the prerendered first view', () => {
  // While the engine is held back: index.html already shows the default link's tables, with the
  // numbers the engine gives; when it arrives it takes that markup over without moving it.
  async function held(hash: string, width = 1280) {
    const w = await newPage({ width, height: 900 });
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    await w.page.route('**/*.wasm', async (route) => {
      await gate;
      await route.continue();
    });
    await w.page.goto(`${base}${hash}`, { waitUntil: 'domcontentloaded' });
    return { ...w, release };
  }
  const box = (page: import('playwright-core').Page, sel: string) =>
    page.$eval(sel, (el) => {
      const r = el.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((v) => Math.round(v));
    });

  for (const width of [1280, 390]) {
    it(`paints the default tables before the engine loads, and nothing moves when it does (${width} px)`, async () => {
      const { page, consoleErrors, release } = await held('', width);
      await page.waitForSelector('#app[data-prerendered] #prefill-table td[data-value]');
      const before = await page.$$eval('#prefill-table td[data-value]', (c) => c.map((x) => x.getAttribute('data-value')));
      const where = await box(page, '#prefill-table');
      expect(await page.isVisible('#prefill-table')).toBe(true);
      release();
      await page.waitForSelector('#app:not([data-prerendered]) #prefill-table td[data-value]');
      const after = await page.$$eval('#prefill-table td[data-value]', (c) => c.map((x) => x.getAttribute('data-value')));
      expect(after).toEqual(before);
      expect(await box(page, '#prefill-table')).toEqual(where);
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let sum = 0;
            new PerformanceObserver((list) => {
              for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
                if (!e.hadRecentInput) sum += e.value;
              }
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(sum), 300);
          }),
      );
      expect(shift).toBeLessThan(0.01);
      // The page works: an edit recomputes.
      if (width === 1280) {
        await page.fill('#field-seq_len', '8192');
        await page.waitForFunction(() => location.hash.includes('seq_len=8192'));
      }
      expect(consoleErrors).toEqual([]);
    });
  }

  it('what is typed into the prerendered form before the engine arrives is kept and computed', async () => {
    const { page, consoleErrors, release } = await held('');
    await page.waitForSelector('#app[data-prerendered] #prefill-table td[data-value]');
    const defaults = await cellValues(page, '#prefill-table');
    await page.fill('#field-seq_len', '8192');
    release();
    await page.waitForSelector('#app:not([data-prerendered]) #prefill-table td[data-value]');
    await page.waitForFunction(() => location.hash === '#v=1&seq_len=8192');
    expect(await page.inputValue('#field-seq_len')).toBe('8192');
    // The tables are the typed link's, not the defaults'.
    expect(await cellValues(page, '#prefill-table')).not.toEqual(defaults);
    expect(consoleErrors).toEqual([]);
  });

  it('another link shows the chrome at once and its own tables with the engine', async () => {
    const { page, consoleErrors, release } = await held('#v=1&view=decode&seq_len=8192');
    await page.waitForSelector('#app[data-prerendered]');
    expect(await page.isVisible('h1')).toBe(true);
    // The default link's tables would be wrong for this one: hidden until the engine is in.
    expect(await page.isVisible('#prefill-table')).toBe(false);
    release();
    await page.waitForSelector('#decode-table td[data-value]');
    expect(await page.inputValue('#field-seq_len')).toBe('8192');
    expect(await page.$('#app[data-prerendered]')).toBeNull();
    expect(consoleErrors).toEqual([]);
  });
});
