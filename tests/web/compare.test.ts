// A/B comparison: matching baseline rows, the relative change and its tone, and the settings
// that differ — on two real configurations.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComputeOk, Engine } from '../../web/src/engine';
import { configChanges } from '../../web/src/state/views';
import {
  changeTone,
  formatChange,
  matchBaseline,
  MATCH_COLUMNS,
  relativeChange,
} from '../../web/src/table/compare';
import { cell, gpuName } from '../../web/src/table/view';
import { engine } from './helpers';

let sim: Engine;
const ok = (link: string): ComputeOk => {
  const r = sim.compute(link, ['decode', 'leaderboard', 'maxbatch']);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
};
beforeAll(async () => {
  sim = await engine();
});

describe('relative change', () => {
  it('is (current − base) / |base|, written with a sign and one decimal', () => {
    expect(relativeChange(112.3, 100)).toBeCloseTo(0.123, 12);
    expect(formatChange(relativeChange(112.3, 100))).toBe('+12.3 %');
    expect(formatChange(relativeChange(96, 100))).toBe('−4.0 %');
    expect(formatChange(relativeChange(-1.5, -1))).toBe('−50.0 %');
    expect(formatChange(relativeChange(5, 5))).toBe('±0 %');
    expect(formatChange(relativeChange(1.00001, 1))).toBe('±0 %');
    expect(formatChange(relativeChange(0, 0))).toBe('±0 %');
    expect(formatChange(relativeChange(3, 0), 'new')).toBe('new');
    expect(formatChange(relativeChange(5000, 1))).toBe('+5.0e+5 %');
  });

  it('is better when throughput rises or time falls', () => {
    expect(changeTone('Total', 110, 100)).toBe('better');
    expect(changeTone('TPS', 90, 100)).toBe('worse');
    expect(changeTone('TPOT', 90, 100)).toBe('better');
    expect(changeTone('SparseMLA', 1.2, 1)).toBe('worse');
    expect(changeTone('Total', 100.00001, 100)).toBe('same');
    expect(changeTone('MaxBatch', 16, 0)).toBe('better');
  });
});

describe('matching baseline rows', () => {
  it('decode rows match by (GPU, TP, EP, BatchSize); a longer context keeps fewer rows', () => {
    const base = ok('#v=1');
    const cur = ok('#v=1&seq_len=8192');
    const decode = cur.decode!;
    const m = matchBaseline(decode, base.decode!, MATCH_COLUMNS.decode);
    const cols = ['TP', 'EP', 'BatchSize'].map((c) => decode.columns.indexOf(c));
    expect([...m.keys].sort()).toEqual([...cols].sort());
    let matched = 0;
    for (let r = 0; r < decode.rows; r++) {
      const b = m.rowOf(r);
      if (b < 0) continue;
      matched++;
      expect(gpuName(base.decode!, b)).toBe(gpuName(decode, r));
      for (const c of cols) expect(cell(base.decode!, b, c)).toBe(cell(decode, r, c));
    }
    // Every current row existed at the shorter context; not the other way round.
    expect(matched).toBe(decode.rows);
    expect(base.decode!.rows).toBeGreaterThan(decode.rows);
    // Against itself, every value is unchanged.
    const self = matchBaseline(base.decode!, base.decode!, MATCH_COLUMNS.decode);
    for (let r = 0; r < base.decode!.rows; r += 37) expect(self.rowOf(r)).toBe(r);
  });

  it('leaderboard rows match by GPU and batch; a new GPU has no match', () => {
    const base = ok('#v=1&gpus=H200,H800');
    const cur = ok('#v=1&gpus=H200,H20&seq_len=2048');
    const m = matchBaseline(cur.leaderboard!, base.leaderboard!, MATCH_COLUMNS.leaderboard);
    const lb = cur.leaderboard!;
    for (let r = 0; r < lb.rows; r++) {
      const gpu = gpuName(lb, r);
      expect(m.rowOf(r) >= 0, `${gpu} row ${r}`).toBe(gpu === 'H200');
    }
  });
});

describe('settings that differ', () => {
  it('lists each changed key with both values; view keys are not settings', () => {
    const base = ok('#v=1&gpus=H200,H800');
    const cur = ok('#v=1&gpus=H200,H800&seq_len=8192&discount=0.8&view=decode&lang=zh');
    expect(configChanges(sim, cur, base)).toEqual([
      { key: 'seq_len', base: '4383', current: '8192' },
      { key: 'discount', base: expect.any(String), current: '0.8' },
    ]);
    const hw = ok('#v=1&hw=MYGPU,132,20,1200,2400,0,192,6000,900,100,8');
    expect(configChanges(sim, hw, ok('#v=1')).map((c) => c.key)).toEqual(['hw']);
  });
});
