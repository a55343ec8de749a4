// Which rows a table shows, in which order: filters then a stable sort over row indexes.
import type { Table } from '../engine';

export interface Filters {
  gpu: string;
  ep: string;
  tp: string;
  batch: string;
  tpsFloor: string;
}

export const NO_FILTERS: Filters = { gpu: '', ep: '', tp: '', batch: '', tpsFloor: '' };

export type SortDir = 'asc' | 'desc';
export interface Sort {
  column: string;
  dir: SortDir;
}

export function width(table: Table): number {
  return table.columns.length - 1;
}

/** Value of a numeric column (index ≥ 1 into table.columns) of a row. */
export function cell(table: Table, row: number, column: number): number {
  return table.values[row * width(table) + column - 1] ?? NaN;
}

export function gpuName(table: Table, row: number): string {
  return table.gpus[table.gpu[row] ?? -1] ?? '';
}

/** Distinct values of a numeric column, ascending. */
export function distinct(table: Table, column: string): number[] {
  const c = table.columns.indexOf(column);
  if (c < 1) return [];
  const seen = new Set<number>();
  for (let r = 0; r < table.rows; r++) seen.add(cell(table, r, c));
  return [...seen].sort((a, b) => a - b);
}

/** GPU names that appear in the table, in table order. */
export function tableGpus(table: Table): string[] {
  const used = new Set<number>();
  for (let r = 0; r < table.rows; r++) used.add(table.gpu[r] ?? -1);
  return table.gpus.filter((_, i) => used.has(i));
}

export function visibleRows(table: Table, filters: Filters, sort: Sort | null): number[] {
  const col = (name: string) => table.columns.indexOf(name);
  const exact: [number, number][] = [];
  const want = (name: string, text: string) => {
    const c = col(name);
    if (text !== '' && c >= 1) exact.push([c, Number(text)]);
  };
  want('EP', filters.ep);
  want('TP', filters.tp);
  want('BatchSize', filters.batch);
  const tpsCol = col('TPS');
  const floor = filters.tpsFloor.trim() === '' ? NaN : Number(filters.tpsFloor);
  const gpuIndex = filters.gpu === '' ? -1 : table.gpus.indexOf(filters.gpu);
  const rows: number[] = [];
  for (let r = 0; r < table.rows; r++) {
    if (filters.gpu !== '' && table.gpu[r] !== gpuIndex) continue;
    if (exact.some(([c, v]) => cell(table, r, c) !== v)) continue;
    if (tpsCol >= 1 && Number.isFinite(floor) && !(cell(table, r, tpsCol) >= floor)) continue;
    rows.push(r);
  }
  if (sort) {
    const c = col(sort.column);
    const sign = sort.dir === 'asc' ? 1 : -1;
    if (c === 0) {
      rows.sort((a, b) => sign * gpuName(table, a).localeCompare(gpuName(table, b)));
    } else if (c > 0) {
      rows.sort((a, b) => sign * (cell(table, a, c) - cell(table, b, c)));
    }
  }
  return rows;
}
