// Answer first (issue 10) in Chromium: headline columns in view with units at 1280 px and not
// covering each other at 390 px; memory shortfalls explained with numbers in every view built
// on decode rows; the hardware view; where the time goes; the sweep's EP legend and the series
// download; and axe-core over every view, light and dark, with no violations.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { launch, pagesForThisFile, ready } from './browser';

const base = inject('baseUrl');
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const CLI = `${repoRoot}/build/native/shallowsim`;
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const { open } = pagesForThisFile(base);

const HEADLINE = ['GPU', 'EP', 'TP', 'BatchSize', 'TPOT', 'TPS', 'Total'];

describe('headline columns', () => {
  for (const view of ['decode', 'leaderboard']) {
    it(`${view} at 1280×900: GPU…Total headers are in the viewport, each with its unit`, async () => {
      const { page } = await open(`#v=1&view=${view}`);
      for (const name of HEADLINE) {
        const th = page.locator(`#${view}-table thead th[data-column="${name}"]`);
        const box = await th.boundingBox();
        expect(box, name).not.toBeNull();
        expect(box!.x + box!.width, name).toBeLessThanOrEqual(1280);
        expect(box!.y + box!.height, name).toBeLessThanOrEqual(900);
        if (name !== 'GPU') expect((await th.locator('.unit').textContent())?.trim(), name).not.toBe('');
      }
    });
  }

  it('at 390 px the frozen headline cells of a row do not cover each other', async () => {
    const { page } = await open('#v=1&view=decode', { width: 390, height: 844 });
    await page.locator('#decode-table').scrollIntoViewIfNeeded();
    const cells = await page.$$eval('#decode-table tbody tr', (trs) => {
      const row = trs.find((tr) => tr.querySelector('th.gpu'));
      if (!row) return [];
      return [...row.querySelectorAll('.frozen')].map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, text: el.textContent ?? '' };
      });
    });
    expect(cells.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < cells.length; i++) {
      expect(cells[i]!.left, cells[i]!.text).toBeGreaterThanOrEqual(cells[i - 1]!.right - 0.5);
    }
    // The GPU name is shown whole.
    const gpu = await page.$eval('#decode-table tbody th.gpu', (th) => th.scrollWidth <= th.clientWidth + 1);
    expect(gpu).toBe(true);
  });

  it('at 390 px a row scrolled to its last columns still says which GPU, EP, TP and batch it is', async () => {
    const { page } = await open('#v=1&view=decode&gpus=GB200-NVL72&seq_len=8192&sort=-Total', { width: 390, height: 844 });
    await page.locator('#decode-table').scrollIntoViewIfNeeded();
    await page.$eval('#decode-table', (t) => {
      const scroller = t.parentElement as HTMLElement;
      scroller.scrollLeft = scroller.scrollWidth;
    });
    // The rows render only the columns in view: the last ones arrive with the scroll event's
    // render (a frame later), in place of the spacer cell that stood for them.
    await page.waitForFunction(() => {
      const row = document.querySelector('#decode-table tbody tr:not(.spacer)');
      return row !== null && !row.lastElementChild?.classList.contains('col-spacer');
    });
    const seen = await page.$eval('#decode-table', (t) => {
      const box = (t.parentElement as HTMLElement).getBoundingClientRect();
      const head = [...t.querySelectorAll('thead th')].map((th) => th.getAttribute('data-column'));
      const row = t.querySelector('tbody tr:not(.spacer)') as HTMLTableRowElement;
      const at = (name: string) => row.children[head.indexOf(name)] as HTMLElement;
      const inView = (el: HTMLElement) => {
        const r = el.getBoundingClientRect();
        return r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
      };
      return {
        identity: ['GPU', 'EP', 'TP', 'BatchSize'].map((n) => ({ n, text: at(n).textContent, inView: inView(at(n)), right: at(n).getBoundingClientRect().right, left: at(n).getBoundingClientRect().left })),
        last: inView(row.lastElementChild as HTMLElement),
      };
    });
    expect(seen.last).toBe(true);
    for (const cell of seen.identity) expect(cell.inView, cell.n).toBe(true);
    for (let i = 1; i < seen.identity.length; i++) {
      expect(seen.identity[i]!.left).toBeGreaterThanOrEqual(seen.identity[i - 1]!.right - 0.5);
    }
    expect(seen.identity.map((c) => c.text)).toEqual(['GB200-NVL72', '320', '4', '128']);
  });
});

describe('empty results explained', () => {
  for (const view of ['decode', 'leaderboard', 'frontier', 'maxbatch', 'sweep']) {
    it(`${view} with mem_util=0.01 says why, with the memory numbers`, async () => {
      const link = `#v=1&view=${view}&mem_util=0.01&gpus=H200,GB200-NVL72`;
      const { page } = await open(link);
      await page.waitForSelector('#fit-notes li');
      const items = await page.$$eval('#fit-notes li', (li) => li.map((x) => x.textContent ?? ''));
      expect(items).toHaveLength(2);
      expect(items[0]).toMatch(/^H200: nothing fits — weights and fixed memory [\d.]+ GB per GPU .* > 1\.41 GB usable \(141 GB × mem_util 0\.01\)/);
      // The same sentences the CLI prints on stderr.
      const cli = spawnSync(CLI, ['decode', link, '--format', 'csv'], { encoding: 'utf8' });
      expect(cli.stderr.trim().split('\n')).toEqual(items.map((m) => `note: mem_util: ${m}`));
      expect(await page.textContent('#changed-advanced')).toContain('mem_util');
    });
  }

  it('the plan says which GPUs miss memory', async () => {
    const { page } = await open('#v=1&view=plan&mem_util=0.01&gpus=H200');
    await page.waitForSelector('#plan-misses li[data-key="mem_util"]');
    expect(await page.textContent('#plan-misses')).toMatch(/does not fit/);
  });
});

describe('hardware you can trust', () => {
  it('the hardware view lists every GPU as the CLI does, with sources and warnings', async () => {
    const link = '#v=1&view=catalog&hw=H100,132,20,989,1979,15000,80,3350,450,50,8';
    const { page, consoleErrors } = await open(link);
    await page.waitForSelector('#catalog-table tbody tr');
    const cli = (JSON.parse(execFileSync(CLI, ['catalog', link, '--format', 'json'], { encoding: 'utf8' })) as {
      rows: Record<string, string | number>[];
    }).rows;
    const shown = await page.$$eval('#catalog-table tbody tr', (trs) => {
      const head = [...document.querySelectorAll('#catalog-table thead th')].map((th) => th.getAttribute('data-column'));
      return trs.map((tr) => ({
        gpu: tr.getAttribute('data-gpu'),
        fp8: tr.children[head.indexOf('fp8')]?.getAttribute('data-value'),
      }));
    });
    expect(shown.map((r) => r.gpu)).toEqual(cli.map((r) => r.GPU));
    expect(shown.map((r) => Number(r.fp8))).toEqual(cli.map((r) => r.fp8));
    expect(await page.textContent('#catalog-warnings li[data-gpu="H100"]')).toContain('fp4 = 15000');
    expect(await page.textContent('#catalog-sources [data-gpu="H800"]')).toContain('3,350');
    // The editor shows the same warning under the row.
    expect(await page.textContent('[data-hw-warnings="H100"]')).toContain('fp4 = 15000');
    expect(consoleErrors).toEqual([]);
  });
});

describe('where the time goes', () => {
  it('prefill and decode show a bar per GPU whose parts sum to the total', async () => {
    const { page } = await open('#v=1&gpus=H200,H20');
    await page.waitForSelector('#prefill-breakdown .breakdown-row');
    expect(await page.$$eval('#prefill-breakdown .breakdown-row', (r) => r.map((x) => x.getAttribute('data-row')))).toEqual([
      'H200',
      'H20',
    ]);
    await page.click('#tab-decode');
    await page.waitForSelector('#decode-breakdown .breakdown-row');
    expect(await page.$$eval('#decode-breakdown .breakdown-row', (r) => r.length)).toBe(2);
  });
});

describe('the sweep names its lines', () => {
  it('legends say EP; the plotted-series CSV is the CLI`s', async () => {
    const link = '#v=1&view=sweep&gpus=H800&sweep=seq_len:1024:32768:1024';
    const { page } = await open(link);
    await page.waitForSelector('#sweep-charts .chart-legend li');
    const legend = await page.$$eval('#sweep-charts .chart:first-child .chart-legend li', (li) => li.map((x) => x.textContent ?? ''));
    expect(legend.slice(0, 4).map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual(['EP 36', 'EP 72', 'EP 144', 'EP 320']);
    expect(legend.some((l) => l.includes('memory limit'))).toBe(true);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="series-csv"]')]);
    const text = readFileSync(await file.path(), 'utf8');
    expect(text === execFileSync(CLI, ['series', link, '--format', 'csv', '--digits', 'shortest'], { encoding: 'utf8' })).toBe(true);
  });
});

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
}

describe('accessibility (axe-core)', () => {
  const views = ['prefill', 'decode', 'leaderboard', 'maxbatch', 'sweep', 'frontier', 'plan', 'catalog', 'reality'];
  for (const dark of [false, true]) {
    it(`every view, ${dark ? 'dark' : 'light'}: no violations`, { timeout: 120_000 }, async () => {
      const browserContext = await launch();
      try {
        const context = await browserContext.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, colorScheme: dark ? 'dark' : 'light' });
        const page = await context.newPage();
        const found: string[] = [];
        for (const view of views) {
          await page.goto(`${base}#v=1&view=${view}`);
          await ready(page);
          await page.waitForTimeout(300);
          for (const v of await axe(page)) found.push(`${view}: ${v}`);
        }
        // The error state too.
        await page.goto(`${base}#v=1&view=decode&seq_len=abc&tp=0`);
        await page.waitForSelector('#config-errors:not([hidden])');
        for (const v of await axe(page)) found.push(`errors: ${v}`);
        expect(found).toEqual([]);
      } finally {
        await browserContext.close();
      }
    });
  }
});
