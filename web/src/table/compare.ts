// A/B comparison, one rule for every view: a row is matched with the baseline row of the same
// GPU and the view's match columns (the core's ViewInfo.match: GPU, EP, TP, batch; a "best"
// view matches GPU and batch, so its rows compare best with best). Identity columns get no
// change; for the others the column's `better` says which way is an improvement.
import type { ColumnInfo, Table } from '../engine';
import { formatNumber } from '../i18n/numbers';
import { cell, gpuName, isTextColumn, textCell } from './cells';

export interface BaselineMatch {
  table: Table;
  /** The baseline row for a row of the current table, or -1. */
  rowOf(row: number): number;
  /** Baseline column index of each current column (-1 if it has none, or an identity column). */
  columnOf: number[];
}

/** Matches the rows of `current` to the first baseline row with the same GPU and key columns. */
export function matchBaseline(
  current: Table,
  base: Table,
  keyColumns: readonly string[],
  columns: readonly ColumnInfo[],
): BaselineMatch {
  const curKeys = keyColumns.map((k) => current.columns.indexOf(k));
  const baseKeys = keyColumns.map((k) => base.columns.indexOf(k));
  // Text key columns (serve's Serving) by their text; GPUs by name, whatever their order.
  const keyOf = (table: Table, cols: number[], r: number) =>
    [
      gpuName(table, r),
      ...cols.map((c) => {
        const name = table.columns[c] ?? '';
        return isTextColumn(table, name) ? textCell(table, r, name) : cell(table, r, c);
      }),
    ].join('|');
  const index = new Map<string, number>();
  for (let r = 0; r < base.rows; r++) {
    const key = keyOf(base, baseKeys, r);
    if (!index.has(key)) index.set(key, r);
  }
  const info = new Map(columns.map((c) => [c.name, c]));
  return {
    table: base,
    rowOf: (row) => index.get(keyOf(current, curKeys, row)) ?? -1,
    columnOf: current.columns.map((c) =>
      isIdentity(info.get(c)) || isTextColumn(current, c) ? -1 : base.columns.indexOf(c),
    ),
  };
}

/** (current − base) / |base|; 0 when both are 0; null when only the baseline is 0. */
/** A column that says which configuration a row is (GPU, EP, TP, batch): no way is better. */
export function isIdentity(column: Pick<ColumnInfo, 'better'> | undefined): boolean {
  return column?.better === 'none';
}

export function relativeChange(current: number, base: number): number | null {
  if (current === base) return 0;
  if (base === 0 || !Number.isFinite(base)) return null;
  return (current - base) / Math.abs(base);
}

/** "+12.3 %", "−4.0 %", "+1,230 %", "±0 %"; "new" when the baseline was 0. Never an exponent. */
export function formatChange(change: number | null, newText = 'new'): string {
  if (change === null) return newText;
  const pct = change * 100;
  // Past 1,000 % a decimal says nothing: whole percent with separators.
  const text = formatNumber(Math.abs(pct), Math.abs(pct) >= 999.5 ? 0 : 1, 'en');
  if (text === '0.0') return '±0 %';
  return `${pct > 0 ? '+' : '−'}${text} %`;
}

/**
 * A column that is itself a share (Comm_Impact): its change in percentage points, "+29.0 pp",
 * not a percent of a percent.
 */
export function formatPointChange(current: number, base: number): string {
  const pp = (current - base) * 100;
  const text = formatNumber(Math.abs(pp), 1, 'en');
  if (text === '0.0') return '±0 pp';
  return `${pp > 0 ? '+' : '−'}${text} pp`;
}

/** The change a cell shows: percentage points for shares, else relative. */
export function formatColumnChange(style: string, current: number, base: number, newText = 'new'): string {
  return style === 'fraction' ? formatPointChange(current, base) : formatChange(relativeChange(current, base), newText);
}

export type ChangeTone = 'better' | 'worse' | 'same';

/** Whether a change is an improvement for that column; below 0.05 % it is no change. */
export function changeTone(better: ColumnInfo['better'], current: number, base: number): ChangeTone {
  const change = relativeChange(current, base);
  if (better === 'none' || (change !== null && Math.abs(change) < 5e-4)) return 'same';
  return current > base === (better === 'higher') ? 'better' : 'worse';
}
