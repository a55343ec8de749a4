// A/B comparison: the baseline the core computes for base=, the settings that differ, matching
// baseline rows by each view's match columns, the relative change and its tone — on real configs.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComputeOk, Engine, Table, TableInfo, ViewInfo } from '../../web/src/engine';
import { cell, gpuName } from '../../web/src/table/cells';
import { changeTone, formatChange, formatColumnChange, matchBaseline, relativeChange } from '../../web/src/table/compare';
import { columnInfo, computeOk, engine, tableOf } from './helpers';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

const view = (key: string): ViewInfo => sim.describe.views.find((v) => v.key === key)!;
const info = (key: string): TableInfo => sim.describe.tables.find((t) => t.key === view(key).table)!;
/** `current` compared with `base`: both tables of a view, as the page gets them from one compute. */
function compared(current: string, base: string, name: string): { cur: Table; old: Table; result: ComputeOk } {
  const result = computeOk(sim, sim.edit(current, 'base', base), [name]);
  const cur = result.tables[name];
  const old = result.baseline?.ok ? result.baseline.tables[name] : undefined;
  if (!cur || !old) throw new Error(`${name}: no table or no baseline`);
  return { cur, old, result };
}
const better = (column: string) => columnInfo(sim, 'decode', column).better;

describe('relative change', () => {
  it('is (current − base) / |base|, written with a sign and one decimal', () => {
    expect(relativeChange(112.3, 100)).toBeCloseTo(0.123, 12);
    expect(formatChange(relativeChange(112.3, 100))).toBe('+12.3 %');
    expect(formatChange(relativeChange(96, 100))).toBe('−4.0 %');
    expect(formatChange(relativeChange(-1.5, -1))).toBe('−50.0 %');
    expect(formatChange(relativeChange(5, 5))).toBe('±0 %');
    expect(formatChange(relativeChange(1.00001, 1))).toBe('±0 %');
    expect(formatChange(relativeChange(0, 0))).toBe('±0 %');
    expect(relativeChange(3, 0)).toBeNull();
    expect(formatChange(relativeChange(3, 0), 'new')).toBe('new');
    expect(formatChange(relativeChange(5000, 1))).toBe('+499,900 %');
    expect(formatChange(relativeChange(13.2, 1))).toBe('+1,220 %');
    expect(formatChange(relativeChange(10.9999, 1))).toBe('+1,000 %');
    // A share changes in percentage points, not percent of a percent.
    expect(formatColumnChange('fraction', 0.306, 0.016)).toBe('+29.0 pp');
    expect(formatColumnChange('fraction', 0.2, 0.2)).toBe('±0 pp');
    expect(formatColumnChange('fraction', 0.1, 0.25)).toBe('−15.0 pp');
    expect(formatColumnChange('decimal', 2, 1)).toBe('+100.0 %');
  });

  it("is better when the column's own direction says so (the core's descriptors)", () => {
    expect(changeTone(better('Total'), 110, 100)).toBe('better');
    expect(changeTone(better('TPS'), 90, 100)).toBe('worse');
    expect(changeTone(better('TPOT'), 90, 100)).toBe('better');
    expect(changeTone(better('SparseMLA'), 1.2, 1)).toBe('worse');
    expect(changeTone(better('Total'), 100.00001, 100)).toBe('same');
    expect(changeTone(columnInfo(sim, 'maxbatch', 'MaxBatch').better, 16, 0)).toBe('better');
    // Identity columns never change tone.
    expect(changeTone(better('EP'), 144, 72)).toBe('same');
  });
});

describe('the baseline the core computes', () => {
  it('is the base config with this link\'s view keys: same filters, same sort', () => {
    const link = 'v=1&seq_len=8192&view=decode&only_gpu=H200&sort=-Total';
    const { old, result } = compared(link, 'v=1', 'decode');
    expect(result.baseline?.link).toBe(computeOk(sim, 'v=1&view=decode&only_gpu=H200&sort=-Total').canonical);
    const want = tableOf(sim, 'v=1&only_gpu=H200&sort=-Total', 'decode');
    expect(old.rows).toBe(want.rows);
    expect(Array.from(old.values)).toEqual(Array.from(want.values));
  });

  it('pin is this config without its view keys; no base= means no baseline', () => {
    const r = computeOk(sim, 'v=1&seq_len=8192&view=decode&lang=zh&sort=-TPS&tps_floor=10');
    expect(r.pin).toBe('v=1&seq_len=8192');
    expect(r.baseline).toBeNull();
    expect(r.changes).toEqual([]);
  });
});

describe('settings that differ', () => {
  it('lists each changed key with both values; view keys are not settings', () => {
    const link = 'v=1&gpus=H200,H800&seq_len=8192&discount=0.8&view=decode&lang=zh&sort=-TPS';
    const r = computeOk(sim, sim.edit(link, 'base', 'v=1&gpus=H200,H800'));
    const defaults = sim.fields('');
    expect(r.changes).toEqual([
      { key: 'seq_len', base: defaults.seq_len, current: '8192' },
      { key: 'discount', base: defaults.discount, current: '0.8' },
    ]);
  });

  it('a custom GPU is a change of hw; the same config has none', () => {
    const hw = computeOk(sim, sim.edit('v=1&hw=MYGPU,132,20,1200,2400,0,192,6000,900,100,8', 'base', 'v=1'));
    expect(hw.changes.map((c) => c.key)).toEqual(['hw']);
    expect(hw.changes[0]?.current).toContain('MYGPU');
    expect(computeOk(sim, sim.edit('v=1&seq_len=8192', 'base', 'v=1&seq_len=8192')).changes).toEqual([]);
  });
});

describe('matching baseline rows', () => {
  it('decode rows match by (GPU, TP, EP, BatchSize); a longer context keeps fewer rows', () => {
    const { cur, old } = compared('v=1&seq_len=8192&view=decode', 'v=1', 'decode');
    expect(view('decode').match).toEqual(['TP', 'EP', 'BatchSize']);
    const m = matchBaseline(cur, old, view('decode').match, info('decode').columns);
    const keys = ['TP', 'EP', 'BatchSize'].map((c) => cur.columns.indexOf(c));
    let matched = 0;
    for (let r = 0; r < cur.rows; r++) {
      const b = m.rowOf(r);
      if (b < 0) continue;
      matched++;
      expect(gpuName(old, b)).toBe(gpuName(cur, r));
      for (const c of keys) expect(cell(old, b, c)).toBe(cell(cur, r, c));
    }
    // Every current row existed at the shorter context; not the other way round.
    expect(matched).toBe(cur.rows);
    expect(old.rows).toBeGreaterThan(cur.rows);
    // Identity columns get no change; the others point at the same baseline column.
    expect(m.columnOf.slice(0, 4)).toEqual([-1, -1, -1, -1]);
    expect(m.columnOf.slice(4)).toEqual(cur.columns.slice(4).map((c) => old.columns.indexOf(c)));
    // Against itself, every row is its own match.
    const self = matchBaseline(old, old, view('decode').match, info('decode').columns);
    for (let r = 0; r < old.rows; r += 37) expect(self.rowOf(r)).toBe(r);
  });

  it('leaderboard rows compare best with best: by GPU and batch; a new GPU has no match', () => {
    expect(view('leaderboard').best).toBe(true);
    expect(view('leaderboard').match).toEqual(['BatchSize']);
    const current = 'v=1&gpus=H200,H20&seq_len=2048&view=leaderboard';
    const base = 'v=1&gpus=H200,H800';
    const { cur, old } = compared(current, base, 'leaderboard');
    const m = matchBaseline(cur, old, view('leaderboard').match, info('leaderboard').columns);
    // The best row of each (GPU, batch) in a config's decode table.
    const bestTotal = (link: string, gpu: string, batch: number) => {
      const d = tableOf(sim, link, 'decode');
      let best = -Infinity;
      for (let r = 0; r < d.rows; r++) {
        if (gpuName(d, r) === gpu && cell(d, r, d.columns.indexOf('BatchSize')) === batch) {
          best = Math.max(best, cell(d, r, d.columns.indexOf('Total')));
        }
      }
      return best;
    };
    const [bs, total] = ['BatchSize', 'Total'].map((c) => cur.columns.indexOf(c)) as [number, number];
    let matched = 0;
    for (let r = 0; r < cur.rows; r++) {
      const gpu = gpuName(cur, r);
      const b = m.rowOf(r);
      expect(b >= 0, `${gpu} row ${r}`).toBe(gpu === 'H200');
      if (b < 0) continue;
      matched++;
      const batch = cell(cur, r, bs);
      expect(cell(old, b, bs)).toBe(batch);
      // Each side is its config's best for that GPU and batch, though EP and TP may differ.
      expect(cell(cur, r, total)).toBe(bestTotal(current, gpu, batch));
      expect(cell(old, b, total)).toBe(bestTotal(base, gpu, batch));
    }
    expect(matched).toBeGreaterThan(0);
  });

  it('max batch rows match by GPU, EP and TP', () => {
    const { cur, old } = compared('v=1&mem_util=0.5&view=maxbatch', 'v=1', 'maxbatch');
    const m = matchBaseline(cur, old, view('maxbatch').match, info('maxbatch').columns);
    const mb = cur.columns.indexOf('MaxBatch');
    for (let r = 0; r < cur.rows; r++) {
      const b = m.rowOf(r);
      expect(b).toBeGreaterThanOrEqual(0);
      for (const c of ['EP', 'TP']) expect(cell(old, b, cur.columns.indexOf(c))).toBe(cell(cur, r, cur.columns.indexOf(c)));
      // Less memory: never a larger batch.
      expect(cell(cur, r, mb)).toBeLessThanOrEqual(cell(old, b, mb));
    }
    expect(m.columnOf[mb]).toBe(old.columns.indexOf('MaxBatch'));
  });
});

describe('a baseline after the GPU list changes', () => {
  // Pinned on one GPU, compared on several: every row of that GPU finds its baseline row, by
  // name (a GPU's position in the list has changed), in every view with a table.
  for (const [name, extra] of [
    ['decode', ''],
    ['leaderboard', ''],
    ['maxbatch', ''],
    ['plan', '&mode=calibrated'],
    ['serve', '&mode=calibrated&serving=best'],
  ] as const) {
    it(`${name}: every H200 row matches, no other`, () => {
      const pinned = computeOk(sim, `#v=1&view=${name}&gpus=H200${extra}`, [name]);
      const { cur, old } = compared(`v=1&view=${name}&gpus=H20,GB200-NVL72,H200${extra}`, pinned.pin, name);
      const m = matchBaseline(cur, old, view(name).match, info(name).columns);
      let h200 = 0;
      for (let r = 0; r < cur.rows; r++) {
        if (gpuName(cur, r) === 'H200') {
          h200++;
          expect(m.rowOf(r), `${name} row ${r}`).toBeGreaterThanOrEqual(0);
          expect(gpuName(old, m.rowOf(r))).toBe('H200');
        } else {
          expect(m.rowOf(r)).toBe(-1);
        }
      }
      expect(h200).toBe(old.rows);
      // The same GPU and configuration: no change in the numbers.
      const total = name === 'plan' ? 'OutputTPS_per_GPU' : name === 'serve' ? 'TotalTPS_per_GPU' : name === 'maxbatch' ? 'MaxBatch' : 'Total';
      const c = cur.columns.indexOf(total);
      for (let r = 0; r < cur.rows; r++) {
        if (m.rowOf(r) >= 0) expect(cell(cur, r, c)).toBe(cell(old, m.rowOf(r), old.columns.indexOf(total)));
      }
    });
  }
});
