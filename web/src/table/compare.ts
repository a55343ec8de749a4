// A/B comparison: which baseline row matches a row, and the relative change between them.
import type { Table } from '../engine';
import { cell, gpuName } from './view';

/** Columns that identify a row of each table kind (with the GPU), for matching baseline rows. */
export const MATCH_COLUMNS = {
  decode: ['TP', 'EP', 'BatchSize'],
  /** The leaderboard's key: its best row per GPU and batch, whatever TP and EP won. */
  leaderboard: ['BatchSize'],
  maxbatch: ['EP', 'TP'],
  frontier: ['TP', 'EP', 'BatchSize'],
} as const;

/** Larger is better for throughput and capacity; for times (ms) and Comm_Impact, smaller is. */
const HIGHER_IS_BETTER = new Set(['TPS', 'TPS_O', 'Total', 'Total_O', 'PrefillTPS', 'MaxBatch']);

export function higherIsBetter(column: string): boolean {
  return HIGHER_IS_BETTER.has(column);
}

export interface BaselineMatch {
  table: Table;
  /** The baseline row for a row of the current table, or -1. */
  rowOf(row: number): number;
  /** Baseline column index of each current column (-1 if it has none). */
  columnOf: number[];
  /** Current columns that identify the row (no change shown). */
  keys: ReadonlySet<number>;
}

/** Matches the rows of `current` to the first baseline row with the same GPU and key columns. */
export function matchBaseline(
  current: Table,
  base: Table,
  keyColumns: readonly string[],
): BaselineMatch {
  const curKeys = keyColumns.map((k) => current.columns.indexOf(k));
  const baseKeys = keyColumns.map((k) => base.columns.indexOf(k));
  const keyOf = (table: Table, cols: number[], r: number) =>
    [gpuName(table, r), ...cols.map((c) => cell(table, r, c))].join('|');
  const index = new Map<string, number>();
  for (let r = 0; r < base.rows; r++) {
    const key = keyOf(base, baseKeys, r);
    if (!index.has(key)) index.set(key, r);
  }
  return {
    table: base,
    rowOf: (row) => index.get(keyOf(current, curKeys, row)) ?? -1,
    columnOf: current.columns.map((c) => base.columns.indexOf(c)),
    keys: new Set(curKeys.filter((c) => c >= 1)),
  };
}

/** (current − base) / |base|; 0 when both are 0; null when only the baseline is 0. */
export function relativeChange(current: number, base: number): number | null {
  if (current === base) return 0;
  if (base === 0 || !Number.isFinite(base)) return null;
  return (current - base) / Math.abs(base);
}

/** "+12.3 %", "−4.0 %", "±0 %"; "new" when the baseline was 0. */
export function formatChange(change: number | null, newText = 'new'): string {
  if (change === null) return newText;
  const pct = change * 100;
  const text = Math.abs(pct) >= 999.5 ? Math.abs(pct).toExponential(1) : Math.abs(pct).toFixed(1);
  if (text === '0.0') return '±0 %';
  return `${pct > 0 ? '+' : '−'}${text} %`;
}

export type ChangeTone = 'better' | 'worse' | 'same';

/** Whether a change is an improvement for that column; below 0.05 % it is no change. */
export function changeTone(column: string, current: number, base: number): ChangeTone {
  const change = relativeChange(current, base);
  if (change !== null && Math.abs(change) < 5e-4) return 'same';
  return current > base === higherIsBetter(column) ? 'better' : 'worse';
}
