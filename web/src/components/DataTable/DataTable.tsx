// A sortable, filterable table of engine rows (decode, leaderboard, frontier, max batch).
// Only the rows in view are in the DOM: the decode table has 855 rows × 21 columns by default,
// and rebuilding ~18k cells per keystroke would blow the frame budget.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Table } from '../../engine';
import { columnTitle, strings, type Lang, type Strings } from '../../i18n';
import {
  changeTone,
  formatChange,
  matchBaseline,
  relativeChange,
  type BaselineMatch,
} from '../../table/compare';
import { exportTable } from '../../table/export';
import { columnFormat, formatCell, type ColumnFormat } from '../../table/format';
import {
  cell,
  distinct,
  NO_FILTERS,
  tableGpus,
  visibleRows,
  type Filters,
  type Sort,
} from '../../table/view';
import { ExportButtons } from '../ExportButtons/ExportButtons';
import { memo } from '../memo';

/** Must match `.data tbody td` height in styles.css. */
export const ROW_HEIGHT = 28;
/** Must match `.data thead th` height in styles.css: the sticky header covers that much. */
const HEAD_HEIGHT = 40;
const CHUNK = 2;
/**
 * Rows kept beyond each edge of the view. One is enough: a scroll is handled before the frame
 * that paints it; every extra row is ~21 more cells laid out and painted on each keystroke.
 */
const OVERSCAN = 1;
const FALLBACK_VIEWPORT = 640;

export type FilterKey = keyof Filters;

export interface DataTableProps {
  id: string;
  /** Export file name stem. */
  name: string;
  caption: string;
  table: Table;
  lang: Lang;
  filterKeys: readonly FilterKey[];
  /** Bars on TPS/Total, heat on Comm_Impact, positive Delta highlighted. */
  cues: boolean;
  /** False while its tab is hidden: no rows are in view, so none are rendered. */
  active: boolean;
  /** A colour slot per GPU name, the same in every table. */
  colors: ReadonlyMap<string, number>;
  /** A/B: the baseline's table of the same kind, and the columns (besides GPU) that match rows. */
  baseline?: Table | null;
  match?: readonly string[];
}

/** Extra width (ch) of a value column that also shows its change against the baseline. */
const CHANGE_WIDTH = 7.5;

const BAR_COLUMNS = new Set(['TPS', 'Total']);
const HEAT_COLUMN = 'Comm_Impact';

interface Layout {
  formats: ColumnFormat[];
  /** Column widths in `ch`. */
  widths: number[];
}

/** A header split where it may wrap: "SharedExpert" → Shared|Expert, "COMM_SUM" → COMM_|SUM. */
export function headerParts(name: string): string[] {
  const parts = name.split(/(?<=_)|(?<=[a-z])(?=[A-Z])/);
  const merged: string[] = [];
  for (const part of parts) {
    const last = merged.length - 1;
    if (last >= 0 && (part.length < 3 || (merged[last] ?? '').length < 3)) merged[last] += part;
    else merged.push(part);
  }
  return merged;
}

function layoutOf(table: Table, compare: BaselineMatch | null): Layout {
  const n = table.columns.length;
  const w = n - 1;
  const maxAbs = new Float64Array(n);
  const negative = new Uint8Array(n);
  const values = table.values;
  for (let c = 1; c <= w; c++) {
    let max = 0;
    let neg = 0;
    for (let i = c - 1; i < values.length; i += w) {
      const v = values[i] as number;
      if (v < 0) neg = 1;
      const a = v < 0 ? -v : v;
      if (a > max) max = a;
    }
    maxAbs[c] = max;
    negative[c] = neg;
  }
  const formats = table.columns.map(columnFormat);
  // Widths in `ch` of the 13px body font: header letters (12px, bold) run about 0.85ch each.
  const padding = 1.6;
  const widths = table.columns.map((name, c) => {
    const header = Math.max(...headerParts(name).map((p) => p.length)) * 0.85 + 1;
    if (c === 0) return Math.max(header, ...tableGpus(table).map((g) => g.length * 1.3), 6) + padding;
    const digits = Math.max(1, Math.floor(Math.log10(Math.max(1, maxAbs[c] ?? 0))) + 1);
    const format = formats[c];
    const value =
      format === 'int' ? digits : format === 'percent' ? digits + 5 : digits + 7 + (negative[c] ?? 0);
    const change = compare && !compare.keys.has(c) ? CHANGE_WIDTH : 0;
    return Math.max(header, value + change) + padding;
  });
  return { formats, widths };
}

interface Cues {
  max: Map<number, number>;
  delta: number;
  heat: number;
}

function cuesOf(table: Table, rows: readonly number[], enabled: boolean): Cues {
  const max = new Map<number, number>();
  if (!enabled) return { max, delta: -1, heat: -1 };
  const heat = table.columns.indexOf(HEAT_COLUMN);
  const delta = table.columns.indexOf('Delta');
  const columns = table.columns
    .map((name, c) => (BAR_COLUMNS.has(name) || c === heat ? c : -1))
    .filter((c) => c > 0);
  for (const c of columns) {
    let m = 0;
    for (const r of rows) m = Math.max(m, cell(table, r, c));
    max.set(c, m);
  }
  return { max, delta, heat };
}

interface RowProps {
  colors: ReadonlyMap<string, number>;
  table: Table;
  row: number;
  odd: boolean;
  formats: ColumnFormat[];
  cues: Cues;
  compare: BaselineMatch | null;
  t: Strings;
}

function Row({ colors, table, row, odd, formats, cues, compare, t }: RowProps) {
  const gpu = table.gpu[row] ?? 0;
  const name = table.gpus[gpu] ?? '';
  const baseRow = compare ? compare.rowOf(row) : -1;
  const cells = [];
  for (let c = 1; c < table.columns.length; c++) {
    const v = cell(table, row, c);
    const format = formats[c] ?? 'fixed';
    let cls = 'num';
    let style: Record<string, string> | undefined;
    const max = cues.max.get(c);
    if (c === cues.delta && v > 0) cls += ' pos';
    if (max !== undefined && max > 0) {
      const f = Math.max(0, Math.min(1, v / max));
      if (c === cues.heat) {
        if (v > 0) {
          cls += ' heat';
          style = { '--heat': f.toFixed(3) };
        }
      } else {
        cls += ' bar';
        style = { '--bar': f.toFixed(4) };
      }
    }
    if (format === 'int' && v === 0 && table.columns[c] === 'MaxBatch') cls += ' zero';
    const bc = compare && baseRow >= 0 && !compare.keys.has(c) ? (compare.columnOf[c] ?? -1) : -1;
    if (bc >= 1 && compare) {
      const b = cell(compare.table, baseRow, bc);
      const column = table.columns[c] ?? '';
      const change = formatChange(relativeChange(v, b), t.compare.newValue);
      cells.push(
        <td
          key={c}
          class={cls}
          style={style}
          data-value={String(v)}
          data-base={String(b)}
          title={t.compare.cell(formatCell(format, b), change)}
        >
          {formatCell(format, v)}
          <span class={`delta ${changeTone(column, v, b)}`}>{change}</span>
        </td>,
      );
      continue;
    }
    cells.push(
      <td key={c} class={cls} style={style} data-value={String(v)}>
        {formatCell(format, v)}
      </td>,
    );
  }
  const unmatched = compare !== null && baseRow < 0;
  return (
    <tr class={odd ? 'odd' : undefined}>
      <th
        scope="row"
        class={unmatched ? 'gpu unmatched' : 'gpu'}
        data-gpu-index={colors.get(name)}
        title={unmatched ? t.compare.noMatch : undefined}
      >
        {name}
      </th>
      {cells}
    </tr>
  );
}

function nextSort(sort: Sort | null, column: string): Sort | null {
  const first = column === 'GPU' ? 'asc' : 'desc';
  if (!sort || sort.column !== column) return { column, dir: first };
  if (sort.dir === first) return { column, dir: first === 'asc' ? 'desc' : 'asc' };
  return null;
}

interface HeadProps {
  /** Column names, comma-separated (compared cheaply by the memo). */
  columns: string;
  sort: Sort | null;
  lang: Lang;
  onSort: (column: string) => void;
}

function Head({ columns, sort, lang, onSort }: HeadProps) {
  const t = strings[lang];
  return (
    <thead>
      <tr>
        {columns.split(',').map((column, c) => {
          const sorted = sort?.column === column ? sort.dir : null;
          return (
            <th
              key={column}
              scope="col"
              class={c === 0 ? 'gpu' : 'num'}
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
              title={columnTitle(column, lang)}
            >
              <button type="button" class="sort" aria-label={t.sort(column)} onClick={() => onSort(column)}>
                <span class="label">
                  {headerParts(column).map((part, i) => (i === 0 ? part : [<wbr key={i} />, part]))}
                </span>
                <span class="sort-mark" aria-hidden="true">
                  {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                </span>
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

const MemoHead = memo(Head);

function DataTableView(props: DataTableProps) {
  const { id, name, caption, table, lang, filterKeys, cues, active, colors, baseline, match } = props;
  const t = strings[lang];
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<Sort | null>(null);
  const [first, setFirst] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);
  const scroller = useRef<HTMLDivElement>(null);

  const compare = useMemo(
    () => (active && baseline && match ? matchBaseline(table, baseline, match) : null),
    [table, baseline, match, active],
  );
  const matched = useMemo(() => {
    if (!compare) return 0;
    let n = 0;
    for (let r = 0; r < table.rows; r++) if (compare.rowOf(r) >= 0) n++;
    return n;
  }, [compare, table]);
  // While hidden, only the row count is needed: skip the per-column work.
  const layout = useMemo(() => (active ? layoutOf(table, compare) : null), [table, active, compare]);
  const rows = useMemo(() => visibleRows(table, filters, sort), [table, filters, sort]);
  const cueState = useMemo(() => cuesOf(table, rows, cues && active), [table, rows, cues, active]);
  const choices = useMemo(() => {
    if (!active) return null;
    return {
      gpu: tableGpus(table),
      ep: distinct(table, 'EP').map(String),
      tp: distinct(table, 'TP').map(String),
      batch: distinct(table, 'BatchSize').map(String),
    };
  }, [table, active]);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const f = Math.floor(el.scrollTop / ROW_HEIGHT / CHUNK) * CHUNK;
    setFirst((prev) => (prev === f ? prev : f));
  }, []);

  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (el.clientHeight > 0) setViewport(el.clientHeight);
      onScroll();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [onScroll]);

  // A new order or filter starts at the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setFirst(0);
  }, [filters, sort]);

  const n = rows.length;
  // Rows that fit under the sticky header, plus one cut at each edge.
  const inView = Math.ceil(Math.max(0, viewport - HEAD_HEIGHT) / ROW_HEIGHT) + 1;
  // Clamped: after the rows shrink, the scroll event that corrects `first` may come later.
  const top = Math.min(first, Math.max(0, n - inView));
  const start = active ? Math.max(0, top - OVERSCAN) : 0;
  // `first` is rounded down to a CHUNK: up to CHUNK − 1 more rows may be in view below.
  const end = active ? Math.min(n, top + inView + OVERSCAN + CHUNK - 1) : 0;
  const colSpan = table.columns.length;

  // The header row only changes with the columns, the sort or the language.
  const columnKey = table.columns.join(',');
  const onSort = useCallback((column: string) => setSort((s) => nextSort(s, column)), []);

  const setFilter = (key: FilterKey, value: string) => setFilters((f) => ({ ...f, [key]: value }));

  const options = (key: Exclude<FilterKey, 'tpsFloor'>): string[] => {
    const values = choices?.[key] ?? [];
    const current = filters[key];
    return current !== '' && !values.includes(current) ? [...values, current] : values;
  };

  const filterLabel: Record<FilterKey, string> = {
    gpu: t.filters.gpu,
    ep: t.filters.ep,
    tp: t.filters.tp,
    batch: t.filters.batch,
    tpsFloor: t.filters.tpsFloor,
  };
  const filtered = Object.values(filters).some((v) => v !== '');

  return (
    <div class={compare ? 'data-table comparing' : 'data-table'}>
      {compare && match && <p class="compare-note">{t.compare.tableNote(['GPU', ...match].join(', '))}</p>}
      <div class="table-tools">
        <div class="filters" role="group" aria-label={t.filters.label}>
          {filterKeys.map((key) =>
            key === 'tpsFloor' ? (
              <label key={key} class="filter">
                <span>{filterLabel[key]}</span>
                <input
                  type="text"
                  inputMode="decimal"
                  size={6}
                  value={filters.tpsFloor}
                  data-filter={key}
                  placeholder="0"
                  onInput={(e) => setFilter(key, e.currentTarget.value)}
                />
              </label>
            ) : (
              <label key={key} class="filter">
                <span>{filterLabel[key]}</span>
                <select
                  value={filters[key]}
                  data-filter={key}
                  onChange={(e) => setFilter(key, e.currentTarget.value)}
                >
                  <option value="">{t.filters.all}</option>
                  {options(key).map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </label>
            ),
          )}
          {(filtered || sort) && (
            <button
              type="button"
              class="small link"
              onClick={() => {
                setFilters(NO_FILTERS);
                setSort(null);
              }}
            >
              {t.filters.reset}
            </button>
          )}
        </div>
        <span class="row-count" aria-live="polite">
          {t.filters.rows(n, table.rows)}
          {compare && <span class="matched"> · {t.compare.matched(matched, table.rows)}</span>}
        </span>
        <ExportButtons name={name} t={t} text={(format) => exportTable(table, rows, format)} />
      </div>
      <div
        class="table-scroll tall"
        ref={scroller}
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-label={caption}
      >
        <table
          id={id}
          class="data"
          data-rows={n}
          style={layout ? { width: `${layout.widths.reduce((a, b) => a + b, 0)}ch` } : undefined}
        >
          <caption class="visually-hidden">{caption}</caption>
          {layout && (
            <colgroup>
              {layout.widths.map((w, c) => (
                <col key={c} style={{ width: `${w}ch` }} />
              ))}
            </colgroup>
          )}
          <MemoHead columns={columnKey} sort={sort} lang={lang} onSort={onSort} />
          <tbody>
            {start > 0 && (
              <tr class="spacer" aria-hidden="true" style={{ height: `${start * ROW_HEIGHT}px` }}>
                <td colSpan={colSpan} />
              </tr>
            )}
            {rows.slice(start, end).map((r, i) => (
              <Row
                key={r}
                colors={colors}
                table={table}
                row={r}
                odd={(start + i) % 2 === 1}
                formats={layout?.formats ?? []}
                cues={cueState}
                compare={compare}
                t={t}
              />
            ))}
            {end < n && (
              <tr class="spacer" aria-hidden="true" style={{ height: `${(n - end) * ROW_HEIGHT}px` }}>
                <td colSpan={colSpan} />
              </tr>
            )}
            {n === 0 && (
              <tr>
                <td colSpan={colSpan} class="empty">
                  {t.filters.none}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export const DataTable = memo(DataTableView);
