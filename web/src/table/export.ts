// Table exports: CSV (17 significant digits, like the CLI), Markdown (6 decimals) and JSON.
import type { Table } from '../engine';
import { cell, gpuName } from './view';
import { columnFormat, formatG17, formatMarkdown } from './format';

export type ExportFormat = 'csv' | 'md' | 'json';

export const EXPORT_FORMATS: { format: ExportFormat; label: string; mime: string }[] = [
  { format: 'csv', label: 'CSV', mime: 'text/csv' },
  { format: 'md', label: 'Markdown', mime: 'text/markdown' },
  { format: 'json', label: 'JSON', mime: 'application/json' },
];

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: Table, rows: readonly number[]): string {
  const lines = [table.columns.map(csvField).join(',')];
  for (const r of rows) {
    const line = [csvField(gpuName(table, r))];
    for (let c = 1; c < table.columns.length; c++) line.push(formatG17(cell(table, r, c)));
    lines.push(line.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A right-aligned Markdown table from header and text cells. */
export function markdownTable(header: readonly string[], body: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(3, h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((t, i) => t.replace(/\|/g, '\\|').padStart(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => `${'-'.repeat(w - 1)}:`).join(' | ')} |`;
  return [line(header), rule, ...body.map(line)].join('\n') + '\n';
}

export function toMarkdown(table: Table, rows: readonly number[]): string {
  const formats = table.columns.map(columnFormat);
  const body = rows.map((r) =>
    table.columns.map((_, c) =>
      c === 0 ? gpuName(table, r) : formatMarkdown(formats[c] ?? 'fixed', cell(table, r, c)),
    ),
  );
  return markdownTable(table.columns, body);
}

export function toJson(table: Table, rows: readonly number[]): string {
  const objects = rows.map((r) => {
    const o: Record<string, string | number> = { [table.columns[0] ?? 'GPU']: gpuName(table, r) };
    for (let c = 1; c < table.columns.length; c++) o[table.columns[c] ?? String(c)] = cell(table, r, c);
    return JSON.stringify(o);
  });
  return `[\n${objects.map((o) => ` ${o}`).join(',\n')}\n]\n`;
}

/**
 * The sweep table as the CLI's `sweep --format csv` writes it: `index_value` (the swept value),
 * then the decode columns. Returned in chunks for a Blob: the default sweep is ~57 MB of text.
 */
export function sweepCsvChunks(index: Float64Array, table: Table, linesPerChunk = 8192): string[] {
  const chunks = [`index_value,${table.columns.map(csvField).join(',')}\n`];
  let lines: string[] = [];
  for (let r = 0; r < table.rows; r++) {
    const line = [formatG17(index[r] ?? NaN), csvField(gpuName(table, r))];
    for (let c = 1; c < table.columns.length; c++) line.push(formatG17(cell(table, r, c)));
    lines.push(line.join(','));
    if (lines.length === linesPerChunk) {
      chunks.push(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length) chunks.push(`${lines.join('\n')}\n`);
  return chunks;
}

export function exportTable(table: Table, rows: readonly number[], format: ExportFormat): string {
  if (format === 'csv') return toCsv(table, rows);
  if (format === 'md') return toMarkdown(table, rows);
  return toJson(table, rows);
}

/** Saves text (or a ready Blob) as a file through a Blob URL (no network). */
export function download(filename: string, text: string | Blob, mime: string): void {
  const blob = typeof text === 'string' ? new Blob([text], { type: `${mime};charset=utf-8` }) : text;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
