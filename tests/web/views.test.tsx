// The analysis views on the whole page, real engine, in happy-dom (no canvas: the charts show
// their titles and legends, the numbers are checked through the data and the tables).
import { waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bestAtFloor, frontierPoints } from '../../web/src/chart/frontier';
import type { Engine, Table } from '../../web/src/engine';
import { strings } from '../../web/src/i18n';
import { cell, gpuName } from '../../web/src/table/cells';
import { formatChange, relativeChange } from '../../web/src/table/compare';
import { cli, engine, tableOf } from './helpers';
import { $, $$, choose, click, expectHash, open, resetPageBetweenTests, type } from './page';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

resetPageBetweenTests();
afterEach(() => vi.restoreAllMocks());

const t = strings.en;
const figures = () => $$('#sweep-charts figure.chart');
const catalog = () => sim.describe.catalog.map((g) => g.name);
const field = (key: string) => sim.describe.fields.find((f) => f.key === key)!;
const headers = (table: string) => $$(`#${table} thead th`).map((th) => th.getAttribute('data-column') ?? '');
const bodyRows = (table: string) => $$(`#${table} tbody tr:not(.spacer)`);
const errorKeys = () => $$('#config-errors li').map((li) => li.getAttribute('data-key'));

describe('sweep view', () => {
  it('a sweep link shows its settings and one chart per GPU with a line per EP', async () => {
    await open('#v=1&view=sweep&sweep=seq_len:1024:16352:32');
    expect($('#tab-sweep')?.getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(figures()).toHaveLength(catalog().length));
    const points = sim.sweepSeries('#v=1&sweep=seq_len:1024:16352:32');
    const count = points.ok ? points.x.length : -1;
    expect($('#sweep-charts')?.getAttribute('data-points')).toBe(String(count));
    expect($<HTMLSelectElement>('select[data-sweep="key"]')?.value).toBe('seq_len');
    expect($<HTMLInputElement>('input[data-sweep="from"]')?.value).toBe('1024');
    expect($<HTMLInputElement>('input[data-sweep="to"]')?.value).toBe('16352');
    expect($<HTMLInputElement>('input[data-sweep="step"]')?.value).toBe('32');
    expect($('#field-sweep .ctl-note')?.textContent).toBe(t.sweep.points(count));
    expect($<HTMLInputElement>('#field-sweep_bs')?.value).toBe(field('sweep_bs').default);
    expect($<HTMLInputElement>('#field-sweep_ep')?.value).toBe(field('sweep_ep').default);
    const titles = figures().map((f) => f.querySelector('figcaption')?.textContent);
    expect(titles).toEqual(catalog().map((g) => `${g} (Total)`));
    const legend = figures()[0]!.querySelectorAll('.chart-legend li');
    expect([...legend].map((li) => li.getAttribute('data-line'))).toEqual(field('sweep_ep').default.split(',').map((ep) => `EP ${ep}`));
    // No canvas in happy-dom: the chart says so instead of failing.
    expect(figures()[0]!.querySelector('.chart-note')?.textContent).toBe(t.sweep.noCanvas);
    // The sweep view computes no table.
    expect($('#panel-sweep table')).toBeNull();
  });

  it('its inputs write the view keys: range, key, metrics, grouping', async () => {
    await open('#v=1&view=sweep');
    await waitFor(() => expect(figures()).toHaveLength(catalog().length));
    type($('input[data-sweep="from"]'), '2048');
    await expectHash('#v=1&view=sweep&sweep=seq_len:2048:16352:32');
    await waitFor(() => expect($('#sweep-charts')?.getAttribute('data-points')).toBe('448'));

    choose($('select[data-sweep="key"]'), 'n_activated_experts');
    const reference = field('n_activated_experts').reference_sweep;
    await expectHash(`#v=1&view=sweep&sweep=${reference}`);
    const series = sim.sweepSeries(`#v=1&sweep=${reference}`);
    await waitFor(() => expect($('#sweep-charts')?.getAttribute('data-points')).toBe(String(series.ok && series.x.length)));

    click($('input[data-metric="TPS"]'));
    await expectHash(`#v=1&view=sweep&sweep=${reference}&metric=Total,TPS`);
    await waitFor(() => expect(figures()).toHaveLength(2 * catalog().length));
    expect(figures()[1]?.querySelector('figcaption')?.textContent).toBe(`${catalog()[0]} (TPS)`);
    // The last metric cannot be unticked.
    click($('input[data-metric="Total"]'));
    await expectHash(`#v=1&view=sweep&sweep=${reference}&metric=TPS`);
    expect($<HTMLInputElement>('input[data-metric="TPS"]')?.disabled).toBe(true);
    click($('input[data-metric="Total"]'));
    await expectHash(`#v=1&view=sweep&sweep=${reference}&metric=TPS,Total`);

    choose($('#field-sweep_group'), 'ep');
    await expectHash(`#v=1&view=sweep&sweep=${reference}&metric=TPS,Total&sweep_group=ep`);
    const eps = field('sweep_ep').default.split(',');
    await waitFor(() => expect(figures()).toHaveLength(2 * eps.length));
    expect(figures()[0]?.querySelector('figcaption')?.textContent).toBe(`${t.sweep.ep(Number(eps[0]))} (TPS)`);
    expect(figures()[0]!.querySelectorAll('.chart-legend li')).toHaveLength(catalog().length);

    type($('#field-sweep_ep'), '72');
    await waitFor(() => expect(figures()).toHaveLength(2));
    await waitFor(() => expect(window.location.hash).toContain('sweep_ep=72'));
  });

  it('a bad sweep is reported by key, linked to its input, and keeps the last charts', async () => {
    await open('#v=1&view=sweep');
    await waitFor(() => expect(figures()).toHaveLength(catalog().length));
    type($('input[data-sweep="step"]'), '0');
    await waitFor(() => expect(errorKeys()).toEqual(['sweep']));
    expect($('#field-sweep-error')?.textContent).toBeTruthy();
    expect($('#field-sweep .ctl-note')?.textContent).toBe('');
    // The key in the list is a link to the input.
    expect($('#config-errors li button.key-link')).not.toBeNull();
    expect(figures()).toHaveLength(catalog().length);
    expect($('.panels')?.classList.contains('stale')).toBe(true);
    type($('input[data-sweep="step"]'), '5000');
    await expectHash('#v=1&view=sweep&sweep=seq_len:1024:16352:5000');
    await waitFor(() => expect($('#sweep-charts')?.getAttribute('data-points')).toBe('4'));
  });

  it("the CSV button downloads the CLI's sweep table", async () => {
    const link = 'v=1&view=sweep&gpus=H200,H20&sweep=seq_len:1024:16352:4096';
    await open(`#${link}`);
    await waitFor(() => expect(figures()).toHaveLength(2));
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    click($('button[data-export="sweep-csv"]'));
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect((await blobs[0]!.text()) === cli('sweep', link, 'csv')).toBe(true);
  });
});

describe('frontier view', () => {
  it('shows the best Total per GPU at or above the floor, and the floor is a link key', async () => {
    await open('#v=1&view=frontier&tps_floor=60');
    const table = $('#frontier-best-table')!;
    expect(table.getAttribute('data-floor')).toBe('60');
    const frontier = tableOf(sim, '#v=1', 'frontier');
    const points = frontierPoints(frontier);
    const check = (floor: number) => {
      const rows = $$('#frontier-best-table tbody tr');
      expect(rows).toHaveLength(catalog().length);
      for (const row of rows) {
        const gpu = row.getAttribute('data-gpu') ?? '';
        const best = bestAtFloor(points.get(gpu) ?? [], floor);
        const cells = row.querySelectorAll('td[data-value]');
        if (!best) {
          expect(cells, gpu).toHaveLength(0);
          continue;
        }
        expect(Number(cells[0]?.getAttribute('data-value')), gpu).toBe(best.total);
        expect(Number(cells[1]?.getAttribute('data-value')), gpu).toBe(best.tps);
        expect([2, 3, 4].map((i) => Number(cells[i]?.getAttribute('data-value')))).toEqual([best.ep, best.tp, best.batch]);
      }
    };
    check(60);
    expect($<HTMLInputElement>('#field-tps_floor')?.value).toBe('60');
    expect($('#frontier-chart')?.getAttribute('data-lines')).toBe(String(catalog().length));
    expect($('#frontier-chart')?.getAttribute('data-floor')).toBe('60');
    // Every frontier row is there as a table too; the floor does not filter it.
    expect($('#frontier-table')?.getAttribute('data-rows')).toBe(String(frontier.rows));

    type($('#field-tps_floor'), '150');
    await expectHash('#v=1&view=frontier&tps_floor=150');
    check(150);
    expect($$('#frontier-best-table td.empty-cell').length).toBeGreaterThan(0);
    type($('#field-tps_floor'), '-1');
    await waitFor(() => expect(errorKeys()).toEqual(['tps_floor']));
  });

  it("the link's filters choose the frontier's rows", async () => {
    await open('#v=1&view=frontier&only_gpu=H200&only_ep=72');
    const want = tableOf(sim, '#v=1&only_gpu=H200&only_ep=72', 'frontier');
    expect($('#frontier-table')?.getAttribute('data-rows')).toBe(String(want.rows));
    expect($$('#frontier-best-table tbody tr').map((tr) => tr.getAttribute('data-gpu'))).toEqual(['H200']);
    const best = bestAtFloor(frontierPoints(want).get('H200') ?? [], 0);
    expect(Number($('#frontier-best-table td[data-value]')?.getAttribute('data-value'))).toBe(best?.total);
  });
});

describe('A/B comparison', () => {
  /** The row of `table` with the same GPU and key columns as row `r` of `of`. */
  function sameRow(table: Table, of: Table, r: number, keys: readonly string[]): number {
    for (let b = 0; b < table.rows; b++) {
      if (gpuName(table, b) !== gpuName(of, r)) continue;
      if (keys.every((k) => cell(table, b, table.columns.indexOf(k)) === cell(of, r, of.columns.indexOf(k)))) return b;
    }
    return -1;
  }

  it('pin, change an input, see the change in every table; the link carries both; clear', async () => {
    await open('#v=1&view=decode');
    expect($('#clear-baseline')).toBeNull();
    expect($$('#decode-table td[data-base]')).toHaveLength(0);
    click($('#pin-baseline'));
    await expectHash('#v=1&view=decode&base=v%3D1');
    expect($('#compare')?.classList.contains('pinned')).toBe(true);
    expect($('#compare .compare-title')?.textContent).toContain(t.compare.same);

    type($('#field-seq_len'), '8192');
    await expectHash('#v=1&seq_len=8192&view=decode&base=v%3D1');
    expect($$('#compare .changes li').map((li) => li.getAttribute('data-key'))).toEqual(['seq_len']);
    expect($('#compare .changes li .was')?.textContent).toBe(field('seq_len').default);
    expect($('#compare .changes li .now')?.textContent).toBe('8192');

    // Decode: every row has its (GPU, TP, EP, BatchSize) row in the baseline.
    expect($$('#decode-table tbody tr:not(.spacer) td[data-base]').length).toBeGreaterThan(100);
    const base = tableOf(sim, '#v=1', 'decode');
    const cur = tableOf(sim, '#v=1&seq_len=8192', 'decode');
    const at = headers('decode-table').indexOf('Total');
    const total = bodyRows('decode-table')[0]!.children[at]!;
    const b = sameRow(base, cur, 0, ['TP', 'EP', 'BatchSize']);
    const column = cur.columns.indexOf('Total');
    expect(Number(total.getAttribute('data-value'))).toBe(cell(cur, 0, column));
    expect(Number(total.getAttribute('data-base'))).toBe(cell(base, b, column));
    const change = (cell(cur, 0, column) - cell(base, b, column)) / cell(base, b, column);
    expect(total.querySelector('.delta')?.textContent).toBe(`${change > 0 ? '+' : '−'}${Math.abs(change * 100).toFixed(1)} %`);
    // A longer context: less throughput, shown as worse.
    expect(total.querySelector('.delta')?.classList.contains('worse')).toBe(true);
    // Key columns show no change.
    const tpAt = headers('decode-table').indexOf('TP');
    expect(bodyRows('decode-table')[0]!.children[tpAt]?.hasAttribute('data-base')).toBe(false);
    expect(bodyRows('decode-table')[0]!.children[0]?.hasAttribute('data-base')).toBe(false);

    // Prefill: each GPU's cell against the baseline's.
    click($('#tab-prefill'));
    const layout = sim.describe.prefill_layout;
    await waitFor(() =>
      expect($$('#prefill-table td[data-base]')).toHaveLength(catalog().length * (layout.rows.length + layout.summary.length)),
    );

    // Leaderboard: best with best, by GPU and batch.
    click($('#tab-leaderboard'));
    await waitFor(() => expect($$('#leaderboard-table td[data-base]').length).toBeGreaterThan(0));
    const bestNote = t.compare.bestNote(sim.describe.views.find((v) => v.key === 'leaderboard')!.match.join(', '));
    expect($('#panel-leaderboard .compare-note')?.textContent).toBe(bestNote);

    click($('#clear-baseline'));
    await expectHash('#v=1&seq_len=8192&view=leaderboard');
    expect($$('#leaderboard-table td[data-base]')).toHaveLength(0);
    expect($('#compare')?.classList.contains('pinned')).toBe(false);
  });

  it('the leaderboard compares each GPU and batch with the baseline\'s best for them', async () => {
    const base = 'v=1&gpus=H200,H800';
    await open(`#v=1&gpus=H200,H20&seq_len=2048&view=leaderboard&base=${encodeURIComponent(base)}`);
    const cur = tableOf(sim, 'v=1&gpus=H200,H20&seq_len=2048', 'leaderboard');
    const old = tableOf(sim, base, 'leaderboard');
    const at = headers('leaderboard-table').indexOf('Total');
    const column = cur.columns.indexOf('Total');
    const rows = bodyRows('leaderboard-table');
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((tr, r) => {
      const gpu = tr.children[0]?.textContent;
      expect(gpu).toBe(gpuName(cur, r));
      const td = tr.children[at]!;
      const b = sameRow(old, cur, r, ['BatchSize']);
      if (gpu === 'H20') {
        // A GPU the baseline does not have: no baseline value.
        expect(b).toBe(-1);
        expect(td.hasAttribute('data-base')).toBe(false);
        expect(tr.children[0]?.classList.contains('unmatched')).toBe(true);
        return;
      }
      expect(Number(td.getAttribute('data-base'))).toBe(cell(old, b, column));
      expect(td.querySelector('.delta')?.textContent).toBe(formatChange(relativeChange(cell(cur, r, column), cell(old, b, column))));
    });
  });

  it('a shared comparison link opens compared; the sweep draws the baseline dashed', async () => {
    await open(`#v=1&view=sweep&gpus=H200&n_activated_experts=6&base=${encodeURIComponent('v=1&gpus=H200')}`);
    expect($$('#compare .changes li').map((li) => li.getAttribute('data-key'))).toEqual(['n_activated_experts']);
    const eps = field('sweep_ep').default.split(',');
    await waitFor(() => expect(figures()[0]?.querySelectorAll('.chart-legend li.dashed')).toHaveLength(eps.length));
    expect(figures()[0]!.querySelector('.chart-legend li.dashed')?.getAttribute('data-line')).toBe(t.compare.baseLabel(`EP ${eps[0]!}`));
    click($('#tab-frontier'));
    await waitFor(() => expect($('#frontier-best-table thead')?.textContent).toContain(t.frontier.baseTotal));
    expect($$('#frontier-best-table td.delta-cell')).toHaveLength(1);
  });

  it('pinning while comparing re-pins the current configuration', async () => {
    await open(`#v=1&seq_len=8192&base=${encodeURIComponent('v=1')}`);
    expect($('#pin-baseline')?.textContent).toBe(t.compare.repin);
    click($('#pin-baseline'));
    await expectHash(`#v=1&seq_len=8192&base=${encodeURIComponent('v=1&seq_len=8192')}`);
    expect($('#compare .changes')).toBeNull();
  });

  it('while the config is invalid there is nothing to pin', async () => {
    await open('#v=1&seq_len=abc');
    expect($<HTMLButtonElement>('#pin-baseline')?.disabled).toBe(true);
  });

  it('a baseline link with an error is reported on base=', async () => {
    await open(`#v=1&base=${encodeURIComponent('v=1&seq_len=abc')}`);
    expect(errorKeys()).toEqual(['base']);
    expect($('#config-errors li')?.textContent).toContain("'abc'");
    expect($('.empty-state')).not.toBeNull();
    // Clearing the baseline brings the tables back.
    click($('#clear-baseline'));
    await expectHash('#v=1');
    await waitFor(() => expect($('#prefill-table')).not.toBeNull());
    expect(errorKeys()).toEqual([]);
  });
});

describe('serve view', () => {
  const t = strings.en;
  it("a server's max_running caps the running requests: the answer says it sets the rate", async () => {
    await open('#v=1&view=serve&gpus=H200&serving=agg&serve_dpa=1&concurrency=512&max_running=64&mode=calibrated');
    await waitFor(() => expect($('#serve-table')).not.toBeNull());
    const bound = $('[data-bound]');
    expect(bound?.getAttribute('data-bound')).toBe('max_running');
    expect(bound?.textContent).toBe(t.serve.bound('max_running'));
    expect(t.serve.bound('max_running')).toContain('max_running');
    // 64 running on the instance's 8 GPUs: 8 per GPU, the rest queue.
    const serve = tableOf(await engine(), '#v=1&gpus=H200&serving=agg&serve_dpa=1&concurrency=512&max_running=64&mode=calibrated', 'serve');
    expect(cell(serve, 0, serve.columns.indexOf('Batch_per_GPU'))).toBeCloseTo(8, 9);
  });

  it('says it assumes prefix-cache hits, and one click prefills every prompt token', async () => {
    const link = 'v=1&gpus=H200&serving=agg&concurrency=64&isl=8192&osl=1024&mode=calibrated&view=serve';
    await open(`#${link}`);
    await waitFor(() => expect($('#serve-cache-note')).not.toBeNull());
    expect($('#serve-cache-note')?.getAttribute('data-rate')).toBe('0.563');
    expect($('#serve-cache-note')?.textContent).toContain(t.serve.cacheHits('56.3'));
    const total = () => Number($('#serve-answer .answer')?.getAttribute('data-value'));
    const withHits = total();
    click($('#serve-cache-note-none'));
    await waitFor(() => expect($('#serve-cache-note')).toBeNull());
    await waitFor(() => expect(window.location.hash).toContain('kv_cache_rate=0'));
    // Every prompt token prefilled: the 8K prompts take longer, the benchmark delivers less.
    await waitFor(() => expect(total()).toBeLessThan(withHits * 0.95));
    const sim = await engine();
    const noHits = tableOf(sim, `#${link}&kv_cache_rate=0`, 'serve');
    expect(total()).toBe(cell(noHits, 0, noHits.columns.indexOf('TotalTPS_per_GPU')));
  });

  it('with attention DP says whether the ranks prefill together, and one click switches it', async () => {
    const link = 'v=1&gpus=H200&serving=agg&serve_dpa=1&concurrency=256&isl=4096&osl=512&mode=calibrated&view=serve';
    await open(`#${link}`);
    await waitFor(() => expect($('#serve-align-note')).not.toBeNull());
    expect($('#serve-align-note')?.getAttribute('data-aligned')).toBe('0');
    expect($('#serve-align-note')?.textContent).toContain(t.serve.alignOwn);
    const total = () => Number($('#serve-answer .answer')?.getAttribute('data-value'));
    const own = total();
    click($('#serve-align-note-toggle'));
    await waitFor(() => expect($('#serve-align-note')?.getAttribute('data-aligned')).toBe('1'));
    await waitFor(() => expect(window.location.hash).toContain('serve_align=1'));
    // The ranks no longer wait for each other's prefill: the same instance delivers more.
    await waitFor(() => expect(total()).toBeGreaterThan(own * 1.05));
    const sim = await engine();
    const aligned = tableOf(sim, `#${link}&serve_align=1`, 'serve');
    expect(total()).toBe(cell(aligned, 0, aligned.columns.indexOf('TotalTPS_per_GPU')));
    // A link naming 2026-12f, which does not read serve_align, has no note.
    await open(`#${link}&cal=2026-12f`);
    await waitFor(() => expect($('#serve-answer .answer')).not.toBeNull());
    expect($('#serve-align-note')).toBeNull();
  });

  it('a finite benchmark (num_prompts) says what its last, smaller wave costs, as the engine computes it', async () => {
    const link =
      'v=1&gpus=H200&serving=agg&serve_dpa=1&isl=1000&osl=1000&mode=calibrated&view=serve';
    await open(`#${link}`);
    await waitFor(() => expect($('#serve-answer .answer')).not.toBeNull());
    expect($('#serve-tail')).toBeNull();
    const sim = await engine();
    const steady = tableOf(sim, `#${link}`, 'serve');
    const slots = cell(steady, 0, steady.columns.indexOf('Concurrency'));
    // One request more than the instance holds: it runs alone at the end.
    const prompts = slots + 1;
    await open(`#${link}&num_prompts=${prompts}`);
    await waitFor(() => expect($('#serve-tail')).not.toBeNull());
    const waves = tableOf(sim, `#${link}&num_prompts=${prompts}`, 'serve');
    const tail = cell(waves, 0, waves.columns.indexOf('Tail_pct'));
    expect(tail).toBeGreaterThan(1);
    expect(Number($('#serve-tail')?.getAttribute('data-tail'))).toBe(tail);
    expect($('#serve-tail')?.textContent).toContain('num_prompts');
    expect(Number($('#serve-answer .answer')?.getAttribute('data-value'))).toBe(
      cell(waves, 0, waves.columns.indexOf('TotalTPS_per_GPU')),
    );
    expect(cell(waves, 0, waves.columns.indexOf('TotalTPS_per_GPU'))).toBeCloseTo(
      cell(steady, 0, steady.columns.indexOf('TotalTPS_per_GPU')) * (1 - tail / 100),
      6,
    );
  });

  it('reference mode, where the hit rate moves prefill by 0.2 %, has no note', async () => {
    await open('#v=1&gpus=H200&serving=agg&view=serve');
    await waitFor(() => expect($('#serve-answer .answer')).not.toBeNull());
    expect($('#serve-cache-note')).toBeNull();
  });
});
