// Reading the engine's `parts` (each row's time by part, breakdown.h) for the breakdown bars.
import type { Table } from '../engine';
import { cell, gpuName } from './cells';

/** Part times of a row (empty when the table carries none). */
export function rowParts(table: Table, row: number, nParts: number): number[] {
  if (!table.parts) return [];
  return Array.from(table.parts.subarray(row * nParts, (row + 1) * nParts));
}

/** Every prefill row: one bar per GPU. */
export function prefillBars(table: Table, nParts: number): { label: string; parts: number[] }[] {
  return Array.from({ length: table.rows }, (_, r) => ({ label: gpuName(table, r), parts: rowParts(table, r, nParts) }));
}

/**
 * The first row of each GPU in the table's order (its sort and filters choose which): one bar per
 * GPU, labelled with the row's EP, TP and batch.
 */
export function firstRowBars(table: Table, nParts: number): { label: string; parts: number[] }[] {
  const seen = new Set<string>();
  const col = (name: string) => table.columns.indexOf(name);
  const [ep, tp, bs] = [col('EP'), col('TP'), col('BatchSize')];
  const out: { label: string; parts: number[] }[] = [];
  for (let r = 0; r < table.rows; r++) {
    const gpu = gpuName(table, r);
    if (seen.has(gpu)) continue;
    seen.add(gpu);
    const label = `${gpu} · EP ${cell(table, r, ep)} · TP ${cell(table, r, tp)} · batch ${cell(table, r, bs)}`;
    out.push({ label, parts: rowParts(table, r, nParts) });
  }
  return out;
}
