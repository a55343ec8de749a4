// The hardware view's state: every GPU the last good link's tables can use, as the core
// resolves them (its catalog version and hw= rows), with the columns it shows.
import { useMemo } from 'preact/hooks';
import type { CatalogResult, ColumnInfo, Engine } from '../engine';

/** Columns that are notes under the table, not cells. */
const NOTES = new Set(['source', 'price_source', 'warnings']);

export function useCatalog(engine: Engine, canonical: string): { result: CatalogResult; columns: ColumnInfo[] } {
  const result = useMemo(() => engine.catalog(`#${canonical}`), [engine, canonical]);
  const columns = useMemo(
    () => (engine.describe.tables.find((x) => x.key === 'catalog')?.columns ?? []).filter((c) => !NOTES.has(c.name)),
    [engine],
  );
  return { result, columns };
}
