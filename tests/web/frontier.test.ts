// The frontier on the real engine: the core's Pareto rows per GPU (after the link's filters, not
// its TPS floor), the chart's curves on a shared x, and the best Total at a TPS-per-user floor,
// which must equal the best over every decode row — as must the leaderboard's best at a floor.
import { beforeAll, describe, expect, it } from 'vitest';
import { bestAtFloor, frontierFigure, frontierPoints } from '../../web/src/chart/frontier';
import type { ComputeOk, Engine, Table } from '../../web/src/engine';
import { cell, gpuName } from '../../web/src/table/cells';
import { computeOk, engine, tableOf } from './helpers';

let sim: Engine;
let result: ComputeOk;
beforeAll(async () => {
  sim = await engine();
  result = computeOk(sim, '#v=1', ['decode', 'frontier']);
});

const table = (name: 'decode' | 'frontier'): Table => {
  const t = result.tables[name];
  if (!t) throw new Error(name);
  return t;
};

interface Point {
  gpu: string;
  tps: number;
  total: number;
}
const pointsOf = (t: Table): Point[] => {
  const [tps, total] = ['TPS', 'Total'].map((c) => t.columns.indexOf(c)) as [number, number];
  return Array.from({ length: t.rows }, (_, r) => ({ gpu: gpuName(t, r), tps: cell(t, r, tps), total: cell(t, r, total) }));
};
/** Per GPU, the (TPS, Total) pairs no other row of that GPU matches or beats on both. */
function pareto(rows: Point[]): string[] {
  const out = new Set<string>();
  for (const a of rows) {
    const beaten = rows.some(
      (b) => b.gpu === a.gpu && b.tps >= a.tps && b.total >= a.total && (b.tps > a.tps || b.total > a.total),
    );
    if (!beaten) out.add(`${a.gpu}|${a.tps}|${a.total}`);
  }
  return [...out].sort();
}
const pairs = (t: Table) => [...new Set(pointsOf(t).map((p) => `${p.gpu}|${p.tps}|${p.total}`))].sort();

describe("the core's frontier rows", () => {
  it.each([
    'v=1',
    'v=1&seq_len=8192&gpus=H200,H800,MI300X',
    'v=1&only_ep=72&only_gpu=H200,H20',
    'v=1&only_tp=1,4&only_bs=16,64,256',
  ])('are the Pareto rows of the decode rows the filters keep: %s', (link) => {
    const frontier = tableOf(sim, link, 'frontier');
    const decode = tableOf(sim, link, 'decode');
    expect(frontier.rows).toBeGreaterThan(0);
    expect(pairs(frontier)).toEqual(pareto(pointsOf(decode)));
  });

  it('are not filtered by the TPS floor (the chart marks it instead)', () => {
    const all = tableOf(sim, 'v=1', 'frontier');
    const floored = tableOf(sim, 'v=1&tps_floor=40', 'frontier');
    expect(Array.from(floored.values)).toEqual(Array.from(all.values));
    expect(pointsOf(floored).some((p) => p.tps < 40)).toBe(true);
  });
});

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
    const base = { frontier: tableOf(sim, '#v=1&seq_len=8192&gpus=H200,H800', 'frontier') };
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

describe('the leaderboard at a TPS-per-user floor', () => {
  it.each([0, 20, 45.5, 100])('its best per (GPU, batch) is the best decode row at or above %s', (floor) => {
    const board = tableOf(sim, `v=1&tps_floor=${floor}`, 'leaderboard');
    const decode = table('decode');
    const [bs, tps, total] = ['BatchSize', 'TPS', 'Total'].map((c) => decode.columns.indexOf(c)) as [number, number, number];
    const best = new Map<string, number>();
    for (let r = 0; r < decode.rows; r++) {
      if (cell(decode, r, tps) < floor) continue;
      const key = `${gpuName(decode, r)}|${cell(decode, r, bs)}`;
      best.set(key, Math.max(best.get(key) ?? -Infinity, cell(decode, r, total)));
    }
    const got = new Map<string, number>();
    for (let r = 0; r < board.rows; r++) {
      expect(cell(board, r, tps)).toBeGreaterThanOrEqual(floor);
      got.set(`${gpuName(board, r)}|${cell(board, r, bs)}`, cell(board, r, total));
    }
    expect([...got.keys()].sort()).toEqual([...best.keys()].sort());
    for (const [key, value] of best) expect(got.get(key), key).toBe(value);
    expect(board.total).toBe(tableOf(sim, 'v=1', 'leaderboard').rows);
  });
});
