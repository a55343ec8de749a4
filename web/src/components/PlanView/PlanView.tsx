// The plan view: the workload and targets as inputs, the answer first (the best plan and what it
// costs), the targets a GPU cannot meet and by how much, the plan table (one best row per GPU),
// and the trade-off drawn: output per GPU and cost against TPS per user, and the P:D ratio as the
// input/output ratio changes. The core computes every number (state/plan.ts).
import { useCallback, useMemo } from 'preact/hooks';
import type { ComputeOk, ConfigError, Engine, PlanCurve, Table, TableInfo, ViewInfo } from '../../engine';
import type { Hit } from '../../chart/plot';
import { formatNumber, strings, tr, type Lang } from '../../i18n';
import type { PageApi } from '../../state/page';
import { planPicks, usePlanDetails } from '../../state/plan';
import { Chart, type Readout } from '../Chart/Chart';
import { CacheNote } from '../CacheNote/CacheNote';
import { AlignNote } from '../CacheNote/AlignNote';
import { ViewInputs } from '../ViewInputs/ViewInputs';
import { DataTable } from '../DataTable/DataTable';
import { MissList } from '../MissList/MissList';

interface Props {
  engine: Engine;
  good: ComputeOk;
  /** A/B: the baseline's plan (rows matched by GPU). */
  baseline: Table | null;
  /** The worker is planning the link on screen (the table shown, if any, is the last link's). */
  busy: boolean;
  view: ViewInfo;
  info: TableInfo;
  fields: Record<string, string>;
  errors: readonly ConfigError[];
  lang: Lang;
  api: PageApi;
  colors: ReadonlyMap<string, number>;
}

const ASPECT = [0.6, 240, 380] as const;

interface Figure {
  x: number[];
  lines: { label: string; color: { kind: 'gpu'; index: number }; dashed: boolean; y: (number | null)[] }[];
}

/** Curves with their own x values on one shared x (null where a curve has no point). */
function curvesFigure(
  curves: readonly PlanCurve[],
  pick: (c: PlanCurve) => Float64Array,
  colors: ReadonlyMap<string, number>,
): Figure {
  const drawn = curves.filter((c) => c.tpsUser.length > 0);
  const x = [...new Set(drawn.flatMap((c) => [...c.tpsUser]))].sort((a, b) => a - b);
  const at = new Map(x.map((v, i) => [v, i]));
  const lines = drawn.map((c, i) => {
    const y: (number | null)[] = new Array<number | null>(x.length).fill(null);
    const values = pick(c);
    c.tpsUser.forEach((v, k) => {
      const idx = at.get(v);
      const value = values[k];
      if (idx !== undefined && value !== undefined && Number.isFinite(value)) y[idx] = value;
    });
    return { label: c.gpu, color: { kind: 'gpu' as const, index: colors.get(c.gpu) ?? i }, dashed: false, y };
  });
  return { x, lines };
}

export function PlanView({ engine, good, busy, baseline, view, info, fields, errors, lang, api, colors }: Props) {
  const t = strings[lang];
  const p = t.plan;
  const table = good.tables.plan;
  const details = usePlanDetails(engine, busy ? null : good.canonical);
  const picks = useMemo(() => (table ? planPicks(table) : []), [table]);
  const n = (v: number | undefined, d: number) => formatNumber(v ?? NaN, d, lang);
  const ms = (v: number | undefined) => `${n(v, (v ?? 0) < 100 ? 1 : 0)} ms`;
  const tpot = Number(fields.tpot_ms);

  const ok = details?.ok ? details : null;
  const output = useMemo(
    () => (ok ? curvesFigure(ok.frontier, (c) => c.output, colors) : { x: [], lines: [] }),
    [ok, colors],
  );
  const cost = useMemo(() => (ok ? curvesFigure(ok.frontier, (c) => c.usd, colors) : { x: [], lines: [] }), [ok, colors]);
  const ratio = useMemo((): Figure => {
    if (!ok) return { x: [], lines: [] };
    const r = ok.ratios;
    return {
      x: [...r.x],
      lines: r.gpus.map((gpu, i) => ({
        label: gpu,
        color: { kind: 'gpu' as const, index: colors.get(gpu) ?? i },
        dashed: false,
        y: [...(r.pd[i] ?? [])].map((v) => (Number.isFinite(v) ? v : null)),
      })),
    };
  }, [ok, colors]);

  const readout = useCallback(
    (figure: Figure, heading: (x: number) => string, decimals: number) =>
      (hit: Hit): Readout => {
        const x = figure.x[hit.idx];
        if (x === undefined) return { heading: '', values: [] };
        return {
          heading: heading(x),
          values: figure.lines.map((l, i) => {
            const v = l.y[hit.idx];
            if (v === null || v === undefined || (hit.line !== null && hit.line !== i)) return null;
            return { text: formatNumber(v, decimals, lang), value: v };
          }),
        };
      },
    [lang],
  );

  const best = picks[0];
  // The expert precisions the rows assume, when they differ between GPUs.
  const precisions = [...new Set(picks.map((x) => x.text.MoE ?? ''))];
  const mixed =
    precisions.length > 1
      ? precisions.map((m) => `${m.toUpperCase()}: ${picks.filter((x) => x.text.MoE === m).map((x) => x.gpu).join(', ')}`).join('; ')
      : '';
  const fieldInfo = engine.describe.fields;

  return (
    <div class="plan-view">
      <section class={busy ? 'plan-answer busy' : 'plan-answer'} id="plan-answer" aria-live="polite" aria-busy={busy}>
        {!table && busy ? (
          <p class="answer">{p.planning}</p>
        ) : best ? (
          <>
            <h3>{p.best}</h3>
            <p
              class="answer"
              data-gpu={best.gpu}
              data-serving={best.text.Serving}
              data-value={String(best.values.OutputTPS_per_GPU)}
            >
              <strong>
                {p.answer(
                  `${best.gpu} (${p.servingName(best.text.Serving ?? '')})`,
                  n(best.values.OutputTPS_per_GPU, 0),
                  n(best.values.USD_per_M_output, 3),
                  n(best.values.TPS_user, 1),
                )}
              </strong>{' '}
              <span class="band" data-uncertainty={String(best.values.Uncertainty_pct)}>
                {p.band(n(best.values.Uncertainty_pct, 0))}
              </span>
            </p>
            <p>
              {best.text.Serving === 'agg'
                ? p.howAgg({
                    instance: n(best.values.DecodeEP, 0),
                    layout:
                      (best.values.PrefillDP ?? 1) > 1
                        ? `DP attention × ${n(best.values.PrefillDP, 0)}`
                        : `attention TP ${n(best.values.PrefillTP, 0)}`,
                    batch: n(best.values.Batch, 1),
                    ttft: `${ms(best.values.TTFT_ms)} ≤ ${ms(Number(fields.ttft_ms))}`,
                    tpot: `${ms(best.values.TPOT_ms)} ≤ ${ms(tpot)}`,
                  })
                : p.how({
                    prefill: p.prefillShape(
                      n(best.values.PrefillTP, 0),
                      n(best.values.PrefillDP, 0),
                      n(best.values.PrefillTokens, 0),
                    ),
                    decode: p.decodeShape(n(best.values.DecodeEP, 0), n(best.values.DecodeTP, 0), n(best.values.Batch, 0)),
                    pd: n(best.values.PD_ratio, 2),
                    ttft: `${ms(best.values.TTFT_ms)} ≤ ${ms(Number(fields.ttft_ms))}`,
                    tpot: `${ms(best.values.TPOT_ms)} ≤ ${ms(tpot)}`,
                  })}{' '}
              <span data-limit={best.text.Limit}>{p.limit(best.text.Limit ?? '')}</span>
            </p>
            <p data-gpus={String(best.values.GPUs)}>
              {best.text.Serving === 'agg'
                ? p.fleetAgg(n(best.values.GPUs, 0), n(best.values.DecodeInstances, 0), n(best.values.USD_per_hour, 2))
                : p.fleet(
                    n(best.values.GPUs, 0),
                    n(best.values.PrefillInstances, 0),
                    n(best.values.DecodeInstances, 0),
                    n(best.values.USD_per_hour, 2),
                  )}{' '}
              {best.text.Serving !== 'agg' &&
                best.values.IdealOutputTPS_per_GPU !== undefined &&
                Math.abs(best.values.IdealOutputTPS_per_GPU - (best.values.OutputTPS_per_GPU ?? 0)) >
                  5e-4 * best.values.IdealOutputTPS_per_GPU && (
                  <span class="hint" data-ideal={String(best.values.IdealOutputTPS_per_GPU)}>
                    {p.ideal(n(best.values.IdealOutputTPS_per_GPU, 0))}
                  </span>
                )}
            </p>
            <p class="plan-assumes" data-moe={best.text.MoE} data-kv={best.text.KV}>
              {p.assumes(best.text.MoE ?? '', best.text.KV ?? '', n(best.values.MTP, 0))}{' '}
              {mixed && (
                <>
                  {p.mixedPrecision(mixed)}{' '}
                  <button type="button" class="small" id="plan-same-precision" onClick={() => api.set('moe_dtype', 'fp8')}>
                    {p.samePrecision}
                  </button>
                </>
              )}
            </p>
            <CacheNote fields={fields} lang={lang} api={api} id="plan-cache-note" />
            <AlignNote
              fields={fields}
              lang={lang}
              api={api}
              id="plan-align-note"
              calibrations={engine.describe.calibrations}
              dpa={best.text.Serving === 'agg' && (best.values.PrefillDP ?? 1) > 1}
            />
            {fields.mode !== 'calibrated' && (
              <p class="plan-reference" id="plan-reference">
                {p.referenceError(n(best.values.Uncertainty_pct, 0))}{' '}
                <button type="button" class="small" id="plan-use-calibrated" onClick={() => api.set('mode', 'calibrated')}>
                  {p.useCalibrated}
                </button>
              </p>
            )}
            <p>
              {best.decodeLink && (
                <a class="open-link" href={`#${best.decodeLink}`}>
                  {p.openDecode}
                </a>
              )}
              {best.prefillLink && (
                <>
                  {' · '}
                  <a class="open-link" href={`#${best.prefillLink}`}>
                    {p.openPrefill}
                  </a>
                </>
              )}
              {best.serveLink && (
                <>
                  {' · '}
                  <a class="open-link" href={`#${best.serveLink}`} id="plan-open-serve">
                    {p.openServe}
                  </a>
                </>
              )}
            </p>
          </>
        ) : (
          <p class="answer">{p.none}</p>
        )}
      </section>

      <p class="lengths-note" id="plan-lengths">{t.lengthsNote}</p>
      <ViewInputs
        id="plan-inputs"
        legend={p.targets}
        keys={view.inputs}
        fieldInfo={fieldInfo}
        fields={fields}
        errors={errors}
        lang={lang}
        api={api}
      />

      {ok && <MissList id="plan-misses" title={p.misses} misses={ok.misses} />}

      {table && (
        <DataTable
          view={view}
          info={info}
          table={table}
          fields={fields}
          gpus={good.gpus}
          lang={lang}
          colors={colors}
          baseline={baseline}
          api={api}
        />
      )}

      {table && picks.length > 0 && (
        <ul class="plan-links" id="plan-links">
          {picks.map((pick) => (
            <li key={pick.gpu} data-gpu={pick.gpu}>
              <strong>{pick.gpu}</strong>:{' '}
              <a class="open-link" href={`#${pick.decodeLink}`}>
                {p.openDecode}
              </a>{' '}
              ·{' '}
              <a class="open-link" href={`#${pick.prefillLink}`}>
                {p.openPrefill}
              </a>{' '}
              ·{' '}
              <a class="open-link" href={`#${pick.serveLink}`}>
                {p.openServe}
              </a>
            </li>
          ))}
        </ul>
      )}

      {ok && (
        <div class="chart-grid plan-charts" id="plan-charts">
          <div class="chart-cell" id="plan-output-chart" data-lines={output.lines.length}>
            <Chart
              id="plan-output"
              title={p.outputTitle}
              xLabel={p.xTps}
              yLabel={p.yOutput}
              x={output.x}
              lines={output.lines}
              hover="nearest"
              points
              vline={tpot > 0 ? 1000 / tpot : null}
              aspect={ASPECT}
              hint={p.hoverHint}
              loadingText={t.sweep.loadingCharts}
              noCanvasText={t.sweep.noCanvas}
              describe={readout(output, (x) => `${n(x, 1)} ${p.xTps}`, 0)}
            />
          </div>
          <div class="chart-cell" id="plan-cost-chart" data-lines={cost.lines.length}>
            <Chart
              id="plan-cost"
              title={p.costTitle}
              xLabel={p.xTps}
              yLabel={p.yCost}
              x={cost.x}
              lines={cost.lines}
              hover="nearest"
              points
              log
              vline={tpot > 0 ? 1000 / tpot : null}
              aspect={ASPECT}
              hint={p.hoverHint}
              loadingText={t.sweep.loadingCharts}
              noCanvasText={t.sweep.noCanvas}
              describe={readout(cost, (x) => `${n(x, 1)} ${p.xTps}`, 3)}
            />
          </div>
          <div class="chart-cell" id="plan-ratio-chart" data-lines={ratio.lines.length}>
            <Chart
              id="plan-ratio"
              title={p.ratioTitle}
              xLabel={p.xRatio}
              yLabel={p.yRatio}
              x={ratio.x}
              lines={ratio.lines}
              hover="index"
              points
              log
              aspect={ASPECT}
              hint={p.ratioHint}
              loadingText={t.sweep.loadingCharts}
              noCanvasText={t.sweep.noCanvas}
              describe={readout(ratio, (x) => `isl/osl = ${n(x, 3)}`, 3)}
            />
          </div>
        </div>
      )}

      {ok && (
        <section class="plan-notes">
          <h3>{p.prices}</h3>
          <ul class="plan-prices" id="plan-prices">
            {ok.prices.map((x) => (
              <li key={x.gpu} data-gpu={x.gpu} data-value={String(x.usd)}>
                <strong>{x.gpu}</strong> ${formatNumber(x.usd, 2, lang)} — {x.source}
              </li>
            ))}
          </ul>
          <p class="hint">{p.model}</p>
          <p class="hint">{tr(view.caption, lang)}</p>
        </section>
      )}
    </div>
  );
}
