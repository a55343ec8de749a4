// The reality check: every published deployment with its measured throughput, both modes'
// predictions and their errors; a model-vs-measured scatter (log axes, y = x and a ±15 % band);
// the median |error| per tier, headline over the out-of-sample rows (those whose source supplied no
// constant), then over every row. The rows come from the core (state/reality.ts).
import { useCallback, useMemo } from 'preact/hooks';
import type { ColumnInfo, Engine, RealityCell } from '../../engine';
import type { Hit } from '../../chart/plot';
import type { ColorSlot } from '../../chart/theme';
import { formatNumber, formatValue, strings, tr, type Lang, type Strings } from '../../i18n';
import type { PageApi } from '../../state/page';
import { gpuCoverage, useReality, type GpuChecked } from '../../state/reality';
import { Chart, type Readout } from '../Chart/Chart';
import { ExportButtons } from '../ExportButtons/ExportButtons';

interface Props {
  /** Passed to the state hook that computes the rows (never called here). */
  engine: Engine;
  /** The calibration the link names ("" = the latest). */
  cal: string;
  lang: Lang;
  api: PageApi;
}

const ASPECT = [0.6, 280, 440] as const;
const BAND = 0.15;

function num(v: RealityCell | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * A source as the data names it ("github.com/owner/repo path/in/repo") becomes a link to that
 * file; any other text stays text.
 */
export function sourceUrl(source: string): string | null {
  const m = /^github\.com\/([\w.-]+\/[\w.-]+) (\S+)(\s.*)?$/.exec(source);
  if (!m) return null;
  // A benchmark run (InferenceX publishes its results as GitHub Actions runs), else a file.
  return /^actions\/runs\/\d+$/.test(m[2] ?? '') ? `https://github.com/${m[1]}/${m[2]}` : `https://github.com/${m[1]}/blob/HEAD/${m[2]}`;
}

function SourceLink({ source }: { source: string }) {
  const url = sourceUrl(source);
  // The repository and file (or run) are the link; a note after them ("(commit …)") is text.
  const at = source.indexOf(' ', source.indexOf(' ') + 1);
  const linked = at < 0 ? source : source.slice(0, at);
  return url ? (
    <>
      <a href={url} target="_blank" rel="noopener noreferrer">
        {linked}
      </a>
      {at < 0 ? '' : source.slice(at)}
    </>
  ) : (
    <>{source}</>
  );
}

/** Which GPUs the deployments check (and with how many rows of each tier), then the others. */
function GpuChecks({ checked, unchecked, t }: ReturnType<typeof gpuCoverage> & { t: Strings }) {
  const tiers = (c: GpuChecked) =>
    [c.tierA ? `${c.tierA} A` : '', c.tierB ? `${c.tierB} B` : ''].filter(Boolean).join(' + ');
  return (
    <p class="hint" id="reality-gpus">
      {t.reality.checked(checked.map((c) => `${c.gpu} (${tiers(c)})`).join(', '))}{' '}
      {unchecked.length > 0 && <span id="reality-unchecked">{t.reality.unchecked(unchecked.join(', '))}</span>}
    </p>
  );
}

export function RealityView({ engine, cal, lang, api }: Props) {
  const t = strings[lang];
  const result = useReality(engine, cal);
  // The core's headline first (id, the measurement, both predictions, both errors), then every
  // condition, as in the export.
  const columns = useMemo(() => {
    const info = engine.describe.tables.find((x) => x.key === 'reality');
    const all = info?.columns ?? [];
    const names = [...new Set([...(info?.headline ?? []), ...all.map((c) => c.name)])];
    return names.map((name) => all.find((c) => c.name === name)).filter((c): c is ColumnInfo => !!c && c.name !== 'source' && c.name !== 'link');
  }, [engine]);
  const rows = result.ok ? result.rows : [];
  // Every GPU any catalog version has (the newest lists them all).
  const coverage = useMemo(
    () => gpuCoverage(rows, (engine.describe.catalogs.at(-1)?.gpus ?? engine.describe.catalog).map((g) => g.name)),
    [rows, engine],
  );
  // The scatter: one x per deployment (its measured figure), ascending.
  const order = useMemo(
    () =>
      rows
        .map((r, i) => i)
        .filter((i) => num(rows[i]?.measured) !== null)
        .sort((a, b) => (num(rows[a]?.measured) ?? 0) - (num(rows[b]?.measured) ?? 0)),
    [rows],
  );
  const x = order.map((i) => num(rows[i]?.measured) ?? 0);
  const line = (label: string, color: ColorSlot, y: (number | null)[], style: 'line' | 'points', dashed = false) => ({
    label,
    color,
    dashed,
    y,
    style,
  });
  const lines = [
    line(t.reality.reference, { kind: 'series', index: 1 }, order.map((i) => num(rows[i]?.reference)), 'points'),
    line(t.reality.calibrated, { kind: 'series', index: 0 }, order.map((i) => num(rows[i]?.calibrated)), 'points'),
    line('y = x', { kind: 'series', index: 7 }, x, 'line'),
    line('+15 %', { kind: 'series', index: 7 }, x.map((v) => v * (1 + BAND)), 'line', true),
    line('−15 %', { kind: 'series', index: 7 }, x.map((v) => v * (1 - BAND)), 'line', true),
  ];
  const describe = useCallback(
    (hit: Hit): Readout => {
      const row = rows[order[hit.idx] ?? -1];
      if (!row) return { heading: '', values: [] };
      return {
        heading: `${String(row.id)} · ${String(row.GPU)} · ${t.reality.measured} ${formatNumber(num(row.measured) ?? 0, 0, lang)}`,
        values: lines.map((l, i) => {
          if (i > 1) return null;
          const v = l.y[hit.idx];
          return v === null || v === undefined ? null : { text: formatNumber(v, 0, lang), value: v };
        }),
      };
    },
    [rows, order, lines, t, lang],
  );

  if (!result.ok) {
    return (
      <div class="errors" role="alert">
        <ul>
          {result.errors.map((e, i) => (
            <li key={i}>
              <code>{e.key}</code>: {e.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const all = result.stats;
  const { A, AB } = result.outOfSample;
  const pct = (v: number) => `${formatNumber(v, 1, lang)} %`;
  const cell = (c: ColumnInfo, v: RealityCell | undefined) => {
    // The deployment names its row and stays in view while the row scrolls sideways.
    if (c.name === 'id') {
      return (
        <th scope="row" class="gpu frozen frozen-last" title={String(v ?? '')}>
          {String(v ?? '')}
        </th>
      );
    }
    if (v === null || v === undefined) return <td class="num muted">—</td>;
    if (typeof v === 'string') return <td class={c.name === 'assumed' ? 'note' : undefined}>{v}</td>;
    const err = c.name.startsWith('err_');
    const cls = err ? `num ${Math.abs(v) <= 15 ? 'good' : Math.abs(v) > 35 ? 'bad' : ''}` : 'num';
    return (
      <td class={cls} data-value={String(v)}>
        {err && v > 0 ? '+' : ''}
        {formatValue(c, v, lang)}
      </td>
    );
  };

  return (
    <div class="reality-view">
      <dl class="reality-stats" id="reality-stats">
        {(
          [
            ['A', A, all.A, t.reality.tierA],
            ['AB', AB, all.AB, t.reality.tierAB],
          ] as const
        ).map(([key, s, every, label]) => (
          <div key={key} data-tiers={key}>
            <dt>
              {label}, {t.reality.outOfSample} <span class="muted">({t.reality.rows(s.rows)})</span>
            </dt>
            <dd>
              {t.reality.median}: <strong>{t.reality.reference}</strong>{' '}
              <span data-mode="reference" data-value={String(s.reference)}>
                {pct(s.reference)}
              </span>{' '}
              · <strong>{t.reality.calibrated}</strong>{' '}
              <span data-mode="calibrated" data-value={String(s.calibrated)}>
                {pct(s.calibrated)}
              </span>
              <span class="muted">
                {' '}
                ({t.reality.worst} {pct(s.worstReference)} / {pct(s.worstCalibrated)})
              </span>
            </dd>
            <dd class="muted" data-all={key}>
              {t.reality.allRows(every.rows, every.rows - s.rows)}: {t.reality.reference}{' '}
              <span data-mode="reference" data-value={String(every.reference)}>
                {pct(every.reference)}
              </span>{' '}
              · {t.reality.calibrated}{' '}
              <span data-mode="calibrated" data-value={String(every.calibrated)}>
                {pct(every.calibrated)}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <p class="hint">{t.reality.note(result.calibration)}</p>
      <GpuChecks {...coverage} t={t} />
      <div class="chart-single" id="reality-chart">
        <Chart
          id="reality"
          title={t.reality.chartTitle}
          xLabel={t.reality.xLabel}
          yLabel={t.reality.yLabel}
          x={x}
          lines={lines}
          hover="nearest"
          log
          aspect={ASPECT}
          hint={t.reality.hoverHint}
          loadingText={t.sweep.loadingCharts}
          noCanvasText={t.sweep.noCanvas}
          describe={describe}
        />
      </div>
      <div class="table-tools">
        <span class="row-count">{t.reality.rows(rows.length)}</span>
        <ExportButtons name="shallowsim-reality" t={t} text={(format) => api.exportTable('reality', format)} />
      </div>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t.reality.chartTitle}>
        <table id="reality-table" class="data reality" data-rows={rows.length}>
          <caption class="visually-hidden">{t.reality.chartTitle}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.name}
                  scope="col"
                  class={c.name === 'id' ? 'gpu frozen frozen-last' : c.style === 'text' ? 'text' : 'num'}
                  title={tr(c.meaning, lang)}
                  data-column={c.name}
                >
                  {/* Name over unit, the name breakable after its underscores (err_calibrated_pct),
                      so both errors fit in the first screen. */}
                  <span class="name">
                    {c.name.split('_').map((part, i, all) => (
                      <>
                        {part}
                        {i < all.length - 1 && (
                          <>
                            _<wbr />
                          </>
                        )}
                      </>
                    ))}
                  </span>
                  {c.unit && <span class="unit">{c.unit}</span>}
                </th>
              ))}
              <th scope="col">{t.reality.open}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={String(r.id)} class={i % 2 ? 'odd' : undefined} data-id={String(r.id)} data-tier={String(r.tier)}>
                {columns.map((c) => (
                  <>{cell(c, r[c.name])}</>
                ))}
                <td>
                  <a href={`#${String(r.link)}`} class="open-link">
                    {r.phase === 'prefill'
                      ? t.reality.openPrefill
                      : r.phase === 'serve'
                        ? t.reality.openServe
                        : t.reality.openDecode}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="reality-sources">
        {rows.map((r) => (
          <li key={String(r.id)}>
            <code>{String(r.id)}</code> — <SourceLink source={String(r.source)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
