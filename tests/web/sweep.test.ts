// The sweep view's data on the real engine: the series equal the CLI's `sweep` rows, the figure
// has the reference layout, the CSV is the CLI's byte for byte, and the view keys behave.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sweepFigure } from '../../web/src/chart/sweep';
import type { Engine, SweepSeriesOk } from '../../web/src/engine';
import { sweepCsv } from '../../web/src/engine/sweepWork';
import {
  baselineSweepLink,
  configPart,
  formatSweep,
  parseSweep,
  pinnedBase,
  pointCount,
  suggestedSweep,
  sweepableFields,
  toggleMetric,
  viewKeys,
} from '../../web/src/state/views';
import { engine, repoRoot } from './helpers';

const CLI = resolve(repoRoot, 'build/native/shallowsim');

/** The CLI's `sweep --format csv` for a link (build/native is made by scripts/build.sh). */
function cliSweep(link: string): string {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run bash scripts/build.sh first`);
  return execFileSync(CLI, ['sweep', link, '--format', 'csv'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

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
    expect(s.gpus).toHaveLength(12);
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
    expect(f.panels).toHaveLength(24);
    expect(f.panels.slice(0, 2).map((p) => p.title)).toEqual(['DGX-B300 (Total)', 'DGX-B300 (TPS)']);
    expect(f.panels[0]?.lines.map((l) => l.label)).toEqual(['36', '72', '144', '320']);
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
      ['36', false],
      ['72', false],
      ['144', false],
      ['320', false],
      ['36 (baseline)', true],
      ['72 (baseline)', true],
      ['144 (baseline)', true],
      ['320 (baseline)', true],
    ]);
    const other = series('#v=1&gpus=H800&sweep=decode_len:500:2000:250');
    expect(sweepFigure(cur, other, 'gpu', new Map(), labels).compared).toBe(false);
  });
});

describe('the sweep CSV', () => {
  it('is the CLI output byte for byte', async () => {
    for (const link of [
      '#v=1&sweep=seq_len:1024:16352:1024',
      '#v=1&sweep=discount:0.5:1:0.05&gpus=H200,MI300X&bs=64,128',
    ]) {
      const result = sweepCsv(sim, link);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      const text = await result.blob.text();
      expect(text.length).toBeGreaterThan(1000);
      expect(text === cliSweep(link), link).toBe(true);
      expect(result.rows).toBe(text.trim().split('\n').length - 1);
    }
  });

  it('a bad link gives the errors, not a file', () => {
    const result = sweepCsv(sim, '#v=1&sweep=view:1:2:1');
    expect(result.ok).toBe(false);
  });
});

describe('view keys', () => {
  it('sweep specs read and write as the link spells them; points as the core counts them', () => {
    const spec = parseSweep('seq_len:1024:16352:32');
    expect(spec).toEqual({ key: 'seq_len', from: '1024', to: '16352', step: '32' });
    expect(formatSweep(spec)).toBe('seq_len:1024:16352:32');
    expect(pointCount(spec)).toBe(480);
    expect(pointCount(parseSweep('discount:0.1:1:0.1'))).toBe(series('#v=1&sweep=discount:0.1:1:0.1').x.length);
    expect(pointCount(parseSweep('seq_len:1024:abc:32'))).toBeNull();
    expect(pointCount(parseSweep('seq_len:2048:1024:32'))).toBeNull();
  });

  it('the sweepable keys are the int and float fields outside View, as the core says', () => {
    const keys = sweepableFields(sim.schema).map((f) => f.key);
    expect(keys).toContain('seq_len');
    expect(keys).toContain('n_activated_experts');
    expect(keys).toContain('discount');
    expect(keys).not.toContain('sweep_bs');
    for (const key of keys) {
      const r = sim.compute(`#v=1&sweep=${key}:1:1:1`, []);
      const complaint = r.ok ? '' : r.errors.map((e) => e.message).join(';');
      expect(complaint, key).not.toMatch(/cannot sweep/);
    }
  });

  it('the range offered for each key is a valid sweep of the default config', () => {
    const defaults = sim.compute('#v=1', []);
    if (!defaults.ok) throw new Error('defaults');
    const bad: string[] = [];
    for (const field of sweepableFields(sim.schema)) {
      const spec = suggestedSweep(field, Number(defaults.fields[field.key]));
      const link = `#v=1&sweep=${formatSweep(spec)}`;
      const r = sim.sweepSeries(link);
      if (!r.ok) bad.push(`${link}: ${r.errors.map((e) => e.message).join('; ')}`);
      else if (r.x.length !== pointCount(spec)) bad.push(`${link}: ${r.x.length} points, counted ${pointCount(spec)}`);
      else if (r.x.length < 2) bad.push(`${link}: ${r.x.length} point`);
    }
    expect(bad).toEqual([]);
    expect(formatSweep(suggestedSweep(sim.schema.find((f) => f.key === 'n_layers')!, 61))).toBe('n_layers:30:254:2');
  });

  it('metrics toggle on and off, never to none', () => {
    expect(toggleMetric('Total', 'TPS')).toBe('Total,TPS');
    expect(toggleMetric('Total,TPS', 'Total')).toBe('TPS');
    expect(toggleMetric('TPS', 'TPS')).toBe('TPS');
  });

  it('pinning keeps the config and drops the view keys; the baseline is swept like the current link', () => {
    const views = viewKeys(sim.schema);
    const canonical = 'v=1&seq_len=8192&gpus=H200,H800&view=sweep&sweep=decode_len:500:2000:100&metric=Total,TPS&lang=zh';
    expect(configPart(canonical, views)).toBe('v=1&seq_len=8192&gpus=H200,H800');
    const base = pinnedBase(canonical, views);
    expect(decodeURIComponent(base)).toBe('v=1&seq_len=8192&gpus=H200,H800');
    const r = sim.compute(`#v=1&base=${base}`, []);
    expect(r.ok && decodeURIComponent(String(r.fields.base))).toBe('v=1&seq_len=8192&gpus=H200,H800');
    expect(baselineSweepLink('v=1&tp=2&view=decode&sweep=seq_len:1:2:1', canonical, views)).toBe(
      '#v=1&tp=2&sweep=decode_len:500:2000:100&metric=Total,TPS',
    );
  });
});
