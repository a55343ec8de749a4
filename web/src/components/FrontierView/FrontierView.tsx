// The frontier view: per GPU the Pareto curve of Total per GPU against TPS per user (the
// baseline's dashed), the TPS-per-user floor as a line, and the best Total per GPU at or above it.
import { useCallback, useMemo, useRef } from 'preact/hooks';
import type { ConfigError, Table } from '../../engine';
import { bestAtFloor, frontierFigure, frontierPoints } from '../../chart/frontier';
import type { Hit, Plot } from '../../chart/plot';
import { canvasBlob, composeFigure } from '../../chart/png';
import { theme } from '../../chart/theme';
import { formatNumber, strings, type Lang } from '../../i18n';
import type { PageApi } from '../../state/page';
import { changeTone, formatChange, relativeChange } from '../../table/compare';
import { Chart, type Readout } from '../Chart/Chart';
import { download } from '../ExportButtons/download';

interface Props {
  /** The frontier rows (the core's `frontier` view of the decode table). */
  table: Table;
  baseline: Table | null;
  /** tps_floor as the link gives it. */
  floorText: string;
  errors: readonly ConfigError[];
  lang: Lang;
  api: PageApi;
  colors: ReadonlyMap<string, number>;
}

const ASPECT = [0.55, 280, 460] as const;

export function FrontierView({ table, baseline: baseTable, floorText, errors, lang, api, colors }: Props) {
  const t = strings[lang];
  const floor = Number(floorText) || 0;
  const figure = useMemo(
    () => frontierFigure(table, baseTable, colors, t.compare.baseLabel),
    [table, baseTable, colors, t],
  );
  const plot = useRef<Plot | null>(null);
  const onPlot = useCallback((_: string, p: Plot | null) => {
    plot.current = p;
  }, []);

  const describe = useCallback(
    (hit: Hit): Readout => {
      const line = hit.line === null ? undefined : figure.lines[hit.line];
      const p = line?.points[hit.idx];
      if (!line || !p) return { heading: '', values: [] };
      const f = t.frontier;
      const total = { text: `${f.totalPerGpu} ${formatNumber(p.total, 0, lang)}`, value: p.total };
      return {
        heading: `${line.label}: ${f.point(p.ep, p.tp, p.batch)} · ${f.tpsPerUser} ${formatNumber(p.tps, 1, lang)}`,
        values: figure.lines.map((l) => (l === line ? total : null)),
      };
    },
    [figure, t, lang],
  );

  const best = useMemo(() => {
    const cur = frontierPoints(table);
    const old = baseTable ? frontierPoints(baseTable) : null;
    return [...cur.entries()].map(([gpu, pts]) => ({
      gpu,
      point: bestAtFloor(pts, floor),
      base: old ? bestAtFloor(old.get(gpu) ?? [], floor) : undefined,
    }));
  }, [table, baseTable, floor]);

  const savePng = async () => {
    const mod = await import('../../chart/plot');
    if (!plot.current) return;
    const canvas = composeFigure(
      t.frontier.chartTitle,
      [
        {
          title: floor > 0 ? t.frontier.bestTitle(floor) : t.frontier.chartTitle,
          canvas: mod.canvasOf(plot.current),
          legend: figure.lines.map((l) => ({ label: l.label, color: l.color, dashed: l.dashed })),
        },
      ],
      1,
      theme(),
    );
    const blob = await canvasBlob(canvas);
    if (blob) download('shallowsim-frontier.png', blob, 'image/png');
  };

  const floorErrors = errors.filter((e) => e.key === 'tps_floor');
  const compared = baseTable !== null;
  const tokens = (v: number) => formatNumber(v, 0, lang);
  const perUser = (v: number) => formatNumber(v, 1, lang);

  return (
    <div class="frontier-view">
      <div class="view-controls">
        <div class="ctl-group">
          <label class="ctl" title={t.frontier.floorHint}>
            <span>
              {t.frontier.floor} <code>tps_floor</code>
            </span>
            <input
              id="field-tps_floor"
              type="text"
              inputMode="decimal"
              class="num"
              size={7}
              autoComplete="off"
              aria-invalid={floorErrors.length ? 'true' : undefined}
              aria-describedby="field-tps_floor-help"
              value={floorText === '0' ? '' : floorText}
              placeholder="0"
              onInput={(e) => api.set('tps_floor', e.currentTarget.value.trim() || '0')}
            />
          </label>
          <small id="field-tps_floor-help" class="help">
            {t.frontier.floorHint}
          </small>
          {floorErrors.length > 0 && (
            <p class="field-error" role="status">
              {floorErrors.map((e) => e.message).join('; ')}
            </p>
          )}
        </div>
        <div class="export" role="group" aria-label={t.exportLabel}>
          <span class="export-label">{t.exportLabel}</span>
          <button
            type="button"
            class="small"
            data-export="frontier-png"
            title={t.sweep.pngTitle}
            onClick={() => void savePng()}
          >
            {t.sweep.png}
          </button>
        </div>
      </div>
      <div class="chart-single" id="frontier-chart" data-lines={figure.lines.length} data-floor={floor}>
        <Chart
          id="frontier"
          title={t.frontier.chartTitle}
          xLabel={t.frontier.xLabel}
          yLabel={t.frontier.yLabel}
          x={figure.x}
          lines={figure.lines}
          hover="nearest"
          points
          vline={floor > 0 ? floor : null}
          aspect={ASPECT}
          hint={t.frontier.hoverHint}
          loadingText={t.sweep.loadingCharts}
          noCanvasText={t.sweep.noCanvas}
          describe={describe}
          dashedLegend={t.compare.baseline}
          onPlot={onPlot}
        />
      </div>
      <h3 class="table-title">{t.frontier.bestTitle(floor)}</h3>
      <div class="table-scroll">
        <table id="frontier-best-table" class="data best" data-rows={best.length} data-floor={floor}>
          <caption class="visually-hidden">{t.frontier.bestTitle(floor)}</caption>
          <thead>
            <tr>
              <th scope="col" class="gpu">
                GPU
              </th>
              <th scope="col" class="num">
                Total
              </th>
              <th scope="col" class="num">
                TPS
              </th>
              <th scope="col" class="num">
                EP
              </th>
              <th scope="col" class="num">
                TP
              </th>
              <th scope="col" class="num">
                BatchSize
              </th>
              {compared && (
                <>
                  <th scope="col" class="num">
                    {t.frontier.baseTotal}
                  </th>
                  <th scope="col" class="num">
                    {t.frontier.change}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {best.map(({ gpu, point, base }, i) => {
              const change = point && base ? relativeChange(point.total, base.total) : null;
              return (
                <tr key={gpu} class={i % 2 ? 'odd' : undefined} data-gpu={gpu}>
                  <th scope="row" class="gpu" data-gpu-index={colors.get(gpu)}>
                    {gpu}
                  </th>
                  {point ? (
                    <>
                      <td class="num" data-value={String(point.total)}>
                        {tokens(point.total)}
                      </td>
                      <td class="num" data-value={String(point.tps)}>
                        {perUser(point.tps)}
                      </td>
                      <td class="num" data-value={String(point.ep)}>
                        {point.ep}
                      </td>
                      <td class="num" data-value={String(point.tp)}>
                        {point.tp}
                      </td>
                      <td class="num" data-value={String(point.batch)}>
                        {point.batch}
                      </td>
                    </>
                  ) : (
                    <td colSpan={5} class="empty-cell">
                      {t.frontier.unreached}
                    </td>
                  )}
                  {compared &&
                    (base ? (
                      <>
                        <td class="num" data-value={String(base.total)}>
                          {tokens(base.total)}
                        </td>
                        <td class={`num delta-cell ${point ? changeTone('higher', point.total, base.total) : ''}`}>
                          {point ? formatChange(change, t.compare.newValue) : ''}
                        </td>
                      </>
                    ) : (
                      <td colSpan={2} class="empty-cell">
                        {t.frontier.unreached}
                      </td>
                    ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3 class="table-title">{t.frontier.rowsTitle}</h3>
    </div>
  );
}
