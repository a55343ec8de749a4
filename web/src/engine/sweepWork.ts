// The sweep work the page hands off: the same code runs in the worker and, where there is no
// Worker (happy-dom), on the main thread.
import { sweepCsvChunks } from '../table/export';
import type { Engine } from './index';
import type { CsvResult } from './protocol';

export const CSV_MIME = 'text/csv';

/** The full sweep as the CLI's CSV, in a Blob (the rows are formatted here, not on the page). */
export function sweepCsv(engine: Engine, link: string): CsvResult {
  const result = engine.sweep(link);
  if (!result.ok) return result;
  const blob = new Blob(sweepCsvChunks(result.index, result.table), {
    type: `${CSV_MIME};charset=utf-8`,
  });
  return { ok: true, blob, rows: result.table.rows };
}
