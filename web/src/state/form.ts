// Small readings of the form's texts (engine.fields): lists, `hw` rows, GPU names.
import type { Description } from '../engine';

export function listItems(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The `hw` text (a row per line) as rows of cells. */
export function hwRows(text: string): string[][] {
  return text === '' ? [] : text.split('\n').map((line) => line.split(','));
}

/** Rows of cells as the `hw` text. */
export function hwText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.join(',')).join('\n');
}

/** The GPUs of the link's catalog version (catalog=; the reference's when it names none). */
export function catalogOf(describe: Description, fields: Record<string, string>): Description['catalog'] {
  return describe.catalogs.find((c) => c.id === fields.catalog)?.gpus ?? describe.catalog;
}

/** The GPU names the picker offers: the link's catalog, then `hw=` rows with new names. */
export function gpuNames(describe: Description, fields: Record<string, string>): string[] {
  const names = catalogOf(describe, fields).map((g) => g.name);
  for (const row of hwRows(fields.hw ?? '')) {
    const name = (row[0] ?? '').trim();
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The keys of a form group whose text differs from the default: [key, text, default]. */
export function changedKeys(describe: Description, fields: Record<string, string>, group: string): [string, string, string][] {
  return describe.fields
    .filter((f) => f.group === group && fields[f.key] !== undefined && fields[f.key] !== f.default)
    .map((f) => [f.key, fields[f.key] ?? '', f.default]);
}
