// The sweep view's data on the real engine: the series equal the CLI's `sweep` rows, the figure
// has the reference layout, the CSV is the CLI's byte for byte (through the core and through the
// page's background path), and the sweep's inputs behave as the core counts and checks them.
import { cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sweepFigure } from '../../web/src/chart/sweep';
import type { Engine, SweepSeriesOk } from '../../web/src/engine';
import { background } from '../../web/src/state/background';
import {
  formatSweep,
  parseSweep,
  pointCount,
  suggestedSweep,
  toggleMetric,
} from '../../web/src/state/sweep';
import { useSweepSeries } from '../../web/src/state/sweepSeries';
import { cli, computeOk, engine } from './helpers';

/** The CLI's `sweep --format csv` for a link. */
const cliSweep = (link: string) => cli('sweep', link, 'csv');

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});
afterEach(() => cleanup());

const tolerance = () => sim.describe.limits.sweep_tolerance;
const sweepable = () => sim.describe.fields.filter((f) => f.sweepable);

function series(link: string): SweepSeriesOk {
  const r = sim.sweepSeries(link);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

const labels = { base: (l: string) => `${l} (baseline)`, ep: (ep: number) => `EP ${ep}` };

describe('sweep series against the CLI', () => {
  it('the default seq_len sweep: every plotted value and TP is the CLI row for (GPU, 128, EP)', { timeout: 60_000 }, () => {
    const s = series('#v=1&view=sweep&metric=Total,TPS');
    expect(s.param).toBe('seq_len');
    expect(s.x.length).toBe(480);
    expect(s.x[0]).toBe(1024);
    expect(s.x[479]).toBe(16352);
    expect([...s.eps]).toEqual([36, 72, 144, 320]);
    expect(s.gpus).toEqual(sim.describe.catalog.map((g) => g.name));
    expect(s.batch).toBe(128);
    expect(s.metrics).toEqual(['Total', 'TPS']);

    const csv = cliSweep('#v=1');
    const lines = csv.split('\n');
    const header = (lines[0] ?? '').split(',');
    const at = (name: string) => header.indexOf(name);
    const [iX, iGpu, iTp, iEp, iBs, iTotal, iTps] = ['index_value', 'GPU', 'TP', 'EP', 'BatchSize', 'Total', 'TPS'].map(at) as number[];
    // The CLI's rows for batch 128 and the plotted EPs, by (point, GPU, EP).
    const rows = new Map<string, string[]>();
    for (const line of lines.slice(1)) {
      if (!line.includes(',128,')) continue;
      const cells = line.split(',');
      if (cells[iBs!] !== '128' || !['36', '72', '144', '320'].includes(cells[iEp!] ?? '')) continue;
      rows.set(`${cells[iX!]}|${cells[iGpu!]}|${cells[iEp!]}`, cells);
    }
    const P = s.x.length;
    const G = s.gpus.length;
    const E = s.eps.length;
    const problems: string[] = [];
    let present = 0;
    for (let g = 0; g < G; g++) {
      for (let e = 0; e < E; e++) {
        for (let p = 0; p < P; p++) {
          const key = `${s.x[p]}|${s.gpus[g]}|${s.eps[e]}`;
          const row = rows.get(key);
          const k = (g * E + e) * P + p;
          if (!row) {
            if (s.present[k] !== 0) problems.push(`${key}: plotted, but the CLI has no row`);
            continue;
          }
          present++;
          if (s.present[k] !== 1) problems.push(`${key}: the CLI has a row, the chart a gap`);
          // The CLI writes %.17g: the same doubles.
          if (s.tp[k] !== Number(row[iTp!])) problems.push(`${key} TP ${s.tp[k]} vs ${row[iTp!]}`);
          const total = s.y[((0 * G + g) * E + e) * P + p];
          const tps = s.y[((1 * G + g) * E + e) * P + p];
          if (total !== Number(row[iTotal!])) problems.push(`${key} Total ${total} vs ${row[iTotal!]}`);
          if (tps !== Number(row[iTps!])) problems.push(`${key} TPS ${tps} vs ${row[iTps!]}`);
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(present).toBe(rows.size);
    // H800's lines end early (the batch stops fitting), as in the reference figure.
    const h800 = s.gpus.indexOf('H800');
    expect(s.present[(h800 * E + 0) * P + 479]).toBe(0);
    expect(s.present[(h800 * E + 0) * P + 0]).toBe(1);
  });

  it('another key, batch and EP list: n_activated_experts, batch 64, EP 72,320', () => {
    const link = '#v=1&sweep=n_activated_experts:8:126:2&sweep_bs=64&sweep_ep=72,320&gpus=H200,GB200-NVL72&metric=RoutedExpert';
    const s = series(link);
    expect(s.x.length).toBe(60);
    const csv = cliSweep(link).trim().split('\n');
    const header = (csv[0] ?? '').split(',');
    const c = (n: string) => header.indexOf(n);
    let checked = 0;
    for (const line of csv.slice(1)) {
      const cells = line.split(',');
      if (cells[c('BatchSize')] !== '64' || !['72', '320'].includes(cells[c('EP')] ?? '')) continue;
      const p = [...s.x].indexOf(Number(cells[c('index_value')]));
      const g = s.gpus.indexOf(cells[c('GPU')] ?? '');
      const e = [...s.eps].indexOf(Number(cells[c('EP')]));
      expect(s.y[(g * 2 + e) * 60 + p]).toBe(Number(cells[c('RoutedExpert')]));
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('the sweep figure', () => {
  it('per GPU: one panel per GPU and metric (the reference layout), one line per EP, gaps as null', () => {
    const s = series('#v=1&metric=Total,TPS');
    const slots = new Map(s.gpus.map((g, i) => [g, i]));
    const f = sweepFigure(s, null, 'gpu', slots, labels);
    expect(f.panels).toHaveLength(2 * sim.describe.catalog.length);
    expect(f.panels.slice(0, 2).map((p) => p.title)).toEqual(['DGX-B300 (Total)', 'DGX-B300 (TPS)']);
    expect(f.panels[0]?.lines.map((l) => l.label)).toEqual(['EP 36', 'EP 72', 'EP 144', 'EP 320']);
    expect(f.panels[0]?.lines.every((l) => !l.dashed && l.y.length === 480)).toBe(true);
    const h800 = f.panels.find((p) => p.title === 'H800 (Total)');
    expect(h800?.lines[0]?.y[479]).toBeNull();
    expect(h800?.lines[0]?.tp[479]).toBeNull();
    expect(typeof h800?.lines[0]?.y[0]).toBe('number');
    expect(f.compared).toBe(false);
  });

  it('per EP: one panel per EP and metric, one line per GPU in its table colour', () => {
    const s = series('#v=1&sweep_group=ep');
    const slots = new Map(s.gpus.map((g, i) => [g, (i * 5) % 12]));
    const f = sweepFigure(s, null, 'ep', slots, labels);
    expect(f.panels.map((p) => p.title)).toEqual(['EP 36 (Total)', 'EP 72 (Total)', 'EP 144 (Total)', 'EP 320 (Total)']);
    expect(f.panels[1]?.lines.map((l) => l.label)).toEqual(s.gpus);
    expect(f.panels[1]?.lines[3]?.color).toEqual({ kind: 'gpu', index: 15 % 12 });
  });

  it('a baseline adds dashed lines for the same GPU and EP; another x leaves it out', () => {
    const cur = series('#v=1&seq_len=8192&gpus=H200,H800&sweep=decode_len:500:2000:100');
    const base = series('#v=1&gpus=H800&sweep=decode_len:500:2000:100');
    const f = sweepFigure(cur, base, 'gpu', new Map(), labels);
    expect(f.compared).toBe(true);
    const h200 = f.panels.find((p) => p.group === 'H200');
    const h800 = f.panels.find((p) => p.group === 'H800');
    expect(h200?.lines).toHaveLength(4);
    expect(h800?.lines.map((l) => [l.label, l.dashed])).toEqual([
      ['EP 36', false],
      ['EP 72', false],
      ['EP 144', false],
      ['EP 320', false],
      ['EP 36 (baseline)', true],
      ['EP 72 (baseline)', true],
      ['EP 144 (baseline)', true],
      ['EP 320 (baseline)', true],
    ]);
    const other = series('#v=1&gpus=H800&sweep=decode_len:500:2000:250');
    expect(sweepFigure(cur, other, 'gpu', new Map(), labels).compared).toBe(false);
  });
});

describe('the sweep CSV', () => {
  const links = [
    '#v=1&sweep=seq_len:1024:16352:1024',
    '#v=1&sweep=discount:0.5:1:0.05&gpus=H200,MI300X&bs=64,128',
  ];

  it('is the CLI output byte for byte', () => {
    for (const link of links) {
      const result = sim.exportTable(link, 'sweep', 'csv');
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.text.length).toBeGreaterThan(1000);
      expect(result.text === cliSweep(link), link).toBe(true);
    }
  });

  it("the page's download (background work) is the same text", async () => {
    const link = links[1]!;
    const viaBackground = await background(sim).exportTable(link, 'sweep', 'csv');
    expect(viaBackground.ok && viaBackground.text === cliSweep(link)).toBe(true);
    const hook = renderHook(() => useSweepSeries(sim, link, null));
    const viaHook = await hook.result.current.csv(link);
    expect(viaHook.ok && viaHook.text === cliSweep(link)).toBe(true);
  });

  it('a bad link gives the errors, not a file', () => {
    const result = sim.exportTable('#v=1&sweep=view:1:2:1', 'sweep', 'csv');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.key)).toEqual(['sweep']);
  });
});

describe('the series hook', () => {
  it('gives the series of the link and of the baseline, as the engine computes them', async () => {
    const link = '#v=1&gpus=H200,H800&sweep=decode_len:500:2000:100';
    const base = '#v=1&gpus=H800&sweep=decode_len:500:2000:100';
    const hook = renderHook(() => useSweepSeries(sim, link, base));
    await waitFor(() => expect(hook.result.current.current.busy || hook.result.current.baseline.busy).toBe(false));
    const { current, baseline } = hook.result.current;
    expect(current.link).toBe(link);
    expect(baseline.link).toBe(base);
    const want = series(link);
    const got = current.result;
    expect(got?.ok).toBe(true);
    if (!got?.ok) return;
    expect(got.gpus).toEqual(want.gpus);
    expect(Array.from(got.y)).toEqual(Array.from(want.y));
    expect(baseline.result?.ok && baseline.result.gpus).toEqual(['H800']);
  });
});

describe('the sweep inputs', () => {
  it('specs read and write as the link spells them; points as the core counts them', () => {
    const spec = parseSweep('seq_len:1024:16352:32');
    expect(spec).toEqual({ key: 'seq_len', from: '1024', to: '16352', step: '32' });
    expect(formatSweep(spec)).toBe('seq_len:1024:16352:32');
    expect(pointCount(spec, tolerance())).toBe(series('#v=1&sweep=seq_len:1024:16352:32').x.length);
    // 0.1 steps do not add up exactly: the core's tolerance keeps the end point.
    expect(pointCount(parseSweep('discount:0.1:1:0.1'), tolerance())).toBe(series('#v=1&sweep=discount:0.1:1:0.1').x.length);
    expect(pointCount(parseSweep('seq_len:1024:abc:32'), tolerance())).toBeNull();
    expect(pointCount(parseSweep('seq_len:2048:1024:32'), tolerance())).toBeNull();
    expect(pointCount(parseSweep('seq_len:1024:2048:0'), tolerance())).toBeNull();
    expect(pointCount(parseSweep('seq_len:1024:2048:'), tolerance())).toBeNull();
  });

  it('the sweepable keys are those the core marks, and the core refuses the others', () => {
    const keys = sweepable().map((f) => f.key);
    expect(keys).toContain('seq_len');
    expect(keys).toContain('n_activated_experts');
    expect(keys).toContain('discount');
    const complaint = (key: string) => {
      const r = sim.compute(`#v=1&sweep=${key}:1:1:1`, []);
      return r.ok ? '' : r.errors.map((e) => e.message).join(';');
    };
    for (const f of sim.describe.fields) {
      expect(complaint(f.key), f.key).toMatch(f.sweepable ? /^(?!.*cannot sweep)/ : /cannot sweep/);
    }
  });

  it('the range offered for each key is a valid sweep of the default config', () => {
    const defaults = sim.fields('#v=1');
    const bad: string[] = [];
    for (const field of sweepable()) {
      const current = Number(defaults[field.key]);
      const spec = suggestedSweep(field, current);
      expect(spec.key).toBe(field.key);
      const link = `#v=1&sweep=${formatSweep(spec)}`;
      const r = sim.sweepSeries(link);
      if (!r.ok) bad.push(`${link}: ${r.errors.map((e) => e.message).join('; ')}`);
      else if (r.x.length !== pointCount(spec, tolerance())) bad.push(`${link}: ${r.x.length} points, counted ${pointCount(spec, tolerance())}`);
      else if (r.x.length < 2) bad.push(`${link}: ${r.x.length} point`);
      // Without a reference range, the range is around the current value.
      if (!field.reference_sweep && current > 0 && !(Number(spec.from) <= current && current <= Number(spec.to))) {
        bad.push(`${link}: does not cover ${current}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("a key with a reference sweep gets the reference notebooks' range", () => {
    const withReference = sweepable().filter((f) => f.reference_sweep !== '');
    expect(withReference.map((f) => f.key)).toContain('n_layers');
    for (const field of withReference) {
      expect(formatSweep(suggestedSweep(field, 61))).toBe(field.reference_sweep);
    }
    // The default sweep= is the reference one of its key.
    const seq = sim.describe.fields.find((f) => f.key === 'seq_len')!;
    expect(sim.fields('').sweep).toBe(seq.reference_sweep);
  });

  it('metrics toggle on and off, never to none', () => {
    expect(toggleMetric('Total', 'TPS')).toBe('Total,TPS');
    expect(toggleMetric('Total,TPS', 'Total')).toBe('TPS');
    expect(toggleMetric('TPS', 'TPS')).toBe('TPS');
    // Every metric offered is one the core accepts.
    const metric = sim.describe.fields.find((f) => f.key === 'metric')!;
    expect(computeOk(sim, `#v=1&metric=${metric.choices.join(',')}`).canonical).toContain('metric=');
  });

  it('pinning keeps the config and drops the view keys; the baseline is swept like the current link', () => {
    const canonical = 'v=1&seq_len=8192&gpus=H200,H800&view=sweep&sweep=decode_len:500:2000:100&metric=Total,TPS&lang=zh';
    const r = computeOk(sim, canonical);
    expect(r.pin).toBe('v=1&seq_len=8192&gpus=H200,H800');
    expect(r.baseline).toBeNull();
    const pinned = computeOk(sim, sim.edit(canonical, 'base', r.pin));
    expect(pinned.baseline?.link).toBe(computeOk(sim, canonical).canonical);
    // Another baseline config: its link is that config with this link's view keys.
    const other = computeOk(sim, sim.edit(canonical, 'base', 'v=1&tp=2'));
    expect(other.baseline?.link).toBe(
      computeOk(sim, 'v=1&tp=2&view=sweep&sweep=decode_len:500:2000:100&metric=Total,TPS&lang=zh').canonical,
    );
    const base = series(`#${other.baseline?.link}`);
    const cur = series(`#${other.canonical}`);
    expect(Array.from(base.x)).toEqual(Array.from(cur.x));
    expect(base.metrics).toEqual(cur.metrics);
  });
});

describe('where lines stop, and the plotted series', () => {
  it('a line that ends for memory has a stop at its last point', () => {
    const s = series('#v=1&gpus=H800,H200&sweep=seq_len:1024:32768:1024&sweep_bs=128');
    const f = sweepFigure(s, null, 'gpu', new Map(), labels);
    let stopped = 0;
    for (const panel of f.panels) {
      for (const line of panel.lines) {
        for (const p of line.stops) {
          expect(line.y[p]).not.toBeNull();
          expect(line.y[p + 1]).toBeNull();
          stopped++;
        }
        // No stop where the line goes on.
        line.y.forEach((v, p) => {
          if (v !== null && line.y[p + 1] !== null && p + 1 < line.y.length) expect(line.stops).not.toContain(p);
        });
      }
    }
    expect(stopped).toBeGreaterThan(0);
  });

  it('the series CSV is the CLI`s and has a row per plotted point', () => {
    const link = '#v=1&gpus=H800,H200&sweep=seq_len:1024:32768:1024&sweep_bs=128&metric=Total,TPS';
    const text = sim.exportTable(link, 'series', 'csv');
    if (!text.ok) throw new Error('series');
    expect(text.text).toBe(cli('series', link, 'csv'));
    const s = series(link);
    const present = Array.from(s.present).filter((p) => p === 1).length;
    const lines = text.text.trim().split('\n');
    expect(lines[0]).toBe('index_value,GPU,EP,BatchSize,TP,metric,value');
    expect(lines).toHaveLength(1 + present * s.metrics.length);
  });
});
