// A table of engine rows (decode, leaderboard, frontier, max batch). The core has already chosen
// and ordered the rows (the link's only_*, tps_floor and sort keys); this renders them: the
// headline columns first and frozen at the left, units in the headers, numbers for reading
// (exact values in data-value), and raises edits for the filters, the sort and the columns.
// Only the rows in view are in the DOM: the decode table has 855 rows by default.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ColumnInfo, ExportFormat, Table, TableInfo, ViewInfo } from '../../engine';
import { formatValue, strings, tr, type Lang, type Strings } from '../../i18n';
import { listItems } from '../../state/form';
import type { PageApi } from '../../state/page';
import { cell, isTextColumn, textCell } from '../../table/cells';
import {
  changeTone,
  formatColumnChange,
  isIdentity,
  matchBaseline,
  type BaselineMatch,
} from '../../table/compare';
import { ExportButtons } from '../ExportButtons/ExportButtons';
import { memo } from '../memo';

/** Must match `.data tbody td` height in styles.css. */
export const ROW_HEIGHT = 28;
/** Must match `.data thead th` height in styles.css: the sticky header covers that much. */
const HEAD_HEIGHT = 44;
const CHUNK = 2;
/** Rows kept beyond each edge of the view: each extra row is more cells laid out per edit. */
const OVERSCAN = 1;
const FALLBACK_VIEWPORT = 640;
/** On a phone the GPU column is this narrow (ch); longer names end in an ellipsis. */
const PHONE_GPU_WIDTH = 14;
/** Extra width (ch) of the column that shows each row's error band ("±12%"). */
const BAND_WIDTH = 5.5;
/** Extra width (ch) of a value column that also shows its change against the baseline. */
const CHANGE_WIDTH = 7.5;

const BAR_COLUMNS = new Set(['TPS', 'Total']);
/** The column whose cells show the row's measured error band (Table.band). */
const BAND_COLUMN = 'Total';
/** Width (ch) of a link cell: it shows the view it opens. */
const LINK_WIDTH = 9;

/** A text column holding a link to another view (the plan's and serve's decode_link, …). */
function isLinkColumn(name: string): boolean {
  return name.endsWith('_link');
}
const HEAT_COLUMN = 'Comm_Impact';

export interface DataTableProps {
  view: ViewInfo;
  info: TableInfo;
  table: Table;
  /** The form's texts: the filter, sort and column keys, and the lists the filters offer. */
  fields: Record<string, string>;
  /** The GPUs of the config, for the GPU filter. */
  gpus: readonly string[];
  lang: Lang;
  /** A colour slot per GPU name, the same in every table. */
  colors: ReadonlyMap<string, number>;
  /** A/B: the baseline's table of the same view. */
  baseline: Table | null;
  api: PageApi;
  /** Why the table has no rows when nothing fits (the page explains it). */
  empty?: preact.ComponentChildren;
  /** Whether the filter bar shows the TPS floor (the frontier view has its own input). */
  floorInput?: boolean;
  /**
   * Render in each body row only the columns in view (and the frozen ones), SPEC §8: fewer cells
   * to restyle, lay out and paint per edit. The header keeps every column.
   */
  virtualColumns?: boolean;
}

/** Columns kept beyond each side of the view when only the columns in view are rendered. */
const COLUMN_OVERSCAN = 1;

/**
 * The screen columns a body row renders, from `from` to `to` (exclusive), beside the frozen ones
 * (`[0, frozen)`, always rendered); `null` = every column. From the header cells' widths (the
 * header holds every column), the scroller's scroll offset and width; `null` where nothing is
 * laid out (no widths, as in a DOM without layout).
 */
export function columnsInView(
  widths: readonly number[],
  frozen: number,
  scrollLeft: number,
  clientWidth: number,
  overscan = COLUMN_OVERSCAN,
): { from: number; to: number } | null {
  const total = widths.reduce((a, b) => a + b, 0);
  if (!(clientWidth > 0) || !(total > 0)) return null;
  let x = 0;
  let from = -1;
  let to = frozen;
  for (let s = 0; s < widths.length; s++) {
    const w = widths[s] ?? 0;
    if (s >= frozen && x < scrollLeft + clientWidth && x + w > scrollLeft) {
      if (from < 0) from = s;
      to = s + 1;
    }
    x += w;
  }
  if (from < 0) from = frozen;
  return { from: Math.max(frozen, from - overscan), to: Math.min(widths.length, Math.max(to, from) + overscan) };
}

/** The columns on screen, as indexes into table.columns: `cols=`, or headline then the rest. */
export function screenColumns(info: TableInfo, table: Table, cols: readonly string[]): number[] {
  const order = cols.length > 0 ? cols : [...info.headline, ...info.columns.map((c) => c.name)];
  const out: number[] = [];
  for (const name of order) {
    const c = table.columns.indexOf(name);
    if (c >= 0 && !out.includes(c)) out.push(c);
  }
  if (!out.includes(0)) out.unshift(0);
  return out;
}

/** How many leading screen columns stay frozen: those of the headline, in a row from the left. */
function frozenCount(info: TableInfo, table: Table, screen: readonly number[]): number {
  const headline = new Set(info.headline.length ? info.headline : ['GPU']);
  let n = 0;
  while (n < screen.length && headline.has(table.columns[screen[n] ?? -1] ?? '')) n++;
  return Math.max(1, n);
}

interface Layout {
  /** Column widths in `ch`, per screen column. */
  widths: number[];
  /** Left offset (ch) of each frozen column. */
  lefts: number[];
  /**
   * On a phone (≤ 40rem) the frozen columns are the row's identity only — GPU and the leading
   * columns that describe the configuration (EP, TP, batch: `better` none) — narrowed, so a row
   * stays identifiable while its numbers scroll and two metric columns still fit beside them.
   */
  phone: { widths: number[]; lefts: number[] };
}

function layoutOf(
  table: Table,
  columns: readonly (ColumnInfo | undefined)[],
  screen: readonly number[],
  frozen: number,
  compare: BaselineMatch | null,
): Layout {
  const w = table.columns.length - 1;
  const widths = screen.map((c, s) => {
    const info = columns[s];
    const name = table.columns[c] ?? '';
    const header = Math.max(name.length, info?.unit.length ?? 0) * 0.95 + 1;
    if (c === 0) {
      const longest = Math.max(6, ...table.gpus.map((g) => g.length));
      // Bold capitals are wider than the `ch` unit (the width of "0").
      return Math.max(header, longest * 1.25) + 1.6;
    }
    if (isTextColumn(table, name)) {
      if (isLinkColumn(name)) return Math.max(header, LINK_WIDTH) + 1.6;
      const longest = Math.max(1, ...(table.text?.[name] ?? []).map((v) => v.length));
      return Math.max(header, longest * 1.1) + 1.6;
    }
    let max = 0;
    let neg = 0;
    for (let i = c - 1; i < table.values.length; i += w) {
      const v = table.values[i] as number;
      if (v < 0) neg = 1;
      const a = Math.abs(v);
      if (a > max) max = a;
    }
    const style = info?.style ?? 'decimal';
    const scaled = style === 'fraction' ? max * 100 : max;
    const digits = Math.max(1, Math.floor(Math.log10(Math.max(1, scaled))) + 1);
    const decimals = info?.decimals ?? 3;
    const value = digits + Math.floor((digits - 1) / 3) + (decimals ? decimals + 1 : 0) + neg + (style === 'fraction' ? 2 : 0);
    const change = compare && compare.columnOf[c] !== undefined && compare.columnOf[c]! >= 1 ? CHANGE_WIDTH : 0;
    const band = name === BAND_COLUMN && table.band && !change ? BAND_WIDTH : 0;
    return Math.max(header, value + change + band) + 1.6;
  });
  const lefts: number[] = [];
  let left = 0;
  for (let s = 0; s < frozen; s++) {
    lefts.push(left);
    left += widths[s] ?? 0;
  }
  // The phone's identity columns: as wide as their numbers, not their headers.
  let identity = 0;
  while (identity < frozen && (screen[identity] === 0 || isIdentity(columns[identity]))) identity++;
  const phoneWidths = widths.map((w, s) => {
    if (s >= identity) return w;
    if (screen[s] === 0) return Math.min(w, PHONE_GPU_WIDTH);
    const c = screen[s] ?? 0;
    const name = table.columns[c] ?? '';
    if (isTextColumn(table, name)) {
      const longest = Math.max(1, ...(table.text?.[name] ?? []).map((v) => v.length));
      return Math.min(w, longest + 1.6);
    }
    let digits = 1;
    for (let i = c - 1; i < table.values.length; i += table.columns.length - 1) {
      digits = Math.max(digits, String(Math.round(Math.abs(table.values[i] as number))).length);
    }
    return Math.min(w, Math.max(4, digits + Math.floor((digits - 1) / 3)) + 1.6);
  });
  const phoneLefts: number[] = [];
  left = 0;
  for (let s = 0; s < identity; s++) {
    phoneLefts.push(left);
    left += phoneWidths[s] ?? 0;
  }
  return { widths, lefts, phone: { widths: phoneWidths, lefts: phoneLefts } };
}

/** The frozen cell's classes and offsets, wide screen and phone (styles.css reads the offsets). */
function frozenStyle(layout: Layout, s: number): { cls: string; style: Record<string, string> } {
  if (s >= layout.lefts.length) return { cls: '', style: {} };
  let cls = 'frozen';
  if (s === layout.lefts.length - 1) cls += ' frozen-last';
  const style: Record<string, string> = { '--left': `${layout.lefts[s]}ch` };
  if (s < layout.phone.lefts.length) {
    cls += ' phone-frozen';
    if (s === layout.phone.lefts.length - 1) cls += ' phone-frozen-last';
    style['--left-phone'] = `${layout.phone.lefts[s]}ch`;
  }
  return { cls, style };
}

interface Cues {
  max: Map<number, number>;
  delta: number;
  heat: number;
}

function cuesOf(table: Table): Cues {
  const max = new Map<number, number>();
  const heat = table.columns.indexOf(HEAT_COLUMN);
  const delta = table.columns.indexOf('Delta');
  table.columns.forEach((name, c) => {
    if (c < 1 || !(BAR_COLUMNS.has(name) || c === heat)) return;
    let m = 0;
    for (let r = 0; r < table.rows; r++) m = Math.max(m, cell(table, r, c));
    max.set(c, m);
  });
  return { max, delta, heat };
}

interface RowProps {
  colors: ReadonlyMap<string, number>;
  table: Table;
  row: number;
  odd: boolean;
  screen: readonly number[];
  columns: readonly (ColumnInfo | undefined)[];
  layout: Layout;
  cues: Cues;
  compare: BaselineMatch | null;
  lang: Lang;
  t: Strings;
  /** The scrolling columns rendered (screen indexes), or null for every column. */
  span: { from: number; to: number } | null;
  frozen: number;
}

function Row({ colors, table, row, odd, screen, columns, layout, cues, compare, lang, t, span, frozen: nFrozen }: RowProps) {
  const name = table.gpus[table.gpu[row] ?? 0] ?? '';
  const baseRow = compare ? compare.rowOf(row) : -1;
  const unmatched = compare !== null && baseRow < 0;
  const cells = screen.map((c, s) => {
    if (span && s >= nFrozen && (s < span.from || s >= span.to)) {
      // Out of view: one spacer cell stands for the run of hidden columns on each side.
      if (s === nFrozen && span.from > nFrozen) {
        return <td key="hidden-left" class="col-spacer" colSpan={span.from - nFrozen} aria-hidden="true" />;
      }
      if (s === span.to) {
        return <td key="hidden-right" class="col-spacer" colSpan={screen.length - span.to} aria-hidden="true" />;
      }
      return null;
    }
    const frozen = frozenStyle(layout, s);
    const style = frozen.style;
    let cls = frozen.cls;
    if (c === 0) {
      return (
        <th
          key={c}
          scope="row"
          aria-colindex={s + 1}
          class={`gpu ${cls}${unmatched ? ' unmatched' : ''}`}
          style={style}
          data-gpu-index={colors.get(name)}
          // The whole name, also where a phone narrows the column.
          title={unmatched ? `${name}: ${t.compare.noMatch}` : name}
        >
          {name}
        </th>
      );
    }
    const info = columns[s];
    const columnName = table.columns[c] ?? '';
    if (isTextColumn(table, columnName)) {
      const value = textCell(table, row, columnName);
      if (isLinkColumn(columnName)) {
        return (
          <td key={c} class={`${cls} text`} style={style} aria-colindex={s + 1}>
            {value && (
              <a class="open-link" href={value} data-link={columnName}>
                {columnName.replace(/_link$/, '')} ↗
              </a>
            )}
          </td>
        );
      }
      return (
        <td key={c} class={`${cls} text`} style={style} data-value={value} aria-colindex={s + 1}>
          {value}
        </td>
      );
    }
    const v = cell(table, row, c);
    const text = info ? formatValue(info, v, lang) : String(v);
    cls += ' num';
    const max = cues.max.get(c);
    if (c === cues.delta && v > 0) cls += ' pos';
    if (max !== undefined && max > 0) {
      const f = Math.max(0, Math.min(1, v / max));
      if (c === cues.heat) {
        if (v > 0) {
          cls += ' heat';
          style['--heat'] = f.toFixed(3);
        }
      } else {
        cls += ' bar';
        style['--bar'] = f.toFixed(4);
      }
    }
    if (v === 0 && table.columns[c] === 'MaxBatch') cls += ' zero';
    const bc = compare && baseRow >= 0 ? (compare.columnOf[c] ?? -1) : -1;
    if (bc >= 1 && compare && info) {
      const b = cell(compare.table, baseRow, bc);
      const change = formatColumnChange(info.style, v, b, t.compare.newValue);
      return (
        <td
          key={c}
          class={cls}
          style={style}
          aria-colindex={s + 1}
          data-value={String(v)}
          data-base={String(b)}
          title={t.compare.cell(formatValue(info, b, lang), change)}
        >
          {text}
          <span class={`delta ${changeTone(info.better, v, b)}`}>{change}</span>
        </td>
      );
    }
    // The row's measured error band beside Total (the regime's median |error|, the link's mode).
    const band = table.columns[c] === BAND_COLUMN ? (table.band?.[row] ?? NaN) : NaN;
    return (
      <td key={c} class={cls} style={style} data-value={String(v)} aria-colindex={s + 1}>
        {text}
        {Number.isFinite(band) && (
          <span class="band-pm" data-band={String(band)} title={t.bandTitle}>
            ±{Math.round(band)}%
          </span>
        )}
      </td>
    );
  });
  return <tr class={odd ? 'odd' : undefined}>{cells}</tr>;
}

/** Next sort= text after a click on a column: descending first (ascending for GPU), then the other way, then none. */
export function nextSort(sort: string, column: string): string {
  const first = column === 'GPU' ? column : `-${column}`;
  const second = column === 'GPU' ? `-${column}` : column;
  if (sort === first) return second;
  if (sort === second) return '';
  return first;
}

interface HeadProps {
  screen: readonly number[];
  table: Table;
  columns: readonly (ColumnInfo | undefined)[];
  layout: Layout;
  sort: string;
  lang: Lang;
  onSort: (column: string) => void;
}

function Head({ screen, table, columns, layout, sort, lang, onSort }: HeadProps) {
  const t = strings[lang];
  return (
    <thead>
      <tr>
        {screen.map((c, s) => {
          const column = table.columns[c] ?? '';
          const info = columns[s];
          const sorted = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : undefined;
          const frozen = frozenStyle(layout, s);
          const title = info
            ? [`${column}: ${tr(info.meaning, lang)}`, info.formula && `= ${info.formula}`, info.unit && `[${info.unit}]`]
                .filter(Boolean)
                .join('\n')
            : column;
          return (
            <th
              key={column}
              scope="col"
              class={`${c === 0 ? 'gpu' : isTextColumn(table, column) ? 'text' : 'num'}${frozen.cls ? ` ${frozen.cls}` : ''}`}
              style={frozen.style}
              aria-sort={sorted}
              aria-colindex={s + 1}
              title={title}
              data-column={column}
            >
              <button type="button" class="sort" onClick={() => onSort(column)}>
                {/* The name the button reads out starts with what it shows (WCAG 2.5.3). */}
                <span class="visually-hidden">{t.sortPrefix} </span>
                <span class="label">
                  <span class="name">{column}</span>
                  {info?.unit && <span class="unit">{info.unit}</span>}
                </span>
                <span class="sort-mark" aria-hidden="true">
                  {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}
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

function ColumnChooser({
  info,
  table,
  screen,
  lang,
  onCols,
}: {
  info: TableInfo;
  table: Table;
  screen: readonly number[];
  lang: Lang;
  onCols: (cols: string) => void;
}) {
  const t = strings[lang].columns;
  const shown = screen.map((c) => table.columns[c] ?? '');
  const all = [...info.headline, ...info.columns.map((c) => c.name).filter((n) => !info.headline.includes(n))];
  return (
    <details class="column-chooser">
      <summary>{t.title(shown.length, all.length)}</summary>
      <div class="column-list">
        {all.map((name) => {
          const on = shown.includes(name);
          return (
            <label key={name} class="check">
              <input
                type="checkbox"
                data-column={name}
                checked={on}
                disabled={name === 'GPU'}
                onChange={() => {
                  const next = on ? shown.filter((n) => n !== name) : all.filter((n) => n === name || shown.includes(n));
                  onCols(next.join(','));
                }}
              />
              {name}
            </label>
          );
        })}
        <button type="button" class="small link" onClick={() => onCols('')}>
          {t.reset}
        </button>
      </div>
    </details>
  );
}

function DataTableView(props: DataTableProps) {
  const { view, info, table, fields, gpus, lang, colors, baseline, api, empty } = props;
  const floorInput = props.floorInput ?? true;
  const virtualColumns = props.virtualColumns ?? false;
  const t = strings[lang];
  const [first, setFirst] = useState(0);
  const [span, setSpan] = useState<{ from: number; to: number } | null>(null);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);
  const scroller = useRef<HTMLDivElement>(null);
  const sort = fields.sort ?? '';
  const cols = fields.cols ?? '';

  const screen = useMemo(() => screenColumns(info, table, listItems(cols)), [info, table, cols]);
  const columns = useMemo(
    () => screen.map((c) => info.columns.find((x) => x.name === table.columns[c])),
    [screen, info, table],
  );
  const frozen = useMemo(() => frozenCount(info, table, screen), [info, table, screen]);
  const compare = useMemo(
    () => (baseline ? matchBaseline(table, baseline, view.match, info.columns) : null),
    [table, baseline, view, info],
  );
  const matched = useMemo(() => {
    if (!compare) return 0;
    let n = 0;
    for (let r = 0; r < table.rows; r++) if (compare.rowOf(r) >= 0) n++;
    return n;
  }, [compare, table]);
  const layout = useMemo(() => layoutOf(table, columns, screen, frozen, compare), [table, columns, screen, frozen, compare]);
  const cues = useMemo(() => cuesOf(table), [table]);

  // The columns in view, from the header cells (which hold every column).
  const measureColumns = useCallback(() => {
    const el = scroller.current;
    if (!el || !virtualColumns) return;
    const widths = [...el.querySelectorAll<HTMLElement>('thead th')].map((th) => th.offsetWidth);
    const next = columnsInView(widths, frozen, el.scrollLeft, el.clientWidth);
    setSpan((prev) => (prev?.from === next?.from && prev?.to === next?.to ? prev : next));
  }, [virtualColumns, frozen]);

  // The first row in view, rounded down to a CHUNK.
  const measureRows = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const f = Math.floor(el.scrollTop / ROW_HEIGHT / CHUNK) * CHUNK;
    setFirst((prev) => (prev === f ? prev : f));
  }, []);

  const onScroll = useCallback(() => {
    measureRows();
    measureColumns();
  }, [measureRows, measureColumns]);

  // Other columns (cols=, another view's table) or other widths: measure again once laid out. Not
  // on every edit: reading the widths then would force a layout inside the edit's script.
  // The widths in whole `ch`: they change with a pinned baseline (a change column beside each
  // value), a longer GPU name or another digit, not with most edits.
  const widthKey = `${screen.join(',')}|${layout.widths.map(Math.round).join(',')}|${layout.phone.widths.map(Math.round).join(',')}`;
  useLayoutEffect(measureColumns, [measureColumns, widthKey]);

  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      if (el.clientHeight > 0) setViewport(el.clientHeight);
      measureRows();
      // The columns in view from the next frame: a render inside the observer's delivery that
      // changes what it observes is reported as a "ResizeObserver loop" error.
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measureColumns);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [measureRows, measureColumns]);

  // A new order or filter starts at the top.
  const order = [sort, fields.only_gpu, fields.only_ep, fields.only_tp, fields.only_bs, fields.tps_floor].join('|');
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setFirst(0);
  }, [order]);

  const n = table.rows;
  const inView = Math.ceil(Math.max(0, viewport - HEAD_HEIGHT) / ROW_HEIGHT) + 1;
  // Clamped: after the rows shrink, the scroll event that corrects `first` may come later.
  const top = Math.min(first, Math.max(0, n - inView));
  const start = Math.max(0, top - OVERSCAN);
  // `first` is rounded down to a CHUNK: up to CHUNK − 1 more rows may be in view below.
  const end = Math.min(n, top + inView + OVERSCAN + CHUNK - 1);
  const colSpan = screen.length;
  const onSort = useCallback((column: string) => api.set('sort', nextSort(sort, column)), [api, sort]);
  const inputs = new Set(view.inputs);
  const select = (key: string, label: string, options: readonly string[]) => {
    const value = listItems(fields[key] ?? '')[0] ?? '';
    const choices = value !== '' && !options.includes(value) ? [...options, value] : options;
    return (
      <label key={key} class="filter">
        <span>{label}</span>
        <select value={value} data-filter={key} id={`field-${key}`} onChange={(e) => api.set(key, e.currentTarget.value)}>
          <option value="">{t.filters.all}</option>
          {choices.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
    );
  };
  const filtered = ['only_gpu', 'only_ep', 'only_tp', 'only_bs'].some((k) => (fields[k] ?? '') !== '') ||
    (inputs.has('tps_floor') && Number(fields.tps_floor) > 0);

  return (
    <div class={compare ? 'data-table comparing' : 'data-table'}>
      {compare && (
        <p class="compare-note">
          {view.best ? t.compare.bestNote(view.match.join(', ')) : t.compare.tableNote(['GPU', ...view.match].join(', '))}
        </p>
      )}
      <div class="table-tools">
        <div class="filters" role="group" aria-label={t.filters.label}>
          {inputs.has('only_gpu') && select('only_gpu', t.filters.gpu, gpus)}
          {inputs.has('only_ep') && select('only_ep', t.filters.ep, listItems(fields.ep ?? ''))}
          {inputs.has('only_tp') && select('only_tp', t.filters.tp, listItems(fields.decode_tp ?? ''))}
          {inputs.has('only_bs') && select('only_bs', t.filters.batch, listItems(fields.bs ?? ''))}
          {floorInput && inputs.has('tps_floor') && (
            <label class="filter" title={t.filters.tpsFloorHint}>
              <span>{t.filters.tpsFloor}</span>
              <input
                type="text"
                inputMode="decimal"
                size={6}
                id="field-tps_floor"
                value={fields.tps_floor === '0' ? '' : (fields.tps_floor ?? '')}
                data-filter="tps_floor"
                placeholder="0"
                // The box shows no floor (0) as empty: emptying it means no floor, not an error.
                onInput={(e) => api.set('tps_floor', e.currentTarget.value.trim() || '0')}
              />
            </label>
          )}
          {(filtered || sort !== '') && (
            <button
              type="button"
              class="small link"
              onClick={() =>
                api.setMany([
                  ['only_gpu', ''],
                  ['only_ep', ''],
                  ['only_tp', ''],
                  ['only_bs', ''],
                  ['tps_floor', '0'],
                  ['sort', ''],
                ])
              }
            >
              {t.filters.reset}
            </button>
          )}
        </div>
        <span class="row-count" aria-live="polite">
          {t.filters.rows(n, table.total)}
          {compare && <span class="matched"> · {t.compare.matched(matched, table.rows)}</span>}
        </span>
        {inputs.has('cols') && (
          <ColumnChooser info={info} table={table} screen={screen} lang={lang} onCols={(v) => api.set('cols', v)} />
        )}
        <ExportButtons
          name={`shallowsim-${view.key}`}
          t={t}
          text={(format: ExportFormat) => api.exportTable(view.key, format)}
        />
      </div>
      <div class="table-scroll tall" ref={scroller} onScroll={onScroll} tabIndex={0} role="region" aria-label={tr(view.caption, lang)}>
        <table
          id={`${view.key}-table`}
          class="data sized"
          data-rows={n}
          aria-colcount={screen.length}
          style={{
            '--table-w': `${layout.widths.reduce((a, b) => a + b, 0)}ch`,
            '--table-w-phone': `${layout.phone.widths.reduce((a, b) => a + b, 0)}ch`,
          }}
        >
          <caption class="visually-hidden">{tr(view.caption, lang)}</caption>
          <colgroup>
            {layout.widths.map((w, s) => (
              <col key={s} style={{ '--w': `${w}ch`, '--w-phone': `${layout.phone.widths[s] ?? w}ch` }} />
            ))}
          </colgroup>
          <MemoHead screen={screen} table={table} columns={columns} layout={layout} sort={sort} lang={lang} onSort={onSort} />
          <tbody>
            {start > 0 && (
              <tr class="spacer" aria-hidden="true" style={{ height: `${start * ROW_HEIGHT}px` }}>
                <td colSpan={colSpan} />
              </tr>
            )}
            {Array.from({ length: end - start }, (_, i) => start + i).map((r) => (
              <Row
                key={r}
                colors={colors}
                table={table}
                row={r}
                odd={r % 2 === 1}
                screen={screen}
                columns={columns}
                layout={layout}
                cues={cues}
                compare={compare}
                lang={lang}
                t={t}
                span={virtualColumns ? span : null}
                frozen={frozen}
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
                  {table.total > 0 ? t.filters.none : (empty ?? t.filters.nothingFits)}
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
