// The frontier chart's data on the real engine: curves per GPU on a shared x, and the best Total
// at a TPS-per-user floor, which must equal the best over every decode row.
import { beforeAll, describe, expect, it } from 'vitest';
import { bestAtFloor, frontierFigure, frontierPoints } from '../../web/src/chart/frontier';
import type { ComputeOk, Engine, Table } from '../../web/src/engine';
import { cell, gpuName } from '../../web/src/table/view';
import { engine } from './helpers';

let sim: Engine;
let result: ComputeOk;
beforeAll(async () => {
  sim = await engine();
  const r = sim.compute('#v=1', ['decode', 'frontier']);
  if (!r.ok) throw new Error('defaults');
  result = r;
});

const table = (name: 'decode' | 'frontier'): Table => {
  const t = result[name];
  if (!t) throw new Error(name);
  return t;
};

describe('frontier curves', () => {
  it('each GPU: its frontier rows, TPS ascending and Total descending (Pareto)', () => {
    const points = frontierPoints(table('frontier'));
    expect([...points.keys()]).toEqual(result.gpus);
    let rows = 0;
    for (const [gpu, pts] of points) {
      rows += pts.length;
      for (let i = 1; i < pts.length; i++) {
        const [a, b] = [pts[i - 1]!, pts[i]!];
        expect(b.tps, gpu).toBeGreaterThan(a.tps);
        expect(b.total, gpu).toBeLessThan(a.total);
      }
    }
    expect(rows).toBe(table('frontier').rows);
  });

  it('no decode row beats a frontier point on both axes', () => {
    const decode = table('decode');
    const [tps, total] = ['TPS', 'Total'].map((c) => decode.columns.indexOf(c)) as [number, number];
    const points = frontierPoints(table('frontier'));
    for (let r = 0; r < decode.rows; r++) {
      const gpu = gpuName(decode, r);
      for (const p of points.get(gpu) ?? []) {
        const dominates = cell(decode, r, tps) > p.tps && cell(decode, r, total) > p.total;
        expect(dominates, `${gpu} row ${r} dominates ${JSON.stringify(p)}`).toBe(false);
      }
    }
  });

  it('the figure: a shared ascending x; each line has a value exactly at its own points', () => {
    const slots = new Map(result.gpus.map((g, i) => [g, i]));
    const fig = frontierFigure(table('frontier'), null, slots, (g) => `${g} (baseline)`);
    expect(fig.x.every((v, i) => i === 0 || v > (fig.x[i - 1] ?? -Infinity))).toBe(true);
    expect(fig.lines.map((l) => l.gpu)).toEqual(result.gpus);
    const points = frontierPoints(table('frontier'));
    for (const line of fig.lines) {
      const own = points.get(line.gpu) ?? [];
      expect(line.y.filter((v) => v !== null)).toHaveLength(own.length);
      for (const p of own) expect(line.y[fig.x.indexOf(p.tps)]).toBe(p.total);
      expect(line.points.filter(Boolean).map((p) => p?.row)).toEqual(own.map((p) => p.row));
    }
  });

  it('a baseline adds a dashed line per GPU of the baseline', () => {
    const base = sim.compute('#v=1&seq_len=8192&gpus=H200,H800', ['frontier']);
    if (!base.ok || !base.frontier) throw new Error('base');
    const fig = frontierFigure(table('frontier'), base.frontier, new Map(), (g) => `${g} (baseline)`);
    expect(fig.lines.filter((l) => l.dashed).map((l) => l.label)).toEqual(['H200 (baseline)', 'H800 (baseline)']);
    const all = [...frontierPoints(table('frontier')).values(), ...frontierPoints(base.frontier).values()].flat();
    expect(fig.x).toEqual([...new Set(all.map((p) => p.tps))].sort((a, b) => a - b));
  });
});

describe('best Total at a TPS-per-user floor', () => {
  it('equals the best over every decode row at or above the floor, per GPU', () => {
    const decode = table('decode');
    const [tps, total] = ['TPS', 'Total'].map((c) => decode.columns.indexOf(c)) as [number, number];
    const points = frontierPoints(table('frontier'));
    for (const floor of [0, 10, 20, 45.5, 60, 100, 150, 1e6]) {
      for (const gpu of result.gpus) {
        let want = -Infinity;
        for (let r = 0; r < decode.rows; r++) {
          if (gpuName(decode, r) === gpu && cell(decode, r, tps) >= floor) want = Math.max(want, cell(decode, r, total));
        }
        const got = bestAtFloor(points.get(gpu) ?? [], floor);
        if (want === -Infinity) expect(got, `${gpu} @ ${floor}`).toBeNull();
        else expect(got?.total, `${gpu} @ ${floor}`).toBe(want);
        if (got) expect(got.tps).toBeGreaterThanOrEqual(floor);
      }
    }
  });
});
