// Component tests of the whole page on the real engine, in happy-dom.
import { act, fireEvent, waitFor } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../web/src/engine';
import { engine, goldenLink } from './helpers';
import { $, open, resetPageBetweenTests } from './page';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

resetPageBetweenTests();

const values = (sel: string) => [...document.querySelectorAll(`${sel} [data-value]`)].map((e) => e.getAttribute('data-value'));
const hash = () => window.location.hash;
/** The address bar is written right after the next paint (see state/url.ts). */
const expectHash = (want: string) => waitFor(() => expect(hash()).toBe(want));
/** The engine's canonical spelling (the core decides how numbers are written). */
const canonical = (link: string) => {
  const r = sim.compute(link, []);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.canonical;
};

function type(el: Element | null, value: string) {
  if (!el) throw new Error('no element');
  act(() => {
    fireEvent.input(el, { target: { value } });
  });
}

describe('the generated form', () => {
  it('renders an input for every schema field (and the hw editor)', async () => {
    await open();
    for (const f of sim.schema) {
      if (f.group === 'View') continue;
      const id = f.kind === 'hw_rows' ? 'field-hw' : `field-${f.key}`;
      expect($(`#${id}`), f.key).not.toBeNull();
    }
    expect($<HTMLInputElement>('#field-seq_len')?.value).toBe('4383');
    expect($<HTMLInputElement>('#field-decode_len')?.value).toBe('1210');
    expect($<HTMLInputElement>('#field-fp8_combine')?.checked).toBe(true);
    expect($<HTMLSelectElement>('#field-model')?.value).toBe('deepseek-v3');
    expect($('#field-seq_len-help')?.textContent).toBe(sim.schema.find((f) => f.key === 'seq_len')?.help.en);
  });

  it('editing a field recomputes and writes the canonical fragment', async () => {
    await open();
    const before = values('#prefill-table');
    type($('#field-seq_len'), '8192');
    await expectHash('#v=1&seq_len=8192');
    expect(values('#prefill-table')).not.toEqual(before);
    expect($('#config-errors')?.hidden).toBe(true);
  });

  it('an invalid value shows its message by the field and in the list, and keeps the tables', async () => {
    await open('#v=1&seq_len=8192');
    const before = values('#prefill-table');
    const decodeBefore = $('#decode-table')?.getAttribute('data-rows');
    type($('#field-tp'), '0');
    const message = $('#field-tp-error')?.textContent ?? '';
    expect(message).toMatch(/out of range/);
    const items = [...document.querySelectorAll('#config-errors li')].map((li) => li.textContent);
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('tp');
    expect(items[0]).toContain(message);
    expect(values('#prefill-table')).toEqual(before);
    expect($('#decode-table')?.getAttribute('data-rows')).toBe(decodeBefore);
    await expectHash('#v=1&seq_len=8192&tp=0');
    type($('#field-tp'), '8');
    expect($('#config-errors')?.hidden).toBe(true);
    await expectHash('#v=1&seq_len=8192&tp=8');
  });

  it('choosing a preset loads its values', async () => {
    await open();
    act(() => {
      fireEvent.change($('#field-model')!, { target: { value: 'kimi-k2' } });
    });
    await expectHash('#v=1&model=kimi-k2');
    expect($<HTMLInputElement>('#field-n_routed_experts')?.value).toBe('384');
  });

  it('the GPU picker edits the gpus key', async () => {
    await open('#v=1&gpus=H200,H800');
    expect([...document.querySelectorAll('#prefill-table thead [data-gpu]')].map((e) => e.textContent)).toEqual(['H200', 'H800']);
    act(() => {
      fireEvent.click($('button[aria-label="Move H800 up"]')!);
    });
    await expectHash('#v=1&gpus=H800,H200');
    act(() => {
      fireEvent.click($('#gpu-pick-H20')!);
    });
    await expectHash('#v=1&gpus=H800,H200,H20');
  });

  it('the hardware editor adds and overrides GPUs', async () => {
    await open('#v=1&gpus=H200');
    act(() => {
      fireEvent.click([...document.querySelectorAll('.hw-add button')][0]!);
    });
    // The first catalog GPU, copied under a new name, added to the explicit GPU list.
    await expectHash(
      `#${canonical('v=1&gpus=H200,DGX-B300-2&hw=DGX-B300-2,160,20,3375,7500,15000,288,8000,900,100,8')}`,
    );
    type($('#hw-0-mem_bw'), '9600');
    await expectHash(
      `#${canonical('v=1&gpus=H200,DGX-B300-2&hw=DGX-B300-2,160,20,3375,7500,15000,288,9600,900,100,8')}`,
    );
    expect($<HTMLInputElement>('#hw-0-mem_bw')?.value).toBe('9600');
    expect(values('#prefill-table').length).toBeGreaterThan(0);
    type($('#hw-0-sm'), 'x');
    expect($('#field-hw-error')?.textContent).toMatch(/sm/);
  });
});

describe('links and views', () => {
  it('reads the fragment on load and on hashchange', async () => {
    await open('#v=1&tp=8&view=decode');
    expect($<HTMLInputElement>('#field-tp')?.value).toBe('8');
    expect($('#tab-decode')?.getAttribute('aria-selected')).toBe('true');
    expect($('#panel-decode')?.hidden).toBe(false);
    act(() => {
      window.location.hash = '#v=1&tp=2&view=leaderboard';
    });
    await waitFor(() => expect($<HTMLInputElement>('#field-tp')?.value).toBe('2'));
    expect($('#tab-leaderboard')?.getAttribute('aria-selected')).toBe('true');
  });

  it('a malformed link lists every problem, fills the fields and keeps the last tables', async () => {
    await open('#v=1&seq_len=8192');
    const before = values('#prefill-table');
    act(() => {
      window.location.hash = '#v=1&seq_len=abc&tp=0&foo=1';
    });
    await waitFor(() => expect(document.querySelectorAll('#config-errors li')).toHaveLength(3));
    const keys = [...document.querySelectorAll('#config-errors li')].map((li) => li.getAttribute('data-key'));
    expect(keys.sort()).toEqual(['foo', 'seq_len', 'tp']);
    expect($<HTMLInputElement>('#field-seq_len')?.value).toBe('abc');
    expect($('#field-seq_len-error')?.textContent).toContain("'abc'");
    expect(values('#prefill-table')).toEqual(before);
    await expectHash('#v=1&seq_len=abc&tp=0&foo=1');
  });

  it('v=2 shows the error instead of a blank page', async () => {
    await open('#v=2');
    expect($('#config-errors li')?.textContent).toMatch(/newer/);
    expect($('#field-seq_len')).not.toBeNull();
    expect($('.empty-state')).not.toBeNull();
  });

  it('hostile names stay text', async () => {
    await open(`#v=1&gpus=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect($('#config-errors li')?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('tabs and the language toggle write view= and lang=', async () => {
    await open();
    act(() => {
      fireEvent.click($('#tab-maxbatch')!);
    });
    await expectHash('#v=1&view=maxbatch');
    expect($('#panel-maxbatch')?.hidden).toBe(false);
    act(() => {
      fireEvent.click([...document.querySelectorAll('.lang button')][1]!);
    });
    await expectHash('#v=1&view=maxbatch&lang=zh');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect($('#field-seq_len-help')?.textContent).toBe(sim.schema.find((f) => f.key === 'seq_len')?.help.zh);
    expect($('#model-notes h2')?.textContent).toBe('模型说明');
  });
});

describe('tables', () => {
  it('the prefill table has the seed layout and full-precision values', async () => {
    await open(`#${goldenLink('prefill_seed')}`);
    const heads = [...document.querySelectorAll('#prefill-table thead th')].map((th) => th.textContent);
    expect(heads.slice(0, 2)).toEqual(['GPU', 'Layers']);
    expect(heads.slice(2, 10)).toEqual(['DGX-B300', 'DGX-B200', 'GB200-NVL72', 'GB300-NVL72', 'H200', 'H800', 'H20', 'H20-3E']);
    const rowHeads = [...document.querySelectorAll('#prefill-table tbody th[scope=row]')].map((th) => th.textContent);
    expect(rowHeads).toEqual(['MLA', 'DenseMLP', 'TP_MLA', 'SharedExpert', 'Combine', 'Overlap1', 'RoutedExpert', 'Dispatch', 'Overlap2', 'Compute', 'Comm', 'Sum', 'PrefillTPS']);
    const mla = $('#prefill-table td[data-metric="MLA"][data-gpu="DGX-B300"]');
    expect(Number(mla?.getAttribute('data-value'))).toBeCloseTo(1.5344498292129778, 12);
    expect(mla?.textContent).toBe('1.534450');
    const layers = [...document.querySelectorAll('#prefill-table tbody tr')].map((tr) => tr.children[1]?.textContent);
    expect(layers.slice(0, 9)).toEqual(['3', '3', '58', '58', '58', '58', '58', '58', '58']);
  });

  it('the decode table holds 855 rows, filters and sorts', async () => {
    await open('#v=1&view=decode');
    const table = $('#decode-table')!;
    expect(table.getAttribute('data-rows')).toBe('855');
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.replace(/[▲▼]/g, ''));
    expect(heads).toEqual(['GPU', 'TP', 'EP', 'BatchSize', 'DenseMLA', 'DenseMLP', 'SparseMLA', 'Combine', 'SharedExpert', 'RoutedExpert', 'Dispatch', 'COMP_SUM', 'COMM_SUM', 'Delta', 'TPOT', 'TPOT_O', 'TPS', 'TPS_O', 'Total', 'Total_O', 'Comm_Impact']);
    expect(table.querySelectorAll('tbody tr:not(.spacer)').length).toBeLessThan(200);
    const panel = $('#panel-decode')!;
    act(() => {
      fireEvent.change(panel.querySelector('select[data-filter="gpu"]')!, { target: { value: 'H200' } });
    });
    const h200 = Number(table.getAttribute('data-rows'));
    expect(h200).toBeGreaterThan(0);
    expect(h200).toBeLessThan(855);
    expect([...table.querySelectorAll('tbody th.gpu')].every((th) => th.textContent === 'H200')).toBe(true);
    const totalHeader = [...table.querySelectorAll('thead th')].find((th) => th.textContent?.startsWith('Total'))!;
    act(() => {
      fireEvent.click(totalHeader.querySelector('button')!);
    });
    expect(totalHeader.getAttribute('aria-sort')).toBe('descending');
    const totals = [...table.querySelectorAll('tbody tr:not(.spacer)')].map((tr) => Number(tr.children[18]?.getAttribute('data-value')));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    // Positive Delta is highlighted.
    act(() => {
      fireEvent.click([...table.querySelectorAll('thead th')].find((th) => th.textContent?.startsWith('Delta'))!.querySelector('button')!);
    });
    const firstDelta = table.querySelector('tbody tr:not(.spacer)')?.children[13];
    expect(Number(firstDelta?.getAttribute('data-value'))).toBeGreaterThan(0);
    expect(firstDelta?.classList.contains('pos')).toBe(true);
  });

  it('leaderboard and max-batch tables are there', async () => {
    await open();
    expect($('#leaderboard-table')?.getAttribute('data-rows')).toBe('73');
    expect(Number($('#maxbatch-table')?.getAttribute('data-rows'))).toBeGreaterThan(0);
    const mb = [...document.querySelectorAll('#maxbatch-table thead th')].map((th) => th.textContent);
    expect(mb).toEqual(['GPU', 'EP', 'TP', 'MaxBatch']);
  });
});
