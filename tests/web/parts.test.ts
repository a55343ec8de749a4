// Where the time goes: the engine's parts of each prefill and decode row sum to its Sum / TPOT,
// and the bars take the first row of each GPU in the table's (sorted, filtered) order.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../web/src/engine';
import { cell, gpuName } from '../../web/src/table/cells';
import { firstRowBars, prefillBars } from '../../web/src/table/parts';
import { engine, tableOf } from './helpers';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('time breakdown', () => {
  it('prefill: a bar per GPU whose parts sum to Sum', () => {
    const t = tableOf(sim, '#v=1', 'prefill');
    const n = sim.describe.parts.length;
    expect(sim.describe.parts.map((p) => p.key)).toEqual([
      'attention',
      'dense_mlp',
      'shared_expert',
      'routed_expert',
      'exposed_comm',
      'lm_head',
    ]);
    const bars = prefillBars(t, n);
    expect(bars).toHaveLength(t.rows);
    bars.forEach((b, r) => {
      expect(b.label).toBe(gpuName(t, r));
      expect(sum(b.parts)).toBeCloseTo(cell(t, r, t.columns.indexOf('Sum')), 9);
    });
  });

  it('decode: the first row of each GPU as sorted; parts sum to its TPOT', () => {
    for (const mode of ['reference', 'calibrated']) {
      const t = tableOf(sim, `#v=1&view=decode&mode=${mode}&sort=-Total&only_bs=128`, 'decode');
      const bars = firstRowBars(t, sim.describe.parts.length);
      const gpus = new Set(Array.from({ length: t.rows }, (_, r) => gpuName(t, r)));
      expect(bars).toHaveLength(gpus.size);
      const tpot = t.columns.indexOf('TPOT');
      for (const b of bars) {
        const gpu = b.label.split(' · ')[0]!;
        const first = Array.from({ length: t.rows }, (_, r) => r).find((r) => gpuName(t, r) === gpu)!;
        expect(b.label).toContain('batch 128');
        expect(sum(b.parts)).toBeCloseTo(cell(t, first, tpot), 9);
      }
    }
  });
});
