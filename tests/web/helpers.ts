// Shared by the Vitest suites: the REAL wasm (read from disk: under happy-dom the glue cannot
// fetch it), the golden cases and a tolerance that matches tests/golden/README.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEngine, type Engine, type Table } from '../../web/src/engine';

export const repoRoot = resolve(__dirname, '../..');
export const wasmPath = resolve(repoRoot, 'web/src/engine/generated/shallowsim.wasm');

export function engine(): Promise<Engine> {
  return loadEngine({ wasmBinary: readFileSync(wasmPath) });
}

export function golden(name: string): string {
  return readFileSync(resolve(repoRoot, 'tests/golden', name), 'utf8').replace(/\r/g, '');
}

export function goldenLink(name: string): string {
  return golden(`${name}.link`).trim();
}

export interface Csv {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string): Csv {
  const lines = text.split('\n').filter((l) => l !== '');
  const [head = '', ...body] = lines;
  return { header: head.split(','), rows: body.map((l) => l.split(',')) };
}

/** Relative 1e-9, absolute 1e-12 near zero. */
export function close(actual: number, expected: number): boolean {
  if (actual === expected) return true;
  const diff = Math.abs(actual - expected);
  return diff <= 1e-12 || diff <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected));
}

/** A table row as {column: value}, GPU as its name. */
export function rowObject(table: Table, r: number): Record<string, string | number> {
  const w = table.columns.length - 1;
  const o: Record<string, string | number> = { GPU: table.gpus[table.gpu[r] ?? -1] ?? '' };
  for (let c = 1; c <= w; c++) o[table.columns[c] ?? ''] = table.values[r * w + c - 1] ?? NaN;
  return o;
}

export function csvObjects(csv: Csv): Record<string, string | number>[] {
  return csv.rows.map((cells) => {
    const o: Record<string, string | number> = {};
    csv.header.forEach((h, i) => {
      o[h] = h === 'GPU' ? (cells[i] ?? '') : Number(cells[i]);
    });
    return o;
  });
}

/** Every mismatch between two row objects on the given columns, as readable strings. */
export function mismatches(
  actual: Record<string, string | number>,
  expected: Record<string, string | number>,
  columns: readonly string[],
  label: string,
): string[] {
  const out: string[] = [];
  for (const c of columns) {
    const a = actual[c];
    const e = expected[c];
    const ok = typeof e === 'number' && typeof a === 'number' ? close(a, e) : a === e;
    if (!ok) out.push(`${label} ${c}: got ${String(a)}, expected ${String(e)}`);
  }
  return out;
}
