// The throughput–interactivity frontier per GPU (engine's `frontier` table: Pareto rows by TPS
// ascending) as chart lines on a shared x, and the best Total at or above a TPS-per-user floor.
import type { Table } from '../engine';
import { cell, gpuName } from '../table/cells';
import type { ColorSlot } from './theme';

export interface FrontierPoint {
  gpu: string;
  tps: number;
  total: number;
  ep: number;
  tp: number;
  batch: number;
  /** Row in the frontier table. */
  row: number;
}

/** The frontier's points per GPU, in table order (TPS ascending). */
export function frontierPoints(table: Table): Map<string, FrontierPoint[]> {
  const col = (name: string) => table.columns.indexOf(name);
  const [tps, total, ep, tp, batch] = ['TPS', 'Total', 'EP', 'TP', 'BatchSize'].map(col) as number[];
  const out = new Map<string, FrontierPoint[]>();
  for (let r = 0; r < table.rows; r++) {
    const gpu = gpuName(table, r);
    const list = out.get(gpu) ?? [];
    list.push({
      gpu,
      tps: cell(table, r, tps ?? -1),
      total: cell(table, r, total ?? -1),
      ep: cell(table, r, ep ?? -1),
      tp: cell(table, r, tp ?? -1),
      batch: cell(table, r, batch ?? -1),
      row: r,
    });
    out.set(gpu, list);
  }
  return out;
}

export interface FrontierLine {
  label: string;
  gpu: string;
  color: ColorSlot;
  dashed: boolean;
  y: (number | null)[];
  /** The frontier point behind each non-null y. */
  points: (FrontierPoint | null)[];
}

export interface FrontierFigure {
  /** Every TPS value of every line, ascending, without repeats: the shared x. */
  x: number[];
  lines: FrontierLine[];
}

export function frontierFigure(
  current: Table,
  base: Table | null,
  gpuSlots: ReadonlyMap<string, number>,
  baseLabel: (gpu: string) => string,
): FrontierFigure {
  const cur = frontierPoints(current);
  const old = base ? frontierPoints(base) : new Map<string, FrontierPoint[]>();
  const all = [...cur.values(), ...old.values()].flat();
  const x = [...new Set(all.map((p) => p.tps))].sort((a, b) => a - b);
  const at = new Map(x.map((v, i) => [v, i]));
  const lineOf = (gpu: string, pts: FrontierPoint[], dashed: boolean, i: number): FrontierLine => {
    const y: (number | null)[] = new Array(x.length).fill(null);
    const points: (FrontierPoint | null)[] = new Array(x.length).fill(null);
    for (const p of pts) {
      const k = at.get(p.tps) ?? -1;
      // Equal TPS on one frontier: the higher Total is the Pareto point.
      if (k >= 0 && (y[k] === null || p.total > (y[k] ?? -Infinity))) {
        y[k] = p.total;
        points[k] = p;
      }
    }
    return {
      label: dashed ? baseLabel(gpu) : gpu,
      gpu,
      color: { kind: 'gpu', index: gpuSlots.get(gpu) ?? i },
      dashed,
      y,
      points,
    };
  };
  const lines: FrontierLine[] = [];
  [...cur.entries()].forEach(([gpu, pts], i) => lines.push(lineOf(gpu, pts, false, i)));
  [...old.entries()].forEach(([gpu, pts], i) => lines.push(lineOf(gpu, pts, true, i)));
  return { x, lines };
}

/** The point with the largest Total among those at or above the floor (the first of ties). */
export function bestAtFloor(points: readonly FrontierPoint[], floor: number): FrontierPoint | null {
  let best: FrontierPoint | null = null;
  for (const p of points) {
    if (p.tps >= floor && (best === null || p.total > best.total)) best = p;
  }
  return best;
}
