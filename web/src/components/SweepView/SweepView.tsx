// The sweep view: one chart per GPU (or per EP) and metric, the baseline's lines dashed beside
// the current ones, exact values on hover, and the data as CSV (the CLI's) or the charts as PNG.
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { ComputeOk, ConfigError, Engine } from '../../engine';
import type { Hit, Plot } from '../../chart/plot';
import { composeFigure, canvasBlob, type PngPanel } from '../../chart/png';
import { sweepFigure, type SweepGroup, type SweepPanel } from '../../chart/sweep';
import { theme } from '../../chart/theme';
import { formatNumber, strings, withUnit, type Lang } from '../../i18n';
import type { PageApi } from '../../state/page';
import { useSweepSeries } from '../../state/sweepSeries';
import { Chart, type Readout } from '../Chart/Chart';
import { download } from '../ExportButtons/download';
import { SweepControls } from './SweepControls';

interface Props {
  /** Passed to the state hook that runs the sweep in the background (never called here). */
  engine: Engine;
  good: ComputeOk;
  fields: Record<string, string>;
  errors: readonly ConfigError[];
  lang: Lang;
  api: PageApi;
  colors: ReadonlyMap<string, number>;
}

const ASPECT = [0.5, 190, 260] as const;

function numberText(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
}

export function SweepView(props: Props) {
  const { engine, good, lang, colors } = props;
  const info = engine.describe;
  const t = strings[lang];
  const link = `#${good.canonical}`;
  const baseLink = good.baseline ? `#${good.baseline.link}` : null;
  const { current, baseline, csv } = useSweepSeries(engine, link, baseLink);
  const group: SweepGroup = props.fields.sweep_group === 'ep' ? 'ep' : 'gpu';
  const [csvBusy, setCsvBusy] = useState(false);
  /** Set for a PNG export: every chart draws, on screen or not. */
  const [drawAll, setDrawAll] = useState(false);
  const plots = useRef(new Map<string, Plot>());
  const onPlot = useCallback((id: string, plot: Plot | null) => {
    if (plot) plots.current.set(id, plot);
    else plots.current.delete(id);
  }, []);

  const cur = current.result?.ok ? current.result : null;
  const old = baseline.result?.ok && baseLink !== null ? baseline.result : null;
  const figure = useMemo(
    () =>
      cur
        ? sweepFigure(cur, old, group, colors, { base: t.compare.baseLabel, ep: t.sweep.ep })
        : null,
    [cur, old, group, colors, t],
  );
  const field = info.fields.find((f) => f.key === figure?.param);
  const decode = info.tables.find((x) => x.key === 'decode')?.columns ?? [];
  const unitOf = (metric: string) => decode.find((c) => c.name === metric)?.unit ?? '';
  const xLabel = figure ? withUnit(figure.param, field?.unit ?? '') : '';

  const describe = useCallback(
    (panel: SweepPanel) =>
      (hit: Hit): Readout => {
        const x = figure?.x[hit.idx];
        // A hover from before the numbers changed.
        if (x === undefined) return { heading: t.sweep.hoverHint, values: [] };
        return {
          heading: `${figure?.param ?? ''} = ${numberText(x)}`,
          values: panel.lines.map((line) => {
            const y = line.y[hit.idx];
            const tp = line.tp[hit.idx];
            if (y === null || y === undefined) return { text: t.sweep.noFit };
            // The metric's own decimals (the core's column: Total 0, TPS 1, TPOT 3).
            const decimals = decode.find((c) => c.name === panel.metric)?.decimals ?? 3;
            return { text: `${formatNumber(y, decimals, lang)} · ${t.sweep.tp(tp ?? NaN)}`, value: y };
          }),
        };
      },
    [figure, t, lang, decode],
  );

  const saveCsv = async () => {
    setCsvBusy(true);
    try {
      const result = await csv(link);
      if (result.ok) download(`shallowsim-sweep-${figure?.param ?? 'sweep'}.csv`, result.text, 'text/csv');
    } finally {
      setCsvBusy(false);
    }
  };

  // Exactly the plotted series (the core's `series` table), computed in the page: a few ms.
  const saveSeries = () => {
    const result = props.api.exportTable('series', 'csv');
    if (result.ok) download(`shallowsim-series-${figure?.param ?? 'sweep'}.csv`, result.text, 'text/csv');
  };

  const savePng = async () => {
    if (!figure) return;
    const mod = await import('../../chart/plot');
    setDrawAll(true);
    // Off-screen charts are drawn on demand: wait (a few frames at most) until all are.
    for (let i = 0; i < 60 && figure.panels.some((p) => !plots.current.has(p.id)); i++) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    const panels: PngPanel[] = [];
    for (const panel of figure.panels) {
      const plot = plots.current.get(panel.id);
      if (!plot) continue;
      panels.push({
        title: panel.title,
        canvas: mod.canvasOf(plot),
        legend: panel.lines.map((l) => ({ label: l.label, color: l.color, dashed: l.dashed })),
      });
    }
    if (panels.length === 0) return;
    const columns = figure.metrics.length > 1 ? figure.metrics.length : 2;
    const canvas = composeFigure(t.sweep.figureTitle(figure.param, figure.batch), panels, columns, theme());
    const blob = await canvasBlob(canvas);
    if (blob) download(`shallowsim-sweep-${figure.param}.png`, blob, 'image/png');
  };

  const failure = current.result && !current.result.ok ? current.result.errors : null;
  const baseFailure = baseLink !== null && baseline.result && !baseline.result.ok ? baseline.result.errors : null;

  return (
    <div class="sweep-view" data-busy={current.busy ? 'true' : undefined}>
      <SweepControls
        describe={info}
        fields={props.fields}
        errors={props.errors}
        lang={lang}
        api={props.api}
      />
      <div class="figure-tools">
        <p class="figure-title">
          {figure ? (
            <>
              <strong>{t.sweep.figureTitle(figure.param, figure.batch)}</strong>{' '}
              <span class="muted">{t.sweep.summary(figure.panels.length, figure.x.length)}</span>
            </>
          ) : (
            t.sweep.computing
          )}
        </p>
        <div class="export" role="group" aria-label={t.exportLabel}>
          <span class="export-label">{t.exportLabel}</span>
          <button
            type="button"
            class="small"
            data-export="sweep-csv"
            title={t.sweep.csvTitle}
            disabled={csvBusy}
            onClick={() => void saveCsv()}
          >
            {csvBusy ? t.sweep.csvBusy : t.sweep.csv}
          </button>
          <button
            type="button"
            class="small"
            data-export="series-csv"
            title={t.sweep.seriesTitle}
            disabled={!figure}
            onClick={saveSeries}
          >
            {t.sweep.series}
          </button>
          <button
            type="button"
            class="small"
            data-export="sweep-png"
            title={t.sweep.pngTitle}
            disabled={!figure}
            onClick={() => void savePng()}
          >
            {t.sweep.png}
          </button>
        </div>
      </div>
      {failure && <ErrorBox errors={failure} />}
      {baseFailure && <ErrorBox title={t.sweep.baselineFailed} errors={baseFailure} />}
      {figure && (
        <div
          class="chart-grid"
          id="sweep-charts"
          data-panels={figure.panels.length}
          data-points={figure.x.length}
          data-link={(current.link ?? '').slice(1)}
        >
          {figure.panels.map((panel) => (
            <Chart
              key={panel.id}
              id={panel.id}
              title={panel.title}
              xLabel={xLabel}
              yLabel={withUnit(panel.metric, unitOf(panel.metric))}
              x={figure.x}
              lines={panel.lines}
              stopLegend={t.sweep.stop}
              hover="index"
              sync="sweep"
              aspect={ASPECT}
              hint={t.sweep.hoverHint}
              loadingText={t.sweep.loadingCharts}
              noCanvasText={t.sweep.noCanvas}
              describe={describe(panel)}
              onPlot={onPlot}
              eager={drawAll}
            />
          ))}
        </div>
      )}
    </div>
  );
}

function ErrorBox({ errors, title }: { errors: readonly ConfigError[]; title?: string }) {
  return (
    <div class="errors" role="alert">
      {title && <p class="errors-title">{title}</p>}
      <ul>
        {errors.map((e, i) => (
          <li key={i} data-key={e.key}>
            <code>{e.key}</code>: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
