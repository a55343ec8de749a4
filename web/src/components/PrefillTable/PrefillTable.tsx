// The prefill table in the seed's layout (the core's prefill_layout): metrics as rows, a Layers
// column, one column per GPU, then the summary rows.
import type { ColumnInfo, Description, PrefillLine, Table } from '../../engine';
import { formatValue, strings, tr, type Lang } from '../../i18n';
import type { PageApi } from '../../state/page';
import { cell } from '../../table/cells';
import { changeTone, formatChange, relativeChange } from '../../table/compare';
import { ExportButtons } from '../ExportButtons/ExportButtons';
import { memo } from '../memo';

interface Props {
  describe: Description;
  table: Table;
  nLayers: number;
  nDense: number;
  lang: Lang;
  /** A colour slot per GPU name, the same in every table. */
  colors: ReadonlyMap<string, number>;
  /** A/B: the baseline's prefill table; cells show their change against the same GPU's. */
  baseline: Table | null;
  api: PageApi;
}

function layersOf(line: PrefillLine, nLayers: number, nDense: number): number | null {
  if (line.layers === 'dense') return nDense;
  if (line.layers === 'sparse') return nLayers - nDense;
  return null;
}

function PrefillTableView({ describe, table, nLayers, nDense, lang, colors, baseline, api }: Props) {
  const t = strings[lang];
  const columns = describe.tables.find((x) => x.key === 'prefill')?.columns ?? [];
  const view = describe.views.find((v) => v.key === 'prefill');
  const caption = `${view ? tr(view.caption, lang) : 'Prefill'} · ${t.gpuCount(table.rows)}`;
  const gpus = Array.from({ length: table.rows }, (_, r) => table.gpus[table.gpu[r] ?? 0] ?? '');
  const baseRows = new Map<string, number>();
  if (baseline) {
    for (let r = baseline.rows - 1; r >= 0; r--) baseRows.set(baseline.gpus[baseline.gpu[r] ?? 0] ?? '', r);
  }
  const all = Array.from({ length: table.rows }, (_, r) => r);
  const tpsColumn = table.columns.indexOf('PrefillTPS');
  const bestTps = Math.max(0, ...all.map((r) => cell(table, r, tpsColumn)));

  const renderRow = (line: PrefillLine, summary: boolean) => {
    const metric = line.metric;
    const c = table.columns.indexOf(metric);
    const info: ColumnInfo | undefined = columns.find((x) => x.name === metric);
    const layers = layersOf(line, nLayers, nDense);
    const overlap = metric === 'Overlap1' || metric === 'Overlap2';
    const title = info ? `${metric}: ${tr(info.meaning, lang)}${info.formula ? `\n= ${info.formula}` : ''}` : metric;
    const show = (v: number) => (info ? formatValue(info, v, lang) : String(v));
    return (
      <tr key={metric} data-metric={metric} class={summary ? 'summary' : undefined}>
        <th scope="row" class="metric" title={title}>
          {line.label}
          {!summary && info?.unit && <span class="unit">{info.unit}</span>}
        </th>
        {!summary &&
          (layers === null ? (
            <td class="num muted" />
          ) : (
            <td class="num" data-value={String(layers)}>
              {layers}
            </td>
          ))}
        {summary && <td class="num muted" />}
        {all.map((r) => {
          const v = cell(table, r, c);
          let cls = 'num';
          let style: Record<string, string> | undefined;
          if (overlap && v > 0) cls += ' pos';
          if (metric === 'PrefillTPS' && bestTps > 0) {
            cls += ' bar';
            style = { '--bar': (Math.max(0, v) / bestTps).toFixed(4) };
          }
          const br = baseline ? baseRows.get(gpus[r] ?? '') : undefined;
          const bc = baseline && br !== undefined ? baseline.columns.indexOf(metric) : -1;
          if (baseline && br !== undefined && bc >= 1 && info) {
            const b = cell(baseline, br, bc);
            const change = formatChange(relativeChange(v, b), t.compare.newValue);
            return (
              <td
                key={r}
                class={cls}
                style={style}
                data-gpu={gpus[r]}
                data-metric={metric}
                data-value={String(v)}
                data-base={String(b)}
                title={t.compare.cell(show(b), change)}
              >
                {show(v)}
                <span class={`delta ${changeTone(info.better, v, b)}`}>{change}</span>
              </td>
            );
          }
          const band = metric === 'PrefillTPS' ? (table.band?.[r] ?? NaN) : NaN;
          return (
            <td key={r} class={cls} style={style} data-gpu={gpus[r]} data-metric={metric} data-value={String(v)}>
              {show(v)}
              {Number.isFinite(band) && (
                <span class="band-pm" data-band={String(band)} title={t.bandTitle}>
                  ±{Math.round(band)}%
                </span>
              )}
            </td>
          );
        })}
        <td class="note">{tr(line.note, lang)}</td>
      </tr>
    );
  };

  const rows = describe.prefill_layout.rows;
  const summary = describe.prefill_layout.summary;
  return (
    <div class={baseline ? 'data-table comparing' : 'data-table'}>
      {baseline && <p class="compare-note">{t.compare.tableNote('GPU')}</p>}
      <div class="table-tools">
        <span class="row-count">{caption}</span>
        <ExportButtons name="shallowsim-prefill" t={t} text={(format) => api.exportTable('prefill', format)} />
      </div>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table id="prefill-table" class="data prefill" data-rows={rows.length + summary.length} data-gpus={table.rows}>
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {/* The seed's corner cell (SPEC §8 header names): the header row holds the GPUs. */}
              <th scope="col" class="metric" title={t.prefillCorner}>
                GPU
              </th>
              <th scope="col" class="num" title={t.layers}>
                Layers
              </th>
              {gpus.map((g, r) => (
                <th key={r} scope="col" class="num gpu-col" data-gpu={g} data-gpu-index={colors.get(g)}>
                  {g}
                </th>
              ))}
              <th scope="col" class="note">
                {t.meaning}
              </th>
            </tr>
          </thead>
          <tbody>{rows.map((m) => renderRow(m, false))}</tbody>
          <tbody class="summary">{summary.map((m) => renderRow(m, true))}</tbody>
        </table>
      </div>
    </div>
  );
}

export const PrefillTable = memo(PrefillTableView);
