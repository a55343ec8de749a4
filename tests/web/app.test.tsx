// Component tests of the whole page on the real engine, in happy-dom: the form generated from
// the core's description, the links, the views' tables and their filters, sort and columns.
import { waitFor } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../web/src/engine';
import { strings } from '../../web/src/i18n';
import { cli, computeOk, engine, golden, goldenLink, parseCsv, repoRoot, tableOf } from './helpers';
import { $, $$, choose, click, expectHash, open, resetPageBetweenTests, type, values } from './page';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

resetPageBetweenTests();
afterEach(() => vi.restoreAllMocks());

const t = strings.en;
/** The engine's canonical spelling (the core decides how numbers are written). */
const canonical = (link: string) => computeOk(sim, link).canonical;
const field = (key: string) => sim.describe.fields.find((f) => f.key === key)!;
const input = (key: string) => $<HTMLInputElement>(`#field-${key}`);
/** The columns a data table shows, in screen order. */
const headers = (table: string) => $$(`#${table} thead th`).map((th) => th.getAttribute('data-column') ?? '');
/** The rows a data table has in the DOM (it draws only those in view). */
const bodyRows = (table: string) => $$(`#${table} tbody tr:not(.spacer)`);
/** Exact values of one column in the drawn rows. */
function columnValues(table: string, column: string): number[] {
  const at = headers(table).indexOf(column);
  return bodyRows(table).map((tr) => Number(tr.children[at]?.getAttribute('data-value')));
}
/** The catalog row of a GPU as `hw=` text. */
const catalogRow = (i: number) => sim.describe.hw_fields.map((f) => String(sim.describe.catalog[i]?.[f.key])).join(',');

describe('the generated form', () => {
  it('renders an input for every config key of the description, with its default and help', async () => {
    await open();
    for (const f of sim.describe.fields) {
      if (!sim.describe.groups.find((g) => g.key === f.group)?.in_form) continue;
      expect($(`#field-${f.key}`), f.key).not.toBeNull();
      if (f.kind !== 'hw_rows') expect($(`#field-${f.key}-help`)?.textContent, f.key).toBe(f.help.en);
    }
    // View keys have their inputs in their views, not in the form.
    expect($('#config #field-sort')).toBeNull();
    expect(input('seq_len')?.value).toBe(field('seq_len').default);
    expect(input('decode_len')?.value).toBe(field('decode_len').default);
    expect(input('fp8_combine')?.checked).toBe(field('fp8_combine').default === '1');
    expect($<HTMLSelectElement>('#field-model')?.value).toBe(field('model').default);
    // Every preset, grouped by family in the order families first appear.
    const families = [...new Set(sim.describe.presets.map((p) => p.family))];
    expect([...$<HTMLSelectElement>('#field-model')!.options].map((o) => o.value)).toEqual(
      families.flatMap((f) => sim.describe.presets.filter((p) => p.family === f).map((p) => p.name)),
    );
  });

  it('editing a field recomputes and writes the canonical fragment', async () => {
    await open();
    const before = values('#prefill-table');
    type(input('seq_len'), '8192');
    await expectHash('#v=1&seq_len=8192');
    expect(values('#prefill-table')).not.toEqual(before);
    expect($('#config-errors')?.hidden).toBe(true);
    // A default value leaves the link.
    type(input('seq_len'), field('seq_len').default);
    await expectHash('#v=1');
  });

  it('an invalid value shows its message by the field and in the list, and keeps the tables', async () => {
    await open('#v=1&seq_len=8192');
    const before = values('#prefill-table');
    type(input('tp'), '0');
    const message = $('#field-tp-error')?.textContent ?? '';
    expect(message).toMatch(/out of range/);
    expect(input('tp')?.getAttribute('aria-invalid')).toBe('true');
    const items = $$('#config-errors li').map((li) => li.textContent);
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('tp');
    expect(items[0]).toContain(message);
    expect(values('#prefill-table')).toEqual(before);
    expect($('.panels')?.classList.contains('stale')).toBe(true);
    await expectHash('#v=1&seq_len=8192&tp=0');
    type(input('tp'), '8');
    expect($('#config-errors')?.hidden).toBe(true);
    expect($('.panels')?.classList.contains('stale')).toBe(false);
    await expectHash('#v=1&seq_len=8192&tp=8');
  });

  it('an invalid model value keeps the tables, the Layers column included', async () => {
    await open('#v=1');
    const before = values('#prefill-table');
    type(input('n_dense_layers'), '70');
    expect($$('#config-errors li').map((li) => li.getAttribute('data-key'))).toEqual(['n_dense_layers']);
    expect(values('#prefill-table')).toEqual(before);
  });

  it('choosing a preset loads its values and drops the model overrides', async () => {
    await open('#v=1&n_heads=64');
    choose($('#field-model'), 'kimi-k2');
    await expectHash('#v=1&model=kimi-k2');
    const kimi = sim.describe.presets.find((p) => p.name === 'kimi-k2')!;
    expect(Number(input('n_routed_experts')?.value)).toBe(kimi.model.n_routed_experts);
    expect(Number(input('n_heads')?.value)).toBe(kimi.model.n_heads);
  });

  it('the model picker groups presets by family and shows what the link\'s model is', async () => {
    await open('#v=1&model=qwen3-235b-a22b');
    const groups = $$('#field-model optgroup').map((g) => g.getAttribute('label'));
    expect(groups).toEqual([...new Set(sim.describe.presets.map((p) => p.family))]);
    expect(groups).toEqual(expect.arrayContaining(['DeepSeek', 'Qwen3', 'GPT-OSS']));
    // Each option states total and active parameters and KV bytes per token.
    const qwen = $$('#field-model option').find((o) => o.getAttribute('value') === 'qwen3-235b-a22b');
    expect(qwen?.textContent).toBe('qwen3-235b-a22b — 235B total, 21.6B active, 188.0 KiB KV/token at BF16');
    // The facts are the core's, for the link's kv_dtype (fp8: 1 byte per element).
    const facts = computeOk(sim, '#v=1&model=qwen3-235b-a22b').model;
    expect($('#model-facts')?.getAttribute('data-model')).toBe('qwen3-235b-a22b');
    const kv = $$('#model-facts dd').map((d) => d.getAttribute('data-value'));
    expect(kv).toEqual(['gqa', String(facts.TotalParams_B), String(facts.KV_bytes_per_token), String(facts.Weights_GB)]);
    expect(facts.KV_bytes_per_token).toBe(94 * 4 * 128 * 2);
    choose($('#field-model'), 'gpt-oss-120b');
    await expectHash('#v=1&model=gpt-oss-120b');
    await waitFor(() => expect($('#model-facts')?.getAttribute('data-model')).toBe('gpt-oss-120b'));
  });

  it('imports a pasted config.json into the link, and says which field is wrong', async () => {
    await open('#v=1&view=decode&gpus=H200');
    const json = readFileSync(resolve(repoRoot, 'tests/data/model_configs/qwen3-30b-a3b.json'), 'utf8');
    type($('#model-config-text'), json);
    click($('#model-config-apply'));
    // The preset's own dimensions: the link names the preset; the view and GPUs stay.
    await expectHash(`#${canonical('#v=1&view=decode&gpus=H200&model=qwen3-30b-a3b')}`);
    expect($('#model-config-done')).not.toBeNull();
    // A broken config: the field, its value and what is allowed; the link stays.
    const broken = json.replace('"num_attention_heads": 32', '"num_attention_heads": 0');
    expect(broken).not.toBe(json);
    type($('#model-config-text'), broken);
    click($('#model-config-apply'));
    const errors = $$('#model-config-errors li');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.getAttribute('data-key')).toBe('model-config');
    expect(errors[0]?.textContent).toMatch(/num_attention_heads/);
    await expectHash(`#${canonical('#v=1&view=decode&gpus=H200&model=qwen3-30b-a3b')}`);
    // Not JSON at all, and HTML in it stays text.
    type($('#model-config-text'), '<img src=x onerror=alert(1)>');
    click($('#model-config-apply'));
    expect($('#model-config-errors img')).toBeNull();
    expect($$('#model-config-errors li').length).toBeGreaterThan(0);
  });

  it('reset puts the config back to the defaults and keeps the view', async () => {
    await open('#v=1&seq_len=8192&tp=8&view=maxbatch');
    click($$('#config button').find((b) => b.textContent === t.resetAll));
    await expectHash('#v=1&view=maxbatch');
    expect(input('seq_len')?.value).toBe(field('seq_len').default);
  });
});

describe('the GPU picker', () => {
  const gpusInPrefill = () => $$('#prefill-table thead [data-gpu]').map((e) => e.textContent);

  it('reorders and adds GPUs through the gpus key', async () => {
    await open('#v=1&gpus=H200,H800');
    expect(gpusInPrefill()).toEqual(['H200', 'H800']);
    click($(`button[aria-label="${t.gpuPicker.up('H800')}"]`));
    await expectHash('#v=1&gpus=H800,H200');
    expect(gpusInPrefill()).toEqual(['H800', 'H200']);
    click($('#gpu-pick-H20'));
    await expectHash('#v=1&gpus=H800,H200,H20');
    click($('#gpu-pick-H200'));
    await expectHash('#v=1&gpus=H800,H20');
  });

  it('"only", "All" and "None"', async () => {
    await open();
    expect(gpusInPrefill()).toEqual(sim.describe.catalog.map((g) => g.name));
    click($(`button[aria-label="${t.gpuPicker.only('H20')}"]`));
    await expectHash('#v=1&gpus=H20');
    expect(gpusInPrefill()).toEqual(['H20']);
    click($$('.gpu-picker button').find((b) => b.textContent === t.gpuPicker.useAll));
    await expectHash('#v=1');
    expect(gpusInPrefill()).toHaveLength(sim.describe.catalog.length);
    // "None" clears the ticks (a link cannot list no GPU); the next tick is the only GPU.
    click($$('.gpu-picker button').find((b) => b.textContent === t.gpuPicker.none));
    expect($$('.gpu-picker input[type=checkbox]').filter((c) => (c as HTMLInputElement).checked)).toHaveLength(0);
    expect(window.location.hash).toBe('#v=1');
    click($('#gpu-pick-H800'));
    await expectHash('#v=1&gpus=H800');
  });
});

describe('the hardware editor', () => {
  it('adds a copy of a catalog GPU under a new name, edits and removes it', async () => {
    await open('#v=1&gpus=H200');
    const first = sim.describe.catalog[0]!.name;
    choose($('.hw-add select'), first);
    click($$('.hw-add button').find((b) => b.textContent === t.hw.add));
    // The copy's figures are the catalog's; its new name joins the explicit GPU list.
    const copy = catalogRow(0).replace(first, `${first}-2`);
    await expectHash(`#${canonical(`v=1&gpus=H200,${first}-2&hw=${copy}`)}`);
    expect(values('#prefill-table').length).toBeGreaterThan(0);
    expect($$('#prefill-table thead [data-gpu]').map((e) => e.textContent)).toEqual(['H200', `${first}-2`]);

    type($('#hw-0-mem_bw'), '9600');
    const edited = copy.split(',');
    edited[sim.describe.hw_fields.findIndex((f) => f.key === 'mem_bw')] = '9600';
    await expectHash(`#${canonical(`v=1&gpus=H200,${first}-2&hw=${edited.join(',')}`)}`);
    expect($<HTMLInputElement>('#hw-0-mem_bw')?.value).toBe('9600');

    type($('#hw-0-sm'), 'x');
    expect($('#field-hw-error')?.textContent).toMatch(/sm/);
    type($('#hw-0-sm'), String(sim.describe.catalog[0]?.sm));

    // Renaming the row renames it in the GPU list too.
    type($('#hw-0-name'), 'MINE');
    await expectHash(`#${canonical(`v=1&gpus=H200,MINE&hw=${edited.join(',').replace(`${first}-2`, 'MINE')}`)}`);

    click($(`button[aria-label="${t.hw.remove('MINE')}"]`));
    await expectHash('#v=1&gpus=H200');
  });

  it('overrides a catalog GPU under its own name', async () => {
    await open('#v=1&gpus=H200');
    const h200 = sim.describe.catalog.findIndex((g) => g.name === 'H200');
    choose($('.hw-add select'), 'H200');
    click($$('.hw-add button').find((b) => b.textContent === t.hw.override));
    await expectHash(`#${canonical(`v=1&gpus=H200&hw=${catalogRow(h200)}`)}`);
    expect($('.hw-row .tag')?.textContent).toBe(t.hw.overrides);
    type($('#hw-0-mem'), '1');
    // A GPU with 1 GB holds no batch: the prefill still runs, the decode has no H200 rows.
    await waitFor(() => expect(window.location.hash).toContain('H200,'));
    expect($('#config-errors')?.hidden).toBe(true);
  });

  it('a blank row asks for every figure', async () => {
    await open('#v=1');
    click($$('.hw-add button').find((b) => b.textContent === t.hw.add));
    expect($<HTMLInputElement>('#hw-0-name')?.value).toBe('MyGPU-2');
    expect($$('#config-errors li').map((li) => li.getAttribute('data-key'))).toContain('hw');
    expect($('#field-hw-error')).not.toBeNull();
  });
});

describe('links and views', () => {
  it('reads the fragment on load and on hashchange', async () => {
    await open('#v=1&tp=8&view=decode');
    expect(input('tp')?.value).toBe('8');
    expect($('#tab-decode')?.getAttribute('aria-selected')).toBe('true');
    expect($('#panel-decode')?.hidden).toBe(false);
    expect($('#decode-table')).not.toBeNull();
    window.location.hash = '#v=1&tp=2&view=leaderboard';
    await waitFor(() => expect(input('tp')?.value).toBe('2'));
    expect($('#tab-leaderboard')?.getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect($('#leaderboard-table')).not.toBeNull());
    // Only the open view's table is on the page.
    expect($('#decode-table')).toBeNull();
  });

  it('a malformed link lists every problem, fills the fields and keeps the last tables', async () => {
    await open('#v=1&seq_len=8192');
    const before = values('#prefill-table');
    window.location.hash = '#v=1&seq_len=abc&tp=0&foo=1';
    await waitFor(() => expect($$('#config-errors li')).toHaveLength(3));
    const keys = $$('#config-errors li').map((li) => li.getAttribute('data-key'));
    expect(keys.sort()).toEqual(['foo', 'seq_len', 'tp']);
    expect(input('seq_len')?.value).toBe('abc');
    expect($('#field-seq_len-error')?.textContent).toContain("'abc'");
    expect(values('#prefill-table')).toEqual(before);
    await expectHash('#v=1&seq_len=abc&tp=0&foo=1');
  });

  it('a malformed link in another view shows that view for the last good config', async () => {
    await open('#v=1&seq_len=8192');
    window.location.hash = '#v=1&seq_len=abc&view=maxbatch';
    await waitFor(() => expect($('#maxbatch-table')).not.toBeNull());
    const want = tableOf(sim, 'v=1&seq_len=8192', 'maxbatch');
    expect($('#maxbatch-table')?.getAttribute('data-rows')).toBe(String(want.rows));
    expect($('.panels')?.classList.contains('stale')).toBe(true);
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
    expect($$('[role=tab]').map((tab) => tab.id)).toEqual(sim.describe.views.map((v) => `tab-${v.key}`));
    click($('#tab-maxbatch'));
    await expectHash('#v=1&view=maxbatch');
    expect($('#panel-maxbatch')?.hidden).toBe(false);
    expect($('#maxbatch-table')).not.toBeNull();
    click($$('.lang button')[1]);
    await expectHash('#v=1&view=maxbatch&lang=zh');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect($('#field-seq_len-help')?.textContent).toBe(field('seq_len').help.zh);
    expect($('#tab-maxbatch')?.textContent).toBe(sim.describe.views.find((v) => v.key === 'maxbatch')?.label.zh);
    expect($('#model-notes h2')?.textContent).toBe(strings.zh.notesTitle);
  });
});

describe('the prefill table', () => {
  it('has the seed layout and full-precision values', async () => {
    const link = goldenLink('prefill_seed');
    await open(`#${link}`);
    const gpus = sim.fields(link).gpus?.split(',') ?? [];
    const heads = $$('#prefill-table thead th').map((th) => th.textContent);
    expect(heads.slice(0, 2)).toEqual(['GPU', 'Layers']);
    expect(heads.slice(2, 2 + gpus.length)).toEqual(gpus);
    const layout = sim.describe.prefill_layout;
    const rowHeads = $$('#prefill-table tbody th[scope=row]').map((th) => th.getAttribute('data-metric') ?? th.parentElement?.getAttribute('data-metric'));
    expect(rowHeads).toEqual([...layout.rows, ...layout.summary].map((l) => l.metric));
    // Every GPU cell is the golden value (1e-9) and shows the column's decimals.
    const want = parseCsv(golden('prefill_seed.prefill.csv'));
    const mla = $('#prefill-table td[data-metric="MLA"][data-gpu="DGX-B300"]');
    const expected = Number(want.rows[0]?.[want.header.indexOf('MLA')]);
    expect(Number(mla?.getAttribute('data-value'))).toBeCloseTo(expected, 12);
    const decimals = sim.describe.tables.find((x) => x.key === 'prefill')!.columns.find((c) => c.name === 'MLA')!.decimals;
    expect(mla?.textContent).toBe(Number(mla?.getAttribute('data-value')).toFixed(decimals));
    // Layers: the dense rows count n_dense_layers, the MoE rows the rest.
    const fields = sim.fields(link);
    const dense = Number(fields.n_dense_layers);
    const sparse = Number(fields.n_layers) - dense;
    const layers = $$('#prefill-table tbody:not(.summary) tr').map((tr) => tr.children[1]?.textContent);
    expect(layers).toEqual(layout.rows.map((l) => String(l.layers === 'dense' ? dense : sparse)));
  });
});

describe('the decode table', () => {
  it('holds 855 rows, draws only those in view, headline columns first', async () => {
    await open('#v=1&view=decode');
    const table = $('#decode-table')!;
    expect(table.getAttribute('data-rows')).toBe('855');
    const info = sim.describe.tables.find((x) => x.key === 'decode')!;
    expect(headers('decode-table')).toEqual([
      ...info.headline,
      ...info.columns.map((c) => c.name).filter((c) => !info.headline.includes(c)),
    ]);
    // Units are in the headers.
    const tpot = $$('#decode-table thead th').find((th) => th.getAttribute('data-column') === 'TPOT');
    expect(tpot?.querySelector('.unit')?.textContent).toBe(info.columns.find((c) => c.name === 'TPOT')?.unit);
    expect(bodyRows('decode-table').length).toBeLessThan(200);
    // The first drawn row is the engine's first row.
    const decode = tableOf(sim, 'v=1', 'decode');
    expect(columnValues('decode-table', 'Total')[0]).toBe(decode.values[decode.columns.indexOf('Total') - 1]);
  });

  it('the filters write only_* keys and the core filters the rows', async () => {
    await open('#v=1&view=decode');
    choose($('select[data-filter="only_gpu"]'), 'H200');
    await expectHash('#v=1&view=decode&only_gpu=H200');
    const want = tableOf(sim, 'v=1&only_gpu=H200', 'decode');
    expect($('#decode-table')?.getAttribute('data-rows')).toBe(String(want.rows));
    expect(want.rows).toBeLessThan(855);
    expect($$('#decode-table tbody th.gpu').every((th) => th.textContent === 'H200')).toBe(true);
    choose($('select[data-filter="only_ep"]'), '72');
    await expectHash('#v=1&view=decode&only_gpu=H200&only_ep=72');
    expect(new Set(columnValues('decode-table', 'EP'))).toEqual(new Set([72]));
    // The choices are the link's lists.
    const options = (key: string) => [...$<HTMLSelectElement>(`select[data-filter="${key}"]`)!.options].map((o) => o.value);
    expect(options('only_tp')).toEqual(['', ...(sim.fields('').decode_tp ?? '').split(',')]);
    expect(options('only_bs')).toEqual(['', ...(sim.fields('').bs ?? '').split(',')]);
  });

  it('the TPS floor hides the rows below it', async () => {
    await open('#v=1&view=decode');
    type(input('tps_floor'), '40');
    await expectHash('#v=1&view=decode&tps_floor=40');
    const want = tableOf(sim, 'v=1&tps_floor=40', 'decode');
    expect($('#decode-table')?.getAttribute('data-rows')).toBe(String(want.rows));
    expect(Math.min(...columnValues('decode-table', 'TPS'))).toBeGreaterThanOrEqual(40);
    // The box shows no floor as empty (placeholder 0): emptying it is no floor, not an error.
    type(input('tps_floor'), '');
    await expectHash('#v=1&view=decode');
    expect($('#config-errors')?.hidden).toBe(true);
    expect($('#decode-table')?.getAttribute('data-rows')).toBe('855');
    expect(input('tps_floor')?.value).toBe('');
  });

  it('a header click writes sort=: descending, ascending, then none', async () => {
    await open('#v=1&view=decode&only_gpu=H200');
    const header = () => $$('#decode-table thead th').find((th) => th.getAttribute('data-column') === 'TPOT')!;
    click(header().querySelector('button'));
    await expectHash('#v=1&view=decode&sort=-TPOT&only_gpu=H200');
    expect(header().getAttribute('aria-sort')).toBe('descending');
    const down = columnValues('decode-table', 'TPOT');
    expect(down).toEqual([...down].sort((a, b) => b - a));
    // The rows are the core's, in its order.
    const want = tableOf(sim, 'v=1&only_gpu=H200&sort=-TPOT', 'decode');
    expect(down[0]).toBe(want.values[want.columns.indexOf('TPOT') - 1]);
    click(header().querySelector('button'));
    await expectHash('#v=1&view=decode&sort=TPOT&only_gpu=H200');
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    const up = columnValues('decode-table', 'TPOT');
    expect(up).toEqual([...up].sort((a, b) => a - b));
    click(header().querySelector('button'));
    await expectHash('#v=1&view=decode&only_gpu=H200');
    expect(header().hasAttribute('aria-sort')).toBe(false);
  });

  it('a positive Delta is highlighted', async () => {
    await open('#v=1&view=decode&sort=-Delta');
    const at = headers('decode-table').indexOf('Delta');
    const first = bodyRows('decode-table')[0]?.children[at];
    expect(Number(first?.getAttribute('data-value'))).toBeGreaterThan(0);
    expect(first?.classList.contains('pos')).toBe(true);
    const last = computeOk(sim, 'v=1&sort=Delta', ['decode']).tables.decode!;
    expect(last.values[last.columns.indexOf('Delta') - 1]).toBeLessThan(0);
  });

  it('"Clear filters and order" clears every filter and the sort', async () => {
    await open('#v=1&view=decode&sort=-TPOT&only_gpu=H200&only_ep=72&tps_floor=20');
    click($$('#panel-decode button').find((b) => b.textContent === t.filters.reset));
    await expectHash('#v=1&view=decode');
    expect($('#config-errors')?.hidden).toBe(true);
    expect($('#decode-table')?.getAttribute('data-rows')).toBe('855');
  });

  it('the column chooser writes cols=', async () => {
    await open('#v=1&view=decode');
    const all = headers('decode-table');
    click($('.column-chooser input[data-column="DenseMLA"]'));
    const shown = all.filter((c) => c !== 'DenseMLA');
    await expectHash(`#${canonical(`v=1&view=decode&cols=${shown.join(',')}`)}`);
    expect(headers('decode-table')).toEqual(shown);
    click($('.column-chooser input[data-column="DenseMLA"]'));
    await waitFor(() => expect(headers('decode-table')).toContain('DenseMLA'));
    click($$('.column-chooser button').find((b) => b.textContent === t.columns.reset));
    await expectHash('#v=1&view=decode');
    expect(headers('decode-table')).toEqual(all);
  });

  it('a link with cols= shows those columns in that order, GPU always first', async () => {
    await open('#v=1&view=decode&cols=TPS,Total');
    expect(headers('decode-table')).toEqual(['GPU', 'TPS', 'Total']);
    expect($$('#decode-table tbody tr:not(.spacer)')[0]?.children).toHaveLength(3);
  });

  it("the download is the CLI's text for the rows on screen", async () => {
    const link = 'v=1&view=decode&only_gpu=H200,H20&sort=-Total&tps_floor=10';
    await open(`#${link}`);
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    // happy-dom would follow the link: the file is the blob, nothing more is needed.
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    for (const format of ['csv', 'md', 'json'] as const) {
      click($(`#panel-decode button[data-export="${format}"]`));
      const text = await blobs.at(-1)?.text();
      expect(text === cli('decode', link, format), format).toBe(true);
    }
    expect(saved).toEqual(['shallowsim-decode.csv', 'shallowsim-decode.md', 'shallowsim-decode.json']);
  });
});

describe('the other tables', () => {
  it('leaderboard and max batch show the engine rows with their columns', async () => {
    await open('#v=1&view=leaderboard');
    const lb = tableOf(sim, 'v=1', 'leaderboard');
    expect($('#leaderboard-table')?.getAttribute('data-rows')).toBe(String(lb.rows));
    expect(lb.rows).toBe(73);
    click($('#tab-maxbatch'));
    await waitFor(() => expect($('#maxbatch-table')).not.toBeNull());
    const mb = tableOf(sim, 'v=1', 'maxbatch');
    expect($('#maxbatch-table')?.getAttribute('data-rows')).toBe(String(mb.rows));
    expect(headers('maxbatch-table')).toEqual(mb.columns);
    // Max batch has no batch filter and no TPS floor.
    expect($('#panel-maxbatch select[data-filter="only_bs"]')).toBeNull();
    expect($('#panel-maxbatch #field-tps_floor')).toBeNull();
  });

  it('the leaderboard at a TPS floor keeps the best rows at or above it', async () => {
    await open('#v=1&view=leaderboard&tps_floor=40');
    const want = tableOf(sim, 'v=1&tps_floor=40', 'leaderboard');
    expect($('#leaderboard-table')?.getAttribute('data-rows')).toBe(String(want.rows));
    expect(Math.min(...columnValues('leaderboard-table', 'TPS'))).toBeGreaterThanOrEqual(40);
    expect($('#panel-leaderboard .row-count')?.textContent).toContain(t.filters.rows(want.rows, want.total));
  });
});
