// Reading the engine's tables: a value, a row's GPU, the values a column takes.
import type { Table } from '../engine';

export function width(table: Table): number {
  return table.columns.length - 1;
}

/** Value of a numeric column (index ≥ 1 into table.columns) of a row. */
export function cell(table: Table, row: number, column: number): number {
  return table.values[row * width(table) + column - 1] ?? NaN;
}

/** Text of a text column (the plan's Serving, a row's links) of a row; "" when it has none. */
export function textCell(table: Table, row: number, column: string): string {
  return table.text?.[column]?.[row] ?? '';
}

/** Whether a column of the table is text (its values are in table.text). */
export function isTextColumn(table: Table, column: string): boolean {
  return table.text !== undefined && column in table.text;
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
