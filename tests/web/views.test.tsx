// The analysis views on the whole page, real engine, in happy-dom (no canvas: the charts show
// their titles and legends, the numbers are checked through the data and the tables).
import { act, fireEvent, waitFor } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { bestAtFloor, frontierPoints } from '../../web/src/chart/frontier';
import type { Engine } from '../../web/src/engine';
import { engine } from './helpers';
import { $, open, resetPageBetweenTests } from './page';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

resetPageBetweenTests();

const $$ = (sel: string) => [...document.querySelectorAll(sel)];
const hash = () => window.location.hash;
const expectHash = (want: string) => waitFor(() => expect(hash()).toBe(want));
const figures = () => $$('#sweep-charts figure.chart');

function type(el: Element | null, value: string) {
  if (!el) throw new Error('no element');
  act(() => {
    fireEvent.input(el, { target: { value } });
  });
}

function choose(el: Element | null, value: string) {
  if (!el) throw new Error('no element');
  act(() => {
    fireEvent.change(el, { target: { value } });
  });
}

describe('sweep view', () => {
  it('a sweep link shows its settings and one chart per GPU with a line per EP', async () => {
    await open('#v=1&view=sweep&sweep=seq_len:1024:16352:32');
    expect($('#tab-sweep')?.getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(figures()).toHaveLength(12));
    expect($('#sweep-charts')?.getAttribute('data-points')).toBe('480');
    expect($<HTMLSelectElement>('select[data-sweep="key"]')?.value).toBe('seq_len');
    expect($<HTMLInputElement>('input[data-sweep="from"]')?.value).toBe('1024');
    expect($<HTMLInputElement>('input[data-sweep="to"]')?.value).toBe('16352');
    expect($<HTMLInputElement>('input[data-sweep="step"]')?.value).toBe('32');
    expect($('#field-sweep .ctl-note')?.textContent).toBe('480 points');
    expect($<HTMLInputElement>('#field-sweep_bs')?.value).toBe('128');
    expect($<HTMLInputElement>('#field-sweep_ep')?.value).toBe('36,72,144,320');
    const titles = figures().map((f) => f.querySelector('figcaption')?.textContent);
    expect(titles[0]).toBe('DGX-B300 (Total)');
    expect(titles).toContain('H800 (Total)');
    const legend = figures()[0]!.querySelectorAll('.chart-legend li');
    expect([...legend].map((li) => li.getAttribute('data-line'))).toEqual(['36', '72', '144', '320']);
    // No canvas in happy-dom: the chart says so instead of failing.
    expect(figures()[0]!.querySelector('.chart-note')).not.toBeNull();
  });

  it('its inputs write the view keys: range, key, metrics, grouping', async () => {
    await open('#v=1&view=sweep');
    await waitFor(() => expect(figures()).toHaveLength(12));
    type($('input[data-sweep="from"]'), '2048');
    await expectHash('#v=1&view=sweep&sweep=seq_len:2048:16352:32');
    await waitFor(() => expect($('#sweep-charts')?.getAttribute('data-points')).toBe('448'));

    choose($('select[data-sweep="key"]'), 'n_activated_experts');
    await expectHash('#v=1&view=sweep&sweep=n_activated_experts:8:126:2');
    await waitFor(() => expect($('#sweep-charts')?.getAttribute('data-points')).toBe('60'));

    act(() => {
      fireEvent.click($('input[data-metric="TPS"]')!);
    });
    await expectHash('#v=1&view=sweep&sweep=n_activated_experts:8:126:2&metric=Total,TPS');
    await waitFor(() => expect(figures()).toHaveLength(24));
    expect(figures()[1]?.querySelector('figcaption')?.textContent).toBe('DGX-B300 (TPS)');

    choose($('#field-sweep_group'), 'ep');
    await expectHash('#v=1&view=sweep&sweep=n_activated_experts:8:126:2&metric=Total,TPS&sweep_group=ep');
    await waitFor(() => expect(figures()).toHaveLength(8));
    expect(figures()[0]?.querySelector('figcaption')?.textContent).toBe('EP 36 (Total)');
    expect(figures()[0]!.querySelectorAll('.chart-legend li')).toHaveLength(12);

    type($('#field-sweep_ep'), '72');
    await waitFor(() => expect(figures()).toHaveLength(2));
    await waitFor(() => expect(hash()).toContain('sweep_ep=72'));
  });

  it('a bad sweep is reported by key, linked to its input, and keeps the last charts', async () => {
    await open('#v=1&view=sweep');
    await waitFor(() => expect(figures()).toHaveLength(12));
    type($('input[data-sweep="step"]'), '0');
    await waitFor(() => expect($$('#config-errors li').map((li) => li.getAttribute('data-key'))).toEqual(['sweep']));
    expect($('#field-sweep-error')?.textContent).toBeTruthy();
    expect($('#field-sweep .ctl-note')?.textContent).toBe('');
    // The key in the list is a link to the input.
    expect($('#config-errors li button.key-link')).not.toBeNull();
    expect(figures()).toHaveLength(12);
    expect($('.panels')?.classList.contains('stale')).toBe(true);
    type($('input[data-sweep="step"]'), '5000');
    await expectHash('#v=1&view=sweep&sweep=seq_len:1024:16352:5000');
    await waitFor(() => expect($('#sweep-charts')?.getAttribute('data-points')).toBe('4'));
  });
});

describe('frontier view', () => {
  it('shows the best Total per GPU at or above the floor, and the floor is a link key', async () => {
    await open('#v=1&view=frontier&tps_floor=60');
    const table = $('#frontier-best-table')!;
    expect(table.getAttribute('data-floor')).toBe('60');
    const r = sim.compute('#v=1', ['frontier']);
    if (!r.ok || !r.frontier) throw new Error('frontier');
    const points = frontierPoints(r.frontier);
    const check = (floor: number) => {
      const rows = $$('#frontier-best-table tbody tr');
      expect(rows).toHaveLength(12);
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
    expect($('#frontier-chart')?.getAttribute('data-lines')).toBe('12');
    // The frontier rows are still there as a table.
    expect($('#frontier-table')?.getAttribute('data-rows')).toBe(String(r.frontier.rows));

    type($('#field-tps_floor'), '150');
    await expectHash('#v=1&view=frontier&tps_floor=150');
    check(150);
    expect($$('#frontier-best-table td.empty-cell').length).toBeGreaterThan(0);
    type($('#field-tps_floor'), '-1');
    await waitFor(() => expect($$('#config-errors li').map((li) => li.getAttribute('data-key'))).toEqual(['tps_floor']));
  });
});

describe('A/B comparison', () => {
  it('pin, change an input, see the change in every table; the link carries both; clear', async () => {
    await open('#v=1&view=decode');
    expect($('#clear-baseline')).toBeNull();
    expect($$('#decode-table td[data-base]')).toHaveLength(0);
    act(() => {
      fireEvent.click($('#pin-baseline')!);
    });
    await expectHash('#v=1&view=decode&base=v%3D1');
    expect($('#compare')?.classList.contains('pinned')).toBe(true);

    type($('#field-seq_len'), '8192');
    await expectHash('#v=1&seq_len=8192&view=decode&base=v%3D1');
    expect($$('#compare .changes li').map((li) => li.getAttribute('data-key'))).toEqual(['seq_len']);
    expect($('#compare .changes li')?.textContent).toContain('4383');

    // Decode: every row has its (GPU, TP, EP, BatchSize) row in the baseline.
    const cells = $$('#decode-table tbody tr:not(.spacer) td[data-base]');
    expect(cells.length).toBeGreaterThan(100);
    const base = sim.compute('#v=1', ['decode']);
    const cur = sim.compute('#v=1&seq_len=8192', ['decode']);
    if (!base.ok || !cur.ok) throw new Error('compute');
    const firstRow = $('#decode-table tbody tr:not(.spacer)')!;
    const total = firstRow.children[18]!;
    // Row 0 is DGX-B300, TP 1, EP 8, batch 16 in both; Total is the 18th value of a row.
    expect(cur.decode!.columns[18]).toBe('Total');
    expect(Number(total.getAttribute('data-value'))).toBe(cur.decode!.values[17]);
    expect(Number(total.getAttribute('data-base'))).toBe(base.decode!.values[17]);
    const change = (cur.decode!.values[17]! - base.decode!.values[17]!) / base.decode!.values[17]!;
    expect(total.querySelector('.delta')?.textContent).toBe(`${change > 0 ? '+' : '−'}${Math.abs(change * 100).toFixed(1)} %`);
    // Key columns show no change.
    expect(firstRow.children[1]?.hasAttribute('data-base')).toBe(false);

    // Prefill: each GPU's cell against the baseline's.
    expect($$('#prefill-table td[data-base]').length).toBe(12 * 13);
    // Leaderboard: by GPU and batch.
    act(() => {
      fireEvent.click($('#tab-leaderboard')!);
    });
    await waitFor(() => expect($$('#leaderboard-table td[data-base]').length).toBeGreaterThan(0));

    act(() => {
      fireEvent.click($('#clear-baseline')!);
    });
    await expectHash('#v=1&seq_len=8192&view=leaderboard');
    expect($$('#leaderboard-table td[data-base]')).toHaveLength(0);
    expect($('#compare')?.classList.contains('pinned')).toBe(false);
  });

  it('a shared comparison link opens compared; the sweep draws the baseline dashed', async () => {
    await open(`#v=1&view=sweep&gpus=H200&n_activated_experts=6&base=${encodeURIComponent('v=1&gpus=H200')}`);
    expect($$('#compare .changes li').map((li) => li.getAttribute('data-key'))).toEqual(['n_activated_experts']);
    await waitFor(() => expect(figures()[0]?.querySelectorAll('.chart-legend li.dashed')).toHaveLength(4));
    expect(figures()[0]!.querySelector('.chart-legend li.dashed')?.getAttribute('data-line')).toBe('36 (baseline)');
    act(() => {
      fireEvent.click($('#tab-frontier')!);
    });
    await waitFor(() => expect($('#frontier-best-table thead')?.textContent).toContain('Baseline Total'));
    expect($$('#frontier-best-table td.delta-cell')).toHaveLength(1);
  });

  it('pinning while comparing re-pins the current configuration', async () => {
    await open(`#v=1&seq_len=8192&base=${encodeURIComponent('v=1')}`);
    act(() => {
      fireEvent.click($('#pin-baseline')!);
    });
    await expectHash('#v=1&seq_len=8192&base=v%3D1%26seq_len%3D8192');
    expect($('#compare .changes')).toBeNull();
  });
});
