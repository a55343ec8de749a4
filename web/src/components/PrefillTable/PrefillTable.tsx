// The prefill table in the seed's layout: metrics as rows, a Layers column, one column per GPU.
import type { Table } from '../../engine';
import {
  columnTitle,
  prefillMetricRows,
  prefillSeedNotes,
  prefillSummaryRows,
  strings,
  type Lang,
} from '../../i18n';
import { changeTone, formatChange, relativeChange } from '../../table/compare';
import { markdownTable, toCsv, toJson } from '../../table/export';
import { formatCell } from '../../table/format';
import { cell } from '../../table/view';
import { ExportButtons } from '../ExportButtons/ExportButtons';
import { memo } from '../memo';

interface Props {
  table: Table;
  nLayers: number;
  nDense: number;
  lang: Lang;
  /** A colour slot per GPU name, the same in every table. */
  colors: ReadonlyMap<string, number>;
  /** A/B: the baseline's prefill table; cells show their change against the same GPU's. */
  baseline?: Table | null;
}

const ROWS = [...prefillMetricRows, ...prefillSummaryRows];

/** Layers a metric is charged for: the dense layers for MLA and DenseMLP, the MoE layers else. */
function layersOf(metric: string, nLayers: number, nDense: number): number | null {
  if (metric === 'MLA' || metric === 'DenseMLP') return nDense;
  return (prefillMetricRows as readonly string[]).includes(metric) ? nLayers - nDense : null;
}

function seedMarkdown(table: Table, nLayers: number, nDense: number, lang: Lang): string {
  const t = strings[lang];
  const gpus = Array.from({ length: table.rows }, (_, r) => table.gpus[table.gpu[r] ?? 0] ?? '');
  const body = (metrics: readonly string[], withLayers: boolean) =>
    metrics.map((m) => {
      const c = table.columns.indexOf(m);
      const layers = layersOf(m, nLayers, nDense);
      return [
        m,
        ...(withLayers ? [layers === null ? '' : layers.toFixed(1)] : []),
        ...gpus.map((_, r) => cell(table, r, c).toFixed(6)),
        prefillSeedNotes[m]?.[lang] ?? '',
      ];
    });
  return (
    markdownTable(['GPU', t.layers, ...gpus, t.meaning], body(prefillMetricRows, true)) +
    '\n' +
    markdownTable([t.summary, ...gpus, t.meaning], body(prefillSummaryRows, false))
  );
}

function PrefillTableView({ table, nLayers, nDense, lang, colors, baseline }: Props) {
  const t = strings[lang];
  const gpus = Array.from({ length: table.rows }, (_, r) => table.gpus[table.gpu[r] ?? 0] ?? '');
  const baseRows = new Map<string, number>();
  if (baseline) {
    for (let r = baseline.rows - 1; r >= 0; r--) baseRows.set(baseline.gpus[baseline.gpu[r] ?? 0] ?? '', r);
  }
  const all = Array.from({ length: table.rows }, (_, r) => r);
  const tpsColumn = table.columns.indexOf('PrefillTPS');
  const bestTps = Math.max(0, ...all.map((r) => cell(table, r, tpsColumn)));

  const renderRow = (metric: string, summary: boolean) => {
    const c = table.columns.indexOf(metric);
    const layers = layersOf(metric, nLayers, nDense);
    const overlap = metric === 'Overlap1' || metric === 'Overlap2';
    return (
      <tr key={metric} data-metric={metric} class={summary ? 'summary' : undefined}>
        <th scope="row" class="metric" title={columnTitle(metric, lang)}>
          {metric}
        </th>
        {layers === null ? (
          <td class="num muted" />
        ) : (
          <td class="num" data-value={String(layers)}>
            {layers}
          </td>
        )}
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
          if (baseline && br !== undefined && bc >= 1) {
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
                title={t.compare.cell(formatCell('fixed', b), change)}
              >
                {formatCell('fixed', v)}
                <span class={`delta ${changeTone(metric, v, b)}`}>{change}</span>
              </td>
            );
          }
          return (
            <td key={r} class={cls} style={style} data-gpu={gpus[r]} data-metric={metric} data-value={String(v)}>
              {formatCell('fixed', v)}
            </td>
          );
        })}
        <td class="note">{prefillSeedNotes[metric]?.[lang]}</td>
      </tr>
    );
  };

  return (
    <div class={baseline ? 'data-table comparing' : 'data-table'}>
      {baseline && <p class="compare-note">{t.compare.tableNote('GPU')}</p>}
      <div class="table-tools">
        <span class="row-count">{t.prefillCaption(table.rows)}</span>
        <ExportButtons
          name="shallowsim-prefill"
          t={t}
          text={(format) =>
            format === 'csv'
              ? toCsv(table, all)
              : format === 'json'
                ? toJson(table, all)
                : seedMarkdown(table, nLayers, nDense, lang)
          }
        />
      </div>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t.prefillCaption(table.rows)}>
        <table id="prefill-table" class="data prefill" data-rows={ROWS.length} data-gpus={table.rows}>
          <caption class="visually-hidden">{t.prefillCaption(table.rows)}</caption>
          <thead>
            <tr>
              <th scope="col" class="metric">
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
          <tbody>{prefillMetricRows.map((m) => renderRow(m, false))}</tbody>
          <tbody class="summary">{prefillSummaryRows.map((m) => renderRow(m, true))}</tbody>
        </table>
      </div>
    </div>
  );
}

export const PrefillTable = memo(PrefillTableView);
