// Shared by the Vitest suites: the REAL wasm (read from disk: under happy-dom the glue cannot
// fetch it), the native CLI, the golden cases and a tolerance that matches tests/golden/README.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  loadEngine,
  type ColumnInfo,
  type ComputeOk,
  type Engine,
  type Table,
} from '../../web/src/engine';

export const repoRoot = resolve(__dirname, '../..');
export const wasmPath = resolve(repoRoot, 'web/src/engine/generated/shallowsim.wasm');

export function engine(): Promise<Engine> {
  return loadEngine({ wasmBinary: readFileSync(wasmPath) });
}

export const cliPath = resolve(repoRoot, 'build/native/shallowsim');

/**
 * What `shallowsim <command> LINK --format <format> --digits <digits>` prints (build/native is made
 * by scripts/build.sh). The default digits are the page's downloads' (the shortest text that reads
 * back to the same double); '17' is the CLI's own default, SPEC §7's 17 significant digits.
 */
export function cli(
  command: string,
  link: string,
  format: 'csv' | 'md' | 'json' = 'csv',
  digits: 'shortest' | '17' = 'shortest',
): string {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run bash scripts/build.sh first`);
  return execFileSync(cliPath, [command, link, '--format', format, '--digits', digits], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** A valid link's result; throws with the errors otherwise. */
export function computeOk(sim: Engine, link: string, tables: readonly string[] = []): ComputeOk {
  const r = sim.compute(link, tables);
  if (!r.ok) throw new Error(`${link}: ${JSON.stringify(r.errors)}`);
  return r;
}

/** One table of a valid link. */
export function tableOf(sim: Engine, link: string, name: string): Table {
  const t = computeOk(sim, link, [name]).tables[name];
  if (!t) throw new Error(`${link}: no ${name} table`);
  return t;
}

/** The core's descriptor of a column of a table (e.g. decode's TPOT). */
export function columnInfo(sim: Engine, table: string, column: string): ColumnInfo {
  const info = sim.describe.tables.find((t) => t.key === table)?.columns.find((c) => c.name === column);
  if (!info) throw new Error(`no column ${column} in ${table}`);
  return info;
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
  return { header: splitCsvLine(head), rows: body.map(splitCsvLine) };
}

/** One CSV line's cells (RFC 4180: a quoted cell may hold commas; "" is a quote). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells;
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
