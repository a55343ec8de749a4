// Calibrated mode and the reality check in Chromium: the view's table is the CLI's, the scatter
// draws, a row opens its scenario, and a calibrated link keeps naming its calibration.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { pagesForThisFile, ready, sameNumber } from './browser';

const base = inject('baseUrl');
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const CLI = `${repoRoot}/build/native/shallowsim`;
const { open } = pagesForThisFile(base);

function cliReality(): Record<string, string>[] {
  const text = execFileSync(CLI, ['reality', '--format', 'json'], { encoding: 'utf8' });
  return (JSON.parse(text) as { rows: Record<string, string>[] }).rows;
}

describe('reality view', () => {
  it('one row per deployment with the CLI numbers, the statistics, the scatter and a scenario link', async () => {
    const { page, consoleErrors } = await open('#v=1&view=reality');
    await page.waitForSelector('#reality-table tbody tr');
    const cli = cliReality();
    expect(await page.getAttribute('#reality-table', 'data-rows')).toBe(String(cli.length));
    const rows = await page.$$eval('#reality-table tbody tr', (trs) => {
      const head = [...document.querySelectorAll('#reality-table thead th')].map((th) => th.getAttribute('data-column'));
      return trs.map((tr) => {
        const cells = [...tr.children];
        const at = (name: string) => cells[head.indexOf(name)]?.getAttribute('data-value') ?? null;
        return { id: tr.getAttribute('data-id'), reference: at('reference'), calibrated: at('calibrated') };
      });
    });
    for (const row of cli) {
      const shown = rows.find((r) => r.id === row.id);
      expect(shown, String(row.id)).toBeDefined();
      for (const mode of ['reference', 'calibrated'] as const) {
        const [page_, cli_] = [Number(shown?.[mode]), Number(row[mode])];
        expect(sameNumber(page_, cli_), `${String(row.id)} ${mode}: ${page_} vs ${cli_}`).toBe(true);
      }
    }
    // The deployment's id leads every row and stays put while the row scrolls; both errors are
    // among the columns in the first screen (the core's headline).
    const layout = await page.$$eval('#reality-table thead th', (ths) => ({
      names: ths.map((th) => th.getAttribute('data-column')),
      sticky: getComputedStyle(ths[0] as Element).position,
      rowSticky: getComputedStyle(document.querySelector('#reality-table tbody th') as Element).position,
      errRight: (ths.find((th) => th.getAttribute('data-column') === 'err_calibrated_pct') as Element).getBoundingClientRect().right,
      boxRight: (document.querySelector('#reality-table')?.parentElement as Element).getBoundingClientRect().right,
    }));
    expect(layout.names[0]).toBe('id');
    expect([layout.sticky, layout.rowSticky]).toEqual(['sticky', 'sticky']);
    expect(layout.errRight).toBeLessThanOrEqual(layout.boxRight);
    // Every source on GitHub is a link to the file it names; the others (a paper, a vendor page)
    // stay text.
    const links = await page.$$eval('.reality-sources a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(cli.filter((r) => String(r.source).startsWith('github.com/')).length);
    for (const href of links) {
      expect(href).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(blob\/HEAD\/\S+|actions\/runs\/\d+)$/);
    }
    // The medians the page states are the CLI's rows' medians.
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const n = s.length;
      return n % 2 ? (s[(n - 1) / 2] as number) : ((s[n / 2 - 1] as number) + (s[n / 2] as number)) / 2;
    };
    // The headline counts the out-of-sample rows only; every row comes after it.
    const tierA = cli.filter((r) => r.tier === 'A');
    const outOfSample = tierA.filter((r) => Number(r.in_sample) === 0);
    expect(outOfSample.length).toBeGreaterThan(8);
    expect(outOfSample.length).toBeLessThan(tierA.length);
    const stated = Number(await page.getAttribute('#reality-stats [data-tiers="A"] > dd:not([data-all]) [data-mode="calibrated"]', 'data-value'));
    expect(stated).toBeCloseTo(median(outOfSample.map((r) => Math.abs(Number(r.err_calibrated_pct)))), 9);
    const every = Number(await page.getAttribute('#reality-stats [data-all="A"] [data-mode="calibrated"]', 'data-value'));
    expect(every).toBeCloseTo(median(tierA.map((r) => Math.abs(Number(r.err_calibrated_pct)))), 9);
    expect(await page.textContent('#reality-stats [data-tiers="A"] dt')).toContain(`out of sample (${outOfSample.length} deployments)`);
    // Which GPUs the deployments check, with the CLI's counts; the catalog's others are named
    // as unchecked.
    const coverage = (await page.textContent('#reality-gpus')) ?? '';
    const count = (gpu: string, tier: string) => cli.filter((r) => r.GPU === gpu && r.tier === tier).length;
    expect(coverage).toContain(`GB200-NVL72 (${count('GB200-NVL72', 'A')} A + ${count('GB200-NVL72', 'B')} B)`);
    expect(coverage).toContain(`H20 (${count('H20', 'A')} A)`);
    expect(coverage).toContain(`MI300X (${count('MI300X', 'B')} B)`);
    const unchecked = (await page.textContent('#reality-unchecked')) ?? '';
    for (const name of ['Rubin-NVL144', 'RubinU-NVL576']) expect(unchecked).toContain(name);
    expect(unchecked).not.toContain('H200');
    for (const gpu of new Set(cli.map((r) => r.GPU))) expect(unchecked).not.toMatch(new RegExp(`[:,] ${gpu}[,.]`));
    await page.waitForSelector('#reality-chart canvas');
    // A row's scenario link opens its decode row in calibrated mode.
    await page.click('#reality-table tbody tr[data-id="ant-h20-decode-bs48"] a.open-link');
    await page.waitForSelector('#decode-table td[data-value]');
    expect(new URL(page.url()).hash).toContain('mode=calibrated&cal=');
    expect(await page.getAttribute('#decode-table', 'data-rows')).toBe('1');
    expect(consoleErrors).toEqual([]);
  });

  it('the issue link works in calibrated mode and names the model in use', async () => {
    const link =
      '#v=1&mode=calibrated&gpus=H20&ep=16&decode_tp=1&bs=48&seq_len=4864&mtp=1&mtp_accept=1.9&kv_dtype=fp8&mbs=1&view=decode';
    const { page } = await open(link);
    await ready(page);
    await page.waitForFunction(() => location.hash.includes('cal='));
    const total = await page.$eval('#decode-table tbody tr', (tr) => {
      const head = [...document.querySelectorAll('#decode-table thead th')];
      return tr.children[head.findIndex((th) => th.getAttribute('data-column') === 'Total')]?.getAttribute('data-value');
    });
    const csv = execFileSync(CLI, ['decode', link, '--format', 'csv'], { encoding: 'utf8' }).trim().split('\n');
    const header = (csv[0] ?? '').split(',');
    expect(Number(total)).toBe(Number((csv[1] ?? '').split(',')[header.indexOf('Total')]));
    expect(await page.textContent('#model-in-use')).toContain('calibrated');
  });
});
