// The plan view in Chromium: the link renders the answer, the table (equal to the CLI's),
// the three charts, survives a reload; a target edit re-plans; a miss says by how much.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { pagesForThisFile } from './browser';

const base = inject('baseUrl');
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const CLI = `${repoRoot}/build/native/shallowsim`;
const { open } = pagesForThisFile(base);

const LINK = '#v=1&view=plan&gpus=GB200-NVL72,H200&isl=1024&osl=1024&tpot_ms=25&ttft_ms=2000';

function cliPlan(link: string): Record<string, string | number | null>[] {
  return (
    JSON.parse(execFileSync(CLI, ['plan', link, '--format', 'json'], { encoding: 'utf8' })) as {
      rows: Record<string, string | number | null>[];
    }
  ).rows;
}

type Shown = Record<string, string | null>[];
async function shownRows(page: import('playwright-core').Page): Promise<Shown> {
  return page.$$eval('#plan-table tbody tr', (all) => {
    const head = [...document.querySelectorAll('#plan-table thead th')].map((th) => th.getAttribute('data-column'));
    return all.filter((tr) => tr.querySelector('th.gpu')).map((tr) => {
      const out: Record<string, string | null> = { GPU: tr.querySelector('th.gpu')?.textContent ?? null };
      [...tr.children].forEach((td, i) => {
        const name = head[i];
        // Link cells show the view they open: their target is the link.
        if (name && name !== 'GPU') out[name] = td.getAttribute('data-value') ?? td.querySelector('a')?.getAttribute('href') ?? null;
      });
      return out;
    });
  });
}

describe('plan view', () => {
  it('the issue link: answer, table equal to the CLI, three charts; it survives a reload', async () => {
    const { page, consoleErrors } = await open(LINK);
    await page.waitForSelector('#plan-table td[data-value]');
    const cli = cliPlan(LINK);
    const check = async () => {
      const shown = await shownRows(page);
      expect(shown.map((r) => r.GPU)).toEqual(cli.map((r) => r.GPU));
      shown.forEach((row, i) => {
        for (const [name, value] of Object.entries(row)) {
          if (name === 'GPU') continue;
          const want = cli[i]?.[name];
          if (typeof want === 'string') expect(value, `${String(row.GPU)} ${name}`).toBe(want);
          else if (want === null) expect(Number(value), name).toBeNaN();
          else expect(Number(value), `${String(row.GPU)} ${name}`).toBe(want);
        }
      });
    };
    await check();
    // The answer names the best GPU and its output per GPU.
    const answer = page.locator('#plan-answer .answer');
    expect(await answer.getAttribute('data-gpu')).toBe(cli[0]?.GPU);
    expect(Number(await answer.getAttribute('data-value'))).toBe(cli[0]?.OutputTPS_per_GPU);
    expect(await answer.getAttribute('data-serving')).toBe(cli[0]?.Serving);
    // With its measured error band, and what it assumes.
    expect(Number(await page.getAttribute('#plan-answer .band', 'data-uncertainty'))).toBe(cli[0]?.Uncertainty_pct);
    expect(await page.getAttribute('#plan-answer .plan-assumes', 'data-moe')).toBe(cli[0]?.MoE);
    // GB200 assumes FP4 experts and H200 FP8: the answer says so and offers one precision.
    await page.click('#plan-same-precision');
    await page.waitForFunction(() => location.hash.includes('moe_dtype=fp8'));
    await page.waitForSelector('#plan-answer .plan-assumes[data-moe="fp8"]');
    expect(await page.locator('#plan-same-precision').count()).toBe(0);
    await page.goBack();
    await page.waitForSelector('#plan-same-precision');
    // Reference mode states its measured error and offers calibrated mode in one click.
    expect(await page.textContent('#plan-reference')).toMatch(/errs by a median \d+ %/);
    // Charts are drawn as they near the viewport.
    for (const id of ['#plan-output-chart', '#plan-cost-chart', '#plan-ratio-chart']) {
      await page.locator(id).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${id} canvas`);
    }
    expect(await page.getAttribute('#plan-output-chart', 'data-lines')).toBe('2');
    expect(await page.$$eval('#plan-prices li', (li) => li.map((x) => x.getAttribute('data-value')))).toEqual([
      '1.86',
      '1.22',
    ]);
    await page.reload();
    await page.waitForSelector('#plan-table td[data-value]');
    await check();
    expect(await page.inputValue('#field-tpot_ms')).toBe('25');
    expect(consoleErrors).toEqual([]);
  });

  it('a tighter TPOT re-plans; a GPU that cannot meet it says by how much; a bad price names the key', async () => {
    const { page } = await open(LINK);
    await page.waitForSelector('#plan-table td[data-value]');
    await page.fill('#field-tpot_ms', '6');
    await page.waitForSelector('#plan-misses li[data-gpu="H200"]');
    const miss = page.locator('#plan-misses li[data-gpu="H200"]');
    expect(await miss.getAttribute('data-key')).toBe('tpot_ms');
    expect(Number(await miss.getAttribute('data-value'))).toBeGreaterThan(6);
    expect(await miss.textContent()).toMatch(/TPOT ≥ [\d.]+ ms at any batch/);
    await page.waitForFunction(() => location.hash.includes('tpot_ms=6'));
    const shown = await shownRows(page);
    expect(shown.map((r) => r.GPU)).toEqual(cliPlan(LINK.replace("tpot_ms=25", "tpot_ms=6")).map((r) => r.GPU));
    for (const r of shown) expect(Number(r.TPOT_ms)).toBeLessThanOrEqual(6);

    await page.fill('#field-price', 'H200:1,H200:2');
    await page.waitForSelector('[data-field="price"] .field-error');
    expect(await page.textContent('[data-field="price"] .field-error')).toContain('has two prices');
    // The last good plan stays on screen.
    expect((await shownRows(page)).length).toBe(shown.length);
  });

  it('within a budget every row fits it; a plan opens its serving benchmark', async () => {
    const link = `${LINK}&mode=calibrated&gpus_total=64`;
    const { page, consoleErrors } = await open(link);
    await page.waitForSelector('#plan-answer [data-gpus]');
    const cli = cliPlan(link);
    for (const r of await shownRows(page)) expect(Number(r.GPUs)).toBeLessThanOrEqual(64);
    expect(Number(await page.getAttribute('#plan-answer [data-gpus]', 'data-gpus'))).toBe(cli[0]?.GPUs);
    await page.click('#plan-open-serve');
    await page.waitForSelector('#serve-table td[data-value]');
    expect(await page.getAttribute('#serve-table', 'data-rows')).toBe('1');
    expect(await page.getAttribute('#serve-answer .answer', 'data-gpu')).toBe(cli[0]?.GPU);
    expect(await page.getAttribute('#serve-answer .answer', 'data-serving')).toBe(cli[0]?.Serving);
    const gpus = await page.$eval('#serve-table tbody tr', (tr) => {
      const head = [...document.querySelectorAll('#serve-table thead th')];
      return tr.children[head.findIndex((th) => th.getAttribute('data-column') === 'GPUs')]?.getAttribute('data-value');
    });
    expect(Number(gpus)).toBe(cli[0]?.GPUs);
    expect(consoleErrors).toEqual([]);
  });

  it('with a load it sizes the fleet; a plan opens its decode row', async () => {
    const link = `${LINK}&mode=calibrated&load=100000&serving=disagg`;
    const { page } = await open(link);
    await page.waitForSelector('#plan-answer [data-gpus]');
    const cli = cliPlan(link);
    expect(Number(await page.getAttribute('#plan-answer [data-gpus]', 'data-gpus'))).toBe(cli[0]?.GPUs);
    await page.click(`#plan-links li[data-gpu="${String(cli[0]?.GPU)}"] a.open-link >> nth=0`);
    await page.waitForSelector('#decode-table td[data-value]');
    expect(await page.getAttribute('#decode-table', 'data-rows')).toBe('1');
    const tpot = await page.$eval('#decode-table tbody tr', (tr) => {
      const head = [...document.querySelectorAll('#decode-table thead th')];
      return tr.children[head.findIndex((th) => th.getAttribute('data-column') === 'TPOT')]?.getAttribute('data-value');
    });
    expect(Number(tpot)).toBe(cli[0]?.TPOT_ms);
  });
  it('an aggregated plan with attention DP says whether its ranks prefill together; one click re-plans', async () => {
    const link = '#v=1&view=plan&mode=calibrated&serving=agg&gpus=H200&isl=1024&osl=8192&tpot_ms=200';
    const { page, consoleErrors } = await open(link);
    await page.waitForSelector('#plan-align-note');
    const cli = cliPlan(link);
    expect(cli[0]?.PrefillDP).toBe(8);
    expect(await page.getAttribute('#plan-align-note', 'data-aligned')).toBe('0');
    const answer = page.locator('#plan-answer .answer');
    expect(Number(await answer.getAttribute('data-value'))).toBe(cli[0]?.OutputTPS_per_GPU);
    await page.click('#plan-align-note-toggle');
    await page.waitForFunction(() => location.hash.includes('serve_align=1'));
    await page.waitForSelector('#plan-align-note[data-aligned="1"]');
    const aligned = cliPlan(`${link}&serve_align=1`);
    await page.waitForFunction(
      (want) => Number(document.querySelector('#plan-answer .answer')?.getAttribute('data-value')) === want,
      aligned[0]?.OutputTPS_per_GPU,
    );
    expect(Number(aligned[0]?.OutputTPS_per_GPU)).toBeGreaterThan(Number(cli[0]?.OutputTPS_per_GPU));
    expect(consoleErrors).toEqual([]);
  });
});
